"""An in-process web server on the test's database, for HTTP-level tests (no browser)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass

import httpx

from bot.store.db import Database
from bot.web.app import WebContext
from bot.web.freshness import DataClock
from bot.web.server import WebServer

ALLOWED_SITE = "https://www.kassel.example"


@dataclass
class Site:
    """A running in-process site and a client for it."""

    context: WebContext
    client: httpx.AsyncClient

    @property
    def base_url(self) -> str:
        """Returns where the site runs."""
        return self.context.base_url


@asynccontextmanager
async def running_site(database: Database) -> AsyncIterator[Site]:
    """Starts the pages on a free loopback port, with a clock that never caches (changes show at once)."""
    context = WebContext(database=database, base_url="", bot_username="TestEhrenamtBot",
                         frame_ancestors=(ALLOWED_SITE,), clock=DataClock(ttl_seconds=0))
    server = WebServer(context, port=0, settle=False)
    port = await server.start()
    context.base_url = f"http://127.0.0.1:{port}"
    try:
        async with httpx.AsyncClient(base_url=context.base_url, timeout=10,
                                     headers={"Accept-Language": "de-DE,de;q=0.9"}) as client:
            yield Site(context, client)
    finally:
        await server.stop()
