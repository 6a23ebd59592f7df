"""Bulk writes keep the bitmasks in step and upsert by (source, external id)."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from bot.categories import category_mask
from bot.store.db import Database
from bot.store.listings import opportunity_row, organisation_ids, organisation_row, upsert_rows
from bot.store.models import Opportunity, Organisation

OPPORTUNITIES = Opportunity.__table__
ORGANISATIONS = Organisation.__table__


def test_row_derives_masks_and_refuses_unknown_fields() -> None:
    row = opportunity_row({"title": "Gassi gehen", "organisation_id": 1, "categories": ["animals", "animals"],
                           "time_tags": ["weekend"]})
    assert row["categories"] == ["animals"]
    assert row["category_mask"] == category_mask(["animals"])
    assert row["time_mask"] == 2
    with pytest.raises(ValueError, match="titel"):
        opportunity_row({"titel": "Tippfehler"})
    with pytest.raises(KeyError):
        opportunity_row({"title": "x", "categories": ["kein_schluessel"]})


async def test_second_import_updates_instead_of_duplicating(any_database: Database) -> None:
    async with any_database.unit_of_work() as session:
        first = await upsert_rows(session, ORGANISATIONS, [organisation_row(
            {"name": "Tierschutzverein Kassel e.V.", "source": "feed", "external_id": "org-1"})])
        org_id = (await organisation_ids(session, "feed", ["org-1"]))["org-1"]
        rows = [opportunity_row({"organisation_id": org_id, "title": f"Angebot {n}", "source": "feed",
                                 "external_id": f"o-{n}", "status": "published"}) for n in range(3)]
        counted = await upsert_rows(session, OPPORTUNITIES, rows)
    assert (first.inserted, counted.inserted, counted.updated) == (1, 3, 0)
    async with any_database.unit_of_work() as session:
        again = [opportunity_row({"organisation_id": org_id, "title": f"Neu {n}", "source": "feed",
                                  "external_id": f"o-{n}", "status": "published"}) for n in range(2, 4)]
        counted = await upsert_rows(session, OPPORTUNITIES, again)
    assert (counted.inserted, counted.updated) == (1, 1)
    async with any_database.read_only() as session:
        titles = sorted((await session.execute(select(Opportunity.title))).scalars())
        total = (await session.execute(select(func.count()).select_from(Opportunity))).scalar_one()
    assert total == 4
    assert titles == ["Angebot 0", "Angebot 1", "Neu 2", "Neu 3"]
