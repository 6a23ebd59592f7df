"""A listing as a volunteer sees it in the details view: everything shown, nothing of the store's internals.

A listing volunteers cannot see is gone, unknown, or only being revised: its organisation edited it after it was
approved, and the edit waits for review in place (bot.posting.submit). Its address was handed out (posters, QR
codes, alerts, municipal sites), so the chat and the web page both say it is being revised and will be back
(being_revised), instead of calling it ended.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.categories import categories as taxonomy
from bot.domain import ModerationAction, OpportunityStatus
from bot.search.geo import Frame
from bot.search.model import PlaceRef
from bot.search.precision import is_approximate
from bot.store.models import ModerationEvent, Opportunity, Organisation
from bot.store.types import utcnow


@dataclass(frozen=True, slots=True)
class ListingDetails:
    """What the details view of one listing shows; texts are verbatim (the edge escapes them)."""

    id: int
    title: str
    organisation: str
    organisation_verified: bool
    description: str
    requirements: str | None
    categories: tuple[str, ...]  # taxonomy keys
    category_labels: tuple[str, ...]  # the same, labelled in the reader's language
    place: str | None
    address: str | None
    postal_code: str | None
    lat: float | None
    lon: float | None
    remote: bool
    distance_km: float | None  # from the origin given, if any
    time: tuple[str, ...]  # time tags (weekday, weekend, daytime, evening, one_off, regular)
    hours_per_month: int | None
    start_date: date | None
    end_date: date | None
    languages: tuple[str, ...]  # ISO 639-1 codes beyond German
    accessible: bool
    accessibility_notes: str | None
    newcomer_friendly: bool
    contact_name: str | None
    contact_phone: str | None
    contact_email: str | None
    contact_url: str | None
    published_at: datetime | None
    expires_at: datetime | None


def is_active(opportunity: Opportunity, *, now: datetime | None = None) -> bool:
    """Tells whether volunteers can see a listing: published and not past its expiry."""
    if opportunity.status != OpportunityStatus.PUBLISHED.value:
        return False
    return opportunity.expires_at is None or opportunity.expires_at > (now or utcnow())


async def get_listing_details(
    session: AsyncSession,
    opportunity_id: int,
    *,
    lang: str,
    origin: PlaceRef | None = None,
    now: datetime | None = None,
) -> ListingDetails | None:
    """Returns a published, unexpired listing for the details view, or None (unknown, withdrawn, expired)."""
    row = (
        await session.execute(
            select(Opportunity, Organisation.name, Organisation.verified)
            .join(Organisation, Organisation.id == Opportunity.organisation_id)
            .where(Opportunity.id == opportunity_id)
        )
    ).first()
    if row is None or not is_active(row[0], now=now):
        return None
    opportunity, organisation, verified = row
    return details_of(opportunity, organisation, bool(verified), lang=lang, origin=origin)


def details_of(
    opportunity: Opportunity, organisation: str, verified: bool, *, lang: str, origin: PlaceRef | None
) -> ListingDetails:
    """Builds the details of one loaded listing (also for previews of drafts, which are not stored yet)."""
    table = taxonomy()
    keys = tuple(key for key in opportunity.categories or [] if key in table)
    return ListingDetails(
        id=opportunity.id,
        title=opportunity.title,
        organisation=organisation,
        organisation_verified=verified,
        description=opportunity.description or "",
        requirements=opportunity.requirements,
        categories=keys,
        category_labels=tuple(table[key].label(lang) for key in keys),
        place=opportunity.place_name,
        address=opportunity.address,
        postal_code=opportunity.postal_code,
        lat=opportunity.lat,
        lon=opportunity.lon,
        remote=bool(opportunity.remote),
        distance_km=distance_to(origin, opportunity.lat, opportunity.lon, opportunity.place_precision),
        time=tuple(opportunity.time_tags or ()),
        hours_per_month=opportunity.hours_per_month,
        start_date=opportunity.start_date,
        end_date=opportunity.end_date,
        languages=tuple(opportunity.languages or ()),
        accessible=bool(opportunity.accessible),
        accessibility_notes=opportunity.accessibility_notes,
        newcomer_friendly=bool(opportunity.newcomer_friendly),
        contact_name=opportunity.contact_name,
        contact_phone=opportunity.contact_phone,
        contact_email=opportunity.contact_email,
        contact_url=opportunity.contact_url,
        published_at=opportunity.published_at,
        expires_at=opportunity.expires_at,
    )


def distance_to(
    origin: PlaceRef | None, lat: float | None, lon: float | None, precision: str | None = None
) -> float | None:
    """Returns the distance in km from origin to a point as the search shows it; None when either is unknown, and
    when the point stands for a whole town or quarter (bot.search.precision: stored so, or on the origin's very
    point): "0,0 km von Bad Kötzting" claimed a precision a listing placed at its town's point does not have."""
    if origin is None or lat is None or lon is None:
        return None
    frame = Frame.around(origin.lat, origin.lon)
    return None if is_approximate(precision, lat, lon, frame) else round(frame.distance_km(lat, lon), 1)


async def posted_in_chat(session: AsyncSession, opportunity_id: int) -> bool:
    """Tells whether a listing was posted through the bot (its organisation is reachable in the chat)."""
    return await session.scalar(select(Opportunity.source).where(Opportunity.id == opportunity_id)) == "bot"


async def being_revised(session: AsyncSession, opportunity_id: int) -> bool:
    """Tells whether a listing is offline only while an edit of it waits for review (approved before, pending)."""
    status = await session.scalar(select(Opportunity.status).where(Opportunity.id == opportunity_id))
    return status == OpportunityStatus.PENDING.value and await was_approved(session, opportunity_id)


async def revised_among(session: AsyncSession, opportunities: list[Opportunity]) -> frozenset[int]:
    """Returns the ids of those listings that are offline only while an edit waits for review (one query)."""
    pending = [o.id for o in opportunities if o.status == OpportunityStatus.PENDING.value]
    if not pending:
        return frozenset()
    found = await session.execute(
        select(ModerationEvent.opportunity_id)
        .where(ModerationEvent.opportunity_id.in_(pending), ModerationEvent.action == ModerationAction.APPROVED.value)
    )
    return frozenset(found_id for found_id in found.scalars() if found_id is not None)


async def was_approved(session: AsyncSession, opportunity_id: int) -> bool:
    """Tells whether a listing was approved before (by an admin, or at once for a verified organisation)."""
    found = await session.execute(
        select(ModerationEvent.id)
        .where(ModerationEvent.opportunity_id == opportunity_id,
               ModerationEvent.action == ModerationAction.APPROVED.value)
        .limit(1)
    )
    return found.first() is not None
