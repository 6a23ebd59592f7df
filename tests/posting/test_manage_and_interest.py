"""Organisations manage their own listings; expiry, 'Noch aktuell?' and interest reach the right people once."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from bot.store.db import Database
from bot.posting.drafts import PostingServices
from bot.admins import AdminScope
from bot.moderation import review
from bot.posting import drafts, interest, manage
from bot.posting.answers import Answer
from bot.posting.steps import Step
from bot.posting.submit import submit
from bot.store.models import ModerationEvent, Opportunity, Volunteer
from tests.factories.records import stored
from tests.posting.conftest import NOW
from tests.posting.test_guided_posting import CLUB, _fill_until_preview

ADMIN = AdminScope(telegram_id=1000)


async def _published(database: Database, services: PostingServices) -> int:
    await _fill_until_preview(database, services)
    async with database.unit_of_work() as session:
        listing_id = (await submit(session, services, CLUB)).opportunity_id
        assert listing_id is not None
        await review.approve(session, ADMIN, listing_id, now=NOW)
    return listing_id


async def test_pause_resume_renew_and_delete_own_listing(database: Database, services: PostingServices) -> None:
    listing_id = await _published(database, services)
    async with database.unit_of_work() as session:
        assert [own.id for own in await manage.own_listings(session, CLUB)] == [listing_id]
        assert (await manage.pause(session, CLUB, listing_id)).status == "paused"
        assert (await manage.resume(session, CLUB, listing_id, now=NOW)).status == "published"
        renewed = await manage.renew(session, CLUB, listing_id, now=NOW + timedelta(days=80), ttl_days=90)
        assert renewed.expires_at == NOW + timedelta(days=170)
        await manage.delete_listing(session, CLUB, listing_id)
    async with database.read_only() as session:
        assert await session.get(Opportunity, listing_id) is None
        events = (await session.execute(select(ModerationEvent).where(ModerationEvent.action == "deleted"))).scalars()
        assert [event.reason for event in events] == [f"#{listing_id} Gassi-Geher:in für Tierheimhunde"]


async def test_strangers_cannot_change_a_listing(database: Database, services: PostingServices) -> None:
    listing_id = await _published(database, services)
    async with database.unit_of_work() as session:
        for attack in (manage.pause(session, 4242, listing_id), manage.delete_listing(session, 4242, listing_id),
                       manage.renew(session, 4242, listing_id, now=NOW, ttl_days=90)):
            with pytest.raises(manage.NotYours):
                await attack
        assert await manage.own_listings(session, 4242) == []


async def test_expiry_removes_listing_and_reminder_is_sent_once_before(
    database: Database, services: PostingServices
) -> None:
    listing_id = await _published(database, services)
    async with database.unit_of_work() as session:
        expires = (await stored(session, Opportunity, listing_id)).expires_at
    assert expires is not None
    week_before = expires - timedelta(days=6)
    async with database.unit_of_work() as session:
        assert await manage.renewal_reminders_due(session, now=expires - timedelta(days=10)) == []
        due = await manage.renewal_reminders_due(session, now=week_before)
        assert [(reminder.opportunity_id, reminder.member_ids) for reminder in due] == [(listing_id, (CLUB,))]
        assert await manage.renewal_reminders_due(session, now=week_before + timedelta(hours=1)) == []
    async with database.unit_of_work() as session:
        assert await manage.expire_due(session, now=expires + timedelta(seconds=1)) == 1
        assert (await stored(session, Opportunity, listing_id)).status == "expired"
        renewed = await manage.renew(session, CLUB, listing_id, now=expires + timedelta(days=1), ttl_days=90)
        assert renewed.status == "published" and renewed.renewal_reminded_at is None


async def test_interest_reaches_members_once_and_is_reminded_when_unanswered(
    database: Database, services: PostingServices
) -> None:
    listing_id = await _published(database, services)
    async with database.unit_of_work() as session:
        volunteer = Volunteer(telegram_id=31337)
        session.add(volunteer)
        await session.flush()
        notice = await interest.report_interest(session, volunteer, listing_id, shared_name="Mila K. (@mila)", now=NOW)
        assert notice.member_ids == (CLUB,) and notice.volunteer_telegram_id == 31337
        with pytest.raises(interest.NotReportable):
            await interest.report_interest(session, volunteer, listing_id, shared_name="Mila", now=NOW)
    async with database.unit_of_work() as session:
        assert await interest.reminders_due(session, now=NOW + timedelta(days=2)) == []
        due = await interest.reminders_due(session, now=NOW + timedelta(days=4))
        assert [item.report_id for item in due] == [notice.report_id]
        assert await interest.reminders_due(session, now=NOW + timedelta(days=5)) == []
        assert not await interest.mark_answered(session, 4242, notice.report_id, now=NOW)
        assert await interest.mark_answered(session, CLUB, notice.report_id, now=NOW)


async def test_editing_a_listing_keeps_its_street_address(database: Database, services: PostingServices) -> None:
    await _fill_until_preview(database, services)
    async with database.unit_of_work() as session:
        await drafts.edit(session, CLUB, "place")
        await drafts.answer(session, services, CLUB, Step.PLACE, Answer(text="Wasserturmstraße 5, 34117 Kassel"))
        listing_id = (await submit(session, services, CLUB)).opportunity_id
        assert listing_id is not None
        await review.approve(session, ADMIN, listing_id, now=NOW)
    async with database.unit_of_work() as session:  # the club changes only the title
        view = await drafts.edit_listing(session, CLUB, listing_id)
        assert view is not None and view.data["place"]["address"] == "Wasserturmstraße 5"
        await drafts.edit(session, CLUB, "title")
        await drafts.answer(session, services, CLUB, Step.TITLE, Answer(text="Gassi-Geher:in, samstags"))
        assert (await submit(session, services, CLUB)).updated_existing
    async with database.read_only() as session:
        listing = await stored(session, Opportunity, listing_id)
    assert (listing.title, listing.address, listing.postal_code) == (
        "Gassi-Geher:in, samstags", "Wasserturmstraße 5", "34117")


async def test_an_edit_tells_whether_the_listing_was_online_before(
        database: Database, services: PostingServices) -> None:
    await _fill_until_preview(database, services)
    async with database.unit_of_work() as session:
        listing_id = (await submit(session, services, CLUB)).opportunity_id
        assert listing_id is not None
    async with database.unit_of_work() as session:  # changed while its first review is pending: never online
        await drafts.edit_listing(session, CLUB, listing_id)
        await drafts.edit(session, CLUB, "title")
        await drafts.answer(session, services, CLUB, Step.TITLE, Answer(text="Gassi-Geher:in, sonntags"))
        first = await submit(session, services, CLUB)
        assert first.updated_existing and not first.was_online
        await review.approve(session, ADMIN, listing_id, now=NOW)
    async with database.unit_of_work() as session:  # changed after it was approved: it goes online again
        await drafts.edit_listing(session, CLUB, listing_id)
        await drafts.edit(session, CLUB, "title")
        await drafts.answer(session, services, CLUB, Step.TITLE, Answer(text="Gassi-Geher:in, samstags"))
        again = await submit(session, services, CLUB)
        assert again.updated_existing and again.was_online
