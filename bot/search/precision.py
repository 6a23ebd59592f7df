"""How exactly a listing's place is known, and the distance the ranking uses for it.

Agency exports place many listings only at their town or quarter: the importer puts them on that place's
centre point. Measured from there they looked "< 1 km" away and led every search for the town. The ranking
treats such a listing as being a typical in-town distance away (APPROXIMATE_KM), never closer, and the
results say "in Hamburg" instead of a distance.

This module is the one place that decides which rows are approximate. Today, without a column for it, a
row lying on the very point the search is centred on (a town's gazetteer point, where the importer put a
listing that named only the town) counts as approximate. When the listings carry their precision (issue 13,
migration 0009: `o.place_precision`, with bot.domain.APPROXIMATE_PRECISIONS and t13's
bot.search.approximate), `approximate_sql` becomes `o.place_precision IN (...)`, `is_approximate` reads the
row's precision (bot.search.hits selects it), and nothing else changes: the ranking keeps treating such a row
as APPROXIMATE_KM away, which replaces t13's cap on the closeness (one rule, not two).
"""

from __future__ import annotations

from bot.domain import APPROXIMATE_PRECISIONS
from bot.search.geo import Frame
from bot.search.sql import SqlText

# Where a listing known only by its town counts as being, for the ranking: a typical distance within a town.
APPROXIMATE_KM = 5.0
# Closer to the centre than this (in degrees, about 30 m) is "on the centre point".
ON_POINT_DEGREES = 0.0003


def approximate_sql(sql: SqlText, frame: Frame) -> str:
    """Returns an SQL condition on the row `o`: its place is approximate (the import stored it as a town's or
    quarter's point, or it lies on the very point the search is centred on)."""
    stored = "o.place_precision IN (" + ", ".join(f"'{p}'" for p in APPROXIMATE_PRECISIONS) + ")"
    return (
        f"({stored} OR (ABS(o.lat - {sql.number(frame.lat)}) < {sql.number(ON_POINT_DEGREES)} "
        f"AND ABS(o.lon - {sql.number(frame.lon)}) < {sql.number(ON_POINT_DEGREES)}))"
    )


def is_approximate(precision: str | None, lat: float, lon: float, frame: Frame) -> bool:
    """Tells the same as approximate_sql for one found row."""
    on_point = abs(lat - frame.lat) < ON_POINT_DEGREES and abs(lon - frame.lon) < ON_POINT_DEGREES
    return precision in APPROXIMATE_PRECISIONS or on_point


def ranking_squared_distance(sql: SqlText, frame: Frame, squared_distance: str) -> str:
    """Returns the squared distance the ranking uses: the true one, but never less than APPROXIMATE_KM
    for an approximate place."""
    typical = APPROXIMATE_KM * APPROXIMATE_KM
    return (
        f"(CASE WHEN {approximate_sql(sql, frame)} AND {squared_distance} < {sql.number(typical)} "
        f"THEN {sql.number(typical)} ELSE {squared_distance} END)"
    )
