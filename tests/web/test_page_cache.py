"""Kept pages: served again only while the data they show is unchanged, whoever changed it, and while young."""

from __future__ import annotations

import asyncio
import hashlib
from collections.abc import AsyncIterator
from datetime import timedelta

import httpx
import pytest
from sqlalchemy import delete, update

from bot.store.data_version import DataVersion
from bot.store.db import Database
from bot.store.models import Opportunity, Organisation
from bot.store.types import utcnow
from bot.web.page_cache import PageCache
from bot.web.app import WebContext
from tests.web.helpers import operators_pages, served
from tests.factories.volunteers import make_listing, make_organisation

SEARCH = "/suche?ort=Kassel&bereich=animals"


@pytest.fixture
async def client(database: Database) -> AsyncIterator[httpx.AsyncClient]:
    """Serves the pages in this event loop, with kept pages on, and gives a client for them."""
    async with operators_pages(database) as http:
        yield http


async def _change(database: Database, *statements: object) -> None:
    """Commits changes through an engine of its own, as another process (an import, the bot) would."""
    other = Database(database.url)
    try:
        async with other.unit_of_work() as session:
            for statement in statements:
                await session.execute(statement)  # type: ignore[call-overload]
    finally:
        await other.close()


async def test_a_listing_page_is_kept_until_the_listing_or_its_organisation_changes(
    database: Database, client: httpx.AsyncClient,
) -> None:
    async with database.unit_of_work() as session:
        listing = await make_listing(session, title="Hunde ausführen")
        path, listing_id, organisation_id = f"/angebote/{listing.id}", listing.id, listing.organisation_id
    first, again = await client.get(path), await client.get(path)
    assert (first.headers["X-Page-Cache"], again.headers["X-Page-Cache"]) == ("miss", "hit")
    assert again.text == first.text and again.headers["ETag"] == first.headers["ETag"]
    assert again.headers["Last-Modified"] == first.headers["Last-Modified"]

    await _change(database, update(Opportunity).where(Opportunity.id == listing_id).values(title="Katzen füttern"))
    edited = await client.get(path)
    assert edited.headers["X-Page-Cache"] == "miss" and "Katzen füttern" in edited.text

    await _change(database, update(Organisation).where(Organisation.id == organisation_id).values(name="Katzenhilfe"))
    renamed = await client.get(path)
    assert renamed.headers["X-Page-Cache"] == "miss" and "Katzenhilfe" in renamed.text

    await _change(database, update(Opportunity).where(Opportunity.id == listing_id).values(status="paused"))
    assert (await client.get(path)).status_code == 410


async def test_a_kept_listing_page_still_answers_304_to_a_current_copy(
    database: Database, client: httpx.AsyncClient,
) -> None:
    async with database.unit_of_work() as session:
        path = f"/angebote/{(await make_listing(session)).id}"
    first = await client.get(path)
    assert (await client.get(path)).headers["X-Page-Cache"] == "hit"
    conditional = await client.get(path, headers={"If-Modified-Since": first.headers["Last-Modified"]})
    assert conditional.status_code == 304
    tagged = await client.get(path, headers={"If-None-Match": first.headers["ETag"]})
    assert tagged.status_code == 304


async def test_a_kept_page_is_sent_as_tornado_sends_a_rendered_one(
    database: Database, client: httpx.AsyncClient,
) -> None:
    async with database.unit_of_work() as session:
        await make_listing(session)
    made, kept = await client.get(SEARCH), await client.get(SEARCH)
    plain = await client.get(SEARCH, headers={"Accept-Encoding": "identity"})
    assert [answer.headers["X-Page-Cache"] for answer in (made, kept, plain)] == ["miss", "hit", "hit"]
    assert made.headers["Content-Encoding"] == kept.headers["Content-Encoding"] == "gzip"
    assert "Content-Encoding" not in plain.headers and "Accept-Encoding" in plain.headers["Vary"]
    assert made.content == kept.content == plain.content  # httpx undoes the gzip
    assert kept.headers["ETag"] == f'"{hashlib.sha1(kept.content).hexdigest()}"'  # tornado's own ETag
    again = await client.get(SEARCH, headers={"If-None-Match": kept.headers["ETag"]})
    assert again.status_code == 304 and again.content == b""


async def test_pages_are_kept_per_language_and_place(database: Database, client: httpx.AsyncClient) -> None:
    async with database.unit_of_work() as session:
        path = f"/angebote/{(await make_listing(session)).id}"
    german = await client.get(path, headers={"Accept-Language": "de"})
    english = await client.get(path, headers={"Accept-Language": "en"})
    near = await client.get(f"{path}?ort=Fulda", headers={"Accept-Language": "de"})
    assert [page.headers["X-Page-Cache"] for page in (german, english, near)] == ["miss"] * 3
    assert 'lang="de"' in german.text and 'lang="en"' in english.text and "Fulda" in near.text


