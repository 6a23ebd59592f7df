"""Factories for exchange tests: valid listing records, files written from them, and store look-ups.

A module with its own name (not conftest) so test modules can import it: `from exchange_factories import …`.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from bot.exchange import FIELD_NAMES, ListingFile, parse_listing_bytes
from bot.store.db import Database
from bot.store.models import Opportunity, Organisation

FIXTURES = Path(__file__).parents[1] / "exchange" / "fixtures"

_TITLES = ["Lesepate an der Grundschule", "Gassigehen im Tierheim", "Begleitung zum Arzt", "Sprachcafé leiten",
           "Trainer*in für die F-Jugend", "Ausgabe bei der Tafel", "Bäume pflanzen im Stadtwald"]
_PLACES = [("Kassel", "34117", 51.3127, 9.4797, "Hessen"), ("Dresden", "01067", 51.0504, 13.7373, "Sachsen"),
           ("Fulda", "36037", 50.5558, 9.6808, "Hessen"), ("Görlitz", "02826", 51.1522, 14.9874, "Sachsen")]


def listing_record(number: int = 1, **overrides: Any) -> dict[str, Any]:
    """Returns a valid exchange record (JSON-typed); keyword arguments replace fields, None removes one."""
    place, postal_code, lat, lon, state = _PLACES[number % len(_PLACES)]
    record: dict[str, Any] = {
        "title": _TITLES[number % len(_TITLES)],
        "description": f"Wir suchen Unterstützung in {place}, etwa zwei Stunden pro Woche.\nEinarbeitung inklusive.",
        "categories": ["children_youth", "education"] if number % 2 else ["neighbourhood"],
        "organisation_name": f"Bürgerverein {place} e.V.",
        "organisation_kind": "e_v",
        "organisation_website": "https://verein.example.org",
        "organisation_contact_email": "vorstand@example.org",
        "organisation_external_id": f"org-{place.lower()}",
        "place_name": place,
        "postal_code": postal_code,
        "state": state,
        "lat": lat,
        "lon": lon,
        "time_tags": ["weekday", "evening"],
        "hours_per_month": 8,
        "start_date": "2025-03-01",
        "languages": ["en"],
        "accessible": number % 3 == 0,
        "newcomer_friendly": True,
        "contact_name": "Erika Beispiel",
        "contact_phone": f"+49 30 1234 5{number % 1000:03d}",
        "contact_email": "kontakt@example.org",
        "status": "published",
        "published_at": "2025-02-01T09:30:00+00:00",
        "source": "feed",
        "external_id": f"L-{number}",
    }
    for name, value in overrides.items():
        if value is None:
            record.pop(name, None)
        else:
            record[name] = value
    return record


def csv_text(records: Sequence[dict[str, Any]], *, delimiter: str = ",", columns: Sequence[str] = FIELD_NAMES) -> str:
    """Writes records as CSV text the way a person's spreadsheet would (lists joined by ';', no nulls)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(columns)
    for record in records:
        writer.writerow([_cell(record.get(name)) for name in columns])
    return buffer.getvalue()


def _cell(value: Any) -> str:
    """Formats one CSV cell."""
    if value is None:
        return ""
    if isinstance(value, list):
        return ";".join(value)
    if isinstance(value, bool):
        return "ja" if value else "nein"
    return str(value)


def json_text(records: Sequence[Any]) -> str:
    """Writes records as a JSON array."""
    return json.dumps(list(records), ensure_ascii=False, indent=1)


def as_csv(records: Sequence[dict[str, Any]], **options: Any) -> ListingFile:
    """Parses records written as CSV, as the import would read them."""
    return parse_listing_bytes(csv_text(records, **options).encode("utf-8"), format="csv")


def as_json(records: Sequence[Any]) -> ListingFile:
    """Parses records written as a JSON array."""
    return parse_listing_bytes(json_text(records).encode("utf-8"), format="json")


async def count_rows(database: Database) -> tuple[int, int]:
    """Returns how many opportunities and organisations the store holds."""
    async with database.read_only() as session:
        listings = (await session.execute(select(func.count()).select_from(Opportunity))).scalar_one()
        organisations = (await session.execute(select(func.count()).select_from(Organisation))).scalar_one()
    return listings, organisations


async def stored(database: Database, external_id: str, source: str = "feed") -> Opportunity:
    """Returns one stored opportunity by its feed identity."""
    async with database.read_only() as session:
        return (await session.execute(
            select(Opportunity).where(Opportunity.source == source, Opportunity.external_id == external_id)
        )).scalar_one()
