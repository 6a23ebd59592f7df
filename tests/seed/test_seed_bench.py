"""Benchmark data: exactly N rows, independent of batch size, spread over Germany."""

from __future__ import annotations

from typing import Any

from collections import Counter

from bot.seed.bench import bench_batches
from tests.factories.seed import SEED_DAY


def _rows(count: int, batch_size: int, seed: int = 1) -> list[dict[str, Any]]:
    return [listing.values for batch in bench_batches(count, today=SEED_DAY, seed=seed, batch_size=batch_size)
            for listing in batch.listings]


def test_bench_gives_exactly_the_count_with_stable_ids() -> None:
    rows = _rows(23, batch_size=10)
    assert [row["external_id"] for row in rows] == [f"bench-{n:08d}" for n in range(23)]
    assert {row["source"] for row in rows} == {"bench"}


def test_rows_do_not_depend_on_the_batch_size_but_on_the_seed() -> None:
    assert _rows(23, batch_size=5) == _rows(23, batch_size=100)
    assert [r["title"] for r in _rows(23, batch_size=5, seed=2)] != [r["title"] for r in _rows(23, batch_size=5)]


def test_batches_keep_organisations_with_their_listings() -> None:
    batches = list(bench_batches(42, today=SEED_DAY, batch_size=10))
    assert len(batches) == 5
    for batch in batches:
        keys = {row["external_id"] for row in batch.organisations}
        assert {listing.organisation_key for listing in batch.listings} == keys
        assert len(batch.listings) <= 5 * len(keys)


def test_bench_spreads_over_all_of_germany_by_population() -> None:
    rows = _rows(3000, batch_size=1000)
    states = Counter(row["state"] for row in rows if row["state"])
    assert len(states) == 16
    assert states.most_common(1)[0][0] == "Nordrhein-Westfalen"
    assert len({row["place_name"] for row in rows}) > 400  # 600 organisations, most in a place of their own
