"""Reading when an admin wants an announcement sent: German local time, the next such moment, nothing past."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.broadcasts.when import parse_when
from bot.local_days import BERLIN

# Saturday 22 November 2026, 10:30 in Berlin (09:30 UTC, winter time).
NOW = datetime(2026, 11, 22, 9, 30, tzinfo=UTC)


def _local(text: str) -> str | None:
    """Returns the moment as Berlin wall-clock time, or None."""
    moment = parse_when(text, now=NOW)
    return moment.astimezone(BERLIN).strftime("%d.%m.%Y %H:%M") if moment else None


@pytest.mark.parametrize(("text", "expected"), [
    ("morgen 9:00", "23.11.2026 09:00"),
    ("Morgen, 9 Uhr", "23.11.2026 09:00"),
    ("tomorrow 18.30", "23.11.2026 18:30"),
    ("heute 18 Uhr", "22.11.2026 18:00"),
    ("übermorgen um 7:15", "24.11.2026 07:15"),
    ("24.12. 18:00", "24.12.2026 18:00"),
    ("am 24.12.2026 um 18 Uhr", "24.12.2026 18:00"),
    ("1.3. 9:00", "01.03.2027 09:00"),  # past this year: next year
    ("11:00", "22.11.2026 11:00"),
    ("10:00", "23.11.2026 10:00"),  # passed today: tomorrow
])
def test_typed_times_mean_the_next_such_moment(text: str, expected: str) -> None:
    assert _local(text) == expected


def test_now_means_now_in_either_language() -> None:
    assert parse_when("jetzt", now=NOW) == NOW and parse_when("Now!", now=NOW) == NOW


@pytest.mark.parametrize("text", ["heute 9:00", "1.1.2020 10:00", "31.2. 10:00", "25:00", "gestern 9:00",
                                  "irgendwann", "", "24.12.2030 18:00"])
def test_past_impossible_far_or_unclear_times_are_not_understood(text: str) -> None:
    assert parse_when(text, now=NOW) is None


def test_summer_time_is_taken_into_account() -> None:
    moment = parse_when("1.7. 12:00", now=NOW)
    assert moment is not None and moment.hour == 10  # 12:00 CEST is 10:00 UTC
