"""The PTB sender: the right Bot call with the right options, and telegram.error mapped to the engine's errors."""

from __future__ import annotations

import warnings
from datetime import timedelta
from typing import Any

import httpx
import pytest
from telegram.error import BadRequest, ChatMigrated, Forbidden, NetworkError, RetryAfter, TimedOut
from telegram.warnings import PTBDeprecationWarning

from bot.broadcasts import Announcement, Blocked, ChatNotFound, RateLimited, Rejected, Transient
from bot.broadcasts.sending import DeliveryError
from bot.telegram.announcements.sender import TelegramSender

TEXT = Announcement(5, "<b>Hallo</b>", "HTML")
PHOTO = Announcement(5, "Bildunterschrift", None, "AgAD-photo-id")


class FakeBot:
    """Records calls like telegram.Bot; raises the given error instead when there is one."""

    def __init__(self, error: BaseException | None = None) -> None:
        self.error = error
        self.calls: list[tuple[str, int, str, dict[str, Any]]] = []

    async def send_message(self, chat_id: int, text: str, **kwargs: Any) -> None:
        self.calls.append(("send_message", chat_id, text, kwargs))
        self._fail()

    async def send_photo(self, chat_id: int, photo: str, **kwargs: Any) -> None:
        self.calls.append(("send_photo", chat_id, photo, kwargs))
        self._fail()

    def _fail(self) -> None:
        if self.error is not None:
            raise self.error


def _caused(error: Exception, cause: Exception) -> Exception:
    """Returns `error` with `cause` attached, as PTB raises its errors from httpx's."""
    error.__cause__ = cause
    return error


async def test_text_and_photo_announcements_use_the_matching_call() -> None:
    bot = FakeBot()
    await TelegramSender(bot).send(11, TEXT)
    await TelegramSender(bot, paid=True).send(12, PHOTO)
    assert bot.calls == [
        ("send_message", 11, "<b>Hallo</b>", {"parse_mode": "HTML"}),
        ("send_photo", 12, "AgAD-photo-id", {"caption": "Bildunterschrift", "parse_mode": None,
                                             "allow_paid_broadcast": True}),
    ]


@pytest.mark.parametrize(
    ("error", "expected", "reason"),
    [
        (Forbidden("Forbidden: bot was blocked by the user"), Blocked, "403 Forbidden: bot was blocked by the user"),
        (Forbidden("Forbidden: user is deactivated"), Blocked, "403 Forbidden: user is deactivated"),
        (BadRequest("Chat not found"), ChatNotFound, "400 Chat not found"),
        (BadRequest("Can't parse entities: unsupported start tag"), Rejected, "400 Can't parse entities"),
        (ChatMigrated(-100123), Rejected, "chat migrated to -100123"),
        (_caused(TimedOut(), httpx.ReadTimeout("read")), Transient, "timeout"),
        (_caused(NetworkError("httpx.ConnectError: refused"), httpx.ConnectError("refused")), Transient, "network"),
    ],
)
async def test_telegram_errors_become_delivery_errors(
    error: Exception, expected: type[DeliveryError], reason: str
) -> None:
    with pytest.raises(expected) as raised:
        await TelegramSender(FakeBot(error)).send(11, TEXT)
    assert raised.value.reason.startswith(reason)


@pytest.mark.parametrize("retry_after", [7, timedelta(seconds=7)])
async def test_retry_after_is_read_in_seconds_without_deprecation_warnings(retry_after: Any) -> None:
    with warnings.catch_warnings():  # PTB itself warns while building the error; reading it must not
        warnings.simplefilter("ignore", PTBDeprecationWarning)
        error = RetryAfter(retry_after)
    with pytest.raises(RateLimited) as raised:
        await TelegramSender(FakeBot(error)).send(11, TEXT)
    assert raised.value.retry_after == 7.0


async def test_only_requests_that_may_have_arrived_are_flagged_as_maybe_delivered() -> None:
    read_timeout = _caused(TimedOut(), httpx.ReadTimeout("read"))
    connect_timeout = _caused(TimedOut(), httpx.ConnectTimeout("connect"))
    pool_timeout = _caused(TimedOut("Pool timeout"), httpx.PoolTimeout("pool"))
    flags = []
    for error in (read_timeout, connect_timeout, pool_timeout):
        with pytest.raises(Transient) as raised:
            await TelegramSender(FakeBot(error)).send(11, TEXT)
        flags.append(raised.value.maybe_delivered)
    assert flags == [True, False, False]
