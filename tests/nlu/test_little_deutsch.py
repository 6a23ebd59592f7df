"""English around the German name of the language: "only little Deutsch" is little German (data/nlu/languages.toml
[little_german]; the twelfth round of issue 14). Every sentence here is written for this test; the rules are read
without the trained component."""

from __future__ import annotations

import pytest

from nlu.api import parse_with_rules


@pytest.mark.parametrize(
    "text",
    [
        "I speak Arabic and English, only little Deutsch. Kassel",
        "I speak English, little Deutsch, animals in Jena",
        "I speak a bit of Deutsch, Halle",
        "Tigrinya and English, very basic Deutsch, want to help in Gera",
    ],
)
def test_little_deutsch_in_english_is_little_german(text: str) -> None:
    assert parse_with_rules(text).needs_little_german


@pytest.mark.parametrize(
    "text",
    [
        "I speak English and Deutsch, animals in Jena",
        "my Deutsch is good, I can help refugees in Halle",
    ],
)
def test_deutsch_spoken_well_is_no_little_german(text: str) -> None:
    assert not parse_with_rules(text).needs_little_german
