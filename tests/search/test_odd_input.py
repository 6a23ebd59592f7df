"""Odd and forged input gives a sensible outcome, never an error."""

from __future__ import annotations

import math

import pytest
from tests.factories.search import KASSEL, NOW, Listings, find, ids

from bot.search.criteria import criteria_from_json
from bot.search import PlaceRef, Refinement, SearchRequest, VocabularyCache, search

ODD_TEXTS = [
    "",
    "   ",
    "🙂🐶🌳",
    "x" * 4000,
    "Tierheim " * 500,
    "'; DROP TABLE opportunities; --",
    '"repair" OR title:* NEAR(a b) ^ -',
    "Ⅻ ﬁ ℌ \u200b\u0000 تطوع волонтёр",
    "12345 67890",
    "<b>Kassel</b> &amp; Hunde",
]


@pytest.mark.parametrize("text", ODD_TEXTS)
async def test_odd_text_through_the_real_nlu_gives_an_outcome(text: str, listings: Listings) -> None:
    await listings.add("Tierheim Kassel: Hunde ausführen", categories=["animals"])
    async with listings.database.read_only() as session:
        outcome = await search(session, SearchRequest(text=text), vocabularies=VocabularyCache(), now=NOW)
    assert outcome.total == len(outcome.results) <= 1
    assert set(outcome.to_dict()) == {"query", "widened", "results", "not_applied", "unknown_place"}


async def test_forged_refinements_are_cleaned_instead_of_failing(listings: Listings) -> None:
    shelter = await listings.add("Tierheim", categories=["animals"])
    forged = Refinement(
        categories=("animals", "no_such_category", "' OR 1=1 --"),
        exclude_categories=("🙂",),
        radius_km=-5.0,
        time=("weekend", "always"),
        languages=("arabic", "ar", "'; --"),
    )
    outcome = await find(listings.database, SearchRequest(refinement=forged), place=KASSEL)
    assert ids(outcome) == [shelter] and outcome.radius_km == 15.0
    assert outcome.query["categories"] == ["animals", "no_such_category", "' OR 1=1 --"]  # shown as given


@pytest.mark.parametrize("radius", [math.nan, math.inf, 10_000.0, 0.0])
async def test_impossible_radii_fall_back_to_sane_ones(radius: float, listings: Listings) -> None:
    await listings.add("Tierheim", categories=["animals"])
    outcome = await find(listings.database, SearchRequest(refinement=Refinement(radius_km=radius)),
                         categories=["animals"], place=KASSEL)
    assert outcome.radius_km is not None and 1.0 <= outcome.radius_km <= 200.0 and outcome.total == 1


# The NLU's parse is typed now; odd values can only arrive from stored JSON (a saved search's filters).
def test_a_stored_place_without_usable_coordinates_means_everywhere() -> None:
    nowhere = {"name": "Atlantis", "lat": math.nan, "lon": 200.0}
    criteria = criteria_from_json({"categories": ["animals"], "place": nowhere}, default_radius_km=15.0)
    assert criteria.place is None and criteria.categories == ("animals",)


def test_a_stored_query_with_wrong_types_is_read_as_nothing() -> None:
    stored = {"categories": "animals", "place": ["Kassel"], "time": 7, "languages": None, "remote": "yes",
              "keywords": [None, 3, "Tierheim"], "radius_km": "zwanzig"}
    criteria = criteria_from_json(stored, default_radius_km=15.0)
    assert criteria.keywords == ("tierheim",)  # only the free word "tierheim" was usable
    assert (criteria.categories, criteria.place, criteria.time, criteria.languages) == ((), None, (), ())
    assert not criteria.remote and criteria.radius_km == 15.0


@pytest.mark.parametrize(("limit", "offset"), [(0, 0), (-3, -10), (10_000, 0), (5, 10**9)])
async def test_paging_values_out_of_range_are_clamped(limit: int, offset: int, listings: Listings) -> None:
    await listings.add_many([{"title": f"Tierheim {n}", "categories": ["animals"]} for n in range(3)])
    outcome = await find(listings.database, SearchRequest(limit=limit, offset=offset), categories=["animals"],
                         place=KASSEL)
    assert outcome.total == 3 and len(outcome.results) <= 3


async def test_a_greeting_alone_asks_for_nothing_and_finds_nothing(listings: Listings) -> None:
    await listings.add("Tierheim", categories=["animals"])
    async with listings.database.read_only() as session:
        outcome = await search(session, SearchRequest(text="Hallo!"), vocabularies=VocabularyCache(), now=NOW)
    assert outcome.results == () and outcome.total == 0 and outcome.widened == ()


async def test_a_chosen_place_without_name_still_searches(listings: Listings) -> None:
    shelter = await listings.add("Tierheim", categories=["animals"])
    place = PlaceRef("", KASSEL.lat, KASSEL.lon)
    outcome = await find(listings.database, SearchRequest(refinement=Refinement(place=place)), categories=["animals"])
    assert ids(outcome) == [shelter]
