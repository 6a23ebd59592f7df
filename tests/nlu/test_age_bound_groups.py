"""An age bound rules out some of a group, not the group (data/nlu/negation.toml pseudo; the twelfth round of issue
14). Every sentence here is written for this test; the rules are read without the trained component."""

from __future__ import annotations

import pytest

from nlu.api import parse_with_rules


@pytest.mark.parametrize(
    "text",
    [
        "Teacher, want to help pupils with homework in Jena. Not kids under 10 please",
        "Nachhilfe in Mathe, aber keine Kinder unter 12, Kassel",
        "Sport mit Jugendlichen, nicht mit Kindern jünger als 8, Gera",
        "Fußballtraining ok, but no very small children under 6, Halle",
    ],
)
def test_an_age_bound_excludes_no_field(text: str) -> None:
    got = parse_with_rules(text)
    assert "children_youth" not in got.exclude_categories
    assert "children_youth" in got.categories


@pytest.mark.parametrize(
    "text",
    [
        "Tierheim in Jena, keine Kinder bitte",  # the group itself ruled out
        "I like animals, no kids please, Halle",
        "no children, seniors are fine, Erfurt",
    ],
)
def test_a_group_without_a_bound_is_still_ruled_out(text: str) -> None:
    assert "children_youth" in parse_with_rules(text).exclude_categories
