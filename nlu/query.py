"""The typed results of the NLU: a parsed volunteer request and the tags of a listing."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from nlu.kernel.gazetteer import Place

TIME_SLOTS = ("weekday", "weekend", "daytime", "evening", "one_off", "regular")


@dataclass(frozen=True, slots=True)
class PlaceRef:
    """A place as the NLU reports it: name, position, state, postal code when one was given."""

    id: int
    name: str
    lat: float
    lon: float
    state: str
    district: str | None
    postal_code: str | None
    population: int = 0  # the gazetteer's; 0 = unknown (an added municipality, or not said)

    @classmethod
    def from_place(cls, place: Place) -> PlaceRef:
        """Returns the reference for a gazetteer place (its postal code only if the person gave one)."""
        return cls(
            place.id, place.name, place.lat, place.lon, place.state, place.district, place.postal_code,
            place.population,
        )

    def to_dict(self) -> dict[str, Any]:
        """Returns the JSON shape of the contract: name, lat, lon, state, postal_code (plus id, district,
        population)."""
        return {
            "name": self.name, "lat": round(self.lat, 5), "lon": round(self.lon, 5), "state": self.state,
            "postal_code": self.postal_code, "district": self.district, "id": self.id, "population": self.population,
        }


@dataclass(frozen=True, slots=True)
class ParsedQuery:
    """What a volunteer asked for, slot by slot.

    place_candidates lists the far-apart namesakes (best first, `place` included) only when the name is
    ambiguous ("Neustadt"); for an unambiguous place it is empty. place_uncertain is true when the place was
    read through a typo correction ("Frankfrut"), so the bot may confirm it. ruled_out_places are the places the
    person rules out ("Tiere, aber nicht in Kassel"): never the search place, and the search leaves them out.
    """

    text: str
    lang: str
    categories: tuple[str, ...] = ()
    exclude_categories: tuple[str, ...] = ()
    place: PlaceRef | None = None
    place_candidates: tuple[PlaceRef, ...] = ()
    place_uncertain: bool = False
    radius_km: float | None = None
    time: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    remote: bool = False
    keywords: tuple[str, ...] = ()
    needs_little_german: bool = False  # speaks little or no German: listings open to newcomers fit best
    ruled_out_places: tuple[PlaceRef, ...] = ()
    # Folded words the message says only about the writer: who they are, where they come from or work, the
    # languages they speak, when they have time ("Ich bin 34, Tischler", "I speak Arabic", "in den Sommerferien").
    # Not what they want: the search ranks by them only a little. The last key of to_dict (added after the others).
    writer_words: tuple[str, ...] = ()
    # The time tags name a day and a part of the day as a choice, free at either ("abends oder am Wochenende",
    # "evenings/weekends"), not one time at which both hold ("Samstagabend", "weekend evenings").
    time_either: bool = False
    # Places the text names that the gazetteer lacks, as written ("Höchst an der Nidder", "aus Sterzhausen"): the
    # search asks where rather than searching all of Germany. A state or region by its own word is none of them.
    unknown_places: tuple[str, ...] = ()
    # Time slots ruled out as a whole ("nicht am Wochenende": weekend), read as their opposite in `time`; a search
    # that widens its time never lets them back (bot.search.criteria.Criteria.firm_time). Not in to_dict.
    ruled_out_time: tuple[str, ...] = ()
    # The time is wished, not required: every time mention is said as a preference ("am liebsten abends", "ideally
    # after work"), none as a condition ("nur abends"). The search then ranks by the time instead of filtering by it
    # (bot.search.widening). The labelled sets have no such field; their scorers ignore it. Last key of to_dict.
    time_soft: bool = False

    @property
    def is_empty(self) -> bool:
        """Tells whether nothing at all was understood."""
        return not (self.categories or self.exclude_categories or self.place or self.radius_km or self.time
                    or self.languages or self.remote or self.keywords or self.needs_little_german
                    or self.ruled_out_places)

    def to_dict(self) -> dict[str, Any]:
        """Returns the JSON shape read by `ehrenamt-bot parse --json` and the search."""
        return {
            "text": self.text,
            "lang": self.lang,
            "categories": list(self.categories),
            "exclude_categories": list(self.exclude_categories),
            "place": self.place.to_dict() if self.place else None,
            "place_candidates": [candidate.to_dict() for candidate in self.place_candidates],
            "place_uncertain": self.place_uncertain,
            "radius_km": self.radius_km,
            "time": list(self.time),
            "languages": list(self.languages),
            "remote": self.remote,
            "keywords": list(self.keywords),
            "needs_little_german": self.needs_little_german,
            "ruled_out_places": [place.to_dict() for place in self.ruled_out_places],
            "writer_words": list(self.writer_words),  # new keys go last: the order above is the contract's
            "time_either": self.time_either,
            "unknown_places": list(self.unknown_places),
            "time_soft": self.time_soft,
        }


@dataclass(frozen=True, slots=True)
class ListingTags:
    """Categories (most telling first) and time tags the NLU reads from a listing's title and description."""

    categories: list[str]
    time: list[str]

    def to_dict(self) -> dict[str, Any]:
        """Returns a JSON-ready dict."""
        return {"categories": list(self.categories), "time": list(self.time)}
