"""Admin announcements: audience selection, a durable outbox, and a paced, resumable delivery engine.

How it fits together
    announce.py   the admin's use cases (draft, audience, preview, confirm, cancel, list, progress)
    audience.py   who is reached (SQL selections, counting, regional limits)
    outbox.py     one row per recipient; claim, record, recover, finish (short transactions)
    engine.py     claims rows, paces sends (limits.py, pacing.py), records each outcome right after the send
    runner.py     the background service of a bot process: schedules, serves, finishes, reports
    sending.py    the Sender protocol and its typed errors; bot/telegram/announcements/sender.py implements it with PTB

Never twice, and what a crash means
    A recipient is sent only after its row was claimed: pending -> sending in a short transaction
    (PostgreSQL: FOR UPDATE SKIP LOCKED, so two processes never claim the same row; SQLite: one writer).
    Right after the send the outcome (sent, blocked, failed) is committed, grouped with the outcomes that
    finished at the same moment. A 429 gives the row back to pending: Telegram delivered nothing.

    A row still in `sending` after a crash (kill -9, power loss) is ambiguous: the request may or may not
    have reached Telegram, and Telegram offers no way to ask or to deduplicate. Because a person must never
    get an announcement twice, such rows are treated at most once: they are marked failed with reason
    "unknown after crash" and never sent again. The window is kept tiny: a worker claims only about a
    quarter second of sending ahead, never more rows than it has request slots (max_in_flight, 32), and
    gives rows back when a 429 pause starts (the next claim comes a moment, claim_seconds / 2, before the
    pause ends, so that sending resumes exactly at its end); so after a crash at most max_in_flight recipients
    per process are in doubt, and everyone else gets exactly one message when the broadcast resumes (the crash test
    kills a worker with SIGKILL at random moments and checks exactly that). On SQLite (one process) a
    restarted process marks these rows at once; on PostgreSQL a process marks another's rows only after
    their lease ran out (DeliveryConfig.lease_seconds), since that process may still be alive.

    Retrying timeouts (asked for by the issue) is the one remaining way to a duplicate: after a read
    timeout Telegram may have delivered the message although the bot saw no answer. The PTB sender marks
    such errors maybe_delivered; DeliveryConfig(retry_maybe_delivered=False) makes those final failures too.

Cancel
    Cancelling stops new claims at once; sends already in flight finish and are recorded; every recipient
    not yet sent ends as failed with reason "cancelled", so a cancelled broadcast has no open rows either.

Several processes
    Processes on one PostgreSQL share the rate (pacing.py): before sending a claim they reserve its send time
    in one row, so together they keep to BROADCAST_RATE_PER_SECOND, and a 429 seen by one pauses all of them
    within about half a second (the sends they had already reserved). The one-message-per-second gate per chat
    holds within a process; a chat gets one row per broadcast, so only two broadcasts running at once could
    reach it twice in a second.
"""

from bot.broadcasts.announce import (
    AnnouncementError,
    BroadcastSummary,
    Preview,
    attach_status_message,
    broadcast_progress,
    cancel,
    confirm,
    create_draft,
    list_broadcasts,
    preview,
    set_audience,
)
from bot.broadcasts.audience import Audience, AudienceError, Near, count_audience, within_scope
from bot.broadcasts.config import DeliveryConfig
from bot.broadcasts.progress import BroadcastNotFound, Progress, Report, progress, progress_bar, report
from bot.broadcasts.runner import BroadcastRunner
from bot.broadcasts.sending import (
    Announcement,
    Blocked,
    ChatNotFound,
    DeliveryError,
    RateLimited,
    Rejected,
    Sender,
    Transient,
)

__all__ = [
    "Announcement",
    "AnnouncementError",
    "Audience",
    "AudienceError",
    "Blocked",
    "BroadcastNotFound",
    "BroadcastRunner",
    "BroadcastSummary",
    "ChatNotFound",
    "DeliveryConfig",
    "DeliveryError",
    "Near",
    "Preview",
    "Progress",
    "RateLimited",
    "Rejected",
    "Report",
    "Sender",
    "Transient",
    "attach_status_message",
    "broadcast_progress",
    "cancel",
    "confirm",
    "count_audience",
    "create_draft",
    "list_broadcasts",
    "preview",
    "progress",
    "progress_bar",
    "report",
    "set_audience",
    "within_scope",
]
