"""`ehrenamt-bot broadcast send|list|status|cancel|resume`: announcements for operators, without the chat.

send queues an announcement exactly as the admin chat flow does (same use cases, same regional rules);
the running bot delivers it, or `broadcast resume` delivers in this process with BOT_TOKEN.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy.ext.asyncio import AsyncSession

from bot.admins import AdminScope, NotAllowed, admin_scope
from bot.broadcasts import (
    AnnouncementError,
    Audience,
    AudienceError,
    BroadcastNotFound,
    BroadcastRunner,
    DeliveryConfig,
    Near,
    Progress,
    Report,
    broadcast_progress,
    cancel,
    confirm,
    create_draft,
    list_broadcasts,
    preview,
    progress_bar,
    set_audience,
)
from bot.broadcasts.outbox import failure_reasons
from bot.broadcasts.regions import checked_region
from bot.broadcasts.telegram_html import html_problem, readable
from bot.broadcasts.when import parse_when
from bot.cli.common import run_with_database
from bot.cli.errors import CommandError
from bot.domain import BroadcastStatus
from bot.settings import Settings
from bot.store.db import Database
from bot.store.models import Broadcast
from nlu.kernel.gazetteer import get_gazetteer

Work = Callable[[Database, Settings], Awaitable[None]]
OPERATOR = 0  # no Telegram id: the operator at the console, for commands that only read


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Adds the broadcast command and its actions."""
    parser = subparsers.add_parser("broadcast", help="announcements: send, list, status, cancel, resume")
    parser.add_argument("--as", dest="acting", type=int, help="act as this admin (default: first of ADMIN_IDS)")
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    send = actions.add_parser("send", help="queue an announcement (asks before sending unless --yes)")
    text = send.add_mutually_exclusive_group(required=True)
    text.add_argument("--text", help="the announcement")
    text.add_argument("--text-file", type=Path, help="read the announcement from a file")
    send.add_argument("--html", action="store_true", help="the text is Telegram HTML (<b>, <i>, <a href>)")
    send.add_argument("--contacts", action="store_true", help="also organisations' contact people")
    send.add_argument("--no-volunteers", action="store_true", help="leave volunteers out (with --contacts)")
    send.add_argument("--state", help="only this state, e.g. Hessen")
    send.add_argument("--district", help="only this district (with --state)")
    send.add_argument("--near", help="LAT,LON of a place; volunteers living within --radius km")
    send.add_argument("--radius", type=float, default=15.0, help="km around --near (default 15)")
    send.add_argument("--interest", action="append", default=[], help="category key (repeatable: any of them)")
    send.add_argument("--at", type=_start_at, help="start later: 2027-05-01T18:00+02:00, or as in the chat "
                      "(German time): 'morgen 9:00', '24.12. 18 Uhr'")
    send.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    send.set_defaults(func=send_command)
    actions.add_parser("list", help="running, scheduled and recent broadcasts").set_defaults(func=list_command)
    status = actions.add_parser("status", help="progress or report of one broadcast")
    status.add_argument("broadcast_id", type=int, help="the number `broadcast list` shows after #")
    status.set_defaults(func=status_command)
    stop = actions.add_parser("cancel", help="cancel a scheduled or running broadcast")
    stop.add_argument("broadcast_id", type=int, help="the number `broadcast list` shows after #")
    stop.set_defaults(func=cancel_command)
    actions.add_parser("resume", help="deliver due and running broadcasts in this process (needs BOT_TOKEN)"
                       ).set_defaults(func=resume_command)


def send_command(args: argparse.Namespace) -> int:
    """Composes, previews and queues an announcement."""
    text = args.text if args.text is not None else _read_text(args.text_file)
    problem = html_problem(text) if args.html else None
    if problem:
        raise CommandError(f"refused: the announcement's HTML would be refused by Telegram: {problem}")
    audience = _audience(args)

    async def work(database: Database, settings: Settings) -> None:
        async with database.unit_of_work() as session:
            scope = await _scope(session, args, settings)
            draft = await create_draft(session, admin=scope, text=text, parse_mode="HTML" if args.html else None)
            await set_audience(session, admin=scope, broadcast_id=draft, audience=audience)
            shown = await preview(session, admin=scope, broadcast_id=draft)
            print(f"reaches {_people(shown.recipients)} ({_describe(shown.audience)})")
            if not args.yes and not _agree(f"send #{draft} to {_people(shown.recipients)}? [y/N] "):
                raise CommandError("not sent; nothing was stored")
            starts = await confirm(session, admin=scope, broadcast_id=draft, at=args.at)
        print(f"broadcast #{draft} queued for {starts.astimezone(UTC):%Y-%m-%d %H:%M} UTC; the running bot delivers it "
              "(or run `ehrenamt-bot broadcast resume`)")

    _run(work)
    return 0


