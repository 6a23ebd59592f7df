"""The snapshot sync on both databases: new, unchanged, withdrawn and returning listings."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from sqlalchemy import select

from bot.exchange.feeds.detect import read_feed
from bot.exchange.feeds.importer import import_feed
from bot.store.db import Database
from bot.store.models import Opportunity

HAMBURG = (Path(__file__).parent / "fixtures" / "feeds" / "freinet_hamburg.csv").read_bytes()


def tags(listings: Sequence[tuple[str, str]]) -> list[tuple[list[str], list[str]]]:
    """A stand-in for the NLU: one category and one time tag per listing."""
    return [(["neighbourhood"], ["weekend"]) for _ in listings]


async def statuses(database: Database) -> dict[str | None, tuple[str, str | None, str | None]]:
    async with database.read_only() as session:
        rows = await session.execute(select(Opportunity.external_id, Opportunity.status, Opportunity.status_reason,
                                            Opportunity.place_precision))
        return {external_id: (status, reason, precision) for external_id, status, reason, precision in rows}


async def test_a_snapshot_syncs_on_both_databases(any_database: Database) -> None:
    first = await import_feed(any_database, read_feed(HAMBURG, "freinet-csv"), categorizer=tags)
    assert (first.count.new, first.count.stopped) == (13, None)
    again = await import_feed(any_database, read_feed(HAMBURG, "freinet-csv"), categorizer=tags)
    assert (again.count.new, again.count.changed, again.count.unchanged) == (0, 0, 13)
    feed = read_feed(HAMBURG, "freinet-csv")
    feed.offers = [offer for offer in feed.offers if offer.external_id != "90001"]
    smaller = await import_feed(any_database, feed, categorizer=tags)
    assert (smaller.count.withdrawn, smaller.count.unchanged) == (1, 12)
    stored = await statuses(any_database)
    status, reason, _precision = stored["90001"]
    assert status == "withdrawn" and reason is not None and reason.startswith("not in the feed's snapshot of ")
    assert stored["90002"] == ("published", None, "quarter")
    back = await import_feed(any_database, read_feed(HAMBURG, "freinet-csv"), categorizer=tags)
    assert (back.count.returned, back.count.changed, back.count.unchanged) == (1, 1, 12)
    assert (await statuses(any_database))["90001"] == ("published", None, "point")
    async with any_database.read_only() as session:
        hints = (await session.execute(select(Opportunity.time_tags, Opportunity.categories))).all()
    assert all(time_tags == ["weekend"] for time_tags, _ in hints)
