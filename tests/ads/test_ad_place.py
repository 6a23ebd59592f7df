"""Where an ad says its person helps: the town, or the town with its district when the person chooses it."""

from __future__ import annotations

import pytest

from bot.ads import compose
from bot.ads.compose import place_from_location, quarter_by_id, town_by_id, towns_named
from bot.domain import PlacePrecision
from bot.search.understanding import parse_text
from nlu.kernel.gazetteer import get_gazetteer, haversine_km

ALTONA = 2911296
HAMBURG = 2911298


def test_a_named_district_offers_its_town_and_itself() -> None:
    for text in ("Hamburg-Altona", "Altona", "in Altona (Hamburg)"):
        [choice] = towns_named(text)
        assert (choice.town.name, choice.town.precision) == ("Hamburg", PlacePrecision.TOWN), text
        assert choice.quarter is not None and choice.quarter.name == "Hamburg-Altona", text
        assert choice.quarter.precision is PlacePrecision.QUARTER and choice.quarter_id == ALTONA


def test_a_postal_code_or_a_location_offers_the_district_it_lies_in_at_the_districts_centre() -> None:
    [by_code] = towns_named("22765")
    shared = place_from_location(53.5531, 9.9352)
    assert shared is not None and by_code.quarter == shared.quarter
    assert shared.quarter is not None and (shared.quarter.lat, shared.quarter.lon) == (53.55, 9.93)
    assert (shared.town.lat, shared.town.lon) != (53.5531, 9.9352)


def test_towns_without_known_districts_offer_only_the_town() -> None:
    # Kassel has its quarters since the seventeenth session (data/places/quarter_points.toml); Baunatal has none
    [baunatal] = towns_named("34225")
    assert baunatal.town.name == "Baunatal" and baunatal.quarter is None
    nearby = place_from_location(51.2560, 9.4140)
    assert nearby is not None and nearby.town.name == "Baunatal" and nearby.quarter is None


def test_a_district_farther_than_quarter_km_from_the_point_is_not_offered(monkeypatch: pytest.MonkeyPatch) -> None:
    [near] = towns_named("22765")
    assert near.quarter is not None
    centre = get_gazetteer().get(ALTONA)
    monkeypatch.setattr(compose, "QUARTER_KM", 0.1)  # the postal code's point is more than 100 m from Altona's
    code = get_gazetteer().by_postal_code("22765")
    assert code is not None and haversine_km(code.lat, code.lon, centre.lat, centre.lon) > 0.1
    [far] = towns_named("22765")
    assert far.town == near.town and far.quarter is None and far.quarter_id is None


def test_buttons_name_a_town_or_a_district_and_nothing_else() -> None:
    assert quarter_by_id(HAMBURG) is None  # a town is no district: a forged district button places nothing
    assert quarter_by_id(-1) is None and town_by_id(-1) is None
    town = town_by_id(ALTONA)  # a district's id on the town button stands for its town, never the district
    assert town is not None and (town.name, town.precision) == ("Hamburg", PlacePrecision.TOWN)


def test_an_answer_that_is_no_place_name_as_it_stands_is_read_as_the_search_reads_it() -> None:
    for text in ("am liebsten im Raum Kassel", "so in der Gegend um Kassel"):
        assert towns_named(text) == [], text  # the look-up alone knows no such name
        [choice] = towns_named(text, parse_text)
        assert choice.town.name == "Kassel", text
    assert towns_named("weiß ich noch nicht", parse_text) == []


@pytest.mark.parametrize(("text", "town", "quarter"), [
    ("Wehlheiden, Kassel", "Kassel", "Kassel-Wehlheiden"),
    ("Plagwitz, Leipzig", "Leipzig", "Leipzig-Plagwitz"),
    ("Leipzig, Plagwitz", "Leipzig", "Leipzig-Plagwitz"),
])
def test_a_quarter_and_its_city_beside_a_comma_offer_both(text: str, town: str, quarter: str) -> None:
    [choice] = towns_named(text, parse_text)
    assert choice.town.name == town and choice.quarter is not None and choice.quarter.name == quarter
