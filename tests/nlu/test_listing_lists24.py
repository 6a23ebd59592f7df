"""Kinds of listing categories found with listings_dev24 and recurring in at least three authors' dev sets (issue 14,
branch lists24). Texts of their own, not from the labelled sets."""

from __future__ import annotations

import pytest

from nlu import categorize


@pytest.mark.parametrize(
    ("title", "description"),
    [
        ("Übungsleitung Herzsport", "<p>Die Gruppe trainiert einmal pro Woche in der Sporthalle.</p>"),
        ("Herzsportgruppe sucht Leitung", "<p>Gymnastik und leichte Ausdauerübungen anleiten.</p>"),
        ("Übungsleiter*in Lungensport", "<p>Atemübungen und Bewegung mit einer kleinen Gruppe.</p>"),
    ],
)
def test_rehabilitation_sport_by_illness_is_health_care_and_sport(title: str, description: str) -> None:
    got = categorize(title, description).categories
    assert "health_care" in got
    assert "sports" in got


def test_plain_sport_groups_stay_sport_only() -> None:
    got = categorize("Übungsleitung Volleyball", "<p>Training der Hobbygruppe am Montagabend.</p>").categories
    assert "sports" in got
    assert "health_care" not in got
