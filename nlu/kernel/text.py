"""Folding text so that 'Görlitz', 'goerlitz' and 'GÖRLITZ' compare equal."""

from __future__ import annotations

import unicodedata


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
