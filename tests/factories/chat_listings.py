"""A small, fixed set of listings for the chat tests: Kassel, Baunatal, Leipzig, Dresden and online.

Every contact is fictional.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from sqlalchemy import select

from bot.store.db import Database
from bot.store.listings import opportunity_row, organisation_ids, organisation_row, upsert_rows
from bot.store.models import Opportunity, Organisation
from bot.store.types import utcnow

KASSEL = (51.3167, 9.5)
BAUNATAL = (51.2553, 9.4183)
LEIPZIG = (51.3397, 12.3731)
DRESDEN = (51.0504, 13.7373)
INJECTION = "<b>Kuchen</b> backen & <script>alert(1)</script>"
LONG_DESCRIPTION = ("Wir suchen Menschen, die gern mit Hunden spazieren gehen und Katzen streicheln. " * 90).strip()

ORGANISATIONS: dict[str, dict[str, Any]] = {
    "tierschutz": {"name": "Tierschutzverein Kassel e.V.", "place_name": "Kassel"},
    "lesepaten": {"name": "Lesepaten Nordhessen", "place_name": "Kassel"},
    "senioren": {"name": "Besuchsdienst Kassel-Mitte", "place_name": "Kassel"},
    "hack": {"name": "<i>Hack</i> & Söhne Nachbarschaft", "place_name": "Kassel"},
    "tafel": {"name": "Tafel Leipzig e.V.", "place_name": "Leipzig"},
    "willkommen": {"name": "Willkommensnetz Dresden", "place_name": "Dresden"},
    "digital": {"name": "Digitale Nachbarn", "place_name": None},
}


def _listing(key: str, org: str, title: str, categories: list[str], where: tuple[float, float] | None,
             place: str | None, number: int, **extra: Any) -> dict[str, Any]:
    """Returns one listing's values with fictional contacts."""
    values: dict[str, Any] = {
        "external_id": key, "organisation": org, "title": title, "categories": categories,
        "description": f"{title}: eine Aufgabe für Menschen, die helfen möchten. Einarbeitung vor Ort.",
        "place_name": place, "lat": where[0] if where else None, "lon": where[1] if where else None,
        "remote": where is None, "time_tags": ["regular"], "hours_per_month": 8,
        "contact_name": "Frau Beispiel", "contact_phone": f"+49 30 1234 5{number:03d}",
        "contact_email": f"{org}@example.org", "contact_url": f"https://{org}.example.org",
    }
    values.update(extra)
    return values


LISTINGS: list[dict[str, Any]] = [
    *[_listing(f"tier{n}", "tierschutz", title, ["animals"], KASSEL, "Kassel", n, time_tags=["weekend", "regular"])
      for n, title in enumerate(["Gassi gehen mit Tierheimhunden", "Katzen im Tierheim betreuen",
                                 "Tierheim: Kleintiere versorgen", "Tierheimfest mitgestalten",
                                 "Fahrdienst zum Tierarzt"], start=1)],
    _listing("tier6", "tierschutz", "Tierheim: Pflegestellen für Hunde", ["animals"], KASSEL, "Kassel", 6,
             description=LONG_DESCRIPTION, requirements="Geduld & Freude an Tieren", languages=["en", "ar"],
             accessible=True, newcomer_friendly=True, address="Beispielweg 1"),
    _listing("tier7", "tierschutz", "Tierheim Baunatal: Hundespaziergänge", ["animals"], BAUNATAL, "Baunatal", 7,
             time_tags=["weekday", "evening"]),
    *[_listing(f"lese{n}", "lesepaten", title, ["children_youth", "education"], KASSEL, "Kassel", 10 + n,
               time_tags=["weekday", "daytime"])
      for n, title in enumerate(["Lesepate an der Grundschule", "Hausaufgabenhilfe für Kinder",
                                 "Vorlesen in der Kita"], start=1)],
    *[_listing(f"sen{n}", "senioren", title, ["seniors"], KASSEL, "Kassel", 20 + n)
      for n, title in enumerate(["Senioren besuchen", "Spaziergänge mit Senioren"], start=1)],
    _listing("hack1", "hack", INJECTION, ["neighbourhood"], KASSEL, "Kassel", 30,
             contact_name="<b>Herr</b> Fett", description="<script>alert('x')</script> & mehr"),
    *[_listing(f"tafel{n}", "tafel", title, ["children_youth", "poverty_homelessness"], LEIPZIG, "Leipzig", 40 + n)
      for n, title in enumerate(["Kinderfrühstück in der Tafel", "Spielnachmittag für Kinder",
                                 "Lebensmittel sortieren"], start=1)],
    *[_listing(f"will{n}", "willkommen", title, ["refugees_integration"], DRESDEN, "Dresden", 50 + n,
               languages=["ar"])
      for n, title in enumerate(["Sprachcafé für Geflüchtete", "Begleitung zu Behörden",
                                 "Deutsch üben mit Geflüchteten"], start=1)],
    *[_listing(f"dig{n}", "digital", title, ["digital"], None, None, 60 + n)
      for n, title in enumerate(["Online-Nachhilfe am Computer", "Telefonpatenschaft digital"], start=1)],
]


async def seed_listings(database: Database) -> dict[str, int]:
    """Stores the organisations and listings; returns opportunity ids by key."""
    now = utcnow()
    async with database.unit_of_work() as session:
        await upsert_rows(session, Organisation.__table__, [
            organisation_row({"source": "test", "external_id": key, **values}) for key, values in ORGANISATIONS.items()
        ])
        ids = await organisation_ids(session, "test", ORGANISATIONS)
        rows = []
        for values in LISTINGS:
            values = dict(values)
            org = values.pop("organisation")
            rows.append(opportunity_row({
                **values, "organisation_id": ids[org], "source": "test", "status": "published",
                "published_at": now - timedelta(days=3), "expires_at": now + timedelta(days=60),
            }))
        await upsert_rows(session, Opportunity.__table__, rows)
    async with database.read_only() as session:
        found = await session.execute(
            select(Opportunity.external_id, Opportunity.id).where(Opportunity.source == "test")
        )
        return {str(key): id_ for key, id_ in found}
