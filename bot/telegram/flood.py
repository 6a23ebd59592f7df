"""A per-person flood limit: a token bucket per Telegram user, warned once per burst.

In process memory on purpose: a limit that resets on restart costs nothing, and a database write per update
would cost more than the flood it stops. With several processes each keeps its own buckets.
"""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum


class Verdict(Enum):
    """What to do with an update."""

    PASS = "pass"
    WARN = "warn"  # over the limit for the first time in this burst: say so calmly, once
    DROP = "drop"  # still over the limit and already warned: handle nothing


@dataclass(slots=True)
class _Bucket:
    tokens: float
    updated: float
    warned: bool = False


class FloodGuard:
    """Lets `burst` updates through at once and `rate` per second after that, per person."""

    def __init__(
        self, *, burst: int = 10, rate: float = 1.0, max_people: int = 100_000,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.burst, self.rate, self.max_people, self.clock = burst, rate, max_people, clock
        self._buckets: OrderedDict[int, _Bucket] = OrderedDict()

    def check(self, user_id: int) -> Verdict:
        """Takes one token from the person's bucket and says whether the update may be handled."""
        now = self.clock()
        bucket = self._buckets.pop(user_id, None) or _Bucket(tokens=float(self.burst), updated=now)
        bucket.tokens = min(float(self.burst), bucket.tokens + (now - bucket.updated) * self.rate)
        bucket.updated = now
        self._remember(user_id, bucket)
        if bucket.tokens >= 1.0:
            bucket.tokens -= 1.0
            if bucket.tokens >= self.burst / 2:
                bucket.warned = False  # calm again: the next flood gets a fresh warning
            return Verdict.PASS
        if bucket.warned:
            return Verdict.DROP
        bucket.warned = True
        return Verdict.WARN

    def _remember(self, user_id: int, bucket: _Bucket) -> None:
        """Keeps the bucket, forgetting the least recently seen people beyond max_people."""
        self._buckets[user_id] = bucket
        while len(self._buckets) > self.max_people:
            self._buckets.popitem(last=False)
