"""One function assembles the bot: transport, defaults, services, handlers, error handler, jobs, command menu."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from telegram import Bot, BotCommand, BotCommandScope, BotCommandScopeChat, LinkPreviewOptions
from telegram.constants import ParseMode
from telegram.error import TelegramError
from telegram.ext import AIORateLimiter, Application, ApplicationBuilder, Defaults
from telegram.request import BaseRequest, HTTPXRequest

from bot.admins import list_admins
from bot.ads.access import SearchAccess, contacting_members
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
from bot.telegram.ordering import concurrency_for
from bot.telegram.ad_search import jobs as ad_search_jobs
from bot.telegram.posting import jobs as posting_jobs
from bot.telegram.registry import register_handlers
from bot.telegram.services import Services, attach
from bot.texts import t

log = logging.getLogger(__name__)
# Tokens are only checked by Telegram; the demo and the tests never send this one anywhere.
OFFLINE_TOKEN = "123456:offline-demo-token"
# (German command, English alias) in menu order; both names work in either language.
COMMANDS: tuple[tuple[str, str], ...] = (
    ("suche", "search"), ("merkliste", "favourites"), ("suchauftraege", "alerts"), ("standort", "location"),
    ("einstellungen", "settings"), ("hilfe", "help"), ("datenschutz", "privacy"), ("meinedaten", "mydata"),
    ("loeschen", "delete"), ("abbrechen", "cancel"), ("ichbiete", "offerhelp"),
)
# Added to the menu of admins' own chats: what they do besides searching.
ADMIN_COMMANDS: tuple[tuple[str, str], ...] = (
    ("pruefen", "review"), ("anzeige", "ad"), ("rundschreiben", "broadcast"), ("anbieten", "post"),
    ("meineangebote", "mylistings"),
)
# Added to the menu of organisations' members who may contact volunteers (ADS_SEARCH_ACCESS): in everyone's menu
# it would read to volunteers as a second search of their own, which it is not.
MEMBER_COMMANDS: tuple[tuple[str, str], ...] = (("freiwillige", "volunteers"),)


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
    """Opens the services, schedules the alert jobs and registers the command menu in both languages.

    The menu only decorates the bot: when Telegram refuses it, the bot runs and tries again later (startup.py).
    """
    await application.bot_data["services"].initialize()
    jobs.schedule(application)
    await broadcasting.start_runner(application)  # resumes running and due broadcasts after a restart
    posting_jobs.schedule(application)
    ad_jobs.schedule(application)
    ad_search_jobs.schedule(application)
    await startup.decorate(application, register_commands)  # a failure warns and tries again later


async def _post_shutdown(application: Application) -> None:  # type: ignore[type-arg]
    """Stops the broadcast runner, then closes the services."""
    await broadcasting.stop_runner(application)
    await application.bot_data["services"].shutdown()


async def register_commands(application: Application) -> None:  # type: ignore[type-arg]
    """Sets the command menu: German by default and for German clients, English for English ones.

    Admins (ADMIN_IDS and roles in the database at start) also see the admin commands in their own chat, and
    members of organisations who may contact volunteers (ADS_SEARCH_ACCESS) see /freiwillige; one granted later
    sees them after the next start (the commands work at once either way).
    """
    await _set_menu(application.bot, COMMANDS)
    services_ = application.bot_data["services"]
    async with services_.database.read_only() as session:
        admins = {grant.telegram_id for grant in await list_admins(session, admin_ids=services_.settings.admin_ids)}
        members = await contacting_members(session, SearchAccess(services_.settings.ads_search_access))
    for telegram_id in sorted(admins | members):
        commands = COMMANDS + (ADMIN_COMMANDS if telegram_id in admins else ()) + \
            (MEMBER_COMMANDS if telegram_id in members else ())
        try:
            await _set_menu(application.bot, commands, scope=BotCommandScopeChat(telegram_id))
        except TelegramError as error:  # someone who never opened the bot has no chat yet
            log.warning("menu of %s not set: %s", telegram_id, error)


async def _set_menu(bot: Bot, commands: tuple[tuple[str, str], ...], scope: BotCommandScope | None = None) -> None:
    """Registers one menu: German by default and for German clients, English for English ones."""
    german = [BotCommand(de, t("de", f"commands.{de}")) for de, _ in commands]
    english = [BotCommand(en, t("en", f"commands.{de}")) for de, en in commands]
    await bot.set_my_commands(german, scope=scope)
    await bot.set_my_commands(german, scope=scope, language_code="de")
    await bot.set_my_commands(english, scope=scope, language_code="en")
