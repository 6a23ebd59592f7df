"""Prometheus metrics of a bot process (prometheus-client), collected at a few places only.

Where each comes from:
  updates, handler latency   telegram.operator_hooks.MeasuredUpdateProcessor, around every update's handling
  errors                     telegram.operator_hooks.count_error, an error handler next to the bot's own
  search latency             the chat's one call of the search use case (bot.conversation.searches)
  announcements, 429 pauses  read from the broadcast engine's own counters when scraped (BroadcastCollector)
  outbox depth               counted in the database when scraped (ops.server)
Everything lives in REGISTRY, which the operator server exposes; nothing here talks to Telegram.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any, Protocol

from prometheus_client import CollectorRegistry, Counter, Histogram
from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily, Metric
from prometheus_client.registry import Collector
from sqlalchemy import func, select

from bot.domain import BroadcastStatus, DeliveryState
from bot.store.db import Database
from bot.store.models import Broadcast, BroadcastDelivery

REGISTRY = CollectorRegistry(auto_describe=True)
# Handler latencies of a chat bot: most answers take milliseconds, a slow search a second or more.
_LATENCY_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)

UPDATES = Counter("ehrenamt_updates_total", "Updates handled, by kind (message, callback_query, ...)",
                  ["kind"], registry=REGISTRY)
HANDLER_SECONDS = Histogram("ehrenamt_update_handling_seconds", "Time to handle one update, by kind",
                            ["kind"], buckets=_LATENCY_BUCKETS, registry=REGISTRY)
ERRORS = Counter("ehrenamt_errors_total", "Errors in handlers and jobs, by exception class", ["kind"],
                 registry=REGISTRY)
SEARCH_SECONDS = Histogram("ehrenamt_search_seconds", "Time of one search in the chat (NLU, database, ranking)",
                           buckets=_LATENCY_BUCKETS, registry=REGISTRY)


class EngineCounters(Protocol):
    """What the collector reads of the broadcast engine (bot.broadcasts.engine.DeliveryEngine)."""

    outcomes: Any  # a collections.Counter by outcome: sent, blocked, failed, rate_limited, retried

    @property
    def limiter(self) -> Any: ...


class BroadcastCollector(Collector):
    """Announcement sends by outcome, 429 pauses and the outbox depth, read when Prometheus scrapes."""

    def __init__(self) -> None:
        self.engine: Callable[[], EngineCounters | None] = lambda: None
        self.outbox_depth: dict[str, int] = {}

    def collect(self) -> Iterator[Metric]:
        """Yields the current values (zero before the first broadcast)."""
        engine = self.engine()
        outcomes = dict(engine.outcomes) if engine is not None else {}
        sends = CounterMetricFamily("ehrenamt_announcement_sends", "Announcement send attempts by outcome",
                                    labels=["outcome"])
        for outcome in ("sent", "blocked", "failed", "rate_limited", "retried"):
            sends.add_metric([outcome], float(outcomes.get(outcome, 0)))
        yield sends
        pauses = CounterMetricFamily("ehrenamt_announcement_pauses", "Flood-control (429) pauses of all announcements")
        pauses.add_metric([], float(engine.limiter.pauses if engine is not None else 0))
        yield pauses
        depth = GaugeMetricFamily("ehrenamt_outbox_depth", "Recipients of running broadcasts not yet done, by state",
                                  labels=["state"])
        for state in (DeliveryState.PENDING.value, DeliveryState.SENDING.value):
            depth.add_metric([state], float(self.outbox_depth.get(state, 0)))
        yield depth


BROADCASTS = BroadcastCollector()
REGISTRY.register(BROADCASTS)


async def count_outbox(database: Database) -> dict[str, int]:
    """Counts the open recipients of running broadcasts by state."""
    query = (
        select(BroadcastDelivery.state, func.count())
        .join(Broadcast, Broadcast.id == BroadcastDelivery.broadcast_id)
        .where(Broadcast.status == BroadcastStatus.RUNNING.value,
               BroadcastDelivery.state.in_([DeliveryState.PENDING.value, DeliveryState.SENDING.value]))
        .group_by(BroadcastDelivery.state)
    )
    async with database.read_only() as session:
        return {str(state): int(count) for state, count in (await session.execute(query)).all()}