def _people(count: int) -> str:
    """Says how many people an announcement reaches: "1 person", "2,000 people", "nobody"."""
    return "nobody" if count == 0 else "1 person" if count == 1 else f"{count:,} people"


def _start_at(value: str) -> datetime:
    """Reads --at. A moment that has passed was sent at once (a year typed wrong): it is refused, as the chat
    refuses it; the chat's own words ('morgen 9:00', German time) are taken too."""
    now = datetime.now(UTC)
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        said = parse_when(value, now=now)
        if said is None:
            raise argparse.ArgumentTypeError(
                f"'{value}' is no time I can read (or it has passed): write 2027-05-01T18:00+02:00 or, in "
                "German time, 'morgen 9:00', '24.12. 18 Uhr'") from None
        return said
    if moment.tzinfo is None:
        raise argparse.ArgumentTypeError(f"give '{value}' with its time zone, e.g. {value}+01:00 (German winter "
                                         "time) or Z (UTC)")
    if moment < now:
        raise argparse.ArgumentTypeError(f"{moment.astimezone(UTC):%Y-%m-%d %H:%M} UTC has passed; leave --at out "
                                         "to send now")
    return moment


def _read_text(path: Path) -> str:
    """Reads --text-file; a missing or unreadable file is one line, not a traceback."""
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise CommandError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise CommandError(f"{path}: is a folder, not a text file") from None
    except UnicodeDecodeError:
        raise CommandError(f"{path}: is not UTF-8 text; save it as UTF-8") from None
    except OSError as error:
        raise CommandError(f"{path}: cannot be read ({error.strerror})") from None


def list_command(args: argparse.Namespace) -> int:
    """Prints running and scheduled broadcasts first, then recent ones."""

    async def work(database: Database, settings: Settings) -> None:
        async with database.read_only() as session:
            scope = await _reader_scope(session, args, settings)
            summaries = await list_broadcasts(session, admin=scope, limit=20)
        if not summaries:
            print("no broadcasts yet")
        for item in summaries:
            shown = readable(item.text)  # as the reader sees it; what is sent stays untouched
            first_line = shown.splitlines()[0][:50] if shown.strip() else ""
            starts = _starts(item.progress.status, item.scheduled_at)
            print(f"#{item.broadcast_id:<5} {item.progress.status.value:<9} {_counts(item.progress)}{starts}  "
                  f"{first_line}")

    _run(work)
    return 0


def status_command(args: argparse.Namespace) -> int:
    """Prints one broadcast's progress, and the most common failure reasons."""

    async def work(database: Database, settings: Settings) -> None:
        async with database.read_only() as session:
            scope = await _reader_scope(session, args, settings)
            current = await broadcast_progress(session, admin=scope, broadcast_id=args.broadcast_id)
            reasons = await failure_reasons(session, args.broadcast_id)
            stored = await session.get(Broadcast, args.broadcast_id)
        print(_progress_line(current) + _starts(current.status, stored.scheduled_at if stored else None))
        for reason, count in reasons.items():
            print(f"  {count:>8,}  {reason}")

    _run(work)
    return 0


def cancel_command(args: argparse.Namespace) -> int:
    """Cancels a broadcast; the running bot stops sending it within a second."""

    async def work(database: Database, settings: Settings) -> None:
        async with database.unit_of_work() as session:
            scope = await _scope(session, args, settings)
            changed = await cancel(session, admin=scope, broadcast_id=args.broadcast_id)
        print(f"broadcast #{args.broadcast_id} " + ("cancelled" if changed else "had already ended"))

    _run(work)
    return 0


def resume_command(args: argparse.Namespace) -> int:
    """Delivers due and running broadcasts through Telegram until none is left."""

    async def work(database: Database, settings: Settings) -> None:
        if settings.bot_token is None:
            raise CommandError("BOT_TOKEN is not set: nothing can be sent")
        from telegram import Bot

        from bot.telegram.announcements.sender import TelegramSender

        base_url = settings.telegram_api_base_url or "https://api.telegram.org/bot"
        async with Bot(settings.bot_token.get_secret_value(), base_url=base_url) as bot:
            config = DeliveryConfig.from_settings(settings)
            runner = BroadcastRunner(database, TelegramSender(bot, paid=config.paid), config=config,
                                     on_progress=_print_progress, on_finished=_print_report)
            await runner.run_until_idle()
        print("nothing left to deliver")

    _run(work)
    return 0


