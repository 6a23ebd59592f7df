"""The guided posting chat as use cases on a draft stored in the database.

Every call loads the draft, applies one action and stores it again inside the caller's unit of work, so the
chat continues after a restart and in any bot process on the same database. A wrong answer leaves the draft
as it was and returns the problem; nothing typed before is lost.
"""

from __future__ import annotations

import copy
from enum import IntEnum
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.moderation.review import Scope, pending_listing
from bot.posting import validate
from bot.posting.answers import APPLIERS, LONG_DESCRIPTION, Answer, Context, means_back
from bot.posting.places import resolve_place
from bot.posting.steps import EDITABLE, Step, next_step
from bot.posting.validate import Invalid, Problem
from bot.store.models import ListingDraft, Opportunity, Organisation, OrganisationMember
from bot.store.types import utcnow
from nlu.kernel.gazetteer import Gazetteer
from nlu.query import ListingTags


@dataclass(frozen=True)
class PostingServices:
    """What the posting use cases need from outside: places, category suggestions, the clock, the TTL."""

    gazetteer: Gazetteer
    categorize: Callable[[str, str], ListingTags]  # the NLU's suggestions from title and description
    listing_ttl_days: int = 90
    clock: Callable[[], datetime] = utcnow


@dataclass(frozen=True)
class DraftView:
    """The draft as the chat shows it: the question to ask, what is filled in, and a problem if any."""

    step: Step
    data: dict[str, Any]
    problem: Problem | None = None
    resumed: bool = False
    organisations: tuple[tuple[int, str], ...] = ()
    updated_at: datetime | None = None
    editing_listing: int | None = None
    candidates: tuple[dict[str, Any], ...] = field(default_factory=tuple)


class NoDraft(LookupError):
    """The person has no draft (finished, cancelled, or never started)."""


async def member_organisations(session: AsyncSession, telegram_id: int) -> list[tuple[int, str]]:
    """Returns (id, name) of the organisations the person may post for."""
    rows = await session.execute(
        select(Organisation.id, Organisation.name)
        .join(OrganisationMember, OrganisationMember.organisation_id == Organisation.id)
        .where(OrganisationMember.telegram_id == telegram_id)
        .order_by(Organisation.name, Organisation.id)
    )
    return [(id_, name) for id_, name in rows]


async def load_draft(session: AsyncSession, telegram_id: int) -> ListingDraft | None:
    """Returns the person's draft, if any (one draft per person)."""
    result = await session.execute(
        select(ListingDraft).where(ListingDraft.telegram_id == telegram_id).order_by(ListingDraft.id.desc()).limit(1)
    )
    return result.scalar_one_or_none()


async def begin(session: AsyncSession, services: PostingServices, telegram_id: int) -> DraftView:
    """Starts a draft, or returns the existing one marked as resumed ("weitermachen?")."""
    existing = await load_draft(session, telegram_id)
    if existing is not None:
        return await _view(session, existing, resumed=True)
    organisations = await member_organisations(session, telegram_id)
    data: dict[str, Any] = {"history": []}
    step = Step.ORGANISATION
    if not organisations:
        data.update(creating_organisation=True, new_organisation={})
        step = Step.ORG_NAME
    draft = ListingDraft(telegram_id=telegram_id, step=step.value, data=data)
    session.add(draft)
    await session.flush()
    return await _view(session, draft)


async def restart(session: AsyncSession, services: PostingServices, telegram_id: int) -> DraftView:
    """Throws the old draft away and starts a new one."""
    await cancel(session, telegram_id)
    return await begin(session, services, telegram_id)


class Cancelled(IntEnum):
    """What a cancel threw away: nothing, a new listing's draft, or unsaved changes to a stored listing."""

    NOTHING = 0
    NEW_DRAFT = 1
    LISTING_EDIT = 2  # the listing itself stays as it was (published, pending, paused)


