"""`ehrenamt-bot parse`: show what the NLU reads from free text (one message, or one per stdin line)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, TextIO

from bot.cli.lines import argument_text, input_lines, json_line, too_long, utf8_output

if TYPE_CHECKING:  # the NLU loads spaCy: import it only when the command runs, not for `--help`
    from nlu import ParsedQuery


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Adds the parse command."""
    parser = subparsers.add_parser(
        "parse", help="show what the NLU understands in a message",
        description='Parses a message ("Tierheim in Kassel am Wochenende") into categories, place, radius, time, '
                    'languages, remote and keywords. With "-" reads one message per line from stdin.',
    )
    parser.add_argument("text", nargs="+", help='the message, or "-" to read one message per stdin line')
    parser.add_argument("--json", action="store_true", help="print one JSON object per message (one per line)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Parses each message and prints it, flushing after every line so pipes see results at once.

    A message longer than the chat takes as a search is not parsed: its line gets an error object instead.
    """
    from bot.domain import MAX_QUERY_CHARS
    from nlu import load, parse

    load()
    utf8_output(sys.stdout)
    for message in _messages(args.text, sys.stdin):
        if len(message) > MAX_QUERY_CHARS:
            refusal = too_long(message, MAX_QUERY_CHARS)
            sys.stdout.write(json_line(refusal) if args.json else f"{refusal['message']}\n\n")
        elif args.json:
            sys.stdout.write(json_line(parse(message).to_dict()))
        else:
            write_readable(parse(message), sys.stdout)
        sys.stdout.flush()
    return 0


def _messages(words: list[str], stdin: TextIO) -> Iterator[str]:
    """Yields the message from the arguments, or every stdin line (without its line break) for "-"."""
    if words == ["-"]:
        yield from input_lines(stdin)
    else:
        yield argument_text(words)


def write_readable(query: ParsedQuery, out: TextIO) -> None:
    """Writes a parsed query for a person to read."""
    from nlu.kernel.taxonomy import category


    def labels(keys: Iterable[str]) -> str:
        return ", ".join(f"{category(k).emoji} {category(k).de} ({k})" for k in keys) or "–"

    out.write(f"Nachricht:      {query.text}\n")
    out.write(f"Sprache:        {query.lang}\n")
    out.write(f"Interessen:     {labels(query.categories)}\n")
    if query.exclude_categories:
        out.write(f"Ausgeschlossen: {labels(query.exclude_categories)}\n")
    out.write(f"Ort:            {_place_line(query)}\n")
    out.write(f"Umkreis:        {f'{query.radius_km:g} km' if query.radius_km else '–'}\n")
    out.write(f"Zeit:           {', '.join(query.time) or '–'}\n")
    out.write(f"Sprachen:       {', '.join(query.languages) or '–'}\n")
    if query.needs_little_german:
        out.write("Wenig Deutsch:  ja (Angebote, die ohne viel Deutsch gehen)\n")
    out.write(f"Online:         {'ja' if query.remote else 'nein'}\n")
    out.write(f"Stichwörter:    {', '.join(query.keywords) or '–'}\n\n")


def _place_line(query: ParsedQuery) -> str:
    """Describes the place, its postal code, a typo correction and ambiguous alternatives."""
    place = query.place
    if place is None:
        return "–"
    line = f"{place.name} ({place.state}{', ' + place.postal_code if place.postal_code else ''})"
    if query.place_uncertain:
        line += " – per Tippfehlerkorrektur, bitte bestätigen"
    if query.place_candidates:
        others = "; ".join(f"{c.name} ({c.state})" for c in query.place_candidates[1:])
        line += f"\n                mehrdeutig, auch: {others}"
    return line
