"""Reading the index vocabulary from the database, once per process and engine, refreshed now and then."""

from __future__ import annotations

import time
import weakref
from collections.abc import Callable

from sqlalchemy import TextClause, text
from sqlalchemy.engine import Engine
from sqlalchemy.ext.asyncio import AsyncSession

from nlu.kernel.loaded import settle_reloaded
from bot.search.corpus import ADS, LISTINGS, Corpus
from bot.search.vocabulary import Vocabulary
from bot.store.dialect import dialect_of


def _queries(corpus: Corpus) -> dict[str, TextClause]:
    """Returns the statements that read a corpus's vocabulary (its object names are fixed words)."""
    return {
        "sqlite_terms": text(f"SELECT term, doc FROM {corpus.fts_vocabulary} WHERE length(term) BETWEEN 2 AND 40"),
        "postgres_terms": text(f"SELECT term FROM {corpus.terms} WHERE length(term) BETWEEN 2 AND 40"),
        # How common the commonest words are, as the planner's statistics (ANALYZE) estimate them.
        "postgres_common": text(
            "SELECT most_common_elems::text::text[] AS terms, most_common_elem_freqs AS shares FROM pg_stats "
            f"WHERE schemaname = current_schema() AND tablename = '{corpus.table}' AND attname = 'search_vector'"
        ),
        "published": text(f"SELECT count(*) FROM {corpus.table} WHERE status = 'published'"),
        # Exact document counts (ts_stat reads every vector): what SQLite's index says, so both rank alike.
        "postgres_exact": text(
            f"SELECT word, ndoc FROM ts_stat('SELECT search_vector FROM {corpus.table} WHERE status = ''published''') "
            "WHERE length(word) BETWEEN 2 AND 40"
        ),
    }


_QUERIES = {corpus.name: _queries(corpus) for corpus in (LISTINGS, ADS)}

# Up to this many listings the exact counts cost well under a second per refresh (every max_age seconds);
# beyond, the planner's statistics estimate the common words and the rest count as rare.
EXACT_COUNTS_MAX_LISTINGS = 20_000


async def load_vocabulary(session: AsyncSession, corpus: Corpus = LISTINGS) -> Vocabulary:
    """Reads every index term of a corpus with its document count, and how many of its rows are published."""
    queries = _QUERIES[corpus.name]
    listings = int((await session.execute(queries["published"])).scalar_one())
    if dialect_of(session) == "sqlite":
        documents = {term: int(count) for term, count in await session.execute(queries["sqlite_terms"])}
    else:
        documents = await _postgres_documents(session, listings, queries)
    return Vocabulary(documents, listings)


async def _postgres_documents(session: AsyncSession, listings: int, queries: dict[str, TextClause]) -> dict[str, int]:
    """Returns the words with document counts: exact for a small collection; else estimated from statistics
    for common words, 1 for the rest."""
    if listings <= EXACT_COUNTS_MAX_LISTINGS:
        return {str(word): int(count) for word, count in await session.execute(queries["postgres_exact"])}
    documents = {term: 1 for term in (await session.execute(queries["postgres_terms"])).scalars()}
    statistics = (await session.execute(queries["postgres_common"])).first()
    if statistics is not None and statistics.terms:
        for term, share in zip(statistics.terms, statistics.shares):
            if term in documents:
                documents[term] = max(1, round(share * listings))
    return documents


class VocabularyCache:
    """Keeps one Vocabulary per database engine and corpus, reloaded when older than max_age seconds.

    New listings are still found by their exact words at once (the index itself is always current);
    only typo corrections towards words that are brand new wait for the next refresh.
    """

    def __init__(self, max_age: float = 300.0, *, clock: Callable[[], float] = time.monotonic) -> None:
        self.max_age = max_age
        self._clock = clock
        self._entries: weakref.WeakKeyDictionary[Engine, dict[str, tuple[float, Vocabulary]]] = (
            weakref.WeakKeyDictionary()
        )

    async def get(self, session: AsyncSession, corpus: Corpus = LISTINGS) -> Vocabulary:
        """Returns the vocabulary of a corpus in the session's database, loading it when missing or stale."""
        bind = session.get_bind()
        engine = bind if isinstance(bind, Engine) else bind.engine
        entries = self._entries.setdefault(engine, {})
        entry = entries.get(corpus.name)
        now = self._clock()
        if entry is not None and now - entry[0] < self.max_age:
            return entry[1]
        vocabulary = await load_vocabulary(session, corpus)
        entries[corpus.name] = (now, vocabulary)  # the one replaced goes by reference counting, frozen or not
        settle_reloaded()
        return vocabulary

    def invalidate(self) -> None:
        """Forgets every cached vocabulary (after a bulk import, for instance)."""
        self._entries.clear()


default_cache = VocabularyCache()
