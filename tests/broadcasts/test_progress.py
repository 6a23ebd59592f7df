"""Progress for the status message: counts, recent rate, time left, and the report's figures."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from bot.broadcasts.progress import Report, progress_bar, snapshot
from bot.domain import BroadcastStatus
from bot.store.models import Broadcast

START = datetime(2026, 5, 1, 18, 0, tzinfo=timezone.utc)


def _broadcast(**values: object) -> Broadcast:
    values = {"id": 7, "status": BroadcastStatus.RUNNING.value, "started_at": START, "audience_complete": True,
              "status_chat_id": 1000, "status_message_id": 5, **values}
    return Broadcast(**values)


def test_rate_since_start_and_time_left() -> None:
    counts = {"sent": 500, "blocked": 20, "failed": 5, "pending": 450, "sending": 25}
    current = snapshot(_broadcast(), counts, now=START + timedelta(seconds=21), previous=None)
    assert (current.done, current.remaining, current.total) == (525, 475, 1000)
    assert current.rate == pytest.approx(25.0)
    assert current.eta_seconds == pytest.approx(19.0)
    assert current.fraction == pytest.approx(0.525) and progress_bar(current.fraction) == "▓▓▓▓▓░░░░░"


def test_recent_rate_comes_from_the_previous_snapshot() -> None:
    first = snapshot(_broadcast(), {"sent": 100, "pending": 900}, now=START + timedelta(seconds=10), previous=None)
    later = snapshot(_broadcast(), {"sent": 130, "pending": 870}, now=START + timedelta(seconds=13), previous=first)
    assert later.rate == pytest.approx(10.0)
    assert later.eta_seconds == pytest.approx(87.0)


def test_time_left_is_unknown_while_the_audience_is_still_written() -> None:
    current = snapshot(_broadcast(audience_complete=False), {"sent": 10, "pending": 10},
                       now=START + timedelta(seconds=1), previous=None)
    assert current.eta_seconds is None


def test_report_gives_duration_and_average_rate() -> None:
    finished = START + timedelta(minutes=2)
    done = snapshot(_broadcast(status=BroadcastStatus.DONE.value, finished_at=finished), {"sent": 2400},
                    now=finished + timedelta(hours=1), previous=None)
    report = Report(done, {}, finished)
    assert report.duration_seconds == 120.0
    assert report.average_rate == pytest.approx(20.0)
    assert done.rate == pytest.approx(20.0)  # a finished broadcast's rate stops at its end
