"""A name that is also a word ("Essen") is read as the town beside another only when the message offers a choice
of towns ("oder", "or", "bzw."), never when "und" or a comma lists things or a word before it makes it the meal.
Every sentence here is written for this test, none comes from a labelled set."""

from __future__ import annotations

import pytest

from tests.factories.parsed import place_name


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Für Wohnungslose heißes Essen ausgeben, Dortmund", "Dortmund"),  # a comma lists, it offers no choice
        ("Tafel, frisches Essen verteilen, Bonn", "Bonn"),
        ("Backe gerne und bringe Essen und Kaffee mit, Münster", "Münster"),  # "und" joins food, not towns
        ("Helfe gern beim Essen oder Vorlesen, Bochum", "Bochum"),  # "beim Essen": the meal
        ("Ich verteile das Essen oder Bochum wäre auch gut", "Bochum"),  # "das Essen": the meal
    ],
)
def test_essen_as_food_leaves_the_named_town(text: str, expected: str) -> None:
    assert place_name(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Kinder beim Lesen begleiten. Essen oder Dortmund.", "Essen bzw. Bochum, Hauptsache Tiere",
        "Essen or Bochum please",
    ],
)
def test_essen_offered_as_a_choice_of_towns_is_the_town(text: str) -> None:
    assert place_name(text) == "Essen"
