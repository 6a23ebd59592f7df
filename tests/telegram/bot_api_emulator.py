"""A Bot API server on 127.0.0.1 for end-to-end tests: real HTTP, long polling, and a person on the other side.

The bot side speaks the Bot API over HTTP exactly as python-telegram-bot sends it (form fields with JSON values,
multipart for files); the state behind it is the same LocalBotApi the offline tests use. The test plays the
person: it queues updates that getUpdates hands out and waits for the bot's calls. running_bot() starts the
bot as its own process against it.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from email.parser import BytesParser
from email.policy import HTTP
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl

from telegram import Bot, Update

from bot.telegram.local.api import ApiCall, ApiError, LocalBotApi
from bot.telegram.local.updates import Person, UpdateFactory

MAX_LONG_POLL = 2.0  # seconds a getUpdates may wait here, whatever it asks, so shutdown stays quick


class BotApiEmulator:
    """Serves /bot<token>/<method> on a free port until closed."""

    def __init__(self, token: str) -> None:
        self.token = token
        self.api = LocalBotApi()
        self.calls: list[ApiCall] = []
        self.api.listeners.append(lambda call, result: self.calls.append(call))
        self._updates: list[dict[str, Any]] = []
        self._next_update_id = 1
        self._changed = threading.Condition()
        # Methods whose next calls are dropped without an answer (a network failure), by count; -1: all.
        self.drop: dict[str, int] = {}
        # Builds updates like Telegram's (the Bot here is never used to send anything).
        self.factory = UpdateFactory(Bot(token), self.api)
        self.server = _QuietServer(("127.0.0.1", 0), self._handler())
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def base_url(self) -> str:
        """Returns what TELEGRAM_API_BASE_URL must be for the bot to talk to this emulator."""
        return f"http://127.0.0.1:{self.server.server_address[1]}/bot"

    def __enter__(self) -> BotApiEmulator:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()

    # ------------------------------------------------------------------ the person's side
    def send(self, update: Update) -> int:
        """Queues an update for the bot's next getUpdates; returns how many calls the bot had made before."""
        with self._changed:
            before = len(self.calls)
            data = update.to_dict()
            data["update_id"] = self._next_update_id
            self._next_update_id += 1
            self._updates.append(data)
            self._changed.notify_all()
        return before

    def wait_for(self, since: int, found: Callable[[ApiCall], bool], *, timeout: float = 15.0) -> ApiCall:
        """Waits until the bot makes a matching call after the first `since` calls; fails after timeout."""
        deadline = time.monotonic() + timeout
        with self._changed:
            while True:
                for call in self.calls[since:]:
                    if found(call):
                        return call
                left = deadline - time.monotonic()
                if left <= 0:
                    seen = [(c.method, c.text[:60]) for c in self.calls[since:]]
                    raise AssertionError(f"the bot did not answer in {timeout} s; it called {seen}")
                self._changed.wait(left)

    # ------------------------------------------------------------------ the bot's side
    def _answer(
        self, method: str, params: dict[str, Any], files: dict[str, tuple[str, bytes]]
    ) -> tuple[int, dict[str, Any]]:
        """Answers one Bot API call; getUpdates long-polls, everything else goes to the local API."""
        if method == "getUpdates":
            return 200, {"ok": True, "result": self._updates_after(params)}
        try:
            with self._changed:
                result = self.api.call(method, params, files)
                self._changed.notify_all()
        except ApiError as error:
            return error.code, {"ok": False, "error_code": error.code, "description": error.description}
        return 200, {"ok": True, "result": result}

    def _updates_after(self, params: dict[str, Any]) -> list[dict[str, Any]]:
        """Confirms updates before `offset` and returns newer ones, waiting up to the poll timeout for some."""
        offset = int(params.get("offset") or 0)
        wait = min(float(params.get("timeout") or 0), MAX_LONG_POLL)
        deadline = time.monotonic() + wait
        with self._changed:
            self._updates = [u for u in self._updates if u["update_id"] >= offset]
            while not self._updates and time.monotonic() < deadline:
                self._changed.wait(deadline - time.monotonic())
            return list(self._updates)

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        """Returns the request handler class bound to this emulator."""
        emulator = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802 - the name http.server calls
                prefix = f"/bot{emulator.token}/"
                if not self.path.startswith(prefix):
                    self._reply(404, {"ok": False, "error_code": 404, "description": "Not Found"})
                    return
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                method = self.path[len(prefix):]
                with emulator._changed:
                    dropped = emulator.drop.get(method, 0)
                    if dropped:
                        emulator.drop[method] = dropped - 1 if dropped > 0 else dropped
                if dropped:
                    self.close_connection = True  # the bot sees the connection end without an answer
                    return
                params, files = _parse(self.headers.get("Content-Type", ""), body)
                self._reply(*emulator._answer(self.path[len(prefix):], params, files))

            def _reply(self, code: int, payload: dict[str, Any]) -> None:
                data = json.dumps(payload).encode()
                self.send_response(code)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - http.server's signature
                """Stays quiet; the test reports what matters."""

        return Handler


