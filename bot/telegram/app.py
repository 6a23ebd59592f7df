"""One function assembles the bot: transport, defaults, services, handlers, error handler, jobs, command menu."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from telegram import LinkPreviewOptions
from telegram.constants import ParseMode
from telegram.ext import AIORateLimiter, Application, ApplicationBuilder, Defaults
from telegram.request import BaseRequest, HTTPXRequest

from bot.ops.health import Liveness
from bot.telegram.operator_hooks import KEY as LIVENESS_KEY
from bot.telegram.operator_hooks import MeasuredUpdateProcessor, WatchedRequest, count_error
from bot.settings import Settings
from bot.store.db import Database
from bot.telegram import announcement_bot, startup
from bot.telegram.ads import jobs as ad_jobs
from bot.telegram.alerts import jobs
from bot.telegram.announcements import runner as broadcasting
from bot.telegram.flood import FloodGuard
from bot.telegram.menus import jobs as menu_jobs
from bot.telegram.ordering import concurrency_for
from bot.telegram.ad_search import jobs as ad_search_jobs
from bot.telegram.posting import jobs as posting_jobs
from bot.telegram.registry import register_handlers
from bot.telegram.services import Services, attach

log = logging.getLogger(__name__)
# Tokens are only checked by Telegram; the demo and the tests never send this one anywhere.
OFFLINE_TOKEN = "123456:offline-demo-token"


def build_application(
    settings: Settings,
    *,
    request: BaseRequest | None = None,
    updates_request: BaseRequest | None = None,
    database: Database | None = None,
    rate_limit: bool = True,
    flood: FloodGuard | None = None,
) -> Application:  # type: ignore[type-arg]
    """Builds the Application; a given request replaces the network, a given database the configured one."""
    token = settings.bot_token.get_secret_value() if settings.bot_token else OFFLINE_TOKEN
    database_url = database.url if database is not None else settings.sqlalchemy_url()
    liveness = Liveness()  # what /healthz tells about taking updates (bot/ops)
    # Any: the rate limiter below changes the builder's bot type parameter.
    builder: ApplicationBuilder[Any, Any, Any, Any, Any, Any] = (
        ApplicationBuilder()
        .token(token)
        .defaults(Defaults(parse_mode=ParseMode.HTML, link_preview_options=LinkPreviewOptions(is_disabled=True)))
        .post_init(_post_init)
        .post_shutdown(_post_shutdown)
        .concurrent_updates(MeasuredUpdateProcessor(concurrency_for(database_url), liveness))
    )
    if rate_limit:
        # Keeps the bot under Telegram's 30 messages per second; retries once after a 429 instead of failing.
        builder = builder.rate_limiter(AIORateLimiter(max_retries=1))
    if settings.telegram_api_base_url:
        # PTB appends the token to the base URL: "http://127.0.0.1:8081/bot" + "123:abc" + "/getMe".
        root = settings.telegram_api_base_url.rstrip("/").removesuffix("/bot")
        builder = builder.base_url(f"{root}/bot").base_file_url(f"{root}/file/bot")
    if request is not None:
        builder = builder.request(request).get_updates_request(updates_request or request)
    else:  # PTB's own getUpdates transport, watched for /healthz
        builder = builder.get_updates_request(WatchedRequest(HTTPXRequest(connection_pool_size=1), liveness))
    application = builder.build()
    application.bot_data[LIVENESS_KEY] = liveness
    application.add_error_handler(count_error)  # metrics; the handlers' own error handler answers and logs
    announcement_bot.attach(application, request)  # announcements are paced by the broadcast engine alone
    attach(application, Services(settings, database=database, flood=flood))
    register_handlers(application)
    return application


@asynccontextmanager
async def serving(application: Application) -> AsyncIterator[Application]:  # type: ignore[type-arg]
    """Initialises the Application and its services without polling (tests, demo, benchmark).

    A start that fails half-way closes what it opened too: a database left open kept the SQLite driver's
    thread alive, and the process that failed to start then waited for it at exit.
    """
    async with application:
        try:
            await _post_init(application)
            yield application
        finally:
            await _post_shutdown(application)


async def _post_init(application: Application) -> None:  # type: ignore[type-arg]
    """Opens the services, schedules the jobs and registers the common command menu in both languages.

    The menu only decorates the bot: when Telegram refuses it, the bot runs and tries again later (startup.py).
    """
    await application.bot_data["services"].initialize()
    jobs.schedule(application)
    await broadcasting.start_runner(application)  # resumes running and due broadcasts after a restart
    posting_jobs.schedule(application)
    ad_jobs.schedule(application)
    ad_search_jobs.schedule(application)
    # Only the common menu before serving; admins' and members' own menus follow in the background.
    await startup.decorate(application, register_commands)  # a failure warns and tries again later
    menu_jobs.schedule(application)


async def _post_shutdown(application: Application) -> None:  # type: ignore[type-arg]
    """Stops the broadcast runner, then closes the services."""
    await broadcasting.stop_runner(application)
    await application.bot_data["services"].shutdown()


async def register_commands(application: Application) -> None:  # type: ignore[type-arg]
    """Sets the common command menu: German by default and for German clients, English for English ones.

    Admins and members of organisations who may contact volunteers get menus of their own chat from the
    background sync (bot.telegram.menus.jobs), and at once when their rights change in the bot.
    """
    await menu_jobs.set_common_menu(application)
