"""A state named as where to look, and its largest towns to choose from."""

from __future__ import annotations

import pytest

from bot.search.place_doubts import all_of_named_state, largest_places, named_state


@pytest.mark.parametrize(("text", "state"), [
    ("Tierheim in Sachsen", "Sachsen"),
    ("Sachsen", "Sachsen"),
    ("in Hessen.", "Hessen"),
    ("was mit Kindern in Sachsen-Anhalt", "Sachsen-Anhalt"),
    ("Niedersachsen", "Niedersachsen"),
    ("volunteering across Bavaria", "Bayern"),
    ("in Sachsen Anhalt", "Sachsen-Anhalt"),  # two words written apart are one state, not Sachsen
    ("in Baden Württemberg", "Baden-Württemberg"),
    ("animal shelter in Lower Saxony", "Niedersachsen"),
    ("in North Rhine-Westphalia", "Nordrhein-Westfalen"),
    ("Tierheim in ganz Sachsen", "Sachsen"),
    ("Tierheim in Sachsen, nicht in Kassel", "Sachsen"),  # the comma closes the state's clause
])
def test_a_state_named_as_the_place(text: str, state: str) -> None:
    assert named_state(text) == state


@pytest.mark.parametrize("text", [
    "Tierheim in Kassel",
    "in Berlin",  # a city state is a place of its own
    "walk dogs by the river",  # "by" is no Bayern
    "Sachsen helfen gern",  # the word without "in" before it in a sentence
    "Tierheim, aber nicht in Sachsen",  # ruled out
    "not in Saxony",
    "in Sachsen bitte nicht",
    "Nordhessen",  # a part of a state (places.toml state_parts), no whole one
    "in Vogtland",
    "",
])
def test_no_state_named(text: str) -> None:
    assert named_state(text) is None


def test_a_state_s_largest_towns_come_first_and_are_no_city_quarters() -> None:
    towns = largest_places("Sachsen")
    assert {town.name for town in towns[:3]} == {"Dresden", "Leipzig", "Chemnitz"}
    assert all(town.state == "Sachsen" for town in towns) and len(towns) == 5


@pytest.mark.parametrize(("text", "state"), [
    ("Tierheim in ganz Sachsen", "Sachsen"), ("Kinder im ganzen Saarland", "Saarland"),
    ("animal shelter all of Saxony", "Sachsen"), ("überall in Sachsen mit Hunden", "Sachsen"),
    ("Tierheim in Sachsen", None), ("Sachsen", None), ("aber nicht in ganz Sachsen", None),
])
def test_only_clear_wording_asks_all_of_a_state(text: str, state: str | None) -> None:
    assert all_of_named_state(text) == state
