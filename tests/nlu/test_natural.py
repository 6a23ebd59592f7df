"""How the NLU reads chatty, natural messages: filler, short forms, language needs (issue 14)."""

from __future__ import annotations

import pytest

from nlu import parse
from nlu.lexicon import filler_words


@pytest.mark.parametrize("word", ["hab", "wuerd", "gibts", "irgendwie", "soziales", "speak", "bisschen"])
def test_filler_list_built_from_data_holds_words_without_content(word: str) -> None:
    assert word in filler_words()


@pytest.mark.parametrize("word", ["feuerwehr", "schach", "mathe", "gitarre", "basteln", "handwerklich", "chess"])
def test_filler_list_keeps_words_that_carry_content(word: str) -> None:
    assert word not in filler_words()


def test_filler_never_becomes_a_keyword_but_a_subject_does() -> None:
    assert parse("hab zeit, würd gern irgendwie was soziales machen, gibts da was?").keywords == ()
    assert "schach" in parse("Schach mit Senioren in Dresden").keywords
    assert "feuerwehr" in parse("was bei der Feuerwehr in Marburg").keywords
    assert "mathe" in parse("ich kann Mathe erklären").keywords


def test_english_interest_words_are_carried_by_their_category_not_searched_as_words() -> None:
    query = parse("I speak a little German and would like to help at a shelter in Leipzig")
    assert "shelter" not in query.keywords and "speak" not in query.keywords


@pytest.mark.parametrize("text", ["hab am WE zeit", "jedes WE in Kassel", "übers Wo-Ende was mit Tieren"])
def test_weekend_abbreviations(text: str) -> None:
    query = parse(text)
    assert "weekend" in query.time and query.lang == "de"


def test_english_we_is_still_the_pronoun() -> None:
    assert parse("we would like to help together").time == ()


@pytest.mark.parametrize(
    "text",
    [
        "mein Deutsch ist noch nicht so gut, suche was mit Tieren",
        "ich spreche kein Deutsch, nur Arabisch",
        "Deutsch kann ich nicht so gut",
        "I don't speak German",
        "my German isn't great yet",
        "I'm still learning German, want to help in a garden",
        "I speak only English",
    ],
)
def test_speaking_little_german_sets_the_need(text: str) -> None:
    query = parse(text)
    assert query.needs_little_german
    assert query.to_dict()["needs_little_german"] is True
    assert not {"deutsch", "german", "learning"} & set(query.keywords)


@pytest.mark.parametrize(
    "text",
    ["Ich möchte Geflüchteten beim Deutsch lernen helfen", "ich spreche gut Deutsch und Englisch", "I teach German"],
)
def test_teaching_or_speaking_german_is_no_need(text: str) -> None:
    assert not parse(text).needs_little_german


def test_learning_german_oneself_is_not_an_interest_in_teaching_it() -> None:
    assert parse("I'm still learning German, want to help in a garden").categories == ("environment",)
