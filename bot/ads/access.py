"""Who may search the volunteers' ads and in whose name they may contact someone (ADS_SEARCH_ACCESS).

"verified": members of verified organisations (the default); "members": members of any organisation; "all":
anyone may search. A contact always comes from an organisation: only members of an organisation that the
setting admits may start one, whatever the setting says about searching.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.store.models import Organisation, OrganisationMember


class SearchAccess(StrEnum):
    """Who may search ads (the setting's values)."""

    VERIFIED = "verified"
    MEMBERS = "members"
    ALL = "all"


@dataclass(frozen=True, slots=True)
class ActingOrganisation:
    """An organisation a member may contact people for."""

    id: int
    name: str


async def contacting_organisations(
    session: AsyncSession, telegram_id: int, access: SearchAccess
) -> list[ActingOrganisation]:
    """Returns the organisations this person may contact people for, by id."""
    query = (
        select(Organisation.id, Organisation.name)
        .join(OrganisationMember, OrganisationMember.organisation_id == Organisation.id)
        .where(OrganisationMember.telegram_id == telegram_id)
        .order_by(Organisation.id)
    )
    if access == SearchAccess.VERIFIED:
        query = query.where(Organisation.verified.is_(True))
    return [ActingOrganisation(id_, name) for id_, name in await session.execute(query)]


async def contacting_members(
    session: AsyncSession, access: SearchAccess, *, among: Collection[int] | None = None
) -> set[int]:
    """Returns the Telegram ids of everyone (or of those among the given) who may contact people behind ads in
    some organisation's name."""
    query = select(OrganisationMember.telegram_id).join(Organisation,
                                                        OrganisationMember.organisation_id == Organisation.id)
    if access == SearchAccess.VERIFIED:
        query = query.where(Organisation.verified.is_(True))
    if among is not None:
        query = query.where(OrganisationMember.telegram_id.in_(among))
    return set((await session.scalars(query.distinct())).all())


async def may_search_ads(session: AsyncSession, telegram_id: int, access: SearchAccess) -> bool:
    """Tells whether this person may search the ads."""
    return access == SearchAccess.ALL or bool(await contacting_organisations(session, telegram_id, access))


async def acts_for(session: AsyncSession, telegram_id: int, organisation_id: int, access: SearchAccess) -> bool:
    """Tells whether this person may contact people in this organisation's name (never trusts button data)."""
    return any(org.id == organisation_id for org in await contacting_organisations(session, telegram_id, access))
