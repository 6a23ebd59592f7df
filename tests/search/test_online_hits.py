"""A found listing that can be done from home says so, wherever it lies (the chat and the pages mark it)."""

from __future__ import annotations

from tests.factories.search import KASSEL, Listings, find, near

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
