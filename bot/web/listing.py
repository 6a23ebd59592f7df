"""One listing for its web page: shown while published, 410 once paused, expired or withdrawn, else unknown.

A published listing its organisation edited waits for review again (bot.posting.submit stores the edit in place,
pending). Its address was handed out (posters, QR codes, municipal sites): the page says it is being revised and
checked and will be back, instead of claiming it never existed (the chat says the same: bot.listings_view). It
shows nothing of the edit, which nobody approved yet, and is not indexed meanwhile.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import Enum

from sqlalchemy import bindparam, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.domain import ModerationAction, OpportunityStatus
from bot.listings_view import ListingDetails, details_of, is_active, was_approved
from bot.search.model import Contact, PlaceRef
from bot.store.data_version import NEXT_EXPIRY, NUMBER, DataVersion, version_values
from bot.store.models import ModerationEvent, Opportunity, Organisation
from bot.store.types import utcnow

# Made once: a kept statement carries its cache key, so each page goes straight to the compiled SQL.
_LISTING = (
    select(Opportunity, Organisation).join(Organisation, Organisation.id == Opportunity.organisation_id)
    .where(Opportunity.id == bindparam("listing_id"))
)
# The same with the data version, read in the same statement (one snapshot) for a page about to be kept.
_LISTING_AND_VERSION = _LISTING.add_columns(NUMBER, NEXT_EXPIRY)

# Statuses a listing can only reach after being published: its page is gone (410), not unknown (404).
_ENDED = {OpportunityStatus.PAUSED.value, OpportunityStatus.EXPIRED.value}


class Availability(Enum):
    """Whether a listing's page can be shown."""

    SHOWN = "shown"
    REVIEWING = "reviewing"  # was approved, edited since: waits for review again (a page saying so)
    GONE = "gone"  # was published: paused, expired, withdrawn by its organisation or taken down
    UNKNOWN = "unknown"  # never existed, or never published (drafts and new pending listings stay private)

    @property
    def status(self) -> int:
        """Returns the HTTP status of the page."""
        return _STATUS[self]


_STATUS = {Availability.SHOWN: 200, Availability.REVIEWING: 200, Availability.GONE: 410, Availability.UNKNOWN: 404}


@dataclass(frozen=True, slots=True)
class ListingView:
    """A published listing as its page shows it; texts verbatim (the templates escape them)."""

    details: ListingDetails
    contact: Contact  # the listing's contact, completed from its organisation's
    organisation_website: str | None
    state: str | None
    district: str | None
    changed_at: datetime  # the newest change of the listing or its organisation (Last-Modified)


@dataclass(frozen=True, slots=True)
class ListingLookup:
    """The answer for one id: the view when shown, else why not (and where it was, for a search nearby)."""

    availability: Availability
    view: ListingView | None = None
    place: str | None = None
    version: DataVersion | None = None  # the data version the view was read at, when asked for


async def load_listing(
    session: AsyncSession, opportunity_id: int, *, lang: str, origin: PlaceRef | None = None,
    now: datetime | None = None, with_version: bool = False,
) -> ListingLookup:
    """Loads a listing for its page, telling shown, gone and unknown apart (and the data version, if asked)."""
    now = now or utcnow()
    if with_version:
        row = (await session.execute(_LISTING_AND_VERSION,
                                     {"listing_id": opportunity_id, **version_values(now)})).first()
    else:
        row = (await session.execute(_LISTING, {"listing_id": opportunity_id})).first()
    if row is None:
        gone = await _was_withdrawn(session, opportunity_id)
        return ListingLookup(Availability.GONE if gone else Availability.UNKNOWN)
    opportunity, organisation = row[0], row[1]
    if opportunity.status == OpportunityStatus.PENDING.value and await was_approved(session, opportunity_id):
        return ListingLookup(Availability.REVIEWING, place=opportunity.place_name)
    if not is_active(opportunity, now=now):
        ended = opportunity.status in _ENDED or opportunity.published_at is not None
        return ListingLookup(Availability.GONE if ended else Availability.UNKNOWN,
                             place=opportunity.place_name if ended else None)
    details = details_of(opportunity, organisation.name, bool(organisation.verified), lang=lang, origin=origin)
    contact = Contact(
        name=details.contact_name or organisation.contact_name,
        phone=details.contact_phone or organisation.contact_phone,
        email=details.contact_email or organisation.contact_email,
        url=details.contact_url or organisation.website,
    )
    view = ListingView(details, contact, organisation.website, opportunity.state, opportunity.district,
                       max(opportunity.updated_at, organisation.updated_at))
    return ListingLookup(Availability.SHOWN, view, version=DataVersion.of(row) if with_version else None)


async def _was_withdrawn(session: AsyncSession, opportunity_id: int) -> bool:
    """Tells whether an organisation deleted this listing (the moderation record names it as '#<id> <title>')."""
    found = await session.execute(
        select(ModerationEvent.id)
        .where(ModerationEvent.action == ModerationAction.DELETED.value,
               ModerationEvent.reason.like(f"#{opportunity_id} %"))
        .limit(1)
    )
    return found.first() is not None
