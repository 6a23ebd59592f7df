"""The delivery engine through an offline sender: outcomes, 429/403/400/timeouts, pacing, cancel, resume."""

from __future__ import annotations

import asyncio
from dataclasses import replace

from sqlalchemy import select

from bot.broadcasts import (
    Audience,
    Blocked,
    BroadcastRunner,
    ChatNotFound,
    RateLimited,
    Rejected,
    Report,
    Transient,
)
from bot.broadcasts.outbox import write_outbox
from bot.domain import BroadcastStatus
from bot.store.db import Database
from bot.store.models import Broadcast, BroadcastDelivery, Volunteer, table_of
from bot.volunteers import get_or_create_volunteer
from tests.factories.broadcasts import (
    FAST, ScriptedSender, add, add_contacts, delivery_states, in_kassel, outbox_size, running_broadcast,
)

SENT = ("sent", None)


async def _town(database: Database, size: int) -> list[int]:
    """Stores `size` volunteers with chat ids 1..size."""
    await add(database, [in_kassel(chat_id) for chat_id in range(1, size + 1)])
    return list(range(1, size + 1))


async def _status(database: Database, broadcast_id: int) -> str:
    async with database.read_only() as session:
        return (await session.execute(select(Broadcast.status).where(Broadcast.id == broadcast_id))).scalar_one()


async def test_everyone_gets_one_message_and_the_end_is_reported_once(
    any_database: Database, sender: ScriptedSender
) -> None:
    chats = await _town(any_database, 25)
    broadcast_id = await running_broadcast(any_database)
    reports: list[Report] = []

    async def finished(report: Report) -> None:
        reports.append(report)

    await BroadcastRunner(any_database, sender, config=FAST, on_finished=finished).run_until_idle()
    assert sender.delivered == {chat: 1 for chat in chats}
    assert set((await delivery_states(any_database, broadcast_id)).values()) == {SENT}
    assert await _status(any_database, broadcast_id) == BroadcastStatus.DONE
    assert len(reports) == 1 and reports[0].progress.sent == 25 and reports[0].progress.remaining == 0


async def test_429_pauses_everything_and_the_message_is_sent_after_the_pause(any_database: Database) -> None:
    chats = await _town(any_database, 6)
    sender = ScriptedSender(script={3: [RateLimited(0.3)]})
    broadcast_id = await running_broadcast(any_database)
    await BroadcastRunner(any_database, sender, config=replace(FAST, max_in_flight=1)).run_until_idle()
    assert sender.delivered == {chat: 1 for chat in chats}
    times = dict((chat, t) for t, chat in reversed(sender.calls))  # first call per chat
    after = [t for t, chat in sender.calls if t > times[3]]
    assert min(after) - times[3] >= 0.3  # nothing at all was sent during the pause
    async with any_database.read_only() as session:
        attempts = (await session.execute(select(BroadcastDelivery.attempts).where(
            BroadcastDelivery.broadcast_id == broadcast_id, BroadcastDelivery.chat_id == 3))).scalar_one()
    assert attempts == 1  # the 429 was not counted as an attempt


async def test_blocked_person_is_marked_never_retried_and_left_out_of_later_broadcasts(
    any_database: Database,
) -> None:
    await _town(any_database, 5)
    sender = ScriptedSender(script={2: [Blocked("403 Forbidden: bot was blocked by the user")]})
    first = await running_broadcast(any_database)
    await BroadcastRunner(any_database, sender, config=FAST).run_until_idle()
    assert (await delivery_states(any_database, first))[2] == ("blocked", "403 Forbidden: bot was blocked by the user")
    assert [chat for _, chat in sender.calls].count(2) == 1
    async with any_database.read_only() as session:
        assert (await session.execute(select(Volunteer.blocked).where(Volunteer.telegram_id == 2))).scalar_one()
    second = await running_broadcast(any_database)
    await BroadcastRunner(any_database, sender, config=FAST).run_until_idle()
    assert 2 not in await delivery_states(any_database, second)


