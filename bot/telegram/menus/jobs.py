"""When menus are set: the common one before serving, own-chat menus in a background sync and on events.

- Start: only the common menu (three calls) is set before the bot serves (bot.telegram.app via startup.decorate).
- Sync: a repeating job sets the own-chat menus of admins and organisations' members whose kept version differs,
  and gives the common menu back to those who lost their rights. A restart with nothing changed sends nothing.
  It also catches changes made outside the bot (ADMIN_IDS, roles granted in the database, the CLI).
- Several processes on one PostgreSQL: the sync runs under the job's advisory lock (one_process_at_a_time), so
  one process works through the list while the others skip; the versions it keeps chat by chat make a sync
  that another process starts later (or after a crash) continue where it ended instead of starting over.
- Events: when someone's rights change in the bot (an organisation created or verified), their menus are set
  right after the update's commit (up to INLINE_AT_MOST chats; more are handed to the sync, started at once).
  That path does not wait for a 429: it asks the sync to run after it.
  Someone who deletes their data (/loeschen) loses the record of their menu with it, so it is taken back then;
  someone whose chat was gone when the sync came gets their menu when they write /start.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Collection
from datetime import timedelta

from telegram import Bot
from telegram.error import TelegramError
from telegram.ext import Application, ContextTypes

from bot.ads.access import SearchAccess
from bot.menus.chats import MenuChange, pending_changes
from bot.menus.commands import COMMON_MENU
from bot.settings import Settings
from bot.store.db import Database
from bot.telegram.menus.setting import PACE_SECONDS, Flooded, GoOn, MenuSetter, Sleep, Tally, set_menu
from bot.telegram.services import one_process_at_a_time, services

log = logging.getLogger(__name__)
SYNC_NAME = "chat-menus"
SYNC_FIRST_SECONDS = 5.0  # after start: the bot serves first
SYNC_EVERY = timedelta(minutes=15)  # picks up rights changed outside the bot; three queries when all is right
# An event's menus are set inside its update up to this many chats (three paced calls each, about 0.3 s a chat);
# more (an organisation with many members verified) go to the sync at once, so the admin's answer does not wait.
INLINE_AT_MOST = 3
# A run ends after this long (or at once when the bot stops: PTB's stop waits for running jobs) and the rest follows
# in a run scheduled right after, so a stop never waits for hundreds of menus or a long flood wait.
RUN_SECONDS = 60.0
RESUME_SECONDS = 1.0


async def set_common_menu(application: Application) -> None:  # type: ignore[type-arg]
    """Sets the menu everybody sees, German by default and for German clients, English for English ones."""
    await set_menu(application.bot, COMMON_MENU)


def schedule(application: Application) -> None:  # type: ignore[type-arg]
    """Schedules the own-chat menus' sync (when the job queue is installed)."""
    if application.job_queue is not None:
        application.job_queue.run_repeating(one_process_at_a_time(sync_chat_menus), interval=SYNC_EVERY,
                                            first=SYNC_FIRST_SECONDS, name=SYNC_NAME)


async def sync_chat_menus(context: ContextTypes.DEFAULT_TYPE) -> None:
    """Sets every own-chat menu that is not yet right, paced, for at most RUN_SECONDS and only while the bot runs;
    what is left follows in a run scheduled at once (after a flood's wait); a Telegram failure leaves it for the
    next regular run."""
    services_ = services(context)
    application = context.application
    ends = time.monotonic() + RUN_SECONDS

    was_running = application.running  # (a job run by hand, outside a running bot, is not stopped by this)

    def go_on(wait: float) -> bool:
        stopping = was_running and not application.running
        return not stopping and time.monotonic() + wait < ends

    try:
        tally = await sync(context.bot, services_.database, services_.settings, go_on=go_on)
    except TelegramError as error:
        log.warning("chat menus: sync stopped (%s: %s); the rest follows in the next run", type(error).__name__,
                    error)
        return
    if tally.left and application.running == was_running and context.job_queue is not None:
        context.job_queue.run_once(one_process_at_a_time(sync_chat_menus), name=SYNC_NAME,
                                   when=max(tally.resume_after, RESUME_SECONDS))


async def sync(bot: Bot, database: Database, settings: Settings, *, sleep: Sleep = asyncio.sleep,
               pace: float = PACE_SECONDS, go_on: GoOn | None = None) -> Tally:
    """Sets or resets the menus of every chat whose kept version differs from what the person's rights give.

    Each chat's change is read again just before it is set, so rights that went (or data deleted) during the run
    are respected; go_on may end the run early (the tally says how many chats are left)."""
    access = SearchAccess(settings.ads_search_access)
    async with database.read_only() as session:
        pending = await pending_changes(session, admin_ids=settings.admin_ids, access=access)
    if not pending:
        return Tally()

    async def fresh(telegram_id: int) -> MenuChange | None:
        async with database.read_only() as session:
            now = await pending_changes(session, admin_ids=settings.admin_ids, access=access, among=[telegram_id])
        return now[0] if now else None

    log.info("chat menus: %d chats to update", len(pending))
    tally = await MenuSetter(bot, database, sleep=sleep, pace=pace, fresh=fresh, go_on=go_on).apply(pending)
    log.info("chat menus: %d set, %d reset, %d gone, %d refused, %d waits for flood control, %d left for the next run",
             tally.set, tally.reset, tally.gone, tally.refused, tally.waits, tally.left)
    return tally


async def refresh(context: ContextTypes.DEFAULT_TYPE, telegram_ids: Collection[int]) -> None:
    """Sets the menus of these people now (their rights just changed); what fails is left to the sync."""
    services_ = services(context)
    settings, database = services_.settings, services_.database
    async with database.read_only() as session:
        pending = await pending_changes(session, admin_ids=settings.admin_ids,
                                        access=SearchAccess(settings.ads_search_access), among=set(telegram_ids))
    if len(pending) > INLINE_AT_MOST and context.job_queue is not None:
        log.info("chat menus: %d chats changed at once; the sync sets them now, in the background", len(pending))
        context.job_queue.run_once(one_process_at_a_time(sync_chat_menus), when=0, name=SYNC_NAME)
        return
    try:
        await MenuSetter(context.bot, database, patient=False).apply(pending)
    except Flooded as flooded:
        log.info("chat menus: %s; the sync sets them then", flooded)
        if context.job_queue is not None:
            context.job_queue.run_once(one_process_at_a_time(sync_chat_menus), when=flooded.retry_after + 1,
                                       name=SYNC_NAME)
    except TelegramError as error:
        log.warning("chat menus of %d chats not set now (%s); the sync sets them later", len(telegram_ids), error)


async def take_back(context: ContextTypes.DEFAULT_TYPE, telegram_id: int) -> None:
    """Gives the common menu back to someone whose data (their memberships, the record of their menu) was deleted;
    an admin from ADMIN_IDS gets theirs again right after."""
    try:
        await MenuSetter(context.bot, services(context).database, patient=False).apply([MenuChange(telegram_id, None)])
    except (Flooded, TelegramError) as error:
        log.warning("chat menu of %s not taken back (%s); it stays until it is set again", telegram_id, error)
    await refresh(context, [telegram_id])
