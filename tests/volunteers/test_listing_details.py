"""Listing details for volunteers: everything the view shows, and None for what volunteers must not see."""

from __future__ import annotations

from typing import Any

from datetime import date, timedelta

import pytest

from bot.domain import OpportunityStatus
from bot.listings_view import get_listing_details
from nlu.kernel.gazetteer import haversine_km
from bot.store.db import Database
from tests.factories.volunteers import BAUNATAL, KASSEL, NOW, make_listing


async def test_details_carry_everything_the_view_shows(any_database: Database) -> None:
    async with any_database.unit_of_work() as session:
        listing = await make_listing(
            session, place=BAUNATAL, title="Lesepate <b>gesucht</b>", description="Vorlesen in der Stadtbibliothek.",
            requirements="Freude am Lesen", categories=["children_youth", "education"], address="Marktplatz 1",
            postal_code="34225", time_tags=["weekday", "daytime"], hours_per_month=6,
            start_date=date(2026, 12, 1), end_date=date(2027, 6, 30), languages=["ar", "uk"], accessible=True,
            accessibility_notes="Aufzug vorhanden", newcomer_friendly=True,
        )
        details = await get_listing_details(session, listing.id, lang="en", origin=KASSEL, now=NOW)
    assert details is not None
    assert details.title == "Lesepate <b>gesucht</b>"  # verbatim; the edge escapes
    assert details.organisation.endswith("e.V.")
    assert details.categories == ("children_youth", "education")
    assert details.category_labels == ("Children & youth", "Education")
    assert (details.place, details.address, details.postal_code) == ("Baunatal", "Marktplatz 1", "34225")
    expected_km = haversine_km(KASSEL.lat, KASSEL.lon, BAUNATAL.lat, BAUNATAL.lon)
    assert details.distance_km == pytest.approx(expected_km, abs=0.1)
    assert details.time == ("weekday", "daytime") and details.hours_per_month == 6
    assert (details.start_date, details.end_date) == (date(2026, 12, 1), date(2027, 6, 30))
    assert details.languages == ("ar", "uk")
    assert details.accessible and details.accessibility_notes == "Aufzug vorhanden" and details.newcomer_friendly
    assert details.contact_phone == "+49 30 1234 5001"
    assert details.contact_email and details.contact_email.endswith("@example.org")
    assert details.contact_name == "Erika Beispiel" and details.contact_url == "https://example.org/gassi"


async def test_german_labels_and_no_distance_without_origin(database: Database) -> None:
    async with database.unit_of_work() as session:
        listing = await make_listing(session)
        details = await get_listing_details(session, listing.id, lang="de", now=NOW)
    assert details is not None
    assert details.category_labels == ("Tiere",)
    assert details.distance_km is None


@pytest.mark.parametrize(
    "change",
    [
        {"status": OpportunityStatus.DRAFT.value},
        {"status": OpportunityStatus.PENDING.value},
        {"status": OpportunityStatus.PAUSED.value},
        {"status": OpportunityStatus.REJECTED.value},
        {"status": OpportunityStatus.EXPIRED.value},
        {"expires_at": NOW - timedelta(minutes=1)},
    ],
)
async def test_unpublished_or_expired_listing_has_no_details(database: Database, change: dict[str, Any]) -> None:
    async with database.unit_of_work() as session:
        listing = await make_listing(session, **change)
        assert await get_listing_details(session, listing.id, lang="de", now=NOW) is None


async def test_unknown_listing_has_no_details(database: Database) -> None:
    async with database.read_only() as session:
        assert await get_listing_details(session, 123_456, lang="de") is None
