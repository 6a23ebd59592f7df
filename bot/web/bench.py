"""The web benchmark: a real HTTP client against `ehrenamt-bot web` running in its own process, on loopback.

A fresh SQLite file is seeded (demo data plus generated listings), the server is started as a child process,
and httpx sends listing-page and regional-search requests over kept-alive connections: first one at a time
(latency), then several at once (throughput). Every phase is bounded in requests and in seconds.

It runs twice: once with kept pages off (every request renders: what a request costs), and once with them on
(bot.web.page_cache) on a mix of many distinct requests as real traffic brings them: listing ids drawn across
the whole table, and searches and embeds of every town of Hessen and Sachsen, drawn by population (a town's
visitors load its embed), with any area or none. The share of kept pages served is printed beside each figure.
"""

from __future__ import annotations

import asyncio
import os
import random
import socket
import statistics
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import httpx
from sqlalchemy import select

from bot.categories import categories
from bot.domain import OpportunityStatus
from bot.process_cpu import process_cpu_seconds
from bot.seed import seed_bench, seed_demo
from bot.store.db import Database
from bot.store.models import Opportunity
from bot.store.types import utcnow

# Towns of the demo regions (Hessen and Sachsen) and large cities: where regional searches are centred.
TOWNS = ("Kassel", "Fulda", "Marburg", "Gießen", "Darmstadt", "Wiesbaden", "Hanau", "Wetzlar", "Bad Hersfeld",
         "Frankfurt am Main", "Leipzig", "Dresden", "Chemnitz", "Zwickau", "Plauen", "Görlitz", "Bautzen",
         "Freiberg", "Pirna", "34117")
TARGET_P95_MS = 20.0
TARGET_RPS = 300.0


@dataclass(frozen=True, slots=True)
class Figures:
    """What one phase measured."""

    name: str
    concurrency: int
    latencies_ms: tuple[float, ...]
    seconds: float
    statuses: Counter[int]
    server_cpu_seconds: float | None = None  # CPU the server process used in the phase (Linux /proc)
    kept: int | None = None  # answers that were kept pages (None: the server keeps none)
    client_cpu_seconds: float | None = None  # CPU this process (the HTTP client) used, on the same machine

    @property
    def rps(self) -> float:
        """Returns the requests answered per second."""
        return len(self.latencies_ms) / self.seconds if self.seconds else 0.0

    def percentile(self, share: float) -> float:
        """Returns a latency percentile in ms (nearest rank)."""
        ordered = sorted(self.latencies_ms)
        return ordered[min(int(share * len(ordered)), len(ordered) - 1)] if ordered else float("nan")

    @property
    def cpu_ms_per_request(self) -> float | None:
        """Returns the server's CPU time per request: what a request costs whatever else runs on the machine."""
        if self.server_cpu_seconds is None or not self.latencies_ms:
            return None
        return 1000 * self.server_cpu_seconds / len(self.latencies_ms)

    def line(self) -> str:
        """Formats the phase as one line."""
        statuses = ", ".join(f"{code}: {count}" for code, count in sorted(self.statuses.items()))
        cpu = self.cpu_ms_per_request
        capacity = f"  server CPU {cpu:.2f} ms/request (one core: {1000 / cpu:,.0f} req/s)" if cpu else ""
        kept = f"  kept pages {100 * self.kept / len(self.latencies_ms):3.0f} %" if self.kept is not None else ""
        if self.client_cpu_seconds is not None and self.latencies_ms:
            capacity += f"  client CPU {1000 * self.client_cpu_seconds / len(self.latencies_ms):.2f} ms"
        return (f"{self.name:<16} {self.concurrency} at a time  n={len(self.latencies_ms):>5}  "
                f"p50 {statistics.median(self.latencies_ms):6.2f} ms  p95 {self.percentile(0.95):6.2f} ms  "
                f"p99 {self.percentile(0.99):6.2f} ms  {self.rps:7.0f} req/s{capacity}{kept}  ({statuses})")


async def prepare_database(url: str, *, listings: int) -> list[int]:
    """Migrates and seeds a fresh database; returns the ids of published listings to ask for."""
    database = Database(url)
    try:
        await database.prepare(upgrade=True)
        await seed_demo(database)
        if listings:
            await seed_bench(database, listings, replace=True)
        await database.refresh_statistics()
        async with database.read_only() as session:
            ids = (await session.execute(
                select(Opportunity.id).where(Opportunity.status == OpportunityStatus.PUBLISHED.value,
                                             Opportunity.expires_at > utcnow() + timedelta(hours=1))
            )).scalars().all()
    finally:
        await database.close()
    return list(ids)


