"""Which own-chat menus must change: rights from ADMIN_IDS, database roles and organisations against kept versions."""

from __future__ import annotations

from telegram.ext import CommandHandler

from bot.ads.access import SearchAccess
from bot.menus.chats import MenuChange, changes, forget_skipped, pending_changes, record
from bot.menus.commands import COMMON_MENU, Menu
from bot.store.db import Database
from bot.store.models import AdminRole
from bot.telegram.registry import handlers
from tests.factories.ad_contacts import make_club

ADMIN, MEMBER, ROLE, UNVERIFIED = 1000, 2001, 2002, 2003
ADMIN_MENU = Menu.for_person(admin=True, member=False)
MEMBER_MENU = Menu.for_person(admin=False, member=True)


def test_versions_tell_menus_apart_and_stay_the_same_for_the_same_menu() -> None:
    both = Menu.for_person(admin=True, member=True)
    assert len({COMMON_MENU.version, ADMIN_MENU.version, MEMBER_MENU.version, both.version}) == 4
    assert Menu.for_person(admin=False, member=True).version == MEMBER_MENU.version
    assert COMMON_MENU.is_common and not MEMBER_MENU.is_common
    assert MEMBER_MENU.entries("en")[-1] == ("volunteers", "Find and contact volunteers (organisations)")


def test_only_chats_whose_version_differs_or_whose_rights_are_gone_change() -> None:
    wanted = {1: MEMBER_MENU, 2: ADMIN_MENU, 3: MEMBER_MENU}
    set_now = {1: MEMBER_MENU.version, 2: MEMBER_MENU.version, 4: ADMIN_MENU.version}
    assert changes(wanted, set_now) == [MenuChange(2, ADMIN_MENU), MenuChange(3, MEMBER_MENU), MenuChange(4, None)]
    assert changes(wanted, {id_: menu.version for id_, menu in wanted.items()}) == []


async def test_admins_roles_and_admitted_members_get_menus_of_their_own(database: Database) -> None:
    async with database.unit_of_work() as session:
        await make_club(session, member=MEMBER)
        await make_club(session, member=UNVERIFIED, verified=False)
        session.add(AdminRole(telegram_id=ROLE, state="Hessen", granted_by=ADMIN))
    async with database.read_only() as session:
        verified = await pending_changes(session, admin_ids=[ADMIN], access=SearchAccess.VERIFIED)
        members = await pending_changes(session, admin_ids=[ADMIN], access=SearchAccess.MEMBERS)
        one = await pending_changes(session, admin_ids=[ADMIN], access=SearchAccess.VERIFIED, among=[ROLE, 9])
    assert verified == [MenuChange(ADMIN, ADMIN_MENU), MenuChange(MEMBER, MEMBER_MENU), MenuChange(ROLE, ADMIN_MENU)]
    assert MenuChange(UNVERIFIED, MEMBER_MENU) in members and len(members) == 4
    assert one == [MenuChange(ROLE, ADMIN_MENU)]


async def test_kept_versions_leave_nothing_to_do_until_rights_change(database: Database) -> None:
    async with database.unit_of_work() as session:
        await make_club(session, member=MEMBER)
    async with database.unit_of_work() as session:
        for change in await pending_changes(session, admin_ids=[ADMIN], access=SearchAccess.VERIFIED):
            await record(session, change)
    async with database.read_only() as session:
        assert await pending_changes(session, admin_ids=[ADMIN], access=SearchAccess.VERIFIED) == []
        dropped = await pending_changes(session, admin_ids=[], access=SearchAccess.VERIFIED)
    assert dropped == [MenuChange(ADMIN, None)]  # no longer in ADMIN_IDS: the common menu comes back
    async with database.unit_of_work() as session:
        await record(session, dropped[0])
        await record(session, MenuChange(MEMBER, ADMIN_MENU))  # written twice (another process): last one holds
    async with database.read_only() as session:
        assert await pending_changes(session, admin_ids=[], access=SearchAccess.VERIFIED) == [
            MenuChange(MEMBER, MEMBER_MENU)]


async def test_a_menu_tried_on_a_gone_chat_waits_until_the_person_writes(database: Database) -> None:
    async with database.unit_of_work() as session:
        await record(session, MenuChange(ADMIN, ADMIN_MENU), skipped=True)
    async with database.unit_of_work() as session:
        assert await pending_changes(session, admin_ids=[ADMIN], access=SearchAccess.VERIFIED) == []
        assert await forget_skipped(session, ADMIN) and not await forget_skipped(session, ADMIN)
        assert await pending_changes(session, admin_ids=[ADMIN], access=SearchAccess.VERIFIED) == [
            MenuChange(ADMIN, ADMIN_MENU)]
        await record(session, MenuChange(ADMIN, ADMIN_MENU))
        assert not await forget_skipped(session, ADMIN)  # set, not skipped: stays
        assert await pending_changes(session, admin_ids=[ADMIN], access=SearchAccess.VERIFIED) == []


def test_a_mistyped_command_is_told_the_one_it_most_likely_means_in_the_language_typed() -> None:
    assert COMMON_MENU.closest("sprach") == "sprache"
    assert COMMON_MENU.closest("Einstelungen") == "einstellungen"
    assert COMMON_MENU.closest("settngs") == "settings"
    assert COMMON_MENU.closest("stop") is None and COMMON_MENU.closest("xyz") is None  # another word: none
    assert COMMON_MENU.closest("pruefn") is None and ADMIN_MENU.closest("pruefn") == "pruefen"  # in one's own menu


def test_a_command_meant_is_also_named_in_the_language_of_the_reply() -> None:
    assert COMMON_MENU.in_language("favourites", "de") == "merkliste"  # "/favoriten" looks like the English name
    assert COMMON_MENU.in_language("einstellungen", "en") == "settings"
    assert COMMON_MENU.in_language("sprache", "de") == "sprache"


def test_every_command_of_the_menus_is_registered_with_both_names() -> None:
    """A menu entry Telegram offers must work when tapped, in either language."""
    registered = {name for handler in handlers() if isinstance(handler, CommandHandler) for name in handler.commands}
    menu = Menu.for_person(admin=True, member=True)
    assert {name for pair in menu.commands for name in pair} <= registered
    assert {"sprache", "language"} <= {name for pair in COMMON_MENU.commands for name in pair}
