"""A whole state searched as such ("Ganz Sachsen zeigen", `search --place Sachsen`): only its listings, by their
state column, ranked as a nationwide search ranks them; said as the state, never as all of Germany."""

from __future__ import annotations

from tests.factories.search import KASSEL, LEIPZIG, Listings, answer_and_similar, find, ids, near

from bot.alerts.criteria import criteria_key, prefilter_columns, resolve
from bot.cli.search import describe
from bot.search import SearchRequest
from bot.search.criteria import criteria_from_json
from bot.search.model import PlaceRef, Refinement
from bot.store.listings import opportunity_row
from bot.telegram.search.render import results_text, summary
from bot.texts import t
from bot.web.wording import widening_notes

DRESDEN = PlaceRef("Dresden", 51.0493, 13.7381, "Sachsen", None)
SAXONY = Refinement(whole_state="Sachsen")


async def test_a_whole_state_finds_only_its_own_listings_however_far_apart(listings: Listings) -> None:
    leipzig = await listings.add("Tiertafel Leipzig", categories=["animals"], **near(LEIPZIG, 1, 0))
    dresden = await listings.add("Tierheim Dresden", categories=["animals"], **near(DRESDEN, 0, 2))
    await listings.add("Tierheim Kassel", categories=["animals"], **near(KASSEL, 1, 1))
    await listings.add("Tafel Leipzig", categories=["poverty_homelessness"], **near(LEIPZIG, 0, 1))

    outcome = await find(listings.database, SearchRequest(refinement=SAXONY), categories=["animals"])

    assert set(ids(outcome)) == {leipzig, dresden} and outcome.total == 2
    assert outcome.whole_state == "Sachsen" and outcome.place is None
    assert not outcome.everywhere and not outcome.nowhere  # nothing to ask, no home place put in its stead


async def test_a_whole_state_ranks_by_relevance_not_by_distance(listings: Listings) -> None:
    general = await listings.add("Helfen im Tierheim Leipzig", categories=["animals"], **near(LEIPZIG))
    named = await listings.add("Katzen pflegen", description="Wir suchen Hilfe bei unseren Katzen.",
                               categories=["animals"], **near(DRESDEN, 3, 0))

    outcome = await find(listings.database, SearchRequest(text="Katzen", refinement=SAXONY, tiered=False),
                         categories=["animals"], keywords=["katzen"])

    assert ids(outcome)[:2] == [named, general]
    assert all(hit.distance_km is None for hit in outcome.results)


async def test_a_place_the_text_names_is_no_place_of_a_whole_state(listings: Listings) -> None:
    # "Sachsen" alone reads as the village Sachsen bei Ansbach: searching the state, it is no centre
    ansbach = PlaceRef("Sachsen b.Ansbach", 49.29, 10.64, "Bayern", None)
    await listings.add("Tierheim Ansbach", categories=["animals"], lat=49.3, lon=10.6)
    leipzig = await listings.add("Tiertafel Leipzig", categories=["animals"], **near(LEIPZIG, 1, 0))

    outcome = await find(listings.database, SearchRequest(text="Tierheim Sachsen", refinement=SAXONY),
                         categories=["animals"], place=ansbach)

    assert ids(outcome) == [leipzig] and outcome.query["place"] is None and outcome.query["whole_state"] == "Sachsen"


async def test_a_place_chosen_after_the_state_is_where_to_look(listings: Listings) -> None:
    await listings.add("Tierheim Dresden", categories=["animals"], **near(DRESDEN, 0, 2))
    leipzig = await listings.add("Tiertafel Leipzig", categories=["animals"], **near(LEIPZIG, 1, 0))

    chosen = Refinement(whole_state="Sachsen", place=LEIPZIG)
    outcome = await find(listings.database, SearchRequest(refinement=chosen), categories=["animals"])

    assert ids(outcome) == [leipzig] and outcome.whole_state is None and outcome.place == LEIPZIG
    assert "whole_state" not in chosen.to_dict()


def test_an_unknown_state_or_help_from_home_searches_no_state() -> None:
    assert criteria_from_json({"whole_state": "Saxony"}, default_radius_km=15.0).whole_state is None
    assert criteria_from_json({"whole_state": "Sachsen", "remote": True}, default_radius_km=15.0).whole_state is None
    assert criteria_from_json({"whole_state": "Sachsen"}, default_radius_km=15.0).whole_state == "Sachsen"


def test_the_header_and_note_say_the_whole_state(listings: Listings) -> None:
    from bot.search.model import SearchOutcome

    outcome = SearchOutcome({"categories": ["animals"], "whole_state": "Sachsen"}, (), (), 0, None, None, False,
                            whole_state="Sachsen")
    assert summary(outcome, "de") == "Tiere · in ganz Sachsen"
    assert summary(outcome, "en").endswith("all of Saxony")
    text = results_text(outcome, offset=0, lang="de", asked_radius_km=15.0)
    assert "Angebote aus ganz Sachsen" in text and "ganz Deutschland" not in text


