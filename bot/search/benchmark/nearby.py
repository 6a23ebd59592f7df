"""Whether the nearby fitting listings come first: the order a person who names their town sees.

P@5 within the reported radius (bot.search.benchmark.judged) counts a listing 40 km away as right once the search
said it looked that far, whatever came before it; this measures the order. For every judged request that names a
place (not from home), the fitting listings within the asked radius are counted: on the agency set all of the
listings that answer it (its labels), on the natural messages those the search lists among its first 50 (the
demo data is not labelled by listing). Where there are some, the request scores the share of them, up to five,
that its top five holds ("near first"); where there are at least five, the share of its top five lying within
the asked radius ("top 5 near"). Run: `python -m bot.search.benchmark.nearby`.
"""

from __future__ import annotations

import argparse
import asyncio
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any
from datetime import datetime, timezone

from bot.search import SearchOutcome, SearchRequest, VocabularyCache, search
from bot.search.benchmark.judged import (
    NATURAL_SETS, ROOT, agency_requests, judge_agency, judge_natural, load_agency_listings,
    natural_messages,
)
from bot.store.db import Database
from bot.store.scratch import scratch_sqlite

DEEP = 50  # how many results of a natural message are read to find the fitting ones nearby
TOP = 5


@dataclass(slots=True)
class Order:
    """Near first and top 5 near over the requests that have fitting listings nearby."""

    name: str
    near_first: list[float] = field(default_factory=list)
    top_near: list[float] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)

    def add(self, text: str, nearby: int, top: Sequence[bool]) -> None:
        """Adds one request: how many fitting listings lie within the asked radius, and which of the top five
        are such."""
        if not nearby:
            return
        share = sum(top) / min(nearby, TOP)
        self.near_first.append(share)
        if nearby >= TOP:
            self.top_near.append(sum(top) / TOP)
        if share < 1:
            self.failures.append(f"{text!r}: {sum(top)} of {min(nearby, TOP)} nearby in the top {TOP}")

    def summary(self) -> str:
        """Returns one line of figures."""
        def mean(values: list[float]) -> float:
            return sum(values) / len(values) if values else 0.0
        return (f"{self.name}: near first {mean(self.near_first):.3f} over {len(self.near_first)} requests; "
                f"top 5 near {mean(self.top_near):.3f} over {len(self.top_near)} with at least {TOP} nearby")


async def _search(database: Database, text: str, vocabularies: VocabularyCache, limit: int) -> SearchOutcome:
    async with database.read_only() as session:
        return await search(session, SearchRequest(text=text, limit=limit), vocabularies=vocabularies)


async def natural_order(database: Database, messages: Sequence[dict[str, object]]) -> Order:
    """Measures the natural messages that name a place against the demo data."""
    order = Order("natural messages / demo data")
    vocabularies = VocabularyCache(max_age=3600)
    for label in messages:
        if label.get("ambiguous") or not label.get("place") or label.get("remote"):
            continue
        outcome = await _search(database, str(label["text"]), vocabularies, DEEP)
        if outcome.needs_place_choice:
            continue
        fits = [judge_natural(label, hit, None) for hit in outcome.results]  # None: within the asked radius
        order.add(str(label["text"]), sum(fits), fits[:TOP])
    return order


async def agency_order(database: Database, listings: dict[int, dict[str, Any]]) -> Order:
    """Measures the agency requests that name a place against the agency listings."""
    order = Order("agency requests / agency listings")
    vocabularies = VocabularyCache(max_age=3600)
    for request in agency_requests():
        if request.lat is None or request.lon is None:
            continue
        # Within the asked radius, as the judge reads it without a reported one; an online listing is no place.
        nearby = sum(1 for listing in listings.values() if not listing.get("remote") and judge_agency(request, listing))
        outcome = await _search(database, request.text, vocabularies, TOP)
        if outcome.needs_place_choice:
            continue
        top = [not listings[hit.id].get("remote") and judge_agency(request, listings[hit.id])
               for hit in outcome.results[:TOP]]
        order.add(request.text, nearby, top)
    return order


async def _main(arguments: argparse.Namespace) -> None:
    orders: list[Order] = []
    if arguments.set in ("natural", "both"):
        from bot.seed.writer import seed_demo

        async with scratch_sqlite(prefix="nearby-demo") as database:
            await seed_demo(database)
            orders.append(await natural_order(database, natural_messages(
                [ROOT / "tests" / "nlu" / "data" / name for name in NATURAL_SETS])))
    if arguments.set in ("agency", "both"):
        async with scratch_sqlite(prefix="nearby-agency") as database:
            listings = await load_agency_listings(database, now=datetime.now(timezone.utc))
            orders.append(await agency_order(database, listings))
    for order in orders:
        print(order.summary())
        if arguments.failures:
            for line in order.failures:
                print("  " + line)


def main() -> None:
    """Prints how often the nearby fitting listings come first."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", choices=("natural", "agency", "both"), default="both")
    parser.add_argument("--failures", action="store_true", help="print the requests with a nearby one left out")
    asyncio.run(_main(parser.parse_args()))


if __name__ == "__main__":
    main()
