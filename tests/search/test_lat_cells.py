"""A SQLite try around a place reads its box from the index of its latitude's tenths of a degree, bounded by the box's
longitudes in each band (migration 0021, bot.search.sources.lat_cells), and finds every listing of the box."""

from __future__ import annotations

import re
from datetime import timedelta

from sqlalchemy import text
from tests.factories.search import LEIPZIG, NOW, Listings, near

from bot.search.corpus import LISTINGS
from bot.search.criteria import Criteria
from bot.search.geo import Frame
from bot.search.model import PlaceRef
from bot.search.sources import constraints, index_hint, lat_cells
from bot.search.sql import SqlText
from bot.search.widening import Attempt
from bot.store.db import Database

AROUND = Attempt(radius_km=15.0, strict_time=False, text_required=False, widened=())


def _cells(radius_km: float, lat: float) -> list[int]:
    sql = SqlText("sqlite")
    condition = lat_cells(sql, Frame.around(lat, 10.0), radius_km)
    return [int(sql._values[name]) for name in re.findall(r":(p\d+)", condition)]


def test_every_latitude_of_a_box_lies_in_a_named_band_and_boxes_of_one_size_share_a_statement() -> None:
    for lat in (47.3, 50.0, 51.3397, 54.9):
        for radius_km in (10.0, 15.0, 30.0, 50.0, 100.0, 800.0):
            cells = _cells(radius_km, lat)
            min_lat, max_lat, _, _ = Frame.around(lat, 10.0).box(radius_km)
            steps = 1000
            wanted = {int((min_lat + (max_lat - min_lat) * step / steps) * 10) for step in range(steps + 1)}
            assert wanted == set(cells)
            assert len(cells) & (len(cells) - 1) == 0  # padded to a power of two
    assert len(_cells(15.0, 51.0)) == len(_cells(15.0, 51.05)) == 4


async def test_a_try_around_a_place_reads_the_bands_of_its_box_and_finds_its_edges(database: Database) -> None:
    listings = Listings(database)  # SQLite's own: PostgreSQL has no such index
    # Either side of the band boundary at 51.3, at the box's north and south edges, and one just east of the box.
    inside = await listings.add_many([
        {"title": "Süden", **near(LEIPZIG, -4.4, 0)}, {"title": "Norden", **near(LEIPZIG, -4.3, 0)},
        {"title": "Rand Nord", **near(LEIPZIG, 14.9, 0)}, {"title": "Rand Süd", **near(LEIPZIG, -14.9, 0)},
        {"title": "Mitte", **near(LEIPZIG)},
    ])
    await listings.add_many([{"title": "Östlich", **near(LEIPZIG, 0, 15.2)},
                             {"title": "Nördlich", **near(LEIPZIG, 15.2, 0)}])
    criteria = Criteria(place=PlaceRef("Leipzig", LEIPZIG.lat, LEIPZIG.lon))
    sql = SqlText("sqlite")
    where = " AND ".join(constraints(sql, criteria, (), AROUND, Frame.around(LEIPZIG.lat, LEIPZIG.lon),
                                     now=NOW + timedelta(days=1)))
    statement = f"SELECT o.id FROM opportunities o{index_hint(sql, criteria, (), AROUND, LISTINGS)} WHERE {where}"
    async with database.read_only() as session:
        plan = " ".join(str(row[3]) for row in await session.execute(text(f"EXPLAIN QUERY PLAN {statement}"),
                                                                      sql._values))
        found = sorted((await session.execute(text(statement), sql._values)).scalars())
    assert "COVERING INDEX ix_opportunities_search_cell (status=? AND <expr>=? AND lon>? AND lon<?)" in plan
    assert found == sorted(inside)
