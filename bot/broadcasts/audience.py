"""Who gets a broadcast: volunteers and/or organisations' contacts, narrowed by region, radius and interests.

Every given filter must hold (AND); within the interests, any one suffices. People who turned announcements
off or blocked the bot are always left out, also when they are reached as an organisation's contact. The
selections are SQL, so counting and writing the outbox never load the audience into memory.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace
from typing import Any

from sqlalchemy import ColumnElement, Select, exists, false, func, literal_column, or_, select, true, union
from sqlalchemy.dialects.postgresql import array
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.types import Text

from bot.admins import AdminScope, NotAllowed
from bot.store.models import Organisation, OrganisationMember, Volunteer

EARTH_RADIUS_KM = 6371.0
MAX_RADIUS_KM = 500.0


class AudienceError(ValueError):
    """An audience that makes no sense (no group, unknown category, radius out of range...)."""


@dataclass(frozen=True, slots=True)
class Near:
    """A place and a radius around it; volunteers match by their home place."""

    lat: float
    lon: float
    radius_km: float
    place: str | None = None  # the name the admin chose, for display only


@dataclass(frozen=True, slots=True)
class Audience:
    """The people a broadcast goes to; stored as JSON on the broadcast."""

    volunteers: bool = True
    contacts: bool = False
    state: str | None = None
    district: str | None = None
    near: Near | None = None
    interests: frozenset[str] = field(default_factory=frozenset)

    def validated(self) -> Audience:
        """Returns the audience, or raises AudienceError naming what is wrong."""
        if not (self.volunteers or self.contacts):
            raise AudienceError("choose volunteers, organisations' contacts or both")
        if self.district and not self.state:
            raise AudienceError("a district needs its state")
        if self.contacts and (self.near or self.interests):
            raise AudienceError("radius and interests select volunteers only; contacts are chosen by region")
        if self.near:
            near = self.near
            if not (-90 <= near.lat <= 90 and -180 <= near.lon <= 180):
                raise AudienceError("coordinates out of range")
            if not 0 < near.radius_km <= MAX_RADIUS_KM:
                raise AudienceError(f"the radius must be between 0 and {MAX_RADIUS_KM:g} km")
        unknown = sorted(key for key in self.interests if not _is_category(key))
        if unknown:
            raise AudienceError(f"unknown categories: {', '.join(unknown)}{_category_suggestions(unknown[0])}")
        return self

    def to_json(self) -> dict[str, Any]:
        """Returns the JSON form stored in Broadcast.audience."""
        data: dict[str, Any] = {"volunteers": self.volunteers, "contacts": self.contacts}
        if self.state:
            data["state"] = self.state
        if self.district:
            data["district"] = self.district
        if self.near:
            data["near"] = {"lat": self.near.lat, "lon": self.near.lon, "radius_km": self.near.radius_km,
                            "place": self.near.place}
        if self.interests:
            data["interests"] = sorted(self.interests)
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Audience:
        """Reads the JSON form back (validated)."""
        near = data.get("near")
        return cls(
            volunteers=bool(data.get("volunteers", True)),
            contacts=bool(data.get("contacts", False)),
            state=data.get("state"),
            district=data.get("district"),
            near=Near(float(near["lat"]), float(near["lon"]), float(near["radius_km"]), near.get("place"))
            if near
            else None,
            interests=frozenset(data.get("interests", ())),
        ).validated()


def _category_suggestions(word: str) -> str:
    """Returns '; did you mean …?' with the closest category keys (labels in German and English count too)."""
    from bot.broadcasts.regions import did_you_mean
    from bot.categories import categories

    return did_you_mean(word, {label: key for key, c in categories().items()
                               for label in (key, c.label("de"), c.label("en"))})


def _is_category(key: str) -> bool:
    """Tells whether a key names a category (imported late: the taxonomy loader pulls in the NLU package)."""
    from bot.categories import is_category

    return is_category(key)


def within_scope(audience: Audience, scope: AdminScope) -> Audience:
    """Returns the audience limited to the admin's region, or raises NotAllowed.

    A regional admin who names no region gets their only region filled in; one with several regions must
    choose. Radius and interests are intersected with the region, never widen it.
    """
    audience = audience.validated()
    if scope.is_global:
        return audience
    if audience.state is None:
        if len(scope.regions) != 1:
            raise NotAllowed("choose one of your regions")
        region = scope.regions[0]
        return replace(audience, state=region.state, district=region.district)
    if not scope.covers(audience.state, audience.district):
        raise NotAllowed("this region is outside your admin region")
    return audience


async def count_audience(session: AsyncSession, audience: Audience) -> int:
    """Returns how many distinct people the audience reaches now (for the preview)."""
    audience = audience.validated()
    dialect = session.get_bind().dialect.name
    if audience.volunteers and not audience.contacts:
        query = select(func.count()).select_from(Volunteer).where(*volunteer_filters(audience, dialect))
    else:
        people = union(*_recipient_selects(audience, dialect)).subquery()
        query = select(func.count()).select_from(people)
    return int((await session.execute(query)).scalar_one())


def _recipient_selects(audience: Audience, dialect: str) -> list[Select[Any]]:
    """Returns one SELECT of chat ids per group in the audience."""
    selects: list[Select[Any]] = []
    if audience.volunteers:
        selects.append(select(Volunteer.telegram_id.label("chat_id")).where(*volunteer_filters(audience, dialect)))
    if audience.contacts:
        selects.append(
            select(OrganisationMember.telegram_id.label("chat_id"))
            .join(Organisation, Organisation.id == OrganisationMember.organisation_id)
            .where(*contact_filters(audience))
        )
    return selects


def volunteer_filters(audience: Audience, dialect: str) -> list[ColumnElement[bool]]:
    """Returns the WHERE conditions selecting the audience's volunteers."""
    conditions: list[ColumnElement[bool]] = [Volunteer.announcements.is_(true()), Volunteer.blocked.is_(false())]
    if audience.state:
        conditions.append(Volunteer.home_state == audience.state)
    if audience.district:
        conditions.append(Volunteer.home_district == audience.district)
    if audience.near:
        conditions.extend(_within_radius(audience.near))
    if audience.interests:
        conditions.append(_has_any_interest(sorted(audience.interests), dialect))
    return conditions


