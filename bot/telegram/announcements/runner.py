"""The broadcast runner inside the bot: started in post_init, stopped in post_shutdown, reached through bot_data.

It delivers with the announcement bot (bot.telegram.announcement_bot: no PTB rate limiter, so the engine alone
paces announcements and sees every 429 at once), resumes running and scheduled
broadcasts after a restart (the outbox is in the database), and edits each admin's status message every few
seconds while a broadcast runs, then replaces it with the report.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any

from telegram import Bot, InlineKeyboardMarkup
from telegram.error import BadRequest, TelegramError
from telegram.ext import Application, CallbackContext

from bot.broadcasts import BroadcastRunner, DeliveryConfig, Progress, Report
from bot.telegram.announcements.sender import TelegramSender
from bot.store.db import Database
from bot.telegram.announcements import buttons as broadcast_buttons
from bot.telegram.announcements.render import report_text, status_text
from bot.telegram.announcement_bot import announcement_bot
from bot.texts.catalogue import DEFAULT_LANGUAGE
from bot.volunteers import find_volunteer

log = logging.getLogger(__name__)
RUNNER_KEY = "broadcast_runner"
CONFIG_KEY = "broadcast_config"  # a DeliveryConfig put here before start replaces the one from the settings
# Sends in flight get this long to finish and be recorded when the bot stops (a stop must take seconds).
STOP_GRACE_SECONDS = 3.0


class AnnouncementBot:
    """The application's bot as the sender sees it: every announcement gets the unsubscribe button."""

    def __init__(self, bot: Bot) -> None:
        self.bot = bot
        self.markup = broadcast_buttons.unsubscribe(DEFAULT_LANGUAGE)

    async def send_message(self, chat_id: int, text: str, **kwargs: Any) -> Any:
        """Sends an announcement text with the button."""
        return await self.bot.send_message(chat_id, text, reply_markup=self.markup, **kwargs)

    async def send_photo(self, chat_id: int, photo: str, **kwargs: Any) -> Any:
        """Sends an announcement photo with the button."""
        return await self.bot.send_photo(chat_id, photo, reply_markup=self.markup, **kwargs)


class BotRunner(BroadcastRunner):
    """The runner of a bot process, whose loop surely ends when the bot shuts down.

    BroadcastRunner.stop cancels its loop, which waits with asyncio.wait_for between rounds; on Python 3.11
    wait_for loses a cancellation that arrives just as the wait ends (CPython gh-86296), the loop goes on
    and stop() waits for it forever (seen in tests/telegram/test_broadcast_chat.py, restarting the bot).
    Once stopping, a new round is refused with CancelledError, so the loop ends either way.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._stopping = False

    async def tick(self) -> bool:
        """Does one round of work, unless the runner is stopping."""
        if self._stopping:
            raise asyncio.CancelledError("the broadcast runner is stopping")
        return await super().tick()

    async def stop(self, grace: float = 10.0) -> None:
        """Refuses further rounds, then stops."""
        self._stopping = True
        await super().stop(grace)


async def start_runner(application: Application) -> BroadcastRunner:  # type: ignore[type-arg]
    """Starts delivering: recovers what a previous process left, then polls for due and running broadcasts."""
    services_ = application.bot_data["services"]
    config = application.bot_data.get(CONFIG_KEY) or DeliveryConfig.from_settings(services_.settings)
    status = StatusMessages(application.bot, services_.database)  # status edits are chat replies: PTB's limiter
    sending_bot = announcement_bot(application)
    if sending_bot is not application.bot:
        await _open(sending_bot)
    runner = BotRunner(services_.database, TelegramSender(AnnouncementBot(sending_bot), paid=config.paid),
                             config=config, on_progress=status.show_progress, on_finished=status.show_report)
    await runner.start()
    application.bot_data[RUNNER_KEY] = runner
    return runner


async def stop_runner(application: Application) -> None:  # type: ignore[type-arg]
    """Stops delivering; sends in flight finish, the rest waits in the outbox for the next start."""
    runner = application.bot_data.pop(RUNNER_KEY, None)
    if runner is not None:
        await runner.stop(grace=STOP_GRACE_SECONDS)
    sending_bot = announcement_bot(application)
    if sending_bot is not application.bot:
        await sending_bot.shutdown()


async def _open(bot: Bot) -> None:
    """Opens the announcement bot's connections; its getMe failing is no reason to stop the bot process.

    The Application's bot has just reached Telegram; sends work without the cached bot user, and a send that
    fails is retried by the engine as any other.
    """
    try:
        await bot.initialize()
    except TelegramError as error:
        log.warning("announcement bot: getMe failed (%s); sending anyway", error)


def wake_runner(context: CallbackContext) -> None:  # type: ignore[type-arg]
    """Makes the runner pick up a confirmed or cancelled broadcast now rather than at its next poll."""
    runner = context.bot_data.get(RUNNER_KEY)
    if runner is not None:
        runner.wake()


class StatusMessages:
    """Keeps each admin's status message current: progress while running, the report at the end."""

    def __init__(self, bot: Bot, database: Database) -> None:
        self.bot, self.database = bot, database

    async def show_progress(self, current: Progress) -> None:
        """Edits the status message with the bar, counts, rate and time left."""
        if current.status_chat_id is None or current.status_message_id is None:
            return
        lang = await self._language(current.status_chat_id)
        active = current.status in broadcast_buttons.ACTIVE
        await self._edit(current, status_text(lang, current), broadcast_buttons.status(current.broadcast_id, lang,
                                                                                     active=active))

    async def show_report(self, report: Report) -> None:
        """Replaces the status message with the report (without the cancel button)."""
        current = report.progress
        if current.status_chat_id is None or current.status_message_id is None:
            return
        lang = await self._language(current.status_chat_id)
        await self._edit(current, report_text(lang, report), None)

    async def _edit(self, current: Progress, text: str, markup: InlineKeyboardMarkup | None) -> None:
        """Edits the message; an unchanged text or a deleted message is no reason to stop delivering."""
        try:
            await self.bot.edit_message_text(text, chat_id=current.status_chat_id,
                                             message_id=current.status_message_id, reply_markup=markup)
        except BadRequest as error:
            if "not modified" not in error.message.lower():
                log.info("broadcast %s: status message not edited: %s", current.broadcast_id, error.message)
        except TelegramError as error:
            log.info("broadcast %s: status message not edited: %s", current.broadcast_id, error.message)

    async def _language(self, telegram_id: int) -> str:
        """Returns the admin's language."""
        async with self.database.read_only() as session:
            volunteer = await find_volunteer(session, telegram_id)
        return volunteer.language if volunteer is not None else DEFAULT_LANGUAGE
