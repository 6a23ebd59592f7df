"""Admins decide on pending listings in their region; every decision is recorded; verified clubs publish."""

from __future__ import annotations

import pytest

from bot.store.db import Database
from bot.posting.drafts import PostingServices
from bot.admins import AdminScope, NotAllowed, Region
from bot.moderation import review
from bot.posting.submit import submit
from bot.store.models import Opportunity, Organisation, OrganisationMember
from tests.factories.records import stored
from tests.posting.conftest import NOW
from tests.posting.test_guided_posting import CLUB, _fill_until_preview

EVERYWHERE = AdminScope(telegram_id=1000)
SACHSEN_ONLY = AdminScope(telegram_id=1001, regions=(Region("Sachsen"),))
KASSEL_DISTRICT = AdminScope(telegram_id=1002, regions=(Region("Hessen", "Kassel"),))


async def _submitted(database: Database, services: PostingServices) -> int:
    await _fill_until_preview(database, services)
    async with database.unit_of_work() as session:
        submitted = (await submit(session, services, CLUB)).opportunity_id
    assert submitted is not None
    return submitted


async def test_approval_publishes_records_and_names_whom_to_tell(database: Database, services: PostingServices) -> None:
    listing_id = await _submitted(database, services)
    async with database.unit_of_work() as session:
        assert [entry.opportunity_id for entry in await review.pending_queue(session, EVERYWHERE)] == [listing_id]
        decision = await review.approve(session, EVERYWHERE, listing_id, now=NOW)
    assert decision.status == "published" and decision.member_ids == (CLUB,)
    async with database.read_only() as session:
        listing = await stored(session, Opportunity, listing_id)
        events = [(event.action, event.actor_telegram_id) for event in await review.history(session, listing_id)]
    assert listing.status == "published" and listing.published_at == NOW
    assert events == [("submitted", CLUB), ("approved", 1000)]


async def test_rejection_needs_a_reason_and_is_final(database: Database, services: PostingServices) -> None:
    listing_id = await _submitted(database, services)
    async with database.unit_of_work() as session:
        for empty in ("  ", "👎", "?!", "x"):  # nothing the organisation could act on
            with pytest.raises(ValueError):
                await review.reject(session, EVERYWHERE, listing_id, reason=empty)
        decision = await review.reject(session, EVERYWHERE, listing_id, reason="Bitte Kontakt ergänzen")
    assert decision.status == "rejected" and decision.reason == "Bitte Kontakt ergänzen"
    async with database.unit_of_work() as session:
        with pytest.raises(review.NotPending):
            await review.approve(session, EVERYWHERE, listing_id, now=NOW)


async def test_regional_admin_sees_and_decides_only_their_region(database: Database, services: PostingServices) -> None:
    listing_id = await _submitted(database, services)  # in Kassel, Hessen
    async with database.unit_of_work() as session:
        assert await review.pending_queue(session, SACHSEN_ONLY) == []
        with pytest.raises(NotAllowed):
            await review.approve(session, SACHSEN_ONLY, listing_id, now=NOW)
    async with database.unit_of_work() as session:
        listing = await stored(session, Opportunity, listing_id)
        district = listing.district
    scope = AdminScope(telegram_id=1002, regions=(Region("Hessen", district),))
    async with database.unit_of_work() as session:
        assert (await review.approve(session, scope, listing_id, now=NOW)).status == "published"


