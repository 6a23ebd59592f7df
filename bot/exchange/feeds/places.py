"""Placing a feed's offers as precisely as the feed allows.

In order: the feed's own coordinates when they are real (0/0 means unknown, and a point many organisations
of one feed share is a placeholder, typically the city's centre); else the postal code's centre (with the
street kept as the address: there is no street geocoder offline); else the city quarter (ortsteil), resolved
inside the feed's town, never a same-named town elsewhere; else the town. Quarter and town are approximate.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass

from bot.domain import PlacePrecision
from bot.exchange.feeds.offer import FeedOffer
from bot.exchange.schema import LAT_RANGE, LON_RANGE
from nlu.kernel.gazetteer import Gazetteer, Place, haversine_km
from nlu.kernel.postal_codes import postal_code_in
from nlu.kernel.text import fold

_CODE = re.compile(r"\b(\d{4,5})\b")  # in a place's name also four digits: a spreadsheet's "1067 Dresden"
_ZERO_NOTE = "postal code of four digits: the leading zero a spreadsheet drops was put back (e.g. 1067 -> 01067)"
_SEVERAL = re.compile(r"\s*[,;/|]\s*|\s+und\s+")
_ONLINE_WORDS = {"online", "digital", "virtuell", "von zu hause", "von zuhause", "ortsunabhaengig", "remote"}
PLACEHOLDER_ORGANISATIONS = 3  # distinct organisations on one exact point make it a placeholder...
PLACEHOLDER_ROWS = 5  # ...when at least this many rows share it
_NEAR_HOME_KM = 40.0


@dataclass(frozen=True, slots=True)
class Placement:
    """Where a listing is, and how precisely."""

    place_name: str | None
    lat: float | None
    lon: float | None
    precision: PlacePrecision | None
    postal_code: str | None = None
    address: str | None = None
    state: str | None = None
    district: str | None = None
    note: str | None = None  # what a person should know about how it was placed (grouped in the report)


def coordinates(offer: FeedOffer) -> tuple[float, float] | None:
    """Returns the offer's coordinates as numbers, None when missing, unreadable or 0/0."""
    try:
        lat = float(offer.lat.strip().replace(",", "."))
        lon = float(offer.lon.strip().replace(",", "."))
    except ValueError:
        return None
    if abs(lat) < 1e-6 and abs(lon) < 1e-6:
        return None
    return lat, lon


def in_germany(lat: float, lon: float) -> bool:
    """Tells whether a point lies in Germany's bounding box."""
    return LAT_RANGE[0] <= lat <= LAT_RANGE[1] and LON_RANGE[0] <= lon <= LON_RANGE[1]


def _says_online(offer: FeedOffer) -> bool:
    """Tells whether the offer's only place words say "online"."""
    return all(
        not word or word in _ONLINE_WORDS for word in (offer.town.strip().lower(), offer.quarter.strip().lower())
    )


def is_online(offer: FeedOffer) -> bool:
    """Tells whether the feed marks an offer as online or names "online" as its place."""
    words = {offer.town.strip().lower(), offer.quarter.strip().lower()}
    return offer.online or bool(words & _ONLINE_WORDS)


