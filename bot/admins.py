"""Who may administer the bot, and where: ADMIN_IDS from the settings plus roles granted in the database.

An admin from ADMIN_IDS, or with a database role that names no region, acts everywhere. A role with a state
(and optionally a district) limits the admin to that region; an admin may hold several such roles. Use cases
check the scope themselves (moderation, broadcasts), so a forged button or a handler that forgets a check
cannot widen it.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from sqlalchemy import ColumnElement, delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.store.models import AdminRole


class NotAllowed(PermissionError):
    """The person is not an admin, or acts outside their region."""


@dataclass(frozen=True, slots=True)
class Region:
    """A state, or a district within a state (None means the whole state)."""

    state: str
    district: str | None = None

    def covers(self, state: str | None, district: str | None) -> bool:
        """Tells whether a place given by state and district lies in this region."""
        if state != self.state:
            return False
        return self.district is None or district == self.district


@dataclass(frozen=True, slots=True)
class AdminScope:
    """An admin and the regions they act in; no regions means everywhere."""

    telegram_id: int
    regions: tuple[Region, ...] = ()

    @property
    def is_global(self) -> bool:
        """Tells whether this admin acts everywhere."""
        return not self.regions

    def covers(self, state: str | None, district: str | None) -> bool:
        """Tells whether the admin may act on something in this state and district."""
        return self.is_global or any(region.covers(state, district) for region in self.regions)


@dataclass(frozen=True, slots=True)
class AdminGrant:
    """One admin role as listed to admins."""

    telegram_id: int
    region: Region | None
    granted_by: int | None
    from_settings: bool = False


async def admin_scope(session: AsyncSession, telegram_id: int, *, admin_ids: Collection[int]) -> AdminScope | None:
    """Returns the person's admin scope, or None when they are no admin."""
    if telegram_id in admin_ids:
        return AdminScope(telegram_id)
    rows = (await session.execute(select(AdminRole).where(AdminRole.telegram_id == telegram_id))).scalars().all()
    if not rows:
        return None
    if any(row.state is None for row in rows):
        return AdminScope(telegram_id)
    regions = sorted({Region(row.state, row.district) for row in rows if row.state}, key=_region_key)
    return AdminScope(telegram_id, tuple(regions))


def require_admin(scope: AdminScope | None) -> AdminScope:
    """Returns the scope, or raises NotAllowed for someone who is no admin."""
    if scope is None:
        raise NotAllowed("not an admin")
    return scope


async def grant_admin(
    session: AsyncSession, *, by: AdminScope | None, telegram_id: int, region: Region | None = None
) -> bool:
    """Grants an admin role (everywhere, or in a region); only admins acting everywhere may grant.

    Returns False when the role existed already.
    """
    granting = _require_global(by)
    if region is not None and region.district is not None and not region.state:
        raise ValueError("a district needs its state")
    state = region.state if region else None
    district = region.district if region else None
    existing = await session.execute(select(AdminRole.id).where(*_role_filter(telegram_id, state, district)))
    if existing.first() is not None:
        return False
    session.add(AdminRole(telegram_id=telegram_id, state=state, district=district, granted_by=granting.telegram_id))
    await session.flush()
    return True


async def revoke_admin(
    session: AsyncSession, *, by: AdminScope | None, telegram_id: int, region: Region | None = None
) -> bool:
    """Removes one admin role granted in the database; returns whether there was one."""
    _require_global(by)
    state = region.state if region else None
    district = region.district if region else None
    result = await session.execute(delete(AdminRole).where(*_role_filter(telegram_id, state, district)))
    return bool(result.rowcount)  # type: ignore[attr-defined]


async def list_admins(session: AsyncSession, *, admin_ids: Collection[int]) -> list[AdminGrant]:
    """Lists the admins from the settings and every role granted in the database."""
    grants = [AdminGrant(telegram_id, None, None, from_settings=True) for telegram_id in sorted(admin_ids)]
    rows = (await session.execute(select(AdminRole).order_by(AdminRole.telegram_id, AdminRole.id))).scalars()
    for row in rows:
        region = Region(row.state, row.district) if row.state else None
        grants.append(AdminGrant(row.telegram_id, region, row.granted_by))
    return grants


def _require_global(scope: AdminScope | None) -> AdminScope:
    """Returns the scope of an admin acting everywhere, or raises NotAllowed."""
    if scope is None or not scope.is_global:
        raise NotAllowed("only admins without a regional limit may grant or revoke roles")
    return scope


def _role_filter(telegram_id: int, state: str | None, district: str | None) -> list[ColumnElement[bool]]:
    """Matches one role row; NULL needs IS NULL, so equality alone would miss roles without a region."""
    return [
        AdminRole.telegram_id == telegram_id,
        AdminRole.state.is_(None) if state is None else AdminRole.state == state,
        AdminRole.district.is_(None) if district is None else AdminRole.district == district,
    ]


def _region_key(region: Region) -> tuple[str, str]:
    """Orders regions by state, then district (whole state first)."""
    return region.state, region.district or ""


async def admins_covering(
    session: AsyncSession, state: str | None, district: str | None, *, admin_ids: Collection[int]
) -> list[int]:
    """Returns the admins (from the settings and the database) whose region covers a place."""
    granted = (await session.execute(select(AdminRole.telegram_id).distinct())).scalars().all()
    found = []
    for telegram_id in sorted(set(admin_ids) | set(granted)):
        scope = await admin_scope(session, telegram_id, admin_ids=admin_ids)
        if scope is not None and scope.covers(state, district):
            found.append(telegram_id)
    return found
