"""The feeds: matching published listings as JSON and Atom, paged, with ETag, Last-Modified and 304."""

from __future__ import annotations

from datetime import timedelta
from xml.etree import ElementTree as ET

from bot.store.db import Database
from bot.store.models import Opportunity
from tests.factories.volunteers import LEIPZIG, NOW, make_listing
from tests.web.helpers import running_site

ATOM = "{http://www.w3.org/2005/Atom}"


async def test_json_feed_pages_through_the_matching_listings(database: Database) -> None:
    async with database.unit_of_work() as session:
        kassel = [await make_listing(session, title=f"Tierheim Kassel {n}") for n in range(3)]
        await make_listing(session, title="Tierheim Leipzig", place=LEIPZIG)
    async with running_site(database) as site:
        first = (await site.client.get("/angebote.json", params={"ort": "Kassel", "anzahl": "2"})).json()
        second = (await site.client.get(first["links"]["next"])).json()
    assert first["total"] == 3 and first["pages"] == 2 and len(first["listings"]) == 2
    assert second["page"] == 2 and len(second["listings"]) == 1 and "next" not in second["links"]
    ids = {item["id"] for item in first["listings"] + second["listings"]}
    assert ids == {listing.id for listing in kassel}
    item = first["listings"][0]
    assert item["url"] == f"{site.base_url}/angebote/{item['id']}"
    assert item["telegram"] == f"https://t.me/TestEhrenamtBot?start=o{item['id']}"
    assert item["contact"]["phone"] == "+49 30 1234 5001" and item["place"] == "Kassel"


async def test_feed_without_parameters_holds_every_published_listing_newest_first(database: Database) -> None:
    async with database.unit_of_work() as session:
        await make_listing(session, title="Älteres Angebot", published_at=NOW - timedelta(days=2))
        await make_listing(session, title="Neueres Angebot", published_at=NOW - timedelta(hours=1))
        await make_listing(session, title="Pausiert", status="paused")
    async with running_site(database) as site:
        feed = (await site.client.get("/angebote.json")).json()
    assert feed["total"] == 2
    assert [item["title"] for item in feed["listings"]] == ["Neueres Angebot", "Älteres Angebot"]


async def test_atom_feed_is_valid_and_links_its_pages(database: Database) -> None:
    async with database.unit_of_work() as session:
        for number in range(3):
            await make_listing(session, title=f"Lesepate {number} <gesucht> & mehr")
    async with running_site(database) as site:
        response = await site.client.get("/angebote.atom", params={"anzahl": "2"})
    assert response.headers["Content-Type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)
    entries = feed.findall(f"{ATOM}entry")
    assert len(entries) == 2
    links = {link.get("rel"): link.get("href") for link in feed.findall(f"{ATOM}link")}
    assert str(links["next"]).endswith("/angebote.atom?seite=2&anzahl=2") and "previous" not in links
    assert entries[0].findtext(f"{ATOM}title", "").endswith("<gesucht> & mehr")
    assert entries[0].find(f"{ATOM}link").get("href").startswith(f"{site.base_url}/angebote/")  # type: ignore[union-attr]


async def test_conditional_requests_answer_304_until_the_data_changes(database: Database) -> None:
    async with database.unit_of_work() as session:
        listing = await make_listing(session, title="Tierheim Kassel")
    async with running_site(database) as site:
        first = await site.client.get("/angebote.json")
        etag, modified = first.headers["Etag"], first.headers["Last-Modified"]
        by_etag = await site.client.get("/angebote.json", headers={"If-None-Match": etag})
        by_date = await site.client.get("/angebote.json", headers={"If-Modified-Since": modified})
        atom = await site.client.get("/angebote.atom", headers={"If-Modified-Since": modified})
        async with database.unit_of_work() as session:
            changed = await session.get(Opportunity, listing.id)
            assert changed is not None
            changed.title = "Tierheim Kassel: neue Zeiten"
        after_change = await site.client.get("/angebote.json", headers={"If-None-Match": etag})
    assert first.status_code == 200 and by_etag.status_code == 304 and by_date.status_code == 304
    assert atom.status_code == 304
    assert after_change.status_code == 200 and "neue Zeiten" in after_change.text


async def test_json_feed_says_when_the_place_is_ambiguous_or_unknown(database: Database) -> None:
    async with running_site(database) as site:
        ambiguous = (await site.client.get("/angebote.json", params={"ort": "Frankenberg"})).json()
        unknown = (await site.client.get("/angebote.json", params={"ort": "Xyzzyhausen"})).json()
        chosen = (await site.client.get("/angebote.json",
                                        params={"ortid": str(ambiguous["place_options"][1]["ortid"])})).json()
    assert ambiguous["total"] == 0 and len(ambiguous["place_options"]) == 2
    assert ambiguous["notes"] == ["„Frankenberg“ gibt es mehrmals. Welchen Ort meinst du?"]
    assert "Xyzzyhausen" in unknown["notes"][0] and unknown["place_options"] == []
    assert chosen["place"]["name"] == ambiguous["place_options"][1]["name"] and chosen["notes"] == []


async def test_a_filtered_feed_holds_every_matching_listing_not_only_the_first_answer(database: Database) -> None:
    """A portal's feed has no "Ähnliche anzeigen": it lists what the search finds, the related ones after."""
    async with database.unit_of_work() as session:
        bells = await make_listing(session, title="Glocken läuten zum Stadtfest", categories=["culture"])
        others = [await make_listing(session, title=f"Museumsführung {n}", categories=["culture"]) for n in range(2)]
    async with running_site(database) as site:
        feed = (await site.client.get("/angebote.json",
                                      params={"text": "Glocken", "ort": "Kassel", "bereich": "culture"})).json()
    assert feed["total"] == 3 and feed["listings"][0]["id"] == bells.id
    assert {item["id"] for item in feed["listings"]} == {bells.id, *(other.id for other in others)}
