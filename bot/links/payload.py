"""Telegram start parameters for deep links: a listing, or a prepared search, in at most 64 safe characters.

Formats (Telegram allows only A-Z a-z 0-9 _ - and 64 characters):
  o<id>                    a listing's details, id in decimal            o4711
  s<fields>[-<text>]       a search: fields, then the folded text       sC10R30-tierheim_kassel
  h<code>                  a search too long to inline, kept in the store (bot.links.stored)
Search fields are an upper-case marker with a lower-case base-36 value: C categories and X excluded
categories (taxonomy bitmasks), R radius in km, T time tags (bitmask), E1 the time tags are a choice ("abends oder
am Wochenende": a listing at either time fits; only with T, and absent from links made before it, which keep their
meaning), O remote (0/1), L language codes run together, P place (latitude and longitude to 0.001 degrees), S a
whole state ("Ganz Sachsen zeigen": its gazetteer code, 13 for Sachsen; never beside P, as a place chosen wins).
The text is folded (lower case, umlauts spelled out) with "_" for spaces, so links stay readable on posters and
the NLU reads them back unchanged.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

from bot.categories import category_mask, keys_from_mask
from bot.domain import TIME_BITS, time_mask
from bot.search.model import PlaceRef, Refinement
from nlu.kernel.text import fold

MAX_PAYLOAD = 64
PAYLOAD_ALPHABET = re.compile(r"[A-Za-z0-9_-]{1,64}")
_LISTING = re.compile(r"o([1-9][0-9]{0,17})")
_SEARCH = re.compile(r"s((?:[A-Z][0-9a-z]+)*)(?:-([a-z0-9]+(?:_[a-z0-9]+)*))?")
_FIELD = re.compile(r"([A-Z])([0-9a-z]+)")
_STORED = re.compile(r"h([0-9a-z]{12})")
_NON_WORD = re.compile(r"[^a-z0-9]+")

# The place field covers Germany with a margin; outside it a link is refused rather than silently wrong.
LAT_RANGE = (46.0, 56.0)
LON_RANGE = (5.0, 16.0)
PLACE_STEPS = 1000  # per degree: 0.001 degrees is about 100 m
MAX_RADIUS_KM = 500


class LinkTooLong(ValueError):
    """The search does not fit into a start parameter; store it with bot.links.stored.search_payload."""


@dataclass(frozen=True, slots=True)
class ListingLink:
    """A deep link to one listing's details."""

    opportunity_id: int


@dataclass(frozen=True, slots=True)
class SearchLink:
    """A deep link to a prepared search: run it as SearchRequest(text=text, refinement=refinement)."""

    text: str
    refinement: Refinement


@dataclass(frozen=True, slots=True)
class StoredSearchLink:
    """A deep link to a search kept in the store; bot.links.stored.resolve_start_payload loads it."""

    code: str


DeepLink = ListingLink | SearchLink | StoredSearchLink


def start_payload_for_listing(opportunity_id: int) -> str:
    """Returns the start parameter that opens a listing's details."""
    if not isinstance(opportunity_id, int) or opportunity_id <= 0 or opportunity_id >= 10**18:
        raise ValueError(f"not a listing id: {opportunity_id!r}")
    return f"o{opportunity_id}"


def start_payload_for_search(text: str, refinement: Refinement | None = None) -> str:
    """Returns the start parameter of a prepared search; raises LinkTooLong when it does not fit."""
    fields = _encode_fields(refinement or Refinement())
    words = link_text(text)
    if not fields and not words:
        raise ValueError("an empty search needs no link")
    payload = "s" + fields + (f"-{words}" if words else "")
    if len(payload) > MAX_PAYLOAD:
        raise LinkTooLong(f"the search needs {len(payload)} characters, a start parameter allows {MAX_PAYLOAD}")
    return payload


def link_text(text: str) -> str:
    """Folds search text into the link alphabet: lower case, umlauts spelled out, '_' between words."""
    return _NON_WORD.sub("_", fold(text)).strip("_")


def carries_whole(text: str) -> bool:
    """Tells whether a start parameter carries every word of text: none of its letters, digits or symbols is
    lost to the link's alphabet. A word in another script ("عربي" of "Arabisch عربي Flüchtlinge"), a letter folding
    keeps (the "ł" of "Łódź") or an emoji the bot reads ("🐶") would be dropped, so such a text is stored
    (bot.links.stored.search_payload); punctuation and spaces are only separators."""
    return bool(link_text(text)) and all(
        char.isascii() or not (char.isalnum() or unicodedata.category(char) == "So") for char in fold(text))


