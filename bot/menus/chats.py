"""Which own-chat menu each person should have, and which chats differ from what was last set there.

A person has a menu of their own chat when they are an admin (ADMIN_IDS or a role in the database) or may
contact volunteers for an organisation (ADS_SEARCH_ACCESS); everybody else sees the common menu. The version
set last in each chat is kept in chat_menus: a chat whose version differs needs its menu set, a chat with a
row but no menu of its own any more needs the common menu back (reset), every other chat needs nothing. A chat
that was gone when its menu was tried keeps that version as tried (not sent again) until the person writes.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.admins import admin_scope, list_admins
from bot.ads.access import SearchAccess, contacting_members
from bot.menus.commands import Menu
from bot.store.db import rows_affected
from bot.store.dialect import dialect_insert
from bot.store.models import ChatMenu
from bot.store.models.base import table_of
from bot.store.types import utcnow


@dataclass(frozen=True, slots=True)
class MenuChange:
    """One chat whose menu must change: to `menu`, or back to the common menu when `menu` is None."""

    telegram_id: int
    menu: Menu | None


async def own_menus(
    session: AsyncSession, *, admin_ids: Collection[int], access: SearchAccess, among: Collection[int] | None = None
) -> dict[int, Menu]:
    """Returns the own-chat menu of everyone who should have one (or of those among the given ids)."""
    if among is None:
        admins = {grant.telegram_id for grant in await list_admins(session, admin_ids=admin_ids)}
    else:
        admins = {id_ for id_ in among if await admin_scope(session, id_, admin_ids=admin_ids) is not None}
    members = await contacting_members(session, access, among=among)
    return {id_: Menu.for_person(admin=id_ in admins, member=id_ in members) for id_ in admins | members}


async def menus_set(session: AsyncSession, *, among: Collection[int] | None = None) -> dict[int, str]:
    """Returns the version of the menu last set in each chat that has one of its own (or of those given)."""
    query = select(ChatMenu.telegram_id, ChatMenu.version)
    if among is not None:
        query = query.where(ChatMenu.telegram_id.in_(among))
    return {id_: version for id_, version in await session.execute(query)}


def changes(wanted: dict[int, Menu], set_now: dict[int, str]) -> list[MenuChange]:
    """Returns the chats whose menu must be set (version differs) or reset (no own menu any more), by id."""
    to_set = [MenuChange(id_, menu) for id_, menu in wanted.items() if set_now.get(id_) != menu.version]
    to_reset = [MenuChange(id_, None) for id_ in set_now.keys() - wanted.keys()]
    return sorted(to_set + to_reset, key=lambda change: change.telegram_id)


async def pending_changes(
    session: AsyncSession, *, admin_ids: Collection[int], access: SearchAccess, among: Collection[int] | None = None
) -> list[MenuChange]:
    """Returns what must change in the chats' menus (of everyone, or of those among the given ids)."""
    wanted = await own_menus(session, admin_ids=admin_ids, access=access, among=among)
    return changes(wanted, await menus_set(session, among=among))


async def record(session: AsyncSession, change: MenuChange, *, skipped: bool = False) -> None:
    """Keeps what was set in a chat: the menu's version, or no row for the common menu.

    skipped: Telegram refused the menu (the chat is gone); its version is kept as tried, so it is not sent again
    until it changes or the person writes /start (forget_skipped). A gone chat has nothing to take back.
    """
    if change.menu is None:
        await session.execute(delete(ChatMenu).where(ChatMenu.telegram_id == change.telegram_id))
        return
    now = utcnow()
    values = {"version": change.menu.version, "set_at": now, "skipped_at": now if skipped else None}
    insert = dialect_insert(session, table_of(ChatMenu)).values(telegram_id=change.telegram_id, **values)
    # Another process may have set the same chat meanwhile: the last one to set it says what is there.
    await session.execute(insert.on_conflict_do_update(index_elements=["telegram_id"], set_=values))


async def forget_skipped(session: AsyncSession, telegram_id: int) -> bool:
    """Forgets that this person's chat was gone (they just wrote to the bot); tells whether it had been."""
    result = await session.execute(delete(ChatMenu).where(ChatMenu.telegram_id == telegram_id,
                                                          ChatMenu.skipped_at.is_not(None)))
    return rows_affected(result) > 0
