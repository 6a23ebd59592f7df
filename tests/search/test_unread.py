"""Which request words name nothing at all (bot.search.unread)."""

from __future__ import annotations

import pytest

from bot.search.unread import readable, unread_words


@pytest.mark.parametrize("word", ["sdfghj", "qwfpgj", "hjkhjk", "yxcvbnm", "uiuiuiu", "ghjkl"])
def test_keyboard_mashing_is_not_readable(word: str) -> None:
    assert not readable(word)


@pytest.mark.parametrize("word", [
    "schach",  # a word of the language
    "bienenpatenschaft",  # begins with one ("bienen")
    "xyzhilfe",  # ends with one ("hilfe"): a compound whose first part is a name
    "24/7",  # no letters only: not typing into the void
])
def test_words_and_compounds_of_the_language_are_readable(word: str) -> None:
    assert readable(word)


def test_one_readable_word_makes_the_request_read() -> None:
    assert unread_words(["sdfghj", "hjkhjk"]) == ("sdfghj", "hjkhjk")
    assert unread_words(["sdfghj", "garten"]) == ()
    assert unread_words([]) == ()
