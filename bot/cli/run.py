"""`ehrenamt-bot run`: the bot with long polling (or a webhook); without BOT_TOKEN it starts the terminal demo."""

from __future__ import annotations

import argparse
import logging
import sys
from urllib.parse import urlparse

from telegram import Update
from telegram.error import InvalidToken, NetworkError
from telegram.ext import Application

from bot.cli import demo
from bot.cli.common import settings_or_exit
from bot.settings import Settings
from bot.store.migrate import SchemaOutOfDate
from bot.telegram.app import build_application


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Adds the run command."""
    parser = subparsers.add_parser(
        "run", help="run the bot (long polling, or a webhook with WEBHOOK_URL); without BOT_TOKEN: the terminal demo")
    parser.add_argument("--lang", choices=("de", "en"), default="de", help="language of the demo person")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Takes updates from Telegram (or TELEGRAM_API_BASE_URL) until stopped: polling, or a webhook."""
    settings = settings_or_exit()
    if settings.bot_token is None:
        print("Kein BOT_TOKEN gesetzt: ich starte die Demo im Terminal. / "
              "No BOT_TOKEN set: starting the terminal demo.", file=sys.stderr)
        return demo.run(args)
    logging.getLogger("bot").setLevel(min(logging.getLogger().level, logging.INFO))
    application = build_application(settings)
    if settings.web_port is not None:
        from bot.web.server import attach_to_bot  # the pages too, in the same event loop

        attach_to_bot(application, settings)
    where = settings.telegram_api_base_url or "Telegram"
    try:
        if settings.webhook_url:
            _run_webhook(application, settings)
        else:
            print(f"ehrenamt-bot läuft / running: long polling at {where}", file=sys.stderr)
            application.run_polling(allowed_updates=Update.ALL_TYPES)
    except SchemaOutOfDate as error:
        raise SystemExit(str(error)) from None
    except InvalidToken:
        raise SystemExit("Telegram lehnt BOT_TOKEN ab / Telegram refused BOT_TOKEN: check it with @BotFather") from None
    except NetworkError as error:
        raise SystemExit(f"Telegram ist nicht erreichbar / cannot reach {where}: {error}") from None
    return 0


def _run_webhook(application: Application, settings: Settings) -> None:  # type: ignore[type-arg]
    """Serves Telegram's webhook: every process may do so behind one URL, sharing the database.

    Each process registers the same URL at start (setWebhook is idempotent) and leaves it registered when it
    stops, so the others keep receiving updates. Updates without the secret token are refused (403).
    """
    assert settings.webhook_url is not None and settings.webhook_secret is not None
    print(f"ehrenamt-bot läuft / running: webhook {settings.webhook_url} "
          f"(listening on {settings.webhook_listen}:{settings.webhook_port})", file=sys.stderr)
    application.run_webhook(
        listen=settings.webhook_listen, port=settings.webhook_port,
        url_path=urlparse(settings.webhook_url).path.lstrip("/"), webhook_url=settings.webhook_url,
        secret_token=settings.webhook_secret.get_secret_value(), allowed_updates=Update.ALL_TYPES,
    )