def test_a_saved_search_keeps_its_state() -> None:
    stored, criteria = resolve("Tierheim", SAXONY, query={"text": "Tierheim", "categories": ["animals"]})
    everywhere = resolve("Tierheim", Refinement(), query={"text": "Tierheim", "categories": ["animals"]})[1]

    assert stored["whole_state"] == "Sachsen" and criteria.whole_state == "Sachsen"
    assert criteria_from_json(stored, default_radius_km=15.0).whole_state == "Sachsen"
    assert prefilter_columns(criteria)["whole_state"] == "Sachsen"
    assert criteria_key(criteria) != criteria_key(everywhere)  # all of Saxony is not all of Germany


def test_a_listing_s_state_is_the_gazetteer_s_by_postal_code_or_point() -> None:
    assert opportunity_row({"title": "x", "postal_code": "04109", "state": "Hessen"})["state"] == "Sachsen"
    assert opportunity_row({"title": "x", **near(KASSEL)})["state"] == "Hessen"
    assert opportunity_row({"title": "x", "state": "saxony"})["state"] == "Sachsen"  # placed nowhere: as spelled
    assert opportunity_row({"title": "x", "remote": True})["state"] is None


async def test_a_whole_state_is_not_reported_as_widened_to_everywhere(listings: Listings) -> None:
    await listings.add("Tiertafel Leipzig", categories=["animals"], **near(LEIPZIG, 1, 0))

    outcome = await find(listings.database, SearchRequest(refinement=SAXONY), categories=["animals"])

    assert outcome.whole_state == "Sachsen" and "everywhere" not in outcome.widened  # the CLI and JSON show it
    assert "erweitert" not in describe(outcome, lang="de")


async def test_a_state_with_nothing_that_fits_shows_the_ones_outside_it_said_so(listings: Listings) -> None:
    kassel = await listings.add("Tierheim Kassel", categories=["animals"], **near(KASSEL, 1, 1))
    await listings.add("Tafel Leipzig", categories=["poverty_homelessness"], **near(LEIPZIG, 0, 1))

    outcome = await find(listings.database, SearchRequest(refinement=SAXONY), categories=["animals"])

    assert ids(outcome) == [kassel] and "outside_state" in outcome.widened
    assert outcome.whole_state is None and outcome.everywhere  # said as all of Germany, never as Sachsen
    text = results_text(outcome, offset=0, lang="de", asked_radius_km=15.0)
    assert "In ganz Sachsen gibt es dazu nichts" in text and "Du hast keinen Ort genannt" not in text
    english = results_text(outcome, offset=0, lang="en", asked_radius_km=15.0)
    assert "nothing like this in all of Saxony" in english
    assert "In ganz Sachsen gibt es dazu nichts" in describe(outcome, lang="de")  # the command line says it too
    web = widening_notes(outcome, asked_radius_km=15.0, lang="de")
    assert any("In ganz Sachsen gibt es dazu nichts" in note for note in web)
    assert t("de", "search.everywhere") not in web


async def test_a_state_where_something_fits_is_not_left(listings: Listings) -> None:
    await listings.add("Tierheim Kassel", categories=["animals"], **near(KASSEL, 1, 1))
    leipzig = await listings.add("Tiertafel Leipzig", categories=["animals"], **near(LEIPZIG, 1, 0))

    outcome = await find(listings.database, SearchRequest(refinement=SAXONY), categories=["animals"])

    assert ids(outcome) == [leipzig] and "outside_state" not in outcome.widened and outcome.whole_state == "Sachsen"


async def test_the_state_s_name_said_as_the_place_is_no_word_of_the_search(listings: Listings) -> None:
    # the chat's "Tierheim in Sachsen" + "Ganz Sachsen", a link's and the web's "Tierheim" + ort=ganz Sachsen
    await listings.add("Tierheim Leipzig", categories=["animals"], **near(LEIPZIG, 1, 0))
    await listings.add("Katzen pflegen in Sachsen", description="Hilfe für Katzen in ganz Sachsen.",
                       categories=["animals"], **near(DRESDEN, 0, 2))
    await listings.add("Gassi gehen", description="Mit Hunden raus.", categories=["animals"], **near(DRESDEN, 2, 0))

    fields = {"categories": ["animals"], "keywords": ["tierheim"]}
    said = await answer_and_similar(listings.database, SearchRequest(text="Tierheim in Sachsen", refinement=SAXONY,
                                                                     tiered=True), **fields)
    field = await answer_and_similar(listings.database, SearchRequest(text="Tierheim", refinement=SAXONY,
                                                                      tiered=True), **fields)
    assert said == field
