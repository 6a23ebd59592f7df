"""Ordinary words no category was read from ("irgendein Projekt", "any project") name no thing: when too few listings
around the place hold them at the wished time, the time is kept and the words are let go (said as `keywords`),
before the time is let go for the words (bot.search.widening.attempts). A word of its own still goes before the
time, and a category read keeps the words ranking only."""

from __future__ import annotations

from tests.factories.search import KASSEL, Listings, find, ids, near

from bot.search import SearchRequest


async def _weekend_rows(listings: Listings) -> list[int]:
    """Three weekend listings around Kassel that hold none of the requests' words."""
    return await listings.add_many([
        {"title": "Baumpflanzaktion im Stadtwald", "categories": ["environment"], "time_tags": ["weekend"],
         **near(KASSEL, 2, 0)},
        {"title": "Tag der offenen Tür bei der Feuerwehr", "categories": ["emergency_services"],
         "time_tags": ["weekend", "one_off"], **near(KASSEL, 0, 3)},
        {"title": "Kuchenverkauf beim Stadtteilfest", "categories": ["neighbourhood"], "time_tags": ["weekend"],
         **near(KASSEL, -4, 0)},
    ])


async def test_an_ordinary_word_gives_way_to_the_wished_time(listings: Listings) -> None:
    weekend = await _weekend_rows(listings)
    await listings.add_many([
        {"title": "Projekt Lernwerkstatt: Hausaufgaben begleiten", "categories": ["education"],
         "time_tags": ["weekday"], **near(KASSEL, 1, 0)},
        {"title": "Projekt Nachbarschaftsgarten", "categories": ["environment"], "time_tags": ["weekday"],
         **near(KASSEL, 0, 1)},
    ])

    outcome = await find(listings.database, SearchRequest(text="Gibt es irgendein Projekt fürs Wochenende in Kassel?"),
                         keywords=["projekt"], time=["weekend"], place=KASSEL)

    assert set(ids(outcome)) == set(weekend)
    assert "keywords" in outcome.widened and "time" not in outcome.widened


async def test_an_english_ordinary_word_gives_way_to_the_wished_time(listings: Listings) -> None:
    weekend = await _weekend_rows(listings)
    await listings.add_many([
        {"title": "Community Project: Sprachcafé", "categories": ["refugees_integration"], "time_tags": ["weekday"],
         **near(KASSEL, 1, 1)},
        {"title": "Project Week: Schulgarten", "categories": ["environment"], "time_tags": ["weekday"],
         **near(KASSEL, 2, 1)},
    ])

    outcome = await find(listings.database,
                         SearchRequest(text="any project for a newcomer in Kassel? only weekends"),
                         keywords=["project"], time=["weekend"], place=KASSEL)

    assert set(ids(outcome)) == set(weekend) and "time" not in outcome.widened


async def test_the_ordinary_word_still_orders_the_listings_at_the_wished_time(listings: Listings) -> None:
    weekend = await _weekend_rows(listings)
    named = await listings.add("Projekttag im Tierheim", categories=["animals"], time_tags=["weekend"],
                               **near(KASSEL, 8, 0))

    outcome = await find(listings.database, SearchRequest(text="ein Projekt am Wochenende, Kassel"),
                         keywords=["projekt"], time=["weekend"], place=KASSEL)

    # The one holding it (one of only too few at that time) comes first, the others at that time follow.
    assert ids(outcome)[0] == named and set(ids(outcome)) == {named, *weekend}


async def test_a_word_of_its_own_still_goes_before_the_time(listings: Listings) -> None:
    await _weekend_rows(listings)
    workshop = await listings.add("Fahrradwerkstatt: Schrauber:in gesucht", categories=["environment"],
                                  time_tags=["weekday"], **near(KASSEL, 1, 0))

    outcome = await find(listings.database, SearchRequest(text="Fahrradwerkstatt am Wochenende in Kassel"),
                         keywords=["fahrradwerkstatt"], time=["weekend"], place=KASSEL)

    # "Fahrradwerkstatt" names a thing: the listing holding it at another time is the answer, said as such.
    assert ids(outcome) == [workshop] and "time" in outcome.widened and "keywords" not in outcome.widened


async def test_with_a_category_read_the_words_only_rank_as_before(listings: Listings) -> None:
    weekend = await _weekend_rows(listings)
    garden = await listings.add("Projekt Nachbarschaftsgarten", categories=["environment"], time_tags=["weekday"],
                                **near(KASSEL, 0, 1))

    outcome = await find(listings.database, SearchRequest(text="ein Umweltprojekt am Wochenende in Kassel"),
                         categories=["environment"], keywords=["projekt"], time=["weekend"], place=KASSEL)

    # One environment listing at the weekend: the time is let go, the one it admitted first.
    assert ids(outcome) == [weekend[0], garden] and "time" in outcome.widened


async def test_an_ordinary_word_naming_a_thing_held_nearby_keeps_the_answer_nearby(listings: Listings) -> None:
    nearby = await listings.add("Reparieren statt wegwerfen: Werkzeug mitbringen", categories=["environment"],
                                **near(KASSEL, 2, 0))
    await listings.add_many([
        {"title": f"Werkzeug-Ausgabe im Repair Café {n}", "categories": ["environment"], **near(KASSEL, 20 + n, 0)}
        for n in range(3)
    ])

    outcome = await find(listings.database, SearchRequest(text="Werkzeug, Kassel"), keywords=["werkzeug"],
                         place=KASSEL)

    # "Werkzeug" is a word of the language, yet names a thing: the one within the asked radius is the answer.
    assert ids(outcome) == [nearby] and not any(step.startswith("radius") for step in outcome.widened)
