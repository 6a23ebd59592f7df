"""Placing a feed's offers: real points, placeholders, postal codes, quarters inside the feed's town, towns."""

from __future__ import annotations

from typing import Any

import pytest

from bot.domain import PlacePrecision
from bot.exchange.feeds.offer import FeedOffer
from bot.exchange.feeds.places import FeedPlaces
from nlu.kernel.gazetteer import get_gazetteer

CENTRE = ("53.550730", "9.993020")


def offer(number: int = 1, **fields: Any) -> FeedOffer:
    return FeedOffer(f"line {number}", organisation=fields.pop("organisation", f"Verein {number}"), **fields)


def hamburg_feed(*extra: FeedOffer) -> list[FeedOffer]:
    """A feed whose rows name Hamburg's quarters, plus a placeholder point shared by five organisations."""
    placeholder = [offer(10 + n, lat=CENTRE[0], lon=CENTRE[1], quarter="Ottensen") for n in range(5)]
    return [offer(1, quarter="Eimsbüttel"), offer(2, quarter="Barmbek-Nord"), *placeholder, *extra]


def test_the_feeds_town_comes_from_its_quarters() -> None:
    places = FeedPlaces(get_gazetteer(), hamburg_feed())
    assert places.home is not None and places.home.name == "Hamburg"
    assert places.placeholders == {(53.55073, 9.99302)}


@pytest.mark.parametrize(("fields", "name", "precision"), [
    ({"lat": "53.553120", "lon": "9.935410", "quarter": "Altona"}, "Hamburg-Altona", PlacePrecision.POINT),
    ({"lat": "53,5531", "lon": "9,9354"}, "Hamburg-Altona", PlacePrecision.POINT),  # decimal commas, no name
    ({"lat": "9.935410", "lon": "53.553120", "quarter": "Altona"}, "Hamburg-Altona", PlacePrecision.POINT),  # swapped
    ({"lat": "0", "lon": "0", "quarter": "Neustadt"}, "Hamburg-Neustadt", PlacePrecision.QUARTER),
    ({"lat": "0.000000", "lon": "0.000000", "quarter": "Neustadt", "postal_code": "20459"}, "Hamburg-Neustadt",
     PlacePrecision.POSTAL_CODE),
    ({"lat": CENTRE[0], "lon": CENTRE[1], "quarter": "St. Pauli"}, "Hamburg-St. Pauli", PlacePrecision.QUARTER),
    ({"lat": CENTRE[0], "lon": CENTRE[1]}, "Hamburg", PlacePrecision.TOWN),  # only the placeholder: its town
    ({"quarter": "Hamburg"}, "Hamburg", PlacePrecision.TOWN),
    ({"quarter": "Hamburg-Wilhelmsburg"}, "Hamburg-Wilhelmsburg", PlacePrecision.QUARTER),
    ({"quarter": "Norderstedt"}, "Norderstedt", PlacePrecision.TOWN),  # a town of its own next to Hamburg
    ({"quarter": "Am Wasserturm"}, "Hamburg-Am Wasserturm", PlacePrecision.TOWN),  # unknown: the feed's town
    ({"town": "Wedel", "quarter": ""}, "Wedel", PlacePrecision.TOWN),
])
def test_an_offer_is_placed_as_precisely_as_it_allows(fields: dict[str, str], name: str,
                                                      precision: PlacePrecision) -> None:
    extra = offer(99, **fields)
    placement = FeedPlaces(get_gazetteer(), hamburg_feed(extra)).place(extra)
    assert placement is not None
    assert (placement.place_name, placement.precision) == (name, precision)
    assert 53.3 < placement.lat < 53.8 and 9.6 < placement.lon < 10.4  # type: ignore[operator]


def test_no_place_and_unknown_coordinates_give_none() -> None:
    for fields in (
        {}, {"lat": "0", "lon": "0"}, {"lat": "0.000000", "lon": "0.000000"}, {"lat": "-33.9", "lon": "18.4"},
    ):
        extra = offer(99, **fields)
        assert FeedPlaces(get_gazetteer(), hamburg_feed(extra)).place(extra) is None, fields


def test_online_is_no_place() -> None:
    extra = offer(99, quarter="Online")
    assert FeedPlaces(get_gazetteer(), hamburg_feed(extra)).place(extra) is None


def test_a_quarter_resolves_inside_the_feeds_own_town() -> None:
    dresden = [offer(n, town="Dresden", quarter=q) for n, q in enumerate(["Gorbitz", "Löbtau", "Pieschen"])]
    neustadt = offer(9, quarter="Neustadt")
    placement = FeedPlaces(get_gazetteer(), [*dresden, neustadt]).place(neustadt)
    assert placement is not None and placement.place_name == "Dresden-Neustadt"
    assert placement.precision is PlacePrecision.QUARTER
    assert abs(placement.lat - 51.07) < 0.05 and abs(placement.lon - 13.75) < 0.05  # type: ignore[operator]


def test_a_configured_town_wins() -> None:
    neustadt = offer(1, quarter="Neustadt")
    placement = FeedPlaces(get_gazetteer(), [neustadt], home="Dresden").place(neustadt)
    assert placement is not None and placement.place_name == "Dresden-Neustadt"


@pytest.mark.parametrize(("quarter", "name", "precision"), [
    ("Altona, Ottensen", "Altona, Ottensen", PlacePrecision.QUARTER),  # at Altona, the name as written
    ("Gibtsnicht / Eppendorf", "Hamburg-Eppendorf", PlacePrecision.QUARTER),
    ("22765 Hamburg", "Hamburg", PlacePrecision.POSTAL_CODE),
    ("Altona (Hamburg)", "Altona (Hamburg)", PlacePrecision.QUARTER),
])
def test_ortsteil_cells_as_agencies_write_them(quarter: str, name: str, precision: PlacePrecision) -> None:
    extra = offer(99, quarter=quarter)
    placement = FeedPlaces(get_gazetteer(), hamburg_feed(extra)).place(extra)
    assert placement is not None and (placement.place_name, placement.precision) == (name, precision)


@pytest.mark.parametrize("fields", [
    {"postal_code": "1067"},  # the plz column as a spreadsheet keeps it
    {"town": "1067 Dresden"},
    {"town": "1067"},
    {"town": "Dresden", "quarter": "1067 Innere Altstadt"},
])
def test_a_postal_code_that_lost_its_leading_zero_is_put_back_and_noted(fields: dict[str, str]) -> None:
    saxon = offer(1, **fields)
    placement = FeedPlaces(get_gazetteer(), [saxon]).place(saxon)
    assert placement is not None and placement.postal_code == "01067"
    assert placement.precision is PlacePrecision.POSTAL_CODE and (placement.place_name or "").startswith("Dresden")
    assert placement.note is not None and "leading zero" in placement.note


def test_four_digits_that_are_no_postal_code_and_a_house_number_stay_as_they_are() -> None:
    number = offer(1, town="Kassel", street="Hauptstraße 1067")  # a house number, not 01067 Dresden
    placement = FeedPlaces(get_gazetteer(), [number]).place(number)
    assert placement is not None and placement.place_name == "Kassel" and placement.postal_code is None
    full = offer(2, postal_code="01067")
    placed = FeedPlaces(get_gazetteer(), [full]).place(full)
    assert placed is not None and placed.postal_code == "01067" and placed.note is None
