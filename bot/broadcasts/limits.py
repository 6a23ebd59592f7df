"""Pacing: a global rate shared by all sends, a pause for Telegram's 429, and one message per chat per second."""

from __future__ import annotations

import asyncio
import time
from collections import deque
from collections.abc import Awaitable, Callable

Clock = Callable[[], float]
Sleep = Callable[[float], Awaitable[None]]


class RateLimiter:
    """Hands out evenly spaced send slots at a fixed rate, and stops everything during a pause.

    Each caller reserves the next free slot, so waiting callers are served in order and the long-run rate
    never exceeds the limit. There is no burst allowance: after idling or after a pause, sending restarts at
    the steady rate rather than catching up, which is what Telegram asks for after flood control.
    """

    def __init__(self, rate_per_second: float | None, *, clock: Clock = time.monotonic, sleep: Sleep = asyncio.sleep):
        self._interval = 1.0 / rate_per_second if rate_per_second else 0.0
        self._clock, self._sleep = clock, sleep
        self._next_slot = 0.0
        self._resume_at = 0.0
        self._pauses = 0
        self.paused_seconds = 0.0  # total pause time, for reports and the benchmark

    @property
    def interval(self) -> float:
        """Returns the seconds between two send slots (0: no limit)."""
        return self._interval

    def free_in(self) -> float:
        """Returns the seconds until the next free send slot (0: one is free now)."""
        return max(0.0, self._next_slot - self._clock())

    def start_block_in(self, seconds: float) -> None:
        """Hands out no slot earlier than `seconds` from now (send time reserved with other processes)."""
        self._next_slot = max(self._next_slot, self._clock() + seconds)

    @property
    def pauses(self) -> int:
        """Returns how many pauses were started (a 429 within a running pause only extends it)."""
        return self._pauses

    @property
    def paused(self) -> bool:
        """Tells whether a pause is in force now."""
        return self._clock() < self._resume_at

    def pause(self, seconds: float) -> bool:
        """Stops all sending for `seconds` from now; returns False when a pause running longer was kept."""
        now = self._clock()
        resume_at = now + seconds
        if resume_at <= self._resume_at:
            return False
        self.paused_seconds += resume_at - max(now, self._resume_at)
        self._resume_at = resume_at
        self._pauses += 1
        self._next_slot = max(self._next_slot, resume_at)
        return True

    async def until_resumed(self, ahead: float = 0.0) -> None:
        """Waits until no pause is in force, or until `ahead` seconds before it ends."""
        while (remaining := self._resume_at - ahead - self._clock()) > 0:
            await self._sleep(remaining)

    async def acquire(self, since: int | None = None) -> bool:
        """Waits for a send slot; returns False when a pause is or became in force (the caller gives up the row).

        With `since` (the pauses count when the caller claimed its row), only a pause started after that
        counts: a row claimed just before a pause ends waits for the first slot after it instead of being
        given back, so sending resumes exactly when the pause ends rather than a claim's round trip later.
        """
        pauses = self._pauses if since is None else since
        if self._pauses != pauses or (since is None and self.paused):
            return False
        if not self._interval:
            if self.paused:
                await self.until_resumed()
            return self._pauses == pauses
        now = self._clock()
        slot = max(now, self._next_slot)
        self._next_slot = slot + self._interval
        if slot > now:
            await self._sleep(slot - now)
        return self._pauses == pauses


class ChatGate:
    """Keeps at least `interval` seconds between two messages to the same chat.

    Only chats sent to within the last interval are remembered, so memory is bounded by the send rate, not
    by the audience.
    """

    def __init__(self, interval: float = 1.0, *, clock: Clock = time.monotonic, sleep: Sleep = asyncio.sleep):
        self._interval = interval
        self._clock, self._sleep = clock, sleep
        self._next_allowed: dict[int, float] = {}
        self._expiry: deque[tuple[float, int]] = deque()

    def __len__(self) -> int:
        return len(self._next_allowed)

    async def wait(self, chat_id: int) -> None:
        """Waits until the chat may get its next message, and books the interval after it."""
        now = self._clock()
        self._forget_before(now)
        slot = max(now, self._next_allowed.get(chat_id, now))
        until = slot + self._interval
        self._next_allowed[chat_id] = until
        self._expiry.append((until, chat_id))
        if slot > now:
            await self._sleep(slot - now)

    def _forget_before(self, now: float) -> None:
        """Drops chats whose interval has passed."""
        while self._expiry and self._expiry[0][0] <= now:
            until, chat_id = self._expiry.popleft()
            if self._next_allowed.get(chat_id) == until:
                del self._next_allowed[chat_id]
