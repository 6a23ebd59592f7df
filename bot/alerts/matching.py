"""A listing was published: find the saved searches it matches and record each alert exactly once.

Scale: a new listing is matched against up to a million saved searches. SQL narrows them first through
the ix_saved_searches_area index (per radius class, a latitude band with the longitude checked in the
index, then each row's own radius) and exact bitmask tests for categories, exclusions, remote and time.
Python then applies bot.alerts.rules.target_matches, the same predicate as
listing_matches, to the few that remain, built from the columns so no stored query has to be parsed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import and_, case, exists, func, null, or_, select, union_all
from sqlalchemy.ext.asyncio import AsyncSession

from bot.alerts.criteria import RADIUS_CLASS_BOUNDS_KM, band_degrees
from bot.alerts.rules import DISTANCE_SLACK_KM, AlertTarget, listing_words, target_matches
from bot.conversation.language import kept_language
from bot.domain import AlertMode, OpportunityStatus
from bot.listings_view import is_active
from bot.search.geo import KM_PER_DEGREE_LAT, Frame
from bot.search.precision import is_approximate
from bot.search.time_wish import EITHER_BIT, FAMILY_BITS, wish_fit
from bot.store.models import AlertDelivery, Opportunity, Organisation, SavedSearch, Volunteer
from bot.store.types import utcnow
from bot.store.dialect import dialect_insert

INSERT_CHUNK = 500


@dataclass(frozen=True, slots=True)
class AlertDue:
    """One alert to send now: which listing, to whom, for which saved search (its stop button needs the id)."""

    delivery_id: int
    saved_search_id: int
    query_text: str
    volunteer_id: int
    telegram_id: int
    lang: str
    opportunity_id: int
    title: str
    organisation: str
    place: str | None
    distance_km: float | None  # from the saved search's centre
    remote: bool  # can be done from home (also when it has a place)


@dataclass(frozen=True, slots=True)
class _Candidate:
    """A saved search that passed the SQL prefilter, with what the exact check needs."""

    saved_search_id: int
    volunteer_id: int
    mode: str
    query_text: str
    telegram_id: int
    lang: str
    target: AlertTarget


async def alerts_for_published_listing(
    session: AsyncSession, opportunity_id: int, *, now: datetime | None = None
) -> list[AlertDue]:
    """Records an alert for every saved search the listing matches; returns those to send immediately.

    A listing reaches a person at most once, however often this runs and in how many processes: the unique
    key of alert_deliveries decides, and only the caller whose insert won gets the alert back.
    Daily-mode alerts are recorded too and go out with bot.alerts.digests.due_digests.
    """
    now = now or utcnow()
    row = (
        await session.execute(
            select(Opportunity, Organisation.name)
            .join(Organisation, Organisation.id == Opportunity.organisation_id)
            .where(Opportunity.id == opportunity_id)
        )
    ).first()
    if row is None or not is_active(row[0], now=now):
        return []
    opportunity, organisation = row
    words = listing_words(opportunity)
    matched = [c for c in await _candidates(session, opportunity) if target_matches(opportunity, c.target, words)]
    matched = await _one_per_volunteer(session, opportunity.id, matched)
    inserted = await _record(session, opportunity.id, [c.saved_search_id for c in matched], now=now)
    return [
        AlertDue(
            delivery_id=inserted[c.saved_search_id], saved_search_id=c.saved_search_id, query_text=c.query_text,
            volunteer_id=c.volunteer_id, telegram_id=c.telegram_id, lang=c.lang, opportunity_id=opportunity.id,
            title=opportunity.title, organisation=organisation, place=opportunity.place_name,
            distance_km=_distance(c.target, opportunity), remote=bool(opportunity.remote),
        )
        for c in matched
        if c.saved_search_id in inserted and c.mode == AlertMode.IMMEDIATE.value
    ]


async def _candidates(session: AsyncSession, opportunity: Opportunity) -> list[_Candidate]:
    """Returns the saved searches that survive the SQL prefilter for this listing."""
    rows = (await session.execute(candidate_query(opportunity))).mappings()
    return [
        _Candidate(
            saved_search_id=row["id"], volunteer_id=row["volunteer_id"], mode=row["mode"],
            query_text=row["query_text"], telegram_id=row["telegram_id"], lang=row["language"],
            target=AlertTarget.from_columns(row, row["keywords"]),
        )
        for row in rows
    ]


def candidate_query(opportunity: Opportunity) -> Any:
    """Builds the prefilter: one index range per radius class, united, plus exact bitmask conditions."""
    mask = opportunity.category_mask or 0
    base = (
        select(
            SavedSearch.id, SavedSearch.volunteer_id, SavedSearch.mode, SavedSearch.query_text,
            SavedSearch.centre_lat, SavedSearch.centre_lon, SavedSearch.radius_km, SavedSearch.category_mask,
            SavedSearch.exclude_mask, SavedSearch.time_mask, SavedSearch.remote_only, SavedSearch.whole_state,
            # Only searches with free words need them: the others send no JSON to decode.
            case((SavedSearch.has_keywords.is_(True), SavedSearch.filters["query"]["keywords"]), else_=null())
            .label("keywords"),
            Volunteer.telegram_id, kept_language(),
        )
        .join(Volunteer, Volunteer.id == SavedSearch.volunteer_id)
        .where(
            SavedSearch.active.is_(True),
            SavedSearch.mode != AlertMode.OFF.value,
            Volunteer.blocked.is_(False),
            Volunteer.alert_mode != AlertMode.OFF.value,
            # Interest: a wanted category, or no category asked (free words are checked in Python next).
            or_(SavedSearch.category_mask == 0, SavedSearch.category_mask.op("&")(mask) != 0),
            SavedSearch.exclude_mask.op("&")(mask) == 0,
            *_time_conditions(opportunity.time_mask or 0),
            # A whole state's searches only for its own listings ("ganz Sachsen": class 0, no centre to narrow by).
            or_(SavedSearch.whole_state.is_(None), SavedSearch.whole_state == opportunity.state),
        )
    )
    if not opportunity.remote:
        base = base.where(SavedSearch.remote_only.is_(False))
    return union_all(*(base.where(area) for area in _areas(opportunity)))


def _time_conditions(listing_mask: int) -> list[Any]:
    """Per time family the listing names: the search names nothing there, or one of the listing's tags; a search
    whose times are a choice (its EITHER_BIT) needs only the day's or the part of the day's family to agree
    (bot.search.time_wish, as bot.alerts.rules.target_matches)."""
    week, day, frequency = (_family_condition(listing_mask & family, family) for family in FAMILY_BITS)
    free_time = SavedSearch.time_mask.op("&")(EITHER_BIT) != 0  # the choice is each search's own: both readings

    def reading(either: bool) -> Any:
        return wish_fit(week, day, None, either=either, every=_both, some=_either)

    return [condition for condition in (_either(reading(False), _both(free_time, reading(True))), frequency)
            if condition is not None]


def _both(first: Any, second: Any) -> Any:
    """Returns the condition that both hold; None (a family the listing says nothing of) fits anyway."""
    return second if first is None else first if second is None else and_(first, second)


def _either(first: Any, second: Any) -> Any:
    """Returns the condition that one of them holds; None when one fits anyway."""
    return None if first is None or second is None else or_(first, second)


def _family_condition(offered: int, family_bits: int) -> Any:
    """Returns the condition of one family the listing names (None when it names nothing there)."""
    if not offered:
        return None
    return or_(SavedSearch.time_mask.op("&")(family_bits) == 0, SavedSearch.time_mask.op("&")(offered) != 0)


def _areas(opportunity: Opportunity) -> list[Any]:
    """Returns one condition per radius class whose circles can reach the listing's position.

    Each class reads an index range (a latitude band, longitude checked in the index) as wide as its
    largest radius; each row's own radius then narrows it without trigonometry, with the longitude
    scale taken at the band's pole-ward edge so no match is lost. The exact distance follows in Python.
    """
    areas: list[Any] = [SavedSearch.radius_class == 0]
    if opportunity.lat is None or opportunity.lon is None:
        return areas  # a listing without a position can only match searches without a place
    lat, lon = opportunity.lat, opportunity.lon
    for radius_class, bound_km in enumerate(RADIUS_CLASS_BOUNDS_KM, start=1):
        dlat, dlon = band_degrees(bound_km, lat)
        km_per_lon = bound_km / dlon
        reach = SavedSearch.radius_km + DISTANCE_SLACK_KM
        areas.append(
            and_(
                SavedSearch.radius_class == radius_class,
                SavedSearch.centre_lat.between(lat - dlat, lat + dlat),
                SavedSearch.centre_lon.between(lon - dlon, lon + dlon),
                func.abs(SavedSearch.centre_lat - lat) * KM_PER_DEGREE_LAT <= reach,
                func.abs(SavedSearch.centre_lon - lon) * km_per_lon <= reach,
            )
        )
    return areas


def _distance(target: AlertTarget, opportunity: Opportunity) -> float | None:
    """Returns the distance from the saved search's centre as the search shows it (0.1 km); none for a listing placed
    only at its town or quarter ("Kötzting · 0,0 km" claimed a precision it does not have; bot.search.precision)."""
    if target.centre is None or opportunity.lat is None or opportunity.lon is None:
        return None
    frame = Frame.around(*target.centre)
    if is_approximate(opportunity.place_precision, opportunity.lat, opportunity.lon, frame):
        return None
    return round(frame.distance_km(opportunity.lat, opportunity.lon), 1)


async def _one_per_volunteer(session: AsyncSession, opportunity_id: int, matched: list[_Candidate]) -> list[_Candidate]:
    """Keeps one saved search per person (immediate before daily, then the oldest), none for people alerted already.

    Two saved searches of one person can match the same listing; they get it once.
    """
    alerted = await _already_alerted(session, opportunity_id)
    chosen: dict[int, _Candidate] = {}
    for candidate in sorted(matched, key=lambda c: (c.mode != AlertMode.IMMEDIATE.value, c.saved_search_id)):
        if candidate.volunteer_id not in alerted:
            chosen.setdefault(candidate.volunteer_id, candidate)
    return list(chosen.values())


async def _already_alerted(session: AsyncSession, opportunity_id: int) -> set[int]:
    """Returns the people who already have an alert recorded for the listing (read through its index)."""
    rows = await session.execute(
        select(SavedSearch.volunteer_id)
        .join(AlertDelivery, AlertDelivery.saved_search_id == SavedSearch.id)
        .where(AlertDelivery.opportunity_id == opportunity_id)
    )
    return set(rows.scalars())


async def _record(
    session: AsyncSession, opportunity_id: int, saved_search_ids: list[int], *, now: datetime
) -> dict[int, int]:
    """Inserts the delivery rows that do not exist yet; returns {saved_search_id: delivery_id} of the new ones."""
    table = AlertDelivery.__table__
    statement = (
        dialect_insert(session, table)
        .on_conflict_do_nothing(index_elements=["saved_search_id", "opportunity_id"])
        .returning(table.c.saved_search_id, table.c.id)
    )
    inserted: dict[int, int] = {}
    for start in range(0, len(saved_search_ids), INSERT_CHUNK):
        chunk = saved_search_ids[start : start + INSERT_CHUNK]
        # One cached statement, many parameter sets: SQLAlchemy batches them ("insertmanyvalues") and
        # collects RETURNING rows, only for rows actually inserted.
        rows = await session.execute(
            statement, [{"saved_search_id": id_, "opportunity_id": opportunity_id, "created_at": now} for id_ in chunk]
        )
        inserted.update({saved_search_id: id_ for saved_search_id, id_ in rows})
    return inserted


async def published_since(session: AsyncSession, since: datetime, *, limit: int) -> list[tuple[int, datetime]]:
    """Returns (id, published_at) of listings published after `since`, oldest first, at most `limit`."""
    rows = await session.execute(
        select(Opportunity.id, Opportunity.published_at)
        .where(Opportunity.status == OpportunityStatus.PUBLISHED.value, Opportunity.published_at > since)
        .order_by(Opportunity.published_at, Opportunity.id).limit(limit)
    )
    return [(id_, published_at) for id_, published_at in rows if published_at is not None]


async def anyone_watching(session: AsyncSession) -> bool:
    """Tells whether any saved search is active (nobody watching: no new listing can match)."""
    return bool(await session.scalar(select(exists().where(SavedSearch.active.is_(True)))))
