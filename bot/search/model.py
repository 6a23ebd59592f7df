"""What a search is asked and what it answers: plain data, no Telegram, no SQL.

The chat, the CLI (`ehrenamt-bot search`), saved-search alerts and the benchmark all call the same
search function with a SearchRequest and render its SearchOutcome.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from nlu.kernel.text import fold


@dataclass(frozen=True, slots=True)
class PlaceRef:
    """A point the search is centred on, with the name people see."""

    name: str
    lat: float
    lon: float
    state: str | None = None
    postal_code: str | None = None
    population: int = 0  # as the NLU hands it over (a ruled-out city's extent); 0 = unknown

    def to_dict(self) -> dict[str, Any]:
        """Returns the contract's place object (population only when known)."""
        shape: dict[str, Any] = {"name": self.name, "lat": self.lat, "lon": self.lon, "state": self.state,
                                 "postal_code": self.postal_code}
        if self.population:
            shape["population"] = self.population
        return shape


@dataclass(frozen=True, slots=True)
class Refinement:
    """Explicit filters from buttons; each one set here replaces what the text said (None keeps it)."""

    categories: tuple[str, ...] | None = None
    exclude_categories: tuple[str, ...] | None = None
    place: PlaceRef | None = None
    radius_km: float | None = None
    time: tuple[str, ...] | None = None
    time_either: bool | None = None  # with time: its times named as a choice (ParsedQuery.time_either)
    # with time: its times are a preference only (ParsedQuery.time_soft), as the text that said them wished them: a
    # search whose text is turned into filters (an area pressed) or kept by a follow-up keeps "am liebsten abends"
    # a wish; a time button sets times as a condition
    time_soft: bool | None = None
    languages: tuple[str, ...] | None = None
    remote: bool | None = None
    nationwide: bool | None = None  # "ganz Deutschland" pressed for a named state: no place, none asked again
    # "Ganz Sachsen" pressed (or the CLI's --place Sachsen): the listings of this state (its name as the gazetteer
    # spells it), ranked as a nationwide search ranks them; no place, none asked again. A place set beside it wins.
    whole_state: str | None = None
    # The person said they speak little German ("kaum Deutsch"): kept when the text that said it is turned into
    # filters (an area pressed) or a follow-up names a new interest, as its languages are; never unset here
    little_german: bool | None = None

    def time_choice(self, understood: bool) -> bool:
        """Tells whether the times searched were named as a choice: as the text said (`understood`), unless times
        were set here (a button or a later message), which are a choice only if that said so."""
        return understood if self.time is None else self.time_either is True

    def time_softly(self, understood: bool) -> bool:
        """Tells whether the times searched are only a preference: as the text said (`understood`, ParsedQuery.
        time_soft), unless times were set here (a button or a later message), which are a preference only if
        that said so (with_times)."""
        return understood if self.time is None else self.time_soft is True

    def with_times(self, time: Sequence[str] | None, *, either: bool = False, soft: bool = False) -> Refinement:
        """Returns this refinement with other times (None: the text's again, () any time): times set anew are a
        choice only when `either` says so, and a preference only when `soft` does, never by the times they
        replace."""
        return replace(self, time=None if time is None else tuple(time),
                       time_either=True if either and time is not None else None,
                       time_soft=True if soft and time else None)

    def to_dict(self) -> dict[str, Any]:
        """Returns the set fields only, JSON-ready (for saved searches)."""
        data: dict[str, Any] = {}
        for name in ("categories", "exclude_categories", "time", "languages"):
            value = getattr(self, name)
            if value is not None:
                data[name] = list(value)
        if self.place is not None:
            data["place"] = self.place.to_dict()
        if self.radius_km is not None:
            data["radius_km"] = self.radius_km
        if self.remote is not None:
            data["remote"] = self.remote
        if self.time is not None and self.time_either:
            data["time_either"] = True
        if self.time and self.time_soft:
            data["time_soft"] = True
        if self.nationwide:
            data["nationwide"] = True
        if self.whole_state and self.place is None:  # a place chosen after it is where to look
            data["whole_state"] = self.whole_state
        if self.little_german:
            data["needs_little_german"] = True  # the parse's own key: the merged query and its notes read it
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Refinement:
        """Rebuilds a refinement stored with to_dict (unknown keys are ignored)."""
        place = data.get("place")
        return cls(
            categories=_tuple_or_none(data.get("categories")),
            exclude_categories=_tuple_or_none(data.get("exclude_categories")),
            place=PlaceRef(**place) if isinstance(place, dict) else None,
            radius_km=float(data["radius_km"]) if data.get("radius_km") is not None else None,
            time=_tuple_or_none(data.get("time")),
            time_either=True if data.get("time_either") is True else None,
            time_soft=True if data.get("time_soft") is True and _tuple_or_none(data.get("time")) else None,
            languages=_tuple_or_none(data.get("languages")),
            remote=data.get("remote") if isinstance(data.get("remote"), bool) else None,
            nationwide=True if data.get("nationwide") is True else None,
            whole_state=str(data["whole_state"]) if isinstance(data.get("whole_state"), str) else None,
            little_german=True if data.get("needs_little_german") is True else None,
        )


