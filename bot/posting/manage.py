"""An organisation's own listings: list, pause, resume, renew, delete; expiry and 'Noch aktuell?' reminders."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from bot.domain import ModerationAction, OpportunityStatus
from bot.store.db import rows_affected
from bot.store.models import ModerationEvent, Opportunity, Organisation, OrganisationMember

REMINDER_DAYS_BEFORE = 7
PUBLISHED = OpportunityStatus.PUBLISHED.value
PAUSED = OpportunityStatus.PAUSED.value
EXPIRED = OpportunityStatus.EXPIRED.value


@dataclass(frozen=True)
class OwnListing:
    """One of the person's listings as /meineangebote shows it."""

    id: int
    title: str
    status: str
    place: str | None
    expires_at: datetime | None
    organisation_id: int
    organisation: str  # its name, said when the person belongs to more than one


@dataclass(frozen=True)
class RenewalReminder:
    """A listing about to expire and who to ask 'Noch aktuell?'."""

    opportunity_id: int
    title: str
    expires_at: datetime
    member_ids: tuple[int, ...]


class NotYours(PermissionError):
    """The person is not a member of the listing's organisation (or the listing does not exist)."""


async def own_listings(
    session: AsyncSession, telegram_id: int, *, limit: int = 20, offset: int = 0
) -> list[OwnListing]:
    """Returns the listings of every organisation the person belongs to, newest first (deleted ones hidden)."""
    rows = await session.execute(
        select(Opportunity.id, Opportunity.title, Opportunity.status, Opportunity.place_name, Opportunity.expires_at,
               Organisation.id, Organisation.name)
        .join(OrganisationMember, OrganisationMember.organisation_id == Opportunity.organisation_id)
        .join(Organisation, Organisation.id == Opportunity.organisation_id)
        .where(OrganisationMember.telegram_id == telegram_id, Opportunity.status != "deleted")
        .order_by(Opportunity.id.desc())
        .limit(limit)
        .offset(offset)
    )
    return [OwnListing(*row) for row in rows]


async def organisation_count(session: AsyncSession, telegram_id: int) -> int:
    """Counts the organisations the person belongs to."""
    count = await session.scalar(select(func.count(func.distinct(OrganisationMember.organisation_id)))
                                 .where(OrganisationMember.telegram_id == telegram_id))
    return int(count or 0)


async def own_listing(session: AsyncSession, telegram_id: int, opportunity_id: int) -> Opportunity:
    """Returns a listing of one of the person's organisations (to name it before a change), or refuses."""
    return await _own(session, telegram_id, opportunity_id)


async def pause(session: AsyncSession, telegram_id: int, opportunity_id: int) -> Opportunity:
    """Takes a published listing out of search for now."""
    return await _change(session, telegram_id, opportunity_id, {PUBLISHED}, PAUSED, ModerationAction.PAUSED)


async def resume(session: AsyncSession, telegram_id: int, opportunity_id: int, *, now: datetime) -> Opportunity:
    """Puts a paused listing back into search (if it has not expired meanwhile)."""
    listing = await _own(session, telegram_id, opportunity_id)
    if listing.expires_at is not None and listing.expires_at <= now:
        return await renew(session, telegram_id, opportunity_id, now=now, ttl_days=90)
    return await _change(session, telegram_id, opportunity_id, {PAUSED}, PUBLISHED, ModerationAction.RESUMED)


async def renew(
    session: AsyncSession, telegram_id: int, opportunity_id: int, *, now: datetime, ttl_days: int
) -> Opportunity:
    """Keeps a listing for another period; an expired one comes back into search at once."""
    listing = await _own(session, telegram_id, opportunity_id)
    if listing.status not in {PUBLISHED, PAUSED, EXPIRED}:
        raise NotYours(opportunity_id)
    listing.expires_at = now + timedelta(days=ttl_days)
    listing.renewal_reminded_at = None
    if listing.status == EXPIRED:
        listing.status = PUBLISHED
        listing.published_at = now
    _event(session, listing, telegram_id, ModerationAction.RENEWED)
    await session.flush()
    return listing


async def delete_listing(session: AsyncSession, telegram_id: int, opportunity_id: int) -> None:
    """Removes a listing from the person's organisation (the moderation record keeps that it happened)."""
    listing = await _own(session, telegram_id, opportunity_id)
    # The event outlives the row (its link becomes NULL), so it names the listing in its reason.
    _event(session, listing, telegram_id, ModerationAction.DELETED, reason=f"#{listing.id} {listing.title}")
    await session.flush()
    await session.delete(listing)
    await session.flush()


async def expire_due(session: AsyncSession, *, now: datetime) -> int:
    """Marks published or paused listings past their end as expired; they leave search at once."""
    result = await session.execute(
        update(Opportunity)
        .where(Opportunity.status.in_([PUBLISHED, PAUSED]), Opportunity.expires_at <= now)
        .values(status=EXPIRED, updated_at=now)
    )
    return rows_affected(result)


async def renewal_reminders_due(session: AsyncSession, *, now: datetime, limit: int = 200) -> list[RenewalReminder]:
    """Returns listings expiring within seven days whose members were not asked yet, and marks them asked."""
    soon = now + timedelta(days=REMINDER_DAYS_BEFORE)
    rows = await session.execute(
        select(Opportunity)
        .where(Opportunity.status == PUBLISHED, Opportunity.expires_at <= soon, Opportunity.expires_at > now,
               Opportunity.renewal_reminded_at.is_(None), Opportunity.source == "bot")
        .order_by(Opportunity.expires_at, Opportunity.id)
        .limit(limit)
    )
    reminders = []
    for listing in rows.scalars():
        members = await session.execute(
            select(OrganisationMember.telegram_id).where(OrganisationMember.organisation_id == listing.organisation_id)
        )
        listing.renewal_reminded_at = now
        assert listing.expires_at is not None  # the query selects listings by their end date
        reminders.append(RenewalReminder(listing.id, listing.title, listing.expires_at, tuple(members.scalars())))
    await session.flush()
    return reminders


async def _own(session: AsyncSession, telegram_id: int, opportunity_id: int) -> Opportunity:
    """Loads a listing of one of the person's organisations, or refuses."""
    listing = await session.get(Opportunity, opportunity_id)
    if listing is None:
        raise NotYours(opportunity_id)
    member = await session.execute(
        select(OrganisationMember.id).where(OrganisationMember.organisation_id == listing.organisation_id,
                                            OrganisationMember.telegram_id == telegram_id)
    )
    if member.first() is None:
        raise NotYours(opportunity_id)
    return listing


async def _change(
    session: AsyncSession, telegram_id: int, opportunity_id: int, allowed: set[str], to: str, action: ModerationAction
) -> Opportunity:
    """Moves one of the person's listings from an allowed status to another and records it."""
    listing = await _own(session, telegram_id, opportunity_id)
    if listing.status not in allowed:
        raise NotYours(opportunity_id)
    listing.status = to
    _event(session, listing, telegram_id, action)
    await session.flush()
    return listing


def _event(
    session: AsyncSession, listing: Opportunity, telegram_id: int, action: ModerationAction, reason: str | None = None
) -> None:
    """Records what happened to a listing."""
    session.add(ModerationEvent(opportunity_id=listing.id, organisation_id=listing.organisation_id,
                                actor_telegram_id=telegram_id, action=action.value, reason=reason))
