"""`ehrenamt-bot bench bot`: free-text updates per second through the whole Application, offline.

Every update goes the way a polled one does: update queue, per-chat ordering, flood guard, handler, volunteer
look-up, NLU, search, stored chat search, rendering, and sendMessage through python-telegram-bot into the
local Bot API (no network). Two phases: a burst of updates enqueued at once (throughput), then the same number
at a steady TARGET_RATE (latency). The rate limiter is left out: it models Telegram's 30 messages per second,
which is not what is measured here.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import tempfile
import time
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from telegram import Update
from telegram.ext import Application, TypeHandler

from bot.cli.common import Progress, settings_or_exit
from bot.search.benchmark.queries import labelled_queries
from bot.seed import seed_bench
from bot.settings import Settings
from bot.store.db import Database
from bot.store.scratch import scratch_schema
from bot.telegram.app import build_application, serving
from bot.telegram.local.api import ApiCall, LocalBotApi, LocalRequest
from bot.telegram.local.updates import Person, UpdateFactory
from bot.telegram.ordering import concurrency_for

TARGET_RATE = 100.0  # updates per second in one process
TARGET_P95_MS = 50.0
WARM_UP = 50  # not counted: compiled statements, caches, first volunteers


def register_bench(bench_subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Adds `bench bot`."""
    parser = bench_subparsers.add_parser("bot", help="free-text updates per second through the whole bot")
    parser.add_argument("--listings", type=int, default=10_000, help="listings seeded first (default 10,000)")
    parser.add_argument("--updates", type=int, default=1_000,
                        help="updates per phase: a burst, then a steady rate (default 1,000)")
    parser.add_argument("--people", type=int, default=500, help="different people writing (default 500)")
    parser.add_argument("--postgres", metavar="URL",
                        help="run on this PostgreSQL server, in a schema of its own that is dropped afterwards")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Seeds, runs the updates and prints throughput and latency; exit code 1 if a target is missed."""
    settings = settings_or_exit()
    if args.postgres:
        return asyncio.run(_on_postgres(settings.model_copy(update={"database_url": args.postgres}), args))
    with tempfile.TemporaryDirectory(prefix="bench-bot-") as folder:
        fresh = settings.model_copy(update={"database_url": None, "data_home": Path(folder)})
        return asyncio.run(_bench(fresh, Database(fresh.sqlalchemy_url()), args))


async def _on_postgres(settings: Settings, args: argparse.Namespace) -> int:
    """Runs the benchmark in a fresh PostgreSQL schema, so no real data is touched."""
    async with scratch_schema(settings.sqlalchemy_url(), prefix="bench_bot", migrate=False) as database:
        return await _bench(settings, database, args)


async def _bench(settings: Settings, database: Database, args: argparse.Namespace) -> int:
    """Seeds the database and measures."""
    try:
        await database.prepare(upgrade=True)
        report = await seed_bench(database, args.listings, replace=True, progress=Progress("seed", args.listings))
        print(f"seeded {report.listings:,} listings in {report.seconds:.1f} s ({database.engine.dialect.name},"
              f" {concurrency_for(database.url)} update(s) at a time)")
        figures = await _drive(settings, database, args.updates, args.people)
    finally:
        await database.close()
    return _report(figures)


class _Timing:
    """When each person's updates started being handled and when the bot first answered each of them."""

    def __init__(self) -> None:
        self.started: dict[int, list[float]] = defaultdict(list)
        self.answered: dict[int, list[float]] = defaultdict(list)

    async def on_update(self, update: Update, context: object) -> None:
        """Notes the moment handling starts (registered before every other handler)."""
        self.started[update.effective_chat.id].append(time.perf_counter())  # type: ignore[union-attr]

    def on_call(self, call: ApiCall, result: object) -> None:
        """Notes the first message the bot sends for each update of a chat."""
        if call.method == "sendMessage":
            chat = int(call.params["chat_id"])
            if len(self.answered[chat]) < len(self.started[chat]):
                self.answered[chat].append(time.perf_counter())

    def latencies(self) -> list[float]:
        """Returns start-to-answer seconds of every answered update."""
        return [end - begin for chat, ends in self.answered.items() for begin, end in zip(self.started[chat], ends)]


