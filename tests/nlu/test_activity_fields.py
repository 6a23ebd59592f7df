"""Activities that name no field word but belong to one: festivities organised for a place, tours by bike or in the
mountains (data/taxonomy.toml; the twelfth round of issue 14). Every sentence here is written for this test; the rules
are read without the trained component."""

from __future__ import annotations

import pytest

from nlu.api import parse_with_rules


@pytest.mark.parametrize(
    ("text", "field"),
    [
        ("Löbau, kann Kuchen backen und Feste organisieren", "neighbourhood"),
        ("würde gern bei Festen helfen im Ort, Gotha", "neighbourhood"),
        ("I'd like to help organise street parties in Leipzig", "neighbourhood"),
        ("happy to help at the village fete, Jena", "neighbourhood"),
        ("Radtouren organisieren Bad Wildungen, Wochenende", "sports"),
        ("Fahrradtouren mit Jugendlichen leiten, Jena", "sports"),
        ("Bergwandern mit Gruppen, Erzgebirge", "sports"),
        ("could lead bike tours for older people, Halle", "sports"),
    ],
)
def test_an_activity_names_its_field(text: str, field: str) -> None:
    assert field in parse_with_rules(text).categories


@pytest.mark.parametrize(
    ("text", "field"),
    [
        ("keine feste Termine, Tierheim Jena", "neighbourhood"),  # the adjective: fixed dates
        ("ich hab feste Arbeitszeiten und suche was für abends, Senioren Jena", "neighbourhood"),
        ("Krötenwanderung helfen, Fulda", "sports"),  # toads migrating are no hike
        ("mit dem Rad komme ich überall hin, Tafel in Gera", "sports"),  # a bike to get there is no tour
        ("Rikschatouren mit Senioren, Jena", "sports"),  # passengers ride: an outing
        ("Rollstuhlfahrrad-Ausflüge mit Menschen im Heim, Gera", "sports"),
    ],
)
def test_false_friends_name_no_field(text: str, field: str) -> None:
    assert field not in parse_with_rules(text).categories