async def test_a_kept_search_shows_a_new_listing_and_drops_a_deleted_one_at_once(
    database: Database, client: httpx.AsyncClient,
) -> None:
    async with database.unit_of_work() as session:
        club = await make_organisation(session)
        await make_listing(session, organisation=club, title="Tierheim Kassel Hunde")
        club_id = club.id
    await client.get(SEARCH)
    kept = await client.get(SEARCH)
    assert kept.headers["X-Page-Cache"] == "hit" and "Igel überwintern" not in kept.text

    async with database.unit_of_work() as session:
        organisation = await session.get(Organisation, club_id)
        added = await make_listing(session, organisation=organisation, title="Igel überwintern")
        added_id = added.id
    fresh = await client.get(SEARCH)
    assert fresh.headers["X-Page-Cache"] == "miss" and "Igel überwintern" in fresh.text

    await _change(database, delete(Opportunity).where(Opportunity.id == added_id))
    after = await client.get(SEARCH)
    assert after.headers["X-Page-Cache"] == "miss" and "Igel überwintern" not in after.text


async def test_a_listing_that_expires_leaves_the_kept_search_without_any_write(
    database: Database, client: httpx.AsyncClient,
) -> None:
    async with database.unit_of_work() as session:
        await make_listing(session, title="Hunde ausführen")
        await make_listing(session, title="Gleich vorbei", expires_at=utcnow() + timedelta(seconds=2))
    assert "Gleich vorbei" in (await client.get(SEARCH)).text
    assert (await client.get(SEARCH)).headers["X-Page-Cache"] == "hit"
    await asyncio.sleep(2.2)
    after = await client.get(SEARCH)
    assert after.headers["X-Page-Cache"] == "miss" and "Gleich vorbei" not in after.text


async def test_odd_values_are_part_of_a_kept_search(database: Database, client: httpx.AsyncClient) -> None:
    async with database.unit_of_work() as session:
        await make_listing(session)
    plain = await client.get(SEARCH)
    odd = await client.get(SEARCH + "&zeit=nie")  # the same query once the odd time is dropped, plus a note
    assert odd.headers["X-Page-Cache"] == "miss" and odd.text != plain.text


async def test_one_visitors_stray_parameters_never_reach_another_visitors_page(
    database: Database, client: httpx.AsyncClient,
) -> None:
    async with database.unit_of_work() as session:
        path = f"/angebote/{(await make_listing(session)).id}"
    for page in (path, SEARCH):
        marked = await client.get(page + ("&" if "?" in page else "?") + "zugang=geheim123")
        assert "geheim123" in marked.text  # the language switch links back to the address asked for
        clean = await client.get(page)
        assert clean.headers["X-Page-Cache"] == "miss" and "geheim123" not in clean.text


async def test_error_pages_and_feeds_are_never_kept(database: Database, client: httpx.AsyncClient) -> None:
    missing = await client.get("/angebote/999999")
    assert missing.status_code == 404 and "X-Page-Cache" not in missing.headers
    assert "X-Page-Cache" not in (await client.get("/angebote.json?ort=Kassel")).headers


def test_kept_pages_age_out_and_the_oldest_leave_first() -> None:
    now = [0.0]
    pages = PageCache(ttl_seconds=60, max_pages=2, clock=lambda: now[0])
    version = DataVersion(7, None)
    pages.put("a", version, "A")
    now[0] = 59.0
    assert pages.get("a", version) is not None
    assert pages.get("a", DataVersion(8, None)) is None  # another version: gone for good
    assert pages.get("a", version) is None
    pages.put("a", version, "A")
    now[0] = 120.0
    assert pages.get("a", version) is None  # too old
    for key in ("b", "c", "d"):
        pages.put(key, version, key)
    assert len(pages) == 2 and pages.get("b", version) is None and pages.get("d", version) is not None
    assert (pages.hits, pages.misses) == (2, 4)
    assert not PageCache(ttl_seconds=0).enabled


async def test_without_kept_pages_nothing_is_kept(database: Database) -> None:
    context = WebContext(database=database, base_url="http://127.0.0.1", bot_username="ehrenamt_test_bot",
                         pages=PageCache(ttl_seconds=0))
    async with served(context) as http:
        answers = [await http.get(SEARCH) for _ in range(2)]
    assert all(answer.status_code == 200 and "X-Page-Cache" not in answer.headers for answer in answers)
    assert len(context.pages) == 0
