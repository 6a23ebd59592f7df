"""A radius said as a way of travelling (radius.toml [travel], nlu/components/travel.py). Every sentence here is
written for this test; the rules are read without the trained component."""

from __future__ import annotations

import pytest

from nlu.api import parse_with_rules


@pytest.mark.parametrize(
    ("text", "km"),
    [
        ("Tierschutz in Jena, sollte mit dem Fahrrad erreichbar sein", 10.0),  # bike reach: about 40 minutes
        ("erreichbar mit dem Rad von Taucha aus", 10.0),
        ("was mit Senioren, zu Fuß erreichbar, Gotha", 2.0),  # walking reach: about half an hour
        ("anything with kids within walking distance of Erfurt", 2.0),
        ("Fußläufig von Gießen-Wieseck, was mit Kultur", 2.0),
    ],
)
def test_a_reach_by_bike_or_on_foot_is_a_radius(text: str, km: float) -> None:
    assert parse_with_rules(text).radius_km == km


@pytest.mark.parametrize(
    ("text", "km"),
    [
        ("höchstens 40 Minuten mit dem Zug von Weimar", 40.0),  # train: 1 km a minute
        ("Bonn, max 30 min by train", 30.0),
        ("max 15 Minuten mit der Straßenbahn, Halle", 5.0),  # tram, bus, U-Bahn: 20 km/h
        ("half an hour by bus from Kassel", 10.0),
        ("eine halbe Stunde mit dem Rad, Marburg", 7.5),  # bike: 15 km/h
        ("20min mit dem Fahrrad, Hanau", 5.0),
        ("Umweltschutz, 30 Minuten mit dem Auto von Eschwege", 24.0),  # car: 48 km/h
        ("12 Minuten zu Fuß von Fulda Mitte", 2.0),  # no less than the walking reach
    ],
)
def test_a_duration_by_a_way_of_travelling_is_a_radius(text: str, km: float) -> None:
    assert parse_with_rules(text).radius_km == pytest.approx(km, abs=0.1)


@pytest.mark.parametrize(
    "text",
    [
        "hab ein Auto und 2 Stunden Zeit die Woche, Kassel",  # no preposition: the car is owned, the hours are time
        "walking dogs for 2 hours on Saturdays, Leipzig",
        "ich bin noch gut zu Fuß und wohne in Stadtallendorf",  # on foot without reach or duration
        "sollte mit dem Bus erreichbar sein, Stollberg",  # transit reaches anywhere it goes: no distance
        "mit dem Auto gut erreichbar, Bautzen",
        "3 Stunden Zeit am Vormittag, mit dem Rad komm ich überall hin. Pirna",  # the duration's clause has no mode
    ],
)
def test_no_distance_without_a_travel_phrase(text: str) -> None:
    assert parse_with_rules(text).radius_km is None


def test_a_stated_distance_wins_over_the_travel_phrase() -> None:
    assert parse_with_rules("mit dem Rad erreichbar, also max 8 km von Jena").radius_km == 8.0


def test_the_travel_words_are_no_search_words() -> None:
    got = parse_with_rules("Naturschutz, max 30 min mit der S-Bahn von Leipzig")
    assert got.radius_km == 30.0
    assert not {"s-bahn", "min", "bahn"} & set(got.keywords)


@pytest.mark.parametrize(
    ("text", "km"),
    [
        ("um 16 h mit der Tram, Tafel in Gera", None),  # a clock time after um/ab/gegen is when, not how long
        ("ab 19 h mit dem Fahrrad erreichbar, Chor in Aachen", 10.0),  # the reach by bike remains
        ("gegen 9 h mit dem Zug da, Bahnhofsmission Hagen", None),
        ("bis 20 h mit dem Rad, Lesepate in Trier", None),  # "bis" with a clock-style "h"
        ("Hospiz in Celle, 17h mit dem Bus", None),  # over 12 hours is a time of day
    ],
)
def test_a_clock_time_is_no_travel_time(text: str, km: float | None) -> None:
    assert parse_with_rules(text).radius_km == km


def test_a_travel_radius_is_capped_at_a_day_trip() -> None:
    assert parse_with_rules("3 Stunden mit dem Zug, Kunst in Rostock").radius_km == 100.0


@pytest.mark.parametrize(
    "text",
    [
        "Ich wohne 15 Minuten zu Fuß vom Marktplatz in Hameln, was mit Tieren",  # where one lives, not how far to go
        "wir leben 10 min mit dem Rad von der Uni weg, Göttingen, Umwelt",
        "I live 20 min by bike from the station in Jena, kids",
        "Lesepatin in Celle, 10 Minuten mit der Tram vom Bahnhof entfernt",  # a landmark with its article
    ],
)
def test_where_one_lives_is_no_travel_radius(text: str) -> None:
    assert parse_with_rules(text).radius_km is None


def test_a_short_walk_means_the_walking_reach() -> None:
    assert parse_with_rules("3 min zu Fuß, nicht weiter. Tafel in Gotha").radius_km == 2.0


def test_a_travel_phrase_without_a_distance_gives_no_search_words() -> None:
    assert not {"bus", "minuten", "fuss"} & set(parse_with_rules("um 15 h mit dem Bus, Tafel in Gera").keywords)
    assert not {"minuten", "fuss"} & set(parse_with_rules("Ich wohne 8 Minuten zu Fuß vom Dom, Kinder").keywords)


@pytest.mark.parametrize(
    "text",
    [
        "3 Stunden im Monat mit dem Auto Spenden abholen, Fulda",  # time per month for a task, not a trip
        "1 Stunde die Woche mit dem Rad, Kinder in Gotha",
        "ich kann 3 stunden mit dem auto senioren zum einkaufen bringen, hanau",  # the car carries someone: a task
        "gern 2 Stunden mit dem Rad Pakete ausliefern in Bonn",
        "bin mit dem Rad unterwegs und per Mail erreichbar, Tafel Gera",  # reachable by mail, not the place
    ],
)
def test_time_for_a_task_is_no_travel_time(text: str) -> None:
    assert parse_with_rules(text).radius_km is None


@pytest.mark.parametrize(
    ("text", "km"),
    [
        ("eine Stunde mit dem Auto zum Einsatz fahren ist ok, Fulda", 48.0),  # a destination is no object
        ("30 min mit dem Rad fahren geht, Umwelt Kiel", 7.5),
    ],
)
def test_driving_somewhere_is_still_travel_time(text: str, km: float) -> None:
    assert parse_with_rules(text).radius_km == km