@dataclass(frozen=True, slots=True)
class SearchRequest:
    """Free text (parsed by the NLU) plus refinements, one page of results, and the reader's language."""

    text: str = ""
    refinement: Refinement = field(default_factory=Refinement)
    limit: int = 5
    offset: int = 0
    lang: str = "de"  # language of the `why` texts: "de", "en", or "auto" (the language of the text)
    widen: bool = True  # relax radius, then time, when fewer than 3 results
    # The related listings left out of the first answer ("Ähnliche anzeigen", bot.search.tiers), instead of it.
    similar: bool = False
    explain: bool = True  # write each hit's why-text (the web pages show none: they leave it empty)
    # Tell the listings answering what was named from the related ones (bot.search.tiers); a feed lists them all, as
    # ranked: a portal has no button for the related ones.
    tiered: bool = True


@dataclass(frozen=True, slots=True)
class Contact:
    """How to reach the organisation about a listing."""

    name: str | None
    phone: str | None
    email: str | None
    url: str | None


@dataclass(frozen=True, slots=True)
class Hit:
    """One found listing, as the contract prints it."""

    id: int
    title: str
    organisation: str
    categories: tuple[str, ...]
    place: str | None
    lat: float | None
    lon: float | None
    distance_km: float | None
    time: tuple[str, ...]
    contact: Contact
    score: float
    why: str
    # Can be done online or from home (shown as such; not in the contract's JSON, whose shape stays as it is).
    remote: bool = False

    def to_dict(self) -> dict[str, Any]:
        """Returns the contract's result object."""
        return {
            "id": self.id,
            "title": self.title,
            "organisation": self.organisation,
            "categories": list(self.categories),
            "place": self.place,
            "lat": self.lat,
            "lon": self.lon,
            "distance_km": self.distance_km,
            "time": list(self.time),
            "contact": {"name": self.contact.name, "phone": self.contact.phone, "email": self.contact.email,
                        "url": self.contact.url},
            "score": self.score,
            "why": self.why,
        }


@dataclass(frozen=True, slots=True)
class Understood:
    """What the search understood, typed: the contract's "query" object read in this one place.

    Strings are kept as given (unknown category keys too: the renderers show only the ones they know);
    anything of the wrong type reads as not said.
    """

    categories: tuple[str, ...] = ()
    exclude_categories: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()
    time: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    remote: bool = False
    radius_km: float | None = None  # only a positive number the text or a button asked for
    names_place: bool = False  # a place (or several same-named ones) was read from the text or chosen
    ruled_out_places: tuple[str, ...] = ()  # names of the places ruled out ("nicht in Kassel"), left out
    shown_words: tuple[str, ...] = ()  # the keywords as the person wrote them ("Nachtcafé", not "nachtcafe")
    time_either: bool = False  # the times are named as a choice (ParsedQuery.time_either)
    time_soft: bool = False  # the times are a preference that ranks, not a filter (ParsedQuery.time_soft)
    little_german: bool = False  # the person speaks little German: listings open to newcomers rank first

    @property
    def interest(self) -> bool:
        """Tells whether anything says what the person wants to do: a category, a word, remote work."""
        return bool(self.categories or self.keywords or self.remote)

    @property
    def anything(self) -> bool:
        """Tells whether the text said anything the search could use (an interest, a place, a time, ...)."""
        return bool(self.categories or self.exclude_categories or self.keywords or self.names_place or self.time
                    or self.languages or self.remote or self.radius_km or self.ruled_out_places)

    @classmethod
    def from_query(cls, query: dict[str, Any]) -> Understood:
        """Reads the contract's query object (the NLU's parse with refinements written over it)."""
        radius = query.get("radius_km")
        return cls(
            categories=_strings(query.get("categories")),
            exclude_categories=_strings(query.get("exclude_categories")),
            keywords=_strings(query.get("keywords")),
            time=_strings(query.get("time")),
            languages=_strings(query.get("languages")),
            remote=query.get("remote") is True,
            radius_km=float(radius) if isinstance(radius, (int, float)) and not isinstance(radius, bool)
            and radius > 0 else None,
            names_place=bool(query.get("place")),
            ruled_out_places=_place_names(query.get("ruled_out_places")),
            shown_words=_as_written(_strings(query.get("keywords")), query.get("text")),
            time_either=query.get("time_either") is True,
            time_soft=query.get("time_soft") is True and bool(_strings(query.get("time"))),
            little_german=query.get("needs_little_german") is True,
        )


