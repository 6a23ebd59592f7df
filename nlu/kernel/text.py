"""Folding text so that 'Görlitz', 'goerlitz' and 'GÖRLITZ' compare equal, and splitting it into written words."""

from __future__ import annotations

import re
import unicodedata

# A written word: a letter or digit, then letters, digits, underscores or hyphens ("Kassel-Nord", "3er"); punctuation,
# emoji and spaces fall between words. The conversation's follow-ups and the place field read messages word for word so.
WORD_TOKEN = re.compile(r"[^\W_][\w-]*", re.UNICODE)
# A word of folded text as the search and its word lists compare words: plain letters and digits ("cafe", "3er").
PLAIN_WORD = re.compile(r"[a-z0-9]+")


class _Uncombined(dict[int, str | None]):
    """A str.translate table that drops combining marks: each code point is looked up with unicodedata.combining()
    once and remembered, so a long listing is filtered in C, not character by character in Python."""

    LIMIT = 20_000  # code points remembered; random input must not grow it without bound

    def __missing__(self, code: int) -> str | None:
        if len(self) > self.LIMIT:
            self.clear()
        kept = None if unicodedata.combining(chr(code)) else chr(code)
        self[code] = kept
        return kept


_UNCOMBINED = _Uncombined()


def fold(text: str) -> str:
    """Lower-cases, spells umlauts out (ü -> ue, ß -> ss), drops other accents and squeezes spaces."""
    lowered = text.lower()
    if not lowered.isascii():  # German text is mostly ASCII once umlauts are spelled out: skip the slow part
        # str.replace per umlaut is what translate(_UMLAUTS) does (no replacement makes another), several times faster
        lowered = lowered.replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss").replace("ẞ", "ss")
        if not lowered.isascii():
            decomposed = unicodedata.normalize("NFKD", lowered)
            lowered = decomposed if decomposed.isascii() else decomposed.translate(_UNCOMBINED)
    return " ".join(lowered.split())  # str.split() and the pattern \s+ know the same whitespace


def folded_words(text: str) -> list[str]:
    """Returns the written words of a text (WORD_TOKEN), each folded: "Ganz Sachsen!" -> ["ganz", "sachsen"]."""
    return [fold(word) for word in WORD_TOKEN.findall(text)]


def plain_words(text: str) -> list[str]:
    """Returns the plain words of a text once folded (PLAIN_WORD): "Café-Treff 3er!" -> ["cafe", "treff", "3er"]."""
    return PLAIN_WORD.findall(fold(text))
