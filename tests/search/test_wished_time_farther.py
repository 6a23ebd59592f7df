"""A time wished as a preference ("am liebsten abends") that nothing near fits: the listings at that time from farther
away join the nearer ones at other times, and the headers say so; a firm time and a fitting nearby listing keep the
search as it was."""

from __future__ import annotations

from typing import Any

import pytest

from tests.factories.search import KASSEL, Listings, find, ids, near

from bot.cli.search import describe
from bot.search import SearchRequest
from bot.search.notes import widening_notes
from bot.search.retrieval import count_matches
from bot.search.widening import WISHED_FARTHER, Attempt, soft_time_farther
from bot.telegram.search.render import results_text

TAFEL = {"categories": ["poverty_homelessness"], "keywords": ["tafel"], "place": KASSEL, "time": ["evening"]}


async def _daytime_near_and_evening_far(listings: Listings) -> tuple[list[int], int]:
    """Stores three daytime food banks within 10 km of Kassel and one in the evening 25 km away."""
    near_ones = await listings.add_many([
        {"title": f"Tafel Ausgabe {n}", "categories": ["poverty_homelessness"], "time_tags": ["daytime"],
         **near(KASSEL, 2 + n, 0)} for n in range(3)
    ])
    far = await listings.add("Tafel Abendausgabe", categories=["poverty_homelessness"], time_tags=["evening"],
                             **near(KASSEL, 25, 0))
    return near_ones, far


async def test_a_preferred_time_nothing_near_fits_brings_the_wished_time_from_farther(listings: Listings) -> None:
    near_ones, far = await _daytime_near_and_evening_far(listings)

    outcome = await find(listings.database, SearchRequest(text="Tafel"), **TAFEL, time_soft=True)

    assert set(ids(outcome)) == {*near_ones, far}  # the nearer ones at other times stay
    assert ids(outcome)[0] == far  # the wished time comes first among the alike
    assert WISHED_FARTHER in outcome.widened and "radius:30" in outcome.widened
    for lang, said in (("de", "zu dieser Zeit bis 30 km"), ("en", "at that time up to 30 km")):
        notes = widening_notes(outcome.widened, asked_radius_km=15, lang=lang)
        assert any(said in note for note in notes)
        assert said in results_text(outcome, offset=0, lang=lang, asked_radius_km=15)
    assert "zur Wunschzeit weiter weg" in describe(outcome, lang="de").splitlines()[0]


async def test_a_firm_time_still_filters(listings: Listings) -> None:
    near_ones, far = await _daytime_near_and_evening_far(listings)
    outcome = await find(listings.database, SearchRequest(text="Tafel"), **TAFEL)
    # as before: too few at the time within 50 km, so the time was let go (said as such), never "wished farther"
    assert WISHED_FARTHER not in outcome.widened and "time" in outcome.widened
    assert ids(outcome)[0] == far


async def test_a_nearby_listing_at_the_wished_time_keeps_the_search_near(listings: Listings) -> None:
    near_ones, far = await _daytime_near_and_evening_far(listings)
    evening = await listings.add("Tafel am Abend", categories=["poverty_homelessness"], time_tags=["evening"],
                                 **near(KASSEL, 0, 3))

    outcome = await find(listings.database, SearchRequest(text="Tafel"), **TAFEL, time_soft=True)

    assert ids(outcome)[0] == evening
    assert far not in ids(outcome) and WISHED_FARTHER not in outcome.widened


async def test_farther_at_other_times_is_never_added(listings: Listings) -> None:
    near_ones = await listings.add_many([
        {"title": f"Tafel Ausgabe {n}", "categories": ["poverty_homelessness"], "time_tags": ["daytime"],
         **near(KASSEL, 2 + n, 0)} for n in range(3)
    ])
    far_by_day = await listings.add("Tafel Ausgabe Land", categories=["poverty_homelessness"],
                                    time_tags=["daytime"], **near(KASSEL, 25, 0))

    outcome = await find(listings.database, SearchRequest(text="Tafel"), **TAFEL, time_soft=True)

    assert set(ids(outcome)) == set(near_ones) and far_by_day not in ids(outcome)
    assert WISHED_FARTHER not in outcome.widened


