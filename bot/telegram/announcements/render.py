"""The admin's announcement messages as text: the audience, the confirmation, the status with its bar, the report."""

from __future__ import annotations

from datetime import datetime

from bot.broadcasts import Audience, BroadcastSummary, Progress, Report, progress_bar
from bot.broadcasts.telegram_html import readable
from bot.categories import categories
from bot.domain import BroadcastStatus
from bot.local_days import BERLIN
from bot.telegram.formatting import join_lines, line
from bot.texts.catalogue import decimal
from bot.texts import t

REASONS_SHOWN = 3
TITLES = {
    BroadcastStatus.DRAFT: "broadcast.status_draft", BroadcastStatus.SCHEDULED: "broadcast.status_scheduled",
    BroadcastStatus.RUNNING: "broadcast.status_running", BroadcastStatus.DONE: "broadcast.status_done",
    BroadcastStatus.CANCELLED: "broadcast.status_cancelled",
}
STATES = {
    BroadcastStatus.DRAFT: "broadcast.state_draft", BroadcastStatus.SCHEDULED: "broadcast.state_scheduled",
    BroadcastStatus.RUNNING: "broadcast.state_running", BroadcastStatus.DONE: "broadcast.state_done",
    BroadcastStatus.CANCELLED: "broadcast.state_cancelled",
}
_UNSENT = (BroadcastStatus.DRAFT, BroadcastStatus.SCHEDULED)


def audience_text(lang: str, broadcast_id: int, audience: Audience, reached: int) -> str:
    """Describes whom the draft reaches now, for the audience menu."""
    return join_lines([
        t(lang, "broadcast.audience_title", id=broadcast_id),
        t(lang, "broadcast.audience_groups", groups=groups_label(lang, audience)),
        t(lang, "broadcast.audience_area", area=area_label(lang, audience)),
        t(lang, "broadcast.audience_interests", interests=interests_label(lang, audience)),
        "",
        t(lang, "broadcast.audience_reach", count=reached),  # an int: t() picks the form for 0 and 1, then groups it
    ])


def groups_label(lang: str, audience: Audience) -> str:
    """Names the groups reached: volunteers, organisations' contacts, or both."""
    names = [t(lang, key) for key, wanted in (("broadcast.group_volunteers", audience.volunteers),
                                              ("broadcast.group_contacts", audience.contacts)) if wanted]
    return ", ".join(names)


def area_label(lang: str, audience: Audience) -> str:
    """Names the area: all of Germany, a state, a district, a radius around a place, or both."""
    parts: list[str] = []
    if audience.district:
        parts.append(t(lang, "broadcast.area_district", district=line(audience.district, 60),
                       state=line(audience.state, 40)))
    elif audience.state:
        parts.append(line(audience.state, 40))
    if audience.near:
        place = audience.near.place or f"{audience.near.lat:.3f}, {audience.near.lon:.3f}"
        parts.append(t(lang, "broadcast.area_near", km=decimal(audience.near.radius_km, lang),
                       place=line(place, 60)))
    return " · ".join(parts) if parts else t(lang, "broadcast.area_everywhere")


def interests_label(lang: str, audience: Audience) -> str:
    """Names the chosen interest categories, or says that interests do not matter."""
    if not audience.interests:
        return t(lang, "broadcast.interests_any")
    known = categories()
    return ", ".join(known[key].label(lang) for key in known if key in audience.interests)


def confirm_text(lang: str, reached: int, *, second_step: bool) -> str:
    """Asks to confirm: first whether the preview is right, then whether to send to this many people."""
    key = "broadcast.confirm_second" if second_step else "broadcast.confirm_first"
    return t(lang, key, count=reached)  # an int, as for the audience: "1 Person", not "1 Personen"


def status_text(lang: str, current: Progress, *, scheduled_at: datetime | None = None) -> str:
    """Shows where a broadcast stands: planned, or a bar with counts, rate and time left."""
    title = t(lang, TITLES[current.status], id=current.broadcast_id)
    if current.status is BroadcastStatus.SCHEDULED and scheduled_at is not None:
        return join_lines([title, t(lang, "broadcast.planned_for", when=local_time(scheduled_at))])
    lines = [
        title,
        f"{progress_bar(current.fraction)} {current.fraction:.0%}",
        counts_line(lang, current),
    ]
    if current.status is BroadcastStatus.RUNNING:
        lines.append(t(lang, "broadcast.rate", rate=decimal(current.rate, lang), left=time_left(lang, current)))
    return join_lines(lines)


def report_text(lang: str, report: Report) -> str:
    """Sums up a finished or cancelled broadcast: counts, duration, average rate, the commonest reasons."""
    current = report.progress
    lines = [
        t(lang, TITLES[current.status], id=current.broadcast_id),
        f"{progress_bar(current.fraction)} {current.fraction:.0%}",
        counts_line(lang, current),
    ]
    if report.duration_seconds is not None:
        lines.append(t(lang, "broadcast.took", duration=duration(report.duration_seconds),
                       rate=decimal(report.average_rate, lang)))
    for reason, count in list(report.reasons.items())[:REASONS_SHOWN]:
        lines.append(f"• {number(count, lang)} × {line(reason, 80)}")
    return join_lines(lines)


def counts_line(lang: str, current: Progress) -> str:
    """Formats sent, blocked, failed and remaining."""
    return t(lang, "broadcast.counts", sent=number(current.sent, lang), blocked=number(current.blocked, lang),
             failed=number(current.failed, lang), remaining=number(current.remaining, lang))


def list_text(lang: str, summaries: list[BroadcastSummary]) -> str:
    """Lists running, scheduled and recent broadcasts, one line each."""
    if not summaries:
        return t(lang, "broadcast.list_empty")
    lines = [t(lang, "broadcast.list_title")]
    for item in summaries:
        first = item.text.splitlines()[0] if item.text.strip() else ""
        status = t(lang, STATES[item.progress.status])
        # a draft or a planned one has no recipients written yet: "0/0" beside it would say nothing
        counts = "" if item.progress.status in _UNSENT else (
            f" · {number(item.progress.done, lang)}/{number(item.progress.total, lang)}")
        lines.append(f"#{item.broadcast_id} · {status}{counts} · {line(readable(first), 40)}")
    return join_lines(lines)


def time_left(lang: str, current: Progress) -> str:
    """Says how long the rest will take, or that it is not known yet."""
    if current.eta_seconds is None:
        return t(lang, "broadcast.left_unknown")
    return duration(current.eta_seconds)


def duration(seconds: float) -> str:
    """Formats seconds as h:mm:ss or m:ss."""
    whole = int(round(seconds))
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def local_time(moment: datetime) -> str:
    """Formats a moment in German local time, e.g. 24.12.2026 18:00."""
    return moment.astimezone(BERLIN).strftime("%d.%m.%Y %H:%M")


def number(value: int, lang: str) -> str:
    """Formats a count with the reader's thousands separator (1.234 in German, 1,234 in English)."""
    text = f"{value:,}"
    return text.replace(",", ".") if lang == "de" else text
