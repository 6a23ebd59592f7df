"""Tells German from English for short chat messages by counting marker words (data/nlu/langid.toml)."""

from __future__ import annotations

import re

from functools import cache

from spacy.lang.de.stop_words import STOP_WORDS as DE_STOP
from spacy.lang.en.stop_words import STOP_WORDS as EN_STOP

from nlu.lexicon import langid_content, langid_words
from nlu.kernel.text import fold

_WORD = re.compile(r"[^\W\d_]+(?:'[a-z]+)?", re.UNICODE)
_GERMAN_LETTERS = re.compile(r"[äöüÄÖÜß]")
_CONTENT_MINIMUM = 2


@cache
def _markers() -> dict[str, frozenset[str]]:
    """Returns the marker words: langid.toml plus the stop words that belong to one language only."""
    words = langid_words()
    de_stop = {fold(w) for w in DE_STOP}
    en_stop = {fold(w) for w in EN_STOP}
    return {"de": words["de"] | (de_stop - en_stop), "en": words["en"] | (en_stop - de_stop)}


def detect_language(text: str) -> str:
    """Returns "en" when English marker words outnumber German ones, else "de".

    On a tie (often none of either: "visiting patients", "Tierheim Hundeschule") the content words typical of
    each language decide, and German stays the default.
    """
    words = _markers()
    de = en = 0
    # "WE", "OF", "IT" written in capitals are abbreviations (weekend, Offenbach, computing), not function words
    folded = [
        fold(m.group()) for m in _WORD.finditer(text[:2000]) if not (m.group().isupper() and 2 <= len(m.group()) <= 3)
    ]
    for word in folded:
        de += word in words["de"]
        en += word in words["en"]
    de += 2 * len(_GERMAN_LETTERS.findall(text[:2000]))
    if en == de:
        content = langid_content()
        de = sum(word in content["de"] for word in folded)
        en = sum(word in content["en"] for word in folded)
        # one English word alone is often a loan word in a German message ("Online", "Team")
        return "en" if en > de and en >= _CONTENT_MINIMUM else "de"
    return "en" if en > de else "de"