async def test_verified_organisation_publishes_directly(database: Database, services: PostingServices) -> None:
    listing_id = await _submitted(database, services)
    async with database.unit_of_work() as session:
        listing = await stored(session, Opportunity, listing_id)
        assert await review.verify_organisation(session, EVERYWHERE, listing.organisation_id)
        organisation = await stored(session, Organisation, listing.organisation_id)
        assert organisation.verified
    from bot.posting import drafts
    from bot.posting.answers import Answer
    from bot.posting.steps import Step

    async with database.unit_of_work() as session:
        view = await drafts.begin(session, services, CLUB)
        assert view.step is Step.ORGANISATION and view.organisations[0][0] == listing.organisation_id
        await drafts.answer(session, services, CLUB, Step.ORGANISATION, Answer(choice=str(listing.organisation_id)))
    async with database.unit_of_work() as session:
        for step, answer in [
            (Step.TITLE, Answer(text="Katzen streicheln und füttern")),
            (Step.DESCRIPTION, Answer(text="Im Katzenhaus des Tierheims fehlen Menschen, die mit den Tieren spielen.")),
            (Step.CATEGORIES, Answer(choice="done")), (Step.PLACE, Answer(text="Kassel")),
            (Step.TIME_KIND, Answer(choice="regular")), (Step.TIME_SLOTS, Answer(choice="evening")),
            (Step.TIME_SLOTS, Answer(choice="done")), (Step.HOURS, Answer(choice="skip")),
            (Step.REQUIREMENTS, Answer(choice="skip")), (Step.LANGUAGES, Answer(choice="done")),
            (Step.ACCESSIBILITY, Answer(choice="yes")), (Step.NEWCOMERS, Answer(choice="no")),
            (Step.CONTACT_NAME, Answer(text="Erika Beispiel")), (Step.CONTACT_REACH, Answer(text="erika@example.org")),
        ]:
            view = await drafts.answer(session, services, CLUB, step, answer)
            assert view.problem is None, step
        result = await submit(session, services, CLUB)
    assert result.published


async def test_near_duplicate_is_pointed_out_before_submission(database: Database, services: PostingServices) -> None:
    first = await _submitted(database, services)
    await _fill_until_preview_as_member(database, services)
    async with database.unit_of_work() as session:
        held = await submit(session, services, CLUB)
    assert held.opportunity_id is None and [d.opportunity_id for d in held.duplicates] == [first]
    async with database.unit_of_work() as session:
        forced = await submit(session, services, CLUB, accept_duplicates=True)
    assert forced.opportunity_id not in (None, first)


async def _fill_until_preview_as_member(database: Database, services: PostingServices) -> None:
    """Posts the same listing again for the organisation created before."""
    from bot.posting import drafts
    from bot.posting.answers import Answer
    from bot.posting.steps import Step

    async with database.unit_of_work() as session:
        view = await drafts.begin(session, services, CLUB)
        organisation_id = view.organisations[0][0]
    steps = [
        (Step.ORGANISATION, Answer(choice=str(organisation_id))),
        (Step.TITLE, Answer(text="Gassi-Geher:in für Tierheimhunde!")),
        (Step.DESCRIPTION, Answer(text="Unsere Hunde im Tierheim freuen sich über Spaziergänge am Wochenende.")),
        (Step.CATEGORIES, Answer(choice="done")), (Step.PLACE, Answer(text="Kassel")),
        (Step.TIME_KIND, Answer(choice="regular")), (Step.TIME_SLOTS, Answer(choice="weekend")),
        (Step.TIME_SLOTS, Answer(choice="done")), (Step.HOURS, Answer(text="8")),
        (Step.REQUIREMENTS, Answer(choice="skip")), (Step.LANGUAGES, Answer(choice="done")),
        (Step.ACCESSIBILITY, Answer(choice="no")), (Step.NEWCOMERS, Answer(choice="yes")),
        (Step.CONTACT_NAME, Answer(text="Erika Beispiel")), (Step.CONTACT_REACH, Answer(text="erika@example.org")),
    ]
    async with database.unit_of_work() as session:
        for step, answer in steps:
            view = await drafts.answer(session, services, CLUB, step, answer)
            assert view.problem is None, step


async def test_someone_else_cannot_post_for_an_organisation(database: Database, services: PostingServices) -> None:
    from bot.posting import drafts
    from bot.posting.answers import Answer
    from bot.posting.steps import Step

    listing_id = await _submitted(database, services)
    async with database.unit_of_work() as session:
        organisation_id = (await stored(session, Opportunity, listing_id)).organisation_id
        view = await drafts.begin(session, services, 777)
        assert view.step is Step.ORG_NAME  # 777 belongs to no organisation
        await drafts.restart(session, services, 777)
        session.add(OrganisationMember(organisation_id=organisation_id, telegram_id=888))
    async with database.unit_of_work() as session:
        view = await drafts.begin(session, services, 999)
        view = await drafts.answer(session, services, 999, Step.ORG_NAME, Answer(text="Eigener Verein"))
        assert view.problem is None
    async with database.unit_of_work() as session:
        await drafts.restart(session, services, 888)
        view = await drafts.answer(session, services, 888, Step.ORGANISATION, Answer(choice=str(organisation_id + 1)))
    assert view.problem is not None and view.problem.key == "posting.invalid.organisation"
