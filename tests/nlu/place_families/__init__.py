"""Systematic place cases generated from the gazetteer's own data, not from any labelled message.

Each family is one way people write a place (a quarter with its city, a town with its region, two towns offered
as a choice, an area word around a town) filled in for every entry the data knows, inside a few neutral frames.
A case is right when the parsed place lies within 10 km of one of its accepted points (the evaluation's
tolerance), so a namesake elsewhere always fails. `python -m tests.nlu.place_families [--failures N]` prints
the score of every family; tests/nlu/test_place_families.py asserts floors on deterministic samples. The families
live by kind: quarters, towns, regions (cases.py holds what they share).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from nlu.query import ParsedQuery
from tests.nlu.place_families.cases import Case, near
from tests.nlu.place_families.quarters import (
    lowercase_quarter_cases, quarter_cases, spoken_quarter_cases, unlisted_quarter_cases,
)
from tests.nlu.place_families.regions import district_cases, region_cases, region_town_cases
from tests.nlu.place_families.towns import (
    area_cases, area_en_cases, beside_cases, choice_cases, merged_cases, qualified_cases,
)

__all__ = ["FAMILIES", "Case", "score"]

FAMILIES: dict[str, Callable[[], Iterator[Case]]] = {
    "quarter": quarter_cases, "unlisted": unlisted_quarter_cases, "merged": merged_cases, "region": region_cases,
    "region_town": region_town_cases, "qualified": qualified_cases,
    "choice": choice_cases, "area": area_cases, "area_en": area_en_cases, "district": district_cases,
    "quarter_lower": lowercase_quarter_cases, "beside": beside_cases,
    "spoken_quarter": spoken_quarter_cases,
}


def score(cases: list[Case], parse: Callable[[str], ParsedQuery]) -> dict[str, tuple[int, int, list[tuple[str, str]]]]:
    """Returns family -> (right, total, failures as (text, what was found))."""
    results: dict[str, tuple[int, int, list[tuple[str, str]]]] = {}
    for case in cases:
        place = parse(case.text).place
        right, total, failures = results.get(case.family, (0, 0, []))
        ok = near(place, case.points)
        if not ok:
            failures.append((case.text, place.name if place else "None"))
        results[case.family] = (right + ok, total + 1, failures)
    return results
