"""English requests against German listings: what they name is looked for in the German words listings use
(data/search/english_words.toml), so the listing answering it comes before the field's others."""

from __future__ import annotations

import importlib.util
from types import ModuleType

from tests.factories.search import KASSEL, Listings, find, ids, near

from bot.search import SearchRequest
from bot.search.english import alternatives, german_words
from bot.search.word_files import DATA


def test_things_people_offer_to_help_with_read_as_the_german_words_listings_use() -> None:
    assert "pfadfinder" in german_words("my daughter wants to join the scouts")
    assert "wahlhelfer" in german_words("happy to work at a polling station")
    assert "wahlhelfer" in german_words("helping on election day in May")
    assert "eisenbahn" in german_words("I love old trains and railways")
    assert "bewerbung" in german_words("I can proofread job applications")
    assert "smartphone" in german_words("explaining phones to my neighbours")
    assert "decken" in german_words("we could collect blankets")


def test_a_verb_spelled_like_a_thing_is_not_read_as_that_thing() -> None:
    # "trains" is what a coach does, phones are answered: only their phrases name the railway and the smartphone
    assert "eisenbahn" not in german_words("She trains the under-12 hockey girls every Saturday")
    assert "smartphone" not in german_words("I could take phones at the reception of a club")
    assert "eisenbahn" in german_words("I build model trains and would show kids how")
    assert "smartphone" in german_words("I can help with phones, seniors especially")
    assert "smartphone" in german_words("showing old people what to do with their phones")
    assert "eisenbahn" in german_words("anything with old cars or trains")
    assert "technik" in german_words("I like repairing old machines")


def test_the_tools_one_works_with_are_no_thing_asked_for() -> None:
    assert not {"laptop", "computer"} & set(german_words("I'd do it remotely, I have my own laptop"))
    assert "technik" not in german_words("Card games are more my thing than machines")


async def test_an_english_request_naming_the_scouts_lists_the_scout_group_first(listings: Listings) -> None:
    scouts, others = await listings.add_many([
        {"title": "Gruppenleitung bei den Pfadfindern", "categories": ["children_youth"], **near(KASSEL, 6, 0)},
        {"title": "Betreuer*in für den Jugendtreff", "categories": ["children_youth"], **near(KASSEL, 1, 0)},
    ])

    outcome = await find(listings.database, SearchRequest(text="Is there a scout group in Kassel looking for leaders?"),
                         categories=["children_youth"], place=KASSEL, lang="en")

    assert ids(outcome)[:1] == [scouts] and others not in ids(outcome)[:1]


def test_an_english_word_read_as_several_german_words_gives_them_as_alternatives() -> None:
    assert alternatives("a few hours at the hospital and reading aloud") == (("krankenhaus", "klinik"),)
    assert alternatives("reading aloud") == ()


async def test_an_english_phrase_naming_a_thing_of_the_searched_field_ranks_as_that_thing(listings: Listings) -> None:
    # "community garden" is read as "Gemeinschaftsgarten", a word naming the searched field: it still names the thing
    # asked for, as the German word does in a German request, not just the field.
    garden, others = await listings.add_many([
        {"title": "Mitgärtnern im Gemeinschaftsgarten am Fluss", "categories": ["environment"], **near(KASSEL, 8, 0)},
        {"title": "Aufräumaktion im Stadtpark", "categories": ["environment"], **near(KASSEL, 1, 0)},
    ])

    outcome = await find(listings.database, SearchRequest(text="I would love to join a community garden in Kassel"),
                         categories=["environment"], place=KASSEL, lang="en")

    assert ids(outcome) == [garden] and outcome.others == 1  # the park's clean-up is only similar


async def test_the_german_alternatives_of_one_english_word_count_as_one_word(listings: Listings) -> None:
    # "hospital" is "Krankenhaus" or "Klinik": a listing holding both holds one word of the request, less than one
    # holding "hospital" and "reading" both.
    both_words, one_word = await listings.add_many([
        {"title": "Vorlesen am Krankenbett", "description": "Wir lesen Kindern im Krankenhaus vor.",
         "categories": ["health_care"], **near(KASSEL, 8, 0)},
        {"title": "Besuchsdienst im Krankenhaus der Klinik Nord", "categories": ["health_care"], **near(KASSEL, 1, 0)},
    ])

    outcome = await find(listings.database, SearchRequest(text="reading aloud to people in a hospital in Kassel"),
                         categories=["health_care"], place=KASSEL, lang="en")

    assert ids(outcome)[:1] == [both_words] and one_word not in ids(outcome)[:1]


def test_everyday_english_words_for_what_agencies_offer_are_read_as_the_listings_german_words() -> None:
    assert {"formulare", "briefe"} <= set(german_words("I want to help people with forms and letters"))
    assert {"konzert", "kino"} <= set(german_words("going to concerts or the cinema together"))
    assert "kaufhaus" in german_words("I could sort donations at a thrift store")
    assert "museumsfuehrer" in german_words("I'd like to be a museum guide")
    assert "bibliothek" in german_words("shelving books at the library")
    assert "vorlesen" in german_words("reading to kids on Saturdays")
    assert "uebungsleiter" in german_words("I could coach a youth team")


def test_every_german_word_of_the_glossary_is_one_listings_write() -> None:
    # The German side is the listings' vocabulary (data/search/check_english_words.py): a word no listing holds, as a
    # word, a beginning or a compound's part, would rank nothing.
    assert _glossary_check().unheld() == ()


async def test_an_english_request_for_concerts_and_cinema_lists_the_listing_naming_them_first(
    listings: Listings,
) -> None:
    outings, others = await listings.add_many([
        {"title": "Freizeitbegleitung", "description": "Gemeinsam ins Kino, ins Konzert oder zum Fußball.",
         "categories": ["disability_inclusion"], **near(KASSEL, 8, 0)},
        {"title": "Fahrdienst für Menschen mit Behinderung", "categories": ["disability_inclusion"],
         **near(KASSEL, 1, 0)},
    ])

    outcome = await find(
        listings.database,
        SearchRequest(text="Can I take people with disabilities to concerts or the cinema in Kassel?"),
        categories=["disability_inclusion"], place=KASSEL, lang="en")

    assert ids(outcome)[:1] == [outings] and others not in ids(outcome)[:1]


def _glossary_check() -> ModuleType:
    """Loads data/search/check_english_words.py, the glossary's check against the listings' words."""
    spec = importlib.util.spec_from_file_location("check_english_words", DATA / "check_english_words.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
