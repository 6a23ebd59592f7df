"""Audience selection: every filter alone and combined, opt-out, blocked people, contacts, regional limits."""

from __future__ import annotations

import pytest
from tests.factories.broadcasts import (
    DRESDEN, FULDA, KASSEL, add, add_contacts, delivery_states, in_kassel, running_broadcast, volunteer,
)

from bot.admins import AdminScope, NotAllowed, Region
from bot.broadcasts import Audience, AudienceError, Near, count_audience, within_scope
from bot.broadcasts.outbox import write_outbox
from bot.store.db import Database


async def _people(database: Database) -> None:
    """Stores a small town of volunteers with different places, interests and wishes."""
    await add(database, [
        in_kassel(1, interests=["animals"]),
        in_kassel(2, interests=["children_youth", "sports"]),
        in_kassel(3, interests=["animals"], announcements=False),  # turned announcements off
        in_kassel(4, interests=["animals"], blocked=True),  # blocked the bot
        volunteer(5, home_lat=FULDA[0], home_lon=FULDA[1], home_state="Hessen", home_district="Fulda",
                  interests=["animals", "seniors"]),
        volunteer(6, home_lat=DRESDEN[0], home_lon=DRESDEN[1], home_state="Sachsen", home_district="Dresden",
                  interests=["seniors"]),
        volunteer(7),  # no home place, no interests
    ])


async def _selected(database: Database, audience: Audience) -> set[int]:
    """Writes the audience into a fresh outbox and returns the chat ids; checks the preview count agrees."""
    broadcast_id = await running_broadcast(database, audience)
    await write_outbox(database, broadcast_id, audience, page=2)  # tiny pages exercise the keyset paging
    chats = set(await delivery_states(database, broadcast_id))
    async with database.read_only() as session:
        assert await count_audience(session, audience) == len(chats)
    return chats


@pytest.mark.parametrize(
    ("audience", "expected"),
    [
        (Audience(), {1, 2, 5, 6, 7}),
        (Audience(state="Hessen"), {1, 2, 5}),
        (Audience(state="Hessen", district="Kassel"), {1, 2}),
        (Audience(near=Near(*KASSEL, radius_km=20)), {1, 2}),
        (Audience(near=Near(*KASSEL, radius_km=100)), {1, 2, 5}),
        (Audience(interests=frozenset({"animals"})), {1, 5}),
        (Audience(interests=frozenset({"animals", "seniors"})), {1, 5, 6}),
        (Audience(state="Hessen", interests=frozenset({"seniors"})), {5}),
        (Audience(near=Near(*KASSEL, radius_km=100), interests=frozenset({"sports"})), {2}),
        (Audience(state="Sachsen", near=Near(*KASSEL, radius_km=100)), set()),
    ],
    ids=["all", "state", "district", "radius-20", "radius-100", "interest", "any-interest", "state+interest",
         "radius+interest", "disjoint"],
)
async def test_filters_select_willing_volunteers(
    any_database: Database, audience: Audience, expected: set[int]
) -> None:
    await _people(any_database)
    assert await _selected(any_database, audience) == expected


async def test_contacts_are_reached_by_their_organisations_region_and_respect_opt_out(database: Database) -> None:
    await _people(database)
    await add_contacts(database, "Tierschutzverein Kassel e.V.", [101, 102, 3], state="Hessen", district="Kassel")
    await add_contacts(database, "Tafel Dresden e.V.", [201], state="Sachsen", district="Dresden")
    contacts = Audience(volunteers=False, contacts=True)
    assert await _selected(database, contacts) == {101, 102, 201}  # 3 is also a volunteer who opted out
    assert await _selected(database, Audience(volunteers=False, contacts=True, state="Sachsen")) == {201}


async def test_volunteers_and_contacts_together_reach_each_person_once(any_database: Database) -> None:
    await _people(any_database)
    await add_contacts(any_database, "Jugendfeuerwehr Kassel", [1, 101], state="Hessen", district="Kassel")
    await add_contacts(any_database, "Sportverein Kassel", [101], state="Hessen", district="Kassel")
    both = Audience(volunteers=True, contacts=True, state="Hessen")
    assert await _selected(any_database, both) == {1, 2, 5, 101}


def test_nonsense_audiences_are_refused() -> None:
    with pytest.raises(AudienceError, match="choose"):
        Audience(volunteers=False).validated()
    with pytest.raises(AudienceError, match="state"):
        Audience(district="Kassel").validated()
    with pytest.raises(AudienceError, match="unknown categories: kinder"):
        Audience(interests=frozenset({"kinder"})).validated()
    with pytest.raises(AudienceError, match="radius"):
        Audience(near=Near(*KASSEL, radius_km=0)).validated()
    with pytest.raises(AudienceError, match="volunteers only"):
        Audience(contacts=True, interests=frozenset({"animals"})).validated()


def test_audience_survives_its_json_form() -> None:
    audience = Audience(contacts=False, state="Hessen", district="Kassel", near=Near(*KASSEL, 15, "Kassel"),
                        interests=frozenset({"animals", "seniors"}))
    assert Audience.from_json(audience.to_json()) == audience


def test_regional_admin_reaches_only_their_region() -> None:
    kassel_admin = AdminScope(42, (Region("Hessen", "Kassel"),))
    assert within_scope(Audience(), kassel_admin) == Audience(state="Hessen", district="Kassel")
    radius = Audience(near=Near(*KASSEL, 50))
    assert within_scope(radius, kassel_admin) == Audience(state="Hessen", district="Kassel", near=Near(*KASSEL, 50))
    assert within_scope(Audience(state="Hessen", district="Kassel"), kassel_admin).district == "Kassel"
    with pytest.raises(NotAllowed):
        within_scope(Audience(state="Hessen"), kassel_admin)  # the whole state is more than their district
    with pytest.raises(NotAllowed):
        within_scope(Audience(state="Sachsen"), kassel_admin)
    two_states = AdminScope(43, (Region("Hessen"), Region("Sachsen")))
    with pytest.raises(NotAllowed, match="choose"):
        within_scope(Audience(), two_states)
    assert within_scope(Audience(state="Sachsen", district="Dresden"), two_states).district == "Dresden"
    assert within_scope(Audience(), AdminScope(1)) == Audience()


async def test_regional_limit_holds_for_radius_reaching_into_another_region(database: Database) -> None:
    await _people(database)
    fulda_admin = AdminScope(44, (Region("Hessen", "Fulda"),))
    wide = within_scope(Audience(near=Near(*FULDA, radius_km=120)), fulda_admin)
    assert await _selected(database, wide) == {5}  # Kassel lies within 120 km but outside the district