async def test_a_contact_who_blocked_the_bot_is_left_out_of_later_broadcasts_too(any_database: Database) -> None:
    await add_contacts(any_database, "Tafel Kassel e.V.", [301, 302], state="Hessen", district="Kassel")
    contacts = Audience(volunteers=False, contacts=True)
    sender = ScriptedSender(script={301: [Blocked("403 Forbidden: bot was blocked by the user")]})
    first = await running_broadcast(any_database, contacts)
    await BroadcastRunner(any_database, sender, config=FAST).run_until_idle()
    assert (await delivery_states(any_database, first))[301][0] == "blocked"
    second = await running_broadcast(any_database, contacts)
    await BroadcastRunner(any_database, sender, config=FAST).run_until_idle()
    assert await delivery_states(any_database, second) == {302: SENT}
    assert [chat for _, chat in sender.calls].count(301) == 1
    async with any_database.unit_of_work() as session:  # they write to the bot: unblocked, in their language
        person = await get_or_create_volunteer(session, 301, language_code="en")
        assert person.language == "en" and not person.blocked


async def test_chat_not_found_and_rejected_requests_fail_without_retry(any_database: Database) -> None:
    await _town(any_database, 4)
    sender = ScriptedSender(script={1: [ChatNotFound("400 Bad Request: chat not found")],
                                    2: [Rejected("400 Bad Request: can't parse entities")]})
    broadcast_id = await running_broadcast(any_database)
    await BroadcastRunner(any_database, sender, config=FAST).run_until_idle()
    states = await delivery_states(any_database, broadcast_id)
    assert states[1] == ("failed", "400 Bad Request: chat not found")
    assert states[2] == ("failed", "400 Bad Request: can't parse entities")
    assert states[3] == states[4] == SENT
    assert sorted(chat for _, chat in sender.calls) == [1, 2, 3, 4]


async def test_timeouts_are_retried_with_backoff_a_bounded_number_of_times(database: Database) -> None:
    await _town(database, 3)
    sender = ScriptedSender(script={
        1: [Transient("timeout"), Transient("network: reset")],
        2: [Transient("timeout")] * 10,
    })
    broadcast_id = await running_broadcast(database)
    config = replace(FAST, max_attempts=4, backoff_base=0.05)
    await BroadcastRunner(database, sender, config=config).run_until_idle()
    states = await delivery_states(database, broadcast_id)
    assert states[1] == SENT and sender.delivered[1] == 1
    assert states[2] == ("failed", "timeout (after 4 attempts)")
    calls_to_2 = [t for t, chat in sender.calls if chat == 2]
    assert len(calls_to_2) == 4
    gaps = [later - earlier for earlier, later in zip(calls_to_2, calls_to_2[1:])]
    assert gaps[0] >= 0.05 and gaps[1] >= 0.1 and gaps[2] >= 0.2  # the pause doubles


async def test_timeouts_that_may_have_delivered_can_be_made_final(database: Database) -> None:
    await _town(database, 2)
    sender = ScriptedSender(script={1: [Transient("read timeout", maybe_delivered=True)],
                                    2: [Transient("connect failed", maybe_delivered=False)]})
    broadcast_id = await running_broadcast(database)
    await BroadcastRunner(database, sender, config=replace(FAST, retry_maybe_delivered=False)).run_until_idle()
    states = await delivery_states(database, broadcast_id)
    assert states[1] == ("failed", "read timeout (after 1 attempts)")
    assert states[2] == SENT


async def test_global_rate_is_kept(database: Database, sender: ScriptedSender) -> None:
    await _town(database, 21)
    await running_broadcast(database)
    await BroadcastRunner(database, sender, config=replace(FAST, rate_per_second=50.0)).run_until_idle()
    times = sorted(t for t, _ in sender.calls)
    # Slots are booked evenly: the k-th message never goes out before k intervals have passed (a late
    # wake-up may shorten one gap, but never lets the sends run ahead of the schedule).
    assert all(t - times[0] >= k / 50 - 0.002 for k, t in enumerate(times))
    assert times[-1] - times[0] >= 20 / 50 - 0.002


async def test_two_broadcasts_to_the_same_people_keep_a_gap_per_chat(
    database: Database, sender: ScriptedSender
) -> None:
    chats = await _town(database, 5)
    await running_broadcast(database, text="Erste")
    await running_broadcast(database, text="Zweite")
    await BroadcastRunner(database, sender, config=replace(FAST, per_chat_interval=0.3)).run_until_idle()
    assert sender.delivered == {chat: 2 for chat in chats}
    for chat in chats:
        first, second = sorted(t for t, c in sender.calls if c == chat)
        assert second - first >= 0.3 * 0.95


