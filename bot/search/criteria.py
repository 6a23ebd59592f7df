"""What a search looks for: the parsed text with button refinements applied, cleaned of anything odd.

Everything downstream (retrieval, ranking, widening, why-texts) reads a Criteria and never the raw parse,
so forged callback data or a strange parse can at worst narrow a search, never break it.
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from bot.categories import is_category
from bot.domain import TIME_BITS
from bot.search.field_choice import names_choice
from bot.search.model import PlaceRef, Refinement
from bot.search.time_wish import TIME_FAMILIES
from nlu.query import ParsedQuery
from nlu.query import PlaceRef as NluPlaceRef
from nlu.kernel.gazetteer import get_gazetteer, haversine_km
from nlu.kernel.text import plain_words
from nlu.lexicon import place_rules

MIN_RADIUS_KM = 1.0
MAX_RADIUS_KM = 200.0
MAX_KEYWORDS = 8
# A ruled-out place ("aber nicht in Kassel") leaves out the listings within its extent around its point: at least
# this distance (a town's listings sit within a few km of its centre; Kassel's built-up area reaches about 5 km
# out, while its neighbour Baunatal, 10 km, stays in) ...
RULED_OUT_RADIUS_KM = 5.0
# ... and for a city, the radius of a circle holding its people at CITY_DENSITY per km² (Berlin 21 km, Hamburg 16,
# Köln 11, Frankfurt 9; Berlin's outermost Ortsteile lie 21-23 km from its point, Hamburg's 18-20), at most
# MAX_RULED_OUT_RADIUS_KM. A circle is no city's shape: near the edge some neighbours' listings go too.
CITY_DENSITY = 2500.0
MAX_RULED_OUT_RADIUS_KM = 25.0
# Listings this close to the searched place's own point are never left out for a ruled-out neighbour.
WANTED_PLACE_MARGIN_KM = RULED_OUT_RADIUS_KM
_SAME_POINT_KM = 2.0  # a ruled-out place at a gazetteer place's own point is that place (a postal area is not)
_LANGUAGE = re.compile(r"^[a-z]{2}$")


@dataclass(frozen=True, slots=True)
class Criteria:
    """A search's wishes after cleaning: hard filters and what ranking should prefer."""

    categories: tuple[str, ...] = ()
    exclude_categories: tuple[str, ...] = ()
    place: PlaceRef | None = None
    place_candidates: tuple[PlaceRef, ...] = ()
    radius_km: float = 15.0
    # The radius was asked for (a button, "im Umkreis von 5 km", "weiter weg"): kept, never widened over
    # (bot.search.widening.attempts); only the default radius widens when few listings fit.
    radius_chosen: bool = False
    time: tuple[str, ...] = ()
    time_either: bool = False  # the times are named as a choice: a listing at either fits (bot.search.time_wish)
    # The times are a preference, not a condition ("am liebsten abends": ParsedQuery.time_soft): they rank the listings
    # at them first and leave none out (bot.search.widening, bot.search.time_wish.time_preference).
    time_soft: bool = False
    # The asked times that stand for a time ruled out ("nicht am Wochenende": weekday): a search widening its time
    # keeps them, so the ruled-out time never comes back (bot.search.sources).
    firm_time: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    remote: bool = False
    keywords: tuple[str, ...] = ()
    lang: str = "de"
    needs_little_german: bool = False  # the person speaks little German: listings open to newcomers rank first
    ruled_out: tuple[PlaceRef, ...] = ()  # places ruled out ("nicht in Kassel"): their listings are left out
    writer_words: frozenset[str] = frozenset()  # folded words said only about the writer (ParsedQuery.writer_words)
    # Listings titled with the request, admitted beside the categories (bot.search.titled): only those, not the
    # rest of their categories.
    titled: tuple[int, ...] = ()
    # Only the listings of this state ("ganz Sachsen"), by their state column; there is then no place.
    whole_state: str | None = None
    # The text names its fields as a choice ("Feuerwehr oder was mit Jugendlichen": bot.search.field_choice): a
    # listing of either answers it, not only one of both (bot.search.tiers.in_fields).
    fields_either: bool = False

    @property
    def asks_anything(self) -> bool:
        """Tells whether there is anything to search for at all (an interest, a place, a filter, a word)."""
        return self.has_filters or bool(self.keywords)

    @property
    def has_filters(self) -> bool:
        """Tells whether anything besides free words was asked (an interest, a place, a time, a filter)."""
        return bool(self.categories or self.place or self.time or self.languages or self.remote or self.ruled_out
                    or self.whole_state)


