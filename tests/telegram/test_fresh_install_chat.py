"""A fresh install holds no listings until they are imported or seeded: a search says so plainly (and tells an
admin how to fill the database), not "nothing found near Kassel"."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from tests.telegram.botchat import ANNA, JOHN, Chat, Person
from tests.factories.volunteers import make_listing
from tests.telegram.conftest import _chat_on

from bot.domain import OpportunityStatus
from bot.settings import Settings
from bot.store.db import Database
from bot.texts import t

ADMIN = Person(id=1000, first_name="Ada", language_code="de")  # ADMIN_IDS of the test settings


@pytest.fixture
async def empty_chat(database: Database, settings: Settings) -> AsyncIterator[Chat]:
    """The bot on a database without a single listing."""
    async with _chat_on(database, settings) as running:
        yield running


async def test_a_search_on_an_empty_database_says_there_is_nothing_yet(empty_chat: Chat) -> None:
    for text in ("Tierheim in Kassel", "Tierheim", "asdf"):  # with a place, without one, not understood
        reply = await empty_chat.send(ANNA, text)
        assert reply.text == t("de", "search.no_listings_yet"), text
    english = await empty_chat.send(JOHN, "animal shelter in Kassel")
    assert english.text == t("en", "search.no_listings_yet")
    ok = await empty_chat.send(ANNA, "Kassel")  # no place question was left open: a search again, said the same
    assert ok.text == t("de", "search.no_listings_yet")


async def test_an_admin_is_told_how_to_import_or_seed(empty_chat: Chat) -> None:
    reply = await empty_chat.send(ADMIN, "Tierheim in Kassel")
    assert "ehrenamt-bot import" in reply.text and "ehrenamt-bot seed --demo" in reply.text


async def test_with_listings_nothing_found_is_said_as_before(chat: Chat) -> None:
    reply = await chat.send(ANNA, "Tierheim in Flensburg")
    assert t("de", "search.no_listings_yet") not in reply.text


async def test_listings_that_all_expired_or_were_withdrawn_are_not_called_a_fresh_install(
        empty_chat: Chat, database: Database) -> None:
    async with database.unit_of_work() as session:
        await make_listing(session, status=OpportunityStatus.EXPIRED.value)
        await make_listing(session, status=OpportunityStatus.WITHDRAWN.value)
    reply = await empty_chat.send(ANNA, "Tierheim in Kassel")
    assert reply.text == t("de", "search.no_listings_now")
    assert t("de", "search.no_listings_yet") not in reply.text
    admin = await empty_chat.send(ADMIN, "Tierheim in Kassel")
    assert admin.text.startswith(t("de", "search.no_listings_now_admin").splitlines()[0])
    assert "ehrenamt-bot import" in admin.text and "Datenbank ist leer" not in admin.text
