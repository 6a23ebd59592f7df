"""The open-data feeds: the matching published listings as JSON and Atom, a page at a time.

With search parameters a feed is the web search's result (without widening: a portal gets exactly what it
asked for); without any, it is every published listing, newest first.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.domain import OpportunityStatus
from bot.search.model import Contact, Hit
from bot.store.models import Opportunity, Organisation
from bot.web.finder import Found, WebSearch
from bot.web.query import WebQuery

DEFAULT_PER_PAGE = 20


@dataclass(frozen=True, slots=True)
class FeedItem:
    """One published listing in a feed (only what its page shows publicly)."""

    id: int
    title: str
    organisation: str
    description: str
    categories: tuple[str, ...]
    place: str | None
    postal_code: str | None
    lat: float | None
    lon: float | None
    distance_km: float | None
    remote: bool
    time: tuple[str, ...]
    contact: Contact
    published_at: datetime | None
    updated_at: datetime
    expires_at: datetime | None


@dataclass(frozen=True, slots=True)
class FeedPage:
    """One page of a feed and how it relates to the whole."""

    items: tuple[FeedItem, ...]
    total: int
    page: int
    per_page: int
    widened: tuple[str, ...] = ()
    found: Found | None = None  # the search behind a filtered feed

    @property
    def pages(self) -> int:
        """Returns the number of pages."""
        return max((self.total + self.per_page - 1) // self.per_page, 1)


async def feed_page(
    session: AsyncSession, searches: WebSearch, query: WebQuery, *, lang: str, now: datetime,
) -> FeedPage:
    """Collects one feed page: the search's matches, or every published listing when nothing was asked."""
    per_page = query.anzahl or DEFAULT_PER_PAGE
    if query.is_empty:
        return await _newest(session, page=query.seite, per_page=per_page, now=now)
    # Every match, as ranked: a portal's feed has no button for the related listings (no tiers).
    found = await searches.find(session, query, lang=lang, limit=per_page, widen=False, tiered=False)
    if found.ask_what:  # only "ganz Deutschland" asked: that is every listing, as with nothing asked
        return await _newest(session, page=query.seite, per_page=per_page, now=now)
    if found.outcome is None:
        return FeedPage((), 0, query.seite, per_page, found=found)
    items = await _items_of(session, found.outcome.results)
    return FeedPage(items, found.outcome.total, query.seite, per_page, found.outcome.widened, found)


async def _newest(session: AsyncSession, *, page: int, per_page: int, now: datetime) -> FeedPage:
    """Returns one page of every published, unexpired listing, newest first."""
    visible = (Opportunity.status == OpportunityStatus.PUBLISHED.value,
               or_(Opportunity.expires_at.is_(None), Opportunity.expires_at > now))
    total = int((await session.execute(select(func.count()).select_from(Opportunity).where(*visible))).scalar_one())
    rows = await session.execute(
        select(Opportunity, Organisation).join(Organisation, Organisation.id == Opportunity.organisation_id)
        .where(*visible).order_by(Opportunity.published_at.desc(), Opportunity.id.desc())
        .limit(per_page).offset((page - 1) * per_page)
    )
    items = tuple(_item(opportunity, organisation, None) for opportunity, organisation in rows.all())
    return FeedPage(items, total, page, per_page)


async def _items_of(session: AsyncSession, hits: Sequence[Hit]) -> tuple[FeedItem, ...]:
    """Loads the feed fields of the found listings in one statement, keeping the search's order."""
    if not hits:
        return ()
    rows = await session.execute(
        select(Opportunity, Organisation).join(Organisation, Organisation.id == Opportunity.organisation_id)
        .where(Opportunity.id.in_([hit.id for hit in hits]))
    )
    loaded = {opportunity.id: (opportunity, organisation) for opportunity, organisation in rows.all()}
    return tuple(_item(*loaded[hit.id], hit) for hit in hits if hit.id in loaded)


def _item(opportunity: Opportunity, organisation: Organisation, hit: Hit | None) -> FeedItem:
    """Builds a feed item; the contact is completed from the organisation's, as in search results."""
    contact = hit.contact if hit is not None else Contact(
        name=opportunity.contact_name or organisation.contact_name,
        phone=opportunity.contact_phone or organisation.contact_phone,
        email=opportunity.contact_email or organisation.contact_email,
        url=opportunity.contact_url or organisation.website,
    )
    return FeedItem(
        id=opportunity.id, title=opportunity.title, organisation=organisation.name,
        description=opportunity.description or "", categories=tuple(opportunity.categories or ()),
        place=opportunity.place_name, postal_code=opportunity.postal_code, lat=opportunity.lat, lon=opportunity.lon,
        distance_km=hit.distance_km if hit is not None else None, remote=bool(opportunity.remote),
        time=tuple(opportunity.time_tags or ()), contact=contact, published_at=opportunity.published_at,
        updated_at=max(opportunity.updated_at, organisation.updated_at), expires_at=opportunity.expires_at,
    )
