"""The demo data's text corpus: activities, organisation types, phrases and name parts from data/demo/."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from bot.categories import categories
from bot.domain import OrganisationKind
from nlu.kernel.resources import data_path

_TIME_WORDS = {"weekday", "weekend", "daytime", "evening", "flexible"}


@dataclass(frozen=True, slots=True)
class Activity:
    """One kind of volunteering task with the text parts and time profile of its listings."""

    key: str
    titles: tuple[str, ...]
    categories: tuple[str, ...]
    also: tuple[tuple[str, float], ...]
    tasks: tuple[str, ...]
    impact: tuple[str, ...]
    requirements: tuple[str, ...]
    time: tuple[frozenset[str], ...]
    one_off: float
    days: tuple[int, int]
    months: frozenset[int]  # one-off events only happen in these months (empty: any month)
    hours: tuple[int, int]
    languages: tuple[str, ...]
    language_share: float
    newcomer: float
    remote: float
    accessible: float
    first_aid: bool
    support: bool
    office: bool = False  # a club office (treasurer, press ...) any organisation with a field may offer


@dataclass(frozen=True, slots=True)
class OrganisationType:
    """A kind of organisation (Tafel, sports club, parish...) and the activities it offers."""

    key: str
    names: tuple[str, ...]
    slug: str
    kind: str
    weight: float
    min_population: int
    max_population: int
    listings: tuple[int, int]
    activities: tuple[str, ...]
    register: str
    verified: float
    remote: bool
    staple: int | None = None  # every demo place of this population or more has one
    field: str | None = None  # category of its field: its club offices get it, and only types with one offer them


@dataclass(frozen=True, slots=True)
class Corpus:
    """Everything the composer draws from; loaded once and shared."""

    activities: dict[str, Activity]
    organisation_types: dict[str, OrganisationType]
    phrases: dict[str, Any]
    names: dict[str, Any]

    @property
    def offices(self) -> list[str]:
        """Keys of the club offices, in file order: what organisations with a field draw aside."""
        return [key for key, activity in self.activities.items() if activity.office]


@cache
def load_corpus() -> Corpus:
    """Reads and checks data/demo/; a wrong category or activity key fails loudly here, not mid-seed."""
    folder = data_path("demo")
    activities: dict[str, Activity] = {}
    for path in sorted((folder / "activities").glob("*.toml")):
        for key, raw in read_toml(path).items():
            if key in activities:
                raise ValueError(f"{path}: activity {key!r} is defined twice")
            activities[key] = _activity(key, raw, path)
    raw_types = read_toml(folder / "organisations.toml")
    types = {key: _organisation_type(key, raw, activities) for key, raw in raw_types.items()}
    return Corpus(activities, types, read_toml(folder / "phrases.toml"), read_toml(folder / "names.toml"))


def read_toml(path: Path) -> dict[str, Any]:
    """Parses one TOML file."""
    with path.open("rb") as handle:
        return tomllib.load(handle)


def _activity(key: str, raw: dict[str, Any], path: Path) -> Activity:
    """Builds one activity and checks its category keys and time words."""
    known = categories()
    also = tuple((name, float(share)) for name, share in raw.get("also", {}).items())
    for name in [*raw["categories"], *(name for name, _ in also)]:
        if name not in known:
            raise ValueError(f"{path}: activity {key!r} names unknown category {name!r}")
    if not raw["categories"] and not raw.get("office", False):
        raise ValueError(f"{path}: activity {key!r} has no category (only offices take the organisation's field)")
    time = tuple(frozenset(option.split()) for option in raw["time"])
    for option in time:
        if not option or not option <= _TIME_WORDS:
            raise ValueError(f"{path}: activity {key!r} has a bad time option {sorted(option)}")
    return Activity(
        key=key,
        titles=tuple(raw["titles"]),
        categories=tuple(raw["categories"]),
        also=also,
        tasks=tuple(raw["tasks"]),
        impact=tuple(raw.get("impact", ())),
        requirements=tuple(raw.get("requirements", ())),
        time=time,
        one_off=float(raw.get("one_off", 0.0)),
        days=_pair(raw.get("days", [1, 1])),
        months=_months(raw.get("months", []), key, path),
        hours=_pair(raw["hours"]),
        languages=tuple(raw.get("languages", ())),
        language_share=float(raw.get("language_share", 0.0)),
        newcomer=float(raw.get("newcomer", 0.0)),
        remote=float(raw.get("remote", 0.0)),
        accessible=float(raw.get("accessible", 0.3)),
        first_aid=bool(raw.get("first_aid", False)),
        support=bool(raw.get("support", False)),
        office=bool(raw.get("office", False)),
    )


def _organisation_type(key: str, raw: dict[str, Any], activities: dict[str, Activity]) -> OrganisationType:
    """Builds one organisation type and checks that its activities and kind exist."""
    missing = [name for name in raw["activities"] if name not in activities]
    if missing:
        raise ValueError(f"data/demo/organisations.toml: {key!r} offers unknown activities {missing}")
    kind = OrganisationKind(raw["kind"]).value
    if "field" in raw and raw["field"] not in categories():
        raise ValueError(f"data/demo/organisations.toml: {key!r} has the unknown field {raw['field']!r}")
    if raw.get("register", "any") not in {"du", "sie", "any"}:
        raise ValueError(f"data/demo/organisations.toml: {key!r} has an unknown register")
    return OrganisationType(
        key=key,
        names=tuple(raw["names"]),
        slug=raw["slug"],
        kind=kind,
        weight=float(raw["weight"]),
        min_population=int(raw.get("min_population", 0)),
        max_population=int(raw.get("max_population", 10**9)),
        listings=_pair(raw["listings"]),
        activities=tuple(raw["activities"]),
        register=raw.get("register", "any"),
        verified=float(raw.get("verified", 0.9)),
        remote=bool(raw.get("remote", False)),
        staple=int(raw["staple"]) if "staple" in raw else None,
        field=raw.get("field"),
    )


def _months(values: list[int], key: str, path: Path) -> frozenset[int]:
    """Reads the months of the year an event may happen in."""
    if not all(1 <= month <= 12 for month in values):
        raise ValueError(f"{path}: activity {key!r} has a month outside 1-12")
    return frozenset(values)


def _pair(values: list[int]) -> tuple[int, int]:
    """Reads a [min, max] pair."""
    low, high = (int(value) for value in values)
    if low > high:
        raise ValueError(f"range {values} runs backwards")
    return low, high
