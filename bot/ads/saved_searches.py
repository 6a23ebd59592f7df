"""Organisation members' searches of the ads: kept for paging, and when saved, matched against new ads.

A saved ad search is run again by a job (bot.telegram.ad_search.jobs) without widening; every ad it finds
that was not sent for it before is recorded in ad_alert_deliveries (its unique key decides, also across
processes) and sent once. Saving records what the search finds at that moment, so only ads that are new
afterwards are announced. The searches are few (organisations, not volunteers), so running each is cheap.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from bot.ads.access import SearchAccess, may_search_ads
from bot.ads.search import AdHit, AdSearchOutcome, search_ads
from bot.search.model import SearchRequest
from bot.store.models import AdAlertDelivery, AdSearch, Volunteer

KEEP_UNSAVED = 20  # a person's newest unsaved searches stay pageable; older ones go
MAX_SAVED = 20
ALERT_WINDOW = 50  # the best matches looked at per saved search and run


class SavedAdSearchLimit(Exception):
    """The person already keeps MAX_SAVED ad searches."""


@dataclass(frozen=True, slots=True)
class AdAlertDue:
    """A new ad for a saved ad search, to be sent to the member who saved it."""

    search_id: int
    telegram_id: int
    lang: str
    query: str
    hit: AdHit


async def new_ad_search(session: AsyncSession, volunteer_id: int, query: str, *, now: datetime) -> AdSearch:
    """Keeps a search for paging its results; forgets the person's older unsaved ones."""
    search = AdSearch(volunteer_id=volunteer_id, query_text=query, saved=False, created_at=now)
    session.add(search)
    await session.flush()
    keep = select(AdSearch.id).where(AdSearch.volunteer_id == volunteer_id, AdSearch.saved.is_(False)) \
        .order_by(AdSearch.id.desc()).limit(KEEP_UNSAVED)
    await session.execute(delete(AdSearch).where(
        AdSearch.volunteer_id == volunteer_id, AdSearch.saved.is_(False), AdSearch.id.not_in(keep.scalar_subquery()))
        .execution_options(synchronize_session=False))
    return search


async def own_ad_search(session: AsyncSession, search_id: int, volunteer_id: int) -> AdSearch | None:
    """Returns a kept search if it exists and is this person's."""
    search = await session.get(AdSearch, search_id)
    return search if search is not None and search.volunteer_id == volunteer_id else None


async def find_page(session: AsyncSession, search: AdSearch, *, offset: int, lang: str, limit: int,
                    default_radius_km: float, now: datetime | None = None) -> AdSearchOutcome:
    """Returns one page of ads for a kept search, how many matched in all and how far it had to look."""
    return await search_ads(session, SearchRequest(text=search.query_text, offset=offset, limit=limit, lang=lang),
                            default_radius_km=default_radius_km, now=now)


async def save_ad_search(session: AsyncSession, search: AdSearch, *, default_radius_km: float) -> None:
    """Saves a search for alerts; what it finds now counts as already sent."""
    if search.saved:
        return
    count = len((await session.execute(select(AdSearch.id).where(
        AdSearch.volunteer_id == search.volunteer_id, AdSearch.saved.is_(True)))).all())
    if count >= MAX_SAVED:
        raise SavedAdSearchLimit(count)
    search.saved = True
    for hit in await _current(session, search, default_radius_km=default_radius_km):
        session.add(AdAlertDelivery(ad_search_id=search.id, ad_id=hit.id))
    await session.flush()


async def saved_ad_searches(session: AsyncSession, volunteer_id: int) -> list[AdSearch]:
    """Returns the person's saved ad searches, oldest first."""
    rows = await session.scalars(select(AdSearch).where(AdSearch.volunteer_id == volunteer_id,
                                                        AdSearch.saved.is_(True)).order_by(AdSearch.id))
    return list(rows)


async def stop_ad_search(session: AsyncSession, search: AdSearch) -> None:
    """Stops a saved search's alerts (the search stays pageable)."""
    search.saved = False
    await session.execute(delete(AdAlertDelivery).where(AdAlertDelivery.ad_search_id == search.id))
    await session.flush()


async def ad_alerts_due(session: AsyncSession, *, access: SearchAccess, default_radius_km: float,
                        now: datetime) -> list[AdAlertDue]:
    """Runs every saved search again and records the ads not sent for it before; returns them to send."""
    due: list[AdAlertDue] = []
    rows = (await session.execute(
        select(AdSearch, Volunteer).join(Volunteer, Volunteer.id == AdSearch.volunteer_id)
        .where(AdSearch.saved.is_(True), Volunteer.blocked.is_(False)).order_by(AdSearch.id))).all()
    for search, member in rows:
        if not await may_search_ads(session, member.telegram_id, access):
            continue  # no longer allowed to search (left the organisation, not verified any more)
        sent = set((await session.execute(select(AdAlertDelivery.ad_id).where(
            AdAlertDelivery.ad_search_id == search.id))).scalars())
        for hit in await _current(session, search, default_radius_km=default_radius_km, lang=member.language,
                                  now=now):
            if hit.id in sent:
                continue
            try:
                async with session.begin_nested():
                    session.add(AdAlertDelivery(ad_search_id=search.id, ad_id=hit.id, created_at=now))
            except IntegrityError:
                continue  # sent before, or by another process just now
            due.append(AdAlertDue(search.id, member.telegram_id, member.language, search.query_text, hit))
    return due


async def _current(session: AsyncSession, search: AdSearch, *, default_radius_km: float, lang: str = "de",
                   now: datetime | None = None) -> list[AdHit]:
    """Returns the best matches of a saved search now, without widening (an alert must match what was asked)."""
    found = await search_ads(session, SearchRequest(text=search.query_text, limit=ALERT_WINDOW, lang=lang,
                                                    widen=False), default_radius_km=default_radius_km, now=now)
    return list(found.results)
