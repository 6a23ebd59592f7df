"""Jobs: new listings matched against saved searches every minute, daily digests, pruning old chat searches
and, nightly, the words of listings that are gone (PostgreSQL's vocabulary only grows otherwise).

Each alert is recorded once in the database (the unique key of alert_deliveries decides, across processes),
so a job that runs again, or in two processes, never sends the same listing twice for the same search.
Whoever publishes a listing (the posting flow, an import) may also call deliver_alerts at once.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from telegram import Bot
from telegram.error import Forbidden, TelegramError
from telegram.ext import Application, ContextTypes

from bot.alerts import (
    AlertDue, Digest, alerts_for_published_listing, anyone_watching, due_digests, mark_alerts_sent, published_since,
)
from bot.search.maintenance import rebuild_vocabulary
from bot.store.db import Database
from bot.store.types import utcnow
from bot.conversation import state
from bot.telegram import keyboards
from bot.telegram.alerts import keyboards as alerts_keyboards
from bot.telegram.alerts.render import alert_text, digest_order, digest_text
from bot.telegram.services import one_process_at_a_time, services
from bot.volunteers import mark_blocked

log = logging.getLogger(__name__)
MATCH_EVERY = timedelta(minutes=1)
DIGEST_AT = time(18, 0, tzinfo=ZoneInfo("Europe/Berlin"))  # after work, when people read their messages
# After a restart the last day is matched again: already recorded alerts are skipped, none are lost.
LOOK_BACK = timedelta(days=1)
BATCH = 200
WATERMARK = "alerts_matched_until"
HOUSEKEEPING_EVERY = timedelta(minutes=10)
VOCABULARY_AT = time(3, 30, tzinfo=ZoneInfo("Europe/Berlin"))  # a quiet hour


def schedule(application: Application) -> None:  # type: ignore[type-arg]
    """Schedules the matching job and the daily digest (when the job queue is installed)."""
    queue = application.job_queue
    if queue is None:
        log.warning("no job queue: alerts are not sent (install python-telegram-bot[job-queue])")
        return
    single = one_process_at_a_time  # several bot processes: one of them runs each round
    queue.run_repeating(single(match_new_listings), interval=MATCH_EVERY, first=5, name="alerts")
    queue.run_daily(single(send_digests), time=DIGEST_AT, name="digests")
    queue.run_repeating(single(forget_old_searches), interval=HOUSEKEEPING_EVERY, first=60, name="housekeeping")
    queue.run_daily(single(prune_vocabulary), time=VOCABULARY_AT, name="vocabulary")


async def match_new_listings(context: ContextTypes.DEFAULT_TYPE) -> None:
    """Matches listings published since the last run and sends the immediate alerts."""
    database = services(context).database
    since: datetime = context.bot_data.get(WATERMARK) or utcnow() - LOOK_BACK
    while True:
        async with database.unit_of_work() as session:
            rows = await published_since(session, since, limit=BATCH)
            # Nobody saved a search: nothing can match (a fresh import of thousands costs one query, not thousands).
            watched = bool(rows) and await anyone_watching(session)
            due = [alert for id_, _ in rows if watched for alert in await alerts_for_published_listing(session, id_)]
        await deliver_alerts(context.bot, database, due)
        if rows:
            since = rows[-1][1]
            context.bot_data[WATERMARK] = since
        if len(rows) < BATCH:
            return


async def forget_old_searches(context: ContextTypes.DEFAULT_TYPE) -> None:
    """Prunes stored chat searches beyond each person's newest ones (their buttons become 'nicht mehr aktuell')."""
    async with services(context).database.unit_of_work() as session:
        removed = await state.forget_old_searches(session)
    if removed:
        log.info("forgot %d old chat searches", removed)


async def prune_vocabulary(context: ContextTypes.DEFAULT_TYPE) -> None:
    """Forgets the words of listings that expired or were deleted, so typo corrections no longer aim at them."""
    async with services(context).database.unit_of_work() as session:
        remaining = await rebuild_vocabulary(session)
    log.info("search vocabulary rebuilt: %d words", remaining)


async def deliver_alerts(bot: Bot, database: Database, alerts: Sequence[AlertDue]) -> int:
    """Sends alerts (each with a stop button), then records which went out; returns how many."""
    sent: list[int] = []
    blocked: set[int] = set()
    for alert in alerts:
        markup = alerts_keyboards.alert(alert.opportunity_id, alert.saved_search_id, alert.lang)
        if await _send(bot, alert.telegram_id, alert_text(alert), markup, blocked):
            sent.append(alert.delivery_id)
    await _record(database, sent, blocked)
    return len(sent)


async def send_digests(context: ContextTypes.DEFAULT_TYPE) -> None:
    """Sends every daily digest that is due, in batches, until none is left or a batch makes no progress."""
    database = services(context).database
    while True:
        async with database.read_only() as session:
            digests = await due_digests(session, now=utcnow())
        if not digests:
            return
        sent: list[int] = []
        blocked: set[int] = set()
        for digest in digests:
            if await _send(context.bot, digest.telegram_id, digest_text(digest), _digest_buttons(digest), blocked):
                sent.extend(digest.delivery_ids)
        await _record(database, sent, blocked)
        if not sent and not blocked:
            log.warning("no digest of %d could be sent; trying again at the next run", len(digests))
            return


def _digest_buttons(digest: Digest) -> keyboards.Markup:
    """Returns details buttons for the listings shown and a stop button for every saved search in the digest."""
    searches = list({entry.saved_search_id: entry.query_text for entry in digest.entries}.items())
    return alerts_keyboards.digest([entry.opportunity_id for entry in digest_order(digest)], searches, digest.lang)


async def _send(bot: Bot, chat_id: int, text: str, markup: keyboards.Markup, blocked: set[int]) -> bool:
    """Sends one message; notes people who blocked the bot; logs other failures."""
    try:
        await bot.send_message(chat_id, text, reply_markup=markup)
    except Forbidden:
        blocked.add(chat_id)
        return False
    except TelegramError:
        log.exception("alert to %s not sent", chat_id)
        return False
    return True


async def _record(database: Database, sent: list[int], blocked: set[int]) -> None:
    """Marks sent alerts and blocked people in one unit of work."""
    if not sent and not blocked:
        return
    async with database.unit_of_work() as session:
        await mark_alerts_sent(session, sent, now=utcnow())
        for telegram_id in blocked:
            await mark_blocked(session, telegram_id)
