"""A found listing that can be done from home says so, wherever it lies (the chat and the pages mark it)."""

from __future__ import annotations

from datetime import timedelta

from tests.factories.search import KASSEL, NOW, Listings, find, ids, near

from bot.search import SearchRequest


async def test_hits_carry_whether_a_listing_can_be_done_from_home(listings: Listings) -> None:
    on_site = await listings.add("Kräutergarten pflegen", categories=["environment"], **near(KASSEL, 3, 0))
    from_home = await listings.add("Kräutergarten-Blog schreiben", categories=["environment"], remote=True,
                                   **near(KASSEL, 0, 4))

    outcome = await find(listings.database, SearchRequest(), categories=["environment"], place=KASSEL)

    remote = {hit.id: hit.remote for hit in outcome.results}
    assert remote == {on_site: False, from_home: True}
    assert "remote" not in outcome.results[0].to_dict()  # the JSON contract keeps its shape


async def test_an_online_listing_beside_the_nearest_ones_is_marked_online(listings: Listings) -> None:
    nearest = await listings.add("Kräutergarten Nordhessen", categories=["environment"], **near(KASSEL, 120, 0))
    online = await listings.add("Kräutergarten per Video", categories=["environment"], remote=True,
                                **near(KASSEL, -300, 0))

    outcome = await find(listings.database, SearchRequest(), categories=["environment"], place=KASSEL,
                         keywords=["krautergarten"])

    assert [(hit.id, hit.remote) for hit in outcome.results] == [(nearest, False), (online, True)]
    assert outcome.results[1].distance_km is None  # no distance for it: it is done from home


async def test_a_from_home_wish_with_a_place_lists_the_near_online_listings_first(listings: Listings) -> None:
    far = await listings.add("Nachhilfe per Video", categories=["education"], remote=True, **near(KASSEL, -60, 280))
    placeless = await listings.add("Nachhilfe per Video", categories=["education"], remote=True, lat=None, lon=None,
                                   place_name=None)
    near_one = await listings.add("Nachhilfe per Video", categories=["education"], remote=True,
                                  published_at=NOW - timedelta(days=30), **near(KASSEL, 40, 0))

    outcome = await find(listings.database, SearchRequest(), categories=["education"], keywords=["nachhilfe"],
                         place=KASSEL, remote=True)

    # The fresher ones from anywhere follow the one 40 km away; among them, nothing orders by a distance.
    assert ids(outcome)[0] == near_one and set(ids(outcome)) == {near_one, far, placeless}
    assert outcome.remote and outcome.radius_km is None
