"""Where the operator's view hooks into python-telegram-bot: three small pieces the builder puts in place.

- MeasuredUpdateProcessor: the per-chat ordering processor that also counts every update by kind, times its
  handling and notes it for /healthz; every handler is covered without touching one.
- WatchedRequest: wraps the getUpdates transport, so /healthz knows whether long polling gets answers.
- count_error: an error handler next to the bot's own, counting errors by class.
"""

from __future__ import annotations

import time
from collections.abc import Awaitable
from typing import TYPE_CHECKING, Any

from telegram import Update
from telegram.ext import CallbackContext
from telegram.request import BaseRequest, RequestData

from bot.ops import metrics
from bot.ops.health import Liveness
from bot.telegram.ordering import PerChatUpdateProcessor

if TYPE_CHECKING:
    from telegram._utils.types import ODVInput  # the timeout type of BaseRequest.do_request

KEY = "liveness"
DEFAULT_NONE = BaseRequest.DEFAULT_NONE
_KINDS = tuple(Update.ALL_TYPES)


def update_kind(update: object) -> str:
    """Returns the kind of an update: message, callback_query, ... ('other' for anything else)."""
    if isinstance(update, Update):
        for kind in _KINDS:
            if getattr(update, kind, None) is not None:
                return kind
    return "other"


class MeasuredUpdateProcessor(PerChatUpdateProcessor):
    """Orders updates per chat (see ordering.py) and measures each one's handling."""

    def __init__(self, max_concurrent_updates: int, liveness: Liveness) -> None:
        super().__init__(max_concurrent_updates)
        self.liveness = liveness

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        """Handles the update in its chat's turn; the time counts from the turn, not from arrival."""
        await super().do_process_update(update, self._measured(update, coroutine))

    async def _measured(self, update: object, coroutine: Awaitable[Any]) -> None:
        kind = update_kind(update)
        started = time.perf_counter()
        try:
            await coroutine
        finally:
            metrics.HANDLER_SECONDS.labels(kind).observe(time.perf_counter() - started)
            metrics.UPDATES.labels(kind).inc()
            self.liveness.update_handled()


class WatchedRequest(BaseRequest):
    """A transport for getUpdates that notes answers and failures for /healthz, and otherwise delegates."""

    def __init__(self, inner: BaseRequest, liveness: Liveness) -> None:
        self.inner, self.liveness = inner, liveness

    @property
    def read_timeout(self) -> float | None:
        """The wrapped transport's read timeout."""
        return self.inner.read_timeout

    async def initialize(self) -> None:
        """Opens the wrapped transport."""
        await self.inner.initialize()

    async def shutdown(self) -> None:
        """Closes the wrapped transport."""
        await self.inner.shutdown()

    async def do_request(
        self, url: str, method: str, request_data: RequestData | None = None,
        read_timeout: ODVInput[float] = DEFAULT_NONE, write_timeout: ODVInput[float] = DEFAULT_NONE,
        connect_timeout: ODVInput[float] = DEFAULT_NONE, pool_timeout: ODVInput[float] = DEFAULT_NONE,
    ) -> tuple[int, bytes]:
        """Sends the request; an answer below 500 means the Bot API is reachable and polling works."""
        try:
            code, payload = await self.inner.do_request(
                url, method, request_data, read_timeout=read_timeout, write_timeout=write_timeout,
                connect_timeout=connect_timeout, pool_timeout=pool_timeout)
        except Exception as error:
            self.liveness.poll_failed(error)
            raise
        if code < 500:
            self.liveness.last_poll_ok_at = time.monotonic()
        else:
            self.liveness.poll_failed(RuntimeError(f"HTTP {code}"))
        return code, payload


async def count_error(update: object, context: CallbackContext) -> None:  # type: ignore[type-arg]
    """Counts an error of a handler or job by its class (the bot's own error handler logs and answers)."""
    if context.error is not None:
        metrics.ERRORS.labels(type(context.error).__name__).inc()
