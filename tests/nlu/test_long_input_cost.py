"""A long message costs time in proportion to its length: a component that looks around every level ("A2") or
every plate-like code ("EN") must not walk the whole message again for each one. The cost is compared between a
message and the same message four times as long, both under the length at which a message is cut (CPU time, the
best of three runs): linear work grows about fourfold, work per token over the whole message about sixteenfold;
the bound of tenfold leaves room for the plate codes' remaining pieces (x6.7 measured) and still catches a quadratic
walk."""

from __future__ import annotations

import time

import pytest

from nlu import parse
from nlu.api import MAX_CHARS


def _cpu_seconds(text: str) -> float:
    best = float("inf")
    for _ in range(3):
        start = time.process_time()
        parse(text)
        best = min(best, time.process_time() - start)
    return best


@pytest.mark.parametrize("unit", ["A2 ", "EN/FR "])
def test_many_levels_or_codes_cost_linear_time(unit: str) -> None:
    parse("warm up")
    count = MAX_CHARS // len(unit) // 4 - 1
    short, long = _cpu_seconds(unit * count), _cpu_seconds(unit * count * 4)
    assert long / short < 10, f"{unit!r}: x4 the length costs x{long / short:.1f} the time"


@pytest.mark.parametrize(
    ("text", "little_german"),
    [
        ("Mein Deutsch ist noch A2. Englisch kann ich gut.", True),  # German before the level, same sentence
        ("English C1. I have A2 in German.", True),  # none before it in its sentence: the one after it
        ("Deutsch ist meine Muttersprache. Mein Englisch ist A2.", False),  # the nearest before it is English
        ("Deutsch kann ich. A2 habe ich in Französisch.", False),  # a sentence end stops the search
    ],
)
def test_a_level_grades_the_nearest_language_of_its_sentence(text: str, little_german: bool) -> None:
    assert parse(text).needs_little_german is little_german


@pytest.mark.parametrize(
    ("text", "town"),
    [("Suche was im Tierheim, MR", "Marburg"), ("SUCHE WAS IM TIERHEIM, MR", None)],  # all capitals: no telling code
)
def test_a_plate_counts_only_where_capitals_tell(text: str, town: str | None) -> None:
    place = parse(text).place
    assert (place.name if place is not None else None) == town
