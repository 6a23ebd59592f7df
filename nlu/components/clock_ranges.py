"""A span of clock hours says the part of the day: "zwischen 8 und 12 Uhr" and "Samstags 10–13 Uhr" are daytime,
"zwischen 18 und 21 Uhr" evening (data/nlu/time.toml [clock_range]). The time patterns read a clock time with "ab" or
"bis" only, so a task's hours written as a span, as agencies write them, set no part of the day. English spans give
the half of the day after each hour or only after the last ("from 10 am to 3 pm", "6-9pm").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Span

from nlu.word_lists import read_toml, word_rules

_HOUR = r"(\d{1,2})(?:[:.]\d{2})?"
_DAY, _EVENING = "daytime", "evening"
_HOURS_IN_A_DAY = 24
_NOON = 12


@dataclass(frozen=True, slots=True)
class ClockRangeRules:
    """The words around a span of hours and the hours that part the day."""

    openers: frozenset[str]
    joiners: frozenset[str]
    opened_joiners: frozenset[str]
    units: frozenset[str]
    half_day_units: frozenset[str]  # "am", "pm": the hour may carry one as well as the span's end
    afternoon_units: frozenset[str]  # "pm": twelve hours later
    day_from: int
    evening_from: int
    evening_until: int


@cache
def clock_range_rules() -> ClockRangeRules:
    """Returns time.toml [clock_range]."""
    return word_rules(ClockRangeRules, read_toml("time.toml")["clock_range"])


@cache
def _pattern() -> re.Pattern[str]:
    """Returns the pattern of a span of hours: an optional opener, two hours joined, the clock's unit."""
    rules = clock_range_rules()

    def words(values: frozenset[str]) -> str:
        return "|".join(re.escape(value) for value in sorted(values, key=len, reverse=True))

    halves = words(rules.half_day_units)
    return re.compile(
        rf"(?<![\w.:])(?:(?P<opener>{words(rules.openers)})\s+)?{_HOUR}\s*(?:(?P<first_half>{halves})\s*)?"
        rf"(?P<joiner>{words(rules.joiners)}|{words(rules.opened_joiners)})\s*{_HOUR}\s*"
        rf"(?P<unit>{words(rules.units | rules.half_day_units)})(?!\w)",
        re.IGNORECASE,
    )


def clock_ranges(doc: Doc) -> list[Span]:
    """Returns a time mention per part of the day each span of hours in the text says (none for a span that is no
    clock's: an hour beyond 24)."""
    rules = clock_range_rules()
    found: list[Span] = []
    for match in _pattern().finditer(doc.text):
        if match["joiner"].lower() in rules.opened_joiners and not match["opener"]:
            continue
        if doc.lang_ != "en" and (match["first_half"] or match["unit"].lower() in rules.half_day_units):
            continue  # "von 8 bis 10 am Samstag": German "am" is no clock's
        start, end = _hours(match, rules)
        if start > _HOURS_IN_A_DAY or end > _HOURS_IN_A_DAY:
            continue
        span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
        if span is None:
            continue
        found += [Span(doc, span.start, span.end, label=label) for label in _parts_of_day(start, end, rules)]
    return found


def _hours(match: re.Match[str], rules: ClockRangeRules) -> tuple[int, int]:
    """Returns the span's first and last hour on the 24-hour clock: a "pm" adds twelve hours to its own hour, and to
    the first hour too when that has no half of its own and would otherwise lie more than twelve hours before the end
    ("6-9 pm" is six in the evening, "10 to 3 pm" ten in the morning)."""
    start, end = int(match[2]), int(match[5])
    afternoon = rules.afternoon_units
    first_half, unit = (match["first_half"] or "").lower(), match["unit"].lower()
    if unit in afternoon and end < _NOON:
        end += _NOON
    if first_half in afternoon and start < _NOON:
        start += _NOON
    elif not first_half and unit in afternoon and start < _NOON and start + _NOON <= end:
        start += _NOON
    return start, end


def _parts_of_day(start: int, end: int, rules: ClockRangeRules) -> tuple[str, ...]:
    """Returns the parts of the day a span of hours falls in; none for one beginning before `day_from`, which says
    no part for sure: "von 2 bis 4 Uhr" is the afternoon as people speak, "5-7 Uhr morgens" the early morning (a night
    said so, "Nachtschicht", "nachts", is read by the time words)."""
    if start < rules.day_from:
        return ()
    if start >= rules.evening_from:
        return (_EVENING,)
    if end >= rules.evening_until or end < start:
        return (_DAY, _EVENING)
    return (_DAY,)
