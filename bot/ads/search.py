"""Searching volunteers' ads, for organisations and tools: the listings' understanding and ranking, other rows.

The one caller of the ads corpus. A hit carries what the ad says and where at the precision its person
chose; never the volunteer id, a name or any way to reach the person (contact goes through the bot).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from sqlalchemy import Row
from sqlalchemy.ext.asyncio import AsyncSession

from bot.search.corpus import ADS
from bot.search.criteria import Criteria
from bot.search.engine import Parser, find
from bot.search.geo import Frame
from bot.search.time_wish import not_applied
from bot.search.model import SearchOutcome, SearchRequest, Understood
from bot.search.understanding import parse_text
from bot.search.vocabulary import TermGroup
from bot.search.vocabulary_cache import VocabularyCache, default_cache
from bot.search.why import ListingFacts, why
from bot.search.widening import NEAREST


@dataclass(frozen=True, slots=True)
class AdHit:
    """One found ad, as an organisation sees it."""

    id: int
    text: str
    categories: tuple[str, ...]
    place: str | None  # the town or district; None for online only
    remote: bool
    travel_km: int | None
    # From the searched place to the ad's town in whole km (its point stands for the town, never closer); None
    # without a searched place, for an ad in that very town, or with no point.
    distance_km: int | None
    time: tuple[str, ...]
    languages: tuple[str, ...]
    newcomer: bool
    published_at: datetime | None
    score: float
    why: str

    def to_dict(self) -> dict[str, Any]:
        """Returns the contract's result object of `search --json --ads`."""
        return {
            "id": self.id,
            "text": self.text,
            "categories": list(self.categories),
            "place": self.place,
            "remote": self.remote,
            "travel_km": self.travel_km,
            "time": list(self.time),
            "languages": list(self.languages),
            "newcomer": self.newcomer,
            "published": self.published_at.date().isoformat() if self.published_at else None,
            "score": self.score,
            "why": self.why,
        }


@dataclass(frozen=True, slots=True)
class AdSearchOutcome:
    """What the ad search understood and relaxed (the listings' outcome, without listings) and the ads found."""

    outcome: SearchOutcome  # its results are empty: the ads are in `results`
    results: tuple[AdHit, ...]

    @property
    def understood(self) -> Understood:
        """Returns what the search understood, typed."""
        return self.outcome.understood

    @property
    def total(self) -> int:
        """Returns how many ads matched in all (for "more")."""
        return self.outcome.total

    @property
    def nearest_beyond_km(self) -> float | None:
        """Returns the radius within which no ad fits when the ads shown are the nearest ones farther away
        (widened "nearest"), else None."""
        if NEAREST not in self.outcome.widened:
            return None
        # The radius steps taken before the nearest ones, or the radius asked when it was already the widest.
        radii = [float(step.split(":", 1)[1]) for step in self.outcome.widened if step.startswith("radius:")]
        asked = self.outcome.query.get("radius_km")
        return max([*radii, *([float(asked)] if asked else [])], default=None)

    def to_dict(self) -> dict[str, Any]:
        """Returns the same JSON shape as `search --json`: {query, widened, results, not_applied, unknown_place}."""
        return self.outcome.to_dict() | {"results": [hit.to_dict() for hit in self.results]}


async def search_ads(
    session: AsyncSession,
    request: SearchRequest,
    *,
    default_radius_km: float = 15.0,
    parse: Parser = parse_text,
    vocabularies: VocabularyCache = default_cache,
    now: datetime | None = None,
) -> AdSearchOutcome:
    """Finds one page of published ads for a request, understood, widened and ranked as the listings' search."""
    found = await find(session, request, ADS, default_radius_km=default_radius_km, parse=parse,
                       vocabularies=vocabularies, now=now)
    results = tuple(_hit(row, found.criteria, found.groups, request.lang) for row in found.rows)
    outcome = replace(found.outcome, not_applied=not_applied(found.criteria, found.outcome, results))
    return AdSearchOutcome(outcome, results)


def _hit(row: Row[Any], criteria: Criteria, groups: tuple[TermGroup, ...], lang: str) -> AdHit:
    """Builds one hit from a row of the ads corpus: an ad's point stands for its town, so the distance is the
    towns' one in whole km, and none within the searched town itself."""
    distance = None
    if criteria.place is not None and row.lat is not None and row.lon is not None:
        km = round(Frame.around(criteria.place.lat, criteria.place.lon).distance_km(row.lat, row.lon))
        distance = km if km >= 1 else None
    facts = ListingFacts(
        title=row.text, description="", categories=tuple(row.categories or ()), time_tags=tuple(row.time_tags or ()),
        languages=tuple(row.languages or ()), remote=bool(row.remote),
        newcomer_friendly=False,  # "no German needed" is a listing's promise; for an ad the flag says who offers
    )
    return AdHit(
        id=int(row.id),
        text=row.text,
        categories=facts.categories,
        place=row.place_name,
        remote=facts.remote,
        travel_km=row.travel_km,
        distance_km=distance,
        time=facts.time_tags,
        languages=facts.languages,
        newcomer=bool(row.newcomer_friendly),
        published_at=row.published_at,
        score=round(float(row.score), 4),
        why=why(facts, criteria, groups, distance, lang,
                approximate_place=row.place_name if criteria.place and distance is None else None),
    )
