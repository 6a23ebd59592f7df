"""`ehrenamt-bot broadcast`: queue, list, status and cancel from a terminal; resume delivers through real PTB
to a tiny local Bot API emulator (no network beyond 127.0.0.1)."""

from __future__ import annotations

import asyncio
import json
import re
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs

import pytest
from tests.factories.broadcasts import add, volunteer

from bot.cli import main
from bot.store.db import Database
from bot.store.models import Broadcast

BLOCKED_CHAT = 403


class FakeBotApi(BaseHTTPRequestHandler):
    """Answers getMe and sendMessage like the Bot API; chat 403 has blocked the bot."""

    sent: list[tuple[int, str]] = []

    def do_POST(self) -> None:  # noqa: N802 (http.server's naming)
        body = self.rfile.read(int(self.headers.get("Content-Length", 0))).decode()
        fields = json.loads(body) if body.startswith("{") else {k: v[0] for k, v in parse_qs(body).items()}
        method = self.path.rsplit("/", 1)[-1]
        if method == "getMe":
            self._answer({"ok": True, "result": {"id": 1, "is_bot": True, "first_name": "Test", "username": "TestBot"}})
        elif int(fields["chat_id"]) == BLOCKED_CHAT:
            self._answer({"ok": False, "error_code": 403, "description": "Forbidden: bot was blocked by the user"},
                         status=403)
        else:
            FakeBotApi.sent.append((int(fields["chat_id"]), fields["text"]))
            chat = {"id": int(fields["chat_id"]), "type": "private"}
            self._answer({"ok": True, "result": {"message_id": len(self.sent), "date": 0, "chat": chat,
                                                 "text": fields["text"]}})

    def _answer(self, payload: dict[str, Any], status: int = 200) -> None:
        data = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args: Any) -> None:
        """Stays quiet."""


@pytest.fixture
def bot_api() -> Iterator[str]:
    """Runs the emulator on a free local port; yields its base URL."""
    FakeBotApi.sent = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), FakeBotApi)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/bot"
    server.shutdown()
    server.server_close()


@pytest.fixture
def configured(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Points the CLI at a fresh SQLite file with admin 1000 and a few volunteers."""
    path = tmp_path / "cli.sqlite3"
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{path}")
    monkeypatch.setenv("ADMIN_IDS", "1000")
    monkeypatch.chdir(tmp_path)  # no .env of the checkout
    assert main(["db", "upgrade"]) == 0
    people = [(11, "Hessen"), (12, "Hessen"), (13, "Sachsen"), (BLOCKED_CHAT, "Hessen")]
    asyncio.run(_store(f"sqlite+aiosqlite:///{path}", [volunteer(chat, home_state=state) for chat, state in people]))
    return path


async def _store(url: str, rows: list[object]) -> None:
    """Stores rows in the CLI's database."""
    database = Database(url)
    await add(database, rows)
    await database.close()


def test_send_list_status_and_cancel(configured: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["broadcast", "send", "--text", "Helferfest am Samstag", "--state", "Hessen", "--yes"]) == 0
    assert "reaches 3 people (volunteers in Hessen)" in capsys.readouterr().out
    assert main(["broadcast", "send", "--text", "Später", "--at", "2030-05-01T18:00+02:00", "--yes"]) == 0
    assert "broadcast #2 queued for 2030-05-01 16:00 UTC" in capsys.readouterr().out  # it said 18:00 UTC
    assert main(["broadcast", "list"]) == 0
    listed = capsys.readouterr().out
    assert "#1     scheduled" in listed and "#2     scheduled" in listed
    # recipients are counted at the start: a scheduled one says when that is, not only "open 0"
    assert "open 0 · starts 2030-05-01 16:00 UTC  Später" in listed
    assert main(["broadcast", "status", "2"]) == 0
    assert capsys.readouterr().out.rstrip().endswith("· starts 2030-05-01 16:00 UTC")
    assert main(["broadcast", "cancel", "2"]) == 0
    assert main(["broadcast", "status", "2"]) == 0
    assert "#2 cancelled" in capsys.readouterr().out
    with pytest.raises(SystemExit, match="no admin"):
        main(["broadcast", "--as", "5", "list"])
    with pytest.raises(SystemExit, match="unknown categories"):
        main(["broadcast", "send", "--text", "x", "--interest", "kinder", "--yes"])
    with pytest.raises(SystemExit, match="no broadcast #99"):
        main(["broadcast", "status", "99"])


@pytest.mark.parametrize(("option", "refusal"), [
    (["--state", "Hessn"], "unknown state 'Hessn'; did you mean Hessen"),
    (["--state", "Hessen", "--district", "Kasel"], "unknown district 'Kasel' in Hessen; did you mean Kassel"),
    (["--district", "Kassel"], "a district needs its state"),
    (["--interest", "Tiere"], "unknown categories: Tiere; did you mean animals"),
])
def test_unknown_regions_and_categories_are_refused_with_suggestions(configured: Path, option: list[str],
                                                                    refusal: str) -> None:
    with pytest.raises(SystemExit, match=refusal):
        main(["broadcast", "send", "--text", "x", "--yes", *option])


def test_a_text_file_that_cannot_be_read_is_one_line(configured: Path, tmp_path: Path) -> None:
    (tmp_path / "latin1.txt").write_bytes("Grüße".encode("cp1252"))
    for name, refusal in (("fehlt.txt", "fehlt.txt: no such file"), (".", "is a folder, not a text file"),
                          ("latin1.txt", "latin1.txt: is not UTF-8 text; save it as UTF-8")):
        with pytest.raises(SystemExit, match=refusal):
            main(["broadcast", "send", "--text-file", str(tmp_path / name), "--yes"])


@pytest.mark.parametrize(("text", "refusal"), [
    ("<b>Helferfest", "<b> is never closed"),
    ("<p>Helferfest</p>", "Telegram HTML has no <p>"),
    ("Helferfest<br/>Samstag", "Telegram HTML has no <br/>"),
    ("<b><i>Helferfest</b></i>", "</b> where </i> belongs"),
    ("Helferfest</b>", "</b> closes no open tag"),
    ("Kuchen&nbsp;und Kaffee", "&nbsp; is no entity Telegram knows"),
    ("3 < 4 Helfer", "a < that starts no tag: write it as &lt;"),
    ("<a>Anmeldung</a>", "a link <a> needs href"),
])
def test_html_telegram_would_refuse_is_not_queued(configured: Path, capsys: pytest.CaptureFixture[str], text: str,
                                                  refusal: str) -> None:
    with pytest.raises(SystemExit, match="refused: the announcement's HTML would be refused by Telegram: "
                                         + re.escape(refusal)):
        main(["broadcast", "send", "--text", text, "--html", "--yes"])
    assert main(["broadcast", "list"]) == 0
    assert "no broadcasts yet" in capsys.readouterr().out


def test_sound_telegram_html_and_plain_text_with_brackets_are_queued(configured: Path) -> None:
    sound = ('<b>Helferfest</b> am <i>Samstag</i> &amp; Sonntag: <a href="https://example.org/fest">Anmeldung</a> '
             '<span class="tg-spoiler">Kuchen</span> &lt;3 &#8364; <pre><code class="language-text">x</code></pre>')
    assert main(["broadcast", "send", "--text", sound, "--html", "--yes"]) == 0
    assert main(["broadcast", "send", "--text", "<b>3 < 4</b> is plain text here", "--yes"]) == 0


@pytest.mark.parametrize(("at", "refusal"), [
    ("2020-01-01T10:00+01:00", "2020-01-01 09:00 UTC has passed; leave --at out to send now"),
    ("2027-05-01T18:00", "give '2027-05-01T18:00' with its time zone"),
    ("quatsch", "'quatsch' is no time I can read"),
])
def test_a_start_that_has_passed_or_cannot_be_read_is_refused(
    configured: Path, capsys: pytest.CaptureFixture[str], at: str, refusal: str,
) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["broadcast", "send", "--text", "Helferfest", "--at", at, "--yes"])
    assert stopped.value.code == 2 and f"argument --at: {refusal}" in capsys.readouterr().err
    assert main(["broadcast", "list"]) == 0
    assert "no broadcasts yet" in capsys.readouterr().out  # a past moment was sent at once


