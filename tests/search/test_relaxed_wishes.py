"""Wishes the search had to relax still shape the answer: a from-home wish nothing online fits gets listings on
site, said as such; a time too few listings fit still puts those that fit first; the header says what was not
applied."""

from __future__ import annotations

import pytest

from tests.factories.search import KASSEL, Listings, answer_and_similar, find, ids, near

from bot.search import SearchRequest
from bot.cli.search import _widened_step
from bot.search.notes import widening_notes
from bot.search.widening import WORDED_STEPS
from bot.texts import catalogue, t
from bot.web.wording import widening_notes as page_notes


async def test_on_site_listings_answer_a_from_home_wish_that_nothing_online_fits(listings: Listings) -> None:
    near_by = await listings.add("Wärmestube: Kaffee ausschenken", categories=["poverty_homelessness"],
                                 **near(KASSEL, 2, 0))
    farther = await listings.add("Kleiderkammer sortieren", categories=["poverty_homelessness"], **near(KASSEL, 9, 0))
    await listings.add("Website der Tafel pflegen", categories=["digital"], remote=True)  # online, other interest

    outcome = await find(listings.database, SearchRequest(), categories=["poverty_homelessness"], place=KASSEL,
                         remote=True)

    assert ids(outcome) == [near_by, farther]
    assert outcome.widened[0] == "remote"
    assert widening_notes(outcome.widened, asked_radius_km=15, lang="de")[0].startswith("Von zu Hause aus passte")
    assert "from home" in widening_notes(outcome.widened, asked_radius_km=15, lang="en")[0]


async def test_an_online_listing_that_fits_keeps_the_search_online(listings: Listings) -> None:
    await listings.add("Wärmestube: Kaffee ausschenken", categories=["poverty_homelessness"], **near(KASSEL, 2, 0))
    knitting = await listings.add("Mützen stricken für die Kältehilfe", categories=["poverty_homelessness"],
                                  remote=True, **near(KASSEL, 200, 0))

    outcome = await find(listings.database, SearchRequest(), categories=["poverty_homelessness"], place=KASSEL,
                         remote=True)

    assert ids(outcome) == [knitting] and "remote" not in outcome.widened


async def test_without_widening_a_from_home_wish_stays_from_home(listings: Listings) -> None:
    await listings.add("Wärmestube: Kaffee ausschenken", categories=["poverty_homelessness"], **near(KASSEL, 2, 0))

    outcome = await find(listings.database, SearchRequest(widen=False), categories=["poverty_homelessness"],
                         place=KASSEL, remote=True)

    assert outcome.results == ()


async def test_the_pages_also_say_a_wished_time_was_not_applied(listings: Listings) -> None:
    await listings.add_many([{"title": f"Tafel {n}", "categories": ["poverty_homelessness"], **near(KASSEL, n, 0)}
                             for n in range(3)])

    outcome = await find(listings.database, SearchRequest(), categories=["poverty_homelessness"], place=KASSEL,
                         time=["evening"])

    notes = page_notes(outcome, asked_radius_km=15, lang="en")
    assert outcome.not_applied == ("time",) and any("say nothing about times" in note for note in notes)
    # German says what is missing (when), not "Zur Zeit …", which reads as "at present these listings say nothing"
    german = page_notes(outcome, asked_radius_km=15, lang="de")
    assert any(note.startswith("Wann es stattfindet") for note in german), german


