"""A place the person rules out ("Tiere, aber nicht in Kassel"): its listings are left out, the rest of Germany
is searched, and the answer says so instead of "no place named"."""

from __future__ import annotations

import pytest
from tests.factories.search import KASSEL, LEIPZIG, Listings, find, ids, near

from bot.search import SearchRequest
from bot.search.criteria import (
    MAX_RULED_OUT_RADIUS_KM, RULED_OUT_RADIUS_KM, criteria_from, criteria_from_json, ruled_out_radius_km,
)
from bot.search.model import PlaceRef, Refinement
from bot.telegram.search.render import results_text
from bot.web.wording import widening_notes
from nlu import parse
from nlu.kernel.gazetteer import get_gazetteer, haversine_km


async def test_listings_in_a_ruled_out_town_are_left_out(listings: Listings) -> None:
    in_town = await listings.add("Tierheim Kassel", categories=["animals"], **near(KASSEL, 1, 1))
    edge = await listings.add("Katzenhilfe am Stadtrand", categories=["animals"], **near(KASSEL, 0, -4))
    nearby = await listings.add("Gnadenhof Baunatal", categories=["animals"], **near(KASSEL, -9, -3))
    far = await listings.add("Tiertafel Leipzig", categories=["animals"], **near(LEIPZIG, 1, 0))
    online = await listings.add("Tierschutz online", categories=["animals"], remote=True, lat=None, lon=None)

    outcome = await find(listings.database, SearchRequest(), categories=["animals"], ruled_out_places=[KASSEL])

    assert set(ids(outcome)) == {nearby, far, online}
    assert in_town not in ids(outcome) and edge not in ids(outcome)
    assert outcome.total == 3 and outcome.everywhere
    assert outcome.understood.ruled_out_places == ("Kassel",)


async def test_a_ruled_out_place_alone_is_enough_to_search(listings: Listings) -> None:
    await listings.add("Tierheim Kassel", categories=["animals"], **near(KASSEL, 1, 1))
    far = await listings.add("Tiertafel Leipzig", categories=["animals"], **near(LEIPZIG, 1, 0))

    outcome = await find(listings.database, SearchRequest(), ruled_out_places=[KASSEL])

    assert ids(outcome) == [far]


async def test_a_search_around_another_place_still_leaves_the_ruled_out_one_out(listings: Listings) -> None:
    point = near(KASSEL, -10, -3)
    baunatal = PlaceRef("Baunatal", point["lat"], point["lon"], "Hessen")
    in_kassel = await listings.add("Tierheim Kassel", categories=["animals"], **near(KASSEL, 0, 0))
    there = await listings.add("Gnadenhof Baunatal", categories=["animals"], **near(baunatal, 1, 0))

    outcome = await find(listings.database, SearchRequest(), categories=["animals"], place=baunatal,
                         ruled_out_places=[KASSEL])

    assert there in ids(outcome) and in_kassel not in ids(outcome)
    assert not outcome.everywhere


async def test_the_chat_and_the_web_say_the_place_was_ruled_out(listings: Listings) -> None:
    await listings.add("Tiertafel Leipzig", categories=["animals"], **near(LEIPZIG, 1, 0))
    outcome = await find(listings.database, SearchRequest(), categories=["animals"], ruled_out_places=[KASSEL])

    chat = results_text(outcome, offset=0, lang="de", asked_radius_km=15)
    assert "ohne Kassel · ganz Deutschland" in chat
    assert "Kassel lasse ich weg" in chat and "keinen Ort genannt" not in chat
    english = results_text(outcome, offset=0, lang="en", asked_radius_km=15)
    assert "without Kassel" in english and "I left out Kassel" in english and "did not name" not in english
    notes = widening_notes(outcome, asked_radius_km=15, lang="de")
    assert any("Kassel lasse ich weg" in note for note in notes)
    assert not any("keinen Ort genannt" in note for note in notes)


async def test_a_ruled_out_place_picked_later_by_button_is_searched_after_all(listings: Listings) -> None:
    in_kassel = await listings.add("Tierheim Kassel", categories=["animals"], **near(KASSEL, 1, 0))

    outcome = await find(listings.database, SearchRequest(refinement=Refinement(place=KASSEL)), categories=["animals"],
                         ruled_out_places=[KASSEL])

    assert ids(outcome) == [in_kassel]
    assert outcome.understood.ruled_out_places == ()


BERLIN = PlaceRef("Berlin", 52.52437, 13.41053, "Berlin")


async def test_a_ruled_out_city_is_left_out_to_its_edge_not_only_around_its_centre(listings: Listings) -> None:
    spandau = await listings.add("Tierheim Spandau", categories=["animals"], **near(BERLIN, 1, -14))
    koepenick = await listings.add("Katzenhilfe Köpenick", categories=["animals"], **near(BERLIN, -6, 13))
    potsdam = await listings.add("Tiertafel Potsdam", categories=["animals"], **near(BERLIN, -16, -20))
    bernau = await listings.add("Gnadenhof Bernau", categories=["animals"], **near(BERLIN, 23, 10))

    outcome = await find(listings.database, SearchRequest(), categories=["animals"], ruled_out_places=[BERLIN])

    assert spandau not in ids(outcome) and koepenick not in ids(outcome)  # 14 km out, both Berlin
    assert {potsdam, bernau} <= set(ids(outcome))  # 26 and 25 km out: towns of their own


