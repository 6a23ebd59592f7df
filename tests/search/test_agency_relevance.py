"""The judged agency set (tests/search/fixtures): the search's top five on real-style listings, never empty."""

from __future__ import annotations

from datetime import datetime, timezone

from bot.search.benchmark.judged import agency_requests, load_agency_listings, score_agency
from bot.store.scratch import scratch_sqlite


async def test_agency_requests_find_relevant_listings_and_never_nothing() -> None:
    async with scratch_sqlite(prefix="agency-relevance") as database:
        listings = await load_agency_listings(database, now=datetime.now(timezone.utc))
        requests = agency_requests()
        assert len(listings) >= 250 and len(requests) >= 100
        score = await score_agency(database, listings, requests)
    assert score.empty == []
    # A floor against collapse, below the measured 0.78 (the NLU, on another branch, moves it a little).
    assert score.precision >= 0.7, "\n".join(score.failures)
