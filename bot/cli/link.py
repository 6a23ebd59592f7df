"""`ehrenamt-bot link --listing ID | --search "text" [--qr FILE.png] [--poster FILE.pdf|FILE.png]`: a t.me deep
link, its bare QR code, and a printable A4 poster with title, organisation, the code and a caption."""

from __future__ import annotations

import argparse
from pathlib import Path

from bot.cli.common import run_with_database, settings_or_exit
from bot.cli.errors import CommandError
from bot.links import (
    LinkTooLong, carries_whole, deep_link, search_payload, start_payload_for_listing, start_payload_for_search,
)
from bot.listings_view import get_listing_details
from bot.search.model import Refinement
from bot.settings import Settings
from bot.store.db import Database
from bot.store.models import Opportunity
from bot.texts import t


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Adds the link command."""
    parser = subparsers.add_parser(
        "link", help="print a t.me deep link to a listing or a prepared search (and write a QR code)"
    )
    target = parser.add_mutually_exclusive_group(required=True)
    target.add_argument("--listing", type=int, metavar="ID", help="open this listing's details")
    target.add_argument("--search", metavar="TEXT", help='run this search, e.g. "Tierheim Kassel"')
    parser.add_argument("--qr", type=Path, metavar="FILE.png", help="also write the link as a QR code PNG")
    parser.add_argument("--poster", type=Path, metavar="FILE.pdf", help="also write an A4 poster (.pdf or .png)")
    parser.add_argument("--lang", choices=("de", "en"), default="de", help="the poster's language")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Prints the deep link and writes the QR code if asked."""
    if args.poster is not None and args.poster.suffix.lower() not in (".pdf", ".png"):
        raise SystemExit("--poster schreibt .pdf oder .png / writes a .pdf or .png file")
    if args.qr is not None and args.qr.suffix.lower() != ".png":  # a PNG named q.txt or q.svg opens as nothing
        raise SystemExit("--qr schreibt eine .png-Datei / writes a .png file")
    if args.listing is not None:
        link, words = _listing_link(args.listing, args.lang)
    else:
        link, words = _search_link(args.search), (args.search.strip(), "", "")
    print(link)
    if args.qr is not None:
        from bot.links import write_qr_png  # Pillow is loaded only when a picture is wanted

        written = write_qr_png(link, args.qr)
        print(f"QR-Code / QR code: {written}")
    if args.poster is not None:
        from bot.links.poster import PosterText, write_poster

        title, organisation, place = words
        settings = settings_or_exit()
        text = PosterText(title=title, organisation=organisation, place=place,
                          caption=t(args.lang, "poster.caption_listing" if args.listing else "poster.caption_search"),
                          footer=t(args.lang, "poster.footer", bot=settings.bot_username))
        print(f"Plakat / poster: {write_poster(link, text, args.poster)}")
    return 0


def _listing_link(opportunity_id: int, lang: str) -> tuple[str, tuple[str, str, str]]:
    """Returns the link to a listing and its title, organisation and place, after checking that it is shown."""

    async def work(database: Database, settings: Settings) -> tuple[str, tuple[str, str, str]]:
        async with database.read_only() as session:
            details = await get_listing_details(session, opportunity_id, lang=lang)
            if details is None:
                if await session.get(Opportunity, opportunity_id) is None:  # a mistyped id is said as such
                    raise CommandError(f"Es gibt kein Angebot {opportunity_id} / there is no listing {opportunity_id}")
                raise CommandError(
                    f"Angebot {opportunity_id} ist nicht veröffentlicht oder abgelaufen / "
                    f"listing {opportunity_id} is not published or has expired"
                )
        place = details.place or t(lang, "poster.online")
        link = deep_link(settings.bot_username, start_payload_for_listing(opportunity_id))
        return link, (details.title, details.organisation, place)

    if opportunity_id <= 0:
        raise SystemExit("--listing braucht eine positive Zahl / needs a positive id")
    return run_with_database(work)


def _search_link(text: str) -> str:
    """Returns the link to a prepared search; a search too long to inline is stored in the database."""
    if not text.strip():
        raise SystemExit("--search braucht einen Text / needs a text")
    if carries_whole(text):  # emoji ("🐶🐱") or another script ("عربي") the link's alphabet would drop: stored, as a
        # long text
        try:
            return deep_link(settings_or_exit().bot_username, start_payload_for_search(text, Refinement()))
        except LinkTooLong:
            pass

    async def work(database: Database, settings: Settings) -> str:
        async with database.unit_of_work() as session:
            payload = await search_payload(session, text, Refinement())
        return deep_link(settings.bot_username, payload)

    return run_with_database(work)