def contact_filters(audience: Audience) -> list[ColumnElement[bool]]:
    """Returns the WHERE conditions selecting contacts (joined with their organisation)."""
    unwilling = exists().where(
        Volunteer.telegram_id == OrganisationMember.telegram_id,
        or_(Volunteer.announcements.is_(false()), Volunteer.blocked.is_(true())),
    )
    conditions: list[ColumnElement[bool]] = [~unwilling]
    if audience.state:
        conditions.append(Organisation.state == audience.state)
    if audience.district:
        conditions.append(Organisation.district == audience.district)
    return conditions


def _within_radius(near: Near) -> list[ColumnElement[bool]]:
    """Returns a bounding box (cheap) and the haversine distance (exact) around a place."""
    lat_span = near.radius_km / 111.0
    lon_span = near.radius_km / (111.0 * max(math.cos(math.radians(near.lat)), 0.01))
    lat, lon = Volunteer.home_lat, Volunteer.home_lon
    half_dlat = func.radians(lat - near.lat) * 0.5
    half_dlon = func.radians(lon - near.lon) * 0.5
    a = func.sin(half_dlat) * func.sin(half_dlat) + math.cos(math.radians(near.lat)) * func.cos(
        func.radians(lat)
    ) * func.sin(half_dlon) * func.sin(half_dlon)
    distance = 2 * EARTH_RADIUS_KM * func.asin(func.sqrt(a))
    return [
        lat.between(near.lat - lat_span, near.lat + lat_span),
        lon.between(near.lon - lon_span, near.lon + lon_span),
        distance <= near.radius_km,
    ]


def _has_any_interest(keys: list[str], dialect: str) -> ColumnElement[bool]:
    """Tells whether the volunteer's interests (a JSON list) contain any of the keys."""
    if dialect == "postgresql":
        return Volunteer.interests.op("?|")(array(keys, type_=Text))
    values = func.json_each(Volunteer.interests).table_valued("value").alias("interest")
    return exists(select(literal_column("1")).select_from(values).where(values.c.value.in_(keys)))


def page_query(group: str, audience: Audience, dialect: str) -> tuple[Any, Any, Select[Any]]:
    """Returns (paging key, chat id column, SELECT of the key with the group's joins and filters)."""
    if group == "volunteers":
        return Volunteer.id, Volunteer.telegram_id, select(Volunteer.id).where(*volunteer_filters(audience, dialect))
    query = (
        select(OrganisationMember.id)
        .join(Organisation, Organisation.id == OrganisationMember.organisation_id)
        .where(*contact_filters(audience))
    )
    return OrganisationMember.id, OrganisationMember.telegram_id, query


def groups(audience: Audience) -> list[str]:
    """Returns the groups the audience includes, in the order the outbox is written."""
    return [name for name in ("volunteers", "contacts") if getattr(audience, name)]
