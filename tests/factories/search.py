"""Factories for search tests: listings placed by kilometres around a town, and hand-written parses."""

from __future__ import annotations

import math
from dataclasses import replace
from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from typing import Any

from sqlalchemy import insert

from bot.search import PlaceRef, SearchOutcome, SearchRequest, VocabularyCache, search
from bot.search.understanding import empty_query
from nlu.query import ParsedQuery
from nlu.query import PlaceRef as NluPlaceRef
from bot.store.db import Database
from bot.store.listings import opportunity_row, organisation_row
from bot.store.models import Opportunity, Organisation, table_of

NOW = datetime(2026, 11, 20, 12, tzinfo=timezone.utc)
KASSEL = PlaceRef("Kassel", 51.3166, 9.4912, "Hessen", None)
LEIPZIG = PlaceRef("Leipzig", 51.3397, 12.3731, "Sachsen", None)


def near(place: PlaceRef, north_km: float = 0.0, east_km: float = 0.0) -> dict[str, float]:
    """Returns lat/lon the given kilometres north and east of a place."""
    lat = place.lat + north_km / 111.2
    lon = place.lon + east_km / (111.2 * math.cos(math.radians(place.lat)))
    return {"lat": lat, "lon": lon}


class Listings:
    """Writes opportunities with sensible defaults (published yesterday, in Kassel) and returns their ids."""

    def __init__(self, database: Database) -> None:
        self.database = database
        self._organisation: int | None = None

    async def add(self, title: str, **values: Any) -> int:
        """Stores one listing and returns its id."""
        return (await self.add_many([{"title": title, **values}]))[0]

    async def add_many(self, rows: list[dict[str, Any]]) -> list[int]:
        """Stores listings in one unit of work and returns their ids in order."""
        ids = []
        async with self.database.unit_of_work() as session:
            if self._organisation is None:
                result = await session.execute(
                    insert(table_of(Organisation))
                    .values(organisation_row({"name": "Freiwilligenagentur Nordhessen e.V.",
                                              "contact_email": "info@example.org", "website": "https://example.org"}))
                    .returning(table_of(Organisation).c.id)
                )
                self._organisation = int(result.scalar_one())
            for values in rows:
                row = {
                    "organisation_id": self._organisation,
                    "description": "Wir freuen uns auf dich.",
                    "status": "published",
                    "published_at": NOW - timedelta(days=1),
                    "place_name": "Kassel",
                    **near(KASSEL),
                    **values,
                }
                table = table_of(Opportunity)
                result = await session.execute(
                    insert(table).values(opportunity_row(row, now=NOW)).returning(table.c.id)
                )
                ids.append(int(result.scalar_one()))
        return ids


def parser(**fields: Any) -> Callable[[str], ParsedQuery]:
    """Returns a parse function that understands any text as the given fields (the NLU is tested elsewhere)."""

    def parse(text: str) -> ParsedQuery:
        values: dict[str, Any] = {name: tuple(value) if isinstance(value, list) else value
                                  for name, value in fields.items()}
        if "place" in values:
            values["place"] = _nlu_place(values["place"])
        values["place_candidates"] = tuple(_nlu_place(c) for c in values.get("place_candidates", ()))
        values["ruled_out_places"] = tuple(_nlu_place(c) for c in values.get("ruled_out_places", ()))
        return replace(empty_query(text), **values)

    return parse


def _nlu_place(place: object) -> object:
    """Returns a place as the NLU reports it; anything odd passes as it is (the search must survive it)."""
    if not isinstance(place, PlaceRef):
        return place
    return NluPlaceRef(0, place.name, place.lat, place.lon, place.state or "", None, place.postal_code)


async def find(database: Database, request: SearchRequest, **fields: Any) -> SearchOutcome:
    """Runs a search on a fresh vocabulary, with the text understood as the given fields."""
    if fields and not request.text:
        request = replace(request, text="(understood as the test says)")
    async with database.read_only() as session:
        return await search(session, request, parse=parser(**fields), vocabularies=VocabularyCache(), now=NOW)


async def answer_and_similar(database: Database, request: SearchRequest, **fields: Any) -> tuple[list[int], list[int]]:
    """Returns the ids of a search's answer and of the related listings it left out ("Ähnliche anzeigen"), each
    in its order (bot.search.tiers)."""
    answer = await find(database, request, **fields)
    if not answer.others:
        return ids(answer), []
    return ids(answer), ids(await find(database, replace(request, similar=True), **fields))


def ids(outcome: SearchOutcome) -> list[int]:
    """Returns the ids of an outcome's results in order."""
    return [hit.id for hit in outcome.results]
