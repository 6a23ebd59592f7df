"""The Sender for python-telegram-bot: sends with the application's Bot and maps telegram.error to ours.

The edge passes a bot: TelegramSender(bot, paid=settings.paid_broadcasts). Pacing is the engine's alone, so
the bot must have no PTB rate limiter (bot.telegram.announcement_bot): AIORateLimiter would retry a 429
inside PTB, keeping the row in `sending` for retry_after and hiding the 429 from the engine's shared pause.
"""

from __future__ import annotations

import warnings
from datetime import timedelta
from collections.abc import Awaitable, Callable
from typing import Any, Protocol

import httpx
from telegram.error import BadRequest, ChatMigrated, Forbidden, NetworkError, RetryAfter, TelegramError, TimedOut
from telegram.warnings import PTBDeprecationWarning

from bot.broadcasts.sending import Announcement, Blocked, ChatNotFound, RateLimited, Rejected, Transient

# BadRequest descriptions that mean the recipient is gone rather than the message being wrong.
_GONE = ("chat not found", "user not found", "peer_id_invalid", "user is deactivated")


def chat_is_gone(description: str) -> bool:
    """Whether a BadRequest's description says the chat is not there (rather than the request being wrong)."""
    return any(part in description.lower() for part in _GONE)


class MessageBot(Protocol):
    """The two methods of telegram.Bot the sender uses."""

    @property
    def send_message(self) -> Callable[..., Awaitable[Any]]:
        """Sends a text (chat_id, text, keyword options of the Bot API)."""

    @property
    def send_photo(self) -> Callable[..., Awaitable[Any]]:
        """Sends a photo (chat_id, photo, keyword options of the Bot API)."""


class TelegramSender:
    """Sends announcements through a telegram.Bot (or ExtBot of the Application)."""

    def __init__(self, bot: MessageBot, *, paid: bool = False) -> None:
        self.bot = bot
        self.paid = paid

    async def send(self, chat_id: int, announcement: Announcement) -> None:
        """Sends the announcement as a message, or as a photo with caption; raises typed DeliveryErrors."""
        options: dict[str, Any] = {"parse_mode": announcement.parse_mode}
        if self.paid:
            options["allow_paid_broadcast"] = True
        try:
            if announcement.photo_file_id:
                await self.bot.send_photo(chat_id, announcement.photo_file_id, caption=announcement.text, **options)
            else:
                await self.bot.send_message(chat_id, announcement.text, **options)
        except RetryAfter as error:
            raise RateLimited(retry_after_seconds(error), f"429 {error.message}") from error
        except Forbidden as error:
            raise Blocked(f"403 {error.message}") from error
        except BadRequest as error:  # before NetworkError: BadRequest is a subclass of it
            if chat_is_gone(error.message):
                raise ChatNotFound(f"400 {error.message}") from error
            raise Rejected(f"400 {error.message}") from error
        except TimedOut as error:
            raise Transient(f"timeout: {error.message}", maybe_delivered=_may_have_arrived(error)) from error
        except NetworkError as error:
            raise Transient(f"network: {error.message}", maybe_delivered=_may_have_arrived(error)) from error
        except ChatMigrated as error:
            raise Rejected(f"chat migrated to {error.new_chat_id}") from error
        except TelegramError as error:
            raise Rejected(error.message) from error


def retry_after_seconds(error: RetryAfter) -> float:
    """Reads retry_after as seconds whether PTB gives an int or a timedelta (PTB_TIMEDELTA)."""
    with warnings.catch_warnings():
        # PTB 22 warns that the attribute will become a timedelta; both forms are handled here.
        warnings.simplefilter("ignore", PTBDeprecationWarning)
        value = error.retry_after
    return value.total_seconds() if isinstance(value, timedelta) else float(value)


def _may_have_arrived(error: TelegramError) -> bool:
    """Tells whether Telegram may have received the request: not if no connection was ever made."""
    cause = error.__cause__
    return not isinstance(cause, (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout))
