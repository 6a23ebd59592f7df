"""A part of the searched city named beside it ("Hamburg Altona", "Hamburg Nord", "Frankfurt Nord"): the centre.

The NLU may read "Hamburg Nord" as the city plus a free word "nord". Searched so, "nord" filtered for
listings repeating the word and the centre stayed at the city hall. The gazetteer knows the quarters and
district areas of large cities (nlu.kernel.gazetteer.Gazetteer.quarter, data/places/quarters.tsv): a free word
that names one of the searched city's is taken as where, not as what.

Most cities have no quarter called "Nord" or "Innenstadt" in the place data. A direction word beside such a
city (data/search/areas.toml) centres the search on that part of the city, approximately: a point off the
city's own in that direction, by a distance that grows with the city's size. Nothing tells where the city's
north ends, so the outcome says the centre is approximate (widened "area:<bearing>").

A direction or centre word counts only right beside the city's name ("Kassel-Süd", "Frankfurt Nord",
"Stadtzentrum Kassel") or after the adjective German makes of it ("im Leipziger Osten", "Dresdner Westen",
"Frankfurter Innenstadt"): anywhere else it says something else ("Geflüchtete aus dem Nahen Osten in Kassel",
"refugees from South Sudan in Leipzig", "Ost-West-Begegnung in Leipzig"). Such an adjective is then part of how
the place was written, no word of the wish (area_words).
"""

from __future__ import annotations

import math
import re
import tomllib
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path
from typing import Any

from bot.search.criteria import Criteria
from bot.search.model import PlaceRef
from bot.search.place_doubts import is_city_part, part_without_city, place_to_ask
from nlu.kernel.gazetteer import Place, get_gazetteer, haversine_km
from nlu.kernel.text import fold, plain_words
from nlu.query import ParsedQuery

DATA = Path(__file__).resolve().parents[2] / "data" / "search" / "areas.toml"
# Words joined by hyphens are one chunk ("kassel-sued"); anything else but spaces and brackets parts chunks.
_CHUNK = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*|[^\sa-z0-9()-]+")
AREA = "area"  # the widened step: "area:0" (north of the centre) ... "area:centre"
CENTRE = "centre"
# How far off the city's point its part in a direction is taken to lie: half a typical radius of a city of
# that population (Frankfurt, 650,000 people: 5 km; Kassel, 200,000: 3 km), within these bounds.
_KM_PER_ROOT_PEOPLE = 0.0065
_MIN_SHIFT_KM, _MAX_SHIFT_KM = 1.5, 7.0
_KM_PER_DEGREE = 111.2


@dataclass(frozen=True, slots=True)
class Centred:
    """The criteria centred where the text said, and the approximate part of the city taken, if any."""

    criteria: Criteria
    area: str | None = None  # "area:<bearing in degrees>" or "area:centre": the centre is approximate
    word: str | None = None  # the folded word that said where, no longer a free word (nor shown as one)

    @property
    def widened(self) -> tuple[str, ...]:
        """Returns the step to report ahead of any widening: the centre stands for a part of the city."""
        return (self.area,) if self.area else ()


@dataclass(frozen=True, slots=True)
class _Words:
    bearings: dict[str, float]
    centre: frozenset[str]
    min_population: int
    not_after: frozenset[str]  # a word before the city's name preceded by one of these is no part of it
    loose: frozenset[str]  # after the city's name, a part of it only when nothing or a centre word follows
    adjectives: dict[str, frozenset[str]]  # a folded town name's irregular adjectives ("bremen": "bremer")
    naming_after: frozenset[str]  # "für", "der": after the adjective and a centre word, an organisation's name

    def names_part(self, word: str) -> bool:
        """Tells whether a word names a part of a city by its direction or as its centre."""
        return word in self.centre or word in self.bearings


def within_city(criteria: Criteria, text: str) -> Centred:
    """Returns the criteria centred on the quarter, or the part of the city, a word of the text names.

    Online help is done from home: the word only said where the person lives, so it is no free word, and the
    search (which has no centre) says nothing about a part of the city.
    """
    centred = _within_city(criteria, text)
    if criteria.remote:
        return Centred(replace(criteria, keywords=centred.criteria.keywords), None, centred.word)
    return centred


def without_word(query: dict[str, Any], word: str | None) -> dict[str, Any]:
    """Returns the contract's query without the free word that said where (Centred.word), as it was searched."""
    if word is None or not isinstance(query.get("keywords"), list):
        return query
    kept = [item for item in query["keywords"] if not (isinstance(item, str) and plain_words(item) == [word])]
    return {**query, "keywords": kept}


