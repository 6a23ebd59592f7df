"""An offline Telegram for benchmarks and crash tests: latency, injected 429/403, and a record of deliveries.

A message counts as delivered at a random moment inside the request's latency, as with a real server: a
process killed while a request is in flight may or may not have delivered it. Counts are kept in a
bytearray indexed by chat id (chat ids must be small numbers), so a million recipients cost a megabyte.
"""

from __future__ import annotations

import asyncio
import os
import random
from pathlib import Path

from bot.broadcasts.sending import Announcement, Blocked, RateLimited


class SimulatedTelegram:
    """A Sender that behaves like a busy Bot API: slow, sometimes flooded, some users blocked."""

    def __init__(
        self,
        *,
        capacity: int,
        latency: tuple[float, float] = (0.0, 0.0),
        p429: float = 0.0,
        retry_after: float = 1.0,
        p403: float = 0.0,
        seed: int = 7,
        log_path: Path | None = None,
    ) -> None:
        self.counts = bytearray(capacity + 1)
        self.latency, self.p429, self.retry_after, self.p403 = latency, p429, retry_after, p403
        self.calls = self.rate_limited = self.blocked = 0
        self._random = random.Random(seed)
        # 429s come from a stream of their own, drawn when a request starts: the n-th request of a run is
        # flooded or not whatever the timing, so two engines (or two runs) meet the same 429s.
        self._floods = random.Random(seed * 7907 + 1)
        self._blocked_salt = seed * 7919
        self._log = os.open(log_path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644) if log_path else None

    async def send(self, chat_id: int, announcement: Announcement) -> None:
        """Waits the latency, then delivers, or raises RateLimited / Blocked as configured."""
        self.calls += 1
        flooded = bool(self.p429) and self._floods.random() < self.p429
        low, high = self.latency
        total = self._random.uniform(low, high) if high > 0 else 0.0
        arrival = total * self._random.random()
        if arrival:
            await asyncio.sleep(arrival)
        if flooded:
            self.rate_limited += 1
            await asyncio.sleep(total - arrival)
            raise RateLimited(self.retry_after, "429 Too Many Requests: retry later")
        if self.is_blocked(chat_id):
            self.blocked += 1
            await asyncio.sleep(total - arrival)
            raise Blocked("403 Forbidden: bot was blocked by the user")
        self._deliver(chat_id)
        if total - arrival:
            await asyncio.sleep(total - arrival)

    def is_blocked(self, chat_id: int) -> bool:
        """Tells whether this chat blocked the bot (fixed per chat, about p403 of all chats)."""
        return bool(self.p403) and random.Random(chat_id ^ self._blocked_salt).random() < self.p403

    def duplicates(self) -> int:
        """Returns how many chats got more than one message."""
        return sum(1 for count in self.counts if count > 1)

    def delivered(self) -> int:
        """Returns how many chats got at least one message."""
        return len(self.counts) - self.counts.count(0)

    def close(self) -> None:
        """Closes the delivery log."""
        if self._log is not None:
            os.close(self._log)
            self._log = None

    def _deliver(self, chat_id: int) -> None:
        """Counts a delivery, and appends it to the log when there is one.

        A write() is in the kernel once it returns, so it survives kill -9 of this process (fsync would
        only add protection against the machine itself crashing, which the crash test does not simulate).
        """
        self.counts[chat_id] = min(self.counts[chat_id] + 1, 255)
        if self._log is not None:
            os.write(self._log, f"{chat_id}\n".encode())


def read_log(path: Path) -> dict[int, int]:
    """Reads a delivery log back: how many messages each chat got."""
    counts: dict[int, int] = {}
    if path.exists():
        for line in path.read_text().split():
            counts[int(line)] = counts.get(int(line), 0) + 1
    return counts
