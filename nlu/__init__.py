"""Natural-language understanding for ehrenamt-bot: free-text volunteer requests and listings.

    >>> from nlu import parse
    >>> parse("Suche was mit Tieren am Wochenende in Kassel").categories
    ('animals',)

Must not import bot/. The pipelines are built on first use (or by load()). Importing this package is cheap:
spaCy is only imported when parse, categorize or load are first touched, so commands that only need
nlu.kernel.text or the gazetteer (places, import, export) start fast.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from nlu.api import categorize, load, parse
    from nlu.query import ListingTags, ParsedQuery, PlaceRef

__all__ = ["ListingTags", "ParsedQuery", "PlaceRef", "categorize", "load", "parse"]
_HOMES = {"categorize": "nlu.api", "load": "nlu.api", "parse": "nlu.api",
          "ListingTags": "nlu.query", "ParsedQuery": "nlu.query", "PlaceRef": "nlu.query"}


def __getattr__(name: str) -> Any:
    """Imports the public names lazily (PEP 562)."""
    if name in _HOMES:
        return getattr(import_module(_HOMES[name]), name)
    raise AttributeError(f"module 'nlu' has no attribute {name!r}")
