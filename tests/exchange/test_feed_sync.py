"""`ehrenamt-bot sync SOURCE` for scheduled runs, and progress that shows off a terminal too."""

from __future__ import annotations

import http.server
import io
import json
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import bot.cli.common  # noqa: F401  (its Progress binds sys.stderr when imported: before capsys swaps it)
from bot.cli import main
from bot.cli.feed_import import ProgressLog

FEED = Path(__file__).parent / "fixtures" / "feeds" / "freinet_hamburg.csv"


@pytest.fixture(autouse=True)
def sources(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("DATA_HOME", str(tmp_path / "var"))
    monkeypatch.delenv("DATABASE_URL", raising=False)
    folder = tmp_path / "sources"
    folder.mkdir()
    monkeypatch.setenv("EXCHANGE_SOURCES_DIR", str(folder))
    return folder


@pytest.fixture
def feed_server() -> Iterator[str]:
    """Serves the fixture feed on a local port (and a 404 for anything else)."""

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 (the standard library's name)
            if self.path != "/export.csv":
                self.send_error(404)
                return
            body = FEED.read_bytes()
            self.send_response(200)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def published(capsys: pytest.CaptureFixture[str]) -> list[dict[str, Any]]:
    assert main(["export"]) == 0
    records: list[dict[str, Any]] = json.loads(capsys.readouterr().out)
    return records


def write_source(folder: Path, feed: str) -> None:
    (folder / "elbufer.toml").write_text(f'agency = "Freiwilligenagentur Elbufer"\nphone = "+49 30 1234 5815"\n'
                                         f'feed = "{feed}"\n', encoding="utf-8")


def test_sync_imports_a_file_feed_and_a_second_run_changes_nothing(
    sources: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (sources / "export.csv").write_bytes(FEED.read_bytes())
    write_source(sources, "export.csv")  # relative to the source file
    assert main(["sync", "elbufer"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "format: freinet CSV export (utf-8-sig), 15 offers, source elbufer"
    assert out[-2].startswith("new 13 ")
    assert main(["sync", "elbufer"]) == 0
    assert capsys.readouterr().out.splitlines()[-2].startswith("new 0 · changed 0 (returned 0) · unchanged 13")
    listings = published(capsys)
    assert len(listings) == 13 and {record["source"] for record in listings} == {"elbufer"}
    assert listings[0]["contact_phone"] == "+49 30 1234 5815"


def test_sync_reads_file_urls_and_local_http(sources: Path, feed_server: str,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    write_source(sources, FEED.as_uri())
    assert main(["sync", "elbufer", "--dry-run"]) == 0
    assert "dry run: nothing was written" in capsys.readouterr().out
    write_source(sources, f"{feed_server}/export.csv")
    assert main(["sync", "elbufer"]) == 0
    assert capsys.readouterr().out.splitlines()[-2].startswith("new 13 ")


def test_a_feed_that_cannot_be_fetched_changes_nothing(sources: Path, feed_server: str,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    write_source(sources, f"{feed_server}/missing.csv")
    assert main(["sync", "elbufer"]) == 2
    assert "HTTP 404" in capsys.readouterr().err
    write_source(sources, "nowhere.csv")
    assert main(["sync", "elbufer"]) == 2
    assert "nowhere.csv" in capsys.readouterr().err
    assert main(["sync", "unknown"]) == 2  # no file at all: where it belongs, not "no feed =" in a missing file
    assert f"no source file {sources / 'unknown.toml'}; write feed = " in capsys.readouterr().err
    (sources / "bare.toml").write_text('agency = "Freiwilligenagentur Elbufer"\n', encoding="utf-8")
    assert main(["sync", "bare"]) == 2
    assert f"{sources / 'bare.toml'}: no feed = " in capsys.readouterr().err
    assert published(capsys) == []


def test_progress_writes_log_lines_off_a_terminal() -> None:
    stream = io.StringIO()
    progress = ProgressLog("import", stream, every=0.0)
    progress(500, 2000)
    progress(500, 2000)
    lines = stream.getvalue().splitlines()
    assert len(lines) == 2 and lines[1].startswith("import: 1000/2000 steps (")
