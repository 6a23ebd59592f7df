"""Folding text so that 'Görlitz', 'goerlitz' and 'GÖRLITZ' compare equal, and splitting it into written words."""

from __future__ import annotations

import re
import unicodedata

_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "ẞ": "ss"})
_SPACES = re.compile(r"\s+")
# A written word: a letter or digit, then letters, digits, underscores or hyphens ("Kassel-Nord", "3er"); punctuation,
# emoji and spaces fall between words. The conversation's follow-ups and the place field read messages word for word so.
WORD_TOKEN = re.compile(r"[^\W_][\w-]*", re.UNICODE)
# A word of folded text as the search and its word lists compare words: plain letters and digits ("cafe", "3er").
PLAIN_WORD = re.compile(r"[a-z0-9]+")


def fold(text: str) -> str:
    """Lower-cases, spells umlauts out (ü -> ue, ß -> ss), drops other accents and squeezes spaces."""
    lowered = text.lower().translate(_UMLAUTS)
    if not lowered.isascii():  # German text is mostly ASCII once umlauts are spelled out: skip the slow part
        decomposed = unicodedata.normalize("NFKD", lowered)
        lowered = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _SPACES.sub(" ", lowered).strip()


def folded_words(text: str) -> list[str]:
    """Returns the written words of a text (WORD_TOKEN), each folded: "Ganz Sachsen!" -> ["ganz", "sachsen"]."""
    return [fold(word) for word in WORD_TOKEN.findall(text)]


def plain_words(text: str) -> list[str]:
    """Returns the plain words of a text once folded (PLAIN_WORD): "Café-Treff 3er!" -> ["cafe", "treff", "3er"]."""
    return PLAIN_WORD.findall(fold(text))
