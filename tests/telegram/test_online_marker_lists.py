"""The compact lists (Merkliste, alert message, digest) mark a listing that can also be done from home."""

from __future__ import annotations

from bot.alerts import alerts_for_published_listing, due_digests, save_search
from bot.search.model import Refinement
from bot.store.db import Database
from bot.telegram.alerts.render import alert_text, digest_text, favourites_text
from bot.volunteers import add_favourite, list_favourites
from tests.factories.volunteers import KASSEL, NOW, make_listing, make_volunteer, query

ONLINE = "💻 online"


def _block_with(text: str, title: str) -> str:
    """Returns the entry of the list that carries this title (entries are separated by blank lines)."""
    return next(block for block in text.split("\n\n") if title in block)


async def test_the_merkliste_marks_a_listing_done_from_home_and_no_other(database: Database) -> None:
    async with database.unit_of_work() as session:
        volunteer = await make_volunteer(session)
        from_home = await make_listing(session, title="Telefonpatenschaft für Ältere", remote=True)
        on_site = await make_listing(session, title="Hunde im Tierheim ausführen")
        for listing in (from_home, on_site):
            assert await add_favourite(session, volunteer, listing.id)
        entries = await list_favourites(session, volunteer, now=NOW)
    text = favourites_text(entries, offset=0, total=len(entries), lang="de")
    assert f"📍 Kassel · {ONLINE}" in _block_with(text, "Telefonpatenschaft")
    assert "📍 Kassel" in _block_with(text, "Tierheim") and ONLINE not in _block_with(text, "Tierheim")


async def test_an_immediate_alert_marks_a_listing_done_from_home(database: Database) -> None:
    async with database.unit_of_work() as session:
        volunteer = await make_volunteer(session)
        await save_search(session, volunteer, text="Tiere Kassel", refinement=Refinement(), mode="immediate",
                          query=query(categories=("animals",), place=KASSEL))
        from_home = await make_listing(session, title="Futterspenden am Telefon sammeln", remote=True)
        [alert] = await alerts_for_published_listing(session, from_home.id, now=NOW)
        on_site = await make_listing(session, title="Katzengehege reinigen")
        [plain] = await alerts_for_published_listing(session, on_site.id, now=NOW)
    # the listing lies on the saved search's very point (Kassel's): no "0,0 km" claimed for it
    assert "📍 Kassel · 💻 online" in alert_text(alert) and "0,0 km" not in alert_text(alert)
    assert "📍 Kassel" in alert_text(plain) and ONLINE not in alert_text(plain)


async def test_a_digest_marks_only_the_listings_done_from_home(database: Database) -> None:
    async with database.unit_of_work() as session:
        volunteer = await make_volunteer(session)
        await save_search(session, volunteer, text="Tiere Kassel", refinement=Refinement(), mode="daily",
                          query=query(categories=("animals",), place=KASSEL))
        for title, remote in (("Spendenaufrufe online schreiben", True), ("Pferde striegeln", False)):
            listing = await make_listing(session, title=title, remote=remote)
            assert await alerts_for_published_listing(session, listing.id, now=NOW) == []
        [digest] = await due_digests(session, now=NOW)
    text = digest_text(digest)
    assert ONLINE in _block_with(text, "Spendenaufrufe")
    assert "📍 Kassel" in _block_with(text, "Pferde") and ONLINE not in _block_with(text, "Pferde")
