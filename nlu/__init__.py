"""Natural-language understanding for ehrenamt-bot: free-text volunteer requests and listings.

    >>> from nlu import parse
    >>> parse("Suche was mit Tieren am Wochenende in Kassel").categories
    ('animals',)

Must not import bot/. The pipelines are built on first use (or by load()).
"""

from nlu.api import categorize, load, parse
from nlu.query import ListingTags, ParsedQuery, PlaceRef

__all__ = ["ListingTags", "ParsedQuery", "PlaceRef", "categorize", "load", "parse"]
