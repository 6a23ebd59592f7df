"""The webhook endpoint Telegram posts updates to, hardened: a body limit, clear 4xx answers, the secret check.

python-telegram-bot's own webhook server reads any body whole (tornado's limit is 100 MB) and answers
malformed JSON with a 500 and a traceback in the log. This one
- refuses a body over MAX_BODY_BYTES with 413 from its Content-Length, before reading it (Telegram's updates
  are a few kilobytes; 1 MB is plenty), and stops reading a chunked body as soon as it passes the limit;
- answers 403 without the right X-Telegram-Bot-Api-Secret-Token (compared in constant time);
- answers 400 to a body that is not a JSON object or not an update, with one log line and no traceback;
- hands every update to the Application's queue, as PTB's server does.
"""

from __future__ import annotations

import hmac
import json
import logging
from http import HTTPStatus
from typing import Any

import tornado.web
from telegram import Update
from telegram.ext import Application
from tornado.http1connection import HTTP1Connection
from tornado.httpserver import HTTPServer

log = logging.getLogger(__name__)
MAX_BODY_BYTES = 1024 * 1024
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"


@tornado.web.stream_request_body
class UpdateEndpoint(tornado.web.RequestHandler):
    """Receives one update per POST."""

    SUPPORTED_METHODS = ("POST",)

    def initialize(self, bot_application: Application, secret: str) -> None:  # type: ignore[type-arg]
        """Binds the endpoint to its Application and secret (tornado calls this for every request)."""
        self.application_, self.secret = bot_application, secret
        self.chunks: list[bytes] = []
        self.size = 0
        self.refused = False

    def prepare(self) -> None:
        """Checks the secret and the announced size before a byte of the body is read."""
        given = self.request.headers.get(SECRET_HEADER, "")
        if not hmac.compare_digest(given.encode(), self.secret.encode()):
            self._refuse(HTTPStatus.FORBIDDEN, "wrong or missing secret token")
            return
        length = self.request.headers.get("Content-Length")
        if length is not None and (not length.isdigit() or int(length) > MAX_BODY_BYTES):
            self._refuse(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, f"body of {length} bytes")
            return
        if isinstance(self.request.connection, HTTP1Connection):
            self.request.connection.set_max_body_size(MAX_BODY_BYTES)

    def data_received(self, chunk: bytes) -> None:
        """Collects the body up to the limit (a chunked body announces no length)."""
        self.size += len(chunk)
        if self.size > MAX_BODY_BYTES:
            if not self.refused:
                self._refuse(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, "chunked body over the limit")
            return
        self.chunks.append(chunk)

    async def post(self) -> None:
        """Decodes the update and queues it; a malformed body gets 400."""
        if self.refused:
            return
        body = b"".join(self.chunks)
        try:
            data = json.loads(body)
            if not isinstance(data, dict):
                raise ValueError("not a JSON object")
            update = Update.de_json(data, self.application_.bot)
        except Exception as error:  # whatever a broken body raises: the sender gets 400, the log one line
            self._refuse(HTTPStatus.BAD_REQUEST, f"malformed update ({len(body)} bytes): {type(error).__name__}")
            return
        if update is not None:
            await self.application_.update_queue.put(update)
        self.set_status(HTTPStatus.OK)
        self.finish()

    def _refuse(self, status: HTTPStatus, why: str) -> None:
        """Answers with an error status and closes the connection (an unread body cannot be skipped)."""
        log.info("webhook: %d refused from %s: %s", status.value, self.request.remote_ip, why)
        self.refused = True
        self.set_status(status.value)
        self.set_header("Connection", "close")
        self.finish({"ok": False, "error_code": status.value, "description": status.phrase})
        if isinstance(self.request.connection, HTTP1Connection):
            self.request.connection.close()

    def log_exception(self, *args: Any) -> None:
        """Logs nothing more: every refusal has logged its one line."""


class _Quiet(tornado.web.Application):
    """Leaves access logging to the proxy in front."""

    def log_request(self, handler: tornado.web.RequestHandler) -> None:
        """Logs no line per request."""


def webhook_server(application: Application, path: str, secret: str) -> HTTPServer:  # type: ignore[type-arg]
    """Returns the (not yet listening) server of the webhook at `path`."""
    app = _Quiet([(rf"/{path.strip('/')}/?", UpdateEndpoint, {"bot_application": application, "secret": secret})])
    # tornado's own limit is the backstop (a body without Content-Length and without chunks cannot get past it).
    return HTTPServer(app, max_body_size=MAX_BODY_BYTES, xheaders=False)

