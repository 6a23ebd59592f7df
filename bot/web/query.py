"""The parameters of /suche, /embed and the feeds, read from a query string and cleaned.

Odd values never fail a page: they are dropped and named in a friendly note (catalogue keys in `problems`).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from urllib.parse import urlencode

from bot.categories import categories, category_by_name
from bot.domain import TIME_BITS
from bot.search.place_doubts import names_another_place
from nlu.place_field import all_of_state

MAX_TEXT = 300
MAX_PLACE = 80
MAX_PAGE = 1000
RADIUS_CHOICES_KM = (5, 10, 15, 30, 50, 100)
MIN_RADIUS_KM, MAX_RADIUS_KM = 1.0, 200.0
MAX_PER_PAGE = 50

Arguments = Mapping[str, Sequence[str]]


@dataclass(frozen=True, slots=True)
class WebQuery:
    """What a visitor or a portal asked for: free text, a place, a radius, areas, times and a page."""

    text: str = ""
    ort: str = ""
    ortid: int | None = None
    umkreis: float | None = None
    bereich: tuple[str, ...] = ()
    zeit: tuple[str, ...] = ()
    seite: int = 1
    anzahl: int | None = None
    # The related listings left out of the answer (bot.search.tiers), as the chat's "Ähnliche anzeigen".
    aehnliche: bool = False
    problems: tuple[str, ...] = field(default=(), compare=False)

    @property
    def is_empty(self) -> bool:
        """Tells whether nothing was asked (the search page then shows only its form)."""
        return not (self.text or self.ort or self.ortid or self.bereich or self.zeit)

    def params(self, **changes: object) -> dict[str, str]:
        """Returns the query as URL parameters (for paging links), with some values changed."""
        values: dict[str, object] = {
            "text": self.text, "ort": self.ort, "ortid": self.ortid, "umkreis": self.umkreis,
            "bereich": ",".join(self.bereich), "zeit": ",".join(self.zeit),
            "seite": self.seite if self.seite > 1 else None, "anzahl": self.anzahl,
            "aehnliche": 1 if self.aehnliche else None,
        }
        values.update(changes)
        return {name: _plain(value) for name, value in values.items() if value not in (None, "", 0)}

    def url(self, path: str, **changes: object) -> str:
        """Returns path?query for this query with some values changed."""
        params = self.params(**changes)
        return f"{path}?{urlencode(params)}" if params else path


def read_query(arguments: Arguments) -> WebQuery:
    """Reads and cleans the parameters; unknown areas, times or numbers are dropped and noted."""
    problems: list[str] = []
    # A key ("animals") or its German or English name ("Tiere", "Animals"), as embed-snippet --bereich reads it
    bereich = _known([category_by_name(value) or value for value in _many(arguments, "bereich")], set(categories()),
                     "web.problem_area", problems)
    zeit = _known(_many(arguments, "zeit"), set(TIME_BITS), "web.problem_time", problems)
    umkreis = _number(_one(arguments, "umkreis"))
    if _one(arguments, "umkreis") and (umkreis is None or not MIN_RADIUS_KM <= umkreis <= MAX_RADIUS_KM):
        problems.append("web.problem_radius")
        umkreis = None
    ortid = _number(_one(arguments, "ortid"))
    anzahl = _number(_one(arguments, "anzahl"))
    text = " ".join(_one(arguments, "text").split())[:MAX_TEXT]
    ort = " ".join(_one(arguments, "ort").split())[:MAX_PLACE]
    state = all_of_state(ort)
    if state is not None and text and names_another_place(text, state):
        ort = ""  # "Tierheim in Bayern" with ort=ganz Sachsen: the place written wins, as in a link and the chat
    return WebQuery(
        text=text,
        ort=ort,
        ortid=int(ortid) if ortid is not None and ortid > 0 and ortid == int(ortid) else None,
        umkreis=umkreis,
        bereich=bereich,
        zeit=zeit,
        seite=min(max(int(_number(_one(arguments, "seite")) or 1), 1), MAX_PAGE),
        anzahl=min(max(int(anzahl), 1), MAX_PER_PAGE) if anzahl is not None else None,
        aehnliche=_one(arguments, "aehnliche") == "1",
        problems=tuple(problems),
    )


def _one(arguments: Arguments, name: str) -> str:
    """Returns the first value of a parameter, or ""."""
    values = arguments.get(name) or ()
    return str(values[0]).strip() if values else ""


def _many(arguments: Arguments, name: str) -> list[str]:
    """Returns all values of a parameter, repeated or comma-separated (bereich=a,b or bereich=a&bereich=b)."""
    return [part.strip() for value in arguments.get(name) or () for part in str(value).split(",") if part.strip()]


def _known(values: list[str], known: set[str], problem: str, problems: list[str]) -> tuple[str, ...]:
    """Keeps the known values in order, noting once that something unknown was dropped."""
    kept = tuple(dict.fromkeys(value for value in values if value in known))
    if len(kept) < len(set(values)):
        problems.append(problem)
    return kept


def _number(value: str) -> float | None:
    """Returns a finite number written with a point or a comma, or None."""
    if not value or len(value) > 12:
        return None
    try:
        number = float(value.replace(",", "."))
    except ValueError:
        return None
    return number if math.isfinite(number) else None


def _plain(value: object) -> str:
    """Writes a parameter value without a needless '.0'."""
    if isinstance(value, float) and value == int(value):
        return str(int(value))
    return str(value)
