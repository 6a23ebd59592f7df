"""German postal codes as people write them: five digits in one piece ("34127") anywhere in a text, never a part
of a longer number ("123456", "1.234.567", "12,34567").

Five digits with a space after the first two ("34 127", as on letters and signs) are also how amounts and phone
numbers are written ("10 000 Tiere", "Tel 030 12 345 678"), so in free text (a search, a chat message) they are a
code only after a place or postal-code cue ("in 34 127", "PLZ 34 127": data/nlu/postal_codes.toml) and never before
a unit ("in 12 345 Stunden"); the NLU reads one closing a message after a content word too ("Tierheim 34 127") when
the code exists (nlu/components/postal_cues.py), so an unknown one there is no question to the person.
Where the text answers "where?" or fills a place field (the chat's place question, a posting's or an ad's place,
a feed's address), the spaced form stands anywhere, still not before a unit nor beside another group of digits.

Every surface that finds a code in what someone wrote reads it here: the search and the chat, posting, ads, imports
and the web. Whether a code exists, and how a field holding nothing but a code may also write it (a lost leading
zero "1067", a space elsewhere "341 27": FIELD_FORMS), is the gazetteer's to say (Gazetteer.read_postal_code).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from nlu.kernel.text import fold
from nlu.word_lists import folded_set, read_toml

_WRITTEN = r"(\d{2}) ?(\d{3})"
_IN_ONE_PIECE = re.compile(r"(?<!\d)(?<!\d[.,])(\d{5})(?![.,]?\d)")
_SPACED = re.compile(r"(?<!\d)(?<!\d[ .,])(\d{2}) (\d{3})(?![ .,]?\d)")
_WORD_BEFORE = re.compile(r"([^\W\d_]+)\s*:?\s*$")
_WORD_AFTER = re.compile(r"^\s*(\S+)")
_WHOLE = re.compile(_WRITTEN)
# A field or answer that holds only a code may write it so: five digits split anywhere by one space, or four that
# lost their leading zero (a spreadsheet's "1067" for 01067 Dresden); read by Gazetteer.read_postal_code.
FIELD_FORMS = r"\d{4,5}|\d{3} \d{2}|\d{2} \d{3}"


@dataclass(frozen=True, slots=True)
class WrittenCode:
    """A postal code found in a text: its five digits and where it was written."""

    code: str
    start: int
    end: int


@cache
def _cues_and_units() -> tuple[frozenset[str], frozenset[str]]:
    """Returns the words that make a spaced number a place (place and postal-code cues) and the units after which
    it is an amount, folded."""
    raw = read_toml("postal_codes.toml")
    return folded_set(raw["place_cues"]) | folded_set(raw["code_cues"]), folded_set(raw["units"])


def postal_codes_in(text: str, answer: bool = False) -> list[WrittenCode]:
    """Returns the postal codes written in a text, in order; `answer`: the text answers "where?" or is a place field,
    so a code split after its first two digits needs no cue before it."""
    found = [WrittenCode(m.group(1), m.start(), m.end()) for m in _IN_ONE_PIECE.finditer(text)]
    found += [WrittenCode(m.group(1) + m.group(2), m.start(), m.end()) for m in _SPACED.finditer(text)
              if _spaced_code(text, m, answer)]
    return sorted(found, key=lambda written: written.start)


def postal_code_in(text: str, answer: bool = False) -> WrittenCode | None:
    """Returns the first postal code written in a text, if any (`answer`: as in postal_codes_in)."""
    found = postal_codes_in(text, answer)
    return found[0] if found else None


def _spaced_code(text: str, match: re.Match[str], answer: bool) -> bool:
    """Tells whether "dd ddd" is a code: never before a unit ("12 345 Menschen"), after a cue in free text."""
    cues, units = _cues_and_units()
    after = _WORD_AFTER.match(text[match.end():])
    if after and fold(after.group(1).strip(".,;:!?)")) in units:
        return False
    if answer:
        return True
    before = _WORD_BEFORE.search(text[: match.start()])
    return before is not None and fold(before.group(1)) in cues


def whole_postal_code(text: str) -> str | None:
    """Returns the code when a text (around its white space) is one postal code and nothing else, else None."""
    found = _WHOLE.fullmatch(text.strip())
    return found.group(1) + found.group(2) if found else None
