"""Buttons of the ad search and of contacts, and what their numbers mean."""

from __future__ import annotations

from collections.abc import Collection, Sequence

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.ads.access import ActingOrganisation
from bot.ads.contacts import ListingChoice
from bot.telegram.callbacks import (
    AdAboutButton, AdContactButton, AdPageButton, AdReportButton, AdSaveButton, AdSavedButton, AdStopButton,
    ContactAnswerButton, ContactReplyButton,
)
from bot.telegram.formatting import clip
from bot.telegram.keyboards import Rows, button
from bot.texts import t
from bot.titles import place_needed, shared_titles


class ContactAction:
    """What a CONTACT_ANSWER button does for the person behind the ad."""

    ANSWER, DECLINE, BLOCK, REPORT, NAME_FIRST, NAME_TYPED, NAME_NONE, SHARE = range(8)


def results(search_id: int, ad_ids: Sequence[int], *, first: int, more: int | None, saved: bool,
            organisation: ActingOrganisation | None, closed: Collection[int], lang: str) -> InlineKeyboardMarkup:
    """Returns per ad 'Kontakt' (when the member may contact, and not `closed` to them) and 'melden', then
    paging and saving."""
    rows: Rows = []
    for number, ad_id in enumerate(ad_ids, start=first):
        row = []
        if organisation is not None and ad_id not in closed:
            row.append(button(t(lang, "adsearch.button_contact", number=number),
                              AdContactButton(ad_id, organisation.id)))
        row.append(button(t(lang, "adsearch.button_report", number=number), AdReportButton(ad_id)))
        rows.append(row)
    if more is not None:
        rows.append([button(t(lang, "adsearch.button_more"), AdPageButton(search_id, more))])
    rows.append([button(t(lang, "adsearch.button_stop"), AdStopButton(search_id)) if saved
                 else button(t(lang, "adsearch.button_save"), AdSaveButton(search_id))])
    return InlineKeyboardMarkup(rows)


def alert(search_id: int, ad_id: int, organisation: ActingOrganisation | None, lang: str) -> InlineKeyboardMarkup:
    """Returns the buttons under a new-ad alert: contact, report, stop."""
    rows: Rows = [[button(t(lang, "adsearch.button_contact", number=1), AdContactButton(ad_id, organisation.id))]
                  if organisation is not None else []]
    rows.append([button(t(lang, "adsearch.button_report", number=1), AdReportButton(ad_id)),
                 button(t(lang, "adsearch.button_stop"), AdStopButton(search_id))])
    return InlineKeyboardMarkup([row for row in rows if row])


def listing_choice(contact_id: int, ad_id: int, listings: Sequence[ListingChoice],
                   others: Sequence[ActingOrganisation], lang: str) -> InlineKeyboardMarkup:
    """Returns the organisation's listings to choose from, 'none in particular', and the other organisations."""
    shared = shared_titles(listing.title for listing in listings)  # the same title in two towns: each says where
    rows: Rows = [[button(_choice_label(listing, shared, lang), AdAboutButton(contact_id, listing.id + 1))]
                  for listing in listings]
    rows.append([button(t(lang, "adcontact.button_no_listing"), AdAboutButton(contact_id, 0))])
    rows += [[button(t(lang, "adcontact.button_as", organisation=clip(other.name, 24)),
                     AdContactButton(ad_id, other.id))] for other in others]
    return InlineKeyboardMarkup(rows)


def _choice_label(listing: ListingChoice, shared: frozenset[str], lang: str) -> str:
    """Returns a listing's button label: its title, and its place when another listing shares the title (the
    place is kept whole and the title clipped to make room)."""
    place = place_needed(listing.title, listing.place, shared)
    if place is None:
        return clip(listing.title, 40)
    where = clip(place, 20)
    return t(lang, "listing.title_at", title=clip(listing.title, max(40 - len(where) - 3, 12)), place=where)


def first_contact(contact_id: int, lang: str) -> InlineKeyboardMarkup:
    """Returns Antworten / Ablehnen / Organisation blockieren / Melden under an organisation's first message."""
    return InlineKeyboardMarkup([
        [_person(lang, "adcontact.button_answer", ContactAction.ANSWER, contact_id),
         _person(lang, "adcontact.button_decline", ContactAction.DECLINE, contact_id)],
        [_person(lang, "adcontact.button_block", ContactAction.BLOCK, contact_id),
         _person(lang, "adcontact.button_report", ContactAction.REPORT, contact_id)],
    ])


def later_message(contact_id: int, lang: str) -> InlineKeyboardMarkup:
    """Returns Antworten / Kontakt teilen / blockieren / melden under an organisation's later message."""
    return InlineKeyboardMarkup([
        [_person(lang, "adcontact.button_answer", ContactAction.ANSWER, contact_id),
         _person(lang, "adcontact.button_share", ContactAction.SHARE, contact_id)],
        [_person(lang, "adcontact.button_block", ContactAction.BLOCK, contact_id),
         _person(lang, "adcontact.button_report", ContactAction.REPORT, contact_id)],
    ])


def name_choice(contact_id: int, first_name: str, lang: str) -> InlineKeyboardMarkup:
    """Returns the names the person may answer with: their Telegram first name, a typed one, none."""
    rows: Rows = []
    if first_name.strip():
        rows.append([_person(lang, "adcontact.button_name_first", ContactAction.NAME_FIRST, contact_id,
                             name=clip(first_name.strip(), 24))])
    rows.append([_person(lang, "adcontact.button_name_typed", ContactAction.NAME_TYPED, contact_id)])
    rows.append([_person(lang, "adcontact.button_name_none", ContactAction.NAME_NONE, contact_id)])
    return InlineKeyboardMarkup(rows)


def reply(contact_id: int, lang: str) -> InlineKeyboardMarkup:
    """Returns the organisation's 'Antworten' under a person's answer."""
    return InlineKeyboardMarkup([[button(t(lang, "adcontact.button_reply"), ContactReplyButton(contact_id))]])


def _person(lang: str, key: str, action: int, contact_id: int, **params: object) -> InlineKeyboardButton:
    """Returns one of the person's contact buttons."""
    return button(t(lang, key, **params), ContactAnswerButton(action, contact_id))


def stop(search_id: int, lang: str) -> InlineKeyboardMarkup:
    """Returns the stop button under a saved search's confirmation."""
    return InlineKeyboardMarkup([[button(t(lang, "adsearch.button_stop"), AdStopButton(search_id))]])


def saved_list(search_ids: Sequence[int], lang: str) -> InlineKeyboardMarkup | None:
    """Returns a stop button per listed saved search (none when there are none)."""
    if not search_ids:
        return None
    buttons = [button(t(lang, "adsearch.button_stop_number", number=number), AdSavedButton(search_id))
               for number, search_id in enumerate(search_ids, start=1)]
    return InlineKeyboardMarkup([buttons[i:i + 3] for i in range(0, len(buttons), 3)])
