"""Light verbs (bot.search.light_verbs) and what no listing holds (bot.search.unfound): a general verb after the thing
it serves never decides the order, and an answer holding only the kind or the field of what was asked says so."""

from __future__ import annotations

from dataclasses import replace

from bot.cli.search import describe
from bot.search import SearchRequest
from bot.search.model import Contact, Hit, SearchOutcome
from bot.search.light_verbs import light_verbs
from bot.search.notes import unfound_notes
from tests.factories.search import LEIPZIG, Listings, find, ids, near


def test_a_general_verb_after_the_thing_it_serves_is_light() -> None:
    assert light_verbs("Cellounterricht geben in Leipzig", frozenset({"cellounterricht"})) == {"geben"}
    assert light_verbs("Hausaufgabenhilfe für Grundschüler anbieten", frozenset({"hausaufgabenhilfe"})) == {"anbieten"}
    assert light_verbs("Schach spielen im Seniorenheim", frozenset({"schach"})) == {"spielen"}


def test_a_verb_that_is_the_content_or_stands_alone_keeps_its_weight() -> None:
    assert not light_verbs("Märchen vorlesen in der Kita")  # no general verb: vorlesen says what
    assert not light_verbs("Suppe kochen für Wohnungslose")
    assert not light_verbs("mit Jugendlichen spielen")  # beside only a category's word: the verb says more
    assert not light_verbs("Ich würde gern etwas geben")  # nothing named before it
    assert not light_verbs("Schach, spielen", frozenset({"schach"}))  # another clause
    assert not light_verbs("Warmes Essen", frozenset({"warmes"}))  # written with a capital: a noun


async def test_a_listing_sharing_only_the_general_verb_is_not_listed_first(listings: Listings) -> None:
    first_aid, guitar, choir = await listings.add_many([
        {"title": "Erste-Hilfe-Kurse für Schulkinder geben", "categories": ["education"], **near(LEIPZIG, 0, 1)},
        {"title": "Gitarrenunterricht für Anfänger", "categories": ["culture"], **near(LEIPZIG, 3, 0)},
        {"title": "Chor sucht tiefe Stimmen", "categories": ["culture"], **near(LEIPZIG, 2, 0)},
    ])
    request = SearchRequest(text="Cellounterricht geben in Leipzig")
    answer = await find(listings.database, request, categories=["culture", "education"],
                        keywords=["cellounterricht"], place=LEIPZIG)
    assert ids(answer)[0] == guitar and set(ids(answer)) == {first_aid, guitar, choir}
    assert all("geben" not in hit.why.lower() for hit in answer.results)


async def test_a_verb_naming_the_activity_still_orders(listings: Listings) -> None:
    await listings.add_many([
        {"title": "Kleiderkammer sortieren", "categories": ["poverty_homelessness"], **near(LEIPZIG, 1, 0)},
        {"title": "Mittagstisch: gemeinsam kochen", "categories": ["poverty_homelessness"], **near(LEIPZIG, 4, 0)},
    ])
    answer = await find(listings.database, SearchRequest(text="Suppe kochen für Wohnungslose in Leipzig"),
                        categories=["poverty_homelessness"], place=LEIPZIG)
    assert answer.results[0].title == "Mittagstisch: gemeinsam kochen" and "kochen" in answer.results[0].why


async def test_the_answer_says_what_no_listing_holds_and_which_field_it_shows(listings: Listings) -> None:
    await listings.add_many([
        {"title": "Gitarrenunterricht für Anfänger", "categories": ["culture"], **near(LEIPZIG, 3, 0)},
        {"title": "Lernpaten an der Oberschule", "categories": ["education"], **near(LEIPZIG, 2, 0)},
    ])
    fields = {"categories": ["culture", "education"], "keywords": ["cellounterricht"], "place": LEIPZIG}
    answer = await find(listings.database, SearchRequest(text="Cellounterricht geben in Leipzig"), **fields)
    assert answer.unfound == ("Cello",)
    assert unfound_notes(answer, "de") == [
        "Zu „Cello“ habe ich nichts Genaues gefunden, hier Angebote aus Kultur und Bildung."]
    assert unfound_notes(answer, "en") == [
        "I found nothing exactly about “Cello”, so here are opportunities in Culture and Education."]
    english = await find(listings.database, SearchRequest(text="teach piano in Leipzig"), categories=["culture"],
                         place=LEIPZIG, lang="en")
    assert english.unfound == ("piano",)


