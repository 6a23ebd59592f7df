"""A realistic, fictional freinet CSV export of a city's volunteer agency, for the import benchmark and tests.

It has what real exports have (see /work/shared/notes/research.md): the exact 18 headings, UTF-8 with a byte
order mark, ';', CRLF, HTML in cells and cells over several lines; `ort` empty in every row with the place in
`ortsteil`; coordinates that are real, 0/0, "0.000000", missing, or a placeholder point shared by many
organisations; about 9% rows without any place; no contact columns; a few titles over 200 characters. The
texts are put together from many parts, so listings do not repeat one template. Every name is made up.
"""

from __future__ import annotations

import csv
import functools
import io
import random
from dataclasses import dataclass

from nlu.kernel.gazetteer import Place, get_gazetteer
from nlu.kernel.resources import data_path

HEADINGS = [
    "agenturid", "agenturname", "einrichtungsname", "angebotsname", "beschreibung", "wertigkeit", "plz", "ort",
    "kontaktierbar", "avatar", "anzahl_gesuche", "anzahl_aktueller_vermittlungen", "latitude", "longitude",
    "ortsteil", "bearbeitet", "erstellt", "_angebotsId",
]


@dataclass(frozen=True, slots=True)
class Domain:
    """One field of volunteering: who is helped, what one does, where, and organisation kinds."""

    people: tuple[str, ...]
    tasks: tuple[str, ...]
    roles: tuple[str, ...]
    organisations: tuple[str, ...]


DOMAINS = (
    Domain(("Kinder", "Grundschulkinder", "Jugendliche", "Kita-Kinder", "Familien mit kleinen Kindern"),
           ("beim Lesen begleiten", "bei den Hausaufgaben unterstützen", "in der Ferienfreizeit betreuen",
            "beim Basteln und Spielen anleiten", "auf dem Spielplatz-Fest betreuen"),
           ("Lesepat*in", "Hausaufgabenhelfer*in", "Ferienbetreuer*in", "Familienpat*in", "Spielplatzpat*in"),
           ("Kinderhaus", "Jugendtreff", "Elterninitiative", "Lernwerkstatt")),
    Domain(("Seniorinnen und Senioren", "ältere Menschen im Quartier", "Bewohner*innen des Pflegeheims"),
           ("regelmäßig besuchen", "zum Arzt oder Einkaufen begleiten", "beim Spielenachmittag unterhalten",
            "mit dem Rollstuhl spazieren fahren", "am Telefon ein offenes Ohr schenken"),
           ("Besuchspat*in", "Einkaufsbegleitung", "Spielenachmittag-Team", "Telefonpat*in"),
           ("Seniorentreff", "Pflegeheim", "Nachbarschaftsdienst", "Besuchsdienst")),
    Domain(("Geflüchtete", "neu Zugewanderte", "Familien aus der Ukraine", "junge Menschen aus Afghanistan"),
           ("beim Deutschlernen unterstützen", "zu Behörden begleiten", "im Sprachcafé ins Gespräch bringen",
            "bei der Wohnungssuche helfen", "beim Ankommen im Stadtteil begleiten"),
           ("Sprachpat*in", "Behördenlots*in", "Sprachcafé-Team", "Integrationspat*in"),
           ("Flüchtlingshilfe", "Willkommensinitiative", "Migrationsberatung")),
    Domain(("Tiere im Tierheim", "Katzen und Kleintiere", "Hunde aus dem Tierschutz"),
           ("ausführen und beschäftigen", "versorgen und pflegen", "beim Tag der offenen Tür vorstellen"),
           ("Gassigeher*in", "Katzenstreichler*in", "Tierpfleger-Helfer*in"),
           ("Tierschutzverein", "Tierheim", "Katzenhilfe")),
    Domain(("die Natur im Park", "Bäume und Grünflächen", "Gewässer und Uferbereiche", "Insekten und Vögel"),
           ("bei Pflanzaktionen pflegen", "bei Müllsammelaktionen schützen", "bei Nistkasten-Kontrollen zählen",
            "im Gemeinschaftsgarten pflegen"),
           ("Baumpat*in", "Gartenhelfer*in", "Naturschutz-Helfer*in", "Müllsammler*in"),
           ("Umweltinitiative", "Naturschutzbund Ortsgruppe", "Gemeinschaftsgarten")),
    Domain(("Menschen mit Behinderung", "Menschen mit Beeinträchtigung", "blinde und sehbehinderte Menschen"),
           ("in der Freizeit begleiten", "beim inklusiven Sport unterstützen", "zu Konzerten und Ausflügen begleiten"),
           ("Freizeitassistenz", "Inklusionsbegleiter*in", "Vorlesepat*in"),
           ("Lebenshilfe Ortsverein", "Inklusionsprojekt", "Wohngruppe")),
    Domain(("Menschen ohne Wohnung", "bedürftige Menschen", "Gäste der Tafel"),
           ("bei der Essensausgabe versorgen", "in der Kleiderkammer beraten", "beim Winternotprogramm empfangen"),
           ("Ausgabehelfer*in", "Kleiderkammer-Team", "Küchenhilfe"),
           ("Tafel", "Kleiderkammer", "Obdachlosenhilfe")),
    Domain(("Patientinnen und Patienten", "schwer kranke Menschen", "Angehörige"),
           ("im Krankenhaus besuchen", "im Hospiz begleiten", "im Café des Krankenhauses bewirten"),
           ("Hospizbegleiter*in", "Grüne Dame / Grüner Herr", "Besuchsdienst Klinik"),
           ("Hospizdienst", "Krankenhaus", "Selbsthilfegruppe")),
    Domain(("Besucherinnen und Besucher", "Kulturinteressierte", "Kinder und Erwachsene im Stadtteil"),
           ("beim Stadtteilfest empfangen", "im Museum durch die Ausstellung führen", "beim Konzert an der Kasse"),
           ("Kulturlots*in", "Museumsguide", "Festhelfer*in", "Kassenteam"),
           ("Stadtteilkulturzentrum", "Geschichtswerkstatt", "Musikverein")),
    Domain(("ältere Menschen", "Menschen ohne Computererfahrung", "Schülerinnen und Schüler"),
           ("am Smartphone und Tablet schulen", "bei Videoanrufen helfen", "online bei Bewerbungen unterstützen"),
           ("Digitalpat*in", "Handy-Sprechstunde", "Online-Lernhelfer*in"),
           ("Digitalwerkstatt", "Bücherhalle", "Computerclub")),
    Domain(("Sportlerinnen und Sportler", "Kinder im Verein", "Läuferinnen und Läufer"),
           ("beim Training anleiten", "beim Lauf-Event an der Strecke versorgen", "beim Vereinsturnier betreuen"),
           ("Übungsleiter*in", "Streckenposten", "Turnierhelfer*in"),
           ("Sportverein", "Ruderclub", "Laufgruppe")),
)
TIMES = ("jeden Dienstag von 15 bis 17 Uhr", "am Wochenende", "samstags vormittags", "abends ab 18 Uhr",
         "unter der Woche nachmittags", "einmalig am Aktionstag im Juni", "flexibel nach Absprache",
         "zwei Stunden pro Woche", "einmal im Monat am Sonntag", "regelmäßig mittwochs", "")
