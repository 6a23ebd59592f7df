"""Time commitments of demo listings: time tags, hours, event dates and the sentence that says them."""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from bot.domain import TimeTag
from bot.seed.corpus import Activity

WEEKDAYS = ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag")
_ADVERBS = tuple(f"{day.lower()}s" for day in WEEKDAYS)  # montags ... sonntags
EVENT_HORIZON_DAYS = (7, 120)  # one-off events start one week to four months after the seed day


@dataclass(frozen=True, slots=True)
class Schedule:
    """When a listing needs people, as tags for search and as words for the description."""

    time_tags: list[str]
    hours_per_month: int
    start_date: date | None
    end_date: date | None
    sentence: str
    hints: dict[str, str] = field(default_factory=dict)  # words a title may use: days, part, date


def plan_schedule(rng: random.Random, activity: Activity, today: date, phrases: dict[str, Any]) -> Schedule:
    """Picks a time pattern of the activity and describes it; one-off events get dates after `today`."""
    words = set(rng.choice(activity.time))
    hours = rng.randint(*activity.hours)
    if "flexible" in words:
        return _flexible(rng, hours, phrases)
    if rng.random() < 0.1:  # some listings take people on more days or at more times than the activity needs
        words.add(rng.choice(["weekday", "weekend", "daytime", "evening"]))
    if rng.random() < activity.one_off:
        return _event(rng, words, hours, activity, today, phrases)
    return _regular(rng, words, hours, phrases)


def _flexible(rng: random.Random, hours: int, phrases: dict[str, Any]) -> Schedule:
    """A regular commitment at times the volunteer chooses."""
    sentence = rng.choice(phrases["time"]["flexible"]).format(hours=hours)
    return Schedule([TimeTag.REGULAR.value], hours, None, None, sentence)


def _regular(rng: random.Random, words: set[str], hours: int, phrases: dict[str, Any]) -> Schedule:
    """A weekly, fortnightly or monthly commitment on named days."""
    time = phrases["time"]
    frequency = _frequency(hours, weekend_only="weekday" not in words)
    days = _days(rng, words, twice=frequency == "twice_weekly")
    part = _part(rng, words, time["daytime"], time["evening"], time["both_parts"])
    hours = _hours_of_span(part, frequency) or hours
    sentence = rng.choice(time["regular"]).format(freq=rng.choice(time[frequency]), days=days, part=part, hours=hours)
    tags = _tags(words) + [TimeTag.REGULAR.value]
    return Schedule(tags, hours, None, None, _capitalised(sentence), {"days": days, "part": part})


def _event(
    rng: random.Random, words: set[str], hours: int, activity: Activity, today: date, phrases: dict[str, Any]
) -> Schedule:
    """A one-off event on a date (or several days) after today, on a weekend day when tagged so."""
    time = phrases["time"]
    start = _in_season(rng, today + timedelta(days=rng.randint(*EVENT_HORIZON_DAYS)), activity.months)
    if "weekend" in words and "weekday" not in words:
        start += timedelta(days=(5 - start.weekday()) % 7 + (1 if rng.random() < 0.3 else 0))
    elif "weekday" in words and "weekend" not in words and start.weekday() >= 5:
        start += timedelta(days=7 - start.weekday())
    length = rng.randint(*activity.days)
    end = start + timedelta(days=length - 1)
    part = _part(rng, words, time["daytime_event"], time["evening_event"], time["both_parts"])
    if length == 1:
        sentence = rng.choice(time["one_day"]).format(date=_long_date(start), part=part)
    else:
        sentence = rng.choice(time["several_days"]).format(start=_short_date(start), end=_long_date(end), part=part)
    tags = _tags(words) + [TimeTag.ONE_OFF.value]
    return Schedule(tags, hours, start, end, sentence, {"date": _short_date(start), "part": part})


def _in_season(rng: random.Random, day: date, months: frozenset[int]) -> date:
    """Moves a date forward into the next month the event happens in (toads cross roads in spring)."""
    if not months or day.month in months:
        return day
    first = day.replace(day=1)
    while first.month not in months:
        first = (first + timedelta(days=32)).replace(day=1)
    return first + timedelta(days=rng.randint(0, 27))


# A time of day given as a span ("von 10 bis 13 Uhr", "zwischen 9 und 12 Uhr"), and the visits a month of each
# frequency: the hours a month then follow from them (3 hours every week are about 13 a month, not "rund 7").
_SPAN = re.compile(r"(?:von|zwischen) (\d{1,2}) (?:bis|und) (\d{1,2}) Uhr")
_VISITS = {"monthly": 1.0, "biweekly": 26 / 12, "weekly": 52 / 12, "twice_weekly": 104 / 12}


def _hours_of_span(part: str, frequency: str) -> int | None:
    """Returns the hours a month a time span comes to at the frequency ("von 10 bis 13 Uhr" weekly: 13), or None
    when the part names no span ("vormittags")."""
    span = _SPAN.search(part)
    if span is None:
        return None
    start, end = int(span.group(1)), int(span.group(2))
    return max(round((end - start) * _VISITS[frequency]), 1) if end > start else None


def _frequency(hours: int, *, weekend_only: bool) -> str:
    """Chooses how often people come from the hours a month (about 2.5 hours a visit)."""
    visits = hours / 2.5
    if visits <= 1.5:
        return "monthly"
    if visits <= 2.5:
        return "biweekly"
    if visits <= 5 or weekend_only:
        return "weekly"
    return "twice_weekly"


def _days(rng: random.Random, words: set[str], *, twice: bool) -> str:
    """Names the days: "dienstags", "montags und donnerstags", "am Wochenende"."""
    if {"weekday", "weekend"} <= words:
        return rng.choice(["unter der Woche oder am Wochenende", "an Wochentagen oder samstags",
                           "nach Absprache, auch am Wochenende"])
    if "weekend" in words:
        return rng.choice(["samstags", "sonntags", "am Wochenende", "samstags oder sonntags"])
    if not twice:
        return rng.choice(_ADVERBS[:5])
    first, second = sorted(rng.sample(range(5), 2))
    return f"{_ADVERBS[first]} und {_ADVERBS[second]}"


def _part(rng: random.Random, words: set[str], day: list[str], evening: list[str], both: list[str]) -> str:
    """Names the time of day."""
    if {"daytime", "evening"} <= words:
        return rng.choice(both)
    if "evening" in words:
        return rng.choice(evening)
    return rng.choice(day)


def _tags(words: set[str]) -> list[str]:
    """Returns the time tags among the words, in the domain's order."""
    return [tag.value for tag in TimeTag if tag.value in words]


def _long_date(day: date) -> str:
    """Formats "Samstag, 14.06.2025"."""
    return f"{WEEKDAYS[day.weekday()]}, {day:%d.%m.%Y}"


def _short_date(day: date) -> str:
    """Formats "14.06."."""
    return f"{day:%d.%m.}"


def _capitalised(sentence: str) -> str:
    """Capitalises the first letter (templates may start with a placeholder)."""
    return sentence[:1].upper() + sentence[1:]
