"""Buttons of the posting chat, /meineangebote, moderation and 'Interesse melden', and what their numbers mean.

Button data carries numbers only; a draft answer names its step, so a button of an earlier question is stale
rather than misread. Every id in the data is checked by the use case against the person pressing.
"""

from __future__ import annotations

from typing import Any

from telegram import InlineKeyboardMarkup

from bot.categories import categories
from bot.domain import COMMON_LANGUAGES, OrganisationKind, TimeTag
from bot.moderation.review import QueuePage
from bot.posting.answers import LONG_DESCRIPTION, TIME_SLOTS, Answer
from bot.posting.steps import EDITABLE, ORDER, Step
from bot.posting.validate import DESCRIPTION_LENGTH, LANGUAGE_CODES
from bot.telegram.callbacks import (
    DraftAnswerButton, DraftButton, InterestButton, ModerateButton, OwnListingButton, ReviewQueueButton,
)
from bot.telegram.keyboards import Rows, button, candidate_label
from bot.telegram.formatting import clip
from bot.texts import catalogue, t
from nlu.kernel.text import fold

# Literal catalogue keys, so the catalogue test sees each one used.
KIND_LABELS: dict[str, str] = {
    OrganisationKind.ASSOCIATION: "posting.kind_e_v", OrganisationKind.INITIATIVE: "posting.kind_initiative",
    OrganisationKind.MUNICIPALITY: "posting.kind_municipality", OrganisationKind.CHURCH: "posting.kind_church",
    OrganisationKind.FOUNDATION: "posting.kind_foundation", OrganisationKind.CHARITY: "posting.kind_charity",
    OrganisationKind.OTHER: "posting.kind_other",
}
KINDS: tuple[str, ...] = tuple(kind.value for kind in OrganisationKind)
TIME_KINDS: tuple[str, ...] = (TimeTag.ONE_OFF.value, TimeTag.REGULAR.value)
EDIT_LABELS: dict[str, str] = {
    "title": "posting.edit_title", "description": "posting.edit_description", "categories": "posting.edit_categories",
    "place": "posting.edit_place", "time": "posting.edit_time", "hours": "posting.edit_hours",
    "requirements": "posting.edit_requirements", "languages": "posting.edit_languages",
    "accessibility": "posting.edit_accessibility", "newcomers": "posting.edit_newcomers",
    "contact": "posting.edit_contact",
}
EDIT_FIELDS: tuple[str, ...] = tuple(EDITABLE)
# German is taken for granted; the buttons offer the other languages the catalogue can name. Their numbers in the
# button data follow this tuple (a keyboard sent before an update still means what it said); the order shown is
# language_order's.
LANGUAGES: tuple[str, ...] = tuple(sorted(code for code in LANGUAGE_CODES
                                          if code != "de" and f"languages.{code}" in catalogue("de")))
FIRST_PART = 1  # the description: take the beginning of the too long one sent before
DONE = 0  # toggles: "fertig"; skip, online and "new organisation" are 0 as well
_SKIPPABLE = {Step.ORG_WEBSITE, Step.HOURS, Step.REQUIREMENTS}


class DraftAction:
    """What a DRAFT button does (KEEP takes the step index: the typed answer given before stays)."""

    BACK, CANCEL, SUBMIT, SUBMIT_ANYWAY, EDIT, CONTINUE, RESTART, KEEP, TAKE_HELD = range(9)


# Steps whose answer is typed, and the draft fields holding it: going back, the answer given before is shown
# and can be kept with one tap instead of being typed again.
TYPED: dict[Step, tuple[str, ...]] = {
    Step.TITLE: ("title",), Step.DESCRIPTION: ("description",),
    Step.CONTACT_NAME: ("contact_name",), Step.HOURS: ("hours_per_month",), Step.REQUIREMENTS: ("requirements",),
    Step.DATE: ("date",), Step.CONTACT_REACH: ("contact_phone", "contact_email"),
}


