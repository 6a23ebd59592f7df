"""The `ehrenamt-bot` console command: one module per subcommand, registered in the order below."""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
from collections.abc import Sequence

from bot.cli.errors import CommandError
from bot.cli.parsing import CommandParser

# Subcommand modules (bot.cli.<name>); each exposes register(subparsers) and sets func=run on its parser.
COMMANDS: list[str] = [
    "db",
    "places",
    "exchange",
    "sync",
    "link",
    "run",
    "demo",
    "seed",
    "parse",
    "broadcast",
    "search",
    "web",
    "embed_snippet",
]
# Benchmarks live under `ehrenamt-bot bench <what>`; each module exposes register_bench(bench_subparsers).
BENCHMARKS: list[str] = ["bench_nlu", "bench_broadcast", "bench_bot", "bench_search", "bench_import", "bench_web"]

# The help lines `ehrenamt-bot --help` lists, by module, exactly as each module registers them
# (tests/test_cli_commands.py compares). With them, a command imports only its own module: the others load
# spaCy, Telegram or SQLAlchemy, seconds of start-up for nothing. A module missing here registers itself.
HELP_LINES: dict[str, tuple[tuple[str, str], ...]] = {
    "db": (("db", "database schema: upgrade, downgrade, current"),),
    "places": (("places", "list the German places with a name (or the place of a postal code)"),),
    "exchange": (("import", "import listings from a CSV or JSON file (upsert by source and id)"),
                 ("export", "export listings with their organisation as JSON or CSV")),
    "sync": (("sync", "import a source's feed from its configured URL or file"),),
    "link": (("link", "print a t.me deep link to a listing or a prepared search (and write a QR code)"),),
    "run": (("run", "run the bot (long polling, or a webhook with WEBHOOK_URL); without BOT_TOKEN: "
                    "the terminal demo"),),
    "demo": (("demo", "chat with the bot in this terminal (no token needed)"),),
    "seed": (("seed", "fill the database with demo listings (--demo) or benchmark listings (--count N)"),),
    "parse": (("parse", "show what the NLU understands in a message"),),
    "broadcast": (("broadcast", "announcements: send, list, status, cancel, resume"),),
    "search": (("search", "find opportunities for a free-text request"),),
    "bench_nlu": (("nlu", "time the NLU on the labelled messages"),),
    "bench_broadcast": (("broadcast", "broadcast delivery rate, duplicates and memory"),),
    "bench_bot": (("bot", "free-text updates per second through the whole bot"),),
    "bench_search": (("search", "search latency and relevance against a brute-force scan"),),
    "bench_import": (("import", "listings per second importing a freinet CSV export (with category inference)"),),
    "web": (("web", "serve the listing pages, the search, the feeds and the embed (GET /healthz for monitors)"),),
    "embed_snippet": (("embed-snippet", "print the one-line <iframe> snippet that shows listings on another website"),),
    "bench_web": (("web", "listing pages and regional searches: p95 and requests per second, kept pages off and on"),),
}


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """Builds the argument parser: with argv, only the module of the command in it is imported; without, all."""
    chosen = _chosen(argv) if argv is not None else None
    parser = argparse.ArgumentParser(
        prog="ehrenamt-bot", description="Find volunteering opportunities in Germany: bot, data and tools."
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="log more")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=CommandParser)
    command = None if chosen is None else chosen[:1]
    benchmark = None if chosen is None else chosen[1:2] if command == ["bench"] else []
    for name in COMMANDS:
        _register(subparsers, name, "register", command)
    bench = subparsers.add_parser("bench", help="benchmarks that print figures")
    bench_subparsers = bench.add_subparsers(dest="benchmark", metavar="WHAT", required=True)
    for name in BENCHMARKS:
        _register(bench_subparsers, name, "register_bench", benchmark)
    return parser


def _register(subparsers: argparse._SubParsersAction[CommandParser], module: str, how: str,
              chosen: list[str] | None) -> None:
    """Lets the module register its commands if one was chosen (or all are wanted), else lists them by name."""
    lines = HELP_LINES.get(module)
    if chosen is None or lines is None or any(command in chosen for command, _ in lines):
        getattr(_module(module), how)(subparsers)
        return
    for command, help_line in lines:
        subparsers.add_parser(command, help=help_line)


def _chosen(argv: Sequence[str]) -> list[str]:
    """Returns the command and sub-command words of the command line (the options before them take no value)."""
    words = [word for word in argv if not word.startswith("-")]
    return words[:2]


def _module(name: str):  # type: ignore[no-untyped-def]
    """Imports one command module (lazily, so `--help` stays fast and one broken module is named)."""
    return importlib.import_module(f"bot.cli.{name}")


def main(argv: Sequence[str] | None = None) -> int:
    """Runs the command line; returns the exit code."""
    words = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser(words)
    args = parser.parse_args(words)
    logging.basicConfig(
        level=logging.DEBUG if args.verbose else logging.WARNING,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        return int(args.func(args) or 0)
    except KeyboardInterrupt:
        print("\nabgebrochen / interrupted", file=sys.stderr)
        return 130
    except CommandError as error:  # a refusal found before the database is opened: one line, no traceback
        raise SystemExit(str(error)) from None
    except BrokenPipeError:
        return 0
