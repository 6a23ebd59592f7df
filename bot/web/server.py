"""Serving the web pages in a running event loop: alone (`ehrenamt-bot web`) or beside the bot (`run`)."""

from __future__ import annotations

import asyncio
import logging
import socket
import sys
from typing import Any

import tornado.httpserver

from nlu.kernel.loaded import settle
from bot.search.understanding import parse_text
from bot.settings import Settings
from bot.store.db import Database
from bot.web.app import WebContext, make_app
from bot.web.places import resolve_place

log = logging.getLogger(__name__)
WEB_SERVER_KEY = "web_server"


class WebServer:
    """The HTTP server of the pages: started and stopped in the caller's event loop."""

    def __init__(self, context: WebContext, *, port: int, address: str = "127.0.0.1", settle: bool = True) -> None:
        self.context = context
        self.port = port
        self.address = address
        # a long-running server settles its loaded objects (nlu.kernel.loaded); a test process starting many servers
        # does not: each freeze would keep every test's objects out of collection until the run ends
        self.settle = settle
        self._server: tornado.httpserver.HTTPServer | None = None

    async def start(self) -> int:
        """Warms up (NLU, gazetteer, index words, templates), then listens; returns the port (0 picks a free one)."""
        await self.warm_up()
        self._server = tornado.httpserver.HTTPServer(make_app(self.context), xheaders=False,
                                                     idle_connection_timeout=60, body_timeout=10)
        listening = listen(self.address, self.port)
        self._server.add_sockets([listening])
        self.port = int(listening.getsockname()[1])
        log.info("web pages on http://%s:%d", self.address, self.port)
        return self.port

    async def warm_up(self) -> None:
        """Loads what the first search needs, so the first visitor does not wait."""
        await asyncio.to_thread(parse_text, "Tierheim in Kassel am Wochenende")
        resolve_place("Kassel")
        async with self.context.database.read_only() as session:
            await self.context.searches.vocabularies.get(session)
        for name in ("search.html", "listing.html", "embed.html", "error.html"):
            self.context.templates.get_template(name)
        if self.settle:
            settle()

    async def stop(self) -> None:
        """Stops listening and closes open connections."""
        if self._server is not None:
            self._server.stop()
            await self._server.close_all_connections()
            self._server = None


def listen(address: str, port: int) -> socket.socket:
    """Opens the listening socket; on failure (port taken, foreign address) it is closed before the error rises."""
    family = socket.AF_INET6 if ":" in address else socket.AF_INET
    listening = socket.socket(family, socket.SOCK_STREAM)
    try:
        listening.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listening.bind((address, port))
        listening.listen(128)
        listening.setblocking(False)
    except OSError:
        listening.close()
        raise
    return listening


def attach_to_bot(application: Any, settings: Settings) -> None:
    """Serves the pages inside `run` (WEB_PORT set): started after the bot's own start, stopped before its end.

    The pages open their own engine on the same database, so they depend on nothing inside the bot's edge.
    """
    bot_init, bot_shutdown = application.post_init, application.post_shutdown
    assert settings.web_port is not None

    async def post_init(app: Any) -> None:
        if bot_init is not None:
            await bot_init(app)  # migrates SQLite on first use, so the pages start on a current schema
        database = Database(settings.sqlalchemy_url())
        server = WebServer(WebContext.from_settings(settings, database), port=settings.web_port or 0,
                           address=settings.web_listen)
        await server.start()
        app.bot_data[WEB_SERVER_KEY] = server
        print(f"Webseiten / web pages: {settings.web_base_url()}", file=sys.stderr)

    async def post_shutdown(app: Any) -> None:
        server = app.bot_data.pop(WEB_SERVER_KEY, None)
        if server is not None:
            await server.stop()
            await server.context.database.close()
        if bot_shutdown is not None:
            await bot_shutdown(app)

    application.post_init = post_init
    application.post_shutdown = post_shutdown