class _QuietServer(ThreadingHTTPServer):
    """Drops connections the bot closed itself (a long poll cut short at shutdown) without a traceback."""

    daemon_threads = True

    def handle_error(self, request: Any, client_address: Any) -> None:
        """Ignores a client gone away; anything else is printed as usual."""
        if not isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            super().handle_error(request, client_address)


def _parse(content_type: str, body: bytes) -> tuple[dict[str, Any], dict[str, tuple[str, bytes]]]:
    """Reads python-telegram-bot's form fields (JSON-encoded values) or multipart upload."""
    if content_type.startswith("multipart/form-data"):
        message = BytesParser(policy=HTTP).parsebytes(f"Content-Type: {content_type}\r\n\r\n".encode() + body)
        params: dict[str, Any] = {}
        files: dict[str, tuple[str, bytes]] = {}
        for part in message.iter_parts():
            name = part.get_param("name", header="content-disposition")
            filename = part.get_filename()
            payload = part.get_payload(decode=True) or b""
            assert isinstance(payload, bytes)  # a form field or an uploaded file, never a nested message
            if filename:
                files[str(name)] = (filename, payload)
            else:
                params[str(name)] = _value(payload.decode())
        return params, files
    if content_type.startswith("application/json"):
        return json.loads(body or b"{}"), {}
    return {key: _value(value) for key, value in parse_qsl(body.decode(), keep_blank_values=True)}, {}


def _value(text: str) -> Any:
    """Decodes a form value: objects and lists come JSON-encoded, plain strings as they are."""
    if text[:1] in "{[":
        return json.loads(text)
    return text


__all__ = ["BotApiEmulator", "Person"]


def start_bot(emulator: BotApiEmulator, data_home: Path, **settings: str) -> subprocess.Popen[str]:
    """Starts `ehrenamt-bot run` against the emulator with more settings (stdout and stderr in one pipe)."""
    env = {key: value for key, value in os.environ.items() if key not in ("DATABASE_URL", "ADMIN_IDS")}
    env.update(BOT_TOKEN=emulator.token, TELEGRAM_API_BASE_URL=emulator.base_url, DATA_HOME=str(data_home), **settings)
    return subprocess.Popen(
        [sys.executable, "-c", "import sys; from bot.cli import main; sys.exit(main(['run']))"],
        env=env, cwd=data_home, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )


@contextmanager
def running_bot(emulator: BotApiEmulator, data_home: Path, **settings: str) -> Iterator[subprocess.Popen[str]]:
    """Runs `ehrenamt-bot run` against the emulator with more settings; stops it with SIGTERM, checks it ended well."""
    process = start_bot(emulator, data_home, **settings)
    try:
        yield process
    finally:
        process.send_signal(signal.SIGTERM)  # as a service manager would
        try:
            output, _ = process.communicate(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            output, _ = process.communicate()
        assert process.returncode == 0, output
        assert "Traceback" not in output, output
