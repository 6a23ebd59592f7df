"""Setting menus through the Bot API: three calls per menu (default, German, English), paced, floods waited out.

- Pace: one call every PACE_SECONDS, a third of the ~30 requests per second Telegram allows a bot, so people's
  updates keep the rest. (The application's AIORateLimiter caps the total as well and retries one 429 itself.)
- 429 (RetryAfter): the setter waits the retry_after Telegram names and sets the same chat again; nobody is
  dropped. Where waiting is not wanted (while answering an update), it raises Flooded for the caller instead.
- A chat that is gone (403: the person blocked the bot; 400 chat not found: they never opened it) or a menu
  Telegram refuses otherwise is skipped with a log line and its version kept as tried: no later sync sends it
  again until the menu changes, or the person writes /start (bot.telegram.start), which sets it then.
- Anything else (timeouts, Telegram's 5xx) ends the run: the rest waits for the next sync.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from telegram import Bot, BotCommand, BotCommandScope, BotCommandScopeChat
from telegram.error import BadRequest, Forbidden, RetryAfter

from bot.menus.chats import MenuChange, record
from bot.menus.commands import LANGUAGES, Menu
from bot.store.db import Database
from bot.telegram.announcements.sender import chat_is_gone, retry_after_seconds

log = logging.getLogger(__name__)
PACE_SECONDS = 0.1
Sleep = Callable[[float], Awaitable[None]]
# Re-reads what one chat needs right before it is set (None: nothing any more), so that someone whose rights went, or
# who deleted their data, while a long run was under way gets no menu from the run's older to-do list.
Fresh = Callable[[int], Awaitable[MenuChange | None]]
# Tells whether the run may go on (the bot is not stopping, the run's time is not up); given the seconds the next
# step would wait (a 429's retry_after), or 0.
GoOn = Callable[[float], bool]


class Flooded(Exception):
    """Telegram asked to wait (429) and the caller does not wait now; retry_after is in seconds."""

    def __init__(self, retry_after: float) -> None:
        super().__init__(f"flood control: retry after {retry_after:g} s")
        self.retry_after = retry_after


@dataclass(slots=True)
class Tally:
    """What a run did: menus set, chats given the common menu back, gone chats skipped, refusals, 429 waits;
    left: chats not reached because the run had to end (the bot stopping, its time up); resume_after: seconds
    until the rest may be tried (a 429's retry_after that the run did not wait out), else 0."""

    set: int = 0
    reset: int = 0
    gone: int = 0
    refused: int = 0
    waits: int = 0
    left: int = 0
    resume_after: float = 0.0


async def set_menu(bot: Bot, menu: Menu, *, scope: BotCommandScope | None = None) -> None:
    """Registers a menu at once (the common one at start): German by default and for German clients."""
    for language in (None, *LANGUAGES):
        await bot.set_my_commands(_commands(menu, language), scope=scope, language_code=language)


class MenuSetter:
    """Sets or resets the menus of chats one after another, paced, keeping each chat's version once it is set."""

    def __init__(self, bot: Bot, database: Database, *, sleep: Sleep = asyncio.sleep, pace: float = PACE_SECONDS,
                 patient: bool = True, fresh: Fresh | None = None, go_on: GoOn | None = None) -> None:
        self.bot, self.database, self.sleep, self.pace, self.patient = bot, database, sleep, pace, patient
        self.fresh, self.go_on = fresh, go_on
        self.tally = Tally()
        self._called = False

    async def apply(self, changes: list[MenuChange]) -> Tally:
        """Applies the changes in order until done or told to end; returns the tally (raises Flooded only when not
        patient)."""
        for done, planned in enumerate(changes):
            change: MenuChange | None = planned
            if self.go_on is not None and not self.go_on(0.0):
                self.tally.left = len(changes) - done
                break
            if self.fresh is not None:
                change = await self.fresh(planned.telegram_id)
            if change is not None and not await self._apply(change):
                self.tally.left = len(changes) - done
                break
        return self.tally

    async def _apply(self, change: MenuChange) -> bool:
        """Applies one change, waiting out floods; records it as set, or as tried when the chat is gone. Returns
        False when a flood's wait would outlast the run (the change is left for the next one)."""
        while True:
            try:
                await self._send(change)
                break
            except RetryAfter as error:
                delay = retry_after_seconds(error)
                if not self.patient:
                    raise Flooded(delay) from error
                if self.go_on is not None and not self.go_on(delay):
                    self.tally.resume_after = delay
                    return False
                self.tally.waits += 1
                log.info("chat menus: flood control, waiting %g s before chat %s", delay, change.telegram_id)
                await self.sleep(delay)
            except Forbidden as error:
                await self._skip(change, error.message, gone=True)
                return True
            except BadRequest as error:
                await self._skip(change, error.message, gone=chat_is_gone(error.message))
                return True
        async with self.database.unit_of_work() as session:
            await record(session, change)
        if change.menu is None:
            self.tally.reset += 1
        else:
            self.tally.set += 1
        return True

    async def _send(self, change: MenuChange) -> None:
        """Sets the chat's own menu in its three languages, or deletes them so the common menu shows again."""
        scope = BotCommandScopeChat(change.telegram_id)
        for language in (None, *LANGUAGES):
            await self._paced()
            if change.menu is None:
                await self.bot.delete_my_commands(scope=scope, language_code=language)
            else:
                await self.bot.set_my_commands(_commands(change.menu, language), scope=scope,
                                               language_code=language)

    async def _paced(self) -> None:
        """Waits the pace between two calls (not before the first)."""
        if self._called:
            await self.sleep(self.pace)
        self._called = True

    async def _skip(self, change: MenuChange, reason: str, *, gone: bool) -> None:
        """Counts and logs a chat left as it is, and keeps its version as tried so no later sync sends it again."""
        async with self.database.unit_of_work() as session:
            await record(session, change, skipped=True)
        if gone:
            self.tally.gone += 1
            log.info("chat menus: chat %s is gone (%s); skipped", change.telegram_id, reason)
        else:
            self.tally.refused += 1
            log.warning("chat menus: Telegram refused the menu of chat %s (%s); skipped", change.telegram_id, reason)


def _commands(menu: Menu, language: str | None) -> list[BotCommand]:
    """Returns the menu's commands for a language (German for the default)."""
    return [BotCommand(name, description) for name, description in menu.entries(language or "de")]