def typed_answer(step: Step, data: dict[str, Any]) -> str | None:
    """Returns the answer typed before at a step, as text the step accepts again; None when there is none."""
    given = [str(data[name]) for name in TYPED.get(step, ()) if data.get(name) not in (None, "")]
    return ", ".join(given) or None


class OwnAction:
    """What an OWN_LISTING button does."""

    EDIT, PAUSE, RESUME, RENEW, DELETE, DELETE_CONFIRM, LIST = range(7)


class ModerationAction:
    """What a MODERATE button does."""

    APPROVE, REJECT, VERIFY, EDIT = range(4)


class InterestAction:
    """What an INTEREST button does."""

    ASK, SHARE, KEEP, ANSWERED = range(4)


def answer_of(pressed: DraftAnswerButton) -> tuple[Step, Answer] | None:
    """Turns a draft answer button into the step it answers and the answer; None for numbers out of range."""
    index, number = pressed.step, pressed.choice
    if index >= len(ORDER):
        return None
    step = ORDER[index]
    choice = _choice(step, number)
    return (step, Answer(choice=choice)) if choice is not None else None


def organisation_reach(data: dict[str, Any]) -> str | None:
    """Returns the organisation's phone and e-mail as the contact question offers them, None when it has neither."""
    organisation = (data.get("new_organisation") if data.get("creating_organisation")
                    else data.get("organisation_contact")) or {}
    given = [str(organisation[key]) for key in ("contact_phone", "contact_email") if organisation.get(key)]
    return ", ".join(given) or None


def _choice(step: Step, number: int) -> str | None:
    """Returns the choice value a button number stands for at a step."""
    toggles: dict[Step, tuple[str, ...]] = {
        Step.CATEGORIES: _category_keys(), Step.TIME_SLOTS: TIME_SLOTS, Step.LANGUAGES: LANGUAGES,
    }
    if step in toggles:
        options = toggles[step]
        return "done" if number == DONE else (options[number - 1] if number <= len(options) else None)
    if step is Step.ORGANISATION:
        return "new" if number == DONE else str(number)
    if step is Step.PLACE:
        return "online" if number == DONE else str(number - 1)  # gazetteer ids shifted by one
    if step in _SKIPPABLE:
        return "skip" if number == DONE else None
    if step is Step.ORG_KIND:
        return KINDS[number] if number < len(KINDS) else None
    if step is Step.TIME_KIND:
        return TIME_KINDS[number] if number < len(TIME_KINDS) else None
    if step is Step.CONTACT_REACH:
        return "organisation" if number == DONE else None
    if step is Step.ACCESSIBILITY:
        return ("no", "yes", "unknown")[number] if number < 3 else None
    if step is Step.NEWCOMERS:
        return ("no", "yes")[number] if number < 2 else None
    if step is Step.DESCRIPTION:
        return "first_part" if number == FIRST_PART else None
    return None


def _category_keys() -> tuple[str, ...]:
    """Returns the category keys in button order."""
    return tuple(categories())


