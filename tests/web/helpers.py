"""An in-process web server on the test's database, for HTTP-level tests (no browser)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any

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
async def served(context: WebContext, **client: Any) -> AsyncIterator[httpx.AsyncClient]:
    """Serves the pages of this context on a free loopback port in this event loop and gives a client for them
    (`client`: more options of httpx.AsyncClient, such as headers)."""
    server = WebServer(context, port=0, settle=False)
    port = await server.start()
    try:
        async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}", timeout=10, **client) as http:
            yield http
    finally:
        await server.stop()


@asynccontextmanager
async def operators_pages(database: Database) -> AsyncIterator[httpx.AsyncClient]:
    """Serves the pages as an operator's defaults do (kept pages on, the data clock at its own pace)."""
    async with served(WebContext(database=database, base_url="http://127.0.0.1",
                                 bot_username="ehrenamt_test_bot")) as http:
        yield http


@asynccontextmanager
async def running_site(database: Database) -> AsyncIterator[Site]:
    """Starts the pages on a free loopback port, with a clock that never caches (changes show at once)."""
    context = WebContext(database=database, base_url="", bot_username="TestEhrenamtBot",
                         frame_ancestors=(ALLOWED_SITE,), clock=DataClock(ttl_seconds=0))
    async with served(context, headers={"Accept-Language": "de-DE,de;q=0.9"}) as client:
        context.base_url = str(client.base_url).rstrip("/")
        yield Site(context, client)
