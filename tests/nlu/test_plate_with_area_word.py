"""A licence-plate code with an area word after it ("MR oder Umgebung", "ks und umgebung") is a place, as a town's
name with the same words is (issue 14: local abbreviations). Every sentence here is written for this test."""

from __future__ import annotations

import pytest

from tests.factories.parsed import place_name


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kinder vorlesen, MR oder Umgebung", "Marburg"),
        ("Senioren besuchen. GI und Umgebung, vormittags", "Gießen"),
        ("tierheim ks und umgebung", "Kassel"),
        ("Suche was im Sport, DA oder Umland", "Darmstadt"),
        ("Gern was mit Tieren, KS und Umgebung wäre super", "Kassel"),
    ],
)
def test_a_plate_code_before_an_area_word_is_its_town(text: str, expected: str) -> None:
    assert place_name(text) == expected


@pytest.mark.parametrize("text", ["ich mag es so und umgebung ist egal", "Kochen oder Umgebung gestalten"])
def test_a_word_before_an_area_word_is_no_code(text: str) -> None:
    assert place_name(text) is None
