"""English inflection: the word lists name base forms, people write plurals and -ing/-ed forms (issue 14, messages
side, second round). Every sentence here is written for this test."""

from __future__ import annotations

import pytest

from nlu import parse
from nlu.vocabulary import categories_of, english_bases


@pytest.mark.parametrize(
    ("word", "base"),
    [("libraries", "library"), ("knitting", "knit"), ("coached", "coach"), ("hikes", "hike"), ("tidied", "tidy")],
)
def test_english_bases_include_the_base_form(word: str, base: str) -> None:
    assert base in english_bases(word)


def test_short_remainders_are_no_base() -> None:
    assert "it" not in english_bases("its")
    assert english_bases("bus") == []


def test_a_plural_of_a_word_the_list_names_gets_its_field() -> None:
    assert "culture" in parse("I would like to help out in public libraries around Kassel").categories


def test_english_bases_are_not_used_for_german_words() -> None:
    assert categories_of("libraries", "de") == ()
