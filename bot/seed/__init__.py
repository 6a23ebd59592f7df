"""Deterministic demo and benchmark listings (`ehrenamt-bot seed`).

Generators return plain row dicts (no database): demo_batches(today=...) and bench_batches(count, today=...).
The use cases write them through bot.store.listings: seed_demo(database) and seed_bench(database, count).
"""

from bot.seed.batches import SeedBatch
from bot.seed.bench import BENCH_SOURCE, bench_batches
from bot.seed.demo import DEMO_SOURCE, demo_batches
from bot.seed.listings import Listing
from bot.seed.writer import SeedReport, clear_source, seed_bench, seed_demo

__all__ = [
    "BENCH_SOURCE",
    "DEMO_SOURCE",
    "Listing",
    "SeedBatch",
    "SeedReport",
    "bench_batches",
    "clear_source",
    "demo_batches",
    "seed_bench",
    "seed_demo",
]
