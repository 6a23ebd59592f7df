"""Split German verbs in a request are searched as the whole verb, never as the bare form or the particle."""

from __future__ import annotations

from tests.factories.search import KASSEL, Listings, find, ids, near

from bot.search import SearchRequest
from bot.search.content_words import content_words, free_words, manner_words
from bot.search.criteria import Criteria
from bot.search.separable import split_verbs

_IN_KASSEL = Criteria(place=KASSEL, keywords=())


def test_a_particle_closing_the_clause_joins_the_verb_form_before_it() -> None:
    assert split_verbs("Am liebsten lese ich Grundschülern etwas vor.").joined == {"lese": "vorlesen"}
    assert split_verbs("Sie liest Älteren aus der Zeitung vor, jeden Dienstag").joined == {"liest": "vorlesen"}
    assert split_verbs("Wer bringt Erwachsenen das Schwimmen bei?").joined == {"bringt": "beibringen"}
    assert split_verbs("ich kaufe für die Nachbarin ein und koche").joined == {"kaufe": "einkaufen"}
    # A short place after the particle still ends the clause; a long tail does not.
    assert split_verbs("ich räume gern am Ufer auf in Bad Hersfeld").joined == {"raeume": "aufraeumen"}
    assert split_verbs("wir gehen mit in Kassel und Umgebung und im Landkreis").joined == {}


def test_articles_and_words_that_are_no_verb_are_never_joined() -> None:
    verbs = split_verbs("ich packe bei der Kleiderkammer mit an")
    assert verbs.joined == {"packe": "anpacken"}  # not "der" + "an"
    assert split_verbs("Kinderbetreuung ab und zu").joined == {}
    assert split_verbs("Ein Ehrenamt mit Hunden").joined == {}


def test_content_words_hold_the_joined_verb_and_neither_the_bare_form_nor_the_particle() -> None:
    text = "Ich lese gern Kindergartenkindern in Kassel vor"
    words = content_words(text, _IN_KASSEL)
    assert "vorlesen" in words and "lese" not in words and "vor" not in words
    assert "vorlesen" in manner_words("Ich lese gern Kindergartenkindern in Kassel vor", _IN_KASSEL)


def test_the_nlu_bare_verb_form_becomes_the_joined_verb_or_goes_when_it_only_says_take_part() -> None:
    criteria = Criteria(place=KASSEL, keywords=("bringt", "rechnen"))
    assert free_words("Wer bringt Kindern in Kassel Rechnen bei", criteria) == ("beibringen", "rechnen")
    joining = Criteria(place=KASSEL, keywords=("mache", "zirkus"))
    assert free_words("ich mache im Zirkus mit", joining) == ("zirkus",)


async def test_a_request_with_a_split_verb_finds_the_listings_named_by_the_whole_verb(listings: Listings) -> None:
    teaching = await listings.add("Schwimmen beibringen im Hallenbad", categories=["sports"], **near(KASSEL, 3, 0))
    await listings.add("Wer bringt Kuchen fürs Sommerfest?", categories=["culture"], **near(KASSEL, 1, 0))
    await listings.add("Bademeister-Assistenz", categories=["sports"], **near(KASSEL, 2, 0))

    # The NLU hands over the bare form as its free word; searched so, it found the cake.
    outcome = await find(listings.database, SearchRequest(text="Wer bringt Kindern in Kassel das Schwimmen bei"),
                         place=KASSEL, keywords=["bringt"])

    assert ids(outcome) == [teaching]
