"""The moderation queue and decisions, limited to the region an admin is responsible for."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Protocol

from sqlalchemy import Row, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.admins import NotAllowed
from bot.domain import ModerationAction, OpportunityStatus
from bot.store.models import ModerationEvent, Opportunity, Organisation

_WORD = re.compile(r"[^\W\d_]{2,}")  # two letters in a row: "Spam" and "zu kurz" say why, "👎", "?" and "x" do not
_AGE = re.compile(r"\d{1,2}\s?\+|\b[UuÜü]\d{1,2}\b")  # an age limit says why too: "18+", "U18"


class Scope(Protocol):
    """Who is acting and where they may act (bot.admins.AdminScope)."""

    @property
    def telegram_id(self) -> int:
        """The admin's Telegram id."""

    def covers(self, state: str | None, district: str | None) -> bool:
        """Tells whether a listing in that state and district is theirs to moderate."""


@dataclass(frozen=True)
class QueueEntry:
    """A listing waiting for review, with what the admin needs to decide."""

    opportunity_id: int
    title: str
    organisation_id: int
    organisation: str
    place: str | None
    state: str | None
    district: str | None
    submitted_at: datetime
    description: str = ""


@dataclass(frozen=True)
class Decision:
    """The outcome of a decision, for notifying the organisation; None fields when refused."""

    opportunity_id: int
    status: str
    organisation_id: int
    title: str
    reason: str | None
    member_ids: tuple[int, ...]
    action: str


class NotPending(LookupError):
    """The listing is not waiting for review any more (already decided, deleted, or unknown)."""


@dataclass(frozen=True)
class QueuePage:
    """One page of the review queue: its entries, how many wait in all, and how many per state."""

    entries: list[QueueEntry]
    total: int  # waiting in the admin's region (and the chosen state, if any)
    offset: int
    limit: int
    by_state: dict[str, int]  # waiting per state in the admin's region, before the state filter ("" = online)

    @property
    def has_more(self) -> bool:
        """Tells whether newer submissions follow this page."""
        return self.offset + len(self.entries) < self.total


async def pending_queue(session: AsyncSession, scope: Scope, *, limit: int = 20) -> list[QueueEntry]:
    """Returns the oldest listings waiting for review in the admin's region."""
    return (await queue_page(session, scope, limit=limit)).entries


async def queue_page(
    session: AsyncSession, scope: Scope, *, offset: int = 0, limit: int = 10, state: str | None = None
) -> QueuePage:
    """Returns one page of the listings waiting in the admin's region (one state of it if given), oldest first.

    The region check is the scope's own (states and districts), so the ids and places of every pending listing
    are read to count them; the queue holds hundreds at most, and only the page's rows are loaded whole.
    """
    waiting = await session.execute(
        select(Opportunity.id, Opportunity.state, Opportunity.district)
        .where(Opportunity.status == OpportunityStatus.PENDING.value)
        .order_by(Opportunity.updated_at, Opportunity.id)
    )
    by_state: dict[str, int] = {}
    chosen: list[int] = []
    for id_, listing_state, district in waiting:
        if not scope.covers(listing_state, district):
            continue
        by_state[listing_state or ""] = by_state.get(listing_state or "", 0) + 1
        if state is None or (listing_state or "") == state:
            chosen.append(id_)
    offset = max(0, min(offset, max(len(chosen) - 1, 0)))
    page_ids = chosen[offset:offset + limit]
    rows: Iterable[Row[Opportunity, str]] = await session.execute(
        select(Opportunity, Organisation.name)
        .join(Organisation, Organisation.id == Opportunity.organisation_id)
        .where(Opportunity.id.in_(page_ids))
    ) if page_ids else []
    loaded = {listing.id: (listing, organisation) for listing, organisation in rows}
    entries = [
        QueueEntry(listing.id, listing.title, listing.organisation_id, organisation, listing.place_name,
                   listing.state, listing.district, listing.updated_at, listing.description or "")
        for listing, organisation in (loaded[id_] for id_ in page_ids if id_ in loaded)
    ]
    return QueuePage(entries, len(chosen), offset, limit, by_state)


