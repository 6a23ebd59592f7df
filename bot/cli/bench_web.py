"""`ehrenamt-bot bench web`: listing pages and regional searches per second, measured with an HTTP client."""

from __future__ import annotations

import argparse
import asyncio
import os
import tempfile
import time
from pathlib import Path


def register_bench(bench_subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Adds `bench web`."""
    parser = bench_subparsers.add_parser(
        "web", help="listing pages and regional searches: median, p95, requests per second (loopback only)")
    parser.add_argument("--listings", type=int, default=10_000,
                        help="generated listings on top of the demo data (default 10,000)")
    parser.add_argument("--requests", type=int, default=2_000, help="requests per phase (default 2,000)")
    parser.add_argument("--concurrency", type=int, default=8, help="connections of the load phase (default 8)")
    parser.add_argument("--seconds", type=float, default=30.0, help="at most this long per phase (default 30)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Seeds a fresh SQLite file, starts the server, measures, prints, stops the server."""
    if not (1 <= args.requests <= 100_000 and 1 <= args.concurrency <= 64 and 0 < args.seconds <= 300
            and 0 <= args.listings <= 1_000_000):
        raise SystemExit("--requests 1..100000, --concurrency 1..64, --seconds up to 300, --listings up to 1000000")
    with tempfile.TemporaryDirectory(prefix="bench-web-") as folder:
        return asyncio.run(_bench(Path(folder), args))


async def _bench(folder: Path, args: argparse.Namespace) -> int:
    """Runs the phases and prints a line for each."""
    from bot.web import bench

    started = time.monotonic()
    ids = await bench.prepare_database(f"sqlite+aiosqlite:///{folder / 'ehrenamt.sqlite3'}", listings=args.listings)
    print(f"seeded {len(ids):,} published listings (demo + {args.listings:,} generated) in "
          f"{time.monotonic() - started:.1f} s; SQLite")
    port = bench.free_port()
    server = bench.start_server(folder, port)
    base_url = f"http://127.0.0.1:{port}"
    try:
        await bench.wait_until_up(base_url, server)
        phases = (("listing page", bench.listing_urls(ids, count=args.requests)),
                  ("regional search", bench.search_urls(count=args.requests)))
        results = []
        for name, urls in phases:
            await bench.measure(base_url, name, urls[:100], concurrency=2, requests=100, seconds=10)  # warm-up
            for concurrency in (1, args.concurrency):
                figures = await bench.measure(base_url, name, urls, concurrency=concurrency,
                                              requests=args.requests, seconds=args.seconds, server_pid=server.pid)
                print(figures.line(), flush=True)
                results.append(figures)
    finally:
        server.terminate()
        server.wait(timeout=10)
    sequential = [figures for figures in results if figures.concurrency == 1]
    loaded = [figures for figures in results if figures.concurrency != 1]
    met = (all(figures.percentile(0.95) <= bench.TARGET_P95_MS for figures in sequential)
           and all(figures.rps >= bench.TARGET_RPS for figures in loaded))
    print(f"targets (p95 <= {bench.TARGET_P95_MS:g} ms one at a time, >= {bench.TARGET_RPS:g} req/s under load): "
          f"{'met' if met else 'MISSED'}; load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    return 0 if met else 1
