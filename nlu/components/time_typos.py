"""Mends a slip in a word that says a time by itself ("nachmittgas", "wochenede", "donnertag"): the word gets the time
word as its NORM before the time patterns run, as fast typing on a phone swaps or drops a letter."""

from __future__ import annotations

from rapidfuzz.distance import OSA
from spacy.tokens import Doc

from nlu.place_index import place_index
from nlu.vocabulary import is_known_word

_MIN_LENGTH = 7  # shorter words are too near other words ("abende" is a plural, "montage" assembly)


def mend_time_typos(doc: Doc, words: tuple[str, ...], times: frozenset[str] = frozenset()) -> None:
    """Sets the NORM of each word one slip (a letter swapped, dropped, added or changed) from a time word to that time
    word; a known word ("Montage"), a place's name ("Freital") or a capitalised word before a noun (a name:
    "Freytag Schule") is no slip; `times` are the words that say a time beside a day ("Abend", "Vormittag")."""
    for token in doc:
        norm = token.norm_
        if len(norm) < _MIN_LENGTH or not token.is_alpha or norm in words:
            continue
        if _names_before_noun(doc, token.i, times.union(words)):
            continue
        near = [word for word in words if _one_slip(norm, word)]
        if len(near) == 1 and not is_known_word(norm) and not place_index().names_a_place(norm):
            token.norm_ = near[0]


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
