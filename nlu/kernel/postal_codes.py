"""German postal codes as people write them: five digits ("34127"), or with a space after the first two as on
letters and signs ("34 127"); never a part of a longer number ("123456", "1.234.567", "12,34567").

Every surface that finds a code in what someone wrote reads it here: the search and the chat, posting, ads, imports
and the web. Whether a code exists, and how a field holding nothing but a code may also write it (a lost leading
zero "1067", a space elsewhere "341 27": FIELD_FORMS), is the gazetteer's to say (Gazetteer.read_postal_code).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_WRITTEN = r"(\d{2}) ?(\d{3})"
_IN_TEXT = re.compile(rf"(?<!\d)(?<!\d[.,]){_WRITTEN}(?![.,]?\d)")
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


def postal_codes_in(text: str) -> list[WrittenCode]:
    """Returns the postal codes written in a text, in order."""
    return [WrittenCode(m.group(1) + m.group(2), m.start(), m.end()) for m in _IN_TEXT.finditer(text)]


def postal_code_in(text: str) -> WrittenCode | None:
    """Returns the first postal code written in a text, if any."""
    found = _IN_TEXT.search(text)
    return WrittenCode(found.group(1) + found.group(2), found.start(), found.end()) if found else None


def whole_postal_code(text: str) -> str | None:
    """Returns the code when a text (around its white space) is one postal code and nothing else, else None."""
    found = _WHOLE.fullmatch(text.strip())
    return found.group(1) + found.group(2) if found else None
