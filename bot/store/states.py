"""The state a listing lies in, as the search of a whole state reads it ("ganz Sachsen": opportunities.state).

Every writer (imports, feeds, the guided chat, the seeds) goes through bot.store.listings.opportunity_row, which
takes the state from here: from the gazetteer, by the postal code, else by the place nearest the point, so it is
spelled as the gazetteer spells it ("Thüringen", never "TH" or "Thuringia") and agrees with where the listing is.
A state the writer gives is kept only for a listing the gazetteer cannot place, spelled as the gazetteer would: a
point farther than _NEAREST_KM from any German place (Prague, Zürich) takes no state from the nearest one.
"""

from __future__ import annotations

from typing import Any

from nlu.kernel.gazetteer import get_gazetteer
from nlu.kernel.geo import haversine_km
from nlu.kernel.text import fold
from nlu.place_field import state_word

# A point outside this box is no German place to take a state from (swapped or foreign coordinates).
_LAT_RANGE = (47.2, 55.1)
_LON_RANGE = (5.8, 15.1)
# The box holds Prague, Zürich and Luxembourg too: a point takes the state of the nearest German place only this close
# to it (German places lie a few km apart). A town right at the border (Salzburg, Strasbourg) is still within it.
_NEAREST_KM = 15.0


def listing_state(postal_code: Any, lat: Any, lon: Any, given: Any) -> str | None:
    """Returns the state of a listing with this postal code and point, else the given state in the gazetteer's
    spelling (as written when it names no state), else None (online only)."""
    gazetteer = get_gazetteer()
    if isinstance(postal_code, str) and (place := gazetteer.by_postal_code(postal_code)) is not None:
        return place.state
    if isinstance(lat, (int, float)) and isinstance(lon, (int, float)) and _in_germany(float(lat), float(lon)):
        nearest = gazetteer.nearest(float(lat), float(lon))
        if haversine_km(float(lat), float(lon), nearest.lat, nearest.lon) <= _NEAREST_KM:
            return nearest.state
    if not isinstance(given, str) or not given.strip():
        return None
    return state_word(fold(given)) or given.strip()


def _in_germany(lat: float, lon: float) -> bool:
    """Tells whether a point lies in Germany's bounding box."""
    return _LAT_RANGE[0] <= lat <= _LAT_RANGE[1] and _LON_RANGE[0] <= lon <= _LON_RANGE[1]
