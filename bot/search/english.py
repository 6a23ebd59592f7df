"""English requests against German listings: the German words listings use for what an English request names.

The NLU understands an English request's categories, place and time; its words could only rank listings
that happen to hold the same English word ("Repair Café"), so "volunteer fire brigade" listed first aid
before the fire brigade. The word list lives in data/search/english_words.toml.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from nlu.kernel.text import fold, plain_words

DATA = Path(__file__).resolve().parents[2] / "data" / "search" / "english_words.toml"


@dataclass(frozen=True, slots=True)
class _Glossary:
    phrases: dict[tuple[str, ...], tuple[str, ...]]
    words: dict[str, tuple[str, ...]]
    longest: int


@cache
def _glossary() -> _Glossary:
    """Reads the word list once."""
    with DATA.open("rb") as handle:
        raw = tomllib.load(handle)
    phrases = {tuple(plain_words(key)): tuple(value) for key, value in raw.get("phrases", {}).items()}
    words = {fold(key): tuple(value) for key, value in raw.get("words", {}).items()}
    return _Glossary(phrases, words, max((len(key) for key in phrases), default=1))


def german_words(text: str, *, phrases_only: bool = False) -> tuple[str, ...]:
    """Returns the German words (folded) for the English words and phrases of a text, in its order.

    phrases_only: for a request read as German, whose single words may be German ("Bank", "Fix"), while
    an English phrase ("food bank") is English in any request.
    """
    found = [german for _, words in _translated(text, phrases_only=phrases_only) for german in words]
    return tuple(dict.fromkeys(found))


def alternatives(text: str) -> tuple[tuple[str, ...], ...]:
    """Returns, for each English word or phrase of a text read as several German words ("hospital": krankenhaus,
    klinik), those words: alternatives for one word of the request, which count as that one word in the ranking."""
    return tuple(words for _, words in _translated(text) if len(words) > 1)


def english_for(text: str, german: str) -> str | None:
    """Returns the English word or phrase of a text (folded) that german_words() read as a German word, if any."""
    return next((english for english, words in _translated(text) if german in words), None)


def _translated(text: str, *, phrases_only: bool = False) -> Iterator[tuple[str, tuple[str, ...]]]:
    """Yields the English phrases and words of a text (folded, longest phrase first) with their German words."""
    glossary = _glossary()
    tokens = plain_words(text)
    index = 0
    while index < len(tokens):
        for size in range(min(glossary.longest, len(tokens) - index), 1, -1):
            phrase = glossary.phrases.get(tuple(tokens[index:index + size]))
            if phrase is not None:
                yield " ".join(tokens[index:index + size]), phrase
                index += size
                break
        else:
            if not phrases_only and tokens[index] in glossary.words:
                yield tokens[index], glossary.words[tokens[index]]
            index += 1
