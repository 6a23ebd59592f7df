"""Every page of one widened search takes the try of its first page: the "Mehr" pages continue the same list."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

import pytest
from tests.factories.search import KASSEL, Listings, find, near

from bot.search import SearchRequest

FIELDS = {"categories": ["environment"], "place": KASSEL, "keywords": ["streuobstwiese"]}


async def _all_pages(listings: Listings, limit: int) -> list[tuple[tuple[str, ...], float | None, int, list[int]]]:
    """Returns (widened, radius, total, ids) of each page until the first empty one (included)."""
    pages = []
    for offset in range(0, 40, limit):
        outcome = await find(listings.database, SearchRequest(limit=limit, offset=offset), **FIELDS)
        pages.append((outcome.widened, outcome.radius_km, outcome.total, [hit.id for hit in outcome.results]))
        if not outcome.results:
            break
    return pages


def _assert_one_list(pages: list[tuple[tuple[str, ...], float | None, int, list[int]]]) -> None:
    widened, radius, total, _ = pages[0]
    shown = [listing for page in pages for listing in page[3]]
    for page in pages:
        assert page[:3] == (widened, radius, total)  # the last, empty page included: it is no other search
    assert len(shown) == len(set(shown)) == total


async def _loose_ones_nearby(listings: Listings) -> None:
    await listings.add_many([
        {"title": f"Bachpatenschaft {n}", "categories": ["environment"], **near(KASSEL, n, 2)} for n in range(4)
    ])


async def _nearest_ones_far_away(listings: Listings) -> tuple[str, ...]:
    await _loose_ones_nearby(listings)
    await listings.add_many([
        {"title": f"Streuobstwiese pflegen {n}", "categories": ["environment"], **near(KASSEL, 55 + 5 * n, 0)}
        for n in range(7)
    ])
    return ("radius:30", "radius:50", "nearest")


async def _matching_ones_a_little_farther(listings: Listings) -> tuple[str, ...]:
    await _loose_ones_nearby(listings)
    await listings.add("Streuobstwiese am Stadtrand", categories=["environment"], **near(KASSEL, 17, 0))
    await listings.add_many([
        {"title": f"Streuobstwiese im Umland {n}", "categories": ["environment"], **near(KASSEL, -20 - 6 * n, 3)}
        for n in range(4)
    ])
    return ("radius:30", "radius:50", "matching")


@pytest.mark.parametrize("scenario", [_nearest_ones_far_away, _matching_ones_a_little_farther])
@pytest.mark.parametrize("limit", [1, 2, 5])
async def test_later_pages_continue_the_first_page_s_list(
    listings: Listings, scenario: Callable[[Listings], Awaitable[tuple[str, ...]]], limit: int,
) -> None:
    expected = await scenario(listings)

    pages = await _all_pages(listings, limit)

    assert pages[0][0] == expected
    _assert_one_list(pages)


async def test_a_page_past_the_end_of_the_nearby_matches_keeps_the_widened_try(listings: Listings) -> None:
    await _nearest_ones_far_away(listings)

    # Offset 5 lies past the four loose listings nearby but within the seven named ones farther away.
    outcome = await find(listings.database, SearchRequest(offset=5), **FIELDS)

    assert outcome.widened == ("radius:30", "radius:50", "nearest") and outcome.total == 7
    assert len(outcome.results) == 2
