"""Places of the twentieth round (issue 14): a name that is also a word, made a place only by a qualifier after it,
yields to a place named after a cue; a capital letter after a teaching wish is its subject, no plate; a word made of
known words is no misspelt town, and a message of one unknown word may be a small town misspelt."""

from __future__ import annotations

import pytest

from nlu.api import parse


def _town(text: str) -> str | None:
    """Returns the name of the place the message is read to mean, or None."""
    place = parse(text).place
    return None if place is None else place.name


@pytest.mark.parametrize(
    ("text", "town"),
    [
        ("Wetter im Sauerland oder in Arnsberg helfen", "Arnsberg"),
        ("Schönes Wetter im Sauerland! Ich will in Arnsberg mit Kindern arbeiten", "Arnsberg"),
        # names offered as a choice, or located by a larger town, keep the first-named rule
        ("Fußballtrainer gesucht? Essen oder Bochum.", "Essen"),
        ("Bei der Tafel helfen. Langen bei Frankfurt", "Langen (Hessen)"),
    ],
)
def test_a_cued_place_beats_a_word_made_a_place_by_its_qualifier(text: str, town: str) -> None:
    assert _town(text) == town


@pytest.mark.parametrize("text", ["Nachhilfe M", "Nachhilfe geben in M", "Programmieren C"])
def test_a_letter_after_a_teaching_wish_is_no_plate(text: str) -> None:
    assert _town(text) is None


@pytest.mark.parametrize(
    ("text", "town"),
    [("Wohne in M, Nachhilfe", "München"), ("Tierschutz L, am WE", "Leipzig"), ("rollstuhlbasketball C", "Chemnitz")],
)
def test_a_letter_where_one_lives_or_after_other_wishes_stays_a_plate(text: str, town: str) -> None:
    assert _town(text) == town


@pytest.mark.parametrize("text", ["Blaubeeren pflücken", "Tierheim Blaubeeren"])
def test_a_compound_of_known_words_is_no_misspelt_town(text: str) -> None:
    assert _town(text) is None


def test_a_cue_still_lets_a_compound_be_a_misspelt_town() -> None:
    assert _town("Tierheim in Blaubeeren") == "Blaubeuren"


@pytest.mark.parametrize(("text", "town"), [("Rauschenbrg", "Rauschenberg"), ("Frankenua", "Frankenau")])
def test_a_message_of_one_misspelt_small_town_finds_it(text: str, town: str) -> None:
    assert _town(text) == town


def test_a_small_town_misspelt_among_other_words_needs_a_cue() -> None:
    assert _town("Tierheim Frankenua") is None
    assert _town("Tierheim in Frankenua") == "Frankenau"


@pytest.mark.parametrize(("text", "wished"), [
    ("wohne in Kassel und suche was in Vellmar", "Vellmar"),
    ("wohne in Kassel und suche was mit Kindern in Vellmar", "Vellmar"),
    ("I live in Pirna and I'm looking for something with animals in Dresden", "Dresden"),
    ("wohne im Sauerland und suche was in Arnsberg", "Arnsberg"),
    ("I live in Pirna, looking for something in Dresden with kids", "Dresden"),
    ("Suche in Leipzig was mit Kindern, wohne aber in Taucha", "Leipzig"),
])
def test_the_place_said_with_the_search_outranks_where_one_lives(text: str, wished: str) -> None:
    parsed = parse(text)
    assert parsed.place is not None and parsed.place.name == wished, text
