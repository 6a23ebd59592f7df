"""A misspelt town whose name begins with "Bad" or "Sankt" is matched whole ("Bad Hresfeld" is Bad Hersfeld, not
Harsefeld 200 km away); every sentence here is written for this test."""

from __future__ import annotations

import pytest

from nlu.api import parse


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Altenheim Raum Bad Hresfeld", "Bad Hersfeld"),
        ("Tiere in Bad Herfseld am Wochenende", "Bad Hersfeld"),
        ("suche was mit Kindern in Bad Hersfled", "Bad Hersfeld"),
        ("bad nauhiem, sport mit jugendlichen", "Bad Nauheim"),
        ("Wanderweg pflegen bei Bad Schandua", "Bad Schandau"),
    ],
)
def test_a_spa_town_with_a_typo_is_that_town(text: str, name: str) -> None:
    place = parse(text).place
    assert place is not None and place.name == name


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Tierheim Bad Hersfeld", "Bad Hersfeld"),  # written right: no correction
        ("ich hab ein bad gewissen, was mit Senioren in Kassel", "Kassel"),  # "bad" before a word is no town
    ],
)
def test_no_correction_where_none_is_needed(text: str, name: str) -> None:
    query = parse(text)
    assert query.place is not None and query.place.name == name
