"""The long-lived objects every handler reaches through bot_data: settings, database, search, flood guard.

They are opened in post_init and closed in post_shutdown (rules-bot's pattern), so building the Application
costs nothing and a test or the demo can hand in a database of its own.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import AsyncIterator, Callable, Coroutine
from contextlib import asynccontextmanager

from sqlalchemy.ext.asyncio import AsyncSession
from typing import Any

from telegram.ext import Application, CallbackContext, ContextTypes

from bot.settings import Settings
from bot.store.db import Database
from bot.store.exclusive import exclusively
from bot.telegram.flood import FloodGuard
from bot.conversation.searches import ChatSearches

log = logging.getLogger(__name__)
KEY = "services"
Job = Callable[[ContextTypes.DEFAULT_TYPE], Coroutine[Any, Any, None]]


class Services:
    """What handlers need besides the update; one instance per Application."""

    def __init__(
        self, settings: Settings, *, database: Database | None = None, flood: FloodGuard | None = None
    ) -> None:
        self.settings = settings
        self.flood = flood or FloodGuard()
        self.searches = ChatSearches(default_radius_km=settings.default_radius_km)
        self._database = database
        self._owns_database = database is None
        self.bot_username = settings.bot_username

    @property
    def database(self) -> Database:
        """Returns the open database (only after initialize)."""
        if self._database is None:
            raise RuntimeError("services are not initialised: run the Application with post_init")
        return self._database

    async def initialize(self) -> None:
        """Opens the database (migrating SQLite on first use) and loads the language models once."""
        if self._database is None:
            self._database = Database(self.settings.sqlalchemy_url())
        await self._database.prepare()
        await self.searches.warm_up(self._database)

    async def shutdown(self) -> None:
        """Closes what initialize opened."""
        if self._owns_database and self._database is not None:
            await self._database.close()
            self._database = None

    @asynccontextmanager
    async def unit_of_work(self) -> AsyncIterator[AsyncSession]:
        """Yields the session of one update; it commits when the handler's block ends without error."""
        async with self.database.unit_of_work() as session:
            yield session


def services(context: CallbackContext[Any, Any, Any, Any]) -> Services:
    """Returns the services of the Application handling this update."""
    found: Services = context.bot_data[KEY]
    return found


def one_process_at_a_time(job: Job) -> Job:
    """Wraps a scheduled job so that, of several bot processes on one database, one runs it at a time."""

    @functools.wraps(job)
    async def guarded(context: ContextTypes.DEFAULT_TYPE) -> None:
        async with exclusively(services(context).database, f"job:{job.__name__}") as mine:
            if mine:
                await job(context)
            else:
                log.debug("%s runs in another process now; skipped here", job.__name__)

    return guarded


def attach(application: Application[Any, Any, Any, Any, Any, Any], services_: Services) -> None:
    """Makes the services reachable from every handler."""
    application.bot_data[KEY] = services_
