"""The guided posting flow as use cases: one question at a time, wrong answers, back, edit, submit."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from bot.posting import drafts, validate
from bot.posting.answers import Answer
from bot.posting.drafts import DraftView, NoDraft, PostingServices
from bot.posting.steps import Step
from bot.posting.submit import submit
from bot.store.db import Database
from bot.store.models import ListingDraft, ModerationEvent, Opportunity, Organisation

from tests.factories.records import stored

CLUB = 501


async def _say(database: Database, services: PostingServices, step: Step, answer: Answer, who: int = CLUB) -> DraftView:
    async with database.unit_of_work() as session:
        return await drafts.answer(session, services, who, step, answer)


async def _fill_until_preview(database: Database, services: PostingServices) -> None:
    """Walks a new organisation through every question with valid answers."""
    async with database.unit_of_work() as session:
        view = await drafts.begin(session, services, CLUB)
    assert view.step is Step.ORG_NAME  # no organisation yet: create one
    script = [
        (Step.ORG_NAME, Answer(text="Tierfreunde Kassel")),
        (Step.ORG_KIND, Answer(choice="e_v")),
        (Step.ORG_WEBSITE, Answer(text="tierfreunde-kassel.example.org")),
        (Step.ORG_CONTACT, Answer(text="info@tierfreunde-kassel.example.org")),
        (Step.TITLE, Answer(text="Gassi-Geher:in für Tierheimhunde")),
        (Step.DESCRIPTION, Answer(text="Unsere Hunde im Tierheim freuen sich über Spaziergänge am Wochenende.")),
        (Step.CATEGORIES, Answer(choice="done")),
        (Step.PLACE, Answer(text="34117")),
        (Step.TIME_KIND, Answer(choice="regular")),
        (Step.TIME_SLOTS, Answer(choice="weekend")),
        (Step.TIME_SLOTS, Answer(choice="done")),
        (Step.HOURS, Answer(text="8")),
        (Step.REQUIREMENTS, Answer(choice="skip")),
        (Step.LANGUAGES, Answer(choice="done")),
        (Step.ACCESSIBILITY, Answer(choice="no")),
        (Step.NEWCOMERS, Answer(choice="yes")),
        (Step.CONTACT_NAME, Answer(text="Erika Beispiel")),
        (Step.CONTACT_REACH, Answer(text="0151 0000 4711, erika@example.org")),
    ]
    for step, answer in script:
        view = await _say(database, services, step, answer)
        assert view.problem is None, (step, view.problem)
    assert view.step is Step.PREVIEW


async def test_whole_flow_creates_a_pending_listing_for_a_new_organisation(
    database: Database, services: PostingServices
) -> None:
    await _fill_until_preview(database, services)
    async with database.unit_of_work() as session:
        result = await submit(session, services, CLUB)
    assert result.status == "pending" and not result.published
    async with database.read_only() as session:
        listing = await stored(session, Opportunity, result.opportunity_id)
        assert listing.categories == ["animals"]  # suggested from the description, kept
        assert listing.place_name == "Kassel" and listing.state == "Hessen"
        assert listing.time_tags == ["regular", "weekend"] and listing.hours_per_month == 8
        assert listing.contact_email == "erika@example.org" and listing.newcomer_friendly
        organisation = await stored(session, Organisation, listing.organisation_id)
        assert organisation.website == "https://tierfreunde-kassel.example.org" and not organisation.verified
        assert (await session.execute(select(func.count()).select_from(ListingDraft))).scalar_one() == 0
        actions = (await session.execute(select(ModerationEvent.action))).scalars().all()
    assert actions == ["submitted"]


async def test_wrong_answer_keeps_everything_and_asks_again(database: Database, services: PostingServices) -> None:
    async with database.unit_of_work() as session:
        await drafts.begin(session, services, CLUB)
    await _say(database, services, Step.ORG_NAME, Answer(text="Tierfreunde Kassel"))
    view = await _say(database, services, Step.ORG_KIND, Answer(text="irgendwas"))
    assert view.step is Step.ORG_KIND and view.problem is not None and view.problem.key == "posting.invalid.choice"
    assert view.data["new_organisation"]["name"] == "Tierfreunde Kassel"


@pytest.mark.parametrize(
    ("step", "answer", "problem"),
    [
        (Step.TITLE, Answer(text="Xy"), "posting.invalid.title"),
        (Step.TITLE, Answer(text="weiter"), "posting.invalid.title_chat_word"),
        (Step.DESCRIPTION, Answer(text="kurz"), "posting.invalid.description"),
        (Step.PLACE, Answer(text="Atlantis"), "posting.invalid.place"),
        (Step.PLACE, Answer(text="99999"), "posting.invalid.postal_code"),
        (Step.PLACE, Answer(location=(40.4, -3.7)), "posting.invalid.place_outside"),
        (Step.TIME_KIND, Answer(choice="oft"), "posting.invalid.choice"),
        (Step.HOURS, Answer(text="ganz viele"), "posting.invalid.hours"),
        (Step.CONTACT_REACH, Answer(text="ruf an"), "posting.invalid.contact"),
        (Step.CONTACT_REACH, Answer(text="Tel. 12 34"), "posting.invalid.phone"),
    ],
)
async def test_every_step_refuses_wrong_input_specifically(
    database: Database, services: PostingServices, step: Step, answer: Answer, problem: str
) -> None:
    await _fill_until_preview(database, services)
    field = {Step.TITLE: "title", Step.DESCRIPTION: "description", Step.PLACE: "place", Step.TIME_KIND: "time",
             Step.HOURS: "hours", Step.CONTACT_REACH: "contact"}[step]
    async with database.unit_of_work() as session:
        view = await drafts.edit(session, CLUB, field)
    if step is Step.CONTACT_REACH:
        view = await _say(database, services, Step.CONTACT_NAME, Answer(text="Erika Beispiel"))
    before = view.data
    view = await _say(database, services, step, answer)
    assert view.problem is not None and view.problem.key == problem
    assert view.step is step and view.data == before


async def test_ambiguous_place_offers_candidates_then_takes_the_choice(
    database: Database, services: PostingServices
) -> None:
    await _fill_until_preview(database, services)
    async with database.unit_of_work() as session:
        await drafts.edit(session, CLUB, "place")
    view = await _say(database, services, Step.PLACE, Answer(text="Neustadt"))
    assert view.step is Step.PLACE and len(view.candidates) >= 2
    chosen = view.candidates[1]
    view = await _say(database, services, Step.PLACE, Answer(choice=str(chosen["id"])))
    assert view.step is Step.PREVIEW and view.data["place"]["name"] == chosen["name"]


async def test_back_returns_to_the_previous_question_with_its_answer(
    database: Database, services: PostingServices
) -> None:
    async with database.unit_of_work() as session:
        await drafts.begin(session, services, CLUB)
    await _say(database, services, Step.ORG_NAME, Answer(text="Tierfreunde Kassel"))
    async with database.unit_of_work() as session:
        view = await drafts.back(session, CLUB)
    assert view.step is Step.ORG_NAME and view.data["new_organisation"]["name"] == "Tierfreunde Kassel"


async def test_edit_from_preview_returns_to_preview(database: Database, services: PostingServices) -> None:
    await _fill_until_preview(database, services)
    async with database.unit_of_work() as session:
        view = await drafts.edit(session, CLUB, "time")
    assert view.step is Step.TIME_KIND
    view = await _say(database, services, Step.TIME_KIND, Answer(choice="one_off"))
    assert view.step is Step.DATE
    view = await _say(database, services, Step.DATE, Answer(text="05.12.2026"))
    assert view.step is Step.TIME_SLOTS
    view = await _say(database, services, Step.TIME_SLOTS, Answer(choice="done"))
    assert view.step is Step.PREVIEW and view.data["date"] == "2026-12-05"


async def test_stale_button_for_another_step_changes_nothing(database: Database, services: PostingServices) -> None:
    await _fill_until_preview(database, services)
    view = await _say(database, services, Step.TITLE, Answer(text="Ein anderer Titel"))
    assert view.problem is not None and view.problem.key == "posting.stale" and view.step is Step.PREVIEW


async def test_draft_survives_a_restart_and_continues_in_another_process(
    database: Database, services: PostingServices, tmp_path: Path
) -> None:
    async with database.unit_of_work() as session:
        await drafts.begin(session, services, CLUB)
    await _say(database, services, Step.ORG_NAME, Answer(text="Tierfreunde Kassel"))
    second = Database(database.url)  # another process: its own engine on the same store
    try:
        async with second.unit_of_work() as session:
            view = await drafts.begin(session, services, CLUB)
        assert view.resumed and view.step is Step.ORG_KIND
        async with second.unit_of_work() as session:
            view = await drafts.answer(session, services, CLUB, Step.ORG_KIND, Answer(choice="initiative"))
        assert view.step is Step.ORG_WEBSITE
    finally:
        await second.close()


async def test_cancel_deletes_the_draft(database: Database, services: PostingServices) -> None:
    async with database.unit_of_work() as session:
        await drafts.begin(session, services, CLUB)
        assert await drafts.cancel(session, CLUB)
    async with database.unit_of_work() as session:
        with pytest.raises(NoDraft):
            await drafts.current(session, CLUB)


@pytest.mark.parametrize("typed", ["zurück", "Zurück!", "back", "zurueck"])
async def test_typed_back_goes_back_instead_of_being_stored(
    database: Database, services: PostingServices, typed: str
) -> None:
    await _fill_until_preview(database, services)
    async with database.unit_of_work() as session:
        await drafts.edit(session, CLUB, "contact")
    view = await _say(database, services, Step.CONTACT_NAME, Answer(text=typed))
    assert view.step is not Step.CONTACT_NAME
    assert view.data["contact_name"] == "Erika Beispiel"


async def test_a_name_saying_e_v_is_a_club_and_the_kind_is_not_asked(
    database: Database, services: PostingServices
) -> None:
    async with database.unit_of_work() as session:
        await drafts.begin(session, services, CLUB)
    view = await _say(database, services, Step.ORG_NAME, Answer(text="Tierfreunde Kassel e. V."))
    assert view.step is Step.ORG_WEBSITE and view.data["new_organisation"]["kind"] == "e_v"


def test_only_a_registered_club_names_its_kind() -> None:
    for name in ("Tierfreunde Kassel e.V.", "Tafel e. V.", "Lesefüchse e.V. (Ortsgruppe Nord)", "TAFEL E.V."):
        assert validate.kind_in_name(name) == "e_v", name
    for name in ("Tierfreunde Kassel", "Eve Verein", "Stadt Kassel", "Freie Vereinigung"):
        assert validate.kind_in_name(name) is None, name
