"""Listings placed only at their town or quarter: the one rule for approximate places in search.

A feed that names only "Hamburg" (or "Altona") gives the listing that place's centre point (bot.domain
PlacePrecision QUARTER or TOWN). A distance to that point says nothing about how far the listing is, so the
search shows no distance for it ("📍 Hamburg", never "< 1 km") and never ranks it as nearest: its closeness
counts at most as much as that of a listing at half the search radius.
"""

from __future__ import annotations

from bot.domain import APPROXIMATE_PRECISIONS
from bot.search.sql import SqlText

CLOSENESS_CAP = 0.5  # share of the closeness weight an approximate place can reach at most


def is_approximate(precision: str | None) -> bool:
    """Tells whether a listing's point stands for its whole town or quarter."""
    return precision in APPROXIMATE_PRECISIONS


def capped_closeness(sql: SqlText, closeness: str, weight: float) -> str:
    """Returns the closeness SQL with approximate rows of `o` capped (the precisions are fixed words)."""
    cap = sql.number(weight * CLOSENESS_CAP)
    approximate = "o.place_precision IN (" + ", ".join(f"'{p}'" for p in APPROXIMATE_PRECISIONS) + ")"
    return f"CASE WHEN {approximate} AND {closeness} > {cap} THEN {cap} ELSE {closeness} END"
