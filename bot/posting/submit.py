"""Submitting a draft: checks, near-duplicates, the organisation, publishing or the moderation queue."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from rapidfuzz import fuzz
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.admins import NotAllowed
from bot.domain import ModerationAction, OpportunityStatus
from bot.moderation.review import Decision, NotPending, Scope, pending_listing, record_edit
from bot.posting.drafts import (
    PostingServices, _require, member_organisations, organisation_contact, organisation_reach,
)
from bot.posting.steps import Step, applies
from bot.posting.validate import Problem
from bot.store.listings import opportunity_row
from bot.store.models import ListingDraft, ModerationEvent, Opportunity, Organisation, OrganisationMember

# Title and description this similar to one of the organisation's own listings is pointed out before submitting.
DUPLICATE_SCORE = 88.0
_REQUIRED = ("title", "description", "categories", "place", "time_kind", "contact_name")


@dataclass(frozen=True)
class Duplicate:
    """One of the organisation's own listings that looks like the one being submitted."""

    opportunity_id: int
    title: str
    score: float


@dataclass(frozen=True)
class SubmitResult:
    """What happened: published, queued for moderation, or held back (a problem or likely duplicates)."""

    opportunity_id: int | None = None
    status: str | None = None
    duplicates: tuple[Duplicate, ...] = ()
    problem: Problem | None = None
    missing_step: Step | None = None
    organisation_id: int | None = None
    updated_existing: bool = False
    was_online: bool = False  # the updated listing was published before (an edit of one never approved was not)
    draft_dropped: bool = False  # the draft could not be applied any more and is gone (an admin's edit)
    decision: Decision | None = None  # an admin's edit: whom to tell that their pending listing was changed

    @property
    def published(self) -> bool:
        """Tells whether the listing is visible to volunteers now."""
        return self.status == OpportunityStatus.PUBLISHED.value


async def submit(
    session: AsyncSession, services: PostingServices, telegram_id: int, *, accept_duplicates: bool = False,
    scope: Scope | None = None,
) -> SubmitResult:
    """Turns the person's draft into a listing; verified organisations publish, others wait for review.

    An admin's edit of a pending listing (a draft marked "moderating") needs the admin's scope instead of
    membership and updates the listing in place, leaving it pending.
    """
    draft = await _require(session, telegram_id)
    data = draft.data
    if draft.step != Step.PREVIEW.value:
        return SubmitResult(problem=Problem("posting.stale"))
    missing = _first_missing(data)
    if missing is not None:
        return SubmitResult(problem=Problem("posting.incomplete"), missing_step=missing)
    if not (data.get("contact_phone") or data.get("contact_email") or await organisation_reach(session, data)):
        # "wie die Organisation" for one that has (or now has) no phone nor e-mail: nobody could be reached
        return await _ask_contact_again(session, draft)
    if data.get("moderating"):
        return await _apply_admin_edit(session, services, draft, scope)
    organisation = await _organisation(session, telegram_id, data)
    if organisation is None:
        return SubmitResult(problem=Problem("posting.invalid.organisation"))
    if not accept_duplicates:
        duplicates = await near_duplicates(session, organisation.id, data, ignore=draft.opportunity_id)
        if duplicates:
            return SubmitResult(duplicates=duplicates, organisation_id=organisation.id)
    now = services.clock()
    status = OpportunityStatus.PUBLISHED if organisation.verified else OpportunityStatus.PENDING
    if not data.get("creating_organisation"):
        data = {**data, "organisation_contact": organisation_contact(organisation)}
    values = listing_values(data, organisation_id=organisation.id)
    values.update(status=status.value, expires_at=now + timedelta(days=services.listing_ttl_days), updated_at=now)
    values["published_at"] = now if status is OpportunityStatus.PUBLISHED else None
    was_online = draft.opportunity_id is not None and await _ever_approved(session, draft.opportunity_id)
    listing = await _store(session, draft.opportunity_id, values, now)
    session.add(ModerationEvent(opportunity_id=listing.id, organisation_id=organisation.id,
                                actor_telegram_id=telegram_id, action=ModerationAction.SUBMITTED.value))
    if status is OpportunityStatus.PUBLISHED:
        session.add(ModerationEvent(opportunity_id=listing.id, organisation_id=organisation.id,
                                    action=ModerationAction.APPROVED.value, reason="verified organisation"))
    await session.delete(draft)
    await session.flush()
    return SubmitResult(opportunity_id=listing.id, status=status.value, organisation_id=organisation.id,
                        updated_existing=draft.opportunity_id is not None, was_online=was_online)


