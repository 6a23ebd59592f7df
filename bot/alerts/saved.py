"""Saved searches: save one (once), list them, stop one or all."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from bot.alerts.criteria import DEFAULT_RADIUS_KM, prefilter_columns, resolve, stored_criteria
from bot.domain import AlertMode
from bot.search.criteria import Criteria
from bot.search.model import Refinement
from bot.store.db import rows_affected
from bot.store.models import SavedSearch, Volunteer
from bot.store.types import utcnow
from bot.store.dialect import dialect_insert

# Each saved search costs work for every new listing nearby; a person rarely needs more than a handful.
MAX_SAVED_SEARCHES = 20


class SavedSearchLimit(ValueError):
    """The person already has MAX_SAVED_SEARCHES active saved searches."""


async def save_search(
    session: AsyncSession,
    volunteer: Volunteer,
    *,
    text: str,
    refinement: Refinement,
    mode: AlertMode | str = AlertMode.IMMEDIATE,
    query: Mapping[str, Any] | None = None,
    default_radius_km: float = DEFAULT_RADIUS_KM,
) -> SavedSearch:
    """Saves a search for alerts, or returns (and reactivates) the same search saved before.

    query is the parse of text (SearchOutcome.query, issue 3's contract); without it the text is parsed here.
    Raises EmptySearch when it asks for nothing, AmbiguousPlace when the place must be chosen first, and
    SavedSearchLimit when the person has too many.
    """
    mode = AlertMode(mode)
    stored_query, criteria = resolve(text, refinement, query=query, default_radius_km=default_radius_km)
    columns = prefilter_columns(criteria)
    saved = await _find(session, volunteer.id, columns["criteria_key"])
    if saved is None:
        if await count_saved_searches(session, volunteer) >= MAX_SAVED_SEARCHES:
            raise SavedSearchLimit(f"at most {MAX_SAVED_SEARCHES} saved searches")
        now = utcnow()
        statement = dialect_insert(session, SavedSearch.__table__).values(
            volunteer_id=volunteer.id, query_text=text.strip()[:4096], mode=mode.value, active=True,
            filters={"refinement": refinement.to_dict(), "query": stored_query},
            created_at=now, updated_at=now, **columns,
        )
        await session.execute(statement.on_conflict_do_nothing(index_elements=["volunteer_id", "criteria_key"]))
        saved = await _find(session, volunteer.id, columns["criteria_key"])
        if saved is None:
            raise RuntimeError("saved search vanished while being saved")
    saved.active = True
    saved.mode = mode.value
    if mode is not AlertMode.OFF and volunteer.alert_mode == AlertMode.OFF.value:
        volunteer.alert_mode = mode.value  # saving an alert is asking for alerts again
    await session.flush()
    return saved


def criteria_of(saved: SavedSearch) -> Criteria | None:
    """Returns what a saved search looks for (to show it: "Tiere · Kassel + 15 km"); None if unreadable."""
    return stored_criteria(saved.filters)


async def list_saved_searches(session: AsyncSession, volunteer: Volunteer) -> list[SavedSearch]:
    """Returns the person's active saved searches, newest first."""
    rows = await session.execute(
        select(SavedSearch)
        .where(SavedSearch.volunteer_id == volunteer.id, SavedSearch.active.is_(True))
        .order_by(SavedSearch.created_at.desc(), SavedSearch.id.desc())
    )
    return list(rows.scalars())


async def count_saved_searches(session: AsyncSession, volunteer: Volunteer) -> int:
    """Returns how many active saved searches the person has."""
    total = await session.execute(
        select(func.count()).select_from(SavedSearch)
        .where(SavedSearch.volunteer_id == volunteer.id, SavedSearch.active.is_(True))
    )
    return int(total.scalar_one())


async def stop_saved_search(session: AsyncSession, volunteer: Volunteer, saved_search_id: int) -> bool:
    """Stops one saved search of this person; False when it is not theirs or already stopped."""
    result = await session.execute(
        update(SavedSearch)
        .where(SavedSearch.id == saved_search_id, SavedSearch.volunteer_id == volunteer.id,
               SavedSearch.active.is_(True))
        .values(active=False, updated_at=utcnow())
        .execution_options(synchronize_session="fetch")
    )
    return bool(rows_affected(result))


async def stop_all_alerts(session: AsyncSession, volunteer: Volunteer) -> int:
    """Stops every saved search of this person; returns how many were active."""
    result = await session.execute(
        update(SavedSearch)
        .where(SavedSearch.volunteer_id == volunteer.id, SavedSearch.active.is_(True))
        .values(active=False, updated_at=utcnow())
        .execution_options(synchronize_session="fetch")
    )
    return rows_affected(result)


async def _find(session: AsyncSession, volunteer_id: int, criteria_key: str) -> SavedSearch | None:
    """Returns the person's saved search with these criteria, stopped or not."""
    rows = await session.execute(
        select(SavedSearch).where(SavedSearch.volunteer_id == volunteer_id, SavedSearch.criteria_key == criteria_key)
    )
    return rows.scalar_one_or_none()
