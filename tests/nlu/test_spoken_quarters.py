"""A quarter the data knows only by its city's alias (places.toml), written as spoken or with a typo, names its city
(issue 14): "Sachsehause" is Frankfurt's Sachsenhausen, not the village in Waldeck. Every sentence here is written
for this test."""

from __future__ import annotations

import pytest

from nlu.dialect import spoken_quarter
from tests.factories.parsed import place_name


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ei, isch mach gern was mit Kinner in Sachsehause", "Frankfurt am Main"),
        ("wohn in Bockenhaim, was mit Tieren?", "Frankfurt am Main"),
        ("Hausaufgabenhilfe in Eschershaim?", "Frankfurt am Main"),
        ("Senioren besuchen in Eutritsch", "Leipzig"),
        ("Connewitsch, Tierheim am Samstag", "Leipzig"),
        ("bin in Seckbach dahaam, was mit Kinner?", "Frankfurt am Main"),
    ],
)
def test_a_quarter_written_as_spoken_names_its_city(text: str, expected: str) -> None:
    assert place_name(text) == expected


@pytest.mark.parametrize("word", ["sachsen", "sachsenhausen", "bockenheim", "kaditz", "ostend"])
def test_a_quarter_written_right_or_a_short_word_is_no_spoken_form(word: str) -> None:
    # the name as written is the name index's; a short word is too close to too many words
    assert spoken_quarter(word) is None


@pytest.mark.parametrize(
    "text",
    ["Ich ben us Ehrefeld un dät jän jet met Pänz maache", "jet en Müllem met Tiere?", "en Sölz, jet för Ahle Lück"],
)
def test_a_cologne_quarter_written_in_koelsch_names_cologne(text: str) -> None:
    assert place_name(text) == "Köln"
