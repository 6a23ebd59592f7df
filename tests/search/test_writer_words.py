"""Issue 15, round 3: the words a message says only about the writer (their job, their health, the German they speak)
are no words of the wish: they order what is alike a little and never put a listing before one holding what was
asked; nor are the towns and areas named beside the searched place; offices of a club's money find each other
however a listing names them."""

from __future__ import annotations

from dataclasses import replace

import pytest

import nlu
from bot.search import PlaceRef, SearchRequest
from bot.search.content_words import content_words, place_free, towns_beside, writer_content, writer_free
from bot.search.criteria import Criteria, criteria_from_json
from bot.search.rank_words import RankWords
from bot.search.english import german_words
from bot.search.related import names_activity, relatives
from bot.search.vocabulary import Vocabulary
from tests.factories.search import KASSEL, Listings, answer_and_similar, find, ids, near


@pytest.mark.parametrize(("text", "about_writer", "wished"), [
    ("Bin Fliesenleger, 45, kaputte Schulter. Hilft in Freital wer Leuten beim Renovieren?",
     {"fliesenleger", "schulter"}, {"renovieren"}),
    ("Hello! I speak Tigrinya and some English. No German yet. I want to work with children in Leipzig.",
     {"german"}, {"english", "children"}),
])
def test_the_nlu_tells_the_words_said_only_about_the_writer(
    text: str, about_writer: set[str], wished: set[str],
) -> None:
    words = set(nlu.parse(text).writer_words)
    assert about_writer <= words and not wished & words


@pytest.mark.parametrize("text", [
    "mit Neuzugewanderten Deutsch sprechen, Barmbek",  # German in a German message is the wish
    "I would like to teach German to refugees in Hamburg",
])
def test_german_that_is_wished_is_no_word_about_the_writer(text: str) -> None:
    words = nlu.parse(text).writer_words
    assert "deutsch" not in words and "german" not in words


def test_the_wish_is_read_without_the_words_about_the_writer() -> None:
    criteria = Criteria(place=KASSEL, writer_words=frozenset({"tischler"}))
    assert writer_free("Ich bin 34, Tischler, will mit Jugendlichen was bauen", criteria) == (
        "Ich bin 34,  , will mit Jugendlichen was bauen")
    assert writer_free("Tierheim Kassel", Criteria()) == "Tierheim Kassel"


async def test_a_word_about_the_writer_orders_only_what_holds_nothing_of_the_wish(listings: Listings) -> None:
    wished = await listings.add("Tierheim Nordstadt: Gassi gehen", categories=["animals"], **near(KASSEL, 9, 0))
    trade = await listings.add("Tischlerei baut Katzenhäuser", categories=["animals"], **near(KASSEL, 1, 0))
    other = await listings.add("Katzenhilfe", categories=["animals"], **near(KASSEL, 1, 0))
    request = SearchRequest(text="Ich bin Tischler und möchte ins Tierheim, Kassel", similar=True)
    fields = {"categories": ["animals"], "place": KASSEL, "keywords": ["tierheim"], "writer_words": ["tischler"]}
    assert await answer_and_similar(listings.database, replace(request, similar=False), **fields) == (
        [wished], [trade, other])
    # The word about the writer is not given as the reason a listing was found.
    related = await find(listings.database, request, **fields)
    assert "Tischler" not in related.results[0].why


def test_the_offices_of_a_clubs_money_are_one_family() -> None:
    assert {"kassenwart", "schatzmeist", "buchhalt", "kassenpruef"} <= set(relatives("schatzmeisterin"))
    assert "kassenwart" in relatives("buchhalterin")
    assert relatives("kasse") == ()  # a museum's till is no club office
    index = Vocabulary({"kassenwart": 2, "schatzmeister": 2, "museumskasse": 1}, listings=40)
    group = index.group("buchhaltung")
    assert group is not None and group.matches("kassenwart") and group.matches("schatzmeister")
    assert german_words("I'm a bookkeeper and could be a club's treasurer") == ("buchhaltung", "schatzmeister")


@pytest.mark.parametrize("word", ["kassierer", "kassiererin", "kassieren"])
def test_a_till_at_an_event_or_in_a_shop_is_no_club_office(word: str) -> None:
    assert relatives(word) == ()
    index = Vocabulary({"kassenwart": 2, "kassenpruefung": 2, "kassieren": 3}, listings=40)
    group = index.group(word)
    assert group is None or not (group.matches("kassenwart") or group.matches("kassenpruefung"))


def test_only_a_verb_of_an_activity_names_the_thing() -> None:
    assert names_activity("vorlesen") and names_activity("reparieren")
    assert not names_activity("kassenwart") and not names_activity("obdachlosen") and not names_activity("kassieren")


@pytest.mark.parametrize("text", [
    "Nachtcafé in Gießen",
    "Spieleabend in Frankfurt",
    "Ich möchte beim Vorlesenachmittag helfen in Frankfurt",
    "Abendessen für Obdachlose ausgeben in Kassel",
    "Wochenendfreizeit mit Jugendlichen begleiten, Kassel",
])
def test_a_thing_named_with_a_time_word_is_wished(text: str) -> None:
    assert nlu.parse(text).writer_words == ()


@pytest.mark.parametrize(("text", "about_writer"), [
    ("Ich kann am Wochenende und abends, Tierheim Kassel", {"wochenende", "abends"}),
    ("jeden Sonntagmorgen und samstagvormittags Tierheim Kassel", {"sonntagmorgen", "samstagvormittags"}),
    ("Feierabend ab 17 Uhr, dann gern Tierheim Kassel", {"feierabend", "uhr"}),
])
def test_a_time_by_itself_is_when_the_writer_is_free(text: str, about_writer: set[str]) -> None:
    assert about_writer <= set(nlu.parse(text).writer_words)


