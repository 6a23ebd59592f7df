"""Turning a place answer (name, postal code, shared location, a candidate button) into a checked place."""

from __future__ import annotations

import re
from typing import Any

from bot.posting.answers import Answer
from bot.posting.validate import Invalid, clean_text
from nlu.kernel.gazetteer import Gazetteer, Place, far_apart

# Places of the same name closer than this are the same town for a listing; farther apart, the person picks.
SAME_PLACE_KM = 25.0
MAX_CANDIDATES = 6


def resolve_place(answer: Answer, gazetteer: Gazetteer) -> dict[str, Any]:
    """Returns {"place": {...}} or {"candidates": [...]}; raises Invalid with suggestions when unknown."""
    if answer.location is not None:
        lat, lon = answer.location
        if not (47.0 <= lat <= 55.2 and 5.5 <= lon <= 15.5):
            raise Invalid("posting.invalid.place_outside")
        nearest = gazetteer.nearest(lat, lon)
        return {"place": _as_dict(nearest, lat=lat, lon=lon)}
    if answer.choice and answer.choice.isdigit():
        try:
            return {"place": _as_dict(gazetteer.get(int(answer.choice)))}
        except KeyError:
            raise Invalid("posting.invalid.choice") from None
    text = clean_text(answer.text or "")
    if re.fullmatch(r"\d{5}", text):
        found = gazetteer.by_postal_code(text)
        if found is None:
            raise Invalid("posting.invalid.postal_code", code=text)
        return {"place": _as_dict(found)}
    matches = gazetteer.lookup(text) if text else []
    if not matches:
        suggestions = [place.name for place in gazetteer.search(text, limit=3)] if text else []
        raise Invalid("posting.invalid.place", suggestions=", ".join(suggestions))
    distinct = far_apart(matches, SAME_PLACE_KM)
    if len(distinct) > 1:
        return {"candidates": [_as_dict(place) for place in distinct[:MAX_CANDIDATES]]}
    return {"place": _as_dict(matches[0])}


def _as_dict(place: Place, *, lat: float | None = None, lon: float | None = None) -> dict[str, Any]:
    """Stores a place in the draft as plain JSON."""
    return {
        "id": place.id,
        "name": place.name,
        "lat": round(lat if lat is not None else place.lat, 6),
        "lon": round(lon if lon is not None else place.lon, 6),
        "state": place.state,
        "district": place.district,
        "postal_code": place.postal_code,
    }