async def cancel(session: AsyncSession, telegram_id: int) -> Cancelled:
    """Deletes the person's draft; tells what it was."""
    result = await session.execute(
        delete(ListingDraft).where(ListingDraft.telegram_id == telegram_id).returning(ListingDraft.opportunity_id)
    )
    rows = result.all()
    if not rows:
        return Cancelled.NOTHING
    return Cancelled.LISTING_EDIT if rows[0][0] is not None else Cancelled.NEW_DRAFT


async def current(session: AsyncSession, telegram_id: int) -> DraftView:
    """Returns the person's draft as it stands; raises NoDraft."""
    return await _view(session, await _require(session, telegram_id))


async def answer(
    session: AsyncSession, services: PostingServices, telegram_id: int, step: Step, given: Answer
) -> DraftView:
    """Applies one answer to the current step and moves on; a stale or wrong answer changes nothing."""
    draft = await _require(session, telegram_id)
    if step.value != draft.step:
        return await _view(session, draft, problem=Problem("posting.stale"))
    if given.text is not None and means_back(given.text):
        return await back(session, telegram_id)
    data = copy.deepcopy(draft.data)
    context = await _context(session, services, telegram_id, data)
    try:
        complete = APPLIERS[step](data, given, context)
    except Invalid as invalid:
        if invalid.problem.key == "posting.invalid.description_long" and given.text:
            draft.data = {**copy.deepcopy(draft.data), LONG_DESCRIPTION: validate.clean_text(given.text)}
            await session.flush()  # kept, not thrown away: its beginning can be taken with one press
        return await _view(session, draft, problem=invalid.problem)
    if complete:
        following = next_step(step, data)
        data["history"] = [*_history(data), step.value]
        if following is Step.PREVIEW:
            data.pop("editing", None)
        draft.step = following.value
    draft.data = data
    await session.flush()
    return await _view(session, draft)


# While "weitermachen?" is asked, a typed message is held in the draft instead of answering a question the person
# has not seen; pressing a button settles it (the held text answers the open question, or the new draft's first).
ASKING, HELD = "asking_to_continue", "held_text"
PASSED = "searched_past"  # a second text typed beside the held one: the person searches, the draft waits


async def ask_to_continue(session: AsyncSession, telegram_id: int, *, held: str | None = None) -> DraftView:
    """Marks the draft as asking "weitermachen?", keeping a message typed meanwhile; raises NoDraft.

    Each ask is new, as its message is: a text held or searched past at an earlier ask (and no longer shown with
    its button) is dropped, so a "ja" now goes on instead of answering with it or being searched."""
    draft = await _require(session, telegram_id)
    data = copy.deepcopy(draft.data)
    data[ASKING] = True
    data.pop(PASSED, None)
    data.pop(HELD, None)
    if held:
        data[HELD] = held
    draft.data = data
    await session.flush()
    return await _view(session, draft, resumed=True)


def asking_to_continue(draft: ListingDraft) -> bool:
    """Tells whether the draft waits for "weitermachen" or "neu anfangen"."""
    return bool((draft.data or {}).get(ASKING))


def holds_text(draft: ListingDraft) -> bool:
    """Tells whether a text typed while "weitermachen?" was asked is held beside the draft's open question."""
    return bool((draft.data or {}).get(HELD))


def searched_past(draft: ListingDraft) -> bool:
    """Tells whether the person went on typing past the held text: their texts are searches until they press."""
    return bool((draft.data or {}).get(PASSED))


async def pass_by(session: AsyncSession, telegram_id: int) -> None:
    """Notes that the person typed another text past the held one: from now on texts are searches, and the draft
    with its held text waits for a press (or /anbieten) as it was."""
    draft = await _require(session, telegram_id)
    draft.data = {**copy.deepcopy(draft.data), PASSED: True}
    await session.flush()


async def set_aside(session: AsyncSession, telegram_id: int) -> None:
    """The person said no to "weitermachen?": the held text is dropped, their texts are searches, and the draft
    waits for a press (or /anbieten) as it was."""
    draft = await _require(session, telegram_id)
    data = {**copy.deepcopy(draft.data), PASSED: True}
    data.pop(HELD, None)
    draft.data = data
    await session.flush()


