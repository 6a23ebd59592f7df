"""The `ehrenamt-bot` console command: one module per subcommand, registered in the order below."""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
from collections.abc import Sequence

from bot.cli.errors import CommandError

# Subcommand modules (bot.cli.<name>); each exposes register(subparsers) and sets func=run on its parser.
COMMANDS: list[str] = [
    "db",
    "places",
    "exchange",
    "link",
    "run",
    "demo",
    "seed",
    "parse",
    "broadcast",
    "search",
]
# Benchmarks live under `ehrenamt-bot bench <what>`; each module exposes register_bench(bench_subparsers).
BENCHMARKS: list[str] = ["bench_nlu", "bench_broadcast", "bench_bot", "bench_search"]


def build_parser() -> argparse.ArgumentParser:
    """Builds the argument parser from the command modules that are present."""
    parser = argparse.ArgumentParser(
        prog="ehrenamt-bot", description="Find volunteering opportunities in Germany: bot, data and tools."
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="log more")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS:
        _module(name).register(subparsers)
    bench = subparsers.add_parser("bench", help="benchmarks that print figures")
    bench_subparsers = bench.add_subparsers(dest="benchmark", metavar="WHAT", required=True)
    for name in BENCHMARKS:
        _module(name).register_bench(bench_subparsers)
    return parser


def _module(name: str):  # type: ignore[no-untyped-def]
    """Imports one command module (lazily, so `--help` stays fast and one broken module is named)."""
    return importlib.import_module(f"bot.cli.{name}")


def main(argv: Sequence[str] | None = None) -> int:
    """Runs the command line; returns the exit code."""
    args = build_parser().parse_args(argv)
    logging.basicConfig(
        level=logging.DEBUG if args.verbose else logging.WARNING,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    if not getattr(args, "func", None):
        build_parser().print_help()
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
