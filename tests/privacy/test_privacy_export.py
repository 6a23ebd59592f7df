"""/meinedaten: everything stored about a person, readable, JSON-ready, and nothing about anyone else."""

from __future__ import annotations

import json

from bot.privacy import export_volunteer_data
from bot.store.db import Database
from tests.factories.privacy import make_person, scan

PERSON, OTHER, ADMIN = 7_100_000_001, 7_100_000_002, 7_100_000_099


async def test_export_holds_every_kind_of_personal_data(any_database: Database) -> None:
    async with any_database.unit_of_work() as session:
        person = await make_person(session, PERSON, admin=ADMIN)
        other = await make_person(session, OTHER, admin=ADMIN)
    async with any_database.read_only() as session:
        document = await export_volunteer_data(session, PERSON)
    assert json.loads(json.dumps(document)) == document  # JSON-ready as it is
    assert document["telegram_id"] == PERSON
    assert document["profile"]["telegram_id"] == PERSON and document["profile"]["language"] == "de"
    assert "home_lat" not in document["profile"]
    assert document["home_place"]["place_name"] == "Baunatal" and document["home_place"]["consent_at"]
    [favourite] = document["favourites"]
    assert (favourite["opportunity_id"], favourite["opportunity_title"]) == (person.listing_id, "Nistkästen bauen")
    assert [s["query_text"] for s in document["saved_searches"]] == ["Tiere Kassel"]
    # the person's search ("Tiere Kassel") matched both people's listings in Kassel
    assert {d["opportunity_id"] for d in document["alert_deliveries"]} == {person.listing_id, other.listing_id}
    assert [r["opportunity_id"] for r in document["interest_reports"]] == [person.listing_id]
    [membership] = document["organisation_memberships"]
    assert membership["organisation_name"] == f"Naturschutzgruppe {PERSON} e.V." and membership["role"] == "owner"
    assert [d["data"] for d in document["listing_drafts"]] == [{"title": "Entwurf"}]
    assert {"chat_searches", "chat_states", "admin_roles", "broadcast_deliveries"} <= set(document["other"])
    actions = document["actions"]
    assert [e["action"] for e in actions["moderation_events"]] == ["approved"]
    assert [b["text"] for b in actions["broadcasts"]] == ["Sommerfest!"]
    assert [r["granted_by"] for r in actions["admin_roles"]] == [PERSON]


async def test_every_table_that_mentions_the_person_is_in_the_export(any_database: Database) -> None:
    async with any_database.unit_of_work() as session:
        person = await make_person(session, PERSON, admin=ADMIN)
        await make_person(session, OTHER, admin=ADMIN)
    async with any_database.read_only() as session:
        document = await export_volunteer_data(session, PERSON)
        rows = await scan(session)
    mentioning = {
        table for table, table_rows in rows.items()
        if any(PERSON in row.values() or row.get("volunteer_id") == person.volunteer_id for row in table_rows)
    }
    mentioning.add("alert_deliveries")  # reached through the person's saved search
    exported = {"volunteers"} | set(document["other"]) | set(document["actions"])
    exported |= {"favourites", "saved_searches", "alert_deliveries", "interest_reports", "organisation_members",
                 "listing_drafts"}
    assert mentioning <= exported
    for section in ("favourites", "saved_searches", "alert_deliveries", "interest_reports",
                    "organisation_memberships", "listing_drafts"):
        assert document[section], section


async def test_export_tells_nothing_about_other_people(database: Database) -> None:
    async with database.unit_of_work() as session:
        await make_person(session, PERSON, admin=ADMIN)
        other = await make_person(session, OTHER, admin=ADMIN)
    async with database.read_only() as session:
        text = json.dumps(await export_volunteer_data(session, PERSON))
    assert str(OTHER) not in text
    assert f'"volunteer_id": {other.volunteer_id}' not in text
    assert f"Naturschutzgruppe {OTHER}" not in text  # the other person's organisation membership


async def test_unknown_person_gets_an_empty_export(database: Database) -> None:
    async with database.read_only() as session:
        document = await export_volunteer_data(session, 123)
    assert document["profile"] is None and document["home_place"] is None
    assert document["favourites"] == [] and document["other"] == {} and document["actions"] == {}
