"""Factories for broadcast tests: volunteers, contacts, a scripted sender and a broadcast ready to run."""

from __future__ import annotations

import asyncio
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, select

from bot.broadcasts import Announcement, Audience, DeliveryConfig
from bot.domain import BroadcastStatus
from bot.store.db import Database
from bot.store.models import Broadcast, BroadcastDelivery, Organisation, OrganisationMember, Volunteer

KASSEL = (51.3127, 9.4797)
FULDA = (50.5558, 9.6808)  # about 85 km from Kassel
DRESDEN = (51.0504, 13.7373)

# Fast settings for tests: no global limit unless a test sets one, short pauses and polls.
FAST = DeliveryConfig(rate_per_second=None, per_chat_interval=0.0, backoff_base=0.01, poll_seconds=0.02,
                      progress_seconds=0.05, max_in_flight=8)


def volunteer(telegram_id: int, **values: Any) -> Volunteer:
    """Builds a volunteer who gets announcements, with no home place unless given."""
    values.setdefault("interests", [])
    return Volunteer(telegram_id=telegram_id, **values)


def in_kassel(telegram_id: int, **values: Any) -> Volunteer:
    """Builds a volunteer living in Kassel, Hessen."""
    return volunteer(telegram_id, home_lat=KASSEL[0], home_lon=KASSEL[1], home_state="Hessen",
                     home_district="Kassel", **values)


async def add(database: Database, rows: Iterable[object]) -> None:
    """Stores rows in one unit of work."""
    async with database.unit_of_work() as session:
        session.add_all(list(rows))


async def add_contacts(database: Database, name: str, telegram_ids: list[int], **values: Any) -> None:
    """Stores an organisation with the given contact people."""
    async with database.unit_of_work() as session:
        organisation = Organisation(name=name, **values)
        organisation.members = [OrganisationMember(telegram_id=telegram_id) for telegram_id in telegram_ids]
        session.add(organisation)


async def running_broadcast(database: Database, audience: Audience | None = None, *, text: str = "Hallo!",
                            created_by: int = 1000) -> int:
    """Stores a broadcast that is running (as if confirmed and started); returns its id."""
    async with database.unit_of_work() as session:
        broadcast = Broadcast(created_by=created_by, text=text, audience=(audience or Audience()).to_json(),
                              status=BroadcastStatus.RUNNING.value)
        session.add(broadcast)
        await session.flush()
        return broadcast.id


async def delivery_states(database: Database, broadcast_id: int) -> dict[int, tuple[str, str | None]]:
    """Returns chat id -> (state, reason) of every outbox row of a broadcast."""
    async with database.read_only() as session:
        rows = await session.execute(
            select(BroadcastDelivery.chat_id, BroadcastDelivery.state, BroadcastDelivery.reason).where(
                BroadcastDelivery.broadcast_id == broadcast_id
            )
        )
        return {chat_id: (state, reason) for chat_id, state, reason in rows}


async def outbox_size(database: Database, broadcast_id: int) -> int:
    """Counts a broadcast's outbox rows."""
    async with database.read_only() as session:
        query = select(func.count()).where(BroadcastDelivery.broadcast_id == broadcast_id)
        return int((await session.execute(query)).scalar_one())


@dataclass
class ScriptedSender:
    """Records every delivery; `script[chat_id]` lists errors to raise on that chat's next calls, in order."""

    script: dict[int, list[Exception]] = field(default_factory=dict)
    delivered: Counter[int] = field(default_factory=Counter)
    calls: list[tuple[float, int]] = field(default_factory=list)
    latency: float = 0.0
    hang: Callable[[int], bool] = lambda chat_id: False

    async def send(self, chat_id: int, announcement: Announcement) -> None:
        """Raises the next scripted error for the chat, else delivers."""
        self.calls.append((asyncio.get_running_loop().time(), chat_id))
        if self.hang(chat_id):
            await asyncio.Event().wait()
        if self.latency:
            await asyncio.sleep(self.latency)
        errors = self.script.get(chat_id)
        if errors:
            raise errors.pop(0)
        self.delivered[chat_id] += 1
