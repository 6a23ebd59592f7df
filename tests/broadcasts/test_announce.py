"""The admin's use cases: compose, audience within the region, preview, confirm, schedule, cancel, list."""

from __future__ import annotations

import asyncio
from datetime import datetime, timedelta, timezone

import pytest
from tests.factories.broadcasts import FAST, FULDA, ScriptedSender, add, in_kassel, volunteer
from sqlalchemy import select

from bot.admins import AdminScope, NotAllowed, Region
from bot.broadcasts import (
    AnnouncementError,
    Audience,
    BroadcastRunner,
    attach_status_message,
    broadcast_progress,
    cancel,
    confirm,
    create_draft,
    list_broadcasts,
    preview,
    progress_bar,
    set_audience,
)
from bot.domain import BroadcastStatus
from bot.store.db import Database
from bot.store.models import Broadcast

BOSS = AdminScope(1000)
KASSEL_ADMIN = AdminScope(42, (Region("Hessen", "Kassel"),))


async def _town(database: Database) -> None:
    fulda = volunteer(4, home_lat=FULDA[0], home_lon=FULDA[1], home_state="Hessen", home_district="Fulda")
    await add(database, [in_kassel(1), in_kassel(2), in_kassel(3, announcements=False), fulda])


async def test_compose_preview_confirm_and_deliver(database: Database, sender: ScriptedSender) -> None:
    await _town(database)
    async with database.unit_of_work() as session:
        draft = await create_draft(session, admin=BOSS, text="<b>Helferfest</b> am Samstag!", parse_mode="HTML")
        await set_audience(session, admin=BOSS, broadcast_id=draft, audience=Audience(state="Hessen"))
        shown = await preview(session, admin=BOSS, broadcast_id=draft)
        assert shown.recipients == 3 and shown.announcement.text == "<b>Helferfest</b> am Samstag!"
        await confirm(session, admin=BOSS, broadcast_id=draft)
        await attach_status_message(session, admin=BOSS, broadcast_id=draft, chat_id=1000, message_id=77)
    await BroadcastRunner(database, sender, config=FAST).run_until_idle()
    assert set(sender.delivered) == {1, 2, 4}
    async with database.read_only() as session:
        done = await broadcast_progress(session, admin=BOSS, broadcast_id=draft)
    assert (done.status, done.sent, done.remaining, done.fraction) == (BroadcastStatus.DONE, 3, 0, 1.0)
    assert (done.status_chat_id, done.status_message_id) == (1000, 77)
    assert progress_bar(done.fraction) == "▓" * 10 and progress_bar(0.25, 8) == "▓▓░░░░░░"


async def test_regional_admin_drafts_reach_only_their_district(database: Database) -> None:
    await _town(database)
    async with database.unit_of_work() as session:
        draft = await create_draft(session, admin=KASSEL_ADMIN, text="Treffen im Rathaus")
        assert (await preview(session, admin=KASSEL_ADMIN, broadcast_id=draft)).recipients == 2
        with pytest.raises(NotAllowed):
            await set_audience(session, admin=KASSEL_ADMIN, broadcast_id=draft, audience=Audience(state="Hessen"))
        with pytest.raises(NotAllowed):
            await preview(session, admin=AdminScope(43, (Region("Hessen", "Kassel"),)), broadcast_id=draft)
        with pytest.raises(NotAllowed):
            await create_draft(session, admin=None, text="Ich bin kein Admin")


async def test_confirm_checks_the_region_again(database: Database) -> None:
    async with database.unit_of_work() as session:
        draft = await create_draft(session, admin=BOSS, text="Alle in Hessen")
        await set_audience(session, admin=BOSS, broadcast_id=draft, audience=Audience(state="Hessen"))
        # The draft was composed by this admin while acting everywhere; now only Kassel is theirs.
        demoted = AdminScope(1000, (Region("Hessen", "Kassel"),))
        with pytest.raises(NotAllowed):
            await confirm(session, admin=demoted, broadcast_id=draft)


async def test_unsendable_messages_are_refused(database: Database) -> None:
    async with database.unit_of_work() as session:  # it writes a draft: read-only sessions refuse
        with pytest.raises(AnnouncementError, match="empty"):
            await create_draft(session, admin=BOSS, text="   ")
        with pytest.raises(AnnouncementError, match="4097"):
            await create_draft(session, admin=BOSS, text="x" * 4097)
        with pytest.raises(AnnouncementError, match="1024"):
            await create_draft(session, admin=BOSS, text="x" * 1100, photo_file_id="photo-1")
        with pytest.raises(AnnouncementError, match="parse mode"):
            await create_draft(session, admin=BOSS, text="x", parse_mode="Markdown2")
        assert await create_draft(session, admin=BOSS, text="x" * 4096)


async def test_scheduled_broadcast_starts_only_when_due(database: Database, sender: ScriptedSender) -> None:
    await _town(database)
    soon = datetime.now(timezone.utc) + timedelta(seconds=0.4)
    async with database.unit_of_work() as session:
        draft = await create_draft(session, admin=BOSS, text="Erinnerung")
        with pytest.raises(AnnouncementError, match="time zone"):
            await confirm(session, admin=BOSS, broadcast_id=draft, at=datetime(2030, 1, 1))
        assert await confirm(session, admin=BOSS, broadcast_id=draft, at=soon) == soon
        with pytest.raises(AnnouncementError, match="no draft"):
            await confirm(session, admin=BOSS, broadcast_id=draft)
    runner = BroadcastRunner(database, sender, config=FAST)
    await runner.run_until_idle()  # not due yet: nothing to do
    assert not sender.delivered
    while datetime.now(timezone.utc) < soon:
        await asyncio.sleep(0.05)
    await BroadcastRunner(database, sender, config=FAST).run_until_idle()
    assert set(sender.delivered) == {1, 2, 4}


async def test_cancel_a_scheduled_broadcast_and_list_running_first(database: Database) -> None:
    async with database.unit_of_work() as session:
        later = await create_draft(session, admin=BOSS, text="Später")
        await confirm(session, admin=BOSS, broadcast_id=later, at=datetime.now(timezone.utc) + timedelta(days=1))
        draft = await create_draft(session, admin=BOSS, text="Entwurf")
        own = await create_draft(session, admin=KASSEL_ADMIN, text="Kassel")
    async with database.unit_of_work() as session:
        listed = await list_broadcasts(session, admin=BOSS)
        assert [item.broadcast_id for item in listed] == [later, own, draft]
        assert [item.broadcast_id for item in await list_broadcasts(session, admin=KASSEL_ADMIN)] == [own]
        with pytest.raises(NotAllowed):
            await cancel(session, admin=KASSEL_ADMIN, broadcast_id=later)
        assert await cancel(session, admin=BOSS, broadcast_id=later)
        assert not await cancel(session, admin=BOSS, broadcast_id=later)
    async with database.read_only() as session:
        cancelled = (await session.execute(select(Broadcast).where(Broadcast.id == later))).scalar_one()
    assert cancelled.status == BroadcastStatus.CANCELLED and cancelled.finished_at is not None
