"""Buttons of /ichbiete and of ad moderation, and what their numbers mean."""

from __future__ import annotations

from telegram import InlineKeyboardMarkup

from bot.ads.compose import LANGUAGE_CHOICES, PlaceChoice
from bot.ads.model import TRAVEL_KM_CHOICES, Ad
from bot.ads.review import VERDICTS, AdVerdict
from bot.categories import categories
from bot.domain import AdStatus, TimeTag
from bot.telegram.callbacks import AdButton, AdReviewButton
from bot.telegram.keyboards import Rows, button, candidate_label, marked
from bot.texts import t

TIME_TAGS: tuple[str, ...] = tuple(tag.value for tag in TimeTag)
# Literal catalogue keys, so the catalogue test sees each one used.
VERDICT_LABELS: dict[AdVerdict, str] = {
    AdVerdict.APPROVE: "ads.review_approve", AdVerdict.REJECT: "ads.review_reject",
    AdVerdict.REMOVE: "ads.review_remove", AdVerdict.WARN: "ads.review_warn", AdVerdict.BLOCK: "ads.review_block",
}


class AdAction:
    """What an AD button does; the value is a category bit, a list index, kilometres or a place id."""

    NEW, CATEGORY, LANGUAGE, NEWCOMER, UNDERSTOOD, ONLINE, KEEP_PLACE, PLACE, TRAVEL = range(9)
    TIME, TIMES_DONE, PUBLISH, EDIT_TEXT, KEEP_TEXT, EDIT_PLACE, EDIT_TIME, CANCEL = range(9, 17)
    LIST, PAUSE, RESUME, RENEW, DELETE, DELETE_CONFIRM = range(17, 23)
    QUARTER = 23  # the value is the id of the city quarter the person chose to show
    RESTART = 24  # drops the unfinished new ad and asks for a new text



def suggestion_buttons(ad: Ad, lang: str) -> InlineKeyboardMarkup:
    """Toggles for categories, languages and the newcomer flag the NLU suggested, then "that's right"."""
    table = categories()
    labels = [button(marked(f"{c.emoji} {c.de if lang == 'de' else c.en}", c.key in ad.categories),
                     AdButton(AdAction.CATEGORY, ad.id, c.bit)) for c in table.values()]
    rows: Rows = [labels[i:i + 2] for i in range(0, len(labels), 2)]
    languages = [button(marked(t(lang, f"languages.{code}"), code in ad.languages),
                        AdButton(AdAction.LANGUAGE, ad.id, index)) for index, code in enumerate(LANGUAGE_CHOICES)]
    rows += [languages[i:i + 3] for i in range(0, len(languages), 3)]
    rows.append([button(marked(t(lang, "ads.button_newcomer"), ad.newcomer), AdButton(AdAction.NEWCOMER, ad.id, 0))])
    rows.append([button(t(lang, "ads.button_understood"), AdButton(AdAction.UNDERSTOOD, ad.id, 0)),
                 button(t(lang, "ads.button_cancel"), AdButton(AdAction.CANCEL, ad.id, 0))])
    return InlineKeyboardMarkup(rows)


def place_buttons(ad: Ad, lang: str, candidates: list[PlaceChoice] | None = None,
                  district: PlaceChoice | None = None) -> InlineKeyboardMarkup:
    """The suggested place to keep (and the district the text named, beside its town), or same-named places to
    choose from, and "online only"."""
    rows: Rows = []
    if candidates:
        rows += [[button(candidate_label(choice.town.name, choice.town.state, choice.town.district, lang),
                         AdButton(AdAction.PLACE, ad.id, choice.town_id))] for choice in candidates]
    elif ad.place is not None:
        rows.append([button(t(lang, "ads.button_keep_place", place=ad.place.name),
                            AdButton(AdAction.KEEP_PLACE, ad.id, 0))])
        if district is not None and district.quarter is not None and district.quarter_id is not None \
                and district.town.name == ad.place.name:
            rows.append([button(t(lang, "ads.button_keep_place", place=district.quarter.name),
                                AdButton(AdAction.QUARTER, ad.id, district.quarter_id))])
    rows.append([button(t(lang, "ads.button_online"), AdButton(AdAction.ONLINE, ad.id, 0))])
    rows.append([button(t(lang, "ads.button_cancel"), AdButton(AdAction.CANCEL, ad.id, 0))])
    return InlineKeyboardMarkup(rows)


def precision_buttons(ad: Ad, choice: PlaceChoice, lang: str) -> InlineKeyboardMarkup:
    """Show only the town, or the town with its quarter: the person chooses how closely they are placed."""
    rows: Rows = [[button(t(lang, "ads.button_town_only", place=choice.town.name),
                          AdButton(AdAction.PLACE, ad.id, choice.town_id))]]
    if choice.quarter is not None and choice.quarter_id is not None:
        rows.append([button(t(lang, "ads.button_with_quarter", place=choice.quarter.name),
                            AdButton(AdAction.QUARTER, ad.id, choice.quarter_id))])
    rows.append([button(t(lang, "ads.button_cancel"), AdButton(AdAction.CANCEL, ad.id, 0))])
    return InlineKeyboardMarkup(rows)


def travel_buttons(ad: Ad, lang: str) -> InlineKeyboardMarkup:
    """How far the person would go."""
    return InlineKeyboardMarkup([[button(marked(t(lang, "ads.button_km", km=km), km == ad.travel_km),
                                         AdButton(AdAction.TRAVEL, ad.id, km)) for km in TRAVEL_KM_CHOICES]])


