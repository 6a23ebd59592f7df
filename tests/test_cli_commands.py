"""`ehrenamt-bot`: each command imports only what it needs, and `--help` lists every command as its module does."""

from __future__ import annotations

import argparse
import importlib
import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from bot.cli import BENCHMARKS, COMMANDS, HELP_LINES, build_parser

HEAVY = ("spacy", "telegram", "sqlalchemy", "alembic")


def _help_lines(parser: argparse.ArgumentParser) -> list[tuple[str, str]]:
    subparsers = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return [(choice.dest, str(choice.help)) for choice in subparsers._choices_actions]


def test_the_help_lines_are_the_ones_the_modules_register() -> None:
    for module in COMMANDS + BENCHMARKS:
        parser = argparse.ArgumentParser()
        subparsers = parser.add_subparsers()
        command = importlib.import_module(f"bot.cli.{module}")
        (command.register_bench if module.startswith("bench_") else command.register)(subparsers)
        assert _help_lines(parser) == list(HELP_LINES[module]), module


def test_the_full_parser_and_the_lazy_one_print_the_same_help() -> None:
    assert build_parser().format_help() == build_parser(["--help"]).format_help()
    bench: Callable[[Any], str] = lambda parser: parser._subparsers._group_actions[0].choices["bench"].format_help()  # noqa: E731
    assert bench(build_parser()) == bench(build_parser(["bench", "--help"]))


@pytest.mark.parametrize(("argv", "kept_out"), [
    (["--help"], HEAVY),
    (["places", "Kassel"], HEAVY),
    (["parse", "Tierheim Kassel"], ("telegram", "sqlalchemy", "alembic")),
    (["bench", "--help"], HEAVY),
])
def test_a_command_loads_only_what_it_needs(argv: list[str], kept_out: tuple[str, ...], tmp_path: Path) -> None:
    script = ("import json, sys\nfrom bot.cli import main\ntry:\n    main(sys.argv[1:])\nexcept SystemExit:\n    pass\n"
              "print(json.dumps(sorted({m.split('.')[0] for m in sys.modules})), file=sys.stderr)")
    done = subprocess.run([sys.executable, "-c", script, *argv], capture_output=True, text=True, timeout=120,
                          cwd=tmp_path)
    loaded = set(json.loads(done.stderr.strip().splitlines()[-1]))
    assert not loaded & set(kept_out), sorted(loaded & set(kept_out))



def _undocumented(parser: argparse.ArgumentParser, path: str) -> list[str]:
    """Returns the arguments of a parser and its subcommands that show no help text in `--help`."""
    missing = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                missing += _undocumented(sub, f"{path} {name}")
        elif not isinstance(action, argparse._HelpAction) and not action.help:
            missing.append(f"{path} {'/'.join(action.option_strings) or action.dest}")
    return missing


def test_every_argument_of_every_command_says_what_it_is() -> None:
    # whoever runs the bot next reads --help; "broadcast status broadcast_id" alone says nothing
    assert _undocumented(build_parser(), "ehrenamt-bot") == []


@pytest.mark.parametrize(("command", "says"), [("run", "Without BOT_TOKEN it starts the terminal demo"),
                                               ("demo", "'#3' presses the button shown as [#3]")])
def test_run_and_demo_say_what_they_do_in_their_own_help(command: str, says: str) -> None:
    parser = build_parser([command])
    subcommands = next(action for action in parser._actions if isinstance(action, argparse._SubParsersAction))
    assert says in " ".join(subcommands.choices[command].format_help().split())