async def test_cancel_stops_claiming_and_finalises_the_rest(any_database: Database, sender: ScriptedSender) -> None:
    await _town(any_database, 40)
    broadcast_id = await running_broadcast(any_database)
    runner = BroadcastRunner(any_database, sender, config=replace(FAST, rate_per_second=40.0))
    reports: list[Report] = []
    runner.on_finished = lambda report: _append(reports, report)
    delivering = asyncio.create_task(runner.run_until_idle())
    while sum(sender.delivered.values()) < 8:
        await asyncio.sleep(0.01)
    async with any_database.unit_of_work() as session:
        broadcast = await session.get(Broadcast, broadcast_id)
        assert broadcast is not None
        broadcast.status = BroadcastStatus.CANCELLED.value
    await asyncio.wait_for(delivering, timeout=10)
    states = await delivery_states(any_database, broadcast_id)
    sent = {chat for chat, state in states.items() if state == SENT}
    assert sent == set(sender.delivered) and 8 <= len(sent) < 40
    assert {state for chat, state in states.items() if chat not in sent} == {("failed", "cancelled")}
    assert len(reports) == 1 and reports[0].progress.status == BroadcastStatus.CANCELLED
    assert reports[0].reasons == {"cancelled": 40 - len(sent)}


async def _append(reports: list[Report], report: Report) -> None:
    reports.append(report)


async def test_abrupt_stop_leaves_rows_in_flight_which_a_restart_never_resends(database: Database) -> None:
    chats = await _town(database, 30)
    hanging = {7, 8}
    sender = ScriptedSender(hang=lambda chat: chat in hanging)
    broadcast_id = await running_broadcast(database)
    first = BroadcastRunner(database, sender, config=replace(FAST, rate_per_second=200.0, max_in_flight=4))
    await first.start()
    while sum(sender.delivered.values()) < 12:
        await asyncio.sleep(0.01)
    await first.stop(grace=0)  # like kill -9: the requests in flight are abandoned mid-way
    in_flight = {chat for chat, (state, _) in (await delivery_states(database, broadcast_id)).items()
                 if state == "sending"}
    assert hanging <= in_flight and len(in_flight) <= 4
    never_arrived = set(hanging)
    hanging.clear()
    await BroadcastRunner(database, sender, config=FAST).run_until_idle()
    states = await delivery_states(database, broadcast_id)
    assert {states[chat] for chat in in_flight} == {("failed", "unknown after crash")}
    assert all(states[chat] == SENT and sender.delivered[chat] == 1 for chat in chats if chat not in in_flight)
    # In doubt after the crash: delivered or not, but never twice (and never resent).
    assert all(sender.delivered[chat] <= 1 for chat in in_flight)
    assert all(sender.delivered[chat] == 0 for chat in never_arrived)
    assert await _status(database, broadcast_id) == BroadcastStatus.DONE


async def test_interrupted_audience_writing_resumes_without_resending(
    any_database: Database, sender: ScriptedSender
) -> None:
    chats = await _town(any_database, 12)
    broadcast_id = await running_broadcast(any_database, Audience())
    await write_outbox(any_database, broadcast_id, Audience(interests=frozenset()), page=5)
    async with any_database.unit_of_work() as session:  # as if the first process wrote everything, sent some, died
        await session.execute(table_of(BroadcastDelivery).delete().where(BroadcastDelivery.chat_id > 8))
        await session.execute(table_of(BroadcastDelivery).update().where(BroadcastDelivery.chat_id <= 3)
                              .values(state="sent", attempts=1))
        (await session.get(Broadcast, broadcast_id)).audience_complete = False  # type: ignore[union-attr]
    await BroadcastRunner(any_database, sender, config=FAST).run_until_idle()
    assert sorted(sender.delivered) == chats[3:]
    assert await outbox_size(any_database, broadcast_id) == 12
    assert set((await delivery_states(any_database, broadcast_id)).values()) == {SENT}


async def test_stop_always_ends_the_background_loop(database: Database, sender: ScriptedSender) -> None:
    # Python 3.11's wait_for can lose a cancellation that arrives as its wait ends (CPython gh-86296);
    # stop() must end the loop anyway, however the timing falls.
    for _ in range(40):
        runner = BroadcastRunner(database, sender, config=replace(FAST, poll_seconds=0.001))
        await runner.start()
        await asyncio.sleep(0.003)
        runner.wake()  # the wait ends just as stop() cancels it
        await asyncio.wait_for(runner.stop(), timeout=5)
