"""Issue 15, round 3: the words a message says only about the writer (their job, their health, the German they speak)
are no words of the wish: they order what is alike a little and never put a listing before one holding what was
asked; nor are the towns and areas named beside the searched place; offices of a club's money find each other
however a listing names them."""

from __future__ import annotations

import pytest

import nlu
from bot.search import PlaceRef, SearchRequest
from bot.search.content_words import content_words, place_free, writer_free
from bot.search.criteria import Criteria
from bot.search.english import german_words
from bot.search.related import relatives
from bot.search.vocabulary import Vocabulary
from tests.factories.search import KASSEL, Listings, find, ids, near


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
    outcome = await find(listings.database, SearchRequest(text="Ich bin Tischler und möchte ins Tierheim, Kassel"),
                         categories=["animals"], place=KASSEL, keywords=["tierheim"], writer_words=["tischler"])
    assert ids(outcome) == [wished, trade, other]
    # The word about the writer is not given as the reason a listing was found.
    assert "Tischler" not in outcome.results[1].why


def test_the_offices_of_a_clubs_money_are_one_family() -> None:
    assert {"kassenwart", "schatzmeist", "buchhalt"} <= set(relatives("kassierer"))
    assert "kassier" in relatives("buchhalterin")
    assert relatives("kasse") == ()  # a museum's till is no club office
    index = Vocabulary({"kassenwart": 2, "schatzmeister": 2, "museumskasse": 1}, listings=40)
    group = index.group("kassierer")
    assert group is not None and group.matches("kassenwart") and group.matches("schatzmeister")
    assert german_words("I'm a bookkeeper and could be a club's treasurer") == ("buchhaltung", "schatzmeister")


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