def question_buttons(step: Step, data: dict[str, Any], lang: str, *,
                     organisations: tuple[tuple[int, str], ...] = (),
                     candidates: tuple[dict[str, Any], ...] = ()) -> InlineKeyboardMarkup:
    """Returns the buttons of one question: its choices, then zurück and abbrechen."""
    index = ORDER.index(step)
    rows: Rows = []

    def answer(label: str, number: int) -> Any:
        return button(label, DraftAnswerButton(index, number))

    def ticked(options: list[tuple[str, int]], chosen: set[str], keys: tuple[str, ...]) -> list[Any]:
        return [answer(_ticked(label, number > 0 and keys[number - 1] in chosen), number)
                for label, number in options if number != DONE]

    options = choice_labels(step, lang)
    if step is Step.ORGANISATION:
        rows = [[answer(clip(name, 40), id_)] for id_, name in organisations]
        rows.append([answer(t(lang, "posting.button_new_organisation"), DONE)])
    elif step is Step.ORG_KIND:
        buttons = [answer(label, number) for label, number in options]
        rows = [buttons[i:i + 2] for i in range(0, len(buttons), 2)]
    elif step is Step.CATEGORIES:
        buttons = ticked(options, set(data.get("categories") or ()), _category_keys())
        rows = [buttons[i:i + 2] for i in range(0, len(buttons), 2)]
        rows.append([answer(t(lang, "posting.button_done"), DONE)])
    elif step is Step.PLACE:
        rows = [[answer(candidate_label(place["name"], place.get("state"), place.get("district"), lang,
                                        near=place.get("near")),
                        int(place["id"]) + 1)] for place in candidates]
        rows.append([answer(t(lang, "posting.button_online"), DONE)])
    elif step is Step.TIME_KIND:
        marked = data.get("time_kind") or data.get("suggested_time_kind")
        rows = [[answer(_ticked(label, TIME_KINDS[number] == marked), number) for label, number in options]]
    elif step is Step.TIME_SLOTS:
        buttons = ticked(options, set(data.get("time_slots") or ()), TIME_SLOTS)
        rows = [buttons[:2], buttons[2:], [answer(t(lang, "posting.button_done"), DONE)]]
    elif step is Step.LANGUAGES:
        buttons = ticked(options, set(data.get("languages") or ()), LANGUAGES)
        rows = [buttons[i:i + 3] for i in range(0, len(buttons), 3)]
        rows.append([answer(t(lang, "posting.button_done"), DONE)])
    elif step in (Step.ACCESSIBILITY, Step.NEWCOMERS):
        rows = [[answer(label, number) for label, number in options]]
    elif step is Step.CONTACT_REACH and (reach := organisation_reach(data)):
        rows = [[answer(t(lang, "posting.button_contact_organisation", reach=clip(reach, 40)), DONE)]]
    elif step is Step.DESCRIPTION and data.get(LONG_DESCRIPTION):  # the too long one sent before is kept
        rows = [[answer(t(lang, "posting.button_first_part", max=DESCRIPTION_LENGTH[1]), FIRST_PART)]]
    if typed_answer(step, data) is not None:
        rows.append([button(t(lang, "posting.button_keep"), DraftButton(DraftAction.KEEP, index))])
    if step in _SKIPPABLE:
        rows.append([answer(t(lang, "posting.button_skip"), DONE)])
    rows.append(_navigation(lang, back=bool(data.get("history"))))
    return InlineKeyboardMarkup(rows)


def choice_labels(step: Step, lang: str) -> list[tuple[str, int]]:
    """Returns the labels and button numbers of a step's fixed choices (none for steps answered in words)."""
    if step is Step.ORG_KIND:
        return [(t(lang, KIND_LABELS[kind]), number) for number, kind in enumerate(KINDS)]
    if step is Step.CATEGORIES:
        return _toggles([f"{c.emoji} {c.label(lang)}" for c in categories().values()], lang)
    if step is Step.TIME_KIND:
        return [(t(lang, f"listing.{kind}"), number) for number, kind in enumerate(TIME_KINDS)]
    if step is Step.TIME_SLOTS:
        return _toggles([t(lang, f"listing.{tag}") for tag in TIME_SLOTS], lang)
    if step is Step.LANGUAGES:
        return [(t(lang, f"languages.{code}"), LANGUAGES.index(code) + 1) for code in language_order(lang)] + [
            (t(lang, "posting.button_done"), DONE)]
    if step in (Step.ACCESSIBILITY, Step.NEWCOMERS):
        answers = [(t(lang, "posting.button_yes"), 1), (t(lang, "posting.button_no"), 0)]
        # many clubs have never checked: saying so is better than a guess
        return answers + [(t(lang, "posting.button_unknown"), 2)] if step is Step.ACCESSIBILITY else answers
    if step in _SKIPPABLE:
        return [(t(lang, "posting.button_skip"), DONE)]
    return []


