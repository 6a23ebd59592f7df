"""Use cases of issue 15's firm time wishes on real listings, without Telegram: where the listings at the asked time
hold none of the request's words, one at another time saying them is kept (after them only where they hold more), and
the chat, the web pages and the command line say so; where one at the time holds them, where too few fit the time,
or where the request has no words, the time filters as before, and a time ruled out never comes back."""

from __future__ import annotations

from tests.factories.search import KASSEL, Listings, find, ids, near

from bot.cli.search import describe
from bot.search import SearchRequest
from bot.search.notes import time_notes
from bot.telegram.search.render import results_text
from bot.web.wording import widening_notes as page_notes

MUSIC = {"categories": ["culture"], "keywords": ["chor"], "place": KASSEL}


async def _choir_by_day_and_evening_culture(listings: Listings) -> tuple[int, int, list[int]]:
    """Stores a choir in the daytime, a museum by day holding none of the words, and three evening rows of the field
    holding none of them."""
    choir, museum = await listings.add_many([
        {"title": "Chor im Seniorenheim begleiten", "categories": ["culture"], "time_tags": ["daytime"],
         **near(KASSEL, 1, 0)},
        {"title": "Aufsicht im Museum", "categories": ["culture"], "time_tags": ["daytime"], **near(KASSEL, 1, 1)},
    ])
    evenings = await listings.add_many([
        {"title": f"Theaterabend betreuen {n}", "categories": ["culture"], "time_tags": ["evening"],
         **near(KASSEL, 2, n)} for n in range(3)
    ])
    return choir, museum, evenings


async def test_a_firm_time_keeps_the_listing_naming_the_request_at_another_time(listings: Listings) -> None:
    choir, museum, evenings = await _choir_by_day_and_evening_culture(listings)

    outcome = await find(listings.database, SearchRequest(text="Chor abends", limit=10), **MUSIC, time=["evening"])

    assert ids(outcome) == [choir]  # it names what was asked; the field's evening rows are the related ones
    assert outcome.others == len(evenings) and museum not in ids(outcome)  # by day and holding nothing: left out
    assert "time" not in outcome.widened  # nothing was let go: the evening rows came through the filter


async def test_a_firm_time_without_words_filters_as_before(listings: Listings) -> None:
    _, museum, evenings = await _choir_by_day_and_evening_culture(listings)

    named = await find(listings.database, SearchRequest(text="Museum abends", limit=10), categories=["culture"],
                       keywords=["museum"], place=KASSEL, time=["evening"])
    assert ids(named) == [museum]  # "Aufsicht im Museum" names it, by day: kept

    plain = await find(listings.database, SearchRequest(limit=10), categories=["culture"], place=KASSEL,
                       time=["evening"])
    assert set(ids(plain)) == set(evenings) and time_notes(plain, "de") == []


async def test_where_one_at_the_time_holds_the_words_the_time_filters_as_before(listings: Listings) -> None:
    by_day, in_the_evening, *theatre = await listings.add_many([
        {"title": "Chor sucht Stimmen", "categories": ["culture"], "time_tags": ["daytime"], **near(KASSEL, 1, 0)},
        {"title": "Chor sucht Stimmen", "categories": ["culture"], "time_tags": ["evening"], **near(KASSEL, 6, 0)},
        *({"title": f"Theaterabend betreuen {n}", "categories": ["culture"], "time_tags": ["evening"],
           **near(KASSEL, 2, n)} for n in range(2)),
    ])

    outcome = await find(listings.database, SearchRequest(text="Chor abends", limit=10), **MUSIC, time=["evening"])

    assert ids(outcome) == [in_the_evening] and outcome.others == len(theatre)  # the one by day is not among them
    assert time_notes(outcome, "de") == []


async def test_where_too_few_fit_the_time_the_search_goes_on_as_before(listings: Listings) -> None:
    await listings.add_many([
        {"title": "Chor sucht Stimmen", "categories": ["culture"], "time_tags": ["daytime"], **near(KASSEL, 1, 0)},
        {"title": "Theaterabend betreuen", "categories": ["culture"], "time_tags": ["evening"], **near(KASSEL, 6, 0)},
    ])

    outcome = await find(listings.database, SearchRequest(text="Chor abends"), **MUSIC, time=["evening"])

    # one row at the time is no page: the search lets the time go, said as such, as before
    assert "time" in outcome.widened


async def test_a_ruled_out_time_never_comes_back_for_a_listing_naming_the_request(listings: Listings) -> None:
    weekend, weekday = await listings.add_many([
        {"title": "Chor am Samstag", "categories": ["culture"], "time_tags": ["weekend"], **near(KASSEL, 1, 0)},
        {"title": "Chor am Dienstag", "categories": ["culture"], "time_tags": ["weekday"], **near(KASSEL, 2, 0)},
    ])

    outcome = await find(listings.database, SearchRequest(text="Chor, nicht am Wochenende"), **MUSIC,
                         time=["weekday"], ruled_out_time=["weekend"])

    assert weekend not in ids(outcome) and ids(outcome)[0] == weekday


async def test_every_header_says_why_a_listing_at_another_time_is_shown(listings: Listings) -> None:
    choir, _, _ = await _choir_by_day_and_evening_culture(listings)
    outcome = await find(listings.database, SearchRequest(text="Chor abends"), **MUSIC, time=["evening"])
    assert ids(outcome) == [choir]

    for lang, note in (("de", "Auch Angebote zu anderen Zeiten"), ("en", "Listings at other times are included")):
        assert time_notes(outcome, lang) and note in time_notes(outcome, lang)[0]
        assert note in results_text(outcome, offset=0, lang=lang, asked_radius_km=15)
        assert any(note in line for line in page_notes(outcome, asked_radius_km=15, lang=lang))
        assert note in describe(outcome, lang=lang)
