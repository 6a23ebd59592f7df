"""kill -9 at a random moment, then restart: nobody gets an announcement twice, everybody else gets one."""

from __future__ import annotations

import asyncio
import contextlib
import random
import sys
from pathlib import Path

import pytest
from tests.factories.broadcasts import add, delivery_states, in_kassel, running_broadcast
from sqlalchemy import text

from bot.broadcasts.simulated import SimulatedTelegram, read_log
from bot.store.db import Database

WORKER = Path(__file__).with_name("crash_worker.py")
RECIPIENTS = 400
KILLS = 2


async def _start(database: Database, log: Path) -> asyncio.subprocess.Process:
    """Starts a worker process on the test's database and waits until it is about to deliver."""
    arguments = [str(WORKER), database.url, str(log), str(RECIPIENTS)]
    if not database.is_sqlite:
        async with database.read_only() as session:
            arguments.append((await session.execute(text("SELECT current_schema()"))).scalar_one())
    process = await asyncio.create_subprocess_exec(sys.executable, *arguments, stdout=asyncio.subprocess.PIPE)
    assert process.stdout is not None
    assert (await asyncio.wait_for(process.stdout.readline(), timeout=60)).strip() == b"started"
    return process


@pytest.mark.slow
async def test_killed_sender_resumes_and_nobody_gets_two_messages(any_database: Database, tmp_path: Path) -> None:
    seed = random.randrange(1_000_000)
    moments = random.Random(seed)
    await add(any_database, [in_kassel(chat) for chat in range(1, RECIPIENTS + 1)])
    broadcast_id = await running_broadcast(any_database)
    log = tmp_path / "deliveries.log"
    for _ in range(KILLS):
        process = await _start(any_database, log)
        await asyncio.sleep(moments.uniform(0.0, 0.8))
        with contextlib.suppress(ProcessLookupError):  # a worker may finish the rest before its kill moment
            process.kill()  # SIGKILL: no cleanup of any kind
        await process.wait()
    process = await _start(any_database, log)
    assert await asyncio.wait_for(process.wait(), timeout=120) == 0

    received = read_log(log)
    states = await delivery_states(any_database, broadcast_id)
    blocked = {chat for chat in states if SimulatedTelegram(capacity=RECIPIENTS, p403=0.05).is_blocked(chat)}
    in_doubt = {chat for chat, state in states.items() if state == ("failed", "unknown after crash")}
    context = f"seed {seed}, in doubt {sorted(in_doubt)}"
    assert len(states) == RECIPIENTS, context
    assert max(received.values()) == 1, context  # never twice
    assert {state for chat, state in states.items() if chat not in in_doubt | blocked} == {("sent", None)}, context
    assert all(received.get(chat) == 1 for chat in states if chat not in in_doubt | blocked), context
    assert not any(chat in received for chat in blocked), context
    assert {state for chat, (state, _) in states.items() if chat in blocked} <= {"blocked", "failed"}, context
    # Only requests in flight at a kill are in doubt: at most max_in_flight (8) per kill.
    assert len(in_doubt) <= 8 * KILLS, context
