"""A fresh install holds no listings: the search page and the embed say there are none yet, as the chat does, not
"nothing found" (which blames the words or the place); with listings, "nothing found" stays."""

from __future__ import annotations

import html
from collections.abc import AsyncIterator

import httpx
import pytest

from bot.domain import OpportunityStatus
from bot.store.db import Database
from bot.texts import t
from tests.web.helpers import operators_pages
from tests.factories.volunteers import make_listing


@pytest.fixture
async def client(database: Database) -> AsyncIterator[httpx.AsyncClient]:
    """Serves the pages of the (empty) test database in this event loop."""
    async with operators_pages(database) as http:
        yield http


@pytest.mark.parametrize("path", [
    "/suche?text=Tierheim&ort=Kassel", "/suche?text=asdfgh", "/suche?bereich=animals", "/embed?text=Tierheim+Kassel",
    "/suche?text=animal+shelter+in+Kassel&lang=en",
])
async def test_a_search_on_an_empty_database_says_there_is_nothing_yet(client: httpx.AsyncClient, path: str) -> None:
    page = html.unescape((await client.get(path)).text)
    lang = "en" if "lang=en" in path else "de"
    assert t(lang, "search.no_listings_yet") in page
    assert t(lang, "search.nothing") not in page


async def test_with_listings_nothing_found_is_said_as_before(client: httpx.AsyncClient, database: Database) -> None:
    async with database.unit_of_work() as session:
        await make_listing(session, title="Hunde ausführen")  # in Kassel
    page = html.unescape((await client.get("/suche?bereich=sports&ort=Kassel")).text)
    assert t("de", "search.nothing") in page and t("de", "search.no_listings_yet") not in page


async def test_listings_that_all_expired_or_were_withdrawn_are_not_called_a_fresh_install(
        client: httpx.AsyncClient, database: Database) -> None:
    async with database.unit_of_work() as session:
        await make_listing(session, title="Hunde ausführen", status=OpportunityStatus.EXPIRED.value)
        await make_listing(session, title="Katzen füttern", status=OpportunityStatus.WITHDRAWN.value)
    for path in ("/suche?text=Tierheim&ort=Kassel", "/embed?text=Tierheim+Kassel"):
        page = html.unescape((await client.get(path)).text)
        assert t("de", "search.no_listings_now") in page and t("de", "search.no_listings_yet") not in page, path
        assert t("de", "search.nothing") not in page, path
