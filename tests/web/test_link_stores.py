"""A flood of search pages whose words a link cannot carry stores no more than a few searches per client; the
pages keep working, and a search stored already is linked whatever the client did before."""

from __future__ import annotations

import re

from sqlalchemy import func, select

from bot.store.db import Database
from bot.store.models import SharedSearch
from bot.web.link_stores import LinkStores
from tests.factories.volunteers import make_listing
from tests.web.helpers import running_site

BOT = "https://t.me/TestEhrenamtBot"


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_a_client_stores_its_share_per_window_and_then_again() -> None:
    clock = Clock()
    stores = LinkStores(per_window=3, window_seconds=60, clock=clock)
    assert [stores.allow("a") for _ in range(4)] == [True, True, True, False]
    assert stores.allow("b")  # another client has a share of its own
    clock.now += 30
    assert not stores.allow("a")
    clock.now += 31  # the first three are older than the window now
    assert stores.allow("a") and stores.refused == 2


def test_the_clients_remembered_are_bounded_and_the_longest_quiet_go_first() -> None:
    clock = Clock()
    stores = LinkStores(per_window=1, window_seconds=60, max_clients=2, clock=clock)
    assert stores.allow("a") and stores.allow("b")
    assert not stores.allow("a")  # "a" was heard last now: "b" is the longest quiet
    assert stores.allow("c")  # "b" is forgotten to make room
    assert stores.allow("b")  # forgotten, it starts afresh (within its window it would have been refused)
    assert not stores.allow("c")


def test_an_ipv6_client_is_its_network_not_each_address() -> None:
    stores = LinkStores(per_window=2, window_seconds=60, clock=Clock())
    assert stores.allow("2001:db8:1:2::1") and stores.allow("2001:db8:1:2:ffff::9")
    assert not stores.allow("2001:db8:1:2::abcd")  # the same /64, however many addresses it uses
    assert stores.allow("2001:db8:1:3::1")  # the next network is another client
    assert stores.allow("::ffff:192.0.2.7") and stores.allow("192.0.2.7")  # IPv4 mapped into IPv6 is that IPv4
    assert not stores.allow("192.0.2.7")


def _link(page: str) -> str:
    found = re.search(r'href="(https://t\.me/TestEhrenamtBot[^"]*)"', page)
    assert found is not None
    return found.group(1)


async def test_a_flood_of_unlinkable_searches_stores_only_a_clients_share(database: Database) -> None:
    async with database.unit_of_work() as session:
        await make_listing(session, title="Gassi gehen mit Tierheimhunden")
    async with running_site(database) as site:
        site.context.link_stores = LinkStores(per_window=2)
        first = await site.client.get("/suche", params={"text": "🐶 Arabisch عربي", "ort": "Kassel"})
        pages = [await site.client.get("/suche", params={"text": f"🐶 عربي {number}", "ort": "Kassel"})
                 for number in range(5)]
        again = await site.client.get("/suche", params={"text": "🐶 Arabisch عربي", "ort": "Kassel"})
    async with database.read_only() as session:
        stored = await session.scalar(select(func.count()).select_from(SharedSearch))
    assert stored == 2  # the first and one of the flood
    assert all(page.status_code == 200 and "Gassi gehen" in page.text for page in [first, *pages, again])
    assert _link(first.text).startswith(f"{BOT}?start=h") and _link(pages[0].text).startswith(f"{BOT}?start=h")
    assert [_link(page.text) for page in pages[1:]] == [BOT] * 4  # the bot, without the search
    assert all(page.headers["Cache-Control"] == "no-store" for page in pages[1:])
    assert _link(again.text) == _link(first.text)  # stored already: linked, nothing more written


def _panel_title(page: str) -> str:
    found = re.search(r'<h2 id="telegram-title">([^<]*)</h2>', page)
    assert found is not None
    return found.group(1)


async def test_a_page_whose_link_lost_its_search_does_not_promise_it(database: Database) -> None:
    # beyond the client's share the link opens the bot alone: the panel offers the bot, not "this search"
    async with database.unit_of_work() as session:
        await make_listing(session, title="Gassi gehen mit Tierheimhunden")
    async with running_site(database) as site:
        site.context.link_stores = LinkStores(per_window=1)
        kept = await site.client.get("/suche", params={"text": "🐶 Hunde", "ort": "Kassel"})
        refused = await site.client.get("/suche", params={"text": "🐱 Hunde", "ort": "Kassel"})
    assert "Gassi gehen" in kept.text and "Gassi gehen" in refused.text
    assert _link(kept.text) != BOT and _panel_title(kept.text) == "Diese Suche in Telegram öffnen"
    assert _link(refused.text) == BOT and _panel_title(refused.text) == "In Telegram öffnen"
