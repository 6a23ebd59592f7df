"""Someone who speaks little German gets listings open to newcomers first (issue 14)."""

from __future__ import annotations

from tests.factories.search import KASSEL, Listings, find, ids, near

from bot.search import SearchRequest


async def test_little_german_puts_newcomer_friendly_listings_first(listings: Listings) -> None:
    closer = await listings.add("Tierheim: Katzen versorgen", categories=["animals"], **near(KASSEL, 1, 0))
    friendly = await listings.add("Tierheim: Hunde ausführen", categories=["animals"], newcomer_friendly=True,
                                  **near(KASSEL, 6, 0))

    plain = await find(listings.database, SearchRequest(), categories=["animals"], place=KASSEL)
    assert ids(plain) == [closer, friendly]

    needing = await find(listings.database, SearchRequest(), categories=["animals"], place=KASSEL,
                         needs_little_german=True)
    assert ids(needing) == [friendly, closer]
    assert "ohne Deutsch möglich" in needing.results[0].why
