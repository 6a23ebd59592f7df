"""Updates of different people are handled at the same time; each person's updates one after another.

python-telegram-bot handles updates strictly one by one unless told otherwise, so one slow database query
would hold up everybody. Fully concurrent handling would let a person's "Mehr" overtake the search it pages.
This processor gives both: concurrency across chats, order within a chat (asyncio locks are first come,
first served, and PTB starts the update tasks in arrival order).
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable
from typing import Any

from telegram import Update
from telegram.ext import BaseUpdateProcessor

MAX_CONCURRENT_UPDATES = 4  # enough to overlap database round trips; more only queues Python work on one core


def concurrency_for(database_url: str) -> int:
    """Returns how many updates may be handled at once: one on SQLite, MAX_CONCURRENT_UPDATES on PostgreSQL.

    SQLite has a single writer and every update writes (the stored search), so overlapping updates only
    wait for each other's locks; PostgreSQL serves them in parallel.
    """
    return 1 if database_url.startswith("sqlite") else MAX_CONCURRENT_UPDATES


class PerChatUpdateProcessor(BaseUpdateProcessor):
    """Runs updates concurrently, but those of the same chat (or person) strictly in order."""

    def __init__(self, max_concurrent_updates: int = MAX_CONCURRENT_UPDATES) -> None:
        super().__init__(max_concurrent_updates)
        self._locks: dict[int, asyncio.Lock] = {}
        self._waiting: dict[int, int] = {}

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        """Waits for the chat's earlier updates, then handles this one."""
        key = _chat_key(update)
        if key is None:
            await coroutine
            return
        lock = self._locks.setdefault(key, asyncio.Lock())
        self._waiting[key] = self._waiting.get(key, 0) + 1
        try:
            async with lock:
                await coroutine
        finally:
            self._waiting[key] -= 1
            if not self._waiting[key]:  # nobody else queued for this chat: forget its lock
                del self._waiting[key], self._locks[key]

    async def initialize(self) -> None:
        """Nothing to set up."""

    async def shutdown(self) -> None:
        """Nothing to release."""


def _chat_key(update: object) -> int | None:
    """Returns what orders an update: its chat, else its sender."""
    if not isinstance(update, Update):
        return None
    if update.effective_chat is not None:
        return update.effective_chat.id
    return update.effective_user.id if update.effective_user is not None else None
