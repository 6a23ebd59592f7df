"""Days left until an expiry, as calendar days in Berlin: 'endet heute' only on the day itself, the date local."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from bot.ads.model import Ad
from bot.domain import AdStatus
from bot.local_days import days_left, local_date
from bot.telegram.ads.render import list_text


def _utc(day: int, hour: int, minute: int = 0, month: int = 12) -> datetime:
    return datetime(2026, month, day, hour, minute, tzinfo=timezone.utc)


@pytest.mark.parametrize(("expiry", "now", "days"), [
    (_utc(7, 18), _utc(6, 20), 1),  # 19:00 tomorrow in Berlin, though less than 24 hours away
    (_utc(7, 18), _utc(6, 23, 30), 0),  # 00:30 on the 7th in Berlin: it ends today
    (_utc(7, 23, 30), _utc(7, 10), 1),  # 00:30 on the 8th in Berlin
    (_utc(7, 18), _utc(7, 17), 0),
    (_utc(11, 18), _utc(6, 18, 0), 5),  # exactly five days (24-hour blocks less a moment said four)
    (_utc(7, 18), _utc(7, 19), 0),  # past: none left
    (_utc(29, 1, month=3), _utc(27, 23, month=3), 1),  # over the night the clocks go forward (2026-03-29)
])
def test_days_left_are_calendar_days_in_berlin(expiry: datetime, now: datetime, days: int) -> None:
    assert days_left(expiry, now=now) == days


def test_the_date_is_berlins() -> None:
    assert local_date(_utc(7, 23, 30)) == "08.12.2026"
    assert local_date(_utc(7, 18)) == "07.12.2026"


def _ad(expires_at: datetime) -> Ad:
    return Ad(id=1, text="Ich helfe gern beim Bewerbungen schreiben.", categories=(), time_tags=(), languages=(),
              newcomer=False, place=None, remote=True, travel_km=None, status=AdStatus.PUBLISHED,
              published_at=None, expires_at=expires_at)


def test_an_ads_list_says_tomorrow_across_midnight_and_the_local_day() -> None:
    assert "online bis 07.12.2026 (endet morgen)" in list_text([_ad(_utc(7, 18))], "de", now=_utc(6, 20))
    assert "online until 08.12.2026 (ends tomorrow)" in list_text([_ad(_utc(7, 23, 30))], "en", now=_utc(7, 10))
    assert "online bis 07.12.2026 (endet heute)" in list_text([_ad(_utc(7, 18))], "de", now=_utc(6, 23, 30))
