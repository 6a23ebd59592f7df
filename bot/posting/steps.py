"""The questions of the guided posting chat, in order, and which ones apply to a draft."""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from bot.posting.validate import kind_in_name


class Step(StrEnum):
    """One question of the guided chat; the value is stored as the draft's current step."""

    ORGANISATION = "organisation"  # pick one of your organisations, or create one
    ORG_NAME = "org_name"
    ORG_KIND = "org_kind"
    ORG_WEBSITE = "org_website"
    ORG_CONTACT = "org_contact"
    TITLE = "title"
    DESCRIPTION = "description"
    CATEGORIES = "categories"
    PLACE = "place"
    TIME_KIND = "time_kind"  # one-off or regular
    DATE = "date"  # only for one-off listings
    TIME_SLOTS = "time_slots"  # weekday / weekend / daytime / evening
    HOURS = "hours"
    REQUIREMENTS = "requirements"
    LANGUAGES = "languages"
    ACCESSIBILITY = "accessibility"
    NEWCOMERS = "newcomers"
    CONTACT_NAME = "contact_name"
    CONTACT_REACH = "contact_reach"  # phone and/or email
    PREVIEW = "preview"


ORDER: tuple[Step, ...] = tuple(Step)
_ORG_CREATION = {Step.ORG_NAME, Step.ORG_KIND, Step.ORG_WEBSITE, Step.ORG_CONTACT}
# Fields a person can change from the preview, and the step that asks for each.
EDITABLE: dict[str, Step] = {
    "title": Step.TITLE,
    "description": Step.DESCRIPTION,
    "categories": Step.CATEGORIES,
    "place": Step.PLACE,
    "time": Step.TIME_KIND,
    "hours": Step.HOURS,
    "requirements": Step.REQUIREMENTS,
    "languages": Step.LANGUAGES,
    "accessibility": Step.ACCESSIBILITY,
    "newcomers": Step.NEWCOMERS,
    "contact": Step.CONTACT_NAME,
}


def applies(step: Step, data: dict[str, Any]) -> bool:
    """Tells whether a step is asked for this draft (organisation details only when creating one)."""
    if step is Step.ORG_KIND:  # a name ending in "e.V." says the kind itself (answers._org_name)
        organisation = data.get("new_organisation") or {}
        said = isinstance(organisation.get("name"), str) and kind_in_name(organisation["name"]) is not None
        return bool(data.get("creating_organisation")) and not said
    if step in _ORG_CREATION:
        return bool(data.get("creating_organisation"))
    if step is Step.DATE:
        return data.get("time_kind") == "one_off"
    return True


def next_step(current: Step, data: dict[str, Any]) -> Step:
    """Returns the next question that applies; editing from the preview returns to the preview."""
    if data.get("editing") and current is not Step.PREVIEW and not _editing_continues(current, data):
        return Step.PREVIEW
    index = ORDER.index(current)
    for step in ORDER[index + 1 :]:
        if applies(step, data):
            return step
    return Step.PREVIEW


def _editing_continues(current: Step, data: dict[str, Any]) -> bool:
    """Keeps an edit going through its dependent questions (time kind -> date -> slots; contact name -> reach)."""
    if current is Step.TIME_KIND:
        return True
    if current is Step.DATE:
        return True
    if current is Step.CONTACT_NAME:
        return True
    if current in _ORG_CREATION and current is not Step.ORG_CONTACT:
        return True
    return False
