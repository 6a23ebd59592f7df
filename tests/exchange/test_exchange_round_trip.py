"""Export streams listings with their organisation; exporting and importing again gives the same values."""

from __future__ import annotations

import io
import json
from datetime import date, datetime, timezone
from typing import Any, Literal

import pytest
from sqlalchemy import delete

from tests.factories.exchange import count_rows

from bot.exchange import FIELD_NAMES, export_listings, import_listings, listing_records, parse_listing_bytes
from bot.store.db import Database
from bot.store.listings import opportunity_row, organisation_ids, organisation_row, upsert_rows
from bot.store.models import Opportunity, Organisation

TRICKY_TEXTS = [
    'Sag "Hallo", bitte; danke | tschüss',
    "Zeile eins\nZeile zwei\n\n• Punkt",
    "=HYPERLINK(\"https://example.com\",\"klick\")",
    "'; DROP TABLE opportunities; --",
    "مرحبا – Привіт – 🐶🌳",
    "-5 Grad? +10 Grad! @Verein",
]


async def seed_varied_listings(database: Database) -> None:
    """Stores listings that exercise every field type, directly through the store (not through an import)."""
    organisations = [
        organisation_row({"name": "Tierfreunde Görlitz e.V.", "kind": "e_v", "website": "https://tiere.example.org",
                          "contact_name": "Jana Platzhalter", "contact_email": "jana@example.org",
                          "contact_phone": "+49 30 1234 5678", "source": "demo", "external_id": "org-1"}),
        organisation_row({"name": "Stadt Fulda, Ehrenamtsbüro", "kind": "municipality", "source": "demo",
                          "external_id": "org-2"}),
    ]
    async with database.unit_of_work() as session:
        await upsert_rows(session, Organisation.__table__, organisations)
        ids = await organisation_ids(session, "demo", ["org-1", "org-2"])
        rows = [opportunity_row(_listing_values(number, ids)) for number in range(12)]
        await upsert_rows(session, Opportunity.__table__, rows)


def _listing_values(number: int, ids: dict[str, int]) -> dict[str, Any]:
    """Returns the values of one varied listing."""
    sparse = number % 3 == 2
    values: dict[str, Any] = {
        "organisation_id": ids["org-1" if number % 2 else "org-2"],
        "title": TRICKY_TEXTS[number % len(TRICKY_TEXTS)] + f" #{number}",
        "description": "" if sparse else f"Beschreibung {number}:\n{TRICKY_TEXTS[(number + 1) % len(TRICKY_TEXTS)]}",
        "status": ["published", "paused", "draft"][number % 3],
        "source": "demo" if number < 10 else "partner",
        "external_id": f"demo-{number}",
        "remote": sparse,
    }
    if not sparse:
        values.update(
            requirements="Führungszeugnis; Geduld",
            categories=["animals", "environment"] if number % 2 else ["seniors"],
            place_name="Görlitz", address="Obermarkt 1", postal_code="02826", district="Görlitz", state="Sachsen",
            lat=51.152234567891234 + number / 1000, lon=14.987412345678901, time_tags=["weekend", "one_off"],
            hours_per_month=number, start_date=date(2025, 3, 1), end_date=date(2025, 12, 31),
            languages=["en", "uk"], accessible=True, accessibility_notes="Rampe am Seiteneingang",
            newcomer_friendly=bool(number % 2), contact_name="Jana Platzhalter", contact_phone="0151 0000 1234",
            contact_email="jana@example.org", contact_url="https://tiere.example.org/mitmachen?x=1&y=2",
            published_at=datetime(2025, 2, 3, 4, 5, 6, 789012, tzinfo=timezone.utc),
            expires_at=datetime(2025, 5, 4, 3, 2, 1, tzinfo=timezone.utc),
        )
    return values


async def exported(database: Database, format: str, **options: Any) -> str:
    """Returns everything export writes."""
    out = io.StringIO(newline="")
    await export_listings(database, out, format=format, status=None, **options)  # type: ignore[arg-type]
    return out.getvalue()


async def all_records(database: Database) -> list[dict[str, Any]]:
    """Returns every listing as an export record."""
    return [record async for record in listing_records(database, status=None)]


@pytest.mark.parametrize("format", ["json", "csv"])
async def test_export_then_import_gives_the_same_values(any_database: Database, format: Literal["json", "csv"]) -> None:
    await seed_varied_listings(any_database)
    before = await all_records(any_database)
    text = await exported(any_database, format)

    again = await import_listings(any_database, parse_listing_bytes(text.encode("utf-8"), format=format))
    assert (again.invalid, again.inserted, again.updated) == (0, 0, 12), [str(p) for p in again.problems]
    assert await all_records(any_database) == before

    async with any_database.unit_of_work() as session:
        await session.execute(delete(Opportunity))
        await session.execute(delete(Organisation))
    fresh = await import_listings(any_database, parse_listing_bytes(text.encode("utf-8"), format=format))
    # An organisation takes its listing's source: the partner's two listings bring their own copies of org-1/2.
    assert (fresh.inserted, fresh.updated, fresh.organisations.inserted) == (12, 0, 4)
    assert await all_records(any_database) == before


async def test_json_export_is_readable_utf8_with_contact_details(database: Database) -> None:
    await seed_varied_listings(database)
    text = await exported(database, "json")
    records = json.loads(text)
    assert len(records) == 12
    assert "Görlitz" in text and "\\u00f6" not in text
    assert text.startswith("[\n  {\n    \"title\": ")
    first_full = next(record for record in records if record["contact_email"])
    assert first_full["contact_phone"] == "0151 0000 1234"
    assert first_full["organisation_name"] in ("Tierfreunde Görlitz e.V.", "Stadt Fulda, Ehrenamtsbüro")
    assert first_full["published_at"] == "2025-02-03T04:05:06.789012+00:00"
    assert first_full["start_date"] == "2025-03-01"


async def test_export_filters_by_status_and_source(database: Database) -> None:
    await seed_varied_listings(database)
    published = [record async for record in listing_records(database)]
    partner = [record async for record in listing_records(database, status=None, source="partner")]
    assert {record["status"] for record in published} == {"published"}
    assert len(published) == 4
    assert [record["external_id"] for record in partner] == ["demo-10", "demo-11"]


async def test_export_pages_through_all_rows_in_id_order(database: Database) -> None:
    await seed_varied_listings(database)
    paged = [record["external_id"] async for record in listing_records(database, status=None, batch=5)]
    assert paged == [f"demo-{number}" for number in range(12)]


async def test_empty_store_exports_an_empty_array_and_just_headings(database: Database) -> None:
    assert await exported(database, "json") == "[]\n"
    assert await exported(database, "csv") == ",".join(FIELD_NAMES) + "\r\n"


async def test_excel_safe_csv_guards_formulas_and_still_imports(database: Database) -> None:
    await seed_varied_listings(database)
    text = await exported(database, "csv", excel_safe=True)
    assert text.startswith("\ufefftitle;description;")
    assert "'=HYPERLINK" in text and "'-5 Grad?" in text
    plain = await exported(database, "csv")
    assert "'=HYPERLINK" not in plain and '"=HYPERLINK(""https://example.com""' in plain
    listing_file = parse_listing_bytes(text.encode("utf-8"))
    assert (listing_file.delimiter, listing_file.encoding) == (";", "utf-8-sig")
    report = await import_listings(database, listing_file)
    assert report.updated == 12 and not report.problems
    titles = {record["title"] async for record in listing_records(database, status=None)}
    assert "'=HYPERLINK(\"https://example.com\",\"klick\") #2" in titles
    assert await count_rows(database) == (12, 4)
