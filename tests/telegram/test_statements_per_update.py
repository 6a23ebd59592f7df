"""How many SQL statements a plain update costs: the conversation's language comes with the person's row."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import event
from tests.telegram.botchat import ANNA, Chat, Reply

from bot.store.db import Database


@contextmanager
def _counted(database: Database) -> Iterator[list[str]]:
    """Collects the statements sent to the database meanwhile."""
    statements: list[str] = []

    def one(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        statements.append(statement)

    event.listen(database.engine.sync_engine, "before_cursor_execute", one)
    try:
        yield statements
    finally:
        event.remove(database.engine.sync_engine, "before_cursor_execute", one)


async def _statements(chat: Chat, database: Database, text: str) -> tuple[Reply, list[str]]:
    with _counted(database) as statements:
        reply = await chat.send(ANNA, text)
    return reply, statements


async def test_help_and_thanks_read_the_person_and_one_thing_more(chat: Chat, database: Database) -> None:
    await chat.send(ANNA, "/start")
    for searched, help_starts, thanks_starts in (("Tierheim in Kassel", "<b>So findest", "Gern geschehen"),
                                                 ("I would like to help at an animal shelter in Kassel",
                                                  "<b>How to find", "You're welcome")):
        await chat.send(ANNA, searched)
        helped, statements = await _statements(chat, database, "/hilfe")
        assert helped.text.startswith(help_starts)
        assert len(statements) == 2, statements  # the person (with their conversation's language), admin rights
        thanked, statements = await _statements(chat, database, "thanks" if "How" in help_starts else "danke")
        assert thanked.text.startswith(thanks_starts)
        assert len(statements) == 2, statements  # the person, whether a draft or an answer is awaited
