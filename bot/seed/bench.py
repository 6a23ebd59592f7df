"""Benchmark data: any number of listings over all of Germany, weighted by population, written in batches.

The same composer as the demo, so search benchmarks see realistic texts. Each organisation has its own
random.Random seeded by (seed, its number), so rows do not depend on the batch size, and ids are stable:
"bench-org-<n>" and "bench-<n>" (zero-padded). Nothing is held beyond one batch.
"""

from __future__ import annotations

import functools
import itertools
import random
from collections.abc import Iterator
from datetime import date

from bot.seed.batches import SeedBatch, in_batches, listings_of
from bot.seed.corpus import load_corpus
from bot.seed.listings import Listing
from bot.seed.organisations import DemoOrganisation, compose_organisation, pick_type
from bot.seed.sites import Site, all_sites, postal_codes

BENCH_SOURCE = "bench"
BENCH_SEED = 1
LISTINGS_PER_ORGANISATION = 5
SITE_WEIGHT_EXPONENT = 0.9  # slightly flatter than population, so small towns get listings too


def bench_batches(count: int, *, today: date, seed: int = BENCH_SEED, batch_size: int = 5000) -> Iterator[SeedBatch]:
    """Yields `count` listings (and their organisations) in batches of about `batch_size` listings."""
    return in_batches(bench_organisations(count, today=today, seed=seed), batch_size)


def bench_organisations(
    count: int, *, today: date, seed: int = BENCH_SEED
) -> Iterator[tuple[DemoOrganisation, list[Listing]]]:
    """Yields organisations with five listings each (the last one fewer) until `count` listings exist."""
    if count <= 0:
        return
    corpus, postal = load_corpus(), postal_codes()
    sites = all_sites()
    cumulative = list(itertools.accumulate(site.population ** SITE_WEIGHT_EXPONENT for site in sites))
    for number in range((count + LISTINGS_PER_ORGANISATION - 1) // LISTINGS_PER_ORGANISATION):
        rng = random.Random(f"{BENCH_SOURCE}:{seed}:{number}")
        where: Site = rng.choices(sites, cum_weights=cumulative)[0]
        kind = pick_type(rng, corpus.organisation_types, where)
        org = compose_organisation(rng, corpus, kind, where, source=BENCH_SOURCE,
                                   external_id=f"bench-org-{number:07d}", unique=functools.partial(_numbered, number))
        first = number * LISTINGS_PER_ORGANISATION
        ids = [f"bench-{index:08d}" for index in range(first, min(first + LISTINGS_PER_ORGANISATION, count))]
        yield org, listings_of(rng, corpus, org, ids, today=today, postal=postal)


def _numbered(number: int, slug: str) -> str:
    """Makes a slug unique by the organisation's number ("tafel-kassel-1f4"), without remembering any."""
    return f"{slug}-{number:x}"
