"""`ehrenamt-bot seed --demo | --count N`: deterministic demo or benchmark listings in the database."""

from __future__ import annotations

import argparse

from bot.cli.common import Progress, run_with_database
from bot.cli.errors import CommandError
from bot.seed.bench import BENCH_SEED
from bot.seed.demo import DEMO_SEED
from bot.seed.ads import seed_demo_ads
from bot.seed.writer import SeedReport, seed_bench, seed_demo
from bot.store.types import utcnow
from bot.settings import Settings
from bot.store.db import Database

MAX_COUNT = 10_000_000


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Adds the seed command."""
    parser = subparsers.add_parser(
        "seed", help="fill the database with demo listings (--demo) or benchmark listings (--count N)",
        description="Writes generated listings through the normal upserts: running it again updates the same rows. "
                    "Demo rows have source 'demo', benchmark rows source 'bench'; neither touches other listings.")
    what = parser.add_mutually_exclusive_group(required=True)
    what.add_argument("--demo", action="store_true", help="the demo data set (Hessen, Sachsen, large cities)")
    what.add_argument("--count", type=int, metavar="N", help="N benchmark listings all over Germany")
    parser.add_argument("--seed", type=int,
                        help=f"random seed (default: {DEMO_SEED} for --demo, {BENCH_SEED} for --count)")
    parser.add_argument("--replace", action="store_true", help="with --count: delete all earlier benchmark rows first")
    parser.add_argument("--batch-size", type=int, default=5000, metavar="B", help="listings per transaction (--count)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Seeds the configured database and prints a summary."""
    if args.count is not None and not 0 <= args.count <= MAX_COUNT:
        raise SystemExit(f"--count must be between 0 and {MAX_COUNT:,}")
    if args.replace and args.demo:
        raise SystemExit("--replace only applies to --count (--demo always replaces its own rows)")

    async def work(database: Database, settings: Settings) -> SeedReport:
        if args.batch_size < 1:
            raise CommandError("--batch-size must be at least 1")
        if args.demo:
            progress = Progress("Demo-Angebote / demo listings")
            report = await seed_demo(database, seed=DEMO_SEED if args.seed is None else args.seed, progress=progress)
            ads = await seed_demo_ads(database, now=utcnow())
            print(f"seed demo: {ads} volunteers' ads")
        else:
            progress = Progress("Benchmark-Angebote / benchmark listings", args.count)
            report = await seed_bench(database, args.count, seed=BENCH_SEED if args.seed is None else args.seed,
                                      replace=args.replace,
                                      batch_size=args.batch_size, progress=progress)
        progress.finish()
        return report

    print(summary(run_with_database(work)))
    return 0


def summary(report: SeedReport) -> str:
    """Formats the end-of-run line: counts, seconds, rate."""
    orgs, listings = report.organisations, report.opportunities
    return (f"seed {report.source}: {orgs.inserted + orgs.updated:,} organisations, {report.listings:,} listings "
            f"({listings.inserted:,} new, {listings.updated:,} updated, {report.removed:,} removed) "
            f"in {report.seconds:.1f} s ({report.rate:,.0f} listings/s)")