async def test_when_the_time_had_to_be_let_go_the_few_listings_at_that_time_still_come_first(
    listings: Listings,
) -> None:
    at_night = await listings.add("Notübernachtung: Abenddienst", categories=["poverty_homelessness"],
                                  time_tags=["evening"], **near(KASSEL, 20, 0))
    by_day = await listings.add_many([
        {"title": f"Tafel Ausgabe {n}", "categories": ["poverty_homelessness"], "time_tags": ["daytime"],
         **near(KASSEL, n, 0)} for n in (1, 2)
    ])

    outcome = await find(listings.database, SearchRequest(), categories=["poverty_homelessness"], place=KASSEL,
                         time=["evening"], keywords=["tafel"])

    assert "time" in outcome.widened
    # The listings naming the thing answer, said as at other times; the one at the asked time naming nothing of it
    # is the first of the related ones.
    assert ids(outcome) == by_day and outcome.others == 1
    answer, similar = await answer_and_similar(listings.database, SearchRequest(),
                                               categories=["poverty_homelessness"], place=KASSEL, time=["evening"],
                                               keywords=["tafel"])
    assert similar == [at_night]


async def test_the_time_it_admitted_counts_not_the_words_for_it(listings: Listings) -> None:
    # Far away (nothing within 50 km) the time no longer filters: a listing saying nothing about days is admitted
    # by it as much as one naming the wished day, so the nearer one stays first.
    says_nothing = await listings.add("Trauercafé", categories=["health_care"], **near(KASSEL, 55, 0))
    names_it = await listings.add("Trauercafé am Sonntag", categories=["health_care"], time_tags=["weekend"],
                                  **near(KASSEL, 95, 0))
    other_day = await listings.add("Trauercafé am Dienstag", categories=["health_care"], time_tags=["weekday"],
                                   **near(KASSEL, 60, 0))

    outcome = await find(listings.database, SearchRequest(), categories=["health_care"], place=KASSEL,
                         keywords=["trauercafe"], time=["weekend"])

    assert ids(outcome) == [says_nothing, names_it, other_day]


async def test_on_site_listings_for_a_from_home_wish_are_not_reported_as_online(listings: Listings) -> None:
    station = await listings.add("Löschzug verstärken", categories=["emergency_services"], **near(KASSEL, 3, 0))

    outcome = await find(listings.database, SearchRequest(), categories=["emergency_services"], remote=True)

    assert ids(outcome) == [station] and outcome.widened[0] == "remote"
    assert outcome.understood.remote and not outcome.remote and outcome.everywhere


async def test_an_online_listing_found_only_without_the_wished_words_gives_way_to_those_on_site(
    listings: Listings,
) -> None:
    await listings.add("Sprachmittlung im Sozialdienst", categories=["health_care"], remote=True,
                       **near(KASSEL, 150, 0))
    drive = await listings.add("Helfer:in beim Blutspendetermin", categories=["health_care"], **near(KASSEL, 4, 0))

    outcome = await find(listings.database, SearchRequest(), categories=["health_care"], keywords=["blutspendetermin"],
                         place=KASSEL, remote=True)

    assert ids(outcome) == [drive] and outcome.widened[0] == "remote" and not outcome.remote


async def test_an_online_listing_holding_the_wished_words_keeps_the_search_online(listings: Listings) -> None:
    online = await listings.add("Blutspendetermin online bewerben", categories=["health_care"], remote=True,
                                **near(KASSEL, 150, 0))
    await listings.add("Helfer:in beim Blutspendetermin", categories=["health_care"], **near(KASSEL, 4, 0))

    outcome = await find(listings.database, SearchRequest(), categories=["health_care"], keywords=["blutspendetermin"],
                         place=KASSEL, remote=True)

    assert ids(outcome)[0] == online and "remote" not in outcome.widened and outcome.remote


async def test_a_from_home_wish_with_words_nothing_holds_gets_no_unrelated_listings_nearby(listings: Listings) -> None:
    await listings.add("Wärmestube: Kaffee ausschenken", categories=["poverty_homelessness"], **near(KASSEL, 2, 0))

    outcome = await find(listings.database, SearchRequest(), keywords=["gitarrenunterricht"], place=KASSEL,
                         remote=True)

    assert outcome.results == () and "remote" not in outcome.widened


