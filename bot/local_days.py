"""Days as the people the bot writes to count them: calendar days in Germany (Europe/Berlin), not 24-hour blocks.

"Ends today" has to be true where the reader lives: a listing that expires on 7 December at 18:00 UTC (19:00 in
Berlin) ends tomorrow for someone reading on 6 December at 21:00 Berlin time, though it is less than 24 hours
away; and it ends on 07.12, whatever the hour in UTC. The stored times stay UTC; only what is said about them is
local.
"""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

BERLIN = ZoneInfo("Europe/Berlin")


def local_day(moment: datetime) -> date:
    """Returns the calendar day of an aware moment in Berlin."""
    return moment.astimezone(BERLIN).date()


def days_left(until: datetime, *, now: datetime) -> int:
    """Returns how many calendar days in Berlin lie between now and a moment: 0 today, 1 tomorrow (none if past)."""
    return max(0, (local_day(until) - local_day(now)).days)


def local_date(moment: datetime) -> str:
    """Writes the Berlin calendar day of a moment as the chat writes dates (31.12.2026)."""
    return local_day(moment).strftime("%d.%m.%Y")
