"""An idiom for a gift for a field ("einen grünen Daumen haben", "green fingers") says what one would like to do:
its field, never the writer's own thing ("ich habe einen Hund") and no search word ("Daumen")."""

from __future__ import annotations

import pytest

from nlu.api import parse_with_rules


@pytest.mark.parametrize("text", [
    "Ich habe einen grünen Daumen, Kassel",
    "grüner Daumen sucht Ehrenamt in Leipzig",
    "Mit meinem grünen Daumen würde ich gern in Kassel helfen",
    "hab nen grünen daumen, was in leipzig?",
    "I have green fingers, anything in Berlin?",
])
def test_a_green_thumb_is_gardening(text: str) -> None:
    parsed = parse_with_rules(text)
    assert parsed.categories == ("environment",)
    assert "daumen" not in parsed.keywords and "gruenen" not in parsed.keywords


def test_a_thumb_alone_and_ones_own_things_stay_as_they_were() -> None:
    assert parse_with_rules("mein Daumen ist gebrochen, Kinder Kassel").categories == ("children_youth",)
    assert parse_with_rules("Ich habe einen Hund, suche was mit Kindern in Kassel").categories == ("children_youth",)
