"""The full-text index and its vocabulary follow every write: publish, edit, pause, delete, re-import."""

from __future__ import annotations

import gc

from bot.store.dialect import dialect_of
from tests.factories.search import KASSEL, NOW, Listings, find, ids
from sqlalchemy import delete, update

from nlu.kernel.loaded import settle
from bot.search import SearchRequest, VocabularyCache
from bot.search.maintenance import rebuild_vocabulary
from bot.search.sql import SqlText
from bot.search.textmatch import holds_any
from bot.search.vocabulary import TermGroup
from bot.search.vocabulary_cache import load_vocabulary
from bot.store.db import Database
from bot.store.listings import opportunity_row, upsert_rows
from bot.store.models import Opportunity, table_of

TABLE = table_of(Opportunity)


async def _by_word(database: Database, word: str) -> list[int]:
    """Returns the ids of published listings whose indexed text holds the word (asking the index directly)."""
    async with database.read_only() as session:
        sql = SqlText(dialect_of(session))
        condition = holds_any(sql, [TermGroup(word, (word,), (), 1, fuzzy=False)])
        query = f"SELECT o.id FROM opportunities o WHERE o.status = 'published' AND {condition}"
        result = await sql.statement(query).run(session)
        return sorted(result.scalars())


async def test_edits_publishing_pausing_and_deleting_reach_the_index(listings: Listings) -> None:
    database = listings.database
    draft = await listings.add("Kürbisfest vorbereiten", status="draft", categories=["neighbourhood"])
    assert await _by_word(database, "kuerbisfest") == []
    async with database.unit_of_work() as session:
        await session.execute(update(TABLE).where(TABLE.c.id == draft).values(status="published"))
    assert await _by_word(database, "kuerbisfest") == [draft]
    async with database.unit_of_work() as session:
        await session.execute(update(TABLE).where(TABLE.c.id == draft).values(title="Laternenumzug begleiten"))
    assert await _by_word(database, "kuerbisfest") == []
    assert await _by_word(database, "laternenumzug") == [draft]
    async with database.unit_of_work() as session:
        await session.execute(update(TABLE).where(TABLE.c.id == draft).values(status="paused"))
    assert await _by_word(database, "laternenumzug") == []
    async with database.unit_of_work() as session:
        await session.execute(update(TABLE).where(TABLE.c.id == draft).values(status="published"))
        await session.execute(delete(TABLE).where(TABLE.c.id == draft))
    assert await _by_word(database, "laternenumzug") == []


async def test_a_re_import_replaces_the_indexed_words(listings: Listings) -> None:
    database = listings.database
    first = await listings.add("Platzhalter", categories=["culture"])  # creates the organisation
    async with database.read_only() as session:
        organisation = (await session.get(Opportunity, first)).organisation_id  # type: ignore[union-attr]

    async def feed(title: str) -> None:
        async with database.unit_of_work() as session:
            await upsert_rows(session, TABLE, [opportunity_row(
                {"organisation_id": organisation, "title": title, "status": "published", "source": "feed",
                 "external_id": "x-1", "published_at": NOW, "lat": KASSEL.lat, "lon": KASSEL.lon}, now=NOW)])

    await feed("Museumsnacht: Garderobe")
    imported = await _by_word(database, "museumsnacht")
    assert len(imported) == 1
    await feed("Kinderflohmarkt: Kasse")
    assert await _by_word(database, "museumsnacht") == []
    assert await _by_word(database, "kinderflohmarkt") == imported
    found = await find(database, SearchRequest(), place=KASSEL, keywords=["kinderflohmarkt"])
    assert ids(found) == imported


async def test_the_vocabulary_holds_the_words_of_published_listings_only(listings: Listings) -> None:
    database = listings.database
    await listings.add("Streuobstwiese pflegen", description="Äpfel ernten im Oktober", categories=["environment"])
    await listings.add("Geheimprojekt", status="draft")
    async with database.read_only() as session:
        words = await load_vocabulary(session)
    assert {"streuobstwiese", "pflegen", "aepfel", "ernten", "oktober"} <= set(words.documents)
    assert "geheimprojekt" not in words.documents and words.listings == 1


async def test_rebuilding_the_vocabulary_forgets_words_that_left(listings: Listings) -> None:
    database = listings.database
    gone = await listings.add("Schlittschuhbahn betreuen", categories=["sports"])
    await listings.add("Sommerfest", categories=["culture"])
    async with database.unit_of_work() as session:
        await session.execute(delete(TABLE).where(TABLE.c.id == gone))
        remaining = await rebuild_vocabulary(session)
    async with database.read_only() as session:
        words = await load_vocabulary(session)
    assert "schlittschuhbahn" not in words.documents and "sommerfest" in words.documents
    assert remaining >= len(words.documents) > 0


async def test_the_vocabulary_cache_reloads_after_its_age(database: Database) -> None:
    listings = Listings(database)
    moments = iter([0.0, 1.0, 500.0])
    cache = VocabularyCache(max_age=300, clock=lambda: next(moments))
    async with database.read_only() as session:
        empty = await cache.get(session)
    await listings.add("Erntedankfest", categories=["culture"])
    async with database.read_only() as session:
        assert await cache.get(session) is empty  # one second later: still the cached one
        assert "erntedankfest" in (await cache.get(session)).documents  # after max_age: reloaded


async def test_a_vocabulary_reloaded_in_a_settled_process_leaves_the_collectors_view(database: Database) -> None:
    moments = iter([0.0, 500.0])
    cache = VocabularyCache(max_age=300, clock=lambda: next(moments))
    gc.unfreeze()
    try:
        async with database.read_only() as session:
            await cache.get(session)
            settle()  # the warm-up's
            reloaded = await cache.get(session)  # five minutes later, on a request
        tracked = {id(item) for generation in range(3) for item in gc.get_objects(generation)}
        assert gc.is_tracked(reloaded) and id(reloaded) not in tracked
    finally:
        gc.unfreeze()
