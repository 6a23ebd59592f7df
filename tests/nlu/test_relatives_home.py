"""Where a relative lives is not where the writer wants to help (issue 14: several places in one message): "meine
Enkel wohnen in Hamburg" sets Hamburg aside as a passing stay is; the writer's own place wins, and the relative's
place stays when it is the only one. Every sentence here is written for this test."""

from __future__ import annotations

import pytest

from tests.factories.parsed import place_name


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Meine Enkel wohnen leider in Hamburg. Gibt es in Gießen was mit Kindern?", "Gießen"),
        ("Mein Sohn lebt in München, ich suche was in Fulda", "Fulda"),
        ("My daughter lives in Berlin, anything with animals near Kassel?", "Kassel"),
        ("Mein Bruder wohnt jetzt in Köln, ich selbst bin in Marburg und hab Zeit", "Marburg"),
    ],
)
def test_a_relatives_town_yields_to_the_writers_town(text: str, expected: str) -> None:
    assert place_name(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Meine Frau und ich wohnen in Marburg, was mit Senioren?", "Marburg"),
        ("Wir wohnen in Kassel, meine Tochter auch", "Kassel"),
        ("Meine Tochter wohnt in Leipzig, kann man da was machen?", "Leipzig"),
    ],
)
def test_a_home_shared_with_the_writer_or_the_only_place_stays(text: str, expected: str) -> None:
    assert place_name(text) == expected
