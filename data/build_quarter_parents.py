"""Which gazetteer places are quarters of which city (build time only; see data/places/README.md, "City quarters").

A place is a quarter of a city when it lies in Hamburg or Berlin (city states), in a kreisfreie Stadt of Hessen or
Sachsen (build_districts.py), is named "City-Quarter" (Köln-Deutz), or lies within the reviewed radius of a city
listed in quarters.toml (add_radius_cities); the quarters GeoNames lacks come from quarter_points.toml
(build_quarter_points.py). Used by build_places.py (a postal code in a quarter goes to its city; the added quarters
go into places.tsv and names.tsv) and build_quarters.py (quarters.tsv): both build the same links from the same
inputs, so the added quarters' ids agree.
"""

from __future__ import annotations

import sys
import tomllib
from collections import defaultdict

from build_districts import is_city
from build_place_rows import PLACES_DIR, PlaceRow
from build_quarter_points import QuarterPoints, quarter_points
from nlu.kernel.gazetteer import haversine_km
from nlu.kernel.text import fold

CITY_STATES = {"04": "Hamburg", "16": "Berlin"}  # every place there is a quarter of the one city


def city_of(rows: list[PlaceRow], seats: list[tuple[dict, PlaceRow]]) -> dict[int, PlaceRow]:
    """Maps each quarter of a city to the city itself (Gorbitz -> Dresden, Köln-Deutz -> Köln)."""
    by_district = {d["name"]: seat for d, seat in seats if is_city(d)}
    by_name = {(row.state_code, row.name): row for row in rows}
    towns = towns_by_fold(rows)
    parent = {}
    for row in rows:
        if row.district in by_district:
            parent[row.id] = by_district[row.district]
        elif row.state_code in CITY_STATES:
            parent[row.id] = by_name[(row.state_code, CITY_STATES[row.state_code])]
        elif city := named_city(row, towns):
            parent[row.id] = city
    return {child: city for child, city in parent.items() if child != city.id}


def towns_by_fold(rows: list[PlaceRow]) -> dict[str, list[PlaceRow]]:
    """Indexes towns of at least 50,000 people by folded display name."""
    towns: dict[str, list[PlaceRow]] = defaultdict(list)
    for row in rows:
        if row.population >= 50_000:
            towns[fold(row.name)].append(row)
    return towns


def named_city(row: PlaceRow, towns: dict[str, list[PlaceRow]]) -> PlaceRow | None:
    """Returns the larger nearby town a place is also called a quarter of ("Koeln-Deutz" -> Köln)."""
    for name in row.alternates:
        prefix, dash, _ = name.partition("-")
        for town in towns.get(fold(prefix), []) if dash else []:
            near = haversine_km(row.lat, row.lon, town.lat, town.lon) < 20
            if town.state_code == row.state_code and town.population > row.population and near:
                return town
    return None


def add_radius_cities(rows: list[PlaceRow], parent: dict[int, PlaceRow], cities: list[dict]) -> None:
    """Adds the places within each listed city's reviewed radius (and its includes, minus its excludes)."""
    by_id = {row.id: row for row in rows}
    for entry in cities:
        city = by_id.get(entry["id"])
        if city is None or city.name != entry["name"]:
            sys.exit(f"quarters.toml: {entry['name']} is not place {entry['id']} (found {city and city.name!r})")
        include, exclude = set(entry.get("include", [])), set(entry.get("exclude", []))
        found = set()
        for row in rows:
            near = haversine_km(city.lat, city.lon, row.lat, row.lon) <= entry["radius_km"]
            same_state = row.id != city.id and row.state_code == city.state_code and row.name not in exclude
            if same_state and (near or row.name in include):
                parent[row.id] = city
                found.add(row.name)
        if missing := include - found:
            sys.exit(f"quarters.toml: {entry['name']}: no place called {sorted(missing)} in its state")


def with_radius_cities(rows: list[PlaceRow], parent: dict[int, PlaceRow]) -> dict[int, PlaceRow]:
    """Returns the quarter -> city map with the places within the reviewed radius of quarters.toml's cities added."""
    quarter_parent = dict(parent)
    add_radius_cities(rows, quarter_parent, tomllib.loads((PLACES_DIR / "quarters.toml").read_text("utf-8"))["city"])
    return quarter_parent


def added_quarters(rows: list[PlaceRow], parent: dict[int, PlaceRow], coordinates: dict) -> QuarterPoints:
    """Returns the city quarters of quarter_points.toml that GeoNames lacks, as build_quarters.py makes them (after
    the quarters of quarters.toml, which it reads the same way)."""
    return quarter_points(rows, with_radius_cities(rows, parent), coordinates, PlaceRow)