PERKS = ("eine Einarbeitung und feste Ansprechpersonen", "regelmäßige Austauschtreffen", "Fortbildungen",
         "Versicherungsschutz und Fahrtkostenerstattung", "eine Ehrenamtskarte", "ein herzliches Team")
NEEDS = ("Geduld und Freude am Kontakt mit Menschen", "Zuverlässigkeit", "ein erweitertes Führungszeugnis",
         "etwas Zeit am Nachmittag", "gute Deutschkenntnisse", "keine Vorkenntnisse")
NAMES = ("Elbblick", "Sonnenseite", "Lindenhof", "Brücke", "Leuchtturm", "Hafenkante", "Kastanie", "Morgenrot",
         "Regenbogen", "Wasserturm", "Fleetinsel", "Moorwiese", "Deichgraf", "Kompass", "Anker", "Möwe")
GROUP = "Engagement für Unternehmen und Gruppen"


def freinet_csv(rows: int = 2000, *, seed: int = 13, agency_id: str = "4711",
                agency: str = "Freiwilligenagentur Hansestadt (fiktiv)", city: str = "Hamburg") -> bytes:
    """Returns a freinet CSV export of `rows` fictional offers in `city` (UTF-8 with BOM, ';', CRLF)."""
    rng = random.Random(seed)
    gazetteer = get_gazetteer()
    home = gazetteer.lookup(city)[0]
    quarters = gazetteer.quarters_of(home) or [home]
    organisations = _organisations(rng, quarters, 280)
    placeholders = [o for o in organisations if rng.random() < 0.35][:40]  # these often sit on the city centre
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(HEADINGS)
    for number in range(rows):
        name, quarter, blurb = rng.choice(organisations)
        domain = rng.choice(DOMAINS)
        lat, lon, plz, ortsteil = _place(rng, quarter, home, name in {p[0] for p in placeholders})
        writer.writerow([
            agency_id, agency, name, _title(rng, domain), _description(rng, domain, name, blurb),
            rng.choice(("0", "1", "2", "3", "")), plz, "", rng.choice(("1", "1", "1", "0")),
            f"https://example.org/freinet/avatar/{rng.randrange(10_000)}.jpg" if rng.random() < 0.3 else "",
            str(rng.randrange(0, 40)), str(rng.randrange(0, 6)), lat, lon, ortsteil,
            f"2026-{rng.randrange(1, 12):02d}-{rng.randrange(1, 28):02d} {rng.randrange(8, 20):02d}:14:00",
            f"20{rng.randrange(18, 26)}-{rng.randrange(1, 12):02d}-{rng.randrange(1, 28):02d} 09:00:00",
            str(100_000 + number * 7),
        ])
    return b"\xef\xbb\xbf" + out.getvalue().encode("utf-8")