async def approve(session: AsyncSession, scope: Scope, opportunity_id: int, *, now: datetime) -> Decision:
    """Publishes a pending listing and records who approved it."""
    listing = await pending_listing(session, scope, opportunity_id)
    listing.status = OpportunityStatus.PUBLISHED.value
    listing.published_at = now
    if listing.expires_at is None or listing.expires_at < now:
        listing.expires_at = now + timedelta(days=90)
    return await _record(session, scope, listing, ModerationAction.APPROVED, None)


def says_why(reason: str) -> bool:
    """Tells whether a rejection reason has a word in it: the organisation is told it to know what to change, and
    an emoji or a dot alone tells them nothing."""
    return bool(_WORD.search(reason) or _AGE.search(reason))


async def reject(session: AsyncSession, scope: Scope, opportunity_id: int, *, reason: str) -> Decision:
    """Rejects a pending listing with a reason the organisation is told (in words: says_why)."""
    reason = reason.strip()[:1000]
    if not says_why(reason):
        raise ValueError("a rejection needs a reason in words")
    listing = await pending_listing(session, scope, opportunity_id)
    listing.status = OpportunityStatus.REJECTED.value
    return await _record(session, scope, listing, ModerationAction.REJECTED, reason)


async def verify_organisation(session: AsyncSession, scope: Scope, organisation_id: int) -> bool:
    """Marks an organisation as verified (it publishes directly from now on); False when unknown."""
    organisation = await session.get(Organisation, organisation_id)
    if organisation is None:
        return False
    if not scope.covers(organisation.state, organisation.district):
        raise NotAllowed(organisation_id)
    organisation.verified = True
    session.add(ModerationEvent(organisation_id=organisation_id, actor_telegram_id=scope.telegram_id,
                                action=ModerationAction.ORGANISATION_VERIFIED.value))
    return True


async def record_edit(session: AsyncSession, scope: Scope, listing: Opportunity) -> Decision:
    """Records that an admin changed a pending listing; it stays pending and the organisation is told."""
    return await _record(session, scope, listing, ModerationAction.EDITED, None)


async def history(session: AsyncSession, opportunity_id: int) -> list[ModerationEvent]:
    """Returns every recorded event of a listing, oldest first."""
    result = await session.execute(
        select(ModerationEvent).where(ModerationEvent.opportunity_id == opportunity_id).order_by(ModerationEvent.id)
    )
    return list(result.scalars())


async def pending_listing(session: AsyncSession, scope: Scope, opportunity_id: int) -> Opportunity:
    """Loads a pending listing the admin may decide on, locking it so two admins cannot both decide."""
    result = await session.execute(
        select(Opportunity).where(Opportunity.id == opportunity_id).with_for_update()
    )
    listing = result.scalar_one_or_none()
    if listing is None or listing.status != OpportunityStatus.PENDING.value:
        raise NotPending(opportunity_id)
    if not scope.covers(listing.state, listing.district):
        raise NotAllowed(opportunity_id)
    return listing


async def _record(
    session: AsyncSession, scope: Scope, listing: Opportunity, action: ModerationAction, reason: str | None
) -> Decision:
    """Records the decision and returns what the organisation should be told."""
    from bot.store.models import OrganisationMember

    session.add(ModerationEvent(opportunity_id=listing.id, organisation_id=listing.organisation_id,
                                actor_telegram_id=scope.telegram_id, action=action.value, reason=reason))
    members = await session.execute(
        select(OrganisationMember.telegram_id).where(OrganisationMember.organisation_id == listing.organisation_id)
    )
    await session.flush()
    return Decision(listing.id, listing.status, listing.organisation_id, listing.title, reason,
                    tuple(members.scalars()), action.value)


async def listing_with_organisation(session: AsyncSession, opportunity_id: int) -> tuple[Opportunity, str] | None:
    """Returns a listing with its organisation's name (for the admins' review message), or None."""
    row = (await session.execute(select(Opportunity, Organisation.name)
                                 .join(Organisation, Organisation.id == Opportunity.organisation_id)
                                 .where(Opportunity.id == opportunity_id))).first()
    return None if row is None else (row[0], row[1])