@pytest.mark.parametrize(("text", "about_writer", "wished"), [
    ("Ich habe einen ausgebildeten Therapiehund und möchte im Altenheim helfen, Kassel",
     {"ausgebildeten", "therapiehund"}, {"altenheim"}),
    ("Ich bin gelernte Köchin und möchte für Obdachlose kochen, Kassel", {"gelernte", "koechin"}, {"kochen"}),
    ("Ich habe einen Hund und würde gern mit meinem Hund Senioren im Altenheim besuchen, Kassel", set(),
     {"hund", "senioren", "altenheim"}),
    ("Ich möchte mit meinem Mann Senioren besuchen in Kassel", {"mann"}, {"senioren"}),
    ("singe im kirchenchor. würde gern mit unserem chor im pflegeheim singen, Meißen", set(), {"chor", "unserem"}),
])
def test_the_writer_s_words_are_whole_noun_phrases_and_what_they_take_along_is_wished(
    text: str, about_writer: set[str], wished: set[str],
) -> None:
    words = set(nlu.parse(text).writer_words)
    assert about_writer <= words and not wished & words


def test_the_json_carries_the_writer_words_after_the_older_keys() -> None:
    data = nlu.parse("Ich bin 34, Tischler, will mit Jugendlichen was bauen in Kassel").to_dict()
    assert list(data)[-4:] == ["writer_words", "time_either", "unknown_places", "time_soft"]
    assert "tischler" in data["writer_words"]
    stored = criteria_from_json(data, default_radius_km=15.0)
    assert "tischler" in stored.writer_words
    assert criteria_from_json({**data, "writer_words": [3, None, "x"]}, default_radius_km=15.0).writer_words == {"x"}


def test_the_writer_words_are_read_from_the_parse() -> None:
    criteria = Criteria(place=KASSEL, writer_words=frozenset({"tischler", "34", "bin"}))
    assert writer_content("Ich bin 34, Tischler, will mit Jugendlichen was bauen", criteria) == ("tischler",)
    english = Criteria(lang="en", writer_words=frozenset({"german"}))
    assert "deutsch" in writer_content("No German yet. I want to work with children", english)


async def test_words_about_the_writer_never_outweigh_a_word_of_the_wish(listings: Listings) -> None:
    trade = await listings.add("Tischler und Schreiner: Werkstatt", categories=["animals"], **near(KASSEL, 1, 0))
    wished = await listings.add("Katzen betreuen", description="Im Tierheim mit anpacken",
                                categories=["animals"], **near(KASSEL, 1, 0))
    tiers = await answer_and_similar(listings.database,
                                     SearchRequest(text="Ich bin Tischler und Schreiner, Tierheim, Kassel"),
                                     categories=["animals"], place=KASSEL, keywords=["tierheim"],
                                     writer_words=["tischler", "schreiner"])
    assert tiers == ([wished], [trade])


def test_a_town_or_an_area_named_beside_the_searched_place_is_no_word_of_the_wish() -> None:
    giessen = PlaceRef("Gießen", 50.58, 8.67)
    words = content_words("Werkstatt für Behinderte, zwischen Gießen und Marburg", Criteria(place=giessen))
    assert "marburg" not in words and "werkstatt" in words
    # Ordinary words stay, also those a town is called by ("Essen"), and so do towns far away.
    assert content_words("Garten, Kirche, Essen ausgeben in Gießen", Criteria(place=giessen)) == (
        "garten", "kirche", "essen", "ausgeben")
    assert "hamburg" in content_words("Hamburg-Fahrt mit Senioren in Gießen", Criteria(place=giessen))
    ronshausen = Criteria(place=PlaceRef("Ronshausen", 50.95, 9.85),
                          keywords=("kapelle", "kreis", "hersfeld", "rotenburg"))
    assert place_free(ronshausen) == ("kapelle",)


WEIMAR = PlaceRef("Weimar", 50.9803, 11.32903, "Thüringen", None)


def test_a_town_named_beside_the_place_only_orders() -> None:
    criteria = Criteria(place=WEIMAR, keywords=("ausfluege",))
    text = "Ausflüge nach Weimar mit Senioren begleiten, Erfurt"
    assert "erfurt" not in content_words(text, criteria)
    assert towns_beside(text, criteria) == ("erfurt",)
    assert towns_beside("Garten, Kirche, Essen ausgeben in Weimar", criteria) == ()
    index = Vocabulary({"erfurt": 3, "ausfluege": 2}, listings=40)
    erfurt, trips = index.group("erfurt"), index.group("ausfluege")
    assert erfurt is not None and trips is not None
    words = RankWords((trips, erfurt), (1.0, 0.5), frozenset({"ausfluege"}), beside=frozenset({"erfurt"}))
    assert words.naming() == (trips,)


async def test_listings_naming_a_town_beside_the_place_answer_before_far_ones(listings: Listings) -> None:
    near_ones = [await listings.add(f"{title} (Erfurt)", categories=["seniors"], **near(WEIMAR, 0, 20 + km))
                 for km, title in enumerate(["Sitztanz für Senioren", "Smartphone-Sprechstunde", "Seniorencafé"])]
    far = [await listings.add(f"Ausflüge mit Senioren {n}", categories=["seniors"], **near(WEIMAR, 80 + n, 0))
           for n in range(3)]
    outcome = await find(listings.database,
                         SearchRequest(text="Ausflüge nach Weimar mit Senioren begleiten, Erfurt"),
                         categories=["seniors"], place=WEIMAR, keywords=["ausfluege"])
    assert set(ids(outcome)[:3]) == set(near_ones) and not set(far) & set(ids(outcome))
