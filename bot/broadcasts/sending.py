"""What the delivery engine needs from a transport: one call per recipient, and typed failures.

The Telegram edge implements Sender with python-telegram-bot (bot.telegram.announcements.sender); tests and the
benchmark use offline senders. The engine decides what each failure means for the outbox row.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol


@dataclass(frozen=True, slots=True)
class Announcement:
    """The message of one broadcast, exactly as every recipient gets it."""

    broadcast_id: int
    text: str
    parse_mode: str | None = None
    photo_file_id: str | None = None


class Sender(Protocol):
    """Delivers one announcement to one chat, or raises one of the DeliveryError types below."""

    async def send(self, chat_id: int, announcement: Announcement) -> None:
        """Sends the announcement to the chat."""
        ...


class DeliveryError(Exception):
    """A recipient could not be reached; the message is the reason stored in the outbox."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason[:300]


class RateLimited(DeliveryError):
    """Telegram answered 429: nothing was delivered; everything waits retry_after seconds."""

    def __init__(self, retry_after: float, reason: str = "flood control") -> None:
        super().__init__(reason)
        self.retry_after = max(0.0, float(retry_after))


class Blocked(DeliveryError):
    """Telegram answered 403: the person blocked the bot or deleted their account; never retried."""


class ChatNotFound(DeliveryError):
    """Telegram answered 400 chat not found: the chat does not exist for this bot; never retried."""

    def __init__(self, reason: str = "chat not found") -> None:
        super().__init__(reason)


class Rejected(DeliveryError):
    """Telegram refused this request for good (another 400); retrying would give the same answer."""


class Transient(DeliveryError):
    """A timeout or network error: worth retrying after a pause.

    maybe_delivered is True when the request may have reached Telegram (a read timeout), so a retry could
    deliver a second copy; it is False when it certainly did not (no connection).
    """

    def __init__(self, reason: str, *, maybe_delivered: bool = True) -> None:
        super().__init__(reason)
        self.maybe_delivered = maybe_delivered
