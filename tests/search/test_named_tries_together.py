"""The tries for listings naming what was asked farther away, read in one statement where they read the same
listings by id (SQLite): the same answer as the tries one after the other, in fewer statements."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any
from unittest.mock import patch

import pytest
from sqlalchemy import event
from tests.factories.search import KASSEL, Listings, find, ids, near

import bot.search.engine as engine
from bot.search import sql as search_sql
from bot.store import inline_reads
from bot.search import SearchOutcome, SearchRequest
from bot.store.db import Database

LOOSE = [{"title": f"Besuche im Pflegeheim {n}", "categories": ["health_care"], **near(KASSEL, n, 1)} for n in range(4)]
ASKED: dict[str, Any] = {"categories": ["health_care"], "place": KASSEL, "keywords": ["trauercafe"]}


@dataclass(frozen=True, slots=True)
class Answer:
    """What a search answered, and how many statements it took."""

    outcome: SearchOutcome
    statements: int

    @property
    def seen(self) -> tuple[Any, ...]:
        """Returns everything of the outcome that the tries decide."""
        found = self.outcome
        return (ids(found), found.widened, found.total, found.radius_km,
                [(hit.distance_km, hit.remote) for hit in found.results])


@contextmanager
def _counted(database: Database) -> Iterator[list[int]]:
    """Counts the statements run on the database inside the block: through SQLAlchemy, and a read-only session's
    reads on SQLite's driver itself (bot.store.inline_reads)."""
    count = [0]

    def one_more(*_: Any) -> None:
        count[0] += 1

    read = inline_reads.fetch_inline

    async def counted(*args: Any) -> Any:
        one_more()
        return await read(*args)

    event.listen(database.engine.sync_engine, "before_cursor_execute", one_more)
    try:
        with patch.object(search_sql, "fetch_inline", counted):
            yield count
    finally:
        event.remove(database.engine.sync_engine, "before_cursor_execute", one_more)


async def _both(database: Database, monkeypatch: pytest.MonkeyPatch, request: SearchRequest | None = None,
                **fields: Any) -> tuple[Answer, Answer]:
    """Returns the answer of the search as it runs, and with every try in a statement of its own."""
    request = request or SearchRequest()
    with _counted(database) as count:
        together = await find(database, request, **fields)
    answers = [Answer(together, count[0])]
    with monkeypatch.context() as patched:
        patched.setattr(engine, "by_id_together", lambda *_: False)
        with _counted(database) as count:
            answers.append(Answer(await find(database, request, **fields), count[0]))
    return answers[0], answers[1]


def _is_sqlite(listings: Listings) -> bool:
    """Tells whether the test runs on SQLite (where the tries read by id come together)."""
    return listings.database.is_sqlite


async def test_the_nearest_ones_and_online_ones_beside_them_come_in_one_statement_after_the_first_try(
    listings: Listings, monkeypatch: pytest.MonkeyPatch,
) -> None:
    await listings.add_many(LOOSE)
    named = await listings.add_many([
        {"title": f"Trauercafé {n}", "categories": ["health_care"], **near(KASSEL, 60 + 10 * n, 0)} for n in range(3)
    ])
    online = await listings.add("Trauercafé per Video", categories=["health_care"], remote=True,
                                **near(KASSEL, -300, 0))

    together, apart = await _both(listings.database, monkeypatch, **ASKED)

    assert together.seen == apart.seen
    assert ids(together.outcome) == [*named, online]
    assert together.outcome.widened == ("radius:30", "radius:50", "nearest")
    # On SQLite the tries within 50 and 100 km and the online ones beside the nearest come in one statement.
    assert apart.statements - together.statements == (2 if _is_sqlite(listings) else 0)


async def test_enough_naming_the_thing_within_50_km_are_taken_and_the_next_try_is_not_ranked(
    listings: Listings, monkeypatch: pytest.MonkeyPatch,
) -> None:
    await listings.add_many(LOOSE)
    named = await listings.add_many([
        {"title": f"Trauercafé {n}", "categories": ["health_care"], **near(KASSEL, 20 + 10 * n, 0)} for n in range(3)
    ])
    await listings.add("Trauercafé im Norden", categories=["health_care"], **near(KASSEL, 80, 0))

    together, apart = await _both(listings.database, monkeypatch, **ASKED)

    assert together.seen == apart.seen
    assert ids(together.outcome) == named and together.outcome.widened == ("radius:30", "radius:50", "matching")
    assert together.statements == apart.statements


async def test_one_naming_the_thing_within_50_km_keeps_the_asked_radius(
    listings: Listings, monkeypatch: pytest.MonkeyPatch,
) -> None:
    loose = await listings.add_many(LOOSE)
    await listings.add("Trauercafé im Nachbarort", categories=["health_care"], **near(KASSEL, 40, 0))
    await listings.add_many([
        {"title": f"Trauercafé {n}", "categories": ["health_care"], **near(KASSEL, 60 + 10 * n, 0)} for n in range(3)
    ])

    together, apart = await _both(listings.database, monkeypatch, **ASKED)

    # Better the one within 50 km than the nearest ones far away; too few to take the wider radius for it.
    assert together.seen == apart.seen
    assert set(ids(together.outcome)) == set(loose) and together.outcome.widened == ("keywords",)
    assert together.statements == apart.statements


async def test_too_few_naming_the_thing_within_100_km_keep_the_asked_radius(
    listings: Listings, monkeypatch: pytest.MonkeyPatch,
) -> None:
    loose = await listings.add_many(LOOSE)
    await listings.add_many([
        {"title": f"Trauercafé {n}", "categories": ["health_care"], **near(KASSEL, 70 + 10 * n, 0)} for n in range(2)
    ])
    await listings.add("Trauercafé im Süden", categories=["health_care"], **near(KASSEL, -150, 0))

    together, apart = await _both(listings.database, monkeypatch, **ASKED)

    assert together.seen == apart.seen
    assert set(ids(together.outcome)) == set(loose) and together.outcome.widened == ("keywords",)
    assert apart.statements - together.statements == (1 if _is_sqlite(listings) else 0)


@pytest.mark.parametrize("offset", [2, 3, 40])
async def test_later_pages_widen_as_the_first_one(
    listings: Listings, monkeypatch: pytest.MonkeyPatch, offset: int,
) -> None:
    await listings.add_many(LOOSE)
    await listings.add_many([
        {"title": f"Trauercafé {n}", "categories": ["health_care"], **near(KASSEL, 60 + 10 * n, 0)} for n in range(3)
    ])
    await listings.add("Trauercafé per Video", categories=["health_care"], remote=True, **near(KASSEL, -300, 0))

    together, apart = await _both(listings.database, monkeypatch, SearchRequest(limit=2, offset=offset), **ASKED)

    assert together.seen == apart.seen
    assert together.outcome.widened == ("radius:30", "radius:50", "nearest")