def _run(work: Work) -> None:
    """Runs the work on the configured database; refusals become one friendly line instead of a traceback."""

    async def friendly(database: Database, settings: Settings) -> None:
        try:
            await work(database, settings)
        except (AudienceError, AnnouncementError, NotAllowed, ValueError) as error:
            raise CommandError(f"refused: {error}") from None
        except BroadcastNotFound as error:
            raise CommandError(f"no broadcast #{error}") from None

    run_with_database(friendly)


async def _print_progress(current: Progress) -> None:
    """Shows progress on stderr."""
    print(_progress_line(current), file=sys.stderr)


async def _print_report(report: Report) -> None:
    """Prints the report of a finished broadcast."""
    print(_progress_line(report.progress))


async def _scope(session: AsyncSession, args: argparse.Namespace, settings: Settings) -> AdminScope:
    """Returns the scope of the admin the operator acts as."""
    acting = args.acting if args.acting is not None else (settings.admin_ids[0] if settings.admin_ids else None)
    if acting is None:
        raise CommandError("set ADMIN_IDS or pass --as TELEGRAM_ID: broadcasts are sent in an admin's name")
    scope = await admin_scope(session, acting, admin_ids=settings.admin_ids)
    if scope is None:
        raise CommandError(f"{acting} is no admin (ADMIN_IDS or a granted role)")
    return scope


async def _reader_scope(session: AsyncSession, args: argparse.Namespace, settings: Settings) -> AdminScope:
    """Returns who reads: the admin named (or the first of ADMIN_IDS), else the operator, who sees everything.

    Reading changes nothing, and whoever runs this command holds the database already.
    """
    if args.acting is None and not settings.admin_ids:
        return AdminScope(OPERATOR)
    return await _scope(session, args, settings)


def _audience(args: argparse.Namespace) -> Audience:
    """Builds the audience from the options."""
    near = None
    if args.near:
        try:
            lat, lon = (float(part) for part in args.near.split(","))
        except ValueError:
            raise CommandError("--near takes LAT,LON, e.g. 51.31,9.48") from None
        near = Near(lat, lon, args.radius)
    try:
        state, district = checked_region(args.state, args.district, get_gazetteer())
        return Audience(volunteers=not args.no_volunteers, contacts=args.contacts, state=state,
                        district=district, near=near, interests=frozenset(args.interest)).validated()
    except AudienceError as error:
        raise CommandError(f"refused: {error}") from None


def _describe(audience: Audience) -> str:
    """Says in a few words who the audience is."""
    groups = [name for name, wanted in (("volunteers", audience.volunteers), ("contacts", audience.contacts)) if wanted]
    parts = [" and ".join(groups)]
    if audience.state:
        parts.append(f"in {audience.district + ', ' if audience.district else ''}{audience.state}")
    if audience.near:
        parts.append(f"within {audience.near.radius_km:g} km of {audience.near.lat:.3f},{audience.near.lon:.3f}")
    if audience.interests:
        parts.append("interested in " + ", ".join(sorted(audience.interests)))
    return " ".join(parts)


def _counts(current: Progress) -> str:
    """Formats the counts of a broadcast."""
    return (f"sent {current.sent:,} · blocked {current.blocked:,} · failed {current.failed:,} · "
            f"open {current.remaining:,}")


def _starts(status: BroadcastStatus, scheduled_at: datetime | None) -> str:
    """Says when a scheduled broadcast starts: its recipients are counted only then, so 'open 0' alone misleads."""
    if status is not BroadcastStatus.SCHEDULED or scheduled_at is None:
        return ""
    return f" · starts {scheduled_at:%Y-%m-%d %H:%M} UTC"


def _progress_line(current: Progress) -> str:
    """Formats a progress snapshot with bar, counts, rate and time left."""
    eta = f" · {current.eta_seconds / 60:.0f} min left" if current.eta_seconds else ""
    return (f"#{current.broadcast_id} {current.status.value} {progress_bar(current.fraction)} "
            f"{current.fraction:.0%} · {_counts(current)} · {current.rate:.1f}/s{eta}")


def _agree(question: str) -> bool:
    """Asks a yes/no question on the terminal."""
    try:
        return input(question).strip().lower() in ("y", "yes", "j", "ja")
    except EOFError:
        return False
