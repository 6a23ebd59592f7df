"""A PostgreSQL pool whose words are tested on its own rows' vectors ranks exactly as the shared holders and the
look-ups by id did, and as SQLite does (bot.search.sources.reads_pool_rows)."""

from __future__ import annotations

from typing import Any

import random
from datetime import timedelta

import pytest
from tests.factories.search import KASSEL, LEIPZIG, NOW, Listings, find, near

from bot.search import SearchRequest
from bot.search.sources import candidates
from bot.store.db import Database

TITLES = ["Lesepate für Grundschulkinder", "Vorlesen im Kindergarten", "Lesepaten gesucht", "Hausaufgabenhilfe",
          "Vorlesepatin in der Bücherei", "Grundschulkinder beim Lesen begleiten", "Sprachcafé online",
          "Nachhilfe in Mathe für Grundschulkinder", "Fußballtraining für Kinder"]
DESCRIPTIONS = ["Du liest Kindern vor.", "Lesepaten und Lesepatinnen willkommen.", "Ohne Vorkenntnisse.",
                "Für Grundschulkinder der dritten Klasse.", "Online von zu Hause aus."]
REQUESTS: list[dict[str, Any]] = [
    {"categories": ["children_youth", "education"], "keywords": ["lesepate", "grundschulkinder"]},
    {"categories": ["education"], "keywords": ["vorlesen"]},
    {"categories": ["children_youth"], "keywords": ["nachhilfe", "mathe"], "remote": True},
    {"categories": ["education"], "keywords": ["sprachcafe"], "remote": True},
]


def _listings(seed: int) -> list[dict[str, object]]:
    """Returns 120 reading and tutoring listings around Kassel and Leipzig, some online."""
    rng = random.Random(seed)
    return [{
        "title": f"{rng.choice(TITLES)} {number}",
        "description": rng.choice(DESCRIPTIONS),
        "categories": rng.sample(["children_youth", "education", "culture"], rng.randint(1, 2)),
        "remote": rng.random() < 0.4,
        "published_at": NOW - timedelta(days=rng.randint(0, 200)),
        **near(rng.choice([KASSEL, LEIPZIG]), rng.uniform(-30, 30), rng.uniform(-30, 30)),
    } for number in range(120)]


# Every word rare (their holders outnumber the pool), or the common ones (held by more than 4) read by id before.
@pytest.mark.parametrize("rare_max", [5000, 4])
async def test_a_pool_ranks_alike_with_its_own_vectors(
    rare_max: int, sqlite_database: Database, postgres_database: Database, monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("bot.search.sources.NATIONWIDE_POOL", 40)
    monkeypatch.setattr("bot.search.textmatch.RARE_WORDS_MAX_DOCUMENTS", rare_max)
    rows = _listings(3)
    for database in (sqlite_database, postgres_database):
        await Listings(database).add_many(rows)
    sources: list[str] = []

    def recorded(*args: Any, **kwargs: Any) -> str:
        sources.append(source := candidates(*args, **kwargs))
        return source

    monkeypatch.setattr("bot.search.retrieval.candidates", recorded)
    compared = 0
    for fields in REQUESTS:
        for offset in (0, 5):
            request = SearchRequest(limit=5, offset=offset)
            with monkeypatch.context() as before:  # as before this change: holders shared, common words read by id
                before.setattr("bot.search.retrieval.reads_pool_rows", lambda groups: False)
                by_holders = await find(postgres_database, request, **fields)
            own_vectors = await find(postgres_database, request, **fields)
            on_sqlite = await find(sqlite_database, request, **fields)
            assert own_vectors.to_dict() == by_holders.to_dict() == on_sqlite.to_dict(), fields
            assert own_vectors.total == by_holders.total == on_sqlite.total
            compared += len(own_vectors.results)
    assert compared >= 20
    assert any("v.search_vector" in source for source in sources)  # the pools did read their own vectors


async def test_a_try_led_by_its_words_ranks_on_their_holders_vectors_as_sqlite_does(
    sqlite_database: Database, postgres_database: Database, monkeypatch: pytest.MonkeyPatch,
) -> None:
    rows = _listings(5)
    for database in (sqlite_database, postgres_database):
        await Listings(database).add_many(rows)
    sources: list[str] = []

    def recorded(*args: Any, **kwargs: Any) -> str:
        sources.append(source := candidates(*args, **kwargs))
        return source

    monkeypatch.setattr("bot.search.retrieval.candidates", recorded)
    compared = 0
    for fields in ({"place": KASSEL, "keywords": ["lesepate", "grundschulkinder"]},
                   {"place": LEIPZIG, "keywords": ["vorlesen"], "radius_km": 10},
                   {"keywords": ["nachhilfe", "mathe"]}):
        request = SearchRequest(limit=8)
        on_postgres = await find(postgres_database, request, **fields)
        on_sqlite = await find(sqlite_database, request, **fields)
        assert on_postgres.to_dict() == on_sqlite.to_dict(), fields
        assert on_postgres.total == on_sqlite.total
        compared += len(on_postgres.results)
    assert compared >= 12
    assert any("m.id, m.search_vector" in source for source in sources)  # the holders' vectors were read with them