async def test_a_search_place_inside_a_ruled_out_city_is_searched(listings: Listings) -> None:
    """"nicht in Berlin" and then Spandau picked by button: the person chose a place inside the city after all."""
    point = near(BERLIN, 1, -14)
    spandau = PlaceRef("Spandau", point["lat"], point["lon"], "Berlin")
    there = await listings.add("Tierheim Spandau", categories=["animals"], **near(spandau, 1, 0))

    outcome = await find(listings.database, SearchRequest(refinement=Refinement(place=spandau)),
                         categories=["animals"], ruled_out_places=[BERLIN])

    assert there in ids(outcome) and outcome.understood.ruled_out_places == ()


def test_a_ruled_out_place_leaves_out_its_extent() -> None:
    assert RULED_OUT_RADIUS_KM <= ruled_out_radius_km(KASSEL) < 5.5  # a town: about 5 km, Baunatal stays in
    assert 18 <= ruled_out_radius_km(BERLIN) <= MAX_RULED_OUT_RADIUS_KM
    assert ruled_out_radius_km(PlaceRef("Berlin", 52.52, 13.41, "Berlin", "10115")) == RULED_OUT_RADIUS_KM
    assert ruled_out_radius_km(PlaceRef("Nirgendwo", 50.0, 9.0, None)) == RULED_OUT_RADIUS_KM


def _town(name: str) -> PlaceRef:
    place = get_gazetteer().lookup(name)[0]
    return PlaceRef(place.name, place.lat, place.lon, place.state)


@pytest.mark.parametrize(
    ("ruled_out", "wanted"),
    [
        ("Köln", "Leverkusen"), ("Nürnberg", "Fürth"), ("Frankfurt am Main", "Offenbach am Main"),
        ("Berlin", "Kleinmachnow"), ("Dresden", "Radebeul"), ("Leipzig", "Markkleeberg"), ("Hamburg", "Norderstedt"),
    ],
)
def test_a_neighbour_within_a_ruled_out_citys_extent_keeps_the_city_ruled_out(ruled_out: str, wanted: str) -> None:
    city, town = _town(ruled_out), _town(wanted)
    criteria = criteria_from_json(
        {"place": town.to_dict(), "ruled_out_places": [city.to_dict()]}, default_radius_km=15
    )
    assert criteria.ruled_out == (city,)


def test_the_ruled_out_place_itself_picked_as_the_place_lifts_the_ruling_out() -> None:
    berlin = _town("Berlin")
    for picked in (berlin, PlaceRef("Berlin", berlin.lat + 0.02, berlin.lon, "Berlin")):
        criteria = criteria_from_json(
            {"place": picked.to_dict(), "ruled_out_places": [berlin.to_dict()]}, default_radius_km=15
        )
        assert criteria.ruled_out == ()


def test_a_message_ruling_out_a_city_for_its_neighbour_rules_the_city_out() -> None:
    parsed = parse("Tierheim, aber nicht in Köln, lieber in Leverkusen")
    assert parsed.place is not None and parsed.place.name == "Leverkusen"
    criteria = criteria_from(parsed, Refinement(), default_radius_km=15)
    assert [place.name for place in criteria.ruled_out] == ["Köln"]


async def test_the_wanted_towns_own_listings_stay_beside_a_ruled_out_city(listings: Listings) -> None:
    hamburg, norderstedt = _town("Hamburg"), _town("Norderstedt")
    south = near(norderstedt, -3, 0)  # still inside the circle of Hamburg's extent
    assert haversine_km(south["lat"], south["lon"], hamburg.lat, hamburg.lon) < ruled_out_radius_km(hamburg)
    in_norderstedt = await listings.add("Tierheim Norderstedt", categories=["animals"], **south)
    in_hamburg = await listings.add("Tierheim Hamburg", categories=["animals"], **near(hamburg, 1, 0))

    outcome = await find(listings.database, SearchRequest(), categories=["animals"], place=norderstedt,
                         ruled_out_places=[hamburg])

    assert in_norderstedt in ids(outcome) and in_hamburg not in ids(outcome)
    assert outcome.understood.ruled_out_places == ("Hamburg",)


def test_the_nlu_hands_over_the_population_that_sizes_a_ruled_out_place() -> None:
    criteria = criteria_from(parse("Tiere, aber nicht in Berlin"), Refinement(), default_radius_km=15)
    (berlin,) = criteria.ruled_out
    assert berlin.population > 3_000_000
    assert ruled_out_radius_km(berlin) >= 18
    # a place handed over with its population needs no look-up by name
    assert ruled_out_radius_km(PlaceRef("Irgendwo", 50.0, 9.0, None, population=1_000_000)) > 10
    assert criteria_from_json({"ruled_out_places": [berlin.to_dict()]}, default_radius_km=15).ruled_out == (berlin,)