def start_server(data_home: Path, port: int, *, keep_pages_seconds: float) -> subprocess.Popen[bytes]:
    """Starts `ehrenamt-bot web` on loopback in a child process with the benchmark's database."""
    env = {**os.environ, "DATA_HOME": str(data_home), "WEB_LISTEN": "127.0.0.1",
           "WEB_PAGE_CACHE_SECONDS": f"{keep_pages_seconds:g}"}
    env.pop("DATABASE_URL", None)
    command = [sys.executable, "-c", "from bot.cli import main; raise SystemExit(main())", "web", "--port", str(port),
               "--listen", "127.0.0.1"]
    return subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


async def wait_until_up(base_url: str, server: subprocess.Popen[bytes], *, seconds: float = 60.0) -> None:
    """Polls /healthz until the server answers (or fails when it exits or takes too long)."""
    deadline = time.monotonic() + seconds
    async with httpx.AsyncClient(base_url=base_url, timeout=2.0) as client:
        while time.monotonic() < deadline:
            if server.poll() is not None:
                error = server.stderr.read().decode("utf-8", "replace") if server.stderr else ""
                raise RuntimeError(f"the web server stopped: {error[-2000:]}")
            try:
                if (await client.get("/healthz")).status_code == 200:
                    return
            except httpx.TransportError:
                pass
            await asyncio.sleep(0.2)
    raise RuntimeError("the web server did not answer /healthz in time")


async def measure(base_url: str, name: str, urls: Sequence[str], *, concurrency: int, requests: int,
                  seconds: float, server_pid: int | None = None) -> Figures:
    """Sends `requests` GETs (at most `seconds` long) over `concurrency` kept-alive connections."""
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    latencies: list[float] = []
    statuses: Counter[int] = Counter()
    kept: Counter[str] = Counter()
    counter = iter(range(requests))
    async with httpx.AsyncClient(base_url=base_url, limits=limits, timeout=10.0,
                                 headers={"Accept-Language": "de-DE,de;q=0.9"}) as client:
        cpu_before = process_cpu_seconds(server_pid)
        client_before = time.process_time()
        started = time.perf_counter()
        deadline = started + seconds

        async def worker() -> None:
            for number in counter:
                if time.perf_counter() > deadline:
                    return
                began = time.perf_counter()
                response = await client.get(urls[number % len(urls)])
                latencies.append((time.perf_counter() - began) * 1000)
                statuses[response.status_code] += 1
                kept[response.headers.get("X-Page-Cache", "")] += 1

        await asyncio.gather(*(worker() for _ in range(concurrency)))
        elapsed = time.perf_counter() - started
        client_cpu = time.process_time() - client_before
        cpu_after = process_cpu_seconds(server_pid)
    cpu = cpu_after - cpu_before if cpu_before is not None and cpu_after is not None else None
    return Figures(name, concurrency, tuple(latencies), elapsed, statuses, cpu,
                   kept["hit"] if kept["hit"] or kept["miss"] else None, client_cpu)


def listing_urls(ids: Sequence[int], *, count: int, seed: int = 18) -> list[str]:
    """Returns listing-page paths of random published listings."""
    chooser = random.Random(seed)
    return [f"/angebote/{chooser.choice(ids)}" for _ in range(count)]


def search_urls(*, count: int, seed: int = 18) -> list[str]:
    """Returns regional searches: a town, often an area, sometimes a time or words, as people ask."""
    chooser = random.Random(seed)
    keys = list(categories())
    urls = []
    for _ in range(count):
        params = [f"ort={httpx.QueryParams({'o': chooser.choice(TOWNS)})['o']}"]
        if chooser.random() < 0.7:
            params.append(f"bereich={chooser.choice(keys)}")
        if chooser.random() < 0.2:
            params.append(f"zeit={chooser.choice(('weekend', 'evening', 'weekday'))}")
        if chooser.random() < 0.15:
            params.append(f"text={chooser.choice(('Tierheim', 'Lesepate', 'Tafel', 'Senioren besuchen'))}")
        urls.append("/suche?" + str(httpx.QueryParams("&".join(params))))
    return urls


def town_urls(path: str, *, count: int, seed: int = 18) -> list[str]:
    """Returns searches (or embeds) of the towns of Hessen and Sachsen, drawn by population, any area or none.

    A town whose name is ambiguous is asked by postal code, as `embed-snippet` tells the operator to.
    """
    from bot.web.places import resolve_place
    from nlu.kernel.gazetteer import get_gazetteer
    from nlu.kernel.place_types import STARTING_STATES

    towns, weights = [], []
    for place in get_gazetteer().places():
        if place.state_code not in STARTING_STATES:
            continue
        choice = resolve_place(place.name)
        name = place.name if choice.place is not None and not choice.options else place.postal_code
        if name:
            towns.append(name)
            weights.append(place.population)
    chooser = random.Random(seed)
    areas: list[str | None] = [None, *categories()]
    urls = []
    for town in chooser.choices(towns, weights=weights, k=count):
        area = chooser.choice(areas)
        urls.append(f"{path}?" + str(httpx.QueryParams({"ort": town, **({"bereich": area} if area else {})})))
    return urls


def free_port() -> int:
    """Returns a port that is free on loopback right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])
