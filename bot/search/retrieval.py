"""One try of a search in SQL: hard constraints through indexes, ranked in the database, one page out.

The spatial prefilter is a latitude/longitude box on the covering index (status, lat, lon, ...), refined
to the exact radius on the same flat map the score uses; categories are bitmask tests on those
candidates; free words go through the full-text index. Without a place the search runs over published
listings only via the same index, and remote-only searches use the small partial index of remote ones.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Float, Integer, func, literal, literal_column, or_, select, true
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.sql.elements import ColumnElement

from bot.categories import category_mask
from bot.search.criteria import Criteria
from bot.search.geo import Frame
from bot.search.ranking import O, score_expression, squared_distance, time_filter
from bot.search.textmatch import holds_any
from bot.search.vocabulary import TermGroup
from bot.search.widening import Attempt


@dataclass(frozen=True, slots=True)
class Page:
    """The ids and scores of one page, best first, and how many listings matched in all."""

    ids: tuple[int, ...]
    scores: tuple[float, ...]
    total: int


async def find_page(
    session: AsyncSession,
    criteria: Criteria,
    groups: Sequence[TermGroup],
    attempt: Attempt,
    *,
    limit: int,
    offset: int,
    now: datetime,
) -> Page:
    """Runs one try: counts the matches and returns the requested page in a stable order (ties by id)."""
    dialect = session.bind.dialect.name
    frame = Frame.around(criteria.place.lat, criteria.place.lon) if criteria.place else None
    filters = constraints(criteria, groups, attempt, frame, dialect=dialect, now=now)
    score = score_expression(criteria, groups, frame, dialect=dialect, now=now, radius_km=attempt.radius_km)
    score = score.label("score")
    statement = (
        select(O.id, score, func.count().over().label("total"))
        .where(*filters)
        .order_by(score.desc(), O.id)
        .limit(limit)
        .offset(offset)
    )
    rows = (await session.execute(statement)).all()
    if rows:
        total = int(rows[0].total)
    elif offset:
        total = int((await session.execute(select(func.count()).where(*filters))).scalar_one())
    else:
        total = 0
    return Page(tuple(int(row.id) for row in rows), tuple(float(row.score) for row in rows), total)


def constraints(
    criteria: Criteria,
    groups: Sequence[TermGroup],
    attempt: Attempt,
    frame: Frame | None,
    *,
    dialect: str,
    now: datetime,
) -> list[ColumnElement[bool]]:
    """Returns the hard constraints of one try as WHERE conditions."""
    # A literal, not a parameter: PostgreSQL picks the partial indexes only for the constant.
    conditions: list[ColumnElement[bool]] = [
        O.status == literal_column("'published'"),
        or_(O.expires_at.is_(None), O.expires_at > now),
    ]
    if attempt.radius_km is not None and frame is not None:
        min_lat, max_lat, min_lon, max_lon = frame.box(attempt.radius_km)
        conditions += [
            O.lat.between(literal(min_lat, Float), literal(max_lat, Float)),
            O.lon.between(literal(min_lon, Float), literal(max_lon, Float)),
            squared_distance(frame) <= literal(attempt.radius_km**2, Float),
        ]
    if criteria.exclude_categories:
        excluded = category_mask(criteria.exclude_categories)
        conditions.append(O.category_mask.op("&")(literal(excluded, Integer)) == 0)
    if criteria.remote:
        conditions.append(O.remote == true())
    if attempt.strict_time:
        conditions += time_filter(criteria.time)
    interest = _interest(criteria, groups, attempt, dialect)
    if interest is not None:
        conditions.append(interest)
    return conditions


def _interest(
    criteria: Criteria, groups: Sequence[TermGroup], attempt: Attempt, dialect: str
) -> ColumnElement[bool] | None:
    """Returns "in a wanted category, or holding a free word", or only the words when no category was asked."""
    if criteria.categories:
        wanted = category_mask(criteria.categories)
        in_category = O.category_mask.op("&")(literal(wanted, Integer)) != 0
        return or_(in_category, holds_any(dialect, groups)) if groups else in_category
    if attempt.text_required and groups:
        return holds_any(dialect, groups)
    return None