def language_order(lang: str) -> list[str]:
    """Returns the languages a listing may name in the order its buttons show them: the common ones first, in the
    order a volunteer's ad offers them (bot.domain.COMMON_LANGUAGES), then the others alphabetically by their names
    in the reader's language."""
    common = [code for code in COMMON_LANGUAGES if code in LANGUAGES]
    others = [code for code in LANGUAGES if code not in COMMON_LANGUAGES]
    return common + sorted(others, key=lambda code: fold(t(lang, f"languages.{code}")))


def _toggles(labels: list[str], lang: str) -> list[tuple[str, int]]:
    """Numbers a toggle step's options from 1 and adds "Fertig" as DONE."""
    return [(label, number) for number, label in enumerate(labels, start=1)] + [(t(lang, "posting.button_done"), DONE)]


def preview_buttons(lang: str, *, moderating: bool = False) -> InlineKeyboardMarkup:
    """Returns submit (an admin's edit: 'Übernehmen'), one edit button per field, zurück and abbrechen."""
    edits = [button(t(lang, EDIT_LABELS[name]), DraftButton(DraftAction.EDIT, number))
             for number, name in enumerate(EDIT_FIELDS)]
    submit = t(lang, "moderation.button_apply") if moderating else t(lang, "posting.button_submit")
    rows: Rows = [[button(submit, DraftButton(DraftAction.SUBMIT, 0))]]
    rows += [edits[i:i + 3] for i in range(0, len(edits), 3)]
    rows.append(_navigation(lang, back=True))
    return InlineKeyboardMarkup(rows)


def duplicate_buttons(lang: str) -> InlineKeyboardMarkup:
    """Returns 'trotzdem einreichen' and abbrechen under the near-duplicates."""
    return InlineKeyboardMarkup([
        [button(t(lang, "posting.button_submit_anyway"), DraftButton(DraftAction.SUBMIT_ANYWAY, 0))],
        [button(t(lang, "posting.button_cancel"), DraftButton(DraftAction.CANCEL, 0))],
    ])


def resume_buttons(lang: str, *, held: bool = False) -> InlineKeyboardMarkup:
    """Returns 'weitermachen' and 'neu anfangen' for a draft found again; first 'als Antwort nehmen' for a held text."""
    take = [[button(t(lang, "posting.button_take_held"), DraftButton(DraftAction.TAKE_HELD, 0))]] if held else []
    return InlineKeyboardMarkup([*take, [
        button(t(lang, "posting.button_continue"), DraftButton(DraftAction.CONTINUE, 0)),
        button(t(lang, "posting.button_restart"), DraftButton(DraftAction.RESTART, 0))]])


def _navigation(lang: str, *, back: bool) -> list[Any]:
    """Returns the zurück and abbrechen row (zurück only when there is a question before)."""
    row = [button(t(lang, "posting.button_back"), DraftButton(DraftAction.BACK, 0))] if back else []
    return row + [button(t(lang, "posting.button_cancel"), DraftButton(DraftAction.CANCEL, 0))]


def _ticked(label: str, on: bool) -> str:
    """Marks a toggled option."""
    return f"✅ {label}" if on else label


def own_listing_buttons(opportunity_id: int, status: str, number: int, lang: str) -> list[Any]:
    """Returns the row of actions for one of the person's listings, fitting its status."""
    actions = [(OwnAction.EDIT, "my_listings.button_edit")]
    if status == "published":
        actions.append((OwnAction.PAUSE, "my_listings.button_pause"))
    if status == "paused":
        actions.append((OwnAction.RESUME, "my_listings.button_resume"))
    if status in ("published", "paused", "expired"):
        actions.append((OwnAction.RENEW, "my_listings.button_renew"))
    actions.append((OwnAction.DELETE, "my_listings.button_delete"))
    return [button(t(lang, key, number=number), OwnListingButton(action, opportunity_id)) for action, key in actions]