def time_buttons(ad: Ad, lang: str) -> InlineKeyboardMarkup:
    """Toggles for when the person can help, then "done"."""
    toggles = [button(marked(t(lang, f"listing.{tag}"), tag in ad.time_tags), AdButton(AdAction.TIME, ad.id, index))
               for index, tag in enumerate(TIME_TAGS)]
    rows: Rows = [toggles[i:i + 2] for i in range(0, len(toggles), 2)]
    rows.append([button(t(lang, "ads.button_times_done"), AdButton(AdAction.TIMES_DONE, ad.id, 0))])
    return InlineKeyboardMarkup(rows)


def preview_buttons(ad: Ad, lang: str) -> InlineKeyboardMarkup:
    """Publish, or change the text, the place or the time, or drop it."""
    return InlineKeyboardMarkup([
        [button(t(lang, "ads.button_publish"), AdButton(AdAction.PUBLISH, ad.id, 0))],
        [button(t(lang, "ads.button_edit_text"), AdButton(AdAction.EDIT_TEXT, ad.id, 0)),
         button(t(lang, "ads.button_edit_place"), AdButton(AdAction.EDIT_PLACE, ad.id, 0)),
         button(t(lang, "ads.button_edit_time"), AdButton(AdAction.EDIT_TIME, ad.id, 0))],
        [button(t(lang, "ads.button_cancel"), AdButton(AdAction.CANCEL, ad.id, 0))],
    ])


def keep_text_button(ad_id: int, lang: str) -> InlineKeyboardMarkup:
    """Keeps the ad's text as it is (when editing)."""
    return InlineKeyboardMarkup([[button(t(lang, "ads.button_keep_text"), AdButton(AdAction.KEEP_TEXT, ad_id, 0))]])


def resume_buttons(ad_id: int, lang: str) -> InlineKeyboardMarkup:
    """Continues the unfinished ad where its buttons begin, or starts a new one."""
    return InlineKeyboardMarkup([[button(t(lang, "ads.button_continue"), AdButton(AdAction.KEEP_TEXT, ad_id, 0)),
                                  button(t(lang, "ads.button_restart"), AdButton(AdAction.RESTART, ad_id, 0))]])


def list_buttons(ads: list[Ad], lang: str) -> InlineKeyboardMarkup:
    """Per ad: pause or resume, edit, renew, delete; then a new ad."""
    rows: Rows = []
    for number, ad in enumerate(ads, start=1):
        row = []
        if ad.status is AdStatus.PUBLISHED:
            row.append(button(t(lang, "ads.button_pause", number=number), AdButton(AdAction.PAUSE, ad.id, 0)))
        elif ad.status is AdStatus.PAUSED:
            row.append(button(t(lang, "ads.button_resume", number=number), AdButton(AdAction.RESUME, ad.id, 0)))
        if ad.status not in (AdStatus.REMOVED, AdStatus.REJECTED):
            row.append(button(t(lang, "ads.button_edit", number=number), AdButton(AdAction.EDIT_TEXT, ad.id, 0)))
        if ad.status in (AdStatus.PUBLISHED, AdStatus.PAUSED, AdStatus.EXPIRED):
            row.append(button(t(lang, "ads.button_renew", number=number), AdButton(AdAction.RENEW, ad.id, 0)))
        row.append(button(t(lang, "ads.button_delete", number=number), AdButton(AdAction.DELETE, ad.id, 0)))
        rows.append(row)
    rows.append([button(t(lang, "ads.button_new"), AdButton(AdAction.NEW, 0, 0))])
    return InlineKeyboardMarkup(rows)


def confirm_delete_buttons(ad_id: int, lang: str) -> InlineKeyboardMarkup:
    """Really delete, or back to the list."""
    return InlineKeyboardMarkup([[button(t(lang, "ads.button_delete_yes"), AdButton(AdAction.DELETE_CONFIRM, ad_id, 0)),
                                  button(t(lang, "ads.button_back"), AdButton(AdAction.LIST, 0, 0))]])


def renew_buttons(ad_id: int, lang: str) -> InlineKeyboardMarkup:
    """Under the reminder: keep it up, or see the list."""
    return InlineKeyboardMarkup([[button(t(lang, "ads.button_renew_now"), AdButton(AdAction.RENEW, ad_id, 0)),
                                  button(t(lang, "ads.button_list"), AdButton(AdAction.LIST, 0, 0))]])


def review_buttons(ad_id: int, lang: str, *, waiting: bool) -> InlineKeyboardMarkup:
    """An admin's verdicts: approve or reject a waiting ad; remove a live one; warn or block its person."""
    first = (AdVerdict.APPROVE, AdVerdict.REJECT) if waiting else (AdVerdict.REMOVE,)
    return verdict_buttons(ad_id, (*first, AdVerdict.WARN, AdVerdict.BLOCK), lang)


def verdict_buttons(ad_id: int, verdicts: tuple[AdVerdict, ...], lang: str) -> InlineKeyboardMarkup:
    """The given verdicts: those on the ad itself in the first row, warn and block its person in the second."""
    on_person = (AdVerdict.WARN, AdVerdict.BLOCK)
    rows: Rows = [[button(t(lang, VERDICT_LABELS[verdict]), AdReviewButton(VERDICTS.index(verdict), ad_id))
                   for verdict in verdicts if (verdict in on_person) is second] for second in (False, True)]
    return InlineKeyboardMarkup([row for row in rows if row])
