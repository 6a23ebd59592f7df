"""One word that names animals and their care is animal care, not health care (data/nlu/interests.toml
animal_care_parts; the twelfth round of issue 14). Every sentence here is written for this test; the rules are read
without the trained component."""

from __future__ import annotations

import pytest

from nlu.api import categorize, parse_with_rules


@pytest.mark.parametrize(
    "text",
    [
        "könnte Pflegetiere aufnehmen, Fulda",
        "Igelpflegestation in Gera sucht Helfer?",
        "Pflegehund aufnehmen, Erfurt",
        "Pflegekatzen betreuen in Jena",
        "Tierklinik Leipzig, helfen am Wochenende",
    ],
)
def test_caring_for_animals_in_one_word_is_no_health_care(text: str) -> None:
    assert set(parse_with_rules(text).categories) == {"animals"}


@pytest.mark.parametrize(
    ("text", "fields"),
    [
        ("Hundebesuche im Pflegeheim, Jena", {"animals", "health_care"}),  # the care home is a word of its own
        ("Krankenpflege und Tierschutz", {"animals", "health_care"}),
        ("Pflegeeltern für Kinder werden, Jena", {"children_youth"}),
    ],
)
def test_care_in_its_own_word_stays(text: str, fields: set[str]) -> None:
    assert fields <= set(parse_with_rules(text).categories)


def test_a_listing_of_foster_animals_is_animal_care() -> None:
    got = categorize("Pflegestellen für Katzen gesucht", "Wir suchen Menschen, die Pflegekatzen bei sich aufnehmen.")
    assert "health_care" not in got.categories and "animals" in got.categories
