"""Labelled benchmark requests: how people ask, where, when, with typos, and what a good answer holds.

Each request is composed from an interest phrasing, a place written some way, maybe a time and a radius,
and a sentence frame, German or English. The label is what the composer meant (categories, place,
radius, time), never what the NLU made of it, so both engines are judged against the same intent.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

# (phrasings in German, phrasings in English, categories that fit; empty: free words judged by place/time)
INTERESTS: tuple[tuple[tuple[str, ...], tuple[str, ...], frozenset[str]], ...] = (
    (("Tierheim", "mit Tieren", "Gassi gehen mit Hunden", "Katzen im Tierheim", "Igelstation", "Tierschutz"),
     ("animal shelter", "with animals", "walking dogs"), frozenset({"animals"})),
    (("mit Kindern", "Hausaufgabenhilfe", "Jugendarbeit", "Lesepate für Grundschulkinder", "Ferienfreizeit",
      "Kinderbetreuung", "Jugendtreff"), ("with kids", "youth work", "homework help"),
     frozenset({"children_youth", "education"})),
    (("Senioren besuchen", "Besuchsdienst im Seniorenheim", "mit älteren Menschen", "Omas und Opas",
      "Seniorenbegleitung", "Altenheim"), ("elderly people", "seniors"), frozenset({"seniors"})),
    (("Flüchtlingshilfe", "mit Geflüchteten", "Deutsch unterrichten", "Sprachcafé", "Integration",
      "Geflüchtete begleiten"), ("refugees", "teach German", "integration"), frozenset({"refugees_integration"})),
    (("Umweltschutz", "Naturschutz", "Müll sammeln", "Bäume pflanzen", "Streuobstwiese", "Gemeinschaftsgarten",
      "Klimaschutz"), ("environment", "nature conservation", "tree planting"), frozenset({"environment"})),
    (("Sportverein", "Fußballtrainer", "Übungsleiter im Sport", "Sport mit Kindern", "Schwimmtraining"),
     ("sports coach", "football coach", "sports"), frozenset({"sports"})),
    (("Kultur", "Museum", "Theater", "Chor", "Stadtfest Kultur", "Heimatverein"), ("culture", "museum", "theatre"),
     frozenset({"culture"})),
    (("Nachhilfe", "Bildung", "Alphabetisierung", "Lernpate", "Mathe Nachhilfe"), ("tutoring", "education"),
     frozenset({"education", "children_youth"})),
    (("Pflege", "Hospiz", "Sterbebegleitung", "Krankenhaus Besuchsdienst", "Gesundheit"),
     ("hospice", "health care", "hospital"), frozenset({"health_care"})),
    (("Feuerwehr", "Freiwillige Feuerwehr", "Sanitätsdienst", "Katastrophenschutz", "Jugendfeuerwehr",
      "Erste Hilfe"), ("fire brigade", "first aid", "civil protection"), frozenset({"emergency_services"})),
    (("Tafel", "Obdachlosenhilfe", "Suppenküche", "Kleiderkammer", "Lebensmittel ausgeben", "Wohnungslose"),
     ("food bank", "homeless people", "soup kitchen"), frozenset({"poverty_homelessness"})),
    (("Menschen mit Behinderung", "Inklusion", "Leichte Sprache", "Freizeitassistenz"),
     ("people with disabilities", "inclusion"), frozenset({"disability_inclusion"})),
    (("Smartphone-Hilfe für Senioren", "Computerkurs", "IT-Support", "Webseite pflegen", "Digitales"),
     ("IT support", "computer help", "digital skills"), frozenset({"digital"})),
    (("Nachbarschaftshilfe", "Bürgerbus", "Dorfladen", "Nachbarschaftsfest", "Quartierstreff"),
     ("neighbourhood help", "community"), frozenset({"neighbourhood"})),
    # Words beyond the taxonomy: judged by place and time only.
    (("Telefonseelsorge", "Repair Café", "Vorlesen", "Bahnhofsmission", "Krötenzaun", "Bienenstand",
      "Fahrradwerkstatt", "Sprachmittler", "Bilderbuchkino", "Reittherapie"),
     ("Repair Café", "reading aloud", "bike workshop"), frozenset()),
)
# (how the place is written, the gazetteer name or postal code the label means)
PLACES: tuple[tuple[str, str], ...] = (
    ("Kassel", "Kassel"), ("Frankfurt", "Frankfurt am Main"), ("Frankfurt am Main", "Frankfurt am Main"),
    ("Ffm", "Frankfurt am Main"), ("Wiesbaden", "Wiesbaden"), ("Darmstadt", "Darmstadt"),
    ("Offenbach", "Offenbach am Main"),
    ("Gießen", "Gießen"), ("giessen", "Gießen"), ("Marburg", "Marburg"), ("Fulda", "Fulda"), ("Hanau", "Hanau"),
    ("Wetzlar", "Wetzlar"), ("Bad Hersfeld", "Bad Hersfeld"), ("Limburg", "Limburg an der Lahn"),
    ("Rüsselsheim", "Rüsselsheim am Main"), ("Bad Homburg", "Bad Homburg vor der Höhe"), ("Eschwege", "Eschwege"),
    ("Korbach", "Korbach"), ("Alsfeld", "Alsfeld"), ("Bensheim", "Bensheim"), ("Baunatal", "Baunatal"),
    ("Witzenhausen", "Witzenhausen"), ("Dillenburg", "Dillenburg"), ("Leipzig", "Leipzig"), ("Dresden", "Dresden"),
    ("Chemnitz", "Chemnitz"), ("Zwickau", "Zwickau"), ("Plauen", "Plauen"), ("Görlitz", "Görlitz"),
    ("goerlitz", "Görlitz"), ("Bautzen", "Bautzen"), ("Freiberg", "Freiberg"), ("Pirna", "Pirna"),
    ("Meißen", "Meißen"), ("Riesa", "Riesa"), ("Grimma", "Grimma"), ("Döbeln", "Döbeln"), ("Torgau", "Torgau"),
    ("Radebeul", "Radebeul"), ("Freital", "Freital"), ("Zittau", "Zittau"), ("Hoyerswerda", "Hoyerswerda"),
    ("Delitzsch", "Delitzsch"), ("Annaberg-Buchholz", "Annaberg-Buchholz"), ("Markkleeberg", "Markkleeberg"),
    ("Berlin", "Berlin"), ("Hamburg", "Hamburg"), ("München", "München"), ("muenchen", "München"), ("Köln", "Köln"),
    ("Stuttgart", "Stuttgart"), ("Nürnberg", "Nürnberg"), ("Hannover", "Hannover"),
    ("34117", "34117"), ("01067", "01067"), ("04109", "04109"), ("60311", "60311"), ("35390", "35390"),
)
TIMES: tuple[tuple[str, str, tuple[str, ...]], ...] = (  # (German, English, tags)
    ("am Wochenende", "on weekends", ("weekend",)),
    ("abends", "in the evenings", ("evening",)),
    ("unter der Woche", "on weekdays", ("weekday",)),
    ("samstags", "on Saturdays", ("weekend",)),
    ("nach Feierabend", "after work", ("evening",)),
    ("tagsüber", "during the day", ("daytime",)),
    ("regelmäßig", "regularly", ("regular",)),
    ("einmalig", "one-off", ("one_off",)),
)
RADII = (10, 20, 25, 30)
GERMAN_FRAMES = (
    "{interest} {place}", "{interest} in {place}", "{interest} in {place} {time}", "{place}: {interest} {time}",
    "Ich suche ein Ehrenamt in {place}, {interest}", "Hallo! Ich möchte {time} in {place} helfen: {interest}",
    "{interest} in der Nähe von {place}", "{interest} bei {place} {time}", "{interest} Raum {place}",
    "{interest} im Umkreis von {radius} km um {place}", "{interest} in {place}, max. {radius} km, {time}",
    "suche was mit {interest} in {place}", "{time} {interest} in {place}",
)
ENGLISH_FRAMES = (
    "volunteering {interest} in {place}", "{interest} in {place} {time}", "I want to help {interest} near {place}",
    "{interest} within {radius} km of {place}",
)


@dataclass(frozen=True, slots=True)
class LabelledQuery:
    """One benchmark request and what a relevant result must satisfy."""

    text: str
    categories: frozenset[str]  # any of these; empty: not judged by category
    place: str | None  # gazetteer name or postal code; None: no place (remote or everywhere)
    radius_km: float
    time: tuple[str, ...]
    remote: bool
    kind: str  # "place", "place+time", "words", "remote", "everywhere", "english"


def labelled_queries(count: int = 500, *, seed: int = 4) -> list[LabelledQuery]:
    """Returns `count` varied requests (the same ones for the same seed)."""
    rng = random.Random(seed)
    return [_compose(rng, index) for index in range(count)]


def _compose(rng: random.Random, index: int) -> LabelledQuery:
    """Composes one request: mostly with a place, some remote, a few without any place."""
    german, english, wanted = rng.choice(INTERESTS)
    if index % 25 == 0:
        return LabelledQuery(f"{rng.choice(german)} online von zu Hause", wanted, None, 15.0, (), True, "remote")
    if index % 25 == 1:
        return LabelledQuery(f"Ehrenamt {rng.choice(german)}", wanted, None, 15.0, (), False, "everywhere")
    english_request = rng.random() < 0.15
    written, place = rng.choice(PLACES)
    if rng.random() < 0.1 and not written.isdigit():
        written = _typo(rng, written)
    interest = rng.choice(english if english_request else german)
    if rng.random() < 0.15:
        interest = _typo(rng, interest)
    frame = rng.choice(ENGLISH_FRAMES if english_request else GERMAN_FRAMES)
    time_de, time_en, tags = rng.choice(TIMES)
    radius = rng.choice(RADII)
    uses_time, uses_radius = "{time}" in frame, "{radius}" in frame
    text = frame.format(interest=interest, place=written, time=time_en if english_request else time_de, radius=radius)
    kind = "english" if english_request else ("words" if not wanted else ("place+time" if uses_time else "place"))
    return LabelledQuery(
        text=" ".join(text.split()),
        categories=wanted,
        place=place,
        radius_km=float(radius) if uses_radius else 15.0,
        time=tags if uses_time else (),
        remote=False,
        kind=kind,
    )


def _typo(rng: random.Random, text: str) -> str:
    """Swaps two neighbouring letters or drops one in the longest word (how people mistype)."""
    words = text.split()
    longest = max(range(len(words)), key=lambda i: len(words[i]))
    word = words[longest]
    if len(word) < 6:
        return text
    position = rng.randrange(1, len(word) - 2)
    if rng.random() < 0.5:
        word = word[:position] + word[position + 1] + word[position] + word[position + 2:]
    else:
        word = word[:position] + word[position + 1:]
    words[longest] = word
    return " ".join(words)