async def _ever_approved(session: AsyncSession, opportunity_id: int) -> bool:
    """Tells whether a listing was ever published (approved by an admin, or at once for a verified organisation): an
    edit of one still waiting for its first review was never online, so it does not go online "again"."""
    found = await session.scalar(
        select(ModerationEvent.id).where(ModerationEvent.opportunity_id == opportunity_id,
                                         ModerationEvent.action == ModerationAction.APPROVED.value).limit(1))
    return found is not None


async def _apply_admin_edit(
    session: AsyncSession, services: PostingServices, draft: ListingDraft, scope: Scope | None
) -> SubmitResult:
    """Updates the pending listing an admin edited, after checking their scope again; it stays pending."""
    try:
        # The scope may have shrunk, or another admin decided, since the draft was opened.
        if scope is None or scope.telegram_id != draft.telegram_id or draft.opportunity_id is None:
            raise NotAllowed(draft.opportunity_id)
        listing = await pending_listing(session, scope, draft.opportunity_id)
    except (NotAllowed, NotPending) as refused:
        await session.delete(draft)
        await session.flush()
        key = "moderation.not_allowed" if isinstance(refused, NotAllowed) else "moderation.already_decided"
        return SubmitResult(problem=Problem(key), draft_dropped=True)
    organisation = await session.get(Organisation, listing.organisation_id)
    contact = organisation_contact(organisation) if organisation is not None else {}
    # the organisation's phone and e-mail stand in as they do for the club's own submission
    values = listing_values({**draft.data, "organisation_contact": contact}, organisation_id=listing.organisation_id)
    if not scope.covers(values["state"], values["district"]):
        return SubmitResult(problem=Problem("moderation.place_outside"), missing_step=Step.PLACE)
    now = services.clock()
    values.update(source=listing.source, updated_at=now)
    await _store(session, listing.id, values, now)
    decision = await record_edit(session, scope, listing)
    await session.delete(draft)
    await session.flush()
    return SubmitResult(opportunity_id=listing.id, status=listing.status, organisation_id=listing.organisation_id,
                        updated_existing=True, decision=decision)


async def _ask_contact_again(session: AsyncSession, draft: ListingDraft) -> SubmitResult:
    """Asks how the contact person is reached again, then returns to the preview (as editing a field does)."""
    data = {key: value for key, value in draft.data.items() if key != "contact_via_organisation"}
    data["editing"] = True
    history = data.get("history")
    data["history"] = [*(history if isinstance(history, list) else []), Step.PREVIEW.value]
    draft.data = data
    draft.step = Step.CONTACT_REACH.value
    await session.flush()
    return SubmitResult(problem=Problem("posting.invalid.organisation_unreachable"), missing_step=Step.CONTACT_REACH)


def listing_values(data: dict[str, Any], *, organisation_id: int) -> dict[str, Any]:
    """Maps a draft's data to opportunity columns (the preview shows exactly these)."""
    place = data.get("place") or {}
    remote = bool(place.get("remote"))
    organisation = (data.get("new_organisation") if data.get("creating_organisation")
                    else data.get("organisation_contact")) or {}
    time_tags = [data["time_kind"], *data.get("time_slots", [])]
    one_off_date = date.fromisoformat(data["date"]) if data.get("date") else None
    return {
        "organisation_id": organisation_id,
        "title": data["title"],
        "description": data["description"],
        "requirements": data.get("requirements"),
        "categories": list(data["categories"]),
        "place_name": None if remote else place.get("name"),
        "lat": None if remote else place.get("lat"),
        "lon": None if remote else place.get("lon"),
        "postal_code": None if remote else place.get("postal_code"),
        "address": None if remote else place.get("address"),
        "state": None if remote else place.get("state"),
        "district": None if remote else place.get("district"),
        "remote": remote,
        "time_tags": time_tags,
        "hours_per_month": data.get("hours_per_month"),
        "start_date": one_off_date,
        "end_date": one_off_date,
        "languages": list(data.get("languages") or []),
        "accessible": bool(data.get("accessible")),
        "newcomer_friendly": bool(data.get("newcomer_friendly")),
        "contact_name": data.get("contact_name"),
        # The organisation's phone and e-mail stand in where the contact person gave none; its website is shown.
        "contact_phone": data.get("contact_phone") or organisation.get("contact_phone"),
        "contact_email": data.get("contact_email") or organisation.get("contact_email"),
        "contact_url": organisation.get("website"),
        "source": "bot",
    }



