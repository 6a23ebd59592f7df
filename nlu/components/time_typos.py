"""Mends a slip in a word that says a time by itself ("nachmittgas", "wochenede", "donnertag"): the word gets the time
word as its NORM before the time patterns run, as fast typing on a phone swaps or drops a letter. A word spelt as a
dialect speaks it ("samsdaachs", "Wochenengk", "abnds") is mended the same way when it sounds like exactly one time
word (the dialect sound key of nlu/dialect.py, after the changes in [dialect_times] of data/nlu/time.toml)."""

from __future__ import annotations

import re
from functools import cache

from rapidfuzz import fuzz
from rapidfuzz.distance import OSA
from spacy.tokens import Doc

from nlu.dialect import sound_key
from nlu.place_index import place_index
from nlu.vocabulary import is_known_word
from nlu.word_lists import read_toml

_MIN_LENGTH = 7  # shorter words are too near other words ("abende" is a plural, "montage" assembly)


def mend_time_typos(doc: Doc, words: tuple[str, ...], times: frozenset[str] = frozenset()) -> None:
    """Sets the NORM of each word one slip (a letter swapped, dropped, added or changed) from a time word to that time
    word; a known word ("Montage"), a place's name ("Freital") or a capitalised word before a noun (a name:
    "Freytag Schule") is no slip; `times` are the words that say a time beside a day ("Abend", "Vormittag")."""
    dialect_length = _dialect_rules()[1]
    for token in doc:
        norm = token.norm_
        if len(norm) < dialect_length or not token.is_alpha or norm in words:
            continue
        if _names_before_noun(doc, token.i, times.union(words)):
            continue
        near = [word for word in words if _one_slip(norm, word)] if len(norm) >= _MIN_LENGTH else []
        if len(near) > 1 or is_known_word(norm) or place_index().names_a_place(norm):
            continue
        if near:
            token.norm_ = near[0]
        elif (spoken := _spoken_time(norm, words)) is not None:
            token.norm_ = spoken


@cache
def _dialect_rules() -> tuple[tuple[tuple[re.Pattern[str], str], ...], int, float]:
    """Returns the dialect spelling changes, the shortest word tried and the least similarity of [dialect_times]."""
    raw = read_toml("time.toml")["dialect_times"]
    changes = tuple((re.compile(pattern), replacement) for pattern, replacement in raw["changes"])
    return changes, int(raw["min_length"]), float(raw["min_similarity"])


@cache
def _keys(words: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    """Returns the time words by their dialect sound key."""
    keys: dict[str, list[str]] = {}
    for word in words:
        keys.setdefault(sound_key(word), []).append(word)
    return {key: tuple(found) for key, found in keys.items()}


def _spoken_time(norm: str, words: tuple[str, ...]) -> str | None:
    """Returns the one time word an unknown word sounds like in dialect, its first letter and most of its letters
    the same ("samsdaachs": "samstags", "wochenengk": "wochenende", "abnds": "abends"), or None."""
    changes, min_length, min_similarity = _dialect_rules()
    if len(norm) < min_length or any(norm.startswith(word) or word.startswith(norm) for word in words):
        return None  # "Samstagen", "Wochenend": a form the patterns read already
    keys = _keys(words)
    found = set()
    for variant in {norm, *(pattern.sub(replacement, norm) for pattern, replacement in changes)}:
        for word in keys.get(sound_key(variant), ()):
            if word[0] == norm[0] and fuzz.ratio(variant, word) >= min_similarity:
                found.add(word)
    shortest = min(found, key=len, default=None)  # "wochenende" and its plural are one word
    return shortest if shortest is not None and all(word.startswith(shortest) for word in found) else None


def _one_slip(norm: str, word: str) -> bool:
    """Tells whether a word is one slip from a time word, other than an ending added or dropped ("weekday" of
    "weekdays", "Abende" of "abends" are forms the patterns read already, or other words)."""
    if abs(len(word) - len(norm)) > 1 or norm.startswith(word) or word.startswith(norm):
        return False
    return OSA.distance(norm, word, score_cutoff=1) <= 1


def _names_before_noun(doc: Doc, i: int, times: frozenset[str]) -> bool:
    """Tells whether a capitalised word stands right before a capitalised word that is no time word: a name heading
    a noun ("Freytag Schule", "Sontag Stiftung"), where a day would be followed by a time or small words ("Samstga
    Vormittag", "Freitga abends")."""
    if not doc[i].is_title or i + 1 >= len(doc):
        return False
    after = doc[i + 1]
    return after.is_alpha and after.is_title and after.norm_ not in times