def test_a_start_as_the_chat_says_it_is_taken(configured: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["broadcast", "send", "--text", "Helferfest", "--at", "morgen 9:00", "--yes"]) == 0
    assert main(["broadcast", "list"]) == 0
    listed = capsys.readouterr().out
    assert "#1     scheduled" in listed and " · starts " in listed


def test_a_state_written_in_lower_case_is_taken_as_the_database_spells_it(
        configured: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["broadcast", "send", "--text", "Hallo", "--state", "hessen", "--yes"]) == 0
    assert "reaches 3 people (volunteers in Hessen)" in capsys.readouterr().out


def test_reading_needs_no_admin_id(configured: Path, monkeypatch: pytest.MonkeyPatch,
                                   capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["broadcast", "send", "--text", "Helferfest", "--yes"]) == 0
    monkeypatch.delenv("ADMIN_IDS")
    assert main(["broadcast", "list"]) == 0
    assert "#1     scheduled" in capsys.readouterr().out
    assert main(["broadcast", "status", "1"]) == 0
    with pytest.raises(SystemExit, match="set ADMIN_IDS or pass --as"):
        main(["broadcast", "cancel", "1"])


def test_resume_delivers_through_python_telegram_bot(configured: Path, bot_api: str,
                                                     monkeypatch: pytest.MonkeyPatch,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("BOT_TOKEN", "123456:test-token")
    monkeypatch.setenv("TELEGRAM_API_BASE_URL", bot_api)
    assert main(["broadcast", "send", "--text", "Hallo Hessen", "--state", "Hessen", "--yes"]) == 0
    assert main(["broadcast", "resume"]) == 0
    assert sorted(FakeBotApi.sent) == [(11, "Hallo Hessen"), (12, "Hallo Hessen")]
    assert main(["broadcast", "status", "1"]) == 0
    out = capsys.readouterr().out
    assert "#1 done" in out and "sent 2 · blocked 1" in out
    assert "403 Forbidden: bot was blocked by the user" in out


def test_list_shows_an_html_broadcast_as_it_reads(configured: Path, capsys: pytest.CaptureFixture[str]) -> None:
    markup = '<b>Helferfest</b> &amp; <a href="https://example.org">Grillen</a> &lt;3'
    assert main(["broadcast", "send", "--html", "--text", markup, "--yes"]) == 0
    capsys.readouterr()
    assert main(["broadcast", "list"]) == 0
    listed = capsys.readouterr().out
    assert "Helferfest & Grillen <3" in listed and "<b>" not in listed and "&amp;" not in listed

    async def stored_text() -> str:
        database = Database(f"sqlite+aiosqlite:///{configured}")
        async with database.read_only() as session:
            text = (await session.get(Broadcast, 1)).text  # type: ignore[union-attr]
        await database.close()
        return text

    assert asyncio.run(stored_text()) == markup  # what is sent is not changed