def within_picked_city(criteria: Criteria, parsed: ParsedQuery) -> Centred:
    """Returns the criteria centred on the part of the city a text with no place of its own named, once the city
    was picked apart ("Ehrenamt im Bahnhofsviertel", asked which city, answered "Frankfurt am Main", "60329" or a
    candidate's button): the city's quarter of that name, else the city, and the part is no free word either way,
    as when written together ("Ehrenamt im Bahnhofsviertel Frankfurt"). Any other text keeps the place picked."""
    asked = place_to_ask(parsed) or part_without_city(parsed)
    if criteria.place is None or asked is None or not is_city_part(asked):
        return Centred(criteria)
    word = fold(asked)
    # a postal code is more precise than any quarter: only the word goes
    quarter = None if criteria.place.postal_code else get_gazetteer().quarter(word, criteria.place.name)
    if quarter is None:
        return Centred(replace(criteria, keywords=tuple(other for other in criteria.keywords if other != word)),
                       word=word)
    place = PlaceRef(quarter.name, quarter.lat, quarter.lon, quarter.state, None)
    return Centred(_centred(criteria, place, word), word=word)


def _within_city(criteria: Criteria, text: str) -> Centred:
    """Returns the criteria centred on the quarter, or the part of the city, a word of the text names."""
    if criteria.place is None or criteria.place.postal_code:
        return Centred(criteria)  # a postal code is more precise than any quarter
    table = _area_words()
    own = set(plain_words(criteria.place.name))
    beside = beside_city(text, criteria.place)
    words = [word for word in dict.fromkeys([*criteria.keywords, *plain_words(text)])
             if word in beside or not table.names_part(word)]
    if (quarter := _quarter_among(criteria.place, words)) is not None:
        return Centred(_centred(criteria, quarter[0], quarter[1]), word=quarter[1])
    city = _city(criteria.place)
    if city is None:
        return Centred(criteria)
    for word in words:
        if word in own:
            continue
        if word in table.centre:
            return Centred(_centred(criteria, criteria.place, word), f"{AREA}:{CENTRE}", word)
        bearing = table.bearings.get(word)
        if bearing is not None:
            moved = _centred(criteria, _moved(criteria.place, city, bearing), word)
            return Centred(moved, f"{AREA}:{bearing:g}", word)
    return Centred(criteria)


def quarter_named(place: PlaceRef, text: str) -> PlaceRef | None:
    """Returns the quarter of the place's city a word of the text names ("Dortmund-Hörde": Hörde), else None: where a
    place the text names is taken as it is (a place said in a follow-up message, "lieber in der Nähe von
    Dortmund-Hörde"), the search centres there as it does on a first message (within_city)."""
    if place.postal_code:
        return None
    table = _area_words()
    words = [word for word in dict.fromkeys(plain_words(text)) if not table.names_part(word)]
    quarter = _quarter_among(place, words)
    return quarter[0] if quarter is not None else None


def _quarter_among(place: PlaceRef, words: list[str]) -> tuple[PlaceRef, str] | None:
    """Returns the first quarter of the place's city one of the words names, with that word."""
    own = set(plain_words(place.name))
    for word in words:
        if len(word) < 3 or word in own:
            continue
        quarter = get_gazetteer().quarter(word, place.name)
        if quarter is not None:
            return PlaceRef(quarter.name, quarter.lat, quarter.lon, quarter.state, None), word
    return None


def beside_city(text: str, place: PlaceRef) -> frozenset[str]:
    """Returns the direction and centre words of the text that stand right beside the searched city's name (or
    another name of it, "Ffm"): right after it or its adjective ("Leipziger Osten"), right before it (not after
    "aus", "from", ...), or joined to it by a hyphen with nothing else in the compound ("Kassel-Süd", never
    "Ost-West-Begegnung")."""
    return _beside(text, place)[0]


def area_words(text: str, place: PlaceRef) -> frozenset[str]:
    """Returns the words of the text that name a part of the searched city: the direction and centre words beside
    it (beside_city) and the city's adjective before one of them ("leipziger" of "im Leipziger Osten")."""
    words, adjectives = _beside(text, place)
    return words | adjectives


