"""A listing's single clock time says the part of the day its task begins in: "Wir proben jeden Montag 19:30 Uhr",
"Probe donnerstags um 19 Uhr" are the evening, "dienstags um 10 Uhr in der Bücherei" the day (data/nlu/time.toml
[clock_time]). The time patterns read a clock time with "ab", "gegen" or "nach" and nlu/components/clock_ranges.py a
span of hours ("10-12 Uhr"); a choir's rehearsal named by its hour alone set no part of the day, so the search took
it out for a writer asking for evenings.

An hour that ends something ("bis 20 Uhr", the second of "9 Uhr bis 12 Uhr") or starts a span is left to those
readers, and one inside a mention they found says nothing new. Listings only: a writer's "um 19 Uhr" is read by the
time patterns. Office hours ("Telefonisch erreichbar montags um 18 Uhr") are dropped afterwards like every mention.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Span

from nlu.word_lists import read_toml, word_rules

_DAY, _EVENING = "daytime", "evening"


@dataclass(frozen=True, slots=True)
class ClockTimeRules:
    """The words around a single clock time and the hours that part the day for a time a task begins at."""

    openers: frozenset[str]
    units: frozenset[str]
    ends: frozenset[str]
    joiners: frozenset[str]
    day_from: int
    day_until: int
    evening_from: int
    evening_until: int


@cache
def clock_time_rules() -> ClockTimeRules:
    """Returns time.toml [clock_time]."""
    return word_rules(ClockTimeRules, read_toml("time.toml")["clock_time"], as_written=("ends",))


def _words(values: frozenset[str]) -> str:
    """Returns the alternatives of a pattern, longest first."""
    return "|".join(re.escape(value) for value in sorted(values, key=len, reverse=True))


@cache
def _pattern() -> re.Pattern[str]:
    """Returns the pattern of a clock time: an optional opener, the hour, its minutes after a colon or a point, the
    clock's unit. A time with a point needs the unit ("18.30 Uhr"; "am 18.10." is a date); one with a colon does not
    ("19:30")."""
    rules = clock_time_rules()
    return re.compile(
        rf"(?<![\w.:/–—-])(?:(?P<opener>{_words(rules.openers)})\s+)?(?P<hour>\d{{1,2}})"
        rf"(?:(?P<colon>:[0-5]\d)|\.[0-5]\d(?=\s*(?:{_words(rules.units)})(?!\w)))?"
        rf"(?:\s*(?P<unit>{_words(rules.units)})(?!\w))?(?![\w:]|\.\d)",
        re.IGNORECASE,
    )


@cache
def _end_before() -> re.Pattern[str]:
    """Returns the pattern of words that make the hour after them an end: "bis 20 Uhr", "10 - 12 Uhr", "zwischen 8
    und 12 Uhr"."""
    rules = clock_time_rules()
    return re.compile(rf"(?:(?<!\w)(?:{_words(rules.ends)})|[–—-])\s*$", re.IGNORECASE)


@cache
def _span_after() -> re.Pattern[str]:
    """Returns the pattern of an hour following as the end of a span: "9 Uhr bis 12 Uhr", "19:30 - 21 Uhr"."""
    rules = clock_time_rules()
    return re.compile(rf"\s*(?:(?:{_words(rules.joiners)})(?!\w)|[–—-])\s*\d", re.IGNORECASE)


def single_clock_times(doc: Doc, found: list[Span]) -> list[Span]:
    """Returns a time mention for each single clock time of a listing that begins the task by day or in the
    evening, but one inside a mention already `found` or one that ends or starts a span of hours."""
    rules = clock_time_rules()
    taken = {i for span in found for i in range(span.start, span.end)}
    text = doc.text
    mentions: list[Span] = []
    for match in _pattern().finditer(text):
        if not (match["unit"] or match["colon"]):
            continue  # a bare number: an age, a count, a date's day
        if _end_before().search(text, max(0, match.start() - 12), match.start()):
            continue
        if _span_after().match(text, match.end()):
            continue
        label = _part_of_day(int(match["hour"]), rules)
        span = doc.char_span(match.start("hour"), match.end(), alignment_mode="expand")
        if label is None or span is None or taken.intersection(range(span.start, span.end)):
            continue
        mentions.append(Span(doc, span.start, span.end, label=label))
    return mentions


def _part_of_day(hour: int, rules: ClockTimeRules) -> str | None:
    """Returns the part of the day a task beginning at the hour falls in: the day from `day_from` to before
    `day_until`, the evening from `evening_from` to before `evening_until`; none in between ("17 Uhr" begins an
    afternoon's task as often as an evening's) nor at night."""
    if rules.day_from <= hour < rules.day_until:
        return _DAY
    if rules.evening_from <= hour < rules.evening_until:
        return _EVENING
    return None