def confirm_delete_listing(opportunity_id: int, lang: str) -> InlineKeyboardMarkup:
    """Returns 'wirklich löschen' and 'behalten'."""
    return InlineKeyboardMarkup([[
        button(t(lang, "my_listings.button_delete_confirm"), OwnListingButton(OwnAction.DELETE_CONFIRM,
               opportunity_id)),
        button(t(lang, "my_listings.button_keep"), OwnListingButton(OwnAction.LIST, 0)),
    ]])


def renew_button(opportunity_id: int, lang: str) -> InlineKeyboardMarkup:
    """Returns the renew button under 'Noch aktuell?'."""
    return InlineKeyboardMarkup([[button(t(lang, "my_listings.button_renew_now"),
                                         OwnListingButton(OwnAction.RENEW, opportunity_id))]])


def moderation_buttons(opportunity_id: int, organisation_id: int, lang: str) -> InlineKeyboardMarkup:
    """Returns approve, reject (asks for a reason), edit and verify organisation."""
    return InlineKeyboardMarkup([
        [button(t(lang, "moderation.button_approve"), ModerateButton(ModerationAction.APPROVE, opportunity_id)),
         button(t(lang, "moderation.button_reject"), ModerateButton(ModerationAction.REJECT, opportunity_id))],
        [button(t(lang, "moderation.button_edit"), ModerateButton(ModerationAction.EDIT, opportunity_id))],
        [button(t(lang, "moderation.button_verify"), ModerateButton(ModerationAction.VERIFY, organisation_id))],
    ])


def queue_buttons(page: QueuePage, state_code: int, codes: dict[str, int], lang: str) -> InlineKeyboardMarkup:
    """Returns older/newer paging for /pruefen and, when several states wait, one filter button per state."""
    rows: Rows = []
    paging = []
    if page.offset > 0:
        paging.append(button(t(lang, "moderation.button_queue_back"),
                             ReviewQueueButton(state_code, max(page.offset - page.limit, 0))))
    if page.has_more:
        paging.append(button(t(lang, "moderation.button_queue_more"),
                             ReviewQueueButton(state_code, page.offset + page.limit)))
    if paging:
        rows.append(paging)
    named = [(name, count) for name, count in sorted(page.by_state.items()) if name in codes]
    if len(page.by_state) > 1 and named:
        filters = [button(t(lang, "moderation.button_queue_state", state=name, count=count),
                          ReviewQueueButton(codes[name], 0)) for name, count in named if codes[name] != state_code]
        if state_code:
            filters.append(button(t(lang, "moderation.button_queue_all", count=sum(page.by_state.values())),
                                  ReviewQueueButton(0, 0)))
        rows += [filters[i:i + 2] for i in range(0, len(filters), 2)]
    return InlineKeyboardMarkup(rows)


def interest_button(opportunity_id: int, lang: str) -> list[Any]:
    """Returns the 'Interesse melden' row for a details view."""
    return [button(t(lang, "interest.button_report"), InterestButton(InterestAction.ASK, opportunity_id))]


def interest_consent(opportunity_id: int, lang: str) -> InlineKeyboardMarkup:
    """Returns 'Ja, Namen teilen' and 'Nein'."""
    return InlineKeyboardMarkup([[
        button(t(lang, "interest.button_share"), InterestButton(InterestAction.SHARE, opportunity_id)),
        button(t(lang, "interest.button_keep"), InterestButton(InterestAction.KEEP, opportunity_id)),
    ]])


def answered_button(report_id: int, lang: str) -> InlineKeyboardMarkup:
    """Returns the 'beantwortet' button under an interest message."""
    return InlineKeyboardMarkup([[button(t(lang, "interest.button_answered"),
                                         InterestButton(InterestAction.ANSWERED, report_id))]])
