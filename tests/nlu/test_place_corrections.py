"""A writer correcting the place they named (issue 14, messages side, second round). Every sentence here is written
for this test."""

from __future__ import annotations

import pytest

from nlu import parse


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("we live in Marburg... no wait, we moved to Gießen last month, anything with dogs?", "Gießen"),
        ("Tafel in Fulda, sorry, ich meine Hünfeld", "Hünfeld"),
        ("ich wohne in Zwickau, äh nein, in Plauen, und suche was mit Senioren", "Plauen"),
    ],
)
def test_a_place_after_a_correction_replaces_the_one_before(text: str, expected: str) -> None:
    place = parse(text).place
    assert place is not None
    assert place.name.startswith(expected)


def test_an_apology_after_the_only_place_changes_nothing() -> None:
    place = parse("Tierheim in Kassel, sorry für die vielen Fragen").place
    assert place is not None
    assert place.name == "Kassel"
