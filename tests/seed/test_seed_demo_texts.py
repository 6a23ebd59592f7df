"""Demo texts: varied, German, free-text searchable, and with fictional contacts only."""

from __future__ import annotations

import re
from collections import Counter

from bot.seed.contacts import EMAIL_DOMAINS, PHONE_PATTERN
from bot.seed.corpus import load_corpus
from tests.factories.seed import Demo
from nlu.kernel.gazetteer import get_gazetteer, haversine_km

_INFORMAL = re.compile(r"\b(du|dich|dir|dein\w*)\b", re.IGNORECASE)


def test_titles_and_descriptions_vary(demo: Demo) -> None:
    titles = [values["title"] for values in demo.values]
    descriptions = [values["description"] for values in demo.values]
    assert len(set(titles)) >= 0.6 * len(titles)
    assert len(set(descriptions)) >= 0.98 * len(descriptions)
    most_common_title, count = Counter(titles).most_common(1)[0]
    assert count < 40, most_common_title
    openings = Counter(text.split(".")[0] for text in descriptions)
    assert len(openings) > 300


def test_no_title_says_a_word_twice(demo: Demo) -> None:
    # "Helfer:in gesucht gesucht", "Ehrenamt: Ehrenamtliche Begleitung" read as a slip to every visitor
    def doubled(title: str) -> bool:
        words = [word.lower() for word in re.findall(r"[^\W\d_]+", title)]
        return any(sum(word.startswith(stem) for word in words) > 1
                   for stem in ("gesucht", "ehrenamt", "verstärkung", "stadtteil"))

    assert not [title for title in (values["title"] for values in demo.values) if doubled(title)]


def test_descriptions_have_two_to_five_sentences(demo: Demo) -> None:
    # Sentence ends: a full stop, ! or ? followed by a space and a capital (not "z. B.", a date or "4. Klasse").
    ends = re.compile(r"(?<![0-9])[.!?](?=\s+[A-ZÄÖÜ])(?<!\bz\.)(?<!z\. B\.)")
    counts = Counter(min(len(ends.findall(values["description"])) + 1, 9) for values in demo.values)
    assert set(counts) <= set(range(2, 8)), counts  # one task sentence may itself hold two sentences
    assert counts[2] > 100 and counts[4] + counts[5] > 500


def test_organisation_names_look_like_german_clubs_and_bodies(demo: Demo) -> None:
    names = [org.row["name"] for org in demo.organisations]
    assert len(set(names)) >= 0.95 * len(names)
    for start in ("Tafel", "Freiwillige Feuerwehr", "TSV", "Ev. Kirchengemeinde", "Repair Café", "Hospizverein"):
        assert any(name.startswith(start) for name in names), start
    kinds = Counter(org.row["kind"] for org in demo.organisations)
    assert {"e_v", "initiative", "municipality", "church", "foundation", "charity"} <= set(kinds)
    verified = sum(1 for org in demo.organisations if org.row["verified"])
    assert 0.75 * len(names) < verified < len(names)


def test_words_beyond_the_taxonomy_can_be_found_in_free_text(demo: Demo) -> None:
    text = "\n".join(f"{values['title']} {values['description']}" for values in demo.values)
    for word in ("Telefonseelsorge", "Repair Café", "Vorlesen", "Erste-Hilfe-Kurs", "Kleiderkammer", "Sprachcafé",
                 "Stolpersteine", "Streuobstwiese", "Lesepat", "Gassi"):
        assert text.count(word) >= 3, word


def test_formal_organisations_never_address_readers_with_du(demo: Demo) -> None:
    formal = [org.external_id for org in demo.organisations if org.register == "sie"]
    assert len(formal) > 100
    keys = set(formal)
    for listing in demo.listings:
        if listing.organisation_key in keys:
            assert not _INFORMAL.search(listing.values["description"]), listing.values["description"]
            assert not _INFORMAL.search(listing.values["requirements"] or ""), listing.values["requirements"]


def test_contacts_are_fictional(demo: Demo) -> None:
    names = load_corpus().names
    rows = [org.row for org in demo.organisations] + demo.values
    for row in rows:
        assert row["contact_email"].rsplit("@", 1)[1] in EMAIL_DOMAINS, row["contact_email"]
        assert PHONE_PATTERN.match(row["contact_phone"]), row["contact_phone"]
        first, last = row["contact_name"].split(" ", 1)
        assert first in names["first_names"] and last in names["last_names"]
        website = row.get("website", row.get("contact_url"))
        assert website is None or re.fullmatch(r"https://[a-z0-9-]+\.example\.org", website), website
    emails = [org.row["contact_email"] for org in demo.organisations]
    assert len(set(emails)) == len(emails)


def test_coordinates_lie_in_germany_near_their_place(demo: Demo) -> None:
    gazetteer = get_gazetteer()
    for values in demo.values:
        if values["place_name"] is None:
            continue
        assert 47.2 < values["lat"] < 55.1 and 5.8 < values["lon"] < 15.1
        nearest = min(haversine_km(values["lat"], values["lon"], p.lat, p.lon)
                      for p in gazetteer.lookup(values["place_name"]))
        assert nearest <= 9.5, values["place_name"]


def test_postal_codes_and_addresses_are_plausible(demo: Demo) -> None:
    gazetteer = get_gazetteer()
    placed = [values for values in demo.values if values["place_name"]]
    with_code = [values for values in placed if values["postal_code"]]
    assert len(with_code) >= 0.97 * len(placed)
    for values in with_code[::7]:
        area = gazetteer.by_postal_code(values["postal_code"])
        assert area is not None
        assert haversine_km(values["lat"], values["lon"], area.lat, area.lon) < 15, values["postal_code"]
    assert all(re.fullmatch(r"\D+ \d{1,3}", values["address"]) for values in placed)


def test_a_quarter_named_with_its_city_is_said_without_it() -> None:
    # titles write "{place}-{quarter}": Hamburg's "Hamburg-Mitte" had given "… in Hamburg-Hamburg-Mitte"
    from bot.seed.sites import Site, real_quarter
    from nlu.kernel.gazetteer import get_gazetteer

    gazetteer = get_gazetteer()
    city = next(place for place in gazetteer.places_of_at_least(1_000_000) if place.name == "Hamburg")
    site = Site(city.id, city.name, city.name, "04", "Hamburg", None, 1_800_000, city.lat, city.lon)
    quarters = [real_quarter(site, drawn, gazetteer) for drawn in range(len(gazetteer.quarters_of(city)))]
    assert "Altona" in quarters and "Barmbek-Nord" in quarters
    assert not any(quarter.startswith("Hamburg-") for quarter in quarters)
