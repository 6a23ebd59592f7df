"""The search benchmark's CPU per request of the PostgreSQL server: read from the server processes that answered."""

from __future__ import annotations

import os

from sqlalchemy import text

from bot.process_cpu import process_cpu_seconds
from bot.search.benchmark.server_cpu import ServerCpu
from bot.store.db import Database


async def test_the_server_process_answering_a_read_is_counted_from_when_it_was_noted(
    postgres_database: Database,
) -> None:
    server = ServerCpu()
    async with postgres_database.read_only() as session:
        await server.note(session)
        assert len(server.started) == 1
        await session.execute(text("SELECT count(*) FROM generate_series(1, 2000000)"))
    used = server.used()
    assert used is not None and used > 0  # a local server: its process is readable in /proc
    server.reset()
    since = server.used()
    assert since is not None and since < used  # counted again from the reset on


def test_no_figure_without_a_process_or_for_one_that_cannot_be_read() -> None:
    assert ServerCpu().used() is None
    assert ServerCpu(started={os.getpid(): None}).used() is None  # not readable when noted
    gone = ServerCpu(started={-1: 0.0})
    assert gone.used() is None and process_cpu_seconds(-1) is None
    assert (process_cpu_seconds(os.getpid()) or 0.0) > 0.0