async def test_farther_ones_saying_nothing_of_the_time_are_not_brought(listings: Listings) -> None:
    near_ones = await listings.add_many([
        {"title": f"Tafel Ausgabe {n}", "categories": ["poverty_homelessness"], "time_tags": ["daytime"],
         **near(KASSEL, 2 + n, 0)} for n in range(3)
    ])
    silent = await listings.add("Tafel Ausgabe Land", categories=["poverty_homelessness"], **near(KASSEL, 25, 0))

    outcome = await find(listings.database, SearchRequest(text="Tafel"), **TAFEL, time_soft=True)

    assert set(ids(outcome)) == set(near_ones) and silent not in ids(outcome)  # "zu dieser Zeit" would be untrue


def test_no_wider_tries_past_a_chosen_radius_or_the_nearest_ones() -> None:
    asked = Attempt(15.0, False, False, ())
    assert [wider.radius_km for wider in soft_time_farther(asked)] == [30.0, 50.0]
    assert all(wider.wished_beyond_km == 15.0 for wider in soft_time_farther(asked))
    assert soft_time_farther(asked, chosen=True) == []
    assert soft_time_farther(Attempt(100.0, False, False, ("nearest",))) == []
    assert soft_time_farther(Attempt(15.0, True, False, ())) == []  # a firm time filters: nothing to add


async def test_a_page_showing_the_wished_time_nearby_needs_no_count(
    listings: Listings, monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The page's own rows tell that one nearby fits at the wished time: no statement counts the firm time's matches,
    # and the answer is the one the count gave (test_a_nearby_listing_at_the_wished_time_keeps_the_search_near).
    near_ones, far = await _daytime_near_and_evening_far(listings)
    evening = await listings.add("Tafel am Abend", categories=["poverty_homelessness"], time_tags=["evening"],
                                 **near(KASSEL, 0, 3))
    counted = _counting(monkeypatch)

    outcome = await find(listings.database, SearchRequest(text="Tafel"), **TAFEL, time_soft=True)

    assert ids(outcome)[0] == evening and far not in ids(outcome) and WISHED_FARTHER not in outcome.widened
    assert counted == []


async def test_a_page_without_the_wished_time_still_counts(
    listings: Listings, monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Nothing on the page is held at the wished time: only the count tells whether one nearby is (here none, so the
    # evening one from farther away joins, as before).
    near_ones, far = await _daytime_near_and_evening_far(listings)
    counted = _counting(monkeypatch)

    outcome = await find(listings.database, SearchRequest(text="Tafel"), **TAFEL, time_soft=True)

    assert set(ids(outcome)) == {*near_ones, far} and WISHED_FARTHER in outcome.widened
    assert counted  # the firm time's count, and the wider try's


async def test_a_row_at_the_wished_time_without_the_words_does_not_answer_for_the_count(
    listings: Listings, monkeypatch: pytest.MonkeyPatch,
) -> None:
    # An evening row of the field that holds none of the request's words fits the time, not the request: the count
    # still decides, and finds none holding "Tafel" in the evening nearby, so the evening food bank farther joins.
    near_ones, far = await _daytime_near_and_evening_far(listings)
    await listings.add("Kleiderkammer am Abend", categories=["poverty_homelessness"], time_tags=["evening"],
                       **near(KASSEL, 0, 2))
    counted = _counting(monkeypatch)

    outcome = await find(listings.database, SearchRequest(text="Tafel"), **TAFEL, time_soft=True)

    assert counted and far in ids(outcome) and WISHED_FARTHER in outcome.widened


def _counting(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """Records each count of a try's matches the engine runs (bot.search.engine._counts)."""
    calls: list[bool] = []

    async def count(*args: Any, **kwargs: Any) -> tuple[int, int, int, int]:
        calls.append(True)
        return await count_matches(*args, **kwargs)

    monkeypatch.setattr("bot.search.engine.count_matches", count)
    return calls