@dataclass(frozen=True, slots=True)
class SearchOutcome:
    """The answer: what was understood, what was relaxed, one page of hits, and what to ask next."""

    query: dict[str, Any]  # the NLU's parse output with refinements applied (the contract's "query")
    widened: tuple[str, ...]  # e.g. ("radius:30", "radius:50", "time"), in order
    results: tuple[Hit, ...]
    total: int  # how many listings matched in all (for "Mehr"); nationwide at most the 2,000 newest matches
    place: PlaceRef | None  # the centre actually used
    radius_km: float | None  # the radius actually used after widening
    everywhere: bool  # no place given: searched all of Germany (not when a whole state was searched)
    place_candidates: tuple[PlaceRef, ...] = ()  # ambiguous place far apart: ask instead of guessing
    # A postal code no place has ("00000") or a place name the gazetteer lacks ("Höchst an der Nidder"), as
    # written: nothing was searched, the person is asked where instead.
    unknown_place: str | None = None
    # Wishes that could not work on what was found: "time" when the listings found say nothing about it.
    not_applied: tuple[str, ...] = ()
    # The related listings left out of this answer (bot.search.tiers): listings that share only the category or a
    # weaker word of what the request names. On a page of the similar ones: how many answer it more strongly.
    # Not in the contract's JSON, whose shape stays as it is.
    others: int = 0
    showing_similar: bool = False  # this page shows the related listings (the request asked for them)
    # The request's words as written, when no listing holds them and none is a word of the language ("asdfgh
    # qwertz", bot.search.unread): the results fit only the rest of the request. Not part of the JSON contract.
    unread_words: tuple[str, ...] = ()
    # What the request names in particular that no listing holds, as written ("Klavier" of "Klavierunterricht" when
    # only "Unterricht" is held, bot.search.unfound): the answer says so. Not part of the JSON contract.
    unfound: tuple[str, ...] = ()
    # The state whose listings were searched ("ganz Sachsen": Refinement.whole_state), with no place: not all of
    # Germany, and nothing to ask. Not part of the JSON contract's results; its query holds "whole_state".
    whole_state: str | None = None

    @property
    def understood(self) -> Understood:
        """Returns what was understood, typed (the query dict stays for the JSON contract only)."""
        return Understood.from_query(self.query or {})

    @property
    def remote(self) -> bool:
        """Tells whether the listings answer a wish for help from home: not when nothing from home fit and those
        on site were shown instead (widened "remote")."""
        return self.understood.remote and "remote" not in self.widened

    @property
    def unknown_postal_code(self) -> bool:
        """Tells whether the place not found is a postal code ("00000"), not a name."""
        return bool(self.unknown_place) and (self.unknown_place or "").isdigit()

    @property
    def needs_place_choice(self) -> bool:
        """Tells whether the person should pick one of several places first."""
        return bool(self.place_candidates)

    @property
    def nowhere(self) -> bool:
        """Tells whether the search ran without any place (and not for remote listings, which need none): the chat
        then searches around the person's home place."""
        return self.everywhere and not self.needs_place_choice and not self.remote and not self.nationwide

    @property
    def nationwide(self) -> bool:
        """Tells whether all of Germany was asked for ("bundesweit" written, or the "Ganz Deutschland" button)."""
        return self.everywhere and self.query.get("nationwide") is True

    def to_dict(self) -> dict[str, Any]:
        """Returns the contract's JSON object for `ehrenamt-bot search --json`."""
        return {
            "query": self.query,
            "widened": list(self.widened),
            "results": [hit.to_dict() for hit in self.results],
            "not_applied": list(self.not_applied),
            "unknown_place": self.unknown_place,
        }


_WORD = re.compile(r"\w+(?:-\w+)*")


def _as_written(keywords: tuple[str, ...], text: object) -> tuple[str, ...]:
    """Returns each folded keyword as the text spells it ("nachtcafe" -> "Nachtcafé"), or as it is where the text
    does not hold it (a refinement's word)."""
    written: dict[str, str] = {}
    for match in _WORD.finditer(text if isinstance(text, str) else ""):
        for word in (match.group(), *match.group().split("-")):
            written.setdefault(fold(word), word)
    return tuple(written.get(keyword, keyword) for keyword in keywords)


def _place_names(value: object) -> tuple[str, ...]:
    """Returns the names of a list of place objects, each once; anything odd is left out."""
    places = value if isinstance(value, (list, tuple)) else ()
    return tuple(dict.fromkeys(str(p["name"]) for p in places if isinstance(p, dict) and p.get("name")))


def _strings(value: object) -> tuple[str, ...]:
    """Turns a list from the query into a tuple of strings; anything else into ()."""
    return tuple(str(item) for item in value) if isinstance(value, (list, tuple)) else ()


def _tuple_or_none(value: object) -> tuple[str, ...] | None:
    """Turns a stored list into a tuple of strings; anything else into None."""
    if isinstance(value, (list, tuple)):
        return tuple(str(item) for item in value)
    return None
