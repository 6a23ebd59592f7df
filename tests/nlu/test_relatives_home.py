"""Where a relative or partner lives is set aside for the writer's own place ("Meine Schwester wohnt in X, ich suche
in Y"); the writer living with them ("meine Frau und ich wohnen in X") is the writer's home. Written for this test."""

from __future__ import annotations

import pytest

from tests.factories.parsed import place_name


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Meine Eltern wohnen in Fulda, ich selbst in Kassel, was mit Senioren?", "Kassel"),
        ("Meine Oma lebt in Leipzig, ich suche was in Halle", "Halle (Saale)"),
        ("Mein Freund wohnt in Jena, ich in Weimar, Tiere", "Weimar"),
        ("My mother lives in Bonn, I'm in Köln, anything with animals?", "Köln"),
        ("Meine Partnerin lebt jetzt in Gießen, ich suche was in Wetzlar", "Wetzlar"),
        ("Unser Onkel wohnt in Erfurt, ich hätte gern was in Gotha", "Gotha"),
    ],
)
def test_a_relatives_or_partners_home_gives_way_to_the_writers_place(text: str, expected: str) -> None:
    assert place_name(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mein Freund und ich leben in Gießen, suche was mit Tieren", "Gießen"),
        ("Meine Frau und ich wohnen in Fulda, gern was mit Kindern", "Fulda"),
        ("Meine Schwester wohnt in Marburg, ich suche was mit Tieren", "Marburg"),
        ("We are a family of four living in Mainz, anything for weekends?", "Mainz"),
        ("Wir sind eine Familie und leben in Gießen, Kinder 5 und 8, Wiesbaden wäre auch ok", "Gießen"),
    ],
)
def test_the_writer_living_with_them_or_no_other_place_keeps_it(text: str, expected: str) -> None:
    assert place_name(text) == expected
