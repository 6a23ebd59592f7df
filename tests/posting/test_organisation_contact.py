"""'↩ Wie die Organisation' stands for the organisation's phone and e-mail: it is refused when the organisation has
neither, a listing is never stored without a way to reach anyone, and an admin's edit keeps the organisation's
contact as the club's own submission does."""

from __future__ import annotations

from sqlalchemy import update

from bot.posting import drafts
from bot.posting.answers import Answer
from bot.posting.drafts import PostingServices
from bot.posting.steps import Step
from bot.posting.submit import submit
from bot.store.db import Database
from bot.store.models import Opportunity, Organisation
from tests.factories.records import stored
from tests.posting.test_admin_edit import EVERYWHERE, _pending
from tests.posting.test_guided_posting import CLUB, _fill_until_preview, _say

ORG_MAIL = "info@tierfreunde-kassel.example.org"


async def _organisation_id(database: Database, services: PostingServices) -> int:
    """Submits a first listing, which creates the club's organisation (with its e-mail), and returns its id."""
    await _fill_until_preview(database, services)
    async with database.unit_of_work() as session:
        result = await submit(session, services, CLUB)
    assert result.organisation_id is not None
    return result.organisation_id


async def _until_contact_reach(database: Database, services: PostingServices, organisation_id: int) -> None:
    """Walks a second listing of the existing organisation up to the question how the contact is reached."""
    async with database.unit_of_work() as session:
        await drafts.begin(session, services, CLUB)
    script = [
        (Step.ORGANISATION, Answer(choice=str(organisation_id))),
        (Step.TITLE, Answer(text="Katzen streicheln im Tierheim")),
        (Step.DESCRIPTION, Answer(text="Unsere Katzen freuen sich über Besuch und Streicheleinheiten am Abend.")),
        (Step.CATEGORIES, Answer(choice="done")),
        (Step.PLACE, Answer(text="34117")),
        (Step.TIME_KIND, Answer(choice="regular")),
        (Step.TIME_SLOTS, Answer(choice="evening")),
        (Step.TIME_SLOTS, Answer(choice="done")),
        (Step.HOURS, Answer(choice="skip")),
        (Step.REQUIREMENTS, Answer(choice="skip")),
        (Step.LANGUAGES, Answer(choice="done")),
        (Step.ACCESSIBILITY, Answer(choice="no")),
        (Step.NEWCOMERS, Answer(choice="yes")),
        (Step.CONTACT_NAME, Answer(text="Erika Beispiel")),
    ]
    for step, answer in script:
        view = await _say(database, services, step, answer)
        assert view.problem is None, (step, view.problem)
    assert view.step is Step.CONTACT_REACH


async def _forget_contact(database: Database, organisation_id: int) -> None:
    async with database.unit_of_work() as session:
        await session.execute(update(Organisation).where(Organisation.id == organisation_id)
                              .values(contact_email=None, contact_phone=None))


async def test_the_organisations_contact_is_refused_when_it_has_none(
    database: Database, services: PostingServices
) -> None:
    organisation_id = await _organisation_id(database, services)
    await _forget_contact(database, organisation_id)
    await _until_contact_reach(database, services, organisation_id)
    view = await _say(database, services, Step.CONTACT_REACH, Answer(choice="organisation"))  # a stale button
    assert view.problem is not None and view.problem.key == "posting.invalid.organisation_unreachable"
    assert view.step is Step.CONTACT_REACH and not view.data.get("contact_via_organisation")


async def test_a_listing_whose_organisation_lost_its_contact_asks_how_to_reach_the_person(
    database: Database, services: PostingServices
) -> None:
    organisation_id = await _organisation_id(database, services)
    await _until_contact_reach(database, services, organisation_id)
    view = await _say(database, services, Step.CONTACT_REACH, Answer(choice="organisation"))
    assert view.step is Step.PREVIEW and view.data["contact_via_organisation"]
    await _forget_contact(database, organisation_id)  # changed elsewhere before the club submits
    async with database.unit_of_work() as session:
        result = await submit(session, services, CLUB)
    assert result.opportunity_id is None and result.missing_step is Step.CONTACT_REACH
    assert result.problem is not None and result.problem.key == "posting.invalid.organisation_unreachable"
    view = await _say(database, services, Step.CONTACT_REACH, Answer(text="0151 0000 4712"))
    assert view.step is Step.PREVIEW  # back to the preview, as after editing a field
    async with database.unit_of_work() as session:
        result = await submit(session, services, CLUB)
    async with database.read_only() as session:
        listing = await stored(session, Opportunity, result.opportunity_id)
    assert (listing.contact_phone, listing.contact_email) == ("0151 0000 4712", None)


async def test_an_admins_edit_keeps_the_organisations_contact_the_person_is_reached_by(
    database: Database, services: PostingServices
) -> None:
    listing_id = await _pending(database, services)
    async with database.unit_of_work() as session:
        await drafts.edit_listing_as_admin(session, EVERYWHERE, listing_id)
        await drafts.edit(session, EVERYWHERE.telegram_id, "contact")
    who = EVERYWHERE.telegram_id
    view = await _say(database, services, Step.CONTACT_NAME, Answer(text="Erika Beispiel"), who=who)
    assert view.step is Step.CONTACT_REACH
    view = await _say(database, services, Step.CONTACT_REACH, Answer(choice="organisation"), who=who)
    assert view.problem is None and view.step is Step.PREVIEW
    async with database.unit_of_work() as session:
        result = await submit(session, services, who, scope=EVERYWHERE)
    assert result.opportunity_id == listing_id
    async with database.read_only() as session:
        listing = await stored(session, Opportunity, listing_id)
    assert (listing.contact_phone, listing.contact_email) == (None, ORG_MAIL)