def criteria_from(parsed: ParsedQuery, refinement: Refinement, *, default_radius_km: float) -> Criteria:
    """Merges the NLU's parse with refinements (a refinement set with a button wins), cleaned of anything odd."""

    def pick(name: str, understood: object) -> object:
        chosen = getattr(refinement, name)
        return understood if chosen is None else chosen

    by_button = refinement.place is not None  # a place picked by button is never ambiguous
    return _cleaned(
        categories=pick("categories", parsed.categories),
        excluded=pick("exclude_categories", parsed.exclude_categories),
        place=refinement.place if by_button else place_ref(parsed.place),
        candidates=() if by_button else parsed.place_candidates,
        radius_km=pick("radius_km", parsed.radius_km), time=pick("time", parsed.time),
        time_either=refinement.time_choice(parsed.time_either),
        time_soft=refinement.time_softly(parsed.time_soft),
        languages=pick("languages", parsed.languages), remote=pick("remote", parsed.remote),
        keywords=parsed.keywords, lang=parsed.lang,
        needs_little_german=parsed.needs_little_german or refinement.little_german is True,
        ruled_out=parsed.ruled_out_places, default_radius_km=default_radius_km, writer_words=parsed.writer_words,
        whole_state=None if by_button else refinement.whole_state,
        fields_either=refinement.categories is None and names_choice(parsed.text),
        radius_chosen=(_number(pick("radius_km", parsed.radius_km)) or 0) > 0,
        ruled_out_time=parsed.ruled_out_time,
    )


def criteria_from_json(stored: Mapping[str, Any], *, default_radius_km: float) -> Criteria:
    """Reads the Criteria of a stored query (a saved search's JSON filters); odd values are dropped."""
    return _cleaned(
        categories=stored.get("categories"), excluded=stored.get("exclude_categories"),
        place=place_ref(stored.get("place")), candidates=_list(stored.get("place_candidates")),
        radius_km=stored.get("radius_km"), time=stored.get("time"), time_either=stored.get("time_either"),
        time_soft=stored.get("time_soft"), languages=stored.get("languages"),
        remote=stored.get("remote"), keywords=stored.get("keywords"), lang=stored.get("lang"),
        needs_little_german=stored.get("needs_little_german"), ruled_out=_list(stored.get("ruled_out_places")),
        default_radius_km=default_radius_km, writer_words=_list(stored.get("writer_words")),
        whole_state=stored.get("whole_state"),
    )


def firm_times(times: Sequence[str], ruled_out: Sequence[str]) -> tuple[str, ...]:
    """Returns the asked times of the families in which a time was ruled out and is not asked again ("nicht am
    Wochenende", then "nur abends": weekday; "lieber doch am Wochenende" after it asks it again: none)."""
    families = [family for family in TIME_FAMILIES
                if set(family) & set(ruled_out) and not set(family) & set(ruled_out) & set(times)]
    return tuple(tag for tag in times if any(tag in family for family in families))


def _cleaned(
    *, categories: object, excluded: object, place: PlaceRef | None, candidates: Sequence[object], radius_km: object,
    time: object, time_either: object, languages: object, remote: object, keywords: object, lang: object,
    needs_little_german: object, ruled_out: Sequence[object], default_radius_km: float,
    writer_words: Sequence[object] = (), whole_state: object = None, fields_either: bool = False,
    radius_chosen: bool = False, ruled_out_time: Sequence[str] = (), time_soft: object = False,
) -> Criteria:
    """Builds Criteria from values of either source, keeping only what is known and well-formed; a whole state
    searched is no place (whatever the text's own reading of its name: "Sachsen" bei Ansbach)."""
    wanted, unwanted = _categories(categories), _categories(excluded)
    state = known_state(whole_state) if remote is not True else None  # help from home has no state
    if state is not None:
        place, candidates = None, ()
    return Criteria(
        categories=tuple(key for key in wanted if key not in unwanted),
        exclude_categories=unwanted,
        place=place,
        place_candidates=tuple(p for p in (place_ref(c) for c in candidates) if p),
        radius_km=_radius(radius_km, default_radius_km),
        radius_chosen=radius_chosen,
        time=(times := tuple(dict.fromkeys(tag for tag in map(str, _list(time)) if tag in TIME_BITS))),
        time_either=time_either is True,
        time_soft=time_soft is True and bool(times),
        firm_time=firm_times(times, ruled_out_time),
        languages=tuple(dict.fromkeys(c for c in map(str, _list(languages)) if _LANGUAGE.match(c))),
        remote=remote is True,
        keywords=_keywords(keywords),
        lang="en" if lang == "en" else "de",
        needs_little_german=needs_little_german is True,
        ruled_out=_ruled_out(ruled_out, place),
        writer_words=frozenset(word for word in writer_words if isinstance(word, str)),
        whole_state=state,
        fields_either=fields_either,
    )


def known_state(value: object) -> str | None:
    """Returns a German state's name as the gazetteer (and the listings' state column) spells it, else None."""
    return value if isinstance(value, str) and value in place_rules().states.values() else None


def _ruled_out(values: Sequence[object], place: PlaceRef | None) -> tuple[PlaceRef, ...]:
    """Returns the well-formed ruled-out places; one the search place is (picked later by button) is no longer
    ruled out: the person chose it. A neighbour within the ruled-out city's extent is not that city ("nicht in
    Köln, lieber in Leverkusen"): Köln stays ruled out."""
    found = (p for p in (place_ref(value) for value in values) if p)
    return tuple(dict.fromkeys(p for p in found if place is None or not _is_the_place(place, p)))


