"""`ehrenamt-bot run` with WEBHOOK_URL: several processes can share the updates; forged posts are refused."""

from __future__ import annotations

import json
import socket
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from pydantic import ValidationError
from tests.telegram.bot_api_emulator import BotApiEmulator, running_bot
from tests.telegram.botchat import ANNA
from tests.telegram.test_end_to_end import BOOT_SECONDS, TOKEN, _to

from bot.settings import Settings

SECRET = "webhook-test-secret_42"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def webhook_bot(data_home: Path) -> Iterator[tuple[BotApiEmulator, str]]:
    """Runs the bot in webhook mode against the emulator; yields the emulator and the webhook's local URL."""
    port = _free_port()
    url = f"http://127.0.0.1:{port}/telegram"
    with BotApiEmulator(TOKEN) as emulator, running_bot(emulator, data_home, WEBHOOK_URL=url,
                                                         WEBHOOK_PORT=str(port), WEBHOOK_SECRET=SECRET):
        yield emulator, url


def _post(url: str, update: dict[str, object], secret: str | None) -> int:
    """Posts an update as Telegram would; returns the HTTP status."""
    headers = {"Content-Type": "application/json"}
    if secret is not None:
        headers["X-Telegram-Bot-Api-Secret-Token"] = secret
    request = urllib.request.Request(url, data=json.dumps(update).encode(), headers=headers, method="POST")
    try:
        with urllib.request.urlopen(request, timeout=5) as response:
            return int(response.status)
    except urllib.error.HTTPError as error:
        return int(error.code)


def _when_listening(url: str, update: dict[str, object]) -> int:
    """Posts the first update once the process listens (it loads the NLU and migrates first)."""
    deadline = time.monotonic() + BOOT_SECONDS
    while True:
        try:
            return _post(url, update, SECRET)
        except (ConnectionError, urllib.error.URLError):
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


@pytest.mark.slow
def test_updates_posted_to_the_webhook_are_answered_and_forged_ones_refused(
    webhook_bot: tuple[BotApiEmulator, str],
) -> None:
    emulator, url = webhook_bot
    start = emulator.factory.message(ANNA, "/start").to_dict() | {"update_id": 1}
    since = len(emulator.calls)
    assert _when_listening(url, start) == 200
    emulator.wait_for(since, _to(ANNA.id, "Hallo Anna"))
    assert emulator.api.webhook == {"url": url, "secret_token": SECRET}  # registered with Telegram at start

    search = emulator.factory.message(ANNA, "Tierheim in Kassel").to_dict() | {"update_id": 2}
    since = len(emulator.calls)
    assert _post(url, search, SECRET) == 200
    emulator.wait_for(since, _to(ANNA.id, "Tiere · Kassel"))

    forged = emulator.factory.message(ANNA, "/loeschen").to_dict() | {"update_id": 3}
    since = len(emulator.calls)
    assert _post(url, forged, "wrong-secret") == 403
    assert _post(url, forged, None) == 403
    time.sleep(0.5)
    assert [call.method for call in emulator.calls[since:]] == []


def test_a_webhook_needs_a_valid_secret() -> None:
    with pytest.raises(ValidationError, match="WEBHOOK_SECRET"):
        Settings(_env_file=None, webhook_url="https://bot.example.org/telegram")
    with pytest.raises(ValidationError, match="WEBHOOK_SECRET"):
        Settings(_env_file=None, webhook_url="https://bot.example.org/telegram",
                 webhook_secret="not allowed: spaces")
    with pytest.raises(ValidationError, match="WEBHOOK_URL"):
        Settings(_env_file=None, webhook_url="bot.example.org", webhook_secret=SECRET)
    with pytest.raises(ValidationError, match="https"):  # Telegram itself sends only to HTTPS
        Settings(_env_file=None, webhook_url="http://bot.example.org/t",
                 webhook_secret=SECRET)
    settings = Settings(_env_file=None, webhook_url="https://bot.example.org/telegram",
                        webhook_secret=SECRET)
    assert settings.webhook_port == 8443 and settings.webhook_listen == "127.0.0.1"


def _raw(url: str, head: str, body: bytes) -> str:
    """Sends a hand-made HTTP request; returns the status line (empty if the server closed without one)."""
    parsed = urllib.parse.urlparse(url)
    with socket.create_connection((parsed.hostname, parsed.port), timeout=10) as connection:
        connection.sendall(head.encode() + body)
        try:
            answer = connection.recv(4096)
        except ConnectionResetError:
            return ""
    return answer.split(b"\r\n", 1)[0].decode()


@pytest.mark.slow
def test_oversized_and_malformed_bodies_are_refused_without_a_traceback(
    webhook_bot: tuple[BotApiEmulator, str],
) -> None:
    emulator, url = webhook_bot
    start = emulator.factory.message(ANNA, "/start").to_dict() | {"update_id": 1}
    since = len(emulator.calls)
    assert _when_listening(url, start) == 200
    emulator.wait_for(since, _to(ANNA.id, "Hallo Anna"))
    path = urllib.parse.urlparse(url).path
    head = (f"POST {path} HTTP/1.1\r\nHost: bot\r\nContent-Type: application/json\r\n"
            f"X-Telegram-Bot-Api-Secret-Token: {SECRET}\r\n")
    # 50 MB announced: refused from the header, after only 64 KB were sent.
    assert " 413 " in _raw(url, head + "Content-Length: 52428800\r\n\r\n", b"{" + b" " * 65536)
    # Without the secret, the size does not matter: 403 first.
    assert " 403 " in _raw(url, head.replace(SECRET, "wrong") + "Content-Length: 52428800\r\n\r\n", b"{")
    # A chunked body has no length: it is cut off when it passes the limit, never answered 200.
    chunk = b"%x\r\n%s\r\n" % (65536, b" " * 65536)
    assert " 200 " not in _raw(url, head + "Transfer-Encoding: chunked\r\n\r\n", chunk * 20 + b"0\r\n\r\n")
    for broken in (b"{not json", b"[1, 2]", b'{"update_id": "x", "message": 5}', "{\"ü\": 1}".encode("latin-1")):
        assert " 400 " in _raw(url, head + f"Content-Length: {len(broken)}\r\n\r\n", broken), broken
    since = len(emulator.calls)
    search = emulator.factory.message(ANNA, "Tierheim in Kassel").to_dict() | {"update_id": 2}
    assert _post(url, search, SECRET) == 200  # the endpoint still works; running_bot checks the log
    emulator.wait_for(since, _to(ANNA.id, "Tiere · Kassel"))
