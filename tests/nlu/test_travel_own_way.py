"""The radius is the volunteer's own way to the place, and how one gets about is nothing to search for
(radius.toml [travel], nlu/components/travel.py; the twelfth round of issue 14). Every sentence here is written for
this test; the rules are read without the trained component."""

from __future__ import annotations

import pytest

from nlu.api import parse_with_rules


@pytest.mark.parametrize(
    "text",
    [
        # the people carried stand before the duration: the hour is spent on the task, not on the way there
        "Ich könnte Senioren eine Stunde mit dem Auto zum Arzt fahren, Kassel",
        "ältere Leute 2 Stunden mit dem Auto zum Einkaufen fahren, Fulda",
        "würde Patienten auch mal eine halbe Stunde mit dem Auto zur Dialyse bringen, Gera",
        # English puts the verb first: "drive someone for an hour by car"
        "I could drive seniors for an hour by car to the doctor, Jena",
        "happy to take patients 30 minutes by car to their appointments, Erfurt",
    ],
)
def test_time_carrying_someone_is_no_travel_radius(text: str) -> None:
    assert parse_with_rules(text).radius_km is None


@pytest.mark.parametrize(
    ("text", "km"),
    [
        # false friends: no one is carried, the duration is the way to the place
        ("abends eine Stunde mit dem Auto zum Einsatz fahren ist ok, Fulda", 48.0),  # a time is no object
        ("Tierheim, eine Stunde mit dem Auto fahren ist ok, Fulda", 48.0),  # the field stands in its own clause
        ("happy to drive 30 minutes by car, animal shelter Erfurt", 24.0),
        ("Kinder in Halle, max 20 min mit dem Rad", 5.0),
        ("kids, max 20 min by bike, Halle", 5.0),
    ],
)
def test_the_way_to_the_place_stays_a_radius(text: str, km: float) -> None:
    assert parse_with_rules(text).radius_km == pytest.approx(km, abs=0.1)


@pytest.mark.parametrize(
    ("text", "travel"),
    [
        ("ich fahr gern rad und würde gern helfen, Marburg", {"rad"}),
        ("bin mit dem bus unterwegs, suche was mit Tieren in Kassel", {"bus"}),
        ("I come by bike or bus, animal shelter Leipzig", {"bike", "bus"}),
        ("habe kein Auto, nur Fahrrad, Tierheim Fulda", {"auto", "fahrrad"}),
        ("mit Bus und Bahn, Tafel Jena", {"bus", "bahn"}),
        ("no car, I ride my bike everywhere, food bank Halle", {"car", "bike"}),
    ],
)
def test_how_one_gets_about_is_no_search_word(text: str, travel: set[str]) -> None:
    assert not travel & set(parse_with_rules(text).keywords)


@pytest.mark.parametrize(
    ("text", "thing"),
    [
        ("Ich kann Fahrräder reparieren, Kassel", "fahrraeder"),  # the thing one works on
        ("Fahrrad-Werkstatt für Geflüchtete, Gießen", "fahrrad"),
        ("Fahrräder und Autos reparieren, Jena", "autos"),
    ],
)
def test_a_vehicle_worked_on_stays_a_search_word(text: str, thing: str) -> None:
    assert thing in parse_with_rules(text).keywords
