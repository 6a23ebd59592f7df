"""Questions about volunteering itself, asked in the chat instead of a search: "Bin ich da versichert?",
"Braucht man ein Führungszeugnis?", "Was ist ein Ehrenamt?". Each topic has a short answer in the catalogues
([questions] of bot/texts); the words that tell the topics apart live in data/chat/questions.toml.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache

from nlu.kernel.resources import data_path
from nlu.kernel.text import fold

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


@dataclass(frozen=True, slots=True)
class _Topic:
    key: str
    words: tuple[str, ...]  # folded beginnings of words ("versicher" also finds "Versicherung")
    phrases: tuple[str, ...]  # folded phrases, word for word


@dataclass(frozen=True, slots=True)
class _Lexicon:
    openers: frozenset[str]
    topics: tuple[_Topic, ...]


@cache
def _lexicon() -> _Lexicon:
    """Reads and folds the topics once."""
    with data_path("chat", "questions.toml").open("rb") as handle:
        raw = tomllib.load(handle)

    def folded(items: list[str]) -> tuple[str, ...]:
        return tuple(" ".join(_words(item)) for item in items)

    topics = tuple(
        _Topic(key, folded(values.get("words", [])), folded(values.get("phrases", [])))
        for key, values in raw["topics"].items()
    )
    return _Lexicon(openers=frozenset(folded(raw["openers"])), topics=topics)


def questions_asked(text: str) -> tuple[str, ...]:
    """Returns the topics a message asks about (in the order of data/chat/questions.toml); none when the message
    is no question or asks about none of them."""
    words = _words(text)
    if not words or ("?" not in text and words[0] not in _lexicon().openers):
        return ()
    joined = f" {' '.join(words)} "
    return tuple(
        topic.key
        for topic in _lexicon().topics
        if any(word.startswith(stem) for stem in topic.words for word in words)
        or any(f" {phrase} " in joined for phrase in topic.phrases)
    )


def _words(text: str) -> list[str]:
    """Returns the folded words of a text, without punctuation and digits."""
    return [fold(word) for word in _WORD.findall(text)]