async def near_duplicates(
    session: AsyncSession, organisation_id: int, data: dict[str, Any], *, ignore: int | None = None
) -> tuple[Duplicate, ...]:
    """Finds the organisation's own live listings whose title and description are nearly the same."""
    live = [OpportunityStatus.PUBLISHED.value, OpportunityStatus.PENDING.value, OpportunityStatus.PAUSED.value]
    rows = await session.execute(
        select(Opportunity.id, Opportunity.title, Opportunity.description)
        .where(Opportunity.organisation_id == organisation_id, Opportunity.status.in_(live))
        .order_by(Opportunity.id)
    )
    wanted = f"{data['title']}\n{data['description']}".lower()
    found = []
    for id_, title, description in rows:
        if id_ == ignore:
            continue
        score = fuzz.token_set_ratio(wanted, f"{title}\n{description}".lower())
        if score >= DUPLICATE_SCORE:
            found.append(Duplicate(opportunity_id=id_, title=title, score=round(score, 1)))
    return tuple(sorted(found, key=lambda duplicate: (-duplicate.score, duplicate.opportunity_id)))


def _first_missing(data: dict[str, Any]) -> Step | None:
    """Returns the first question whose answer is missing, so the chat can ask it."""
    steps = {"title": Step.TITLE, "description": Step.DESCRIPTION, "categories": Step.CATEGORIES,
             "place": Step.PLACE, "time_kind": Step.TIME_KIND, "contact_name": Step.CONTACT_NAME}
    for name in _REQUIRED:
        if not data.get(name):
            return steps[name]
    if applies(Step.DATE, data) and not data.get("date"):
        return Step.DATE
    if not (data.get("contact_phone") or data.get("contact_email") or data.get("contact_via_organisation")):
        return Step.CONTACT_REACH
    if data.get("creating_organisation") and not (data.get("new_organisation") or {}).get("name"):
        return Step.ORG_NAME
    return None


async def _organisation(session: AsyncSession, telegram_id: int, data: dict[str, Any]) -> Organisation | None:
    """Returns the chosen organisation (only if the person is a member) or creates the new one."""
    if not data.get("creating_organisation"):
        allowed = dict(await member_organisations(session, telegram_id))
        chosen = data.get("organisation_id")
        return await session.get(Organisation, chosen) if chosen in allowed else None
    details = data.get("new_organisation") or {}
    place = data.get("place") or {}
    organisation = Organisation(
        name=details["name"], kind=details.get("kind") or "initiative", website=details.get("website"),
        contact_email=details.get("contact_email"), contact_phone=details.get("contact_phone"),
        contact_name=data.get("contact_name"), place_name=place.get("name"), state=place.get("state"),
        district=place.get("district"), verified=False, source="bot",
    )
    organisation.members.append(OrganisationMember(telegram_id=telegram_id, role="owner"))
    session.add(organisation)
    await session.flush()
    return organisation


async def _store(session: AsyncSession, existing_id: int | None, values: dict[str, Any], now: Any) -> Opportunity:
    """Updates the listing being edited, or adds a new one."""
    row = opportunity_row(values, now=now)
    if existing_id is not None:
        listing = await session.get(Opportunity, existing_id)
        if listing is not None:
            for name in values.keys() | {"category_mask", "time_mask"}:
                setattr(listing, name, row[name])
            return listing
    row.pop("created_at", None)
    listing = Opportunity(**{key: value for key, value in row.items() if value is not None or key in values})
    session.add(listing)
    await session.flush()
    return listing
