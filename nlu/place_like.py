"""Words that look like the name of a village the gazetteer lacks ("aus Sterzhausen", "wohne in Kleinaltenhausen").

A word right after a location cue that is no known word and ends as many place names do but few words do is a place
the person named, not a search word. The endings are read from the gazetteer's names against the known-word list
(data/nlu/known_words.txt), not written by hand: "-dorf", "-bach", "-usen", "-rode", "-nitz" qualify, "-heit" does not.
"""

from __future__ import annotations

import functools
from collections import Counter

from nlu.kernel.gazetteer import get_gazetteer
from nlu.kernel.text import fold
from nlu.lexicon import known_words

_ENDING = 4  # letters compared at the end of a word
_MIN_NAMES = 40  # an ending shared by at least this many one-word place names ...
_NAMES_PER_WORD = 3  # ... and at least this many times as often as by known words
_MIN_STEM = 3  # letters before the ending ("Sterz" + "hausen"), so that "Dorf" or "Bach" alone is no village


@functools.cache
def place_endings() -> frozenset[str]:
    """Returns the folded endings typical of German place names and rare among ordinary words."""
    names = Counter(
        key[-_ENDING:]
        for place in get_gazetteer().places()
        if place.name.isalpha()
        for key in (fold(place.name),)
        if len(key) >= _ENDING + _MIN_STEM
    )
    words = Counter(word[-_ENDING:] for word in known_words() if len(word) >= _ENDING + _MIN_STEM)
    return frozenset(
        ending for ending, count in names.items() if count >= _MIN_NAMES and count >= _NAMES_PER_WORD * words[ending]
    )


def looks_like_place(norm: str) -> bool:
    """Tells whether a folded word is no known word and ends as place names do ("sterzhausen", "germerode")."""
    return (
        len(norm) >= _ENDING + _MIN_STEM
        and norm.isalpha()
        and norm[-_ENDING:] in place_endings()
        and norm not in known_words()
    )