async def test_what_the_writer_says_of_their_languages_is_no_thing_left_unfound(listings: Listings) -> None:
    await listings.add_many([
        {"title": "Tiere im Tierheim versorgen", "categories": ["animals"], **near(LEIPZIG, 3, 0)},
        {"title": "Katzenhaus: Tiere pflegen und füttern", "categories": ["animals"], **near(LEIPZIG, 1, 0)},
    ])
    # "German" of "I speak little German" is said about the writer; "English" and "Arabic" are languages spoken
    little = await find(listings.database, SearchRequest(text="I speak little German, want to help animals in Leipzig"),
                        categories=["animals"], place=LEIPZIG, lang="en", needs_little_german=True,
                        writer_words=frozenset({"little", "german"}))
    spoken = await find(listings.database, SearchRequest(text="I speak English and Arabic, want to help animals"),
                        categories=["animals"], place=LEIPZIG, lang="en", languages=["en", "ar"])
    for answer in (little, spoken):
        assert len(answer.results) == 2 and answer.unfound == () and unfound_notes(answer, "en") == []
    # a thing no listing holds is still said beside them
    piano = await find(listings.database, SearchRequest(text="I speak Arabic and want to teach piano"),
                       categories=["animals"], place=LEIPZIG, lang="en", languages=["ar"])
    assert "piano" in piano.unfound and "arabic" not in piano.unfound


async def test_nothing_is_said_when_a_listing_holds_the_particular_thing(listings: Listings) -> None:
    await listings.add_many([
        {"title": "Cello spielen im Jugendorchester", "categories": ["culture"], **near(LEIPZIG, 3, 0)},
        {"title": "Gitarrenunterricht für Anfänger", "categories": ["culture"], **near(LEIPZIG, 1, 0)},
    ])
    answer = await find(listings.database, SearchRequest(text="Cellounterricht geben in Leipzig"),
                        categories=["culture"], keywords=["cellounterricht"], place=LEIPZIG)
    assert answer.unfound == () and unfound_notes(answer, "de") == []


async def test_a_listing_holding_the_particular_thing_only_far_away_does_not_answer_the_area(
    listings: Listings,
) -> None:
    await listings.add_many([
        {"title": "Cello spielen im Jugendorchester", "categories": ["culture"], **near(LEIPZIG, 250, 0)},
        {"title": "Gitarrenunterricht für Anfänger", "categories": ["culture"], **near(LEIPZIG, 1, 0)},
    ])
    answer = await find(listings.database, SearchRequest(text="Cellounterricht geben in Leipzig"),
                        categories=["culture"], keywords=["cellounterricht"], place=LEIPZIG)
    assert [hit.title for hit in answer.results] == ["Gitarrenunterricht für Anfänger"]
    assert answer.unfound == ("Cello",)


def test_the_command_line_says_it_in_the_readers_language() -> None:
    hit = Hit(id=1, title="Gitarrenunterricht", organisation="Musikschule", categories=("culture",), place="Leipzig",
              lat=51.3, lon=12.4, distance_km=2.0, time=(), contact=Contact(None, None, None, None), score=1.0,
              why="Unterricht")
    outcome = SearchOutcome(query={"categories": ["culture"], "lang": "en"}, widened=(), results=(hit,), total=1,
                            place=LEIPZIG, radius_km=15.0, everywhere=False, unfound=("piano",))
    assert "I found nothing exactly about “piano”, so here are opportunities in Culture." in describe(
        outcome, lang="auto")
    assert "Zu „piano“ habe ich nichts Genaues gefunden" in describe(outcome, lang="de")
    assert "Genaues" not in describe(replace(outcome, unfound=()), lang="de")
