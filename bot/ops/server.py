"""The operator's HTTP server inside `ehrenamt-bot run`: GET /healthz and GET /metrics on METRICS_LISTEN:METRICS_PORT.

Off unless METRICS_PORT is set, and on loopback (127.0.0.1) unless METRICS_LISTEN says otherwise: the
metrics name no person, but they are for the operator's scraper, not for the internet. It runs on the bot's
event loop (tornado, which python-telegram-bot's webhook extra brings), so /healthz asks the same database
pool the handlers use.
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Callable

import tornado.web
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest
from tornado.httpserver import HTTPServer

from bot.ops import health, metrics
from bot.store.db import Database

log = logging.getLogger(__name__)
OUTBOX_COUNT_TIMEOUT_SECONDS = 2.0

DatabaseSource = Callable[[], Database | None]


class HealthEndpoint(tornado.web.RequestHandler):
    """GET /healthz: JSON with one entry per check; 200 when healthy, 503 otherwise."""

    def initialize(self, database: DatabaseSource, liveness: health.Liveness) -> None:
        self.database, self.liveness = database, liveness

    async def get(self) -> None:
        result = await health.check(self.database(), self.liveness)
        self.set_status(result.status_code)
        self.set_header("Content-Type", "application/json; charset=utf-8")
        self.set_header("Cache-Control", "no-store")
        self.finish(json.dumps(result.to_json()))


class MetricsEndpoint(tornado.web.RequestHandler):
    """GET /metrics: Prometheus text format; the outbox is counted on each scrape."""

    def initialize(self, database: DatabaseSource) -> None:
        self.database = database

    async def get(self) -> None:
        database = self.database()
        if database is not None:
            try:
                metrics.BROADCASTS.outbox_depth = await asyncio.wait_for(
                    metrics.count_outbox(database), OUTBOX_COUNT_TIMEOUT_SECONDS)
            except Exception as error:  # the scrape still answers; /healthz tells what is wrong
                log.info("outbox depth not counted: %s: %s", type(error).__name__, error)
        self.set_header("Content-Type", CONTENT_TYPE_LATEST)
        self.finish(generate_latest(metrics.REGISTRY))


class _Quiet(tornado.web.Application):
    def log_request(self, handler: tornado.web.RequestHandler) -> None:
        """A scrape every few seconds is no news."""


def operator_server(database: DatabaseSource, liveness: health.Liveness) -> HTTPServer:
    """Returns the (not yet listening) operator server."""
    app = _Quiet([
        (r"/healthz", HealthEndpoint, {"database": database, "liveness": liveness}),
        (r"/metrics", MetricsEndpoint, {"database": database}),
    ])
    return HTTPServer(app, max_body_size=64 * 1024)
