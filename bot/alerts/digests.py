"""Daily digests: alerts recorded for daily-mode searches, grouped per volunteer; and marking alerts sent."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from bot.conversation.language import kept_language
from bot.domain import AlertMode, OpportunityStatus
from bot.listings_view import distance_to
from bot.search.model import PlaceRef
from bot.store.db import rows_affected
from bot.store.models import AlertDelivery, Opportunity, Organisation, SavedSearch, Volunteer

# A digest goes out at most once a day per saved search; 23 h lets a job that runs daily at a fixed hour
# drift by a few minutes without skipping a day.
DIGEST_INTERVAL = timedelta(hours=23)
# A digest lists the newest alerts; older ones of the same day are counted, not listed (message length).
MAX_DIGEST_ENTRIES = 20


@dataclass(frozen=True, slots=True)
class DigestEntry:
    """One listing in a digest, with the saved search it matched."""

    delivery_id: int
    saved_search_id: int
    query_text: str
    opportunity_id: int
    title: str
    organisation: str
    place: str | None
    distance_km: float | None
    remote: bool  # can be done from home (also when it has a place)


@dataclass(frozen=True, slots=True)
class Digest:
    """Everything new for one volunteer since their last digest."""

    volunteer_id: int
    telegram_id: int
    lang: str
    entries: tuple[DigestEntry, ...]
    more: tuple[int, ...] = field(default=())  # delivery ids beyond MAX_DIGEST_ENTRIES: counted, not listed

    @property
    def delivery_ids(self) -> list[int]:
        """Returns every delivery this digest covers (pass them to mark_alerts_sent once it was sent)."""
        return [entry.delivery_id for entry in self.entries] + list(self.more)


async def due_digests(
    session: AsyncSession, *, now: datetime, max_volunteers: int = 500, interval: timedelta = DIGEST_INTERVAL
) -> list[Digest]:
    """Returns digests due now, for at most max_volunteers people; call again after marking them sent.

    Alerts whose listing was withdrawn or expired in the meantime are left out (and stay unsent).
    """
    rows = await session.execute(
        _pending(now, interval)
        .add_columns(
            AlertDelivery.id, SavedSearch.id.label("saved_search_id"), SavedSearch.query_text, SavedSearch.centre_lat,
            SavedSearch.centre_lon,
            Volunteer.id.label("volunteer_id"), Volunteer.telegram_id, kept_language(),
            Opportunity.id.label("opportunity_id"), Opportunity.title, Opportunity.place_name, Opportunity.lat,
            Opportunity.lon, Opportunity.place_precision, Opportunity.remote, Organisation.name.label("organisation"),
        )
        .where(Volunteer.id.in_(_due_volunteers(now, interval, max_volunteers)))
        .order_by(Volunteer.id, AlertDelivery.created_at.desc(), AlertDelivery.id.desc())
    )
    grouped: dict[int, list[object]] = {}
    for row in rows:
        grouped.setdefault(row.volunteer_id, []).append(row)
    return [_digest(group) for group in grouped.values()]


async def mark_alerts_sent(session: AsyncSession, delivery_ids: Iterable[int], *, now: datetime) -> int:
    """Marks alerts as sent (immediate ones or a whole digest); returns how many were newly marked."""
    ids = sorted(set(delivery_ids))
    marked = 0
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        result = await session.execute(
            update(AlertDelivery)
            .where(AlertDelivery.id.in_(chunk), AlertDelivery.sent_at.is_(None))
            .values(sent_at=now)
            .execution_options(synchronize_session=False)
        )
        marked += rows_affected(result)
        searches = select(AlertDelivery.saved_search_id).where(AlertDelivery.id.in_(chunk))
        await session.execute(
            update(SavedSearch)
            .where(SavedSearch.id.in_(searches), SavedSearch.mode == AlertMode.DAILY.value)
            .values(last_digest_at=now)
            .execution_options(synchronize_session=False)
        )
    return marked


def _pending(now: datetime, interval: timedelta):  # type: ignore[no-untyped-def]
    """Selects unsent alerts of active daily searches, due again, of reachable people, on live listings."""
    return (
        select()
        .select_from(AlertDelivery)
        .join(SavedSearch, SavedSearch.id == AlertDelivery.saved_search_id)
        .join(Volunteer, Volunteer.id == SavedSearch.volunteer_id)
        .join(Opportunity, Opportunity.id == AlertDelivery.opportunity_id)
        .join(Organisation, Organisation.id == Opportunity.organisation_id)
        .where(
            AlertDelivery.sent_at.is_(None),
            SavedSearch.active.is_(True),
            SavedSearch.mode == AlertMode.DAILY.value,
            or_(SavedSearch.last_digest_at.is_(None), SavedSearch.last_digest_at <= now - interval),
            Volunteer.blocked.is_(False),
            Volunteer.alert_mode != AlertMode.OFF.value,
            Opportunity.status == OpportunityStatus.PUBLISHED.value,
            or_(Opportunity.expires_at.is_(None), Opportunity.expires_at > now),
        )
    )


def _due_volunteers(now: datetime, interval: timedelta, limit: int):  # type: ignore[no-untyped-def]
    """Selects the ids of up to `limit` people with a digest due."""
    return _pending(now, interval).add_columns(Volunteer.id).distinct().order_by(Volunteer.id).limit(limit)


def _digest(rows: list) -> Digest:  # type: ignore[type-arg]
    """Builds one person's digest from their rows, newest first."""
    first = rows[0]
    entries = tuple(
        DigestEntry(
            delivery_id=row.id, saved_search_id=row.saved_search_id, query_text=row.query_text,
            opportunity_id=row.opportunity_id, title=row.title, organisation=row.organisation,
            place=row.place_name, distance_km=distance_to(_centre(row), row.lat, row.lon, row.place_precision),
            remote=bool(row.remote),
        )
        for row in rows[:MAX_DIGEST_ENTRIES]
    )
    more = tuple(row.id for row in rows[MAX_DIGEST_ENTRIES:])
    return Digest(volunteer_id=first.volunteer_id, telegram_id=first.telegram_id, lang=first.language,
                  entries=entries, more=more)


def _centre(row) -> PlaceRef | None:  # type: ignore[no-untyped-def]
    """Returns the saved search's centre, for the distance shown next to each listing."""
    if row.centre_lat is None or row.centre_lon is None:
        return None
    return PlaceRef(name="", lat=row.centre_lat, lon=row.centre_lon)
