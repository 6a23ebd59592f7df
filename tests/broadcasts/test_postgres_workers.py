"""Two bot processes on one PostgreSQL share the outbox: nobody gets a message twice, every row ends final."""

from __future__ import annotations

import asyncio
from dataclasses import replace

import pytest
from tests.factories.broadcasts import FAST, ScriptedSender, add, delivery_states, in_kassel, running_broadcast
from sqlalchemy import func, select, text

from bot.broadcasts import Blocked, BroadcastRunner, RateLimited, Transient, pacing
from bot.domain import BroadcastStatus
from bot.store.db import Database
from bot.store.models import Broadcast, BroadcastDelivery

pytestmark = pytest.mark.postgres


async def test_two_workers_share_the_outbox_without_duplicates(
    postgres_database: Database, second_process: Database
) -> None:
    chats = list(range(1, 401))
    await add(postgres_database, [in_kassel(chat) for chat in chats])
    script: dict[int, list[Exception]] = {10: [RateLimited(0.1)], 20: [Blocked("403 Forbidden")],
                                          30: [Transient("timeout")]}
    sender = ScriptedSender(script=script, latency=0.002)
    broadcast_id = await running_broadcast(postgres_database)
    config = replace(FAST, max_in_flight=6, max_claim=5)
    first = BroadcastRunner(postgres_database, sender, config=config, worker="process-a")
    second = BroadcastRunner(second_process, sender, config=config, worker="process-b")
    await asyncio.wait_for(asyncio.gather(first.run_until_idle(), second.run_until_idle()), timeout=60)
    assert max(sender.delivered.values()) == 1
    assert set(sender.delivered) == set(chats) - {20}
    states = await delivery_states(postgres_database, broadcast_id)
    assert states[20] == ("blocked", "403 Forbidden")
    assert all(states[chat] == ("sent", None) for chat in chats if chat != 20)
    async with postgres_database.read_only() as session:
        workers = dict((await session.execute(
            select(BroadcastDelivery.claimed_by, func.count()).group_by(BroadcastDelivery.claimed_by))).all())
        status = (await session.execute(select(Broadcast.status).where(Broadcast.id == broadcast_id))).scalar_one()
    assert set(workers) == {"process-a", "process-b"} and min(workers.values()) > 20  # both really worked
    assert status == BroadcastStatus.DONE


async def test_rows_of_a_dead_process_are_failed_once_their_lease_runs_out(
    postgres_database: Database, second_process: Database
) -> None:
    chats = list(range(1, 61))
    await add(postgres_database, [in_kassel(chat) for chat in chats])
    hanging = {5, 6}
    sender = ScriptedSender(hang=lambda chat: chat in hanging)
    broadcast_id = await running_broadcast(postgres_database)
    dying = BroadcastRunner(postgres_database, sender, config=replace(FAST, rate_per_second=300.0, max_in_flight=4))
    await dying.start()
    while sum(sender.delivered.values()) < 10:
        await asyncio.sleep(0.01)
    await dying.stop(grace=0)
    hanging.clear()
    survivor = BroadcastRunner(second_process, sender, config=replace(FAST, lease_seconds=1.0))
    await asyncio.wait_for(survivor.run_until_idle(), timeout=30)
    states = await delivery_states(postgres_database, broadcast_id)
    assert states[5] == states[6] == ("failed", "unknown after crash")
    assert {state for state, _ in states.values()} <= {"sent", "failed"}
    assert max(sender.delivered.values()) == 1 and sender.delivered[5] == sender.delivered[6] == 0


def _most_ahead_of_one_rate(times: list[float], rate: float) -> float:
    """Returns how many sends ran ahead of one global schedule at `rate` per second, counted from the first send:
    sends held back by a busy event loop come late and then close together, which is behind the schedule, never
    ahead of it; two limits of `rate` each would be ahead by dozens after a second."""
    times = sorted(times)
    return max(count - (moment - times[0]) * rate for count, moment in enumerate(times, start=1))


async def test_two_workers_together_keep_to_one_global_rate(
    postgres_database: Database, second_process: Database
) -> None:
    chats = list(range(1, 61))
    await add(postgres_database, [in_kassel(chat) for chat in chats])
    sender = ScriptedSender(latency=0.002)
    await running_broadcast(postgres_database)
    config = replace(FAST, rate_per_second=20.0, max_in_flight=4)
    first = BroadcastRunner(postgres_database, sender, config=config, worker="process-a")
    second = BroadcastRunner(second_process, sender, config=config, worker="process-b")
    await asyncio.wait_for(asyncio.gather(first.run_until_idle(), second.run_until_idle()), timeout=60)
    times = [moment for moment, _ in sender.calls]
    assert sender.delivered == {chat: 1 for chat in chats}
    assert first.engine.outcomes["sent"] > 10 and second.engine.outcomes["sent"] > 10  # both really sent
    assert _most_ahead_of_one_rate(times, 20.0) <= 4  # 20 per second between them (a first burst), not 20 each
    assert max(times) - min(times) >= 2.5  # 60 messages at 20/s take three seconds, not one and a half


async def test_a_429_in_one_worker_pauses_the_other_too(postgres_database: Database, second_process: Database) -> None:
    chats = list(range(1, 81))
    await add(postgres_database, [in_kassel(chat) for chat in chats])
    sender = ScriptedSender(script={15: [RateLimited(1.0)]}, latency=0.002)
    await running_broadcast(postgres_database)
    config = replace(FAST, rate_per_second=40.0, max_in_flight=4)
    first = BroadcastRunner(postgres_database, sender, config=config, worker="process-a")
    second = BroadcastRunner(second_process, sender, config=config, worker="process-b")
    await asyncio.wait_for(asyncio.gather(first.run_until_idle(), second.run_until_idle()), timeout=60)
    assert sender.delivered == {chat: 1 for chat in chats}
    flood = min(moment for moment, chat in sender.calls if chat == 15)
    during = [chat for moment, chat in sender.calls if flood + 0.5 < moment < flood + 1.0]
    assert during == []  # after the other worker's reserved sends, nobody sends until the pause is over


async def test_the_shared_row_is_written_again_when_it_went_missing(postgres_database: Database) -> None:
    async with postgres_database.unit_of_work() as session:
        await session.execute(text("DELETE FROM broadcast_pacing"))
    await pacing.pause_everyone(postgres_database, 0.5)
    reservation = await pacing.reserve(postgres_database, 4, interval=0.1)
    assert 0.3 < reservation.starts_in <= 0.5 and 0.3 < reservation.paused_for <= 0.5
    again = await pacing.reserve(postgres_database, 1, interval=0.1)
    assert again.starts_in == pytest.approx(reservation.starts_in + 0.4, abs=0.05)  # after the first block
