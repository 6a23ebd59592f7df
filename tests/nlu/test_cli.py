"""`ehrenamt-bot parse` and `ehrenamt-bot bench nlu` (run through their modules)."""

from __future__ import annotations

import argparse
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.cli import bench_nlu
from bot.cli import parse as parse_command
from bot.domain import MAX_QUERY_CHARS


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
    assert "Wenig Deutsch" not in out


def test_readable_mode_says_when_listings_without_much_german_are_wanted(capsys: pytest.CaptureFixture[str]) -> None:
    assert parse_command.run(argparse.Namespace(text=["ich", "spreche", "kaum", "Deutsch,", "Tierheim"],
                                                json=False)) == 0
    assert "Wenig Deutsch:  ja" in capsys.readouterr().out


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


def _run_on_bytes(stdin: bytes, monkeypatch: pytest.MonkeyPatch, *, encoding: str = "ascii") -> bytes:
    """Runs `parse --json -` on raw stdin bytes with a stdout that starts out in another encoding."""
    out = io.BytesIO()
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(stdin), encoding=encoding))
    monkeypatch.setattr("sys.stdout", io.TextIOWrapper(out, encoding=encoding, write_through=True))
    assert parse_command.run(argparse.Namespace(text=["-"], json=True)) == 0
    return out.getvalue()


LINE_BYTES = st.binary(max_size=80).map(lambda raw: raw.replace(b"\n", b" "))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(lines=st.lists(LINE_BYTES, min_size=1, max_size=6))
def test_any_bytes_give_one_valid_utf8_json_line_per_input_line(lines: list[bytes],
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    out = _run_on_bytes(b"\n".join(lines) + b"\n", monkeypatch)
    written = out.decode("utf-8").split("\n")  # strict: any invalid byte fails here
    assert written[-1] == "" and len(written) - 1 == len(lines)
    for raw, line in zip(lines, written, strict=False):
        assert len(line.splitlines()) == 1  # no raw U+2028 or NEL that a reader could take for a line break
        assert json.loads(line)["text"] == raw.decode("utf-8", errors="replace").rstrip("\r")


def test_a_line_longer_than_the_chat_takes_gets_an_error_object_in_its_place(monkeypatch: pytest.MonkeyPatch) -> None:
    long = "Tiere " * 200
    out = _run_on_bytes(f"Tierheim Kassel\n{long}\nI speak Arabic".encode(), monkeypatch)
    first, refused, third = (json.loads(line) for line in out.decode("utf-8").splitlines())
    assert first["categories"] == ["animals"] and third["languages"] == ["ar"]
    assert refused["error"] == "too_long" and refused["limit"] == MAX_QUERY_CHARS and refused["length"] == len(long)
    assert "500" in refused["message"]


def test_an_argument_with_bytes_that_are_no_utf8_is_read_with_replacement(monkeypatch: pytest.MonkeyPatch) -> None:
    out = io.BytesIO()
    monkeypatch.setattr("sys.stdout", io.TextIOWrapper(out, encoding="latin-1", write_through=True))
    word = b"Tierheim\xff\xfe".decode("utf-8", errors="surrogateescape")  # how Python hands such an argument over
    assert parse_command.run(argparse.Namespace(text=[word, "Kassel"], json=True)) == 0
    assert json.loads(out.getvalue().decode("utf-8"))["text"] == "Tierheim\ufffd\ufffd Kassel"


def test_strict_utf8_stdio_in_a_real_process_keeps_the_whole_batch(tmp_path: Path) -> None:
    stdin = b"Tierheim Kassel\n\xff\xfe kaputt \xc3\n\xed\xa0\x80\nI speak Arabic\r\n" + b"x" * 600 + b"\n"
    done = subprocess.run(
        [sys.executable, "-c", "import sys; from bot.cli import main; sys.exit(main())", "parse", "--json", "-"],
        input=stdin, capture_output=True, timeout=120, cwd=tmp_path,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )
    assert done.returncode == 0, done.stderr.decode(errors="replace")
    lines = [json.loads(line) for line in done.stdout.decode("utf-8").split("\n")[:-1]]
    assert len(lines) == 5
    assert lines[0]["place"]["name"] == "Kassel" and lines[1]["text"] == "\ufffd\ufffd kaputt \ufffd"
    assert lines[2]["text"] == "\ufffd\ufffd\ufffd" and lines[3]["languages"] == ["ar"]
    assert lines[4]["error"] == "too_long"