async def _drive(settings: Settings, database: Database, count: int, people: int) -> Figures:
    """Feeds updates through the update queue, as polling does: a burst, then a steady TARGET_RATE."""
    api = LocalBotApi()
    offline = settings.model_copy(update={"bot_token": None, "telegram_api_base_url": None})
    application = build_application(offline, request=LocalRequest(api), database=database, rate_limit=False)
    timing = _Timing()
    application.add_handler(TypeHandler(Update, timing.on_update), group=-100)
    api.listeners.append(timing.on_call)
    texts = [query.text for query in labelled_queries(500)]
    persons = [Person(id=9_000_000 + index, first_name="Bench", language_code="de" if index % 5 else "en")
               for index in range(people)]
    factory = UpdateFactory(application.bot, api)
    updates = [factory.message(persons[i % people], texts[(i * 7) % len(texts)]) for i in range(WARM_UP + 2 * count)]
    async with serving(application):
        # Only updates are measured: the alert and housekeeping jobs would compete for the same CPU.
        for job in application.job_queue.jobs() if application.job_queue else ():
            job.schedule_removal()
        await application.start()
        try:
            await _feed(application, updates[:WARM_UP], rate=None)
            timing.__init__()  # type: ignore[misc]
            burst = await _feed(application, updates[WARM_UP:WARM_UP + count], rate=None)
            burst_latencies = timing.latencies()
            timing.__init__()  # type: ignore[misc]
            await _feed(application, updates[WARM_UP + count:], rate=TARGET_RATE)
            paced_latencies = timing.latencies()
        finally:
            await application.stop()
    return Figures(count, concurrency_for(database.url), burst, burst_latencies, paced_latencies)


async def _feed(
    application: Application, updates: list[Update], *, rate: float | None  # type: ignore[type-arg]
) -> float:
    """Puts updates into the queue (all at once, or `rate` per second) and waits until all are handled."""
    started = time.perf_counter()
    for index, update in enumerate(updates):
        if rate is not None:
            await asyncio.sleep(max(0.0, started + index / rate - time.perf_counter()))
        await application.update_queue.put(update)
    await application.update_queue.join()
    return time.perf_counter() - started


@dataclass(frozen=True, slots=True)
class Figures:
    """What the benchmark measured."""

    count: int
    concurrency: int
    burst_seconds: float
    burst_latencies: list[float]
    paced_latencies: list[float]


def _report(figures: Figures) -> int:
    """Prints the figures and whether they meet the targets."""
    rate = figures.count / figures.burst_seconds
    burst = _quantiles(figures.burst_latencies)
    paced = _quantiles(figures.paced_latencies)
    print(f"burst: {figures.count:,} updates in {figures.burst_seconds:.2f} s = {rate:,.0f} per second "
          f"(target >= {TARGET_RATE:.0f}); answered {len(figures.burst_latencies):,}")
    print(f"  handler latency ms (start to answer, {figures.concurrency} at a time): p50 {burst[49]:.1f}"
          f" · p95 {burst[94]:.1f} · p99 {burst[98]:.1f}")
    print(f"steady {TARGET_RATE:.0f} per second: {figures.count:,} updates, answered {len(figures.paced_latencies):,}")
    print(f"  handler latency ms: p50 {paced[49]:.1f} · p95 {paced[94]:.1f} (target <= {TARGET_P95_MS:.0f})"
          f" · p99 {paced[98]:.1f}")
    answered = len(figures.burst_latencies) == len(figures.paced_latencies) == figures.count
    met = rate >= TARGET_RATE and paced[94] <= TARGET_P95_MS and answered
    print("targets met" if met else "TARGET MISSED")
    return 0 if met else 1


def _quantiles(latencies: list[float]) -> list[float]:
    """Returns the 1st to 99th percentiles in milliseconds."""
    return statistics.quantiles([latency * 1000 for latency in latencies], n=100)
