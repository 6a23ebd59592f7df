"""A thin first answer (bot.search.thin): fewer than three listings naming what was asked come with the closest
related ones after them (those holding a related word, data/search/related_words.toml), never the field alone."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timezone

from bot.search import SearchRequest, VocabularyCache, search
from bot.search.benchmark.judged import AGENCY_SETS, load_agency_listings
from bot.search.retrieval import Page
from bot.search.thin import wanted
from bot.search.tiers import Tier, shown
from bot.store.scratch import scratch_sqlite
from tests.factories.search import KASSEL, Listings, find, ids, near


def test_only_a_thin_tiered_answer_wants_related_rows_and_only_up_to_three() -> None:
    assert wanted(Page((), total=20, strong=1)) == 2
    assert wanted(Page((), total=20, strong=2)) == 1
    assert wanted(Page((), total=20, strong=3)) == 0  # enough of its own
    assert wanted(Page((), total=1, strong=1)) == 0  # nothing related to add
    assert wanted(Page((), total=0, strong=0)) == 0


def test_the_close_rows_hold_evidence_of_what_was_named_not_only_the_field() -> None:
    close = shown(Tier.CLOSE, "f")
    assert "f.strong = 0" in close and "(f.words + f.named) > 0" in close


async def test_one_named_listing_comes_with_the_closest_related_ones_after_it(listings: Listings) -> None:
    course, tablet, phone, handy = await listings.add_many([
        {"title": "Computerkurs für Einsteiger leiten", "categories": ["digital"], **near(KASSEL, 4, 0)},
        {"title": "Tablet-Sprechstunde im Seniorentreff", "categories": ["digital"], **near(KASSEL, 1, 0)},
        {"title": "Smartphone-Hilfe am Nachmittag", "categories": ["digital"], **near(KASSEL, 2, 0)},
        {"title": "Handy-Sprechstunde in der Bibliothek", "categories": ["digital"], **near(KASSEL, 9, 0)},
    ])
    request = SearchRequest(text="Computer in Kassel")
    fields = {"categories": ["digital"], "keywords": ["computer"], "place": KASSEL}
    answer = await find(listings.database, request, **fields)
    # The named one first although farther away; then the relatives as ranked; the rest behind the button.
    assert ids(answer) == [course, tablet, phone] and answer.total == 3 and answer.others == 1
    # The relatives lie nearer, yet show scores below the named one's: the order reads as ranked.
    scores = [hit.score for hit in answer.results]
    assert scores == sorted(scores, reverse=True) and len(set(scores)) == 3
    related = await find(listings.database, replace(request, similar=True), **fields)
    assert ids(related) == [handy] and related.total == 1 and related.others == 3
    # Pages of the answer split the same rows: the second page starts with the first related one taken.
    second = await find(listings.database, replace(request, limit=1, offset=1), **fields)
    assert ids(second) == [tablet] and second.total == 3
    assert second.results[0].score == answer.results[1].score  # the same score on every page


async def test_the_field_alone_never_tops_up_a_thin_answer(listings: Listings) -> None:
    organ, *_ = await listings.add_many([
        {"title": "Orgel spielen im Sonntagsgottesdienst", "categories": ["culture"], **near(KASSEL, 4, 0)},
        {"title": "Chorprobe begleiten", "categories": ["culture"], **near(KASSEL, 1, 0)},
        {"title": "Museumsaufsicht am Wochenende", "categories": ["culture"], **near(KASSEL, 0, 1)},
    ])
    answer = await find(listings.database, SearchRequest(text="Orgel in Kassel"),
                        categories=["culture"], keywords=["orgel"], place=KASSEL)
    assert ids(answer) == [organ] and answer.others == 2


async def test_judged_leipzig_listings_answer_digital_help_for_older_people_with_more_than_one() -> None:
    """End to end on the judged Leipzig listings, the NLU reading request and listings: a request for computer help
    with older people finds the one computer listing and the smartphone, tablet and digital-guide offers beside it."""
    async with scratch_sqlite(prefix="thin-leipzig") as database:
        stored = await load_agency_listings(database, AGENCY_SETS["leipzig"].listings,
                                            now=datetime.now(timezone.utc), inferred=True)
        async with database.read_only() as session:
            answer = await search(session, SearchRequest(text="Senioren Computer Leipzig"),
                                  vocabularies=VocabularyCache())
    topics = [set(stored[hit.id]["topics"]) for hit in answer.results]
    scores = [hit.score for hit in answer.results]
    assert scores == sorted(scores, reverse=True)
    assert len(topics) >= 3 and all("smartphone" in found for found in topics[:3])
    assert answer.to_dict().keys() == {"query", "widened", "results", "not_applied", "unknown_place"}
