"""`ehrenamt-bot web [--port N]`: the public pages, feeds and embed, without the bot (see bot/web)."""

from __future__ import annotations

import argparse
import asyncio
import signal
import sys

from bot.cli.common import run_with_database
from bot.cli.errors import CommandError
from bot.settings import DEFAULT_WEB_PORT, Settings
from bot.store.db import Database


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Adds the web command."""
    parser = subparsers.add_parser(
        "web", help="serve the listing pages, the search, the feeds and the embed (GET /healthz for monitors)")
    parser.add_argument("--port", type=int, metavar="N",
                        help=f"port to listen on (default: WEB_PORT, else {DEFAULT_WEB_PORT}; 0 picks a free one)")
    parser.add_argument("--listen", metavar="ADDRESS", help="address to listen on (default: WEB_LISTEN, 127.0.0.1)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Serves the pages until SIGINT or SIGTERM."""
    if args.port is not None and not 0 <= args.port <= 65535:
        raise SystemExit("--port braucht eine Zahl von 0 bis 65535 / needs a number from 0 to 65535")

    async def work(database: Database, settings: Settings) -> None:
        from bot.web.app import WebContext
        from bot.web.server import WebServer

        port = args.port if args.port is not None else settings.web_port or DEFAULT_WEB_PORT
        server = WebServer(WebContext.from_settings(settings, database, port=port or None), port=port,
                           address=args.listen or settings.web_listen)
        try:
            bound = await server.start()
        except OSError as error:  # the port is taken, or the address is not this machine's
            raise CommandError(f"Kann nicht auf {server.address}:{port} lauschen / cannot listen on "
                               f"{server.address}:{port}: {error.strerror or error}") from None
        if port == 0:
            server.context.base_url = settings.web_public_url or f"http://{server.address}:{bound}"
        print(f"Webseiten laufen / web pages running: http://{server.address}:{bound}/suche", file=sys.stderr,
              flush=True)
        await _until_stopped()
        await server.stop()

    run_with_database(work)
    return 0


async def _until_stopped() -> None:
    """Waits for SIGINT or SIGTERM."""
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for name in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(name, stop.set)
    await stop.wait()
