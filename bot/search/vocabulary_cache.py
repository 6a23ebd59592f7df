"""Reading the index vocabulary from the database, once per process and engine, refreshed now and then."""

from __future__ import annotations

import time
import weakref
from collections.abc import Callable

from sqlalchemy import text
from sqlalchemy.engine import Engine
from sqlalchemy.ext.asyncio import AsyncSession

from bot.search.vocabulary import Vocabulary

_SQLITE_TERMS = text(
    "SELECT term, doc FROM opportunity_search_vocabulary WHERE length(term) BETWEEN 3 AND 40"
)
_POSTGRES_TERMS = text(
    "SELECT term, documents FROM search_terms WHERE documents > 0 AND length(term) BETWEEN 3 AND 40"
)
_PUBLISHED = text("SELECT count(*) FROM opportunities WHERE status = 'published'")


async def load_vocabulary(session: AsyncSession) -> Vocabulary:
    """Reads every index term with its document count, and how many listings are published."""
    query = _SQLITE_TERMS if session.bind.dialect.name == "sqlite" else _POSTGRES_TERMS
    documents = {term: int(count) for term, count in await session.execute(query)}
    listings = int((await session.execute(_PUBLISHED)).scalar_one())
    return Vocabulary(documents, listings)


class VocabularyCache:
    """Keeps one Vocabulary per database engine, reloaded when older than max_age seconds.

    New listings are still found by their exact words at once (the index itself is always current);
    only typo corrections towards words that are brand new wait for the next refresh.
    """

    def __init__(self, max_age: float = 300.0, *, clock: Callable[[], float] = time.monotonic) -> None:
        self.max_age = max_age
        self._clock = clock
        self._entries: weakref.WeakKeyDictionary[Engine, tuple[float, Vocabulary]] = weakref.WeakKeyDictionary()

    async def get(self, session: AsyncSession) -> Vocabulary:
        """Returns the vocabulary of the session's database, loading it when missing or stale."""
        engine = session.bind.sync_engine if hasattr(session.bind, "sync_engine") else session.bind
        entry = self._entries.get(engine)
        now = self._clock()
        if entry is not None and now - entry[0] < self.max_age:
            return entry[1]
        vocabulary = await load_vocabulary(session)
        self._entries[engine] = (now, vocabulary)
        return vocabulary

    def invalidate(self) -> None:
        """Forgets every cached vocabulary (after a bulk import, for instance)."""
        self._entries.clear()


default_cache = VocabularyCache()
