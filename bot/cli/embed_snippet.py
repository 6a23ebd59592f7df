"""`ehrenamt-bot embed-snippet --ort Kassel`: one line of HTML a town's website pastes to show the listings."""

from __future__ import annotations

import argparse
import html
import sys
from urllib.parse import urlencode

from bot.categories import categories, category_by_name
from bot.cli.common import settings_or_exit
from bot.domain import TIME_BITS
from bot.texts import t

DEFAULT_HEIGHT = 640


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Adds the embed-snippet command."""
    parser = subparsers.add_parser(
        "embed-snippet", help="print the one-line <iframe> snippet that shows listings on another website")
    parser.add_argument("--ort", required=True, metavar="PLACE", help="place name or postal code, e.g. Kassel")
    parser.add_argument("--bereich", type=_area, metavar="AREA",
                        help="only this area: a taxonomy key or its German or English name "
                             f"(\"Tiere\", \"Animals\"): {', '.join(categories())}")
    parser.add_argument("--umkreis", type=float, metavar="KM", help="radius in km (default from settings)")
    parser.add_argument("--zeit", choices=list(TIME_BITS), metavar="TIME",
                        help=f"only this time: {', '.join(TIME_BITS)}")
    parser.add_argument("--lang", choices=("de", "en"), help="language of the embed (default: the visitor's)")
    parser.add_argument("--hoehe", type=int, default=DEFAULT_HEIGHT, metavar="PX", help="height in pixels")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Checks the place, then prints the snippet (and a hint when no site may frame the embed yet)."""
    from bot.web.places import resolve_place

    settings = settings_or_exit()
    choice = resolve_place(args.ort.strip())
    if choice.guessed:
        names = "; ".join(f"{option.name} ({option.district or option.state})" for option in choice.options)
        raise SystemExit(f"Ort nicht gefunden / unknown place: {args.ort}. Meintest du / did you mean: {names}?")
    if choice.state is not None:  # "Sachsen": the Free State, not the village by Ansbach; a town in it, please
        names = "; ".join(option.name for option in choice.options)
        raise SystemExit(f"„{args.ort}“ ist ein ganzes Bundesland / a whole state: nimm einen Ort darin / use a town "
                         f"in it, e.g. {names}")
    if choice.options:  # namesakes that read alike are named by a town near them (bei Landau / near Landau)
        names = "; ".join(f"{option.name} ({option.district or option.state}"
                          + (f", bei/near {option.near})" if option.near else ")") for option in choice.options)
        raise SystemExit(f"„{args.ort}“ gibt es mehrmals / is ambiguous: {names}. "
                         "Nimm eine Postleitzahl / use a postal code.")
    if choice.place is None:
        raise SystemExit(f"Ort nicht gefunden / unknown place: {args.ort}")
    if args.umkreis is not None and not 1 <= args.umkreis <= 200:
        raise SystemExit("--umkreis braucht 1 bis 200 km / needs 1 to 200 km")
    if not 100 <= args.hoehe <= 4000:
        raise SystemExit("--hoehe braucht 100 bis 4000 Pixel / needs 100 to 4000 pixels")
    if args.bereich:
        print(f"Bereich / area: {args.bereich}", file=sys.stderr)
    params = {"ort": args.ort.strip(), "bereich": args.bereich, "umkreis": _plain(args.umkreis), "zeit": args.zeit,
              "lang": args.lang}
    src = f"{settings.web_base_url()}/embed?" + urlencode({name: value for name, value in params.items() if value})
    title = t(args.lang or "de", "web.iframe_title", place=choice.place.name)
    print(f'<iframe src="{html.escape(src)}" title="{html.escape(title)}" width="100%" height="{args.hoehe}" '
          f'style="border:0;max-width:100%" loading="lazy" referrerpolicy="strict-origin-when-cross-origin">'
          f'</iframe>')
    if not settings.web_frame_ancestors:
        print("Hinweis / note: no site may frame the embed yet; allow yours with "
              "WEB_FRAME_ANCESTORS=https://www.example.org", file=sys.stderr)
    if not settings.web_public_url:
        print("Hinweis / note: WEB_PUBLIC_URL is not set; the snippet points at the local address", file=sys.stderr)
    return 0


def _area(name: str) -> str:
    """Reads --bereich: a taxonomy key or its German or English name, case- and umlaut-insensitive."""
    key = category_by_name(name)
    if key is None:
        raise argparse.ArgumentTypeError(f"unbekannter Bereich / unknown area: {name!r} "
                                         f"(choose from {', '.join(categories())})")
    return key


def _plain(value: float | None) -> str | None:
    """Writes a number without a needless '.0'."""
    if value is None:
        return None
    return str(int(value)) if value == int(value) else str(value)
