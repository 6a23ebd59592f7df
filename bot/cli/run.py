"""`ehrenamt-bot run`: the bot with long polling (or a webhook); without BOT_TOKEN it starts the terminal demo."""

from __future__ import annotations

import argparse
import logging
import signal
import sys

from bot.cli import demo
from bot.cli.common import settings_or_exit
from bot.store.db import DatabaseUnreachable
from bot.store.migrate import SchemaOutOfDate
from bot.telegram import lifecycle
from bot.telegram.app import build_application
from bot.telegram.startup import TokenRefused


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Adds the run command."""
    parser = subparsers.add_parser(
        "run", help="run the bot (long polling, or a webhook with WEBHOOK_URL); without BOT_TOKEN: the terminal demo",
        description="Runs the bot with the settings of the environment (or .env): long polling, or a webhook with "
                    "WEBHOOK_URL and WEBHOOK_SECRET; the web pages too with WEB_PORT, /healthz and /metrics with "
                    "METRICS_PORT. Without BOT_TOKEN it starts the terminal demo. SIGTERM or Ctrl-C stops it.")
    parser.add_argument("--lang", choices=("de", "en"), default="de", help="language of the demo person")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Takes updates from Telegram (or TELEGRAM_API_BASE_URL) until stopped: polling, or a webhook.

    Telegram unreachable at start is retried (and said) until it answers; only a refused token or an outdated
    schema stops the process. SIGTERM or SIGINT stops it within seconds at any moment (bot.telegram.lifecycle).
    """
    lifecycle.catch_signals_early()
    try:
        settings = settings_or_exit()
        if settings.bot_token is None:
            print("Kein BOT_TOKEN gesetzt: ich starte die Demo im Terminal. / "
                  "No BOT_TOKEN set: starting the terminal demo.", file=sys.stderr)
            for sig in (signal.SIGTERM, signal.SIGINT):
                signal.signal(sig, signal.default_int_handler)  # the demo stops on either as on Ctrl-C
            return demo.run(args)
        logging.getLogger("bot").setLevel(min(logging.getLogger().level, logging.INFO))
        application = build_application(settings)
        if settings.web_port is not None:
            from bot.web.server import attach_to_bot  # the pages too, in the same event loop

            attach_to_bot(application, settings)
        lifecycle.exit_now(lifecycle.run(application, settings))
        return 0  # not reached
    except lifecycle.Stopped as stopped:
        print(f"ehrenamt-bot gestoppt / stopped ({stopped}) before it started", file=sys.stderr)
        return 0
    except (SchemaOutOfDate, DatabaseUnreachable, lifecycle.CannotListen) as error:
        raise SystemExit(str(error)) from None
    except TokenRefused:
        raise SystemExit("Telegram lehnt BOT_TOKEN ab (401) / Telegram refused BOT_TOKEN: "
                         "check it with @BotFather") from None
