"""`ehrenamt-bot bench import`: listings per second importing a realistic 2,000-row freinet CSV export."""

from __future__ import annotations

import argparse
import asyncio
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bot.cli.exchange import NluCategorizer
    from bot.exchange.feeds.importer import FeedImport
    from bot.exchange.feeds.offer import FeedFile


def register_bench(bench_subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Adds `bench import`."""
    parser = bench_subparsers.add_parser(
        "import", help="listings per second importing a freinet CSV export (with category inference)",
        description="Generates a fictional freinet CSV export (bot/exchange/feeds/sample.py), or reads --file, "
                    "and imports it --runs times, each into a fresh SQLite database: reading, placing, category "
                    "inference and writing. Prints rows per second (wall and CPU time) per run and the median, "
                    "then the time of a second import of the same snapshot (nothing changes) and the place "
                    "precision counts. The NLU is loaded before the clock starts (its ready time is printed).",
    )
    parser.add_argument("--rows", type=int, default=2000, help="rows of the generated export (default: 2,000)")
    parser.add_argument("--file", type=Path, help="import this feed instead of a generated one")
    parser.add_argument("--runs", type=int, default=5, help="imports, each into a fresh database (default: 5)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Measures and prints the figures."""
    from bot.cli.exchange import NluCategorizer
    from bot.exchange.feeds.detect import detect_feed, read_feed
    from bot.exchange.feeds.sample import freinet_csv
    from nlu.api import load

    data = args.file.read_bytes() if args.file else freinet_csv(args.rows)
    format_ = detect_feed(data)
    if format_ is None:
        raise SystemExit("not an agency feed (freinet CSV/XML, agency JSON)")
    started = time.perf_counter()
    load()
    print(f"NLU ready in {time.perf_counter() - started:.2f} s; feed: {format_}, {len(data) / 1e6:.1f} MB")
    categorizer = NluCategorizer()
    walls: list[float] = []
    cpus: list[float] = []
    result: FeedImport | None = None
    for number in range(1, max(args.runs, 1) + 1):
        with tempfile.TemporaryDirectory() as folder:
            wall, cpu, result, again = asyncio.run(_one_run(Path(folder), data, format_, categorizer, read_feed))
        rows = len(result.feed.offers)
        walls.append(rows / wall)
        cpus.append(rows / cpu)
        print(f"run {number}: {rows} rows in {wall:.2f} s = {rows / wall:.0f} rows/s wall, {rows / cpu:.0f} rows/s "
              f"CPU; second import of the same snapshot {again:.2f} s ({result.count.new} new listings)")
    print(f"median: {statistics.median(walls):.0f} rows/s wall, {statistics.median(cpus):.0f} rows/s CPU "
          f"(min {min(walls):.0f}, max {max(walls):.0f} wall) over {len(walls)} runs")
    if result is not None:
        precision = result.converted.precision
        refused = len([notice for notice in result.converted.notices if notice.refused])
        print("places: " + ", ".join(f"{key} {value}" for key, value in sorted(precision.items()))
              + f", refused {refused}")
    return 0


async def _one_run(folder: Path, data: bytes, format_: str, categorizer: NluCategorizer,
                   read_feed: Callable[[bytes, str], FeedFile]) -> tuple[float, float, FeedImport, float]:
    """Imports the feed into a fresh database; returns wall and CPU seconds, the result, and a re-import's time."""
    from bot.exchange.feeds.importer import import_feed
    from bot.store.db import Database

    database = Database(f"sqlite+aiosqlite:///{folder / 'bench.sqlite3'}")
    try:
        await database.prepare(upgrade=True)
        wall, cpu = time.perf_counter(), time.process_time()
        feed = read_feed(data, format_)
        result = await import_feed(database, feed, categorizer=categorizer.many)
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        again = time.perf_counter()
        await import_feed(database, read_feed(data, format_), categorizer=categorizer.many)
        return wall, cpu, result, time.perf_counter() - again
    finally:
        await database.close()
