"""Admins edit a pending listing through the same draft and preview the clubs use; it stays pending."""

from __future__ import annotations

import pytest

from bot.store.db import Database
from bot.posting.drafts import PostingServices
from bot.admins import AdminScope, NotAllowed, Region
from bot.moderation import review
from bot.posting import drafts
from bot.posting.answers import Answer
from bot.posting.steps import Step
from bot.posting.submit import submit
from bot.store.models import ListingDraft, Opportunity
from tests.factories.records import stored
from tests.posting.conftest import NOW
from tests.posting.test_guided_posting import CLUB, _fill_until_preview

EVERYWHERE = AdminScope(telegram_id=1000)
SACHSEN_ONLY = AdminScope(telegram_id=1001, regions=(Region("Sachsen"),))


async def _pending(database: Database, services: PostingServices) -> int:
    await _fill_until_preview(database, services)
    async with database.unit_of_work() as session:
        submitted = (await submit(session, services, CLUB)).opportunity_id
    assert submitted is not None
    return submitted


async def _edit_title(
    database: Database, services: PostingServices, scope: AdminScope, listing_id: int, title: str
) -> None:
    """Opens the listing as the admin's draft and changes its title from the preview."""
    async with database.unit_of_work() as session:
        view = await drafts.edit_listing_as_admin(session, scope, listing_id)
    assert view.step is Step.PREVIEW and view.data["moderating"] and view.editing_listing == listing_id
    async with database.unit_of_work() as session:
        await drafts.edit(session, scope.telegram_id, "title")
        view = await drafts.answer(session, services, scope.telegram_id, Step.TITLE, Answer(text=title))
    assert view.step is Step.PREVIEW and view.data["title"] == title


async def test_admin_edit_updates_the_listing_in_place_and_keeps_it_pending(
    database: Database, services: PostingServices
) -> None:
    listing_id = await _pending(database, services)
    await _edit_title(database, services, EVERYWHERE, listing_id, "Hunde ausführen am Wochenende")
    async with database.unit_of_work() as session:
        result = await submit(session, services, EVERYWHERE.telegram_id, scope=EVERYWHERE)
    assert result.opportunity_id == listing_id and result.status == "pending" and result.updated_existing
    assert result.decision is not None and result.decision.member_ids == (CLUB,)
    assert result.decision.action == "edited" and result.decision.title == "Hunde ausführen am Wochenende"
    async with database.read_only() as session:
        listing = await stored(session, Opportunity, listing_id)
        events = [(event.action, event.actor_telegram_id) for event in await review.history(session, listing_id)]
        assert await drafts.load_draft(session, EVERYWHERE.telegram_id) is None
    assert listing.title == "Hunde ausführen am Wochenende" and listing.status == "pending"
    assert listing.published_at is None and listing.organisation_id == result.organisation_id
    assert events == [("submitted", CLUB), ("edited", 1000)]
    async with database.unit_of_work() as session:  # the admin still decides afterwards
        assert (await review.approve(session, EVERYWHERE, listing_id, now=NOW)).status == "published"


async def test_only_admins_of_the_listings_region_may_open_it(database: Database, services: PostingServices) -> None:
    listing_id = await _pending(database, services)  # in Kassel, Hessen
    async with database.unit_of_work() as session:
        with pytest.raises(NotAllowed):
            await drafts.edit_listing_as_admin(session, SACHSEN_ONLY, listing_id)
        assert await drafts.load_draft(session, SACHSEN_ONLY.telegram_id) is None


async def test_a_decided_listing_cannot_be_opened_for_editing(database: Database, services: PostingServices) -> None:
    listing_id = await _pending(database, services)
    async with database.unit_of_work() as session:
        await review.approve(session, EVERYWHERE, listing_id, now=NOW)
    async with database.unit_of_work() as session:
        with pytest.raises(review.NotPending):
            await drafts.edit_listing_as_admin(session, EVERYWHERE, listing_id)


async def test_submitting_rechecks_the_scope_and_changes_nothing_when_refused(
    database: Database, services: PostingServices
) -> None:
    listing_id = await _pending(database, services)
    await _edit_title(database, services, EVERYWHERE, listing_id, "Hunde ausführen am Wochenende")
    async with database.unit_of_work() as session:  # the same person, but no longer an admin of this region
        refused = await submit(session, services, EVERYWHERE.telegram_id, scope=AdminScope(1000, SACHSEN_ONLY.regions))
    assert refused.problem is not None and refused.problem.key == "moderation.not_allowed" and refused.draft_dropped
    async with database.unit_of_work() as session:  # a draft marked by hand does not lend anyone a scope
        listing = await stored(session, Opportunity, listing_id)
        session.add(ListingDraft(telegram_id=4242, opportunity_id=listing_id, step=Step.PREVIEW.value,
                                 data={**drafts.data_from_listing(listing), "moderating": True}))
    async with database.unit_of_work() as session:
        without_scope = await submit(session, services, 4242)
    async with database.unit_of_work() as session:
        session.add(ListingDraft(telegram_id=4242, opportunity_id=listing_id, step=Step.PREVIEW.value,
                                 data={**drafts.data_from_listing(listing), "moderating": True}))
    async with database.unit_of_work() as session:
        borrowed = await submit(session, services, 4242, scope=EVERYWHERE)
    for forged in (without_scope, borrowed):
        assert forged.problem is not None and forged.problem.key == "moderation.not_allowed"
    async with database.read_only() as session:
        listing = await stored(session, Opportunity, listing_id)
        actions = [event.action for event in await review.history(session, listing_id)]
    assert listing.title == "Gassi-Geher:in für Tierheimhunde" and listing.status == "pending"
    assert actions == ["submitted"]


async def test_an_admin_edit_of_a_listing_decided_meanwhile_is_dropped(
    database: Database, services: PostingServices
) -> None:
    listing_id = await _pending(database, services)
    await _edit_title(database, services, EVERYWHERE, listing_id, "Hunde ausführen am Wochenende")
    async with database.unit_of_work() as session:
        await review.reject(session, AdminScope(telegram_id=1003), listing_id, reason="Bitte Zeiten ergänzen")
    async with database.unit_of_work() as session:
        late = await submit(session, services, EVERYWHERE.telegram_id, scope=EVERYWHERE)
    assert late.problem is not None and late.problem.key == "moderation.already_decided" and late.draft_dropped
    async with database.read_only() as session:
        assert (await stored(session, Opportunity, listing_id)).title == "Gassi-Geher:in für Tierheimhunde"
        assert await drafts.load_draft(session, EVERYWHERE.telegram_id) is None


async def test_a_regional_admin_cannot_move_a_listing_out_of_their_region(
    database: Database, services: PostingServices
) -> None:
    listing_id = await _pending(database, services)
    async with database.read_only() as session:
        listing = await stored(session, Opportunity, listing_id)
    assert listing.state is not None
    kassel = AdminScope(telegram_id=1002, regions=(Region(listing.state, listing.district),))
    async with database.unit_of_work() as session:
        await drafts.edit_listing_as_admin(session, kassel, listing_id)
        await drafts.edit(session, kassel.telegram_id, "place")
        view = await drafts.answer(session, services, kassel.telegram_id, Step.PLACE, Answer(text="01067"))
    assert view.step is Step.PREVIEW and view.data["place"]["state"] == "Sachsen"
    async with database.unit_of_work() as session:
        outside = await submit(session, services, kassel.telegram_id, scope=kassel)
    assert outside.problem is not None and outside.problem.key == "moderation.place_outside"
    assert not outside.draft_dropped
    async with database.read_only() as session:
        assert (await stored(session, Opportunity, listing_id)).state == listing.state
