"""`ehrenamt-bot bench web`: listing pages and regional searches per second, measured with an HTTP client."""

from __future__ import annotations

import argparse
import asyncio
import os
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bot.web.bench import Figures


def register_bench(bench_subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Adds `bench web`."""
    parser = bench_subparsers.add_parser(
        "web", help="listing pages and regional searches: p95 and requests per second, kept pages off and on")
    parser.add_argument("--listings", type=int, default=10_000,
                        help="generated listings on top of the demo data (default 10,000)")
    parser.add_argument("--requests", type=int, default=2_000, help="requests per phase (default 2,000)")
    parser.add_argument("--concurrency", type=int, default=8, help="connections of the load phase (default 8)")
    parser.add_argument("--seconds", type=float, default=30.0, help="at most this long per phase (default 30)")
    parser.add_argument("--keep-seconds", type=float, default=60.0,
                        help="how long the second server keeps a rendered page (default 60, as WEB_PAGE_CACHE_SECONDS)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Seeds a fresh SQLite file, starts the server, measures, prints, stops the server."""
    if not (1 <= args.requests <= 100_000 and 1 <= args.concurrency <= 64 and 0 < args.seconds <= 300
            and 0 <= args.listings <= 1_000_000 and 0 < args.keep_seconds <= 3600):
        raise SystemExit("--requests 1..100000, --concurrency 1..64, --seconds up to 300, --listings up to 1000000, "
                         "--keep-seconds up to 3600")
    with tempfile.TemporaryDirectory(prefix="bench-web-") as folder:
        return asyncio.run(_bench(Path(folder), args))


async def _bench(folder: Path, args: argparse.Namespace) -> int:
    """Runs the phases (kept pages off, then on with a realistic mix) and prints a line for each."""
    from bot.web import bench

    started = time.monotonic()
    ids = await bench.prepare_database(f"sqlite+aiosqlite:///{folder / 'ehrenamt.sqlite3'}", listings=args.listings)
    print(f"seeded {len(ids):,} published listings (demo + {args.listings:,} generated) in "
          f"{time.monotonic() - started:.1f} s; SQLite")
    count = args.requests
    print("\nEvery page rendered (kept pages off): what a request costs")
    rendered = await _server_phases(folder, args, keep_pages_seconds=0, phases=(
        ("listing page", lambda seed: bench.listing_urls(ids, count=count, seed=seed), (1, args.concurrency)),
        ("regional search", lambda seed: bench.search_urls(count=count, seed=seed), (1, args.concurrency)),
    ))
    print(f"\nKept pages on ({args.keep_seconds:g} s, dropped at any change of the data), on a mix of many distinct "
          "requests: listing ids drawn across the whole table; searches and embeds of every town of Hessen and "
          "Sachsen, drawn by population, any area or none")
    mixed = await _server_phases(folder, args, keep_pages_seconds=args.keep_seconds, phases=(
        ("listing page", lambda seed: bench.listing_urls(ids, count=count, seed=seed), (1, args.concurrency)),
        ("regional search", lambda seed: bench.town_urls("/suche", count=count, seed=seed), (1, args.concurrency)),
        ("embed", lambda seed: bench.town_urls("/embed", count=count, seed=seed), (args.concurrency,)),
    ))
    print()
    load = f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores"
    print(f"targets (p95 <= {bench.TARGET_P95_MS:g} ms one at a time, >= {bench.TARGET_RPS:g} req/s under load), "
          f"every page rendered: {_verdict(rendered)}; {load}")
    print(f"targets on the mix with kept pages: {_verdict(mixed)}")
    return 0 if _met(mixed) else 1


async def _server_phases(
    folder: Path, args: argparse.Namespace, *, keep_pages_seconds: float,
    phases: tuple[tuple[str, Callable[[int], list[str]], tuple[int, ...]], ...],
) -> list[Figures]:
    """Starts a server, runs each phase at each concurrency (fresh draws each time), stops the server."""
    from bot.web import bench

    port = bench.free_port()
    server = bench.start_server(folder, port, keep_pages_seconds=keep_pages_seconds)
    base_url = f"http://127.0.0.1:{port}"
    results = []
    try:
        await bench.wait_until_up(base_url, server)
        for name, draw, concurrencies in phases:
            await bench.measure(base_url, name, draw(1)[:100], concurrency=2, requests=100, seconds=10)  # warm-up
            for seed, concurrency in enumerate(concurrencies, start=2):
                figures = await bench.measure(base_url, name, draw(seed), concurrency=concurrency,
                                              requests=args.requests, seconds=args.seconds, server_pid=server.pid)
                print(figures.line(), flush=True)
                results.append(figures)
    finally:
        server.terminate()
        server.wait(timeout=10)
    return results


def _met(results: list[Figures]) -> bool:
    """Tells whether p95 (one at a time) and throughput (several at a time) reached the targets."""
    from bot.web import bench

    return (all(figures.percentile(0.95) <= bench.TARGET_P95_MS for figures in results if figures.concurrency == 1)
            and all(figures.rps >= bench.TARGET_RPS for figures in results if figures.concurrency != 1))


def _verdict(results: list[Figures]) -> str:
    """Says met or MISSED."""
    return "met" if _met(results) else "MISSED"
