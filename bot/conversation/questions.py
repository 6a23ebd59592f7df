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
_CLAUSE = re.compile(r"[,;.!?]+")


@dataclass(frozen=True, slots=True)
class _Topic:
    key: str
    words: tuple[str, ...]  # folded beginnings of words ("versicher" also finds "Versicherung")
    phrases: tuple[str, ...]  # folded phrases, word for word
    en_words: tuple[str, ...]  # the same in English: a question asked only in them is answered in English
    en_phrases: tuple[str, ...]
    askers: frozenset[str] = frozenset()  # one must stand in the clause asking (none: any clause asks)
    others: frozenset[str] = frozenset()  # people right before the words: their matter, not the asker's
    links: frozenset[str] = frozenset()  # words that may stand between ("Kinder ohne Deutschkenntnisse")

    def asked(self, text: str, words: list[str], joined: str) -> tuple[frozenset[str], frozenset[str]]:
        """Returns the words asking about this topic in German, and in English; with askers only those of a
        clause holding one, and none the people right before them own."""
        if not self.askers:
            return self.asked_in(words, joined)
        german: set[str] = set()
        english: set[str] = set()
        for clause in (_words(part) for part in _CLAUSE.split(text)):
            if not self.askers.intersection(clause):
                continue
            in_german, in_english = self.asked_in(clause, f" {' '.join(clause)} ")
            if (in_german or in_english) and not self._owned_by_others(clause, in_german | in_english):
                german |= in_german
                english |= in_english
        return frozenset(german), frozenset(english)

    def _owned_by_others(self, clause: list[str], found: frozenset[str]) -> bool:
        """Tells whether people stand right before the words found ("Menschen ohne Deutsch"), or before a
        linking word right before them ("Kinder ohne Deutschkenntnisse")."""
        for i, word in enumerate(clause):
            if word not in found or i == 0:
                continue
            before = clause[i - 1]
            if before in self.others or (i > 1 and before in self.links and clause[i - 2] in self.others):
                return True
        return False

    def asked_in(self, words: list[str], joined: str) -> tuple[frozenset[str], frozenset[str]]:
        """Returns the words asking about this topic in German, and in English (none: not asked so)."""
        return _matches(words, joined, self.words, self.phrases), _matches(words, joined, self.en_words,
                                                                          self.en_phrases)


@dataclass(frozen=True, slots=True)
class Asked:
    """The topics a message asks about, and whether it asked them in English only."""

    topics: tuple[str, ...] = ()
    english: bool = False
    words: frozenset[str] = frozenset()  # the folded words that asked them ("versichert"): no search words


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
        _Topic(key, folded(values.get("words", [])), folded(values.get("phrases", [])),
               folded(values.get("en_words", [])), folded(values.get("en_phrases", [])),
               frozenset(folded(values.get("askers", []))), frozenset(folded(values.get("others", []))),
               frozenset(folded(values.get("links", []))))
        for key, values in raw["topics"].items()
    )
    return _Lexicon(openers=frozenset(folded(raw["openers"])), topics=topics)


def questions_asked(text: str) -> Asked:
    """Returns the topics a message asks about (in the order of data/chat/questions.toml); none when the message
    is no question or asks about none of them."""
    words = _words(text)
    if not words or ("?" not in text and words[0] not in _lexicon().openers):
        return Asked()
    joined = f" {' '.join(words)} "
    german: list[str] = []
    english: list[str] = []
    asking: set[str] = set()
    for topic in _lexicon().topics:
        in_german, in_english = topic.asked(text, words, joined)
        if in_german or in_english:
            (german if in_german else english).append(topic.key)
            asking |= in_german | in_english
    ordered = tuple(topic.key for topic in _lexicon().topics if topic.key in german or topic.key in english)
    return Asked(ordered, english=bool(english) and not german, words=frozenset(asking))


def _matches(words: list[str], joined: str, stems: tuple[str, ...], phrases: tuple[str, ...]) -> frozenset[str]:
    """Returns the words of the message starting with a stem, and those of the phrases standing in it word for
    word."""
    found = {word for word in words if any(word.startswith(stem) for stem in stems)}
    found.update(word for phrase in phrases if f" {phrase} " in joined for word in phrase.split())
    return frozenset(found)


def _words(text: str) -> list[str]:
    """Returns the folded words of a text, without punctuation and digits."""
    return [fold(word) for word in _WORD.findall(text)]
