"""`ehrenamt-bot run`: the bot with long polling; without BOT_TOKEN it says so and starts the terminal demo."""

from __future__ import annotations

import argparse
import logging
import sys

from telegram import Update
from telegram.error import InvalidToken, NetworkError

from bot.cli import demo
from bot.cli.common import settings_or_exit
from bot.store.migrate import SchemaOutOfDate
from bot.telegram.app import build_application


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Adds the run command."""
    parser = subparsers.add_parser("run", help="run the bot (long polling); without BOT_TOKEN: the terminal demo")
    parser.add_argument("--lang", choices=("de", "en"), default="de", help="language of the demo person")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Polls Telegram (or TELEGRAM_API_BASE_URL) for updates until stopped."""
    settings = settings_or_exit()
    if settings.bot_token is None:
        print("Kein BOT_TOKEN gesetzt: ich starte die Demo im Terminal. / "
              "No BOT_TOKEN set: starting the terminal demo.", file=sys.stderr)
        return demo.run(args)
    logging.getLogger("bot").setLevel(min(logging.getLogger().level, logging.INFO))
    application = build_application(settings)
    where = settings.telegram_api_base_url or "Telegram"
    print(f"ehrenamt-bot läuft / running: long polling at {where}", file=sys.stderr)
    try:
        application.run_polling(allowed_updates=Update.ALL_TYPES)
    except SchemaOutOfDate as error:
        raise SystemExit(str(error)) from None
    except InvalidToken:
        raise SystemExit("Telegram lehnt BOT_TOKEN ab / Telegram refused BOT_TOKEN: check it with @BotFather") from None
    except NetworkError as error:
        raise SystemExit(f"Telegram ist nicht erreichbar / cannot reach {where}: {error}") from None
    return 0