def _is_the_place(place: PlaceRef, ruled_out: PlaceRef) -> bool:
    """Tells whether the search place is the ruled-out place itself: at its point (within RULED_OUT_RADIUS_KM), or
    one of its quarters within its extent ("nicht in Berlin", then Spandau picked by button)."""
    distance = haversine_km(place.lat, place.lon, ruled_out.lat, ruled_out.lon)
    if distance <= RULED_OUT_RADIUS_KM:
        return True
    return distance <= ruled_out_radius_km(ruled_out) and _is_quarter_of(place.name, ruled_out.name)


@functools.lru_cache(maxsize=1024)
def _is_quarter_of(name: str, city: str) -> bool:
    """Tells whether a place's name is a known quarter of the city of this name ("Spandau", "Berlin")."""
    return bool(name and city) and get_gazetteer().quarter(name, city) is not None


def ruled_out_radius_km(place: PlaceRef) -> float:
    """Returns how far around a ruled-out place its listings are left out: its extent (see CITY_DENSITY), by the
    population the NLU handed over with it."""
    if place.postal_code:
        return RULED_OUT_RADIUS_KM  # a postal area, not a whole town
    population = place.population or _population(place.name, round(place.lat, 3), round(place.lon, 3))
    radius = math.sqrt(population / (math.pi * CITY_DENSITY))
    return min(MAX_RULED_OUT_RADIUS_KM, max(RULED_OUT_RADIUS_KM, radius))


@functools.lru_cache(maxsize=1024)
def _population(name: str, lat: float, lon: float) -> int:
    """Returns the population of the gazetteer place of this name at this point, for a place handed over without
    one (a search saved before places carried it, a place from a button or link)."""
    return max(
        (p.population for p in get_gazetteer().lookup(name) if haversine_km(lat, lon, p.lat, p.lon) <= _SAME_POINT_KM),
        default=0,
    )


def merged_query(parsed: ParsedQuery | Mapping[str, Any], refinement: Refinement) -> dict[str, Any]:
    """Returns the parse with each set refinement written over it, as JSON: the contract's "query" and what a
    saved search stores (a stored query comes back as a mapping)."""
    query = parsed.to_dict() if isinstance(parsed, ParsedQuery) else dict(parsed)
    # Whether the times are a choice, by the rule the criteria read it with (Refinement.time_choice): as the text
    # said, unless times were set by a button or a later message.
    either = refinement.time_choice(query.get("time_either") is True)
    softly = refinement.time_softly(query.get("time_soft") is True)
    query.update(refinement.to_dict())
    query["time_either"] = either
    query["time_soft"] = softly
    if refinement.place is not None:
        query["place_candidates"] = []  # a place picked by button is never ambiguous
    if refinement.whole_state is not None and refinement.place is None:  # no place of the text's reading
        query["place"], query["place_candidates"] = None, []
    return query


def place_ref(value: object) -> PlaceRef | None:
    """Builds a PlaceRef from a place object; None when it lacks usable coordinates."""
    if isinstance(value, (PlaceRef, NluPlaceRef)):
        value = value.to_dict()
    if not isinstance(value, Mapping):
        return None
    lat, lon = _number(value.get("lat")), _number(value.get("lon"))
    if lat is None or lon is None or not (-90 <= lat <= 90 and -180 <= lon <= 180):
        return None
    state, postal_code, population = value.get("state"), value.get("postal_code"), _number(value.get("population"))
    return PlaceRef(
        name=str(value.get("name") or ""),
        lat=lat,
        lon=lon,
        state=str(state) if state else None,
        postal_code=str(postal_code) if postal_code else None,
        population=int(population) if population is not None and 0 < population < 1e8 else 0,
    )


def _radius(value: object, default: float) -> float:
    """Returns the asked radius clamped to a sane range, or the default."""
    radius = _number(value)
    if radius is None or radius <= 0:
        radius = default
    return min(max(radius, MIN_RADIUS_KM), MAX_RADIUS_KM)


def _categories(value: object) -> tuple[str, ...]:
    """Keeps known category keys only, in order, without repeats."""
    return tuple(dict.fromkeys(key for key in map(str, _list(value)) if is_category(key)))


def _keywords(value: object) -> tuple[str, ...]:
    """Folds free words and splits them into plain words the text index knows how to look up."""
    words: list[str] = []
    for item in _list(value):
        if isinstance(item, str):  # a stored null or number is no word ("none")
            words.extend(plain_words(item))
    return tuple(dict.fromkeys(word for word in words if len(word) >= 3))[:MAX_KEYWORDS]


def _list(value: object) -> list[Any]:
    """Returns a list for list-like values and [] for anything else."""
    return list(value) if isinstance(value, (list, tuple)) else []


def _number(value: object) -> float | None:
    """Returns a finite float, or None."""
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        return None
    try:
        number = float(value)
    except ValueError:
        return None
    return number if math.isfinite(number) else None
