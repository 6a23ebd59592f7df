"""The baseline the issue names: score every listing's text with rapidfuzz per request, no index.

Listings are held in memory (the most generous setting for a scan), the request's hard constraints are
the search's own (radius on the same flat map, excluded categories, remote, time), and rapidfuzz's
token_set_ratio of the request's words against each listing's folded title and description ranks them.
With `use_categories` the wanted categories filter too: the scan then knows everything the search knows.
"""

from __future__ import annotations

import operator
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import numpy as np
from rapidfuzz import fuzz, process
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.categories import category_mask
from bot.search.criteria import Criteria
from bot.search.geo import Frame
from bot.search.time_wish import EITHER_BIT, FAMILY_BITS, wish_fit, wish_mask
from bot.store.models import Opportunity
from nlu.kernel.text import fold, plain_words


@dataclass(frozen=True, slots=True)
class ScanResult:
    """The ids found, best first: by text and constraints only, and with the wanted categories as a filter."""

    ids: list[int]
    ids_with_categories: list[int]


class BruteForceScan:
    """Every listing of a database in memory, scanned per request."""

    def __init__(self, rows: Sequence[Mapping[Any, Any]], now: datetime) -> None:
        self.ids = np.array([row["id"] for row in rows], dtype=np.int64)
        self.texts = [fold(f"{row['title']} {row['description'] or ''}") for row in rows]
        self.lat = np.array([np.nan if row["lat"] is None else row["lat"] for row in rows])
        self.lon = np.array([np.nan if row["lon"] is None else row["lon"] for row in rows])
        self.categories = np.array([row["category_mask"] for row in rows], dtype=np.int64)
        self.times = np.array([row["time_mask"] for row in rows], dtype=np.int64)
        self.remote = np.array([bool(row["remote"]) for row in rows])
        self.visible = np.array(
            [row["status"] == "published" and (row["expires_at"] is None or row["expires_at"] > now) for row in rows]
        )

    def __len__(self) -> int:
        return len(self.texts)

    def search(self, criteria: Criteria, text: str, *, limit: int = 5) -> ScanResult:
        """Scores every listing against the request's words and returns the best within the constraints."""
        words = request_words(text, criteria)
        scores = process.cdist([words], self.texts, scorer=fuzz.token_set_ratio, dtype=np.uint8, workers=1)[0]
        allowed, distance = self._constraints(criteria)
        ranked = self._best(scores, allowed, distance, limit)
        if criteria.categories:
            allowed &= (self.categories & category_mask(criteria.categories)) != 0
        return ScanResult(ranked, self._best(scores, allowed, distance, limit))

    def _constraints(self, criteria: Criteria) -> tuple[np.ndarray, np.ndarray]:
        """Returns which listings pass the hard constraints, and their distances (0 without a place)."""
        allowed = self.visible.copy()
        distance = np.zeros(len(self.texts))
        if criteria.place is not None:
            frame = Frame.around(criteria.place.lat, criteria.place.lon)
            dy = (self.lat - frame.lat) * frame.km_per_lat
            dx = (self.lon - frame.lon) * frame.km_per_lon
            distance = np.nan_to_num(np.sqrt(dy * dy + dx * dx), nan=1e9)
            if not criteria.remote:
                allowed &= distance <= criteria.radius_km
        if criteria.exclude_categories:
            allowed &= (self.categories & category_mask(criteria.exclude_categories)) == 0
        if criteria.remote:
            allowed &= self.remote
        # The search's time rule (bot.search.time_wish): per family an asked tag or nothing said, a day and a part
        # of the day named as a choice either one.
        wanted = wish_mask(criteria.time, criteria.time_either)
        week, day, frequency = (((self.times & (wanted & family)) != 0) | ((self.times & family) == 0)
                                | (wanted & family == 0) for family in FAMILY_BITS)
        allowed &= wish_fit(week, day, frequency, either=bool(wanted & EITHER_BIT), every=operator.and_,
                            some=operator.or_)
        return allowed, distance

    def _best(self, scores: np.ndarray, allowed: np.ndarray, distance: np.ndarray, limit: int) -> list[int]:
        """Returns the ids of the best allowed listings: highest score, then nearest, then lowest id."""
        candidates = np.flatnonzero(allowed)
        order = np.lexsort((self.ids[candidates], distance[candidates], -scores[candidates].astype(np.int16)))
        return [int(i) for i in self.ids[candidates[order[:limit]]]]


def request_words(text: str, criteria: Criteria) -> str:
    """Returns the request's folded words without the place's name and postal codes (the radius covers those)."""
    place_words = set(plain_words(criteria.place.name)) if criteria.place else set()
    words = [word for word in plain_words(text) if word not in place_words and not word.isdigit()]
    return " ".join(words)


async def load_scan(session: AsyncSession, now: datetime) -> BruteForceScan:
    """Reads every listing (all statuses: the scan filters them itself) into memory."""
    table = Opportunity.__table__.c
    columns = (table.id, table.title, table.description, table.lat, table.lon, table.category_mask, table.time_mask,
               table.remote, table.status, table.expires_at)
    rows = [row._mapping for row in await session.execute(select(*columns).order_by(table.id))]
    return BruteForceScan(rows, now)