def _beside(text: str, place: PlaceRef) -> tuple[frozenset[str], frozenset[str]]:
    """Returns the direction and centre words beside the city (beside_city), and the adjectives of the city's name
    that stand before them."""
    table = _area_words()
    own = set(plain_words(place.name))
    chunks = [tuple(chunk.split("-")) for chunk in _CHUNK.findall(fold(text))]
    found: set[str] = set()
    adjectives: set[str] = set()
    for index, parts in enumerate(chunks):
        if len(parts) > 1:  # a compound: the city's name and one part word at either end
            for word, rest in ((parts[0], parts[1:]), (parts[-1], parts[:-1])):
                if table.names_part(word) and word not in own and _is_city(rest, own, place):
                    found.add(word)
            continue
        word = parts[0]
        if not table.names_part(word) or word in own:
            continue
        before = chunks[index - 1] if index else ()
        after = chunks[index + 1] if index + 1 < len(chunks) else ()
        adjective = _names_adjective(before, own)
        if adjective and word in table.centre and after and after[0] in table.naming_after:
            continue  # "im Leipziger Zentrum für Flüchtlinge": an organisation's name, no part of the city
        if adjective or _is_city(before, own, place):
            if word not in table.loose or not after or (len(after) == 1 and after[0] in table.centre):
                found.add(word)
                adjectives |= set(before) if adjective else set()
        elif _is_city(after, own, place) and not (before and before[-1] in table.not_after):
            found.add(word)
    return frozenset(found), frozenset(adjectives)


def _names_adjective(chunk: tuple[str, ...], own: set[str]) -> bool:
    """Tells whether a chunk of the text is the adjective German makes of a word of the city's name: the name with
    "-er" ("Leipziger", "Frankfurter", "Zwickauer"), one ending in -en or -el without its e ("Dresdner", "Kassler")
    or with it ("Kasseler"), or an irregular one the data lists ("Bremer", "Hallesche"). Names of fewer than four
    letters are left alone."""
    if len(chunk) != 1:
        return False
    return any(chunk[0] in _adjectives(name) for name in own if len(name) >= 4)


def _adjectives(name: str) -> frozenset[str]:
    """Returns the folded adjective forms of a folded town name (_names_adjective)."""
    forms = {name + "er"}
    if name.endswith(("en", "el")):
        forms.add(name[:-2] + name[-1] + "er")
    return frozenset(forms) | _area_words().adjectives.get(name, frozenset())


def _is_city(chunk: tuple[str, ...], own: set[str], place: PlaceRef) -> bool:
    """Tells whether a chunk of the text is (a word of) the city's name, or a name the gazetteer knows it by."""
    if not chunk or all(len(part) < 3 for part in chunk):
        return False
    if all(part in own for part in chunk):
        return True
    return any(haversine_km(place.lat, place.lon, found.lat, found.lon) <= 1.0
               for found in get_gazetteer().lookup(" ".join(chunk)))


def _centred(criteria: Criteria, place: PlaceRef, word: str) -> Criteria:
    """Returns the criteria around the place, without the word that named it among the free words."""
    return replace(criteria, place=place, keywords=tuple(other for other in criteria.keywords if other != word))


def _city(place: PlaceRef) -> Place | None:
    """Returns the gazetteer's town at the searched point when it is large enough to have parts."""
    for found in get_gazetteer().lookup(place.name):
        if haversine_km(place.lat, place.lon, found.lat, found.lon) <= 1.0:
            return found if found.population >= _area_words().min_population else None
    return None


def _moved(place: PlaceRef, city: Place, bearing: float) -> PlaceRef:
    """Returns the point of the city's part in the bearing's direction, keeping the city's name."""
    shift = min(max(_KM_PER_ROOT_PEOPLE * math.sqrt(city.population), _MIN_SHIFT_KM), _MAX_SHIFT_KM)
    north = shift * math.cos(math.radians(bearing))
    east = shift * math.sin(math.radians(bearing))
    lat = place.lat + north / _KM_PER_DEGREE
    lon = place.lon + east / (_KM_PER_DEGREE * math.cos(math.radians(place.lat)))
    return replace(place, lat=round(lat, 5), lon=round(lon, 5))


@cache
def _area_words() -> _Words:
    """Reads the direction and centre words."""
    data = tomllib.loads(DATA.read_text(encoding="utf-8"))
    return _Words(
        bearings={fold(word): float(bearing) for word, bearing in data["bearings"].items()},
        centre=frozenset(fold(word) for word in data["centre"]["words"]),
        min_population=int(data["min_population"]),
        not_after=frozenset(fold(word) for word in data["not_after"]["words"]),
        loose=frozenset(fold(word) for word in data["loose"]["words"]),
        naming_after=frozenset(fold(word) for word in data["naming_after"]["words"]),
        adjectives={fold(name): frozenset(fold(form) for form in forms) for name, forms in data["adjectives"].items()},
    )
