"""Turning one page of found ids into the contract's results, with organisation, contact and why-text."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.search.criteria import Criteria
from bot.search.geo import Frame
from bot.search.model import Contact, Hit
from bot.search.vocabulary import TermGroup
from bot.search.why import ListingFacts, why
from bot.store.models import Opportunity, Organisation

O = Opportunity.__table__.c
G = Organisation.__table__.c
_COLUMNS = (
    O.id, O.title, O.description, O.categories, O.place_name, O.lat, O.lon, O.time_tags, O.languages, O.remote,
    O.newcomer_friendly, O.contact_name, O.contact_phone, O.contact_email, O.contact_url,
    G.name.label("organisation"), G.contact_name.label("organisation_contact"),
    G.contact_phone.label("organisation_phone"), G.contact_email.label("organisation_email"),
    G.website.label("organisation_website"),
)


async def load_hits(
    session: AsyncSession,
    ids: Sequence[int],
    scores: Sequence[float],
    criteria: Criteria,
    groups: Sequence[TermGroup],
) -> tuple[Hit, ...]:
    """Reads the listings of one page and returns them as hits, in the page's order."""
    if not ids:
        return ()
    statement = (
        select(*_COLUMNS)
        .select_from(Opportunity.__table__.join(Organisation.__table__, O.organisation_id == G.id))
        .where(O.id.in_(list(ids)))
    )
    rows = {row.id: row for row in await session.execute(statement)}
    frame = Frame.around(criteria.place.lat, criteria.place.lon) if criteria.place else None
    # A listing may vanish between the two queries (deleted meanwhile): skip it rather than fail.
    return tuple(_hit(rows[id_], score, criteria, groups, frame) for id_, score in zip(ids, scores) if id_ in rows)


def _hit(row, score: float, criteria: Criteria, groups: Sequence[TermGroup], frame: Frame | None) -> Hit:  # type: ignore[no-untyped-def]
    """Builds one hit from a joined row."""
    distance = None
    if frame is not None and row.lat is not None and row.lon is not None:
        distance = round(frame.distance_km(row.lat, row.lon), 1)
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
        why=why(facts, criteria, groups, distance),
    )
