"""`ehrenamt-bot bench search`: seeds N listings into throw-away databases and times the search on them.

Prints p50/p95/p99 per request for SQLite and PostgreSQL next to the brute-force rapidfuzz scan over the
same listings, and the precision of the top five of both on the labelled requests. Never touches the
configured data: SQLite gets a temporary file, PostgreSQL a schema of its own that is dropped afterwards.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import platform
import time
from collections.abc import AsyncIterator, Mapping, Sequence
from contextlib import asynccontextmanager
from datetime import datetime, timezone

from sqlalchemy.engine import make_url

from bot.cli.common import Progress
from nlu.query import ParsedQuery
from bot.search.benchmark.baseline import load_scan
from bot.search.benchmark.queries import LabelledQuery, labelled_queries
from bot.search.benchmark.runner import EngineRun, ScanRun, Timings, run_engine, run_scan
from bot.settings import normalise_async_url
from bot.store.db import Database
from bot.store.scratch import scratch_schema, scratch_sqlite


def register_bench(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Adds `bench search`."""
    parser = subparsers.add_parser("search", help="search latency and relevance against a brute-force scan")
    parser.add_argument("--listings", type=int, default=100_000, help="listings to seed (default 100000)")
    parser.add_argument("--queries", type=int, default=500, help="labelled requests to run (default 500)")
    parser.add_argument("--database", choices=("sqlite", "postgres", "both"), default="both",
                        help="where to run (default both; PostgreSQL needs --postgres-url or a configured server)")
    parser.add_argument("--scan-queries", type=int, default=100,
                        help="requests also run through the brute-force scan (it takes ~0.3 s each at 100k)")
    parser.add_argument("--postgres-url", default=None,
                        help="server for the benchmark schema (default: DATABASE_URL if PostgreSQL, else "
                             "TEST_POSTGRES_URL)")
    parser.add_argument("--keep", action="store_true", help="keep the seeded databases and print where they are")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Runs the benchmark and prints the figures."""
    if args.listings < 1 or args.queries < 1:
        raise SystemExit("--listings and --queries must be positive")
    return asyncio.run(_bench(args))


async def _bench(args: argparse.Namespace) -> int:
    """Parses the requests once, then seeds, times and judges each database in turn."""
    now = datetime.now(timezone.utc)
    queries = labelled_queries(args.queries)
    parsed, parse_ms = _parse_all(queries)
    backends = ["sqlite", "postgres"] if args.database == "both" else [args.database]
    engines: dict[str, EngineRun] = {}
    scan: ScanRun | None = None
    scan_size = 0
    seeding: dict[str, float] = {}
    for backend in backends:
        async with _throwaway(backend, args) as database:
            seeding[backend] = await _seed(database, args.listings, now)
            engines[backend] = await run_engine(database, queries, parsed, now=now,
                                                judged_subset=min(args.scan_queries, len(queries)))
            if scan is None and args.scan_queries > 0:
                async with database.read_only() as session:
                    brute = await load_scan(session, now)
                scan_size = len(brute)
                scan = run_scan(brute, queries[: args.scan_queries], parsed)
    _report(args, queries, parse_ms, seeding, engines, scan, scan_size)
    return 0


def _parse_all(queries: Sequence[LabelledQuery]) -> tuple[dict[str, ParsedQuery], Timings]:
    """Parses every request with the NLU once (both engines get the same parse) and times it."""
    from bot.search.understanding import parse_text

    parse_text("Tierheim Kassel")  # load the pipelines before timing
    parsed: dict[str, ParsedQuery] = {}
    timings = Timings()
    for query in queries:
        started = time.perf_counter()
        parsed[query.text] = parse_text(query.text)
        timings.add(query.kind, (time.perf_counter() - started) * 1000)
    return parsed, timings


@asynccontextmanager
async def _throwaway(backend: str, args: argparse.Namespace) -> AsyncIterator[Database]:
    """Yields a migrated, empty database of its own: a temporary SQLite file or a new PostgreSQL schema."""
    if backend == "sqlite":
        async with scratch_sqlite(prefix="ehrenamt-bench", keep=args.keep) as database:
            yield database
        return
    async with scratch_schema(_postgres_url(args), prefix="bench_search", keep=args.keep) as database:
        yield database


def _postgres_url(args: argparse.Namespace) -> str:
    """Returns the server to create the benchmark schema on."""
    configured = os.environ.get("DATABASE_URL", "")
    url = args.postgres_url or (configured if configured.startswith("postgres") else None)
    url = url or os.environ.get("TEST_POSTGRES_URL")
    if not url:
        raise SystemExit("no PostgreSQL server: pass --postgres-url or set TEST_POSTGRES_URL")
    return normalise_async_url(url)



async def _seed(database: Database, count: int, now: datetime) -> float:
    """Seeds the benchmark listings with the demo composer (which refreshes planner statistics); returns seconds."""
    from bot.seed.writer import seed_bench

    started = time.perf_counter()
    await seed_bench(database, count, today=now.date(), progress=Progress("seeding", count))
    return time.perf_counter() - started


def _report_cpu(engines: Mapping[str, EngineRun]) -> None:
    """Prints the CPU per request of this process and of a PostgreSQL server on this machine: unlike the wall
    times, the load of other work hardly moves them, so two trees compare on a busy machine too."""
    print("\nCPU per request (hardly moved by other work on the machine):")
    for name, run in engines.items():
        figures = Timings.percentiles(run.cpu.samples)
        server = "" if run.server_cpu_ms is None else f"; the server's mean {run.server_cpu_ms:.2f} ms"
        print(f"  {name}: this process p50 {figures['p50']:.2f} ms, p95 {figures['p95']:.2f} ms{server}")


def _report(
    args: argparse.Namespace, queries: Sequence[LabelledQuery], parse_ms: Timings, seeding: Mapping[str, float],
    engines: Mapping[str, EngineRun], scan: ScanRun | None, scan_size: int,
) -> None:
    """Prints the figures: latency per engine and kind of request, speed-up over the scan, precision."""
    kinds = sorted({query.kind for query in queries})
    print(f"search benchmark · {args.listings:,} listings · {len(queries)} requests · "
          f"{os.cpu_count()} CPUs ({platform.machine()}), shared with other work".replace(",", "."))
    parse = Timings.percentiles(parse_ms.samples)
    print(f"NLU parse (not counted below): p50 {parse['p50']:.2f} ms, p95 {parse['p95']:.2f} ms")
    for backend, seconds in seeding.items():
        print(f"seeding {backend}: {seconds:.1f} s")
    print(f"\n{'ms per request':<28}{'p50':>9}{'p95':>9}{'p99':>9}{'mean':>9}{'max':>9}")
    rows: list[tuple[str, Timings]] = [(f"indexed search, {name}", run.timings) for name, run in engines.items()]
    if scan is not None:
        rows.append((f"brute-force scan ({len(scan.timings.samples)} req.)", scan.timings))
    for label, timings in rows:
        figures = Timings.percentiles(timings.samples)
        print(f"{label:<28}" + "".join(f"{figures[key]:>9.2f}" for key in ("p50", "p95", "p99", "mean", "max")))
    _report_cpu(engines)
    for name, run in engines.items():
        print(f"\n{name} by kind of request (p50 / p95 ms, count):")
        for kind in kinds:
            figures = Timings.percentiles(run.timings.by_kind.get(kind, []))
            count = len(run.timings.by_kind.get(kind, []))
            print(f"  {kind:<12}{figures['p50']:>8.2f}{figures['p95']:>8.2f}{count:>6}")
        print(f"  radius or time widened: {run.widened} of {len(queries)} requests; "
              f"free words found nothing: {run.words_let_go}")
    if scan is not None:
        scan_p50 = Timings.percentiles(scan.timings.samples)["p50"]
        for name, run in engines.items():
            p50 = Timings.percentiles(run.timings.samples)["p50"]
            size = f"{scan_size:,}".replace(",", ".")
            print(f"\nspeed-up at p50, {name} vs scan over {size} listings: {scan_p50 / p50:.0f}x")
    print("\nrelevance (precision of the top 5 by category, radius and time):")
    for name, run in engines.items():
        print(f"  indexed search, {name}, all {len(queries)}: {run.precision.summary()}")
        if scan is not None:
            print(f"  indexed search, {name}, scan's {scan.precision.judged}: {run.subset_precision.summary()}")
            print(f"  indexed search, {name}, scan's {scan.precision.judged}, no widening: "
                  f"{run.unwidened_precision.summary()}")
    if scan is not None:
        print(f"  brute-force scan, text only:      {scan.precision.summary()}")
        print(f"  brute-force scan, with categories: {scan.precision_with_categories.summary()}")
    if len(engines) == 2:
        first, second = (run.ids for run in engines.values())
        same = sum(first[q.text] == second[q.text] for q in queries)
        print(f"\nSQLite and PostgreSQL returned the same results for {same} of {len(queries)} requests")
    print(f"\nPostgreSQL server: {make_url(_postgres_url(args)).render_as_string(hide_password=True)}"
          if "postgres" in engines else "")
