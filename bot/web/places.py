"""The place of a web search: a postal code, a place name read as the chat reads it (nlu.place_field: asking
when it exists far apart, offering near misses, a whole state's cities; "ganz Sachsen" is all of the state), or
a gazetteer id."""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.search.model import PlaceRef
from bot.search.place_doubts import is_city_part, largest_places
from nlu.namesakes import near_towns
from nlu.place_field import all_of_germany, read_place_field
from nlu.kernel.gazetteer import Place, get_gazetteer
from nlu.kernel.postal_codes import FIELD_FORMS

MAX_CANDIDATES = 8
MAX_GUESSES = 3
# A postal code written beside the town, as on an envelope: "34127 Kassel", "34 127 Kassel", "1067 Dresden",
# "Kassel, 34127"
_CODE_BESIDE_NAME = re.compile(rf"^\s*({FIELD_FORMS})\s+\D.*$|^.*\D[\s,]\s*({FIELD_FORMS})\s*$")


@dataclass(frozen=True, slots=True)
class PlaceOption:
    """One of several places with the same name, offered as a link (?ortid=)."""

    id: int
    name: str
    district: str | None
    state: str
    near: str | None = None  # a town near it, when another option reads alike (nlu.namesakes)


@dataclass(frozen=True, slots=True)
class PlaceChoice:
    """The outcome of reading `ort`: one centre, several to choose from, or nothing known by that name."""

    place: PlaceRef | None = None
    options: tuple[PlaceOption, ...] = ()
    unknown: bool = False
    guessed: bool = False  # the options are near misses of a name no place bears ("Xyzdorf": Seedorf?)
    state: str | None = None  # a whole state was named ("Sachsen"): the options are its largest cities
    whole_state: str | None = None  # all of a state was asked for ("ganz Sachsen"): its listings are searched
    city_part: bool = False  # unknown, and a part most cities have ("Innenstadt"): the page asks which city


def resolve_place(ort: str, ortid: int | None = None) -> PlaceChoice:
    """Finds the search centre for a place name or postal code; an id picked from options wins."""
    gazetteer = get_gazetteer()
    if ortid is not None:
        try:
            return PlaceChoice(place=_ref(gazetteer.get(ortid)))
        except KeyError:
            pass
    if not ort or all_of_germany(ort):  # "ganz Deutschland", as the chat's button: no place, nothing unknown
        return PlaceChoice(unknown=not ort and ortid is not None)
    digits = ort.replace(" ", "")
    if digits.isascii() and digits.isdigit():  # "341 27", "1067" (a lost zero; "1990" is a year): the shared reading
        code = gazetteer.read_postal_code(ort)
        found = gazetteer.by_postal_code(code) if code else None
        return PlaceChoice(place=_ref(found)) if found else PlaceChoice(unknown=True)
    if (beside := _CODE_BESIDE_NAME.match(ort)) and (code := gazetteer.read_postal_code(
            beside.group(1) or beside.group(2), year_possible=False)) and (found := gazetteer.by_postal_code(code)):
        return PlaceChoice(place=_ref(found))  # the code says where; the name beside it only repeats it
    reading = read_place_field(ort)  # the chat's reading: quarters, aliases, a whole state, namesakes far apart
    shown = reading.places[:MAX_CANDIDATES]
    options = tuple(PlaceOption(p.id, p.name, p.district, p.state, near)
                    for p, near in zip(shown, near_towns(shown), strict=True))
    if reading.place is not None:
        return PlaceChoice(place=_ref(reading.place))
    if reading.whole_state is not None:
        return PlaceChoice(whole_state=reading.whole_state)
    if is_city_part(ort) and (not options or reading.guessed):
        # "Innenstadt", "Bahnhofsviertel": which city, as the chat asks; not towns spelt alike nor a postal code
        return PlaceChoice(unknown=True, city_part=True)
    return PlaceChoice(options=options, unknown=reading.unknown, guessed=reading.guessed, state=reading.state)


def five_digits(ort: str) -> bool:
    """Tells whether a place is written as a postal code of five digits ("00000", "341 27"), known or not."""
    digits = ort.replace(" ", "")
    return digits.isascii() and digits.isdigit() and len(digits) == 5


def postal_code_digits(ort: str) -> int | None:
    """Counts the digits of a place that is only a number but no postal code ("3412": 4); None otherwise."""
    digits = ort.replace(" ", "")
    if digits.isascii() and digits.isdigit() and len(digits) != 5:
        return len(digits)
    return None


def _ref(place: Place) -> PlaceRef:
    """Returns a gazetteer place as a search centre."""
    return PlaceRef(name=place.name, lat=place.lat, lon=place.lon, state=place.state, postal_code=place.postal_code)


@dataclass(frozen=True, slots=True)
class TextState:
    """A state the search text names as where to look ("Tierheim in Sachsen", the place field empty): all of it is
    searched, and its largest towns are offered to narrow, as the chat asks."""

    state: str
    towns: tuple[str, ...]


def text_state(state: str | None) -> TextState | None:
    """Returns a state the text named as where to look (Found.text_state) with its largest towns, else None."""
    if state is None:
        return None
    return TextState(state, tuple(town.name for town in largest_places(state)))
