"""Places of Thüringen (twenty-third session): the plates of its district towns, the codes among them that are as
often words (WE for the weekend above all), and quarters of Erfurt, Jena, Weimar and Gera the place data lacked.
Every sentence here is written for this test."""

from __future__ import annotations

import pytest

from bot.search.areas import quarter_named
from bot.search.criteria import place_ref
from nlu import parse
from nlu.kernel.gazetteer import haversine_km
from tests.factories.parsed import place_name


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Gibt es in NDH eine Kleiderkammer?", "Nordhausen"),
        ("SLF – Sanitätsdienst, hab am Samstag Zeit", "Saalfeld"),
        ("wohne in GTH und würde gern Senioren besuchen", "Gotha"),
        ("Hausaufgabenhilfe in SHL", "Suhl"),
        ("Raum WE, was mit Flüchtlingen", "Weimar"),
        ("Fußball mit Kindern in UH", "Mühlhausen"),
        ("Tierschutz in EA", "Eisenach"),
    ],
)
def test_plates_of_thuringia_name_their_town(text: str, expected: str) -> None:
    assert place_name(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Tierheim am WE",
        "nur am WE, gern was mit Kindern",
        "Tafel WE",
        "Social Media für den Verein, SM Kanäle pflegen",
        "my son and I would like to help with animals",
        "uh keine ahnung, was mit tieren",
    ],
)
def test_codes_that_are_as_often_words_name_no_town(text: str) -> None:
    assert place_name(text) is None


def test_the_weekend_written_we_stays_a_time() -> None:
    assert "weekend" in parse("Tierheim am WE").time


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tafel in Winzerla", "Winzerla"),
        ("wohne in Lobeda, Krankenhausbesuche", "Lobeda"),
        ("Nachbarschaftshilfe Krämpfervorstadt", "Krämpfervorstadt"),
    ],
)
def test_a_quarter_the_place_data_lacked_is_found_by_its_name(text: str, expected: str) -> None:
    assert place_name(text) == expected


@pytest.mark.parametrize(
    ("text", "city", "quarter"),
    [
        ("ich wohne am Herrenberg in Erfurt und würde gern Senioren besuchen", "Erfurt", "Herrenberg"),
        ("Jugendfeuerwehr, wohne in Schöndorf bei Weimar", "Weimar", "Schöndorf"),
        ("Tafel in Gera-Lusan", "Gera", "Lusan"),
        ("Besuchsdienst, wohne in Gera-Debschwitz", "Gera", "Debschwitz"),
    ],
)
def test_a_quarter_named_like_a_town_elsewhere_is_searched_at_its_city(text: str, city: str, quarter: str) -> None:
    place = place_ref(parse(text).place)
    assert place is not None and place.name == city
    found = quarter_named(place, text)
    assert found is not None and found.name == quarter
    assert haversine_km(place.lat, place.lon, found.lat, found.lon) < 8


def test_herrenberg_alone_stays_the_town_in_swabia() -> None:
    place = parse("Tafel in Herrenberg").place
    assert place is not None and place.state == "Baden-Württemberg"


def test_weimars_code_taken_as_the_town_is_no_weekend() -> None:
    query = parse("wohne in WE und würde gern Senioren besuchen")
    assert query.place is not None and query.place.name == "Weimar"
    assert "weekend" not in query.time
