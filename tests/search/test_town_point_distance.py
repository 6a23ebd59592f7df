"""A listing placed at its town's point claims no distance ("0,0 km von Bad Kötzting"), as the search shows none."""

from __future__ import annotations

from bot.listings_view import distance_to
from bot.search.areas import quarter_named
from bot.search.model import PlaceRef
from bot.telegram.local.terminal import _LOCATION_MISWRITTEN

KOETZTING = PlaceRef("Bad Kötzting", 49.17035, 12.87902, "Bayern", "93444")
DORTMUND = PlaceRef("Dortmund", 51.51494, 7.466, "Nordrhein-Westfalen", None)


def test_a_listing_on_the_origins_point_or_placed_at_its_town_has_no_distance() -> None:
    assert distance_to(KOETZTING, 49.17035, 12.87902) is None
    assert distance_to(KOETZTING, 49.2, 12.9, "town") is None
    assert distance_to(KOETZTING, 49.2, 12.9) == 3.6


def test_a_quarter_said_with_its_city_is_where_a_follow_up_searches() -> None:
    quarter = quarter_named(DORTMUND, "lieber in der Nähe von Dortmund-Hörde, 5 km")
    assert quarter is not None and quarter.name == "Hörde"
    assert quarter_named(DORTMUND, "und in Dortmund?") is None


def test_the_demo_explains_a_location_written_with_a_number_missing() -> None:
    assert _LOCATION_MISWRITTEN.match("standort 51.31") and _LOCATION_MISWRITTEN.match("standort")
    assert not _LOCATION_MISWRITTEN.match("Standort Kassel, was mit Kindern")