def _organisations(rng: random.Random, quarters: list[Place], count: int) -> list[tuple[str, Place, str]]:
    """Returns (name, home quarter, blurb) of made-up organisations."""
    result = []
    for index in range(count):
        domain = rng.choice(DOMAINS)
        kind = rng.choice(domain.organisations)
        quarter = rng.choice(quarters)
        name = rng.choice((f"{kind} {rng.choice(NAMES)} e.V.", f"{kind} {quarter.name}",
                           f"{rng.choice(NAMES)} – {kind} gGmbH", f"{kind} {rng.choice(NAMES)} {index}"))
        blurb = (f"Unsere Einrichtung „{kind} {rng.choice(NAMES)}“ ist seit {rng.randrange(1950, 2020)} im Stadtteil "
                 f"{quarter.name} aktiv und lebt vom Engagement von rund {rng.randrange(5, 300)} Ehrenamtlichen.")
        result.append((name, quarter, blurb))
    return result


def _title(rng: random.Random, domain: Domain) -> str:
    """Returns a title in one of the ways agencies write them; about 1% far too long."""
    role, people, task = rng.choice(domain.roles), rng.choice(domain.people), rng.choice(domain.tasks)
    title = rng.choice((f"{role} gesucht!", f"{role} für {people}", f"{people} {task}",
                        f"Wer hat Lust, {people} {task}?", f"Engagement: {role}", f"{role} ({rng.choice(NAMES)})"))
    if rng.random() < 0.01:
        title = f"{title} – " + ", ".join(f"{p} {t}" for p, t in zip(domain.people, domain.tasks)) * 2
    return title


def _description(rng: random.Random, domain: Domain, name: str, blurb: str) -> str:
    """Returns an HTML description: what to do (sometimes several tasks), when, what one gets, who they are."""
    people, task, when = rng.choice(domain.people), rng.choice(domain.tasks), rng.choice(TIMES)
    parts = [f"<p>Du möchtest <strong>{people}</strong> {task}? Dann bist du bei uns genau richtig!"
             f"{f' Wir treffen uns {when}.' if when else ''}</p>"]
    if rng.random() < 0.4:
        tasks = rng.sample(domain.tasks, k=min(3, len(domain.tasks)))
        parts.append("<p>Deine Aufgaben:</p>\n<ul>\n" + "\n".join(f"<li>{t[0].upper()}{t[1:]}</li>" for t in tasks)
                     + "\n</ul>")
    parts.append(f"<p>Das wünschen wir uns: {rng.choice(NEEDS)}.<br>\nDas bieten wir: {rng.choice(PERKS)} "
                 f"&amp; {rng.choice(PERKS)}.</p>")
    if rng.random() < 0.5:
        parts.append(f"<p><em>Über uns:</em> {blurb}</p>")
    if rng.random() < 0.05:
        parts.append(f"<p>Auch als {GROUP.lower()} möglich &ndash; sprich uns an!</p>")
    return "\n".join(parts)


def _place(rng: random.Random, quarter: object, home: object, on_placeholder: bool) -> tuple[str, str, str, str]:
    """Returns latitude, longitude, postal code and ortsteil as the export writes them."""
    roll = rng.random()
    name = quarter.name  # type: ignore[attr-defined]
    if roll < 0.09:  # no place at all
        return rng.choice((("", ""), ("0", "0"), ("0.000000", "0.000000"))) + ("", "")
    if on_placeholder and roll < 0.5:
        return f"{home.lat:.6f}", f"{home.lon:.6f}", "", name  # type: ignore[attr-defined]
    plz = _postal_code_near(quarter) if rng.random() < 0.3 else ""
    if roll < 0.16:
        return "0", "0", plz, name
    if roll < 0.70:
        lat = quarter.lat + rng.uniform(-0.008, 0.008)  # type: ignore[attr-defined]
        lon = quarter.lon + rng.uniform(-0.012, 0.012)  # type: ignore[attr-defined]
        return f"{lat:.6f}".replace(".", ",") if rng.random() < 0.1 else f"{lat:.6f}", f"{lon:.6f}", plz, name
    return "", "", plz, name if rng.random() < 0.95 else f"Am {rng.choice(NAMES)}"


def _postal_code_near(quarter: object) -> str:
    """Returns the postal code whose centre is nearest to the quarter (as a real export would have it)."""
    lat, lon = quarter.lat, quarter.lon  # type: ignore[attr-defined]
    return min(_postal_centres(), key=lambda item: (item[1] - lat) ** 2 + ((item[2] - lon) * 0.6) ** 2)[0]


@functools.cache
def _postal_centres() -> list[tuple[str, float, float]]:
    """Returns every postal code with its centre."""
    lines = data_path("places", "postal_codes.tsv").read_text("utf-8").splitlines()
    rows = [line.split("\t") for line in lines if line[:1].isdigit()]
    return [(row[0], float(row[1]), float(row[2])) for row in rows]
