"""Texts of the posting chat: each question, the problem with an answer, the preview, own listings, moderation."""

from __future__ import annotations

import html
from typing import Any

from bot.listings_view import ListingDetails, details_of
from bot.posting.manage import OwnListing
from bot.posting.steps import Step
from bot.posting.submit import Duplicate, listing_values
from bot.posting.validate import Problem
from bot.store.models import Opportunity
from bot.telegram.posting.buttons import preview_buttons, typed_answer
from bot.telegram.listings.render import details_text
from bot.telegram.formatting import line
from bot.telegram.sending import View
from bot.texts import t
from bot.titles import place_needed, shared_titles

QUESTIONS: dict[Step, str] = {
    Step.ORGANISATION: "posting.ask_organisation",
    Step.ORG_NAME: "posting.ask_org_name",
    Step.ORG_KIND: "posting.ask_org_kind",
    Step.ORG_WEBSITE: "posting.ask_org_website",
    Step.ORG_CONTACT: "posting.ask_org_contact",
    Step.TITLE: "posting.ask_title",
    Step.DESCRIPTION: "posting.ask_description",
    Step.CATEGORIES: "posting.ask_categories",
    Step.PLACE: "posting.ask_place",
    Step.TIME_KIND: "posting.ask_time_kind",
    Step.DATE: "posting.ask_date",
    Step.TIME_SLOTS: "posting.ask_time_slots",
    Step.HOURS: "posting.ask_hours",
    Step.REQUIREMENTS: "posting.ask_requirements",
    Step.LANGUAGES: "posting.ask_languages",
    Step.ACCESSIBILITY: "posting.ask_accessibility",
    Step.NEWCOMERS: "posting.ask_newcomers",
    Step.CONTACT_NAME: "posting.ask_contact_name",
    Step.CONTACT_REACH: "posting.ask_contact_reach",
}
# Steps whose buttons come preselected from what the NLU read in the description: where the suggestion is kept,
# and where the person's choice.
PRESELECTED: dict[Step, tuple[str, str]] = {
    Step.CATEGORIES: ("suggested_categories", "categories"), Step.TIME_KIND: ("suggested_time_kind", "time_kind"),
    Step.TIME_SLOTS: ("suggested_time_slots", "time_slots"),
}


def question_text(step: Step, data: dict[str, Any], lang: str, *, candidates: bool = False) -> str:
    """Returns the question of a step, with the answer given before (if any) to keep or replace."""
    if step is Step.PLACE and candidates:
        near_miss = bool(data.get("place_near_miss"))
        return t(lang, "posting.ask_place_near_miss" if near_miss else "posting.ask_place_candidates")
    text = t(lang, QUESTIONS[step])
    if _as_suggested(step, data):
        text += "\n\n" + t(lang, "posting.preselected")
    given = typed_answer(step, data)
    if given is not None:
        text += "\n\n" + t(lang, "posting.current", value=line(given, 300))
    return text


def _as_suggested(step: Step, data: dict[str, Any]) -> bool:
    """Tells whether a step's buttons still show what the NLU suggested: once the person changed them, the note
    "preselected from your description" would describe their own choice."""
    if step not in PRESELECTED:
        return False
    suggested, chosen = (data.get(key) for key in PRESELECTED[step])
    if not suggested:
        return False
    if isinstance(suggested, list):
        return set(suggested) == set(chosen or ())
    return chosen in (None, suggested)


def preview_messages(data: dict[str, Any], organisation: str, lang: str, *, problem: str = "") -> list[View]:
    """Returns the preview: a header (an admin's edit says so), then the listing with submit and edit buttons."""
    moderating = bool(data.get("moderating"))
    header = t(lang, "moderation.edit_header") if moderating else t(lang, "posting.preview_header")
    details = preview_details(data, organisation, lang)
    return [View(problem + header), View(details, preview_buttons(lang, moderating=moderating))]


def problem_text(problem: Problem, lang: str) -> str:
    """Returns the friendly text for a refused answer; values from the person are escaped."""
    # Numbers stay numbers, so the catalogue writes them the reader's way ("2.000 Zeichen").
    params = {name: value if isinstance(value, int) else html.escape(str(value))
              for name, value in problem.params.items()}
    text = t(lang, problem.key, **params)
    if problem.key == "posting.invalid.place" and params.get("suggestions"):
        text += " " + t(lang, "posting.place_suggestions", suggestions=params["suggestions"])
    return text


def preview_details(data: dict[str, Any], organisation: str, lang: str) -> str:
    """Returns the draft as volunteers will see it: its listing values through the same details renderer."""
    values = listing_values(data, organisation_id=int(data.get("organisation_id") or 0))
    listing = Opportunity(**values)
    return details_text(details_of(listing, organisation, False, lang=lang, origin=None), lang)


def listing_details(listing: Opportunity, organisation: str, lang: str) -> str:
    """Returns a stored listing in any status as the details view shows it (for admins and owners)."""
    details: ListingDetails = details_of(listing, organisation, False, lang=lang, origin=None)
    return details_text(details, lang)


def organisation_name(data: dict[str, Any], organisations: dict[int, str]) -> str:
    """Returns the name of the organisation a draft is for (chosen, or being created)."""
    if data.get("creating_organisation"):
        return str((data.get("new_organisation") or {}).get("name") or "")
    return organisations.get(int(data.get("organisation_id") or 0), "")


def duplicates_text(duplicates: tuple[Duplicate, ...], lang: str) -> str:
    """Returns the near-duplicates found among the organisation's own listings."""
    items = "\n".join(f"• {line(duplicate.title, 120)}" for duplicate in duplicates[:5])
    return t(lang, "posting.duplicates", listings=items)


def own_listings_text(listings: list[OwnListing], lang: str, *, by_organisation: bool = False) -> str:
    """Returns /meineangebote: one numbered line per listing with its status; by_organisation puts each
    organisation's name above its listings (which must then come grouped)."""
    if not listings:
        return t(lang, "my_listings.empty")
    lines = [t(lang, "my_listings.header")]
    current: int | None = None
    shared = shared_titles(listing.title for listing in listings)  # "Fahrdienst" in two towns: each says where
    for number, listing in enumerate(listings, start=1):
        if by_organisation and listing.organisation_id != current:
            current = listing.organisation_id
            lines.append(t(lang, "my_listings.organisation", name=line(listing.organisation, 60)))
        title = line(listing.title, 80)
        if (place := place_needed(listing.title, listing.place, shared)) is not None:
            title = t(lang, "listing.title_at", title=title, place=line(place, 40))
        lines.append(t(lang, "my_listings.item", number=number, title=title,
                       status=t(lang, STATUS_LABELS.get(listing.status, "my_listings.status_pending"))))
    return "\n".join(lines)


STATUS_LABELS: dict[str, str] = {
    "published": "my_listings.status_published", "pending": "my_listings.status_pending",
    "paused": "my_listings.status_paused", "expired": "my_listings.status_expired",
    "rejected": "my_listings.status_rejected", "withdrawn": "my_listings.status_withdrawn",
}
