"""Places a search cannot take as read: a name that exists far apart (the person picks one), and a postal code no
German place has or a place the gazetteer lacks (never all of Germany instead of the place they meant)."""

from __future__ import annotations

from bot.search.criteria import Criteria
from bot.search.model import PlaceRef
from nlu.kernel.gazetteer import get_gazetteer, haversine_km
from nlu.kernel.postal_codes import postal_codes_in
from nlu.query import ParsedQuery

# Two candidate places closer than this are one area: searching around the first is fine.
AMBIGUITY_MIN_APART_KM = 30.0


def ambiguous_places(criteria: Criteria) -> tuple[PlaceRef, ...]:
    """Returns the candidate places when the text named a place that exists far apart, else nothing."""
    candidates = list(criteria.place_candidates)
    if criteria.place is not None and all(not _same(criteria.place, other) for other in candidates):
        candidates.insert(0, criteria.place)
    if len(candidates) < 2:
        return ()
    first = candidates[0]
    apart = max(haversine_km(first.lat, first.lon, other.lat, other.lon) for other in candidates[1:])
    return tuple(candidates) if apart > max(AMBIGUITY_MIN_APART_KM, 2 * criteria.radius_km) else ()


def _same(one: PlaceRef, other: PlaceRef) -> bool:
    """Tells whether two place references are the same point."""
    return (one.name, round(one.lat, 4), round(one.lon, 4)) == (other.name, round(other.lat, 4), round(other.lon, 4))


def unknown_postal_code(text: str) -> str | None:
    """Returns a postal code of the text that no German place has ("00000", "00 000"), if any."""
    gazetteer = get_gazetteer()
    for written in postal_codes_in(text):
        if gazetteer.by_postal_code(written.code) is None:
            return written.code
    return None


def unknown_place_named(parsed: ParsedQuery) -> str | None:
    """Returns what the text names as its place that no German place answers: a postal code no place has, else the
    first place name the gazetteer lacks ("Höchst an der Nidder"), as written."""
    code = unknown_postal_code(parsed.text)
    if code is not None:
        return code
    return parsed.unknown_places[0] if parsed.unknown_places else None
