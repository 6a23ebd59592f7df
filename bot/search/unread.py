"""Words that name nothing: no listing holds them and they are no word of German or English ("asdfgh qwertz").

A request made only of such words was not understood: listings around the place that "roughly fit" words nobody
can read would pretend an answer. A rare real word no listing holds ("Imkerei", "Telefonseelsorge") is not one of
them: it begins or ends with a word of the language, and the search says plainly that nothing holds it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from typing import Any

from bot.search.model import SearchOutcome, Understood
from nlu.lexicon import known_words

MIN_PART = 4  # a known word this long at a word's start or end makes it readable ("Imker|ei", "Xyz|hilfe")


def unread_words(words: Iterable[str]) -> tuple[str, ...]:
    """Returns the folded words when none of them is readable; () as soon as one is (or there are none)."""
    found = tuple(words)
    if not found or any(readable(word) for word in found):
        return ()
    return found


def readable(word: str) -> bool:
    """Tells whether a folded word is a known word, or begins or ends with one of at least MIN_PART letters."""
    known = known_words()
    if word in known or not word.isalpha():
        return True  # digits and marks ("1:1", "24/7") are no typing into the void
    return any(word[:end] in known for end in range(MIN_PART, len(word))) or any(
        word[start:] in known for start in range(1, len(word) - MIN_PART + 1))


def without_unread_words(outcome: SearchOutcome) -> SearchOutcome:
    """Returns the outcome as a person is shown it: words nobody can read said nothing about what they want, so no
    listings that only "roughly fit" them are shown; the rest (a place, a time) stands (the words stay in
    unread_words, to be named)."""
    if not outcome.unread_words:
        return outcome
    return replace(outcome, query={**outcome.query, "keywords": []}, results=(), total=0, widened=())


def unread_as_written(query: dict[str, Any]) -> tuple[str, ...]:
    """Returns the request's words as written when none of them is readable (bot.search.unread), else ()."""
    understood = Understood.from_query(query)
    return understood.shown_words if unread_words(understood.keywords) else ()
