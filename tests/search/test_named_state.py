"""A state named as where to look, and its largest towns to choose from."""

from __future__ import annotations

import pytest

from bot.search.place_doubts import largest_places, named_state


@pytest.mark.parametrize(("text", "state"), [
    ("Tierheim in Sachsen", "Sachsen"),
    ("Sachsen", "Sachsen"),
    ("in Hessen.", "Hessen"),
    ("was mit Kindern in Sachsen-Anhalt", "Sachsen-Anhalt"),
    ("Niedersachsen", "Niedersachsen"),
    ("volunteering across Bavaria", "Bayern"),
])
def test_a_state_named_as_the_place(text: str, state: str) -> None:
    assert named_state(text) == state


@pytest.mark.parametrize("text", [
    "Tierheim in Kassel",
    "in Berlin",  # a city state is a place of its own
    "walk dogs by the river",  # "by" is no Bayern
    "Sachsen helfen gern",  # the word without "in" before it in a sentence
    "",
])
def test_no_state_named(text: str) -> None:
    assert named_state(text) is None


def test_a_state_s_largest_towns_come_first_and_are_no_city_quarters() -> None:
    towns = largest_places("Sachsen")
    assert {town.name for town in towns[:3]} == {"Dresden", "Leipzig", "Chemnitz"}
    assert all(town.state == "Sachsen" for town in towns) and len(towns) == 5
