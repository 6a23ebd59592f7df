"""Words that say how well one speaks a language ("fluent", "English speaker", "fließend", "bilingual") are carried by
the language slots and are no search words (data/nlu/languages.toml proficiency; branch nlu22). Every sentence here is
written for this test."""

from __future__ import annotations

import pytest

from nlu.api import parse


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Farsi speaker, would like to help sort clothes in Gera", "speaker"),
        ("My German is fluent, Polish too. Something with furniture in Görlitz?", "fluent"),
        ("I speak Spanish and English fluently and want to help in Halle", "fluently"),
        ("Fully bilingual, anything in Jena", "bilingual"),
    ],
)
def test_how_well_one_speaks_is_no_search_word(text: str, word: str) -> None:
    assert word not in parse(text).keywords


@pytest.mark.parametrize(
    ("text", "keywords"),
    [
        ("Ich bin zweisprachig und spreche fließend Türkisch, Hausaufgabenhilfe in Kassel?",
         ("hausaufgabenhilfe",)),
        ("Ich bin Muttersprachlerin in Arabisch und würde gern bei der Bahnhofsmission in Gotha helfen",
         ("bahnhofsmission",)),
    ],
)
def test_the_thing_wanted_stays_the_only_search_word(text: str, keywords: tuple[str, ...]) -> None:
    assert parse(text).keywords == keywords


def test_the_language_itself_is_still_read() -> None:
    parsed = parse("Farsi speaker, fluent in English too, would like to help in Gera")
    assert {"fa", "en"} <= set(parsed.languages)
