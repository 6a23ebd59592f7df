"""How fast and how carefully broadcasts are delivered; read from the settings once at start."""

from __future__ import annotations

import math
from dataclasses import dataclass

from bot.settings import Settings

# Telegram's limits for bulk messages (Bot API FAQ): about 30 per second, 1,000 with paid broadcasts.
FREE_LIMIT_PER_SECOND = 30.0
PAID_LIMIT_PER_SECOND = 1000.0


@dataclass(frozen=True, slots=True)
class DeliveryConfig:
    """Knobs of the delivery engine; the defaults suit a bot on Telegram's free limits."""

    rate_per_second: float | None = 25.0  # None: no global limit (benchmarks, local emulators)
    per_chat_interval: float = 1.0  # at most one message per chat per this many seconds
    max_in_flight: int = 32  # concurrent requests to the transport
    max_attempts: int = 4  # tries per recipient on timeouts and network errors
    backoff_base: float = 0.5  # first pause after a transient error, doubled each time
    backoff_max: float = 30.0
    retry_maybe_delivered: bool = True  # retry read timeouts too (the issue asks for it; see the README)
    claim_seconds: float = 0.25  # claim about this much sending at once, so few rows wait in `sending`
    max_claim: int = 200
    # A row left in `sending` longer than this belongs to a dead process (PostgreSQL). It must exceed the
    # longest time one recipient can take: max_attempts request timeouts plus the backoff pauses.
    lease_seconds: float = 300.0
    poll_seconds: float = 1.0  # how often the runner looks for due, running and cancelled broadcasts
    progress_seconds: float = 3.0  # how often running broadcasts report progress
    audience_page: int = 5000  # recipients written to the outbox per transaction
    paid: bool = False  # send with allow_paid_broadcast (Telegram Stars per message)

    def __post_init__(self) -> None:
        """Refuses settings that cannot work."""
        if self.rate_per_second is not None and not 0 < self.rate_per_second <= PAID_LIMIT_PER_SECOND:
            raise ValueError("the broadcast rate must be between 0 and 1000 messages per second")
        if self.max_in_flight < 1 or self.max_attempts < 1 or self.max_claim < 1 or self.audience_page < 1:
            raise ValueError("max_in_flight, max_attempts, max_claim and audience_page must be positive")

    @classmethod
    def from_settings(cls, settings: Settings, **overrides: object) -> DeliveryConfig:
        """Builds the configuration: BROADCAST_RATE_PER_SECOND, or 1,000/s with PAID_BROADCASTS."""
        rate = settings.broadcast_rate_per_second
        if settings.paid_broadcasts and "broadcast_rate_per_second" not in settings.model_fields_set:
            rate = PAID_LIMIT_PER_SECOND
        if not settings.paid_broadcasts and rate > FREE_LIMIT_PER_SECOND:
            raise ValueError(
                f"BROADCAST_RATE_PER_SECOND={rate:g} exceeds Telegram's free limit of 30; "
                "set PAID_BROADCASTS=true for up to 1000"
            )
        values: dict[str, object] = {"rate_per_second": rate, "paid": settings.paid_broadcasts}
        values.update(overrides)
        return cls(**values)  # type: ignore[arg-type]

    def claim_size(self, free_slots: int) -> int:
        """Returns how many recipients to claim now: a fraction of a second of sending, at most free_slots."""
        if self.rate_per_second is None:
            wanted = self.max_claim
        else:
            wanted = max(1, math.ceil(self.rate_per_second * self.claim_seconds))
        return max(1, min(wanted, self.max_claim, free_slots))

    def backoff(self, attempt: int) -> float:
        """Returns the pause before retry number `attempt` (1 after the first failure)."""
        return min(self.backoff_max, self.backoff_base * 2.0 ** (attempt - 1))