async def settle(session: AsyncSession, telegram_id: int) -> str | None:
    """Ends the "weitermachen?" question; returns the text held meanwhile, if any."""
    draft = await load_draft(session, telegram_id)
    if draft is None or not (draft.data or {}).get(ASKING):
        return None
    data = copy.deepcopy(draft.data)
    data.pop(ASKING, None)
    data.pop(PASSED, None)
    held = data.pop(HELD, None)
    draft.data = data
    await session.flush()
    return str(held) if held else None


async def back(session: AsyncSession, telegram_id: int) -> DraftView:
    """Goes back to the previous question; its answer stays filled in until replaced."""
    draft = await _require(session, telegram_id)
    data = copy.deepcopy(draft.data)
    history = _history(data)
    if history:
        draft.step = history.pop()
        data["history"] = history
        data.pop("place_candidates", None)
        data.pop("place_near_miss", None)
        draft.data = data
        await session.flush()
    return await _view(session, draft)


async def edit(session: AsyncSession, telegram_id: int, field_name: str) -> DraftView:
    """From the preview, asks one field again and returns to the preview afterwards."""
    draft = await _require(session, telegram_id)
    if draft.step != Step.PREVIEW.value or field_name not in EDITABLE:
        return await _view(session, draft, problem=Problem("posting.stale"))
    data = copy.deepcopy(draft.data)
    data["editing"] = True
    data["history"] = [*_history(data), Step.PREVIEW.value]
    draft.step = EDITABLE[field_name].value
    draft.data = data
    await session.flush()
    return await _view(session, draft)


async def edit_listing(session: AsyncSession, telegram_id: int, opportunity_id: int) -> DraftView | None:
    """Opens one of the person's listings as a draft at the preview; None when it is not theirs."""
    listing = await session.get(Opportunity, opportunity_id)
    if listing is None or listing.organisation_id not in dict(await member_organisations(session, telegram_id)):
        return None
    await cancel(session, telegram_id)
    draft = ListingDraft(
        telegram_id=telegram_id, opportunity_id=listing.id, organisation_id=listing.organisation_id,
        step=Step.PREVIEW.value, data=data_from_listing(listing),
    )
    session.add(draft)
    await session.flush()
    return await _view(session, draft)


async def edit_listing_as_admin(session: AsyncSession, scope: Scope, opportunity_id: int) -> DraftView:
    """Opens a pending listing as the admin's draft at the preview; raises NotPending or NotAllowed."""
    listing = await pending_listing(session, scope, opportunity_id)
    await cancel(session, scope.telegram_id)
    # "moderating" makes submitting update the listing in place, checked against the admin's scope, not membership.
    draft = ListingDraft(
        telegram_id=scope.telegram_id, opportunity_id=listing.id, organisation_id=listing.organisation_id,
        step=Step.PREVIEW.value, data={**data_from_listing(listing), "moderating": True},
    )
    session.add(draft)
    await session.flush()
    return await _view(session, draft)


async def preview_organisations(session: AsyncSession, telegram_id: int, data: dict[str, Any]) -> dict[int, str]:
    """Returns the organisation names a preview may show: the person's own, or for an admin's edit the listing's."""
    if not data.get("moderating"):
        return dict(await member_organisations(session, telegram_id))
    organisation = await session.get(Organisation, int(data.get("organisation_id") or 0))
    return {} if organisation is None else {organisation.id: organisation.name}


