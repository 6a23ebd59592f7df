"""The evening and the weekend wished together are the free time beside a working day: either one fits, only a
listing held on weekdays in the daytime does not, and one at both times comes first."""

from __future__ import annotations

import pytest
from tests.factories.search import KASSEL, Listings, find, ids, near

from bot.search import SearchRequest
from bot.search.time_wish import either_free_time, time_fits


async def test_a_saturday_morning_and_a_weekday_evening_both_fit_evenings_or_weekends(listings: Listings) -> None:
    saturday = await listings.add("Streuobstwiese: Samstagseinsatz", categories=["environment"],
                                  time_tags=["weekend", "daytime"], **near(KASSEL, 3, 0))
    tuesday = await listings.add("Krötenzaun abends betreuen", categories=["environment"],
                                 time_tags=["weekday", "evening"], **near(KASSEL, 2, 0))
    office = await listings.add("Büro des Naturschutzbunds", categories=["environment"],
                                time_tags=["weekday", "daytime"], **near(KASSEL, 1, 0))
    both = await listings.add("Fledermausführung am Samstagabend", categories=["environment"],
                              time_tags=["weekend", "evening"], **near(KASSEL, 4, 0))

    outcome = await find(listings.database, SearchRequest(), categories=["environment"], place=KASSEL,
                         time=["evening", "weekend"])

    assert ids(outcome)[0] == both
    assert set(ids(outcome)) == {both, saturday, tuesday} and office not in ids(outcome)
    assert "time" not in outcome.widened  # three listings fit: the time was kept, not let go


async def test_a_weekend_morning_wish_still_asks_for_both(listings: Listings) -> None:
    mornings = await listings.add_many([
        {"title": f"Tierheim: Frühdienst am Sonntag {n}", "categories": ["animals"],
         "time_tags": ["weekend", "daytime"], **near(KASSEL, n, 0)} for n in (2, 3, 4)
    ])
    evening = await listings.add("Tierheim: Gassirunde am Samstagabend", categories=["animals"],
                                 time_tags=["weekend", "evening"], **near(KASSEL, 1, 0))

    outcome = await find(listings.database, SearchRequest(), categories=["animals"], place=KASSEL,
                         time=["weekend", "daytime"])

    assert ids(outcome) == mornings and evening not in ids(outcome)


@pytest.mark.parametrize(("asked", "listed", "fits"), [
    (["evening", "weekend"], ["weekend", "daytime"], True),
    (["evening", "weekend"], ["weekday", "evening"], True),
    (["evening", "weekend"], ["weekday", "daytime"], False),
    (["evening", "weekend"], [], True),
    (["evening", "weekend", "regular"], ["weekend", "daytime", "one_off"], False),  # the frequency still counts
    (["evening", "weekend", "regular"], ["weekend", "daytime", "regular"], True),
    (["weekend", "daytime"], ["weekend", "evening"], False),  # a weekend morning is one time, not a choice
    (["weekday", "evening", "weekend"], ["weekend", "daytime"], False),  # weekdays too: no free-time choice
])
def test_the_judge_reads_the_wish_as_the_search_does(asked: list[str], listed: list[str], fits: bool) -> None:
    assert time_fits(asked, listed) is fits


def test_only_evening_and_weekend_without_working_time_are_a_choice() -> None:
    assert either_free_time(["weekend", "evening"])
    assert not either_free_time(["weekend", "evening", "daytime"])
    assert not either_free_time(["evening"])
