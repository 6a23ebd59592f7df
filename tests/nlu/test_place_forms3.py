"""Places said in more ways: a village the gazetteer lacks after a cue, a town with "hier", a guess that yields to a
name written out. Every sentence here is written for this test."""

from __future__ import annotations

import pytest

from nlu import parse
from nlu.place_like import looks_like_place, place_endings


@pytest.mark.parametrize(
    "text",
    [
        "Ich komme aus Sterzhausen und suche was mit Kindern",
        "suche was mit Tieren in Kleinaltenhausen",
        "wohne in wolfsgrubenbach, gern was mit senioren",
        "Hallo aus Unterlangenrode! Hat jemand was für Jugendliche?",
    ],
)
def test_a_village_the_gazetteer_lacks_after_a_cue_is_no_search_word(text: str) -> None:
    query = parse(text)
    assert query.keywords == () and query.categories


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Ich helfe gern in Kleiderkammern", "kleiderkammern"),
        ("Ich möchte in Suppenküchen mithelfen", "suppenkuechen"),
        ("Ich suche was mit Feuerwehr in Kassel", None),
    ],
)
def test_a_word_after_a_cue_that_ends_as_no_village_does_stays(text: str, word: str | None) -> None:
    keywords = parse(text).keywords
    assert word is None or word in keywords


def test_place_endings_are_read_from_the_gazetteer_not_listed() -> None:
    endings = place_endings()
    assert {"dorf", "bach", "usen", "rode"} <= endings
    assert not {"heit", "keit", "ung", "chen"} & endings
    assert looks_like_place("sterzhausen") and not looks_like_place("dorf") and not looks_like_place("hausen")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Gründau hier, was mit Senioren?", "Gründau"),
        ("Lahntal here, anything with kids on weekends?", "Lahntal"),
        ("Wettenberg hier und ich würde gern Kindern vorlesen", "Wettenberg"),
    ],
)
def test_a_town_followed_by_hier_is_where_the_person_writes_from(text: str, name: str) -> None:
    query = parse(text)
    assert query.place is not None and query.place.name == name
    assert not {"gruendau", "lahntal", "wettenberg", "hier", "here"} & set(query.keywords)


def test_a_small_place_guessed_for_a_village_like_word_yields_to_a_name_written_out() -> None:
    query = parse("Gibt es in Rotenburg oder Bebra was mit Tieren? Wohne in Mäckelrode")
    assert query.place is not None and query.place.name.startswith("Rotenburg")


def test_a_misspelt_town_after_a_home_cue_still_wins() -> None:
    query = parse("Wohne in Witzenhusen, arbeite in Kassel, suche was mit Tieren")
    assert query.place is not None and query.place.name == "Witzenhausen"


@pytest.mark.parametrize(
    "text",
    [
        "Social Media für einen Verein machen, Instagram, Canva kann ich.",
        "Mit Zumba kenne ich mich aus, gern mit Senioren",
    ],
)
def test_a_word_is_no_typo_of_a_town_with_another_first_letter_without_a_cue(text: str) -> None:
    assert parse(text).place is None


@pytest.mark.parametrize(
    ("text", "region"),
    [
        ("Kann man in Sachsen irgendwo beim Rettungsdienst helfen?", "sachsen"),
        ("Ich suche was in Hessen, egal wo, gern mit Hunden", "hessen"),
        ("Bin neu in Franken und suche einen Chor", "franken"),
    ],
)
def test_a_state_or_region_named_by_its_word_is_no_search_word(text: str, region: str) -> None:
    query = parse(text)
    assert region not in query.keywords and query.place is None


@pytest.mark.parametrize("text", ["Bin Kalle aus'm Wedding, kann gut bauen", "Ick komm ausm Wedding und will helfen"])
def test_a_spoken_aus_dem_is_a_cue_like_aus(text: str) -> None:
    place = parse(text).place
    assert place is not None and place.state == "Berlin"


@pytest.mark.parametrize(
    ("text", "km"),
    [("Tierheim Raum Fulda, max 25 km", 25.0), ("höchstens 10 km von Kassel, gern Senioren", 10.0)],
)
def test_an_upper_bound_word_belongs_to_the_radius(text: str, km: float) -> None:
    query = parse(text)
    assert query.radius_km == km and not {"max", "hoechstens"} & set(query.keywords)


def test_hier_after_a_guessed_name_makes_it_no_home() -> None:
    place = parse("Goth hier, ich suche was mit alten Friedhöfen in Leipzig").place
    assert place is not None and place.name == "Leipzig"  # "Goth" is no Gotha


# A duration with a way of travelling is a distance since the slots round for dev11 ("max 20 min mit dem Rad" is 5 km,
# tests/nlu/test_travel_radius.py); a duration alone still is none.
@pytest.mark.parametrize("text", ["max 20 min, dann muss ich los. Taucha", "höchstens 2 Stunden, in Kassel"])
def test_a_duration_after_an_upper_bound_is_no_radius(text: str) -> None:
    assert parse(text).radius_km is None
