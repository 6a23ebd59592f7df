"""Fixtures of the web tests: a seeded database and a running `ehrenamt-bot web` on loopback."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from bot.search.model import PlaceRef
from bot.store.db import Database
from tests.factories.volunteers import KASSEL, make_listing, make_organisation


@dataclass(frozen=True, slots=True)
class RunningSite:
    """A web server started for the tests, and the listings it serves."""

    base_url: str
    data_home: Path
    listing_id: int  # published, in Kassel, with every field filled
    tricky_id: int  # published, with markup and quotes in every text
    paused_id: int
    pending_id: int


async def _seed(data_home: Path) -> RunningSite:
    """Seeds the demo data plus a few hand-made listings (fictional contacts)."""
    from bot.seed import seed_demo

    database = Database(f"sqlite+aiosqlite:///{data_home / 'ehrenamt.sqlite3'}")
    try:
        await database.prepare(upgrade=True)
        await seed_demo(database)
        async with database.unit_of_work() as session:
            club = await make_organisation(session, name="Tierschutzverein Kassel-Test e.V.", verified=True,
                                           website="https://tierschutz-test.example.org")
            full = await make_listing(
                session, organisation=club, title="Hunde ausführen am Wochenende", place=KASSEL,
                description="Wir suchen Menschen, die mit unseren Hunden spazieren gehen.\n\nEinarbeitung gibt es.",
                requirements="Freude an Tieren, etwa 4 Stunden im Monat", address="Beispielweg 5", postal_code="34117",
                state="Hessen", district="Kassel", languages=["en", "ar"], accessible=True,
                accessibility_notes="Aufzug am Seiteneingang", newcomer_friendly=True, remote=False,
                time_tags=["weekend", "daytime", "regular"], hours_per_month=4,
            )
            tricky = await make_listing(
                session, organisation=club, place=PlaceRef("Kassel", 51.31, 9.49, "Hessen"),
                title='<script>alert("x")</script> & "Quotes"', description="</script><b>fett</b> & 'so'",
                requirements="<img src=x onerror=alert(1)>", contact_url="javascript:alert(1)",
                contact_name="<i>Erika</i>",
            )
            paused = await make_listing(session, organisation=club, status="paused")
            pending = await make_listing(session, organisation=club, status="pending", published_at=None)
            ids = (full.id, tricky.id, paused.id, pending.id)
        await database.refresh_statistics()
    finally:
        await database.close()
    return RunningSite("", data_home, *ids)


@pytest.fixture(scope="session")
def frame_site_port() -> int:
    """A loopback port for the test page that frames the embed (allowed in WEB_FRAME_ANCESTORS)."""
    from bot.web.bench import free_port

    return free_port()


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory, frame_site_port: int) -> Iterator[RunningSite]:
    """Seeds a database and runs `ehrenamt-bot web` on it in a child process, as an operator would."""
    from bot.web.bench import free_port

    data_home = tmp_path_factory.mktemp("web-site")
    seeded = asyncio.run(_seed(data_home))
    port = free_port()
    env = {**os.environ, "DATA_HOME": str(data_home), "BOT_USERNAME": "TestEhrenamtBot",
           "WEB_FRAME_ANCESTORS": f"http://127.0.0.1:{frame_site_port}", "WEB_PUBLIC_URL": f"http://127.0.0.1:{port}"}
    for name in ("DATABASE_URL", "BOT_TOKEN", "WEB_PORT"):
        env.pop(name, None)
    log = (data_home / "web.log").open("wb")
    server = subprocess.Popen(
        [sys.executable, "-c", "from bot.cli import main; raise SystemExit(main())", "web", "--port", str(port)],
        env=env, cwd=data_home, stdout=log, stderr=log,
    )
    base_url = f"http://127.0.0.1:{port}"
    try:
        _wait_until_up(base_url, server, data_home / "web.log")
        yield RunningSite(base_url, data_home, seeded.listing_id, seeded.tricky_id, seeded.paused_id,
                          seeded.pending_id)
    finally:
        server.terminate()
        server.wait(timeout=15)
        log.close()


def _wait_until_up(base_url: str, server: subprocess.Popen[bytes], log: Path) -> None:
    """Polls /healthz until the server answers."""
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"web server stopped: {log.read_text(errors='replace')[-3000:]}")
        try:
            if httpx.get(f"{base_url}/healthz", timeout=2).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.2)
    raise RuntimeError("web server did not start")


@pytest.fixture(scope="session")
def client(site: RunningSite) -> Iterator[httpx.Client]:
    """An HTTP client for the running site (German unless a test asks otherwise)."""
    with httpx.Client(base_url=site.base_url, timeout=10, headers={"Accept-Language": "de-DE,de;q=0.9"}) as http:
        yield http
