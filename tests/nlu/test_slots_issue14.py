"""Slot kinds of issue 14 seen across the natural sets (time, radius, place, little German): each case is a family of
phrasings, and every sentence here is written for this test."""

from __future__ import annotations

import pytest

from nlu import parse


@pytest.mark.parametrize(
    ("text", "time"),
    [
        # others' times and what already fills the week are no availability
        ("Meine Eltern leben in Bremen und gehen samstags wandern. Ich suche was mit Tieren in Gießen.", set()),
        ("Die Enkel wohnen weit weg und melden sich nur sonntags. Vorlesen im Altenheim, Wetzlar", set()),
        ("Ich turne im Verein, aber das ist nur dienstags. Was mit Senioren in Fulda?", set()),
        # ... while the writer's people with a wish or the writer's own time stay
        ("Meine Tochter möchte samstags im Tierheim helfen, Kassel", {"weekend"}),
        ("Mein Sohn hat sonntags Zeit, Feuerwehr Hanau", {"weekend"}),
        ("Tafel in Marburg, wenn die Kinder in der Kita sind", {"daytime"}),
        ("Kids sport on saturdays, Kassel", {"weekend"}),
    ],
)
def test_times_said_of_others(text: str, time: set[str]) -> None:
    assert set(parse(text).time) == time


@pytest.mark.parametrize(
    ("text", "time"),
    [
        ("Tierheim in Zwickau, am liebsten samsdaachs", {"weekend"}),  # Saxon "ch" for "g"
        ("was mit Kindern in Köln, am Wochenengk", {"weekend"}),  # Kölsch "ngk" for "nd"
        ("Tafel Dresden abnds", {"evening"}),  # vowel dropped
        ("Nachhilfe in Hanau, nach de Ärbeit", {"evening"}),
        ("tutoring in Mainz after office hours", {"evening"}),
    ],
)
def test_time_words_as_spoken(text: str, time: set[str]) -> None:
    assert set(parse(text).time) == time


@pytest.mark.parametrize("text", ["Das Einmaleins mit Kindern üben, Kassel", "Hutzenabend in Seiffen mit Senioren"])
def test_words_like_time_words_are_no_dialect_time(text: str) -> None:
    assert "one_off" not in parse(text).time and "weekend" not in parse(text).time


@pytest.mark.parametrize(
    ("text", "time"),
    [
        ("Geht auch nur einmal im Monat? Umwelt in Jena", {"regular"}),
        ("only once a month, anything with dogs in Kassel", {"regular"}),
        ("Tafel in Meißen, vormittags, wenns geht ni am Wochenende", {"weekday", "daytime"}),
    ],
)
def test_frequency_and_dialect_negation(text: str, time: set[str]) -> None:
    assert set(parse(text).time) == time


@pytest.mark.parametrize(
    "text",
    [
        "german is very bad, I speak Polish, animals in Kassel",
        "spanish and english, german nada, sports with kids in Leipzig",
        "zero German honestly, anything outdoors in Jena",
        "Deutsch verstehe ich gut, aber sprechen schlecht. Tiere in Plauen",
        "we are four students in Halle, none of us speaks German",
        "English only I'm afraid, but happy to help in Bonn",
    ],
)
def test_little_german_said_as_nothing_or_badly(text: str) -> None:
    assert parse(text).needs_little_german


@pytest.mark.parametrize(
    ("text", "radius"),
    [
        ("was mit Jugendlichen, mit dem Rad in 20 Minuten von der Marburger Oberstadt aus", 5.0),
        ("Naturschutz um Alsfeld, mit dem Auto so eine halbe Stunde", 24.0),
        ("Ich wohne 10 Minuten mit dem Rad von der Uni, Tiere in Marburg", None),
    ],
)
def test_travel_time_radius(text: str, radius: float | None) -> None:
    assert parse(text).radius_km == radius


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Ik wohn ut Leer und will wat för olle Lüüd doon", "Leer"),
        ("Die Wohnung ist so leer seit der Rente, was mit Kindern in Kassel?", "Kassel"),
        ("Wasserwacht GAP, geht das mit 50 noch?", "Garmisch-Partenkirchen"),
        ("just moved to K-Town with the army, any animal shelter?", "Kaiserslautern"),
        ("K-Kalk, Tierheim", "Köln"),
    ],
)
def test_places_by_dialect_cue_plate_and_nickname(text: str, place: str) -> None:
    found = parse(text).place
    assert found is not None and found.name == place


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Arbeite in Chemnitz im Büro, wohnen tu ich aber in Flöha. Was mit Tieren?", "Flöha"),
        ("Mein Mann und ich arbeiten in Kassel, wohnen beide in Lohfelden. Umwelt?", "Lohfelden"),
        ("enrolled in Gießen, but I actually live in Wetzlar with my aunt. kids sports?", "Wetzlar"),
    ],
)
def test_home_said_with_words_between(text: str, place: str) -> None:
    found = parse(text).place
    assert found is not None and found.name == place
