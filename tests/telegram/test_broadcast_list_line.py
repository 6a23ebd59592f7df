"""The admin's list of announcements: counts only where recipients were written (not "0/0" beside a draft)."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.broadcasts.announce import BroadcastSummary
from bot.broadcasts.audience import Audience
from bot.broadcasts.progress import Progress
from bot.domain import BroadcastStatus
from bot.telegram.announcements.render import list_text

_NOW = datetime(2026, 12, 7, 12, tzinfo=UTC)


def _summary(number: int, status: BroadcastStatus, sent: int = 0, pending: int = 0) -> BroadcastSummary:
    progress = Progress(broadcast_id=number, status=status, sent=sent, blocked=0, failed=0, pending=pending,
                        sending=0, audience_complete=status is not BroadcastStatus.DRAFT, rate=0.0,
                        eta_seconds=None, taken_at=_NOW, started_at=None, status_chat_id=None,
                        status_message_id=None)
    return BroadcastSummary(broadcast_id=number, created_by=1, created_at=_NOW, scheduled_at=None,
                            text="Freiwilligentag am Samstag", audience=Audience(), progress=progress)


def test_a_draft_and_a_planned_announcement_show_no_counts_and_a_running_one_does() -> None:
    lines = list_text("de", [_summary(3, BroadcastStatus.RUNNING, sent=40, pending=60),
                             _summary(2, BroadcastStatus.SCHEDULED), _summary(1, BroadcastStatus.DRAFT)]).splitlines()
    assert lines[1] == "#3 · läuft · 40/100 · Freiwilligentag am Samstag"
    assert "0/0" not in lines[2] and lines[2].startswith("#2 · ")
    assert lines[3] == "#1 · Entwurf · Freiwilligentag am Samstag"
    done = list_text("en", [_summary(4, BroadcastStatus.DONE)]).splitlines()[1]
    assert "0/0" in done  # finished with nobody reached: said as it is