def decode_start_payload(
    payload: str | None, *, place_at: Callable[[float, float], PlaceRef] | None = None
) -> DeepLink | None:
    """Reads a start parameter; anything forged, garbled or unknown gives None, never an exception."""
    if not isinstance(payload, str) or not PAYLOAD_ALPHABET.fullmatch(payload):
        return None
    if match := _LISTING.fullmatch(payload):
        return ListingLink(int(match.group(1)))
    if match := _STORED.fullmatch(payload):
        return StoredSearchLink(match.group(1))
    if match := _SEARCH.fullmatch(payload):
        return _decode_search(match.group(1), match.group(2) or "", place_at or nearest_place)
    return None


def nearest_place(lat: float, lon: float) -> PlaceRef:
    """Names a decoded point after the gazetteer's nearest place."""
    from nlu.kernel.gazetteer import get_gazetteer  # loaded only when a link carries a place

    place = get_gazetteer().nearest(lat, lon)
    name = place.name if place is not None else f"{lat:.3f}, {lon:.3f}"
    return PlaceRef(name=name, lat=lat, lon=lon, state=getattr(place, "state", None))


def _encode_fields(refinement: Refinement) -> str:
    """Returns the search fields of a refinement in a fixed order."""
    parts: list[str] = []
    if refinement.categories:
        parts.append("C" + _base36(_category_mask_strict(refinement.categories)))
    if refinement.exclude_categories:
        parts.append("X" + _base36(_category_mask_strict(refinement.exclude_categories)))
    if refinement.radius_km is not None:
        parts.append("R" + _base36(_radius(refinement.radius_km)))
    if refinement.time:
        parts.append("T" + _base36(_time_mask_strict(refinement.time)))
        if refinement.time_either:
            parts.append("E1")
    if refinement.remote is not None:
        parts.append("O" + ("1" if refinement.remote else "0"))
    if refinement.languages:
        parts.append("L" + "".join(_language(code) for code in refinement.languages))
    if refinement.place is not None:
        parts.append("P" + _encode_point(refinement.place.lat, refinement.place.lon))
    elif refinement.whole_state and not refinement.remote:  # as Refinement.to_dict: a place chosen after the
        # state is where to look; an online search has no place at all
        parts.append("S" + _state_code(refinement.whole_state))
    return "".join(parts)


def _decode_search(fields: str, words: str, place_at: Callable[[float, float], PlaceRef]) -> SearchLink | None:
    """Rebuilds a search from its fields and text; None when any field is out of range or repeated."""
    values: dict[str, str] = {}
    for marker, value in _FIELD.findall(fields):
        if marker in values:
            return None
        values[marker] = value
    try:
        refinement = _refinement(values, place_at)
    except (ValueError, KeyError):
        return None
    if refinement is None or (not words and refinement == Refinement()):
        return None
    return SearchLink(text=words.replace("_", " "), refinement=refinement)


def _refinement(values: dict[str, str], place_at: Callable[[float, float], PlaceRef]) -> Refinement | None:
    """Turns decoded field values into a Refinement; None for unknown markers or bad values."""
    if set(values) - set("CXRTEOLPS") or ("E" in values and (values["E"] != "1" or "T" not in values)):
        return None
    if "S" in values and ("P" in values or values.get("O") == "1"):  # never written together: forged
        return None
    radius = _from_base36(values["R"]) if "R" in values else None
    if radius is not None and not 1 <= radius <= MAX_RADIUS_KM:
        return None
    remote = {"1": True, "0": False}[values["O"]] if "O" in values else None
    return Refinement(
        categories=_categories(values.get("C")),
        exclude_categories=_categories(values.get("X")),
        radius_km=float(radius) if radius is not None else None,
        time=_time(values.get("T")),
        time_either=True if "E" in values else None,
        remote=remote,
        languages=_languages(values.get("L")),
        place=_decode_point(values["P"], place_at) if "P" in values else None,
        whole_state=_state(values["S"]) if "S" in values else None,
    )


def _categories(value: str | None) -> tuple[str, ...] | None:
    """Decodes a category bitmask; bits beyond the taxonomy make the link invalid."""
    if value is None:
        return None
    mask = _from_base36(value)
    keys = keys_from_mask(mask)
    if not keys or category_mask(keys) != mask:
        raise ValueError("unknown category bits")
    return tuple(keys)


