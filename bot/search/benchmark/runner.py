"""Running the labelled requests through the search and through the brute-force scan, timed and judged."""

from __future__ import annotations

import statistics
import time
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import select

from bot.categories import keys_from_mask
from nlu.kernel.loaded import settle
from bot.domain import TIME_BITS
from bot.search import Refinement, SearchOutcome, SearchRequest, VocabularyCache, search
from bot.search.benchmark.baseline import BruteForceScan
from bot.search.benchmark.queries import LabelledQuery
from bot.search.benchmark.relevance import Found, Precision
from bot.search.benchmark.server_cpu import ServerCpu
from bot.search.criteria import criteria_from
from bot.store.db import Database
from bot.store.models import Opportunity
from nlu.query import ParsedQuery

WARM_UP = 20  # requests run first and not counted: vocabulary load, compiled statements, warm caches


@dataclass(slots=True)
class Timings:
    """Milliseconds per request, overall and by kind of request."""

    samples: list[float] = field(default_factory=list)
    by_kind: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))

    def add(self, kind: str, milliseconds: float) -> None:
        """Records one request."""
        self.samples.append(milliseconds)
        self.by_kind[kind].append(milliseconds)

    @staticmethod
    def percentiles(samples: Sequence[float]) -> dict[str, float]:
        """Returns p50, p95, p99, mean and max of samples."""
        if not samples:
            return {"p50": 0.0, "p95": 0.0, "p99": 0.0, "mean": 0.0, "max": 0.0}
        cuts = statistics.quantiles(samples, n=100, method="inclusive") if len(samples) > 1 else list(samples) * 99
        return {"p50": cuts[49], "p95": cuts[94], "p99": cuts[98], "mean": statistics.fmean(samples),
                "max": max(samples)}


@dataclass(slots=True)
class EngineRun:
    """What the indexed search did on one database."""

    timings: Timings = field(default_factory=Timings)
    # CPU milliseconds per request of this process (all its threads, so SQLite's own work too) and, on a PostgreSQL
    # server of this machine, the server's per request (the mean: /proc counts in ticks): unlike the wall times,
    # the machine's load hardly moves them (bot.search.benchmark.server_cpu)
    cpu: Timings = field(default_factory=Timings)
    server_cpu_ms: float | None = None
    precision: Precision = field(default_factory=Precision)
    subset_precision: Precision = field(default_factory=Precision)  # on the requests the scan also ran
    unwidened_precision: Precision = field(default_factory=Precision)  # the same requests, widen=False
    widened: int = 0  # requests whose radius or time was relaxed
    words_let_go: int = 0  # requests whose free words found nothing (reported as "keywords")
    ids: dict[str, list[int]] = field(default_factory=dict)


@dataclass(slots=True)
class ScanRun:
    """What the brute-force scan did (text only, and with the categories as a filter too)."""

    timings: Timings = field(default_factory=Timings)
    precision: Precision = field(default_factory=Precision)
    precision_with_categories: Precision = field(default_factory=Precision)


async def run_engine(
    database: Database, queries: Sequence[LabelledQuery], parsed: Mapping[str, ParsedQuery], *,
    now: datetime, judged_subset: int,
) -> EngineRun:
    """Times every request through search() (one read-only session each, as the chat does) and judges it.

    The first `judged_subset` requests are judged once more on their own: the scan runs only on those.
    """
    run = EngineRun()
    vocabularies = VocabularyCache(max_age=3600)
    remote_ids = await _remote_ids(database)
    server = ServerCpu()
    for query in queries[:WARM_UP]:
        await _search(database, query, parsed, vocabularies, now, server=server)
    settle()  # as the chat's and the web's warm-up do once the vocabulary is loaded
    server.reset()
    for number, query in enumerate(queries):
        started, cpu_started = time.perf_counter(), time.process_time()
        outcome = await _search(database, query, parsed, vocabularies, now, server=server)
        run.timings.add(query.kind, (time.perf_counter() - started) * 1000)
        run.cpu.add(query.kind, (time.process_time() - cpu_started) * 1000)
        run.ids[query.text] = [hit.id for hit in outcome.results]
        found = [Found(hit.id, hit.categories, hit.lat, hit.lon, hit.time, hit.id in remote_ids)
                 for hit in outcome.results]
        asked = outcome.needs_place_choice
        run.precision.add(query, found, outcome.radius_km, asked=asked)
        if number < judged_subset:
            run.subset_precision.add(query, found, outcome.radius_km, asked=asked)
        run.widened += any(step.startswith("radius") or step == "time" for step in outcome.widened)
        run.words_let_go += "keywords" in outcome.widened
    server_seconds = server.used()
    run.server_cpu_ms = None if server_seconds is None else server_seconds * 1000 / len(queries)
    for query in queries[:judged_subset]:  # like the scan: no widening (not timed)
        outcome = await _search(database, query, parsed, vocabularies, now, widen=False)
        found = [Found(hit.id, hit.categories, hit.lat, hit.lon, hit.time, hit.id in remote_ids)
                 for hit in outcome.results]
        run.unwidened_precision.add(query, found, outcome.radius_km, asked=outcome.needs_place_choice)
    return run


async def _search(
    database: Database, query: LabelledQuery, parsed: Mapping[str, ParsedQuery],
    vocabularies: VocabularyCache, now: datetime, *, widen: bool = True, server: ServerCpu | None = None,
) -> SearchOutcome:
    """Runs one request the way the chat does: its own read-only session, the parse already done; on PostgreSQL
    the server process answering it is noted in `server`."""
    async with database.read_only() as session:
        if server is not None and not database.is_sqlite:
            await server.note(session)
        return await search(session, SearchRequest(text=query.text, widen=widen), parse=parsed.__getitem__,
                            vocabularies=vocabularies, now=now)


async def _remote_ids(database: Database) -> set[int]:
    """Returns the ids of remote listings (the judge needs them; results do not carry the flag)."""
    table = Opportunity.__table__.c
    async with database.read_only() as session:
        return set((await session.execute(select(table.id).where(table.remote.is_(True)))).scalars())


def run_scan(
    scan: BruteForceScan, queries: Sequence[LabelledQuery], parsed: Mapping[str, ParsedQuery],
) -> ScanRun:
    """Times the brute-force scan on the requests and judges both of its variants."""
    run = ScanRun()
    for query in queries:
        criteria = criteria_from(parsed[query.text], Refinement(), default_radius_km=15.0)
        started = time.perf_counter()
        result = scan.search(criteria, query.text)
        run.timings.add(query.kind, (time.perf_counter() - started) * 1000)
        run.precision.add(query, [scan_found(scan, i) for i in result.ids], criteria.radius_km)
        run.precision_with_categories.add(query, [scan_found(scan, i) for i in result.ids_with_categories],
                                          criteria.radius_km)
    return run


def scan_found(scan: BruteForceScan, listing_id: int) -> Found:
    """Describes one listing of the scan for the judge."""
    index = int((scan.ids == listing_id).nonzero()[0][0])
    lat, lon = float(scan.lat[index]), float(scan.lon[index])
    times = int(scan.times[index])
    return Found(
        id=listing_id,
        categories=tuple(keys_from_mask(int(scan.categories[index]))),
        lat=None if lat != lat else lat,
        lon=None if lon != lon else lon,
        time=tuple(tag for tag, bit in TIME_BITS.items() if times & bit),
        remote=bool(scan.remote[index]),
    )
