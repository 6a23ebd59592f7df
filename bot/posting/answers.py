"""How each step's answer changes the draft's data; checks come from validate, places from the gazetteer."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from bot.domain import TimeTag
from bot.posting import validate
from bot.posting.steps import Step
from bot.posting.validate import Invalid
from nlu.query import ListingTags

TIME_SLOTS = (TimeTag.WEEKDAY.value, TimeTag.WEEKEND.value, TimeTag.DAYTIME.value, TimeTag.EVENING.value)


@dataclass(frozen=True, slots=True)
class Answer:
    """What the person gave: typed text, a pressed button's value, or a shared location."""

    text: str | None = None
    choice: str | None = None
    location: tuple[float, float] | None = None


@dataclass(frozen=True, slots=True)
class Context:
    """What the answer checks may need besides the draft: today's date and the person's organisations."""

    today: date
    organisation_ids: frozenset[int]
    suggest: Callable[[str, str], ListingTags]
    resolve_place: Callable[[Answer], dict[str, Any]]
    # the chosen organisation's phone and e-mail (or the new one's), which "↩ Wie die Organisation" stands for
    organisation_reach: bool = False


Applier = Callable[[dict[str, Any], Answer, Context], bool]
"""Changes the data in place; returns True when the step is complete (toggle steps return False until done)."""


# Typed instead of pressing "◀ Zurück": never stored as an answer (a contact named "zurück" is a slip).
_BACK_WORDS = frozenset({"zurück", "zurueck", "zuruck", "zurück bitte", "zurück gehen", "back", "go back", "previous"})


def means_back(text: str) -> bool:
    """True when a typed answer asks to go back to the previous question."""
    words = " ".join(re.sub(r"[^\w\s]", " ", text.casefold()).split())
    return words in _BACK_WORDS


def _text(answer: Answer) -> str:
    """Returns the typed text or raises: a button press where text is wanted."""
    if answer.text is None:
        raise Invalid("posting.invalid.text_expected")
    return answer.text


def _organisation(data: dict[str, Any], answer: Answer, ctx: Context) -> bool:
    if answer.choice == "new":
        data["creating_organisation"] = True
        data.setdefault("new_organisation", {})
        return True
    if answer.choice and answer.choice.isdigit() and int(answer.choice) in ctx.organisation_ids:
        data["organisation_id"] = int(answer.choice)
        data["creating_organisation"] = False
        return True
    raise Invalid("posting.invalid.organisation")


def _org_name(data: dict[str, Any], answer: Answer, ctx: Context) -> bool:
    organisation = data.setdefault("new_organisation", {})
    organisation["name"] = validate.person_or_organisation_name(_text(answer))
    said = validate.kind_in_name(organisation["name"])
    if said is not None:  # "… e.V.": a registered club, not asked again (steps.applies)
        organisation["kind"] = said
    return True


def _org_kind(data: dict[str, Any], answer: Answer, ctx: Context) -> bool:
    data.setdefault("new_organisation", {})["kind"] = validate.organisation_kind(answer.choice or "")
    return True


def _org_website(data: dict[str, Any], answer: Answer, ctx: Context) -> bool:
    value = None if answer.choice == "skip" else validate.website(_text(answer))
    data.setdefault("new_organisation", {})["website"] = value
    return True


def _org_contact(data: dict[str, Any], answer: Answer, ctx: Context) -> bool:
    reach = validate.contact_reach(_text(answer))
    organisation = data.setdefault("new_organisation", {})
    organisation["contact_email"], organisation["contact_phone"] = reach["email"], reach["phone"]
    return True


def _title(data: dict[str, Any], answer: Answer, ctx: Context) -> bool:
    data["title"] = validate.title(_text(answer))
    return True


# A description too long to take is kept here, so that its beginning can be taken with one press (or it is replaced).
LONG_DESCRIPTION = "long_description"


def _description(data: dict[str, Any], answer: Answer, ctx: Context) -> bool:
    if answer.choice == "first_part" and data.get(LONG_DESCRIPTION):  # the beginning of the one kept as too long
        data["description"] = validate.description(validate.first_part(str(data[LONG_DESCRIPTION])))
    else:
        data["description"] = validate.description(_text(answer))
    data.pop(LONG_DESCRIPTION, None)
    # The NLU proposes categories and times from what was written; the next steps show them preselected.
    suggested = ctx.suggest(data.get("title", ""), data["description"])
    data["suggested_categories"] = list(suggested.categories[:3])
    if not data.get("categories"):
        data["categories"] = list(suggested.categories[:3])
    slots = [tag for tag in suggested.time if tag in TIME_SLOTS]
    kinds = [tag for tag in suggested.time if tag in (TimeTag.ONE_OFF.value, TimeTag.REGULAR.value)]
    data["suggested_time_slots"] = slots
    data["suggested_time_kind"] = kinds[0] if len(kinds) == 1 else (TimeTag.REGULAR.value if slots else None)
    if not data.get("time_slots"):
        data["time_slots"] = slots
    return True


def _toggle(data: dict[str, Any], field: str, value: str, allowed: object) -> None:
    """Adds or removes one value of a multiple-choice field."""
    if value not in allowed:  # type: ignore[operator]
        raise Invalid("posting.invalid.choice")
    chosen = list(data.get(field) or [])
    data[field] = [item for item in chosen if item != value] if value in chosen else chosen + [value]