class FeedPlaces:
    """Places the offers of one feed, knowing the feed's placeholder points and its home town."""

    def __init__(self, gazetteer: Gazetteer, offers: list[FeedOffer], home: str = "") -> None:
        self.gazetteer = gazetteer
        self.placeholders = placeholder_points(offers)
        self.home = self._home(offers, home)

    def _home(self, offers: list[FeedOffer], configured: str) -> Place | None:
        """Returns the feed's town: the operator's, else the town most of its offers name or lie in."""
        if configured:
            found = self.gazetteer.lookup(configured)
            if found:
                return found[0]
        votes: Counter[int] = Counter()
        for offer in offers:
            code = self._postal_code(offer)[0]
            place = ((self.gazetteer.by_postal_code(code) if code else None) or self._first(offer.town)
                     or self._quarter_city(offer.quarter))
            if place is not None:
                votes[(self.gazetteer.city_of(place) or place).id] += 1
        if not votes:  # a feed of coordinates only: the town most of its real points lie in
            for offer in offers:
                point = coordinates(offer)
                if point and in_germany(*point) and (round(point[0], 5), round(point[1], 5)) not in self.placeholders:
                    nearest = self.gazetteer.nearest(*point)
                    votes[(self.gazetteer.city_of(nearest) or nearest).id] += 1
        return self.gazetteer.get(votes.most_common(1)[0][0]) if votes else None

    def place(self, offer: FeedOffer) -> Placement | None:
        """Returns the most precise placement the offer allows, None when it names no place at all."""
        point = coordinates(offer)
        note = None
        if point is not None:
            lat, lon = point
            if not in_germany(lat, lon) and in_germany(lon, lat):
                lat, lon, note = lon, lat, "latitude and longitude were swapped; read the other way round"
            if not in_germany(lat, lon):
                note = "coordinates outside Germany ignored"
            elif (round(lat, 5), round(lon, 5)) in self.placeholders:
                note = "coordinates ignored: a placeholder point many organisations of this feed share"
                named = self._by_name(offer)
                return _with_note(named, note) if named and not named.note else named or self._around(lat, lon, note)
            else:
                return self._at_point(offer, lat, lon, note)
        elif offer.lat.strip() or offer.lon.strip():
            note = "coordinates 0/0 or unreadable: unknown, placed by postal code, quarter or town"
        placement = self._by_name(offer)
        if placement is None:
            return None
        return placement if note is None or placement.note else _with_note(placement, note)

    def _around(self, lat: float, lon: float, note: str) -> Placement:
        """Places an offer that has only a placeholder point at the town the point lies in (approximate)."""
        nearest = self.gazetteer.nearest(lat, lon)
        town = self.gazetteer.city_of(nearest) or nearest
        return Placement(town.name, town.lat, town.lon, PlacePrecision.TOWN, None, None, town.state, town.district,
                         f"{note}; nothing else named: placed at its town")

    def _at_point(self, offer: FeedOffer, lat: float, lon: float, note: str | None) -> Placement:
        """Places an offer at its own coordinates, named after its town (or quarter) or the nearest place."""
        named = self._by_name(offer)
        code, restored = self._postal_code(offer)
        note = note or (_ZERO_NOTE if restored else None)
        if named is not None and named.lat is not None and named.precision is not PlacePrecision.TOWN:
            return Placement(named.place_name, lat, lon, PlacePrecision.POINT, code,
                             offer.street or None, named.state, named.district, note)
        nearest = self.gazetteer.nearest(lat, lon)  # no name, or only a town: the point says more
        city = self.gazetteer.city_of(nearest)
        name = named.place_name if named else (f"{city.name}-{nearest.name}" if city else nearest.name)
        return Placement(name, lat, lon, PlacePrecision.POINT, code, offer.street or None,
                         nearest.state, nearest.district, note)

    def _by_name(self, offer: FeedOffer) -> Placement | None:
        """Places an offer by postal code, else quarter, else town (without its own coordinates)."""
        if is_online(offer) and not offer.postal_code.strip() and _says_online(offer):
            return None  # "Online" in ort or ortsteil is no place
        code, restored = self._postal_code(offer)
        town = self._town(offer.town, strict=False)
        quarter, quarter_name = self._quarter(offer.quarter, town)
        if quarter is None and town is None and offer.quarter.strip():
            town = self._town(offer.quarter, strict=True)  # an ortsteil that is a town of its own ("Norderstedt")
        city = town or (self.gazetteer.city_of(quarter) if quarter else None) or self.home
        unknown_quarter = offer.quarter.strip() if quarter is None and town is None else ""
        display = (quarter_name or (town.name if town else None)
                   or (f"{city.name}-{unknown_quarter}" if city and unknown_quarter else unknown_quarter) or None)
        street = offer.street or None
        if code and (postal := self.gazetteer.by_postal_code(code)):
            return Placement(display or postal.name, postal.lat, postal.lon, PlacePrecision.POSTAL_CODE, code,
                             street, postal.state, postal.district, _ZERO_NOTE if restored else None)
        if quarter is not None:
            return Placement(display, quarter.lat, quarter.lon, PlacePrecision.QUARTER, code, street,
                             quarter.state, quarter.district)
        if town is not None:
            return Placement(display, town.lat, town.lon, PlacePrecision.TOWN, code, street, town.state, town.district)
        if display is None and not code and not offer.town.strip():
            return None
        named = display or offer.town.strip() or code
        if city is not None:
            return Placement(named, city.lat, city.lon, PlacePrecision.TOWN, code, street, city.state, city.district,
                             "place not found in the gazetteer; placed at the feed's town")
        return Placement(named, None, None, None, code, street,
                         note="place not found and the feed has no town: stored without coordinates")

    def _town(self, name: str, *, strict: bool) -> Place | None:
        """Returns the town a name means: among same-named places the one nearest the feed's town.

        strict: only a place near the feed's town (or the only one of that name when the feed has no town).
        """
        name = _CODE.sub("", name).strip(" ,;")
        found = self.gazetteer.lookup(name) if name else []
        if not found:
            return None
        if self.home is not None:
            near = [p for p in found if haversine_km(p.lat, p.lon, self.home.lat, self.home.lon) < _NEAR_HOME_KM]
            return near[0] if near else (None if strict else found[0])
        return found[0] if not strict or len(found) == 1 else None

    def _quarter(self, name: str, town: Place | None) -> tuple[Place | None, str | None]:
        """Returns the quarter an ortsteil names (inside the offer's or the feed's town) and its display name.

        "22765 Altona" loses its postal code; "Altona, Ottensen" (several quarters) gives the first known one.
        """
        name = _CODE.sub("", name).strip(" ,;")
        if not name:
            return None, None
        quarter, display = self._one_quarter(name, town)
        if quarter is None and _SEVERAL.search(name):
            for part in _SEVERAL.split(name):
                quarter, display = self._one_quarter(part.strip(), town)
                if quarter is not None:
                    break
        return quarter, display

    def _one_quarter(self, name: str, town: Place | None) -> tuple[Place | None, str | None]:
        """Returns one quarter by name and its display name."""
        if not name:
            return None, None
        for city in (town, self.home):
            if city is not None and (quarter := self.gazetteer.quarter(name, city)):
                city_name = (self.gazetteer.city_of(quarter) or city).name
                return quarter, name if fold(name).startswith(fold(city_name)) else f"{city_name}-{name}"
        if quarter := self.gazetteer.quarter(name):  # "Hamburg-Altona": the city is in the name
            return quarter, name
        return None, None

    def _postal_code(self, offer: FeedOffer) -> tuple[str | None, bool]:
        """Returns the offer's postal code (from its column, or from an address that holds one) and whether the
        leading zero a spreadsheet drops was put back ("1067" or "1067 Dresden" for 01067)."""
        code = offer.postal_code.strip()
        if len(code) == 5 and code.isdigit():
            return code, False
        if restored := self.gazetteer.read_postal_code(code, year_possible=False):  # "1067", "341 27"
            return restored, len(code) == 4
        for text in (offer.street, offer.town, offer.quarter):  # "Alaunstraße 10, 01099 Dresden", "22765 Hamburg"
            if written := postal_code_in(text, answer=True):
                return written.code, False
        for text in (offer.town, offer.quarter):  # not the street: "Hauptstraße 1067" is a house number
            if (match := _CODE.search(text)) and len(match.group(1)) == 4 and (
                restored := self.gazetteer.read_postal_code(match.group(1), year_possible=False)
            ):
                return restored, True
        return None, False

    def _first(self, name: str) -> Place | None:
        """Returns the best place of a name."""
        found = self.gazetteer.lookup(name.strip()) if name.strip() else []
        return found[0] if found else None

    def _quarter_city(self, name: str) -> Place | None:
        """Returns the city a name is a quarter of, when its best place is a quarter ("Altona" -> Hamburg)."""
        place = self._first(name)
        return self.gazetteer.city_of(place) if place else None


def placeholder_points(offers: list[FeedOffer]) -> frozenset[tuple[float, float]]:
    """Returns the points that stand for "somewhere here": shared by several organisations and many rows."""
    rows: Counter[tuple[float, float]] = Counter()
    organisations: defaultdict[tuple[float, float], set[str]] = defaultdict(set)
    for offer in offers:
        point = coordinates(offer)
        if point is not None:
            key = (round(point[0], 5), round(point[1], 5))
            rows[key] += 1
            organisations[key].add(offer.organisation_id or offer.organisation)
    return frozenset(key for key, count in rows.items()
                     if count >= PLACEHOLDER_ROWS and len(organisations[key]) >= PLACEHOLDER_ORGANISATIONS)


def _with_note(placement: Placement, note: str) -> Placement:
    """Returns the placement with a note."""
    return Placement(placement.place_name, placement.lat, placement.lon, placement.precision, placement.postal_code,
                     placement.address, placement.state, placement.district, note)