def _time(value: str | None) -> tuple[str, ...] | None:
    """Decodes a time-tag bitmask; unknown bits make the link invalid."""
    if value is None:
        return None
    mask = _from_base36(value)
    tags = tuple(tag for tag, bit in TIME_BITS.items() if mask & bit)
    if not tags or time_mask(tags) != mask:
        raise ValueError("unknown time bits")
    return tags


def _languages(value: str | None) -> tuple[str, ...] | None:
    """Splits run-together two-letter language codes."""
    if value is None:
        return None
    if len(value) % 2 or not value.isalpha() or len(value) > 20:
        raise ValueError("language codes are pairs of letters")
    return tuple(dict.fromkeys(value[index : index + 2] for index in range(0, len(value), 2)))


def _language(code: str) -> str:
    """Checks one ISO 639-1 code for the link."""
    if not re.fullmatch(r"[a-z]{2}", code):
        raise ValueError(f"not an ISO 639-1 language code: {code!r}")
    return code


def _state_code(state: str) -> str:
    """Returns a German state's gazetteer code ('13' for Sachsen); an unknown state is refused, not dropped."""
    code = next((code for code, name in _states().items() if name == state), None)
    if code is None:
        raise ValueError(f"not a German state: {state!r}")
    return code


def _state(code: str) -> str:
    """Decodes a state's gazetteer code; any other value makes the link invalid."""
    return _states()[code]


def _states() -> dict[str, str]:
    """Returns the German states as gazetteer code -> name (the listings' state column spells them so)."""
    from nlu.kernel.gazetteer import get_gazetteer  # loaded only when a link carries a state

    return get_gazetteer().states()


def _category_mask_strict(keys: tuple[str, ...]) -> int:
    """Returns the category bitmask, refusing unknown keys with a ValueError."""
    try:
        return category_mask(keys)
    except KeyError as error:
        raise ValueError(f"unknown category {error.args[0]!r}") from None


def _time_mask_strict(tags: tuple[str, ...]) -> int:
    """Returns the time bitmask, refusing unknown tags (a link must not lose a filter silently)."""
    unknown = [tag for tag in tags if tag not in TIME_BITS]
    if unknown:
        raise ValueError(f"unknown time tags: {', '.join(unknown)}")
    return time_mask(tags)


def _radius(radius_km: float) -> int:
    """Rounds a radius to whole km within the allowed range."""
    radius = round(radius_km)
    if not 1 <= radius <= MAX_RADIUS_KM:
        raise ValueError(f"radius {radius_km} km is outside 1..{MAX_RADIUS_KM} km")
    return radius


def _encode_point(lat: float, lon: float) -> str:
    """Encodes a point as six base-36 digits (three for latitude, three for longitude)."""
    if not (LAT_RANGE[0] <= lat <= LAT_RANGE[1] and LON_RANGE[0] <= lon <= LON_RANGE[1]):
        raise ValueError(f"place {lat}, {lon} is outside Germany")
    y = round((lat - LAT_RANGE[0]) * PLACE_STEPS)
    x = round((lon - LON_RANGE[0]) * PLACE_STEPS)
    return _base36(y).rjust(3, "0") + _base36(x).rjust(3, "0")


def _decode_point(value: str, place_at: Callable[[float, float], PlaceRef]) -> PlaceRef:
    """Decodes a point and names it."""
    if len(value) != 6:
        raise ValueError("a place has six digits")
    lat = round(LAT_RANGE[0] + int(value[:3], 36) / PLACE_STEPS, 3)
    lon = round(LON_RANGE[0] + int(value[3:], 36) / PLACE_STEPS, 3)
    if lat > LAT_RANGE[1] or lon > LON_RANGE[1]:
        raise ValueError("place outside Germany")
    return place_at(lat, lon)


def _base36(number: int) -> str:
    """Writes a non-negative integer in lower-case base 36."""
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    text = ""
    while True:
        number, digit = divmod(number, 36)
        text = digits[digit] + text
        if number == 0:
            return text


def _from_base36(value: str) -> int:
    """Reads a base-36 value of bounded length (a forged 60-digit number must not become a huge int)."""
    if len(value) > 8:
        raise ValueError("value too long")
    return int(value, 36)

