"""A short answer to "Wo soll ich suchen?" naming a place the gazetteer lacks is read as that place, not a word."""

from __future__ import annotations

import pytest

from bot.conversation.places import unknown_place_answer


@pytest.mark.parametrize(("text", "name"), [
    ("Großhinterwaldbach", "Großhinterwaldbach"),
    ("in Kleinkleckersdorf", "Kleinkleckersdorf"),
    ("ja, Großhinterwaldbach", "Großhinterwaldbach"),
    ("in Höchst an der Nidder", "Höchst an der Nidder"),
    ("Ober-Schnurzelbach", "Ober-Schnurzelbach"),
])
def test_a_name_no_dictionary_holds_is_an_unknown_place(text: str, name: str) -> None:
    assert unknown_place_answer(text) == name


@pytest.mark.parametrize("text", [
    "Gartenarbeit",  # an interest
    "Klavier",  # a word of the language: searched
    "Klavier spielen",
    "Kassel",  # a known place: place_answer takes it
    "am Wochenende",
    "online",
    "Großhinterwaldbach am Wochenende",  # a time beside it: a search (which says the place unknown itself)
    "🐶🐱",
    "",
    "Arbeiterwohlfahrt",  # an organisation or an interest no dictionary holds, ending as no village does: searched
    "Nähcafé",
    "Streetwork",
    "Geocaching",
    "Boule",
])
def test_anything_else_is_no_unknown_place(text: str) -> None:
    assert unknown_place_answer(text) is None
