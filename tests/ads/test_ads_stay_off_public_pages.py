"""Volunteers' ads never reach the public web pages or feeds: /suche, /angebote.json, /angebote.atom, /angebote/{id}."""

from __future__ import annotations

from bot.store.db import Database
from tests.factories.ads import make_ad
from tests.factories.volunteers import make_listing
from tests.web.helpers import running_site

AD_TEXT = "Ich zeige Kindern nachmittags, wie man den Zauberwürfel löst."


async def test_an_ad_is_on_no_page_and_in_no_feed(database: Database) -> None:
    async with database.unit_of_work() as session:
        ad = await make_ad(session, text=AD_TEXT, categories=("children_youth",))
        listing = await make_listing(session, title="Zauberwürfel-Treff im Jugendhaus", categories=["children_youth"])
    async with running_site(database) as site:
        answers = [
            await site.client.get("/suche", params={"ort": "Kassel", "text": "Zauberwürfel"}),
            await site.client.get("/suche", params={"ort": "Kassel", "bereich": "children_youth"}),
            await site.client.get("/angebote.json", params={"ort": "Kassel", "text": "Zauberwürfel"}),
            await site.client.get("/angebote.json"),
            await site.client.get("/angebote.atom"),
            await site.client.get("/embed", params={"ort": "Kassel", "bereich": "children_youth"}),
            await site.client.get(f"/angebote/{ad.id}"),  # the same number is a listing's, or nothing
        ]
        listing_page = await site.client.get(f"/angebote/{listing.id}")
    for answer in answers:
        assert "Zauberwürfel löst" not in answer.text and "Zauberw&uuml;rfel l&ouml;st" not in answer.text
    assert listing_page.status_code == 200
    assert "Zauberwürfel-Treff" in answers[0].text  # the page did search: the listing is there, the ad is not
    feed = answers[2].json()
    assert [item["id"] for item in feed["listings"]] == [listing.id]