async def test_a_bare_from_home_wish_stays_empty_when_nothing_online_exists(listings: Listings) -> None:
    await listings.add("Wärmestube: Kaffee ausschenken", categories=["poverty_homelessness"], **near(KASSEL, 2, 0))

    outcome = await find(listings.database, SearchRequest(), remote=True)

    assert outcome.results == () and outcome.remote


async def test_the_nationwide_on_site_answer_to_a_from_home_wish_lists_what_names_it_first(listings: Listings) -> None:
    # "Feuerwehr" names the category and is in so many listings that it cannot filter: it still orders them.
    lifeguard = await listings.add("Rettungsschwimmer:in am Badesee", categories=["emergency_services"])
    stations = await listings.add_many([{"title": f"Löschzug {number} der Feuerwehr verstärken",
                                         "categories": ["emergency_services"], **near(KASSEL, number, 0)}
                                        for number in range(1, 111)])

    outcome = await find(listings.database, SearchRequest(), categories=["emergency_services"],
                         keywords=["feuerwehr"], remote=True)
    again = await find(listings.database, SearchRequest(), categories=["emergency_services"],
                       keywords=["feuerwehr"], remote=True)

    assert outcome.widened[:2] == ("remote", "everywhere") and lifeguard not in ids(outcome)
    assert set(ids(outcome)) <= set(stations) and ids(again) == ids(outcome)


async def test_a_widened_time_never_brings_back_a_time_ruled_out(listings: Listings) -> None:
    weekday = await listings.add("Katzenhaus: Pflege", categories=["animals"], time_tags=["weekday", "daytime"],
                                 **near(KASSEL, 2, 0))
    unsaid = await listings.add("Pflegestelle auf Zeit", categories=["animals"], **near(KASSEL, 3, 0))
    await listings.add("Tierheimfest", categories=["animals"], time_tags=["weekend", "daytime"], **near(KASSEL, 1, 0))
    await listings.add("Gassi am Sonntag", categories=["animals"], time_tags=["weekend"], **near(KASSEL, 4, 0))

    # "nicht am Wochenende", then "nur abends": too few in the evening, so any time, but still not the weekend
    outcome = await find(listings.database, SearchRequest(), categories=["animals"], place=KASSEL,
                         time=["weekday", "evening"], ruled_out_time=["weekend"])

    assert "time" in outcome.widened and set(ids(outcome)) == {weekday, unsaid}


@pytest.mark.parametrize("lang", ["de", "en"])
def test_one_table_words_every_step_for_the_chat_and_the_command_line_alike(lang: str) -> None:
    # bot.search.widening.WORDED_STEPS: a step the notes say in a sentence of their own has the command line's
    # short words too, and a step it lacks is "widened a little" in the chat and its bare code on the command line.
    texts = catalogue(lang)
    for step in WORDED_STEPS:
        assert f"cli_search.widened_{step}" in texts, step
        assert _widened_step(step, lang) == texts[f"cli_search.widened_{step}"]
        assert t(lang, "search.widened_other") not in widening_notes((step,), asked_radius_km=15, lang=lang), step
    # and no short words are left for a step the table lost (besides the radius's and the area's, with values)
    worded = {key.removeprefix("cli_search.widened_") for key in texts if key.startswith("cli_search.widened_")}
    assert worded == {*WORDED_STEPS, "radius", "area"}
    assert widening_notes(("future_step",), asked_radius_km=15, lang=lang) == [t(lang, "search.widened_other")]
    assert _widened_step("future_step", lang) == "future_step"


def test_the_table_names_the_steps_by_the_constants_the_search_writes() -> None:
    # The engine writes the steps by these constants (titled ones included, defined beside the others): the table
    # holds the same ones, so renaming one cannot leave the notes saying "widened a little" for it.
    from bot.search import widening

    for step in (widening.REMOTE, widening.TITLED, widening.TITLED_ONLY, widening.NEAREST, widening.MATCHING,
                 widening.OUTSIDE_STATE, widening.WISHED_FARTHER):
        assert step in WORDED_STEPS
