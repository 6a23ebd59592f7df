"""Admin roles: ADMIN_IDS act everywhere, database roles may be regional, only admins acting everywhere grant."""

from __future__ import annotations

import pytest

from bot.admins import (
    AdminScope, NotAllowed, Region, admin_scope, grant_admin, list_admins, require_admin, revoke_admin,
)
from bot.store.db import Database

ADMIN_IDS = [1000]


async def test_admin_from_settings_acts_everywhere_and_others_are_no_admins(database: Database) -> None:
    async with database.read_only() as session:
        assert await admin_scope(session, 1000, admin_ids=ADMIN_IDS) == AdminScope(1000)
        assert await admin_scope(session, 55, admin_ids=ADMIN_IDS) is None
    with pytest.raises(NotAllowed):
        require_admin(None)


async def test_granted_regional_roles_limit_the_admin(database: Database) -> None:
    boss = AdminScope(1000)
    async with database.unit_of_work() as session:
        assert await grant_admin(session, by=boss, telegram_id=7, region=Region("Hessen", "Kassel"))
        assert await grant_admin(session, by=boss, telegram_id=7, region=Region("Sachsen"))
        assert not await grant_admin(session, by=boss, telegram_id=7, region=Region("Sachsen"))  # already there
    async with database.read_only() as session:
        scope = await admin_scope(session, 7, admin_ids=ADMIN_IDS)
    assert scope == AdminScope(7, (Region("Hessen", "Kassel"), Region("Sachsen")))
    assert scope.covers("Hessen", "Kassel") and scope.covers("Sachsen", "Leipzig")
    assert not scope.covers("Hessen", "Fulda") and not scope.covers("Hessen", None)


async def test_role_without_region_makes_a_full_admin(database: Database) -> None:
    async with database.unit_of_work() as session:
        await grant_admin(session, by=AdminScope(1000), telegram_id=8)
        await grant_admin(session, by=AdminScope(1000), telegram_id=8, region=Region("Hessen"))
    async with database.read_only() as session:
        scope = await admin_scope(session, 8, admin_ids=ADMIN_IDS)
    assert scope is not None and scope.is_global


async def test_only_admins_acting_everywhere_grant_and_revoke(database: Database) -> None:
    regional = AdminScope(7, (Region("Hessen"),))
    async with database.unit_of_work() as session:
        with pytest.raises(NotAllowed):
            await grant_admin(session, by=regional, telegram_id=9, region=Region("Hessen"))
        with pytest.raises(NotAllowed):
            await grant_admin(session, by=None, telegram_id=9)
        await grant_admin(session, by=AdminScope(1000), telegram_id=9, region=Region("Hessen"))
        with pytest.raises(NotAllowed):
            await revoke_admin(session, by=regional, telegram_id=9, region=Region("Hessen"))
    async with database.unit_of_work() as session:
        assert await revoke_admin(session, by=AdminScope(1000), telegram_id=9, region=Region("Hessen"))
        assert not await revoke_admin(session, by=AdminScope(1000), telegram_id=9, region=Region("Hessen"))
    async with database.read_only() as session:
        assert await admin_scope(session, 9, admin_ids=ADMIN_IDS) is None


async def test_admin_list_shows_settings_and_database_roles(database: Database) -> None:
    async with database.unit_of_work() as session:
        await grant_admin(session, by=AdminScope(1000), telegram_id=7, region=Region("Hessen", "Kassel"))
    async with database.read_only() as session:
        grants = await list_admins(session, admin_ids=ADMIN_IDS)
    assert [(g.telegram_id, g.region, g.granted_by, g.from_settings) for g in grants] == [
        (1000, None, None, True),
        (7, Region("Hessen", "Kassel"), 1000, False),
    ]
