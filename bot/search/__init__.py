"""Finding opportunities: typo-tolerant, index-backed search with ranking, widening and why-texts."""

from bot.search.engine import search
from bot.search.model import Contact, Hit, PlaceRef, Refinement, SearchOutcome, SearchRequest
from bot.search.vocabulary_cache import VocabularyCache

__all__ = ["Contact", "Hit", "PlaceRef", "Refinement", "SearchOutcome", "SearchRequest", "VocabularyCache", "search"]
