"""`ehrenamt-bot parse` and `ehrenamt-bot bench nlu` (run through their modules)."""

from __future__ import annotations

import argparse
import io
import json

import pytest

from bot.cli import bench_nlu
from bot.cli import parse as parse_command


def test_json_mode_writes_one_object_per_stdin_line_in_order(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("Tierheim Kassel\n\nI speak Arabic\n"))
    assert parse_command.run(argparse.Namespace(text=["-"], json=True)) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 3
    first, empty, third = (json.loads(line) for line in lines)
    assert first["categories"] == ["animals"] and first["place"]["name"] == "Kassel"
    assert empty["categories"] == [] and empty["text"] == ""
    assert third["languages"] == ["ar"] and third["lang"] == "en"


def test_readable_mode_names_the_slots(capsys: pytest.CaptureFixture[str]) -> None:
    assert parse_command.run(argparse.Namespace(text=["Tierheim", "in", "Neustadt"], json=False)) == 0
    out = capsys.readouterr().out
    assert "Tiere (animals)" in out and "Neustadt" in out and "mehrdeutig" in out


def test_parser_registration() -> None:
    parser = argparse.ArgumentParser()
    subparsers = parser.add_subparsers()
    parse_command.register(subparsers)
    bench = subparsers.add_parser("bench").add_subparsers()
    bench_nlu.register_bench(bench)
    args = parser.parse_args(["parse", "--json", "-"])
    assert args.func is parse_command.run and args.json and args.text == ["-"]
    assert parser.parse_args(["bench", "nlu", "--repeat", "2"]).repeat == 2


def test_bench_helpers() -> None:
    assert bench_nlu.percentile([1.0, 2.0, 3.0, 4.0], 0.5) == 2.0
    assert bench_nlu.percentile([1.0, 2.0, 3.0, 4.0], 0.95) == 4.0
    assert 10 < bench_nlu.resident_mb() < 10_000
