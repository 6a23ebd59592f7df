"""A large city written with a second name right after it (issue 14): a town beside the city is that town ("Berlin
Schönefeld"); a place named after a far city is that place ("Frankfurt-Hahn"); a city whose name is also a word
before a quarter the data lacks is the city ("Essen Rüttenscheid"). Every sentence here is written for this test."""

from __future__ import annotations

import pytest

from nlu import parse
from nlu.kernel.gazetteer import haversine_km
from tests.factories.parsed import place_name


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Berlin Schönefeld, gibt es da was mit Senioren?", "Schönefeld"),
        ("ich wohne in berlin schönefeld und hab abends zeit", "Schönefeld"),
        ("München Garching, suche Nachhilfe-Ehrenamt", "Garching"),
        ("Leipzig Markkleeberg, Tierschutz am Wochenende", "Markkleeberg"),
        ("Suche was mit Kindern in Dresden Radebeul", "Radebeul"),
    ],
)
def test_a_town_written_after_the_city_it_lies_beside_is_that_town(text: str, expected: str) -> None:
    assert place_name(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a quarter the data lacks after its city stays the city, and a town far away is no town beside it
        ("Frankfurt Bornheim, Hausaufgabenhilfe", "Frankfurt am Main"),
        ("wohne in Hamburg Eppendorf, was mit Tieren", "Hamburg"),
        # a city of its own after the city is a second city, not a town beside it: the first named stays
        ("Frankfurt Offenbach Hanau, egal wo", "Frankfurt am Main"),
    ],
)
def test_a_quarter_or_a_second_city_after_a_city_keeps_the_city(text: str, expected: str) -> None:
    assert place_name(text) == expected


def test_a_city_ruled_out_before_a_town_beside_it_rules_the_town_out() -> None:
    assert place_name("Bitte nicht in Berlin Schönefeld, lieber Potsdam") == "Potsdam"


@pytest.mark.parametrize(
    "text",
    ["Frankfurt Hahn, was mit Tieren?", "Ich wohne jetzt in Frankfurt-Hahn", "frankfurt hahn, suche ehrenamt",
     "Flughafen Hahn, Senioren besuchen"],
)
def test_the_airport_village_named_after_frankfurt_is_in_the_hunsrueck(text: str) -> None:
    place = parse(text).place
    assert place is not None and place.name == "Hahn"
    assert haversine_km(place.lat, place.lon, 49.967, 7.267) < 5  # not Hahn by Darmstadt, not Frankfurt


@pytest.mark.parametrize(
    "text",
    ["Essen Rüttenscheid, Tafel helfen", "Suche was in Essen Holsterhausen mit Senioren", "essen frohnhausen kinder",
     "Essen Frohnhausen"],
)
def test_a_word_like_city_before_a_quarter_the_data_lacks_is_the_city(text: str) -> None:
    assert place_name(text) == "Essen"


@pytest.mark.parametrize("text", ["Essen Kartoffeln verteilen", "Essen Ausgabe gern samstags"])
def test_the_word_before_an_ordinary_noun_stays_a_word(text: str) -> None:
    assert place_name(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Hamburg-Groß Borstel, Senioren besuchen", "Hamburg"),
     ("Ich wohne in Hannover-Calenberger Neustadt", "Hannover")],
)
def test_a_city_joined_by_a_hyphen_to_its_quarter_has_no_town_beside_it(text: str, expected: str) -> None:
    assert place_name(text) == expected
