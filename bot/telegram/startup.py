"""Starting against a Telegram that may be down: retry what the bot needs, never stop for what only decorates it.

- Reaching Telegram (getMe, setWebhook, the first deleteWebhook of polling) is retried with backoff for as
  long as it takes, and every attempt is said twice: a line on the terminal and a log line. A supervisor
  that restarts the process would only do the same, more noisily.
- Only a refused token stops the process (TokenRefused): retrying cannot cure it.
- The command menu (setMyCommands) only decorates the bot. A Bot API server that lacks it or answers 500
  gets a warning, and the menu is tried again later from the job queue, with backoff up to an hour.
"""

from __future__ import annotations

import asyncio
import logging
import sys
from collections.abc import Awaitable, Callable
from typing import TypeVar

from telegram.error import InvalidToken, NetworkError, RetryAfter, TelegramError
from telegram.ext import Application, CallbackContext

from bot.telegram.announcements.sender import retry_after_seconds

log = logging.getLogger(__name__)
T = TypeVar("T")
BACKOFF_SECONDS = (1.0, 2.0, 5.0, 10.0, 30.0, 60.0)  # then every 60 s
DECORATE_BACKOFF_SECONDS = (60.0, 300.0, 900.0, 3600.0)  # then every hour


class TokenRefused(Exception):
    """Telegram refused BOT_TOKEN (401, or 404 for a malformed one)."""


def backoff(attempt: int, steps: tuple[float, ...] = BACKOFF_SECONDS) -> float:
    """Returns the wait after failed attempt number `attempt` (1 after the first failure)."""
    return steps[min(attempt, len(steps)) - 1]


def say(line: str) -> None:
    """Tells the person at the terminal (stderr, where the service manager collects it too)."""
    print(line, file=sys.stderr, flush=True)


async def reach(action: Callable[[], Awaitable[T]], what: str, *, where: str,
                sleep: Callable[[float], Awaitable[None]] = asyncio.sleep) -> T:
    """Runs a call Telegram must answer before the bot can work, retrying network failures until it does."""
    attempt = 0
    while True:
        attempt += 1
        try:
            return await action()
        except InvalidToken as error:
            raise TokenRefused(str(error)) from None
        except RetryAfter as error:
            delay, problem = max(1.0, retry_after_seconds(error)), "flood control (429)"
        except NetworkError as error:  # includes TimedOut and the Bot API's 5xx answers
            delay, problem = backoff(attempt), str(error)
        say(f"Telegram ist nicht erreichbar / cannot reach {where} ({what}, Versuch/attempt {attempt}): "
            f"{problem}; neuer Versuch in / retrying in {delay:g} s")
        log.warning("%s failed (attempt %d): %s; retrying in %g s", what, attempt, problem, delay)
        await sleep(delay)


Decoration = Callable[[Application], Awaitable[None]]  # type: ignore[type-arg]


async def decorate(application: Application, set_menu: Decoration, *, attempt: int = 1) -> bool:  # type: ignore[type-arg]
    """Sets the command menu once; on a Telegram error warns and schedules another try. Returns success."""
    try:
        await set_menu(application)
        return True
    except TelegramError as error:  # 500, a missing method (404 reads as InvalidToken), a timeout: all the same
        delay = backoff(attempt, DECORATE_BACKOFF_SECONDS)
        log.warning("command menu not set (%s: %s); trying again in %g s", type(error).__name__, error, delay)
    if application.job_queue is not None:
        async def again(context: CallbackContext) -> None:  # type: ignore[type-arg]
            await decorate(application, set_menu, attempt=attempt + 1)

        application.job_queue.run_once(again, when=delay, name="command-menu")
    return False
