"""Folding text so that 'Görlitz', 'goerlitz' and 'GÖRLITZ' compare equal."""

from __future__ import annotations

import re
import unicodedata

_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "ẞ": "ss"})
_SPACES = re.compile(r"\s+")


def fold(text: str) -> str:
    """Lower-cases, spells umlauts out (ü -> ue, ß -> ss), drops other accents and squeezes spaces."""
    lowered = text.lower().translate(_UMLAUTS)
    if not lowered.isascii():  # German text is mostly ASCII once umlauts are spelled out: skip the slow part
        decomposed = unicodedata.normalize("NFKD", lowered)
        lowered = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _SPACES.sub(" ", lowered).strip()
