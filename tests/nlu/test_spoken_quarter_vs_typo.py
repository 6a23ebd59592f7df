"""A spoken quarter's name names its city only when the word shows a dialect form ("-haim", a dropped final "n",
"-itsch") and no town's name is as close: a plain typo of a real town stays that town. Written for this test."""

from __future__ import annotations

import pytest

from nlu.dialect import spoken_quarter
from tests.factories.parsed import place_name


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Wir wohnen in Sindlfingen, was mit Tieren?", "Sindelfingen"),
        ("Nachhilfe in Heddersheim gesucht", "Heddesheim"),
        ("Ich wohn in Heusenstam und hab samstags Zeit", "Heusenstamm"),
    ],
)
def test_a_typo_of_a_real_town_is_that_town(text: str, expected: str) -> None:
    assert place_name(text) == expected


@pytest.mark.parametrize("word", ["sindlfingen", "heddersheim", "einsiedeln", "bettenhaus", "rabensteyn"])
def test_a_word_without_a_dialect_form_is_no_spoken_quarter(word: str) -> None:
    assert spoken_quarter(word) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mir wohne in Bockenhaim, Kinner betreuen?", "Frankfurt am Main"),
        ("Gohlis oder Eutritsch, Senioren", "Leipzig"),
    ],
)
def test_a_quarter_as_spoken_still_names_its_city(text: str, expected: str) -> None:
    assert place_name(text) == expected


def test_no_place_for_a_name_that_is_no_town_and_no_spoken_quarter() -> None:
    assert place_name("Ich bin aus Einsiedeln") is None
