"""`ehrenamt-bot demo`: the bot's own Application and handlers in this terminal, without a token or network."""

from __future__ import annotations

import argparse
import asyncio
import sys
from typing import TextIO

from sqlalchemy import func, select
from telegram.ext import Application

from bot.cli.common import settings_or_exit
from bot.cli.lines import valid_text
from bot.domain import OpportunityStatus
from bot.seed import seed_demo
from bot.seed.ads import seed_demo_ads
from bot.seed.demo_member import join_demo_organisation
from bot.store.types import utcnow
from bot.settings import Settings
from bot.store.db import Database, DatabaseUnreachable
from bot.store.models import Opportunity
from bot.telegram.app import build_application, serving
from bot.telegram.flood import FloodGuard
from bot.telegram.local.api import LocalBotApi, LocalRequest
from bot.telegram.local.terminal import Terminal
from bot.telegram.local.updates import Person, UpdateFactory

QUIT = {"quit", "exit", "ende", "/quit", "/exit"}
INTRO = {
    "de": "Demo im Terminal: Schreib, was du suchst. '#3' drückt Knopf [#3], "
          "'standort 51.31 9.49' teilt einen Standort, 'ende' beendet.",
    "en": "Terminal demo: write what you are looking for. '#3' presses button [#3], "
          "'standort 51.31 9.49' shares a location, 'exit' quits.",
}
MEMBER = {
    "de": "Du handelst für die Organisation „{organisation}“: /freiwillige sucht Anzeigen von Freiwilligen.",
    "en": "You act for the organisation “{organisation}”: /volunteers searches volunteers' ads.",
}


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Adds the demo command."""
    parser = subparsers.add_parser(
        "demo", help="chat with the bot in this terminal (no token needed)",
        description="Chats with the bot in this terminal on the configured database: type what you are looking "
                    "for, '#3' presses the button shown as [#3], 'standort 51.31 9.49' shares a location, "
                    "'ende' (or Ctrl-D) stops.")
    parser.add_argument("--lang", choices=("de", "en"), default="de", help="the demo person's Telegram language")
    parser.add_argument("--organisation", action="store_true",
                        help="act for a verified demo organisation, to try /freiwillige and contacting volunteers")
    parser.add_argument("--no-seed", action="store_true",
                        help="leave an empty database empty (no demo data), to see what a fresh install answers")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Runs the terminal chat until the input ends."""
    settings = settings_or_exit()
    try:
        return asyncio.run(chat(settings, lang=getattr(args, "lang", "de"),
                                organisation=getattr(args, "organisation", False),
                                seed=not getattr(args, "no_seed", False)))
    except DatabaseUnreachable as error:
        raise SystemExit(str(error)) from None


async def chat(settings: Settings, *, lang: str = "de", stdin: TextIO = sys.stdin, stdout: TextIO = sys.stdout,
               organisation: bool = False, seed: bool = True) -> int:
    """Feeds typed lines to the Application as updates and prints its answers, on the configured database;
    with `organisation`, the demo person acts for a verified demo organisation; without `seed`, an empty database
    stays empty."""
    database = Database(settings.sqlalchemy_url())
    try:
        await database.prepare()
        if seed:
            await _ensure_listings(database, stdout)
        api = LocalBotApi(username=settings.bot_username)
        # The same Application as `run`; only the transport is local, and one person typing never floods.
        # Nobody reviews a first ad in the terminal unless ADMIN_IDS names someone: it is published at once.
        review = {} if settings.admin_ids else {"ads_review": "none"}
        offline = settings.model_copy(update={"bot_token": None, "telegram_api_base_url": None, **review})
        application = build_application(offline, request=LocalRequest(api), database=database,
                                        flood=FloodGuard(burst=10_000, rate=10_000.0))
        terminal = Terminal(api, stdout, colour=stdout.isatty())
        person = Person(id=424242, first_name="Demo", language_code=lang)
        joined = await join_demo_organisation(database, person.id) if organisation else None
        if joined:
            stdout.write(MEMBER[lang].format(organisation=joined) + "\n")
        async with serving(application):
            factory = UpdateFactory(application.bot, api)
            stdout.write(INTRO[lang] + "\n")
            await application.process_update(factory.message(person, "/start"))
            await _converse(application, terminal, factory, person, stdin, stdout)
    finally:
        await database.close()
    return 0


async def _converse(
    application: Application, terminal: Terminal, factory: UpdateFactory, person: Person,  # type: ignore[type-arg]
    stdin: TextIO, stdout: TextIO,
) -> None:
    """Reads lines until the input ends or the person quits; each line becomes one update."""
    interactive = stdin.isatty()
    while True:
        if interactive:
            stdout.write("\n> ")
            stdout.flush()
        line = await asyncio.to_thread(stdin.readline)
        if not line:
            return
        line = valid_text(line.strip())  # bytes that were no UTF-8 (a terminal's stdin escapes them): replacement marks
        if line.lower() in QUIT:
            return
        if not line:
            continue
        if not interactive:
            stdout.write(f"\n> {line}\n")  # a piped script shows what was typed, like a transcript
        update = terminal.update_for(factory, person, line)
        if update is not None:
            await application.process_update(update)


async def _ensure_listings(database: Database, stdout: TextIO) -> None:
    """Seeds the demo listings when nothing is published yet, so the demo always has something to find."""
    async with database.read_only() as session:
        published = await session.scalar(
            select(func.count()).select_from(Opportunity).where(Opportunity.status == OpportunityStatus.PUBLISHED.value)
        )
    if published:
        return
    stdout.write("Lege Demodaten an / creating demo data …\n")
    stdout.flush()
    report = await seed_demo(database)
    stdout.write(f"{report.listings} Angebote / listings ({report.seconds:.0f} s)\n")
    ads = await seed_demo_ads(database, now=utcnow())
    stdout.write(f"{ads} Anzeigen von Freiwilligen / volunteers' ads\n")
