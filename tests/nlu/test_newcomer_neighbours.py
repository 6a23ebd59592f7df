"""Neighbours, colleagues and classmates from the countries people flee are newcomers (data/nlu/interests.toml
[phrases] refugees_integration; the twelfth round of issue 14). Every sentence here is written for this test; the rules
are read without the trained component."""

from __future__ import annotations

import pytest

from nlu.api import parse_with_rules


@pytest.mark.parametrize(
    "text",
    [
        "ich möchte neuen Nachbarn aus Syrien helfen, sich hier zurechtzufinden, Gera",
        "Ich möchte Nachbarinnen aus Eritrea beim Ankommen unterstützen, Jena",
        "I'd like to help my new neighbours from Ukraine settle in, Halle",
        "Mitschülern aus Afghanistan beim Lernen helfen, Kassel",
    ],
)
def test_neighbours_from_a_country_of_flight_are_newcomers(text: str) -> None:
    assert "refugees_integration" in parse_with_rules(text).categories


@pytest.mark.parametrize(
    "text",
    [
        "Ich möchte meinen Nachbarn helfen, Jena",
        "Nachbarn aus dem Haus besuchen, Jena",  # a house is no country
        "help my neighbours from across the street with shopping, Halle",
    ],
)
def test_neighbours_without_a_country_stay_neighbours(text: str) -> None:
    got = parse_with_rules(text).categories
    assert "refugees_integration" not in got and "neighbourhood" in got