def data_from_listing(listing: Opportunity) -> dict[str, Any]:
    """Fills a draft's data from a stored listing, the inverse of bot.posting.submit.listing_values."""
    tags = set(listing.time_tags or [])
    place: dict[str, Any] = (
        {"remote": True} if listing.remote and listing.lat is None else
        {"name": listing.place_name, "lat": listing.lat, "lon": listing.lon, "state": listing.state,
         "district": listing.district, "postal_code": listing.postal_code}
    )
    if listing.address and not place.get("remote"):  # the street stays unless the place is answered anew
        place["address"] = listing.address
    return {
        "history": [], "organisation_id": listing.organisation_id, "creating_organisation": False,
        "title": listing.title, "description": listing.description, "categories": list(listing.categories),
        "place": place, "time_kind": "one_off" if "one_off" in tags else "regular",
        "date": listing.start_date.isoformat() if listing.start_date else None,
        "time_slots": [tag for tag in listing.time_tags if tag not in {"one_off", "regular"}],
        "hours_per_month": listing.hours_per_month, "requirements": listing.requirements,
        "languages": list(listing.languages), "accessible": listing.accessible,
        "newcomer_friendly": listing.newcomer_friendly, "contact_name": listing.contact_name,
        "contact_phone": listing.contact_phone, "contact_email": listing.contact_email,
    }


async def _require(session: AsyncSession, telegram_id: int) -> ListingDraft:
    """Loads the draft or raises NoDraft."""
    draft = await load_draft(session, telegram_id)
    if draft is None:
        raise NoDraft(telegram_id)
    return draft


async def _context(
    session: AsyncSession, services: PostingServices, telegram_id: int, data: dict[str, Any]
) -> Context:
    """Builds what the answer checks need."""
    organisations = await member_organisations(session, telegram_id)
    return Context(
        today=services.clock().date(),
        organisation_ids=frozenset(id_ for id_, _ in organisations),
        suggest=services.categorize,
        resolve_place=lambda given: resolve_place(given, services.gazetteer),
        organisation_reach=bool(await organisation_reach(session, data)),
    )


async def organisation_reach(session: AsyncSession, data: dict[str, Any]) -> dict[str, Any]:
    """Returns the phone and e-mail the draft's organisation is reached by (the new one's as given, an existing
    one's as stored now), only those given: empty when it has neither."""
    if data.get("creating_organisation"):
        given = data.get("new_organisation") or {}
    else:
        chosen = await session.get(Organisation, int(data.get("organisation_id") or 0))
        given = organisation_contact(chosen) if chosen is not None else {}
    return {key: given[key] for key in ("contact_phone", "contact_email") if given.get(key)}


async def _view(
    session: AsyncSession, draft: ListingDraft, *, problem: Problem | None = None, resumed: bool = False
) -> DraftView:
    """Describes the draft for the chat."""
    step = Step(draft.step)
    organisations = tuple(await member_organisations(session, draft.telegram_id)) if step is Step.ORGANISATION else ()
    data = copy.deepcopy(draft.data)
    # The preview shows the organisation's website and phone as volunteers will; the contact question offers its
    # phone and e-mail instead of typing them again.
    if (step in (Step.PREVIEW, Step.CONTACT_REACH) and not data.get("creating_organisation")
            and data.get("organisation_id")):
        chosen = await session.get(Organisation, data["organisation_id"])
        if chosen is not None:
            data["organisation_contact"] = organisation_contact(chosen)
    return DraftView(
        step=step, data=data, problem=problem, resumed=resumed, organisations=organisations,
        updated_at=draft.updated_at, editing_listing=draft.opportunity_id,
        candidates=tuple(_dicts(draft.data.get("place_candidates"))),
    )


def _history(data: dict[str, object]) -> list[str]:
    """Returns the steps answered so far (a draft's data is JSON: a list of step values)."""
    history = data.get("history")
    return [str(step) for step in history] if isinstance(history, list) else []


def _dicts(value: object) -> list[dict[str, Any]]:
    """Returns the JSON objects of a stored list (the place candidates), dropping anything else."""
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


def organisation_contact(organisation: Organisation) -> dict[str, Any]:
    """Returns an existing organisation's website, phone and e-mail as a draft keeps them for the preview."""
    return {"website": organisation.website, "contact_phone": organisation.contact_phone,
            "contact_email": organisation.contact_email}
