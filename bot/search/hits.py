"""Turning one page of found rows into the contract's results, with organisation, contact and why-text."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Row

from bot.search.criteria import Criteria
from bot.search.geo import Frame
from bot.search.model import Contact, Hit
from bot.search.precision import is_approximate
from bot.search.vocabulary import TermGroup
from bot.search.why import ListingFacts, why
from bot.search.widening import RADIUS_STEPS_KM



def hits_from(
    rows: Sequence[Row[Any]], criteria: Criteria, groups: Sequence[TermGroup], *, lang: str | None = None,
    explain: bool = True,
) -> tuple[Hit, ...]:
    """Returns the contract's results for one page of listing rows, in their order, why-texts in `lang` (or none)."""
    frame = Frame.around(criteria.place.lat, criteria.place.lon) if criteria.place else None
    return tuple(_hit(row, float(row.score), criteria, groups, frame, lang, explain) for row in rows)


def _hit(
    row: Row[Any], score: float, criteria: Criteria, groups: Sequence[TermGroup], frame: Frame | None, lang: str | None,
    explain: bool,
) -> Hit:
    """Builds one hit from a joined row."""
    distance = None
    approximate = False
    if frame is not None and row.lat is not None and row.lon is not None:
        # An approximate place has no distance to show: its point stands for the whole town (bot.search.precision).
        approximate = is_approximate(row.place_precision, row.lat, row.lon, frame)
        distance = None if approximate else round(frame.distance_km(row.lat, row.lon), 1)
        if row.remote and distance is not None and distance > RADIUS_STEPS_KM[-1]:
            distance = None  # an online listing beside the nearest ones: done from home, not hundreds of km away
    facts = ListingFacts(
        title=row.title,
        description=row.description or "",
        categories=tuple(row.categories or ()),
        time_tags=tuple(row.time_tags or ()),
        languages=tuple(row.languages or ()),
        remote=bool(row.remote),
        newcomer_friendly=bool(row.newcomer_friendly),
    )
    contact = Contact(
        name=row.contact_name or row.organisation_contact,
        phone=row.contact_phone or row.organisation_phone,
        email=row.contact_email or row.organisation_email,
        url=row.contact_url or row.organisation_website,
    )
    return Hit(
        id=int(row.id),
        title=row.title,
        organisation=row.organisation,
        categories=facts.categories,
        place=row.place_name,
        lat=row.lat,
        lon=row.lon,
        distance_km=distance,
        time=facts.time_tags,
        contact=contact,
        score=round(score, 4),
        why=why(facts, criteria, groups, distance, lang, approximate_place=row.place_name if approximate else None)
        if explain else "",
        remote=facts.remote,
    )
