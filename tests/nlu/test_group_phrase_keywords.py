"""A category phrase naming a group of people ("mit alten Leuten", "Menschen ohne Wohnung") is said by its category:
none of its words is a search keyword. What is done, a specific wish and phrases naming no people stay keywords."""

from __future__ import annotations

import pytest

from nlu.api import parse

_GROUP_WORDS = {"leuten", "leute", "leit", "ahle", "alten", "wohnung", "armen", "familien", "junge"}


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Ich möchte gern was mit alten Leuten machen, Kassel", "seniors"),
        ("Würde gern mit ahle Leit Karten spielen in Kassel", "seniors"),
        ("Ich will Leuten ohne Wohnung helfen, Leipzig", "poverty_homelessness"),
        ("Suche was für Kinder aus armen Familien in Dresden", "poverty_homelessness"),
        ("Mentoring für junge Leute, Offenbach", "children_youth"),
    ],
)
def test_the_words_of_a_group_phrase_are_no_keywords(text: str, category: str) -> None:
    query = parse(text)
    assert category in query.categories
    assert not _GROUP_WORDS & set(query.keywords)


def test_what_is_done_with_the_group_stays_a_keyword() -> None:
    assert "spazieren" in parse("Ich würde mit älteren Menschen spazieren gehen, Bonn").keywords
    assert "karten" in parse("Würde gern mit ahle Leit Karten spielen in Kassel").keywords


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Nachhilfe Mathe in Köln", {"nachhilfe", "mathe"}),
        ("Tierheim Katzen in Bonn", {"tierheim", "katzen"}),
        ("Ich würde gern im Repair Café helfen, Erfurt", {"repair", "cafe"}),  # a phrase naming no people
    ],
)
def test_a_specific_wish_stays_a_keyword(text: str, kept: set[str]) -> None:
    assert kept <= set(parse(text).keywords)