def _categories(data: dict[str, Any], answer: Answer, ctx: Context) -> bool:
    from bot.categories import categories

    if answer.choice == "done":
        data["categories"] = validate.categories(list(data.get("categories") or []))
        return True
    _toggle(data, "categories", answer.choice or "", categories())
    return False


def _place(data: dict[str, Any], answer: Answer, ctx: Context) -> bool:
    if answer.choice == "online":
        data["place"] = {"remote": True}
        data.pop("place_candidates", None)
        return True
    chosen = _chosen_candidate(data, answer)
    resolved = {"place": chosen} if chosen is not None else ctx.resolve_place(answer)
    if resolved.get("candidates"):
        data["place_candidates"] = resolved["candidates"]
        data["place_near_miss"] = bool(resolved.get("near_miss"))
        return False
    data.pop("place_near_miss", None)
    data["place"] = resolved["place"]
    data.pop("place_candidates", None)
    return True


def _chosen_candidate(data: dict[str, Any], answer: Answer) -> dict[str, Any] | None:
    """Returns the offered candidate a pressed button names, with the street typed before it."""
    if not (answer.choice and answer.choice.isdigit()):
        return None
    offered = data.get("place_candidates") or ()
    return next((dict(place) for place in offered if str(place.get("id")) == answer.choice), None)


def _time_kind(data: dict[str, Any], answer: Answer, ctx: Context) -> bool:
    if answer.choice not in {TimeTag.ONE_OFF.value, TimeTag.REGULAR.value}:
        raise Invalid("posting.invalid.choice")
    data["time_kind"] = answer.choice
    if answer.choice == TimeTag.REGULAR.value:
        data.pop("date", None)
    return True


def _date(data: dict[str, Any], answer: Answer, ctx: Context) -> bool:
    data["date"] = validate.one_off_date(_text(answer), today=ctx.today)
    return True


def _time_slots(data: dict[str, Any], answer: Answer, ctx: Context) -> bool:
    if answer.choice == "done":
        if not data.get("time_slots"):
            raise Invalid("posting.invalid.time_none")
        return True
    _toggle(data, "time_slots", answer.choice or "", TIME_SLOTS)
    return False


def _hours(data: dict[str, Any], answer: Answer, ctx: Context) -> bool:
    data["hours_per_month"] = None if answer.choice == "skip" else validate.hours_per_month(_text(answer))
    return True


def _requirements(data: dict[str, Any], answer: Answer, ctx: Context) -> bool:
    requirements = None if answer.choice == "skip" else validate.optional_text(_text(answer))
    data["requirements"] = validate.in_words(requirements) if requirements else None
    return True


def _languages(data: dict[str, Any], answer: Answer, ctx: Context) -> bool:
    if answer.choice == "done":
        data["languages"] = validate.languages(list(data.get("languages") or []))
        return True
    _toggle(data, "languages", answer.choice or "", validate.LANGUAGE_CODES)
    return False


def _yes_no(field: str, *, unknown: bool = False) -> Applier:
    """Makes an applier for a yes/no button step (with 'weiß nicht' stored as None where allowed)."""

    def apply(data: dict[str, Any], answer: Answer, ctx: Context) -> bool:
        if unknown and answer.choice == "unknown":
            data[field] = None
            return True
        if answer.choice not in {"yes", "no"}:
            raise Invalid("posting.invalid.choice")
        data[field] = answer.choice == "yes"
        return True

    return apply


def _contact_name(data: dict[str, Any], answer: Answer, ctx: Context) -> bool:
    data["contact_name"] = validate.person_or_organisation_name(_text(answer))
    return True


def _contact_reach(data: dict[str, Any], answer: Answer, ctx: Context) -> bool:
    if answer.choice == "organisation":  # reached as the organisation is: its phone and e-mail stand in
        if not ctx.organisation_reach:  # a stale or forged press: an organisation without either reaches nobody
            raise Invalid("posting.invalid.organisation_unreachable")
        data["contact_phone"] = data["contact_email"] = None
        data["contact_via_organisation"] = True
        return True
    reach = validate.contact_reach(_text(answer))
    data["contact_phone"], data["contact_email"] = reach["phone"], reach["email"]
    data.pop("contact_via_organisation", None)
    return True


APPLIERS: dict[Step, Applier] = {
    Step.ORGANISATION: _organisation,
    Step.ORG_NAME: _org_name,
    Step.ORG_KIND: _org_kind,
    Step.ORG_WEBSITE: _org_website,
    Step.ORG_CONTACT: _org_contact,
    Step.TITLE: _title,
    Step.DESCRIPTION: _description,
    Step.CATEGORIES: _categories,
    Step.PLACE: _place,
    Step.TIME_KIND: _time_kind,
    Step.DATE: _date,
    Step.TIME_SLOTS: _time_slots,
    Step.HOURS: _hours,
    Step.REQUIREMENTS: _requirements,
    Step.LANGUAGES: _languages,
    Step.ACCESSIBILITY: _yes_no("accessible", unknown=True),
    Step.NEWCOMERS: _yes_no("newcomer_friendly"),
    Step.CONTACT_NAME: _contact_name,
    Step.CONTACT_REACH: _contact_reach,
}
