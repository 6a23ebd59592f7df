"""One's own shift names one's workplace ("Nachtschicht im Krankenhaus, tagsüber frei"): who one is, not the field
wanted; a shift offered ("eine Schicht im Tierheim übernehmen", "Schichten im Hospiz") is the wish (issue 14)."""

from __future__ import annotations

import pytest

from nlu import parse


@pytest.mark.parametrize(
    ("text", "wanted", "workplace"),
    [
        ("Spätschicht in der Kita, vormittags frei. Was mit Hunden in Suhl?", "animals", "children_youth"),
        ("Schichtdienst im Pflegeheim, suche Ausgleich im Sportverein, Gera", "sports", "seniors"),
        ("Nachtdienst im Krankenhaus, tagsüber hätte ich Zeit für Naturschutz", "environment", "health_care"),
        ("Early shift at the hospital, afternoons free, kids in Kassel?", "children_youth", "health_care"),
    ],
)
def test_ones_own_shift_names_the_workplace_not_the_wish(text: str, wanted: str, workplace: str) -> None:
    categories = parse(text).categories
    assert wanted in categories
    assert workplace not in categories


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        ("Ich könnte eine Schicht im Tierheim übernehmen, Weimar", "animals"),
        ("Würde gern Schichten im Hospiz machen", "health_care"),
        ("I could do a night shift at the homeless shelter in Leipzig", "poverty_homelessness"),
    ],
)
def test_a_shift_offered_is_the_wish(text: str, wanted: str) -> None:
    assert wanted in parse(text).categories
