"""Where the person would rather go outranks where they live ("lieber in", "am liebsten in", "rather ... in").
Every sentence here is written for this test, none comes from a labelled set."""

from __future__ import annotations

import pytest

from tests.factories.parsed import place_name


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Wohne in Marburg, würde aber lieber was in Gießen machen", "Gießen"),
        ("Ich lebe in Göttingen, am liebsten in Kassel", "Kassel"),
        ("I live in Mainz but would rather something in Wiesbaden", "Wiesbaden"),
        ("Wohne in Hanau, gern auch Offenbach", "Hanau"),  # no preference stated: home still wins
    ],
)
def test_a_stated_preference_outranks_home(text: str, expected: str) -> None:
    assert place_name(text) == expected
