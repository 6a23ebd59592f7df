"""When an admin wants an announcement sent, as they type it: "jetzt", "morgen 9:00", "24.12. 18:00", "18 Uhr".

Times are German local time (Europe/Berlin); a time without a day means the next such moment, a date without
a year the next such date. Anything else is not understood (None), so the bot asks again with examples.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo
from bot.local_days import BERLIN

NOW_WORDS = frozenset({"jetzt", "sofort", "now", "right now"})
DAY_WORDS = {"heute": 0, "today": 0, "morgen": 1, "tomorrow": 1, "übermorgen": 2, "uebermorgen": 2}
_TIME = r"(?P<hour>\d{1,2})(?:[:.](?P<minute>\d{2}))?\s*(?:uhr|h)?"
_RELATIVE = re.compile(rf"^(?:(?P<day>[a-zäöü]+)\s*,?\s*)?(?:um\s+|at\s+)?{_TIME}$")
_DATED = re.compile(rf"^(?:am\s+)?(?P<d>\d{{1,2}})\.(?P<m>\d{{1,2}})\.(?P<y>\d{{2,4}})?\s*,?\s*(?:um\s+)?{_TIME}$")
MAX_AHEAD = timedelta(days=366)  # a broadcast planned further ahead is surely a typo


def parse_when(text: str, *, now: datetime) -> datetime | None:
    """Returns the moment meant (aware, UTC), `now` for "jetzt", or None when the text is no time."""
    said = " ".join(text.strip().lower().split()).rstrip(".!")
    if said in NOW_WORDS:
        return now
    local_now = now.astimezone(BERLIN)
    moment = _relative(said, local_now) or _dated(said, local_now)
    if moment is None or moment <= local_now or moment - local_now > MAX_AHEAD:
        return None
    return moment.astimezone(ZoneInfo("UTC"))


def _relative(said: str, local_now: datetime) -> datetime | None:
    """Reads "morgen 9:00", "heute 18 Uhr" or a bare "9:30" (today, or tomorrow once it has passed)."""
    match = _RELATIVE.match(said)
    if not match:
        return None
    clock = _clock(match)
    if clock is None or (match["day"] and match["day"] not in DAY_WORDS):
        return None
    offset = DAY_WORDS.get(match["day"] or "", 0)
    moment = _at(local_now.date() + timedelta(days=offset), clock)
    if match["day"] is None and moment <= local_now:
        moment = _at(local_now.date() + timedelta(days=1), clock)
    return moment


def _dated(said: str, local_now: datetime) -> datetime | None:
    """Reads "24.12. 18:00" (the next 24 December) or "24.12.2026 18:00"."""
    match = _DATED.match(said)
    if not match:
        return None
    clock = _clock(match)
    year = int(match["y"]) if match["y"] else local_now.year
    year += 2000 if year < 100 else 0
    try:
        day = date(year, int(match["m"]), int(match["d"]))
    except ValueError:
        return None
    if clock is None:
        return None
    moment = _at(day, clock)
    if match["y"] is None and moment <= local_now:
        try:
            moment = _at(day.replace(year=year + 1), clock)
        except ValueError:  # 29 February
            return None
    return moment


def _clock(match: re.Match[str]) -> time | None:
    """Returns the time of day a match names, or None when out of range."""
    hour, minute = int(match["hour"]), int(match["minute"] or 0)
    return time(hour, minute) if hour < 24 and minute < 60 else None


def _at(day: date, clock: time) -> datetime:
    """Returns a day and time in German local time."""
    return datetime.combine(day, clock, tzinfo=BERLIN)
