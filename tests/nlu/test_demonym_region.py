"""A town's adjective before a region noun ("im Kölner Raum", "Leipziger Gegend") names that town, although the
region nouns are function words elsewhere; the nouns come from the region cues in data/nlu/places.toml. Every
sentence here is written for this test."""

from __future__ import annotations

import pytest

from nlu import parse


@pytest.mark.parametrize(
    ("text", "town"),
    [
        ("Ich suche ein Ehrenamt im Kölner Raum", "Köln"),
        ("Hamburger Raum, am liebsten mit Hunden", "Hamburg"),
        ("Nachhilfe geben im Bremer Raum", "Bremen"),
        ("Leipziger Gegend, gern mit Senioren", "Leipzig"),
        ("Irgendwas im Dresdner Großraum am Wochenende", "Dresden"),
    ],
)
def test_a_town_adjective_before_a_region_noun_names_the_town(text: str, town: str) -> None:
    place = parse(text).place
    assert place is not None and place.name == town


def test_an_ordinary_adjective_before_raum_names_no_town() -> None:
    assert parse("Suche einen ruhigen Raum zum Lernen für Kinder").place is None
