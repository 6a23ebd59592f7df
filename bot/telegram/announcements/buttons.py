"""The buttons of the admin's announcement flow; each carries the broadcast id, an action and one number.

Region buttons carry an index into regions_for(scope), computed again when pressed, so a regional admin is
only ever offered their own regions and a forged index finds nothing.
"""

from __future__ import annotations

from collections.abc import Sequence

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.admins import AdminScope, Region
from bot.broadcasts import Audience, BroadcastSummary
from bot.categories import categories
from bot.domain import BroadcastStatus
from bot.telegram.callbacks import BroadcastAction as Do
from bot.telegram.callbacks import BroadcastButton, UnsubscribeButton
from bot.telegram.keyboards import button
from bot.texts import t
from nlu.kernel.gazetteer import get_gazetteer

RADII_KM: tuple[int, ...] = (5, 10, 25, 50, 100)
VOLUNTEERS, CONTACTS = 0, 1
ACTIVE = (BroadcastStatus.SCHEDULED, BroadcastStatus.RUNNING)


def regions_for(scope: AdminScope) -> list[Region | None]:
    """Returns the regions an admin may choose: everywhere (None) and each state, or only their own regions."""
    if not scope.is_global:
        return list(scope.regions)
    states = get_gazetteer().states()
    return [None, *(Region(states[code]) for code in sorted(states))]


def audience_menu(broadcast_id: int, audience: Audience, lang: str, *, near_district: bool) -> InlineKeyboardMarkup:
    """Returns the audience choices: groups, area, radius, interests, and the way to the preview."""
    def tick(on: bool, key: str) -> str:
        return ("✅ " if on else "▫️ ") + t(lang, key)

    rows = [
        [button(tick(audience.volunteers, "broadcast.group_volunteers"), BroadcastButton(broadcast_id, Do.GROUP,
                VOLUNTEERS)),
         button(tick(audience.contacts, "broadcast.group_contacts"), BroadcastButton(broadcast_id, Do.GROUP,
                CONTACTS))],
        [button(t(lang, "broadcast.button_regions"), BroadcastButton(broadcast_id, Do.REGIONS, 0)),
         button(t(lang, "broadcast.button_place"), BroadcastButton(broadcast_id, Do.PLACE, 0))],
    ]
    if audience.near is not None:
        rows.append([button(("• " if audience.near.radius_km == km else "") + t(lang, "broadcast.button_km", km=km),
                            BroadcastButton(broadcast_id, Do.RADIUS, km)) for km in RADII_KM])
        if near_district:
            rows.append([button(t(lang, "broadcast.button_district"), BroadcastButton(broadcast_id, Do.DISTRICT, 0))])
    rows.append([button(t(lang, "broadcast.button_interests"), BroadcastButton(broadcast_id, Do.INTERESTS, 0))])
    rows.append([button(t(lang, "broadcast.button_preview"), BroadcastButton(broadcast_id, Do.PREVIEW, 0)),
                 button(t(lang, "broadcast.button_discard"), BroadcastButton(broadcast_id, Do.DISCARD, 0))])
    return InlineKeyboardMarkup(rows)


def region_menu(broadcast_id: int, regions: Sequence[Region | None], lang: str) -> InlineKeyboardMarkup:
    """Returns one button per region the admin may choose, two per row, and a way back."""
    options = [button(_region_label(region, lang), BroadcastButton(broadcast_id, Do.REGION, index))
               for index, region in enumerate(regions)]
    rows = [options[i:i + 2] for i in range(0, len(options), 2)]
    rows.append([_back(broadcast_id, lang)])
    return InlineKeyboardMarkup(rows)


def interest_menu(broadcast_id: int, chosen: frozenset[str], lang: str) -> InlineKeyboardMarkup:
    """Returns every category as a toggle (two per row) and a way back."""
    options = [button(("✅ " if c.key in chosen else "") + f"{c.emoji} {c.label(lang)}",
                      BroadcastButton(broadcast_id, Do.INTEREST, c.bit)) for c in categories().values()]
    rows = [options[i:i + 2] for i in range(0, len(options), 2)]
    rows.append([_back(broadcast_id, lang)])
    return InlineKeyboardMarkup(rows)


def confirm_first(broadcast_id: int, lang: str) -> InlineKeyboardMarkup:
    """Returns the first confirmation: the preview is right, change the audience, or discard."""
    return InlineKeyboardMarkup([
        [button(t(lang, "broadcast.button_confirm"), BroadcastButton(broadcast_id, Do.CONFIRM, 0))],
        [_back(broadcast_id, lang),
         button(t(lang, "broadcast.button_discard"), BroadcastButton(broadcast_id, Do.DISCARD, 0))],
    ])


def nobody(broadcast_id: int, lang: str) -> InlineKeyboardMarkup:
    """Returns the buttons under a preview nobody would get: change the audience, or discard; no confirming."""
    return InlineKeyboardMarkup([
        [_back(broadcast_id, lang),
         button(t(lang, "broadcast.button_discard"), BroadcastButton(broadcast_id, Do.DISCARD, 0))],
    ])


def confirm_second(broadcast_id: int, lang: str) -> InlineKeyboardMarkup:
    """Returns the second confirmation: send now, plan for later, or go back."""
    return InlineKeyboardMarkup([
        [button(t(lang, "broadcast.button_send_now"), BroadcastButton(broadcast_id, Do.SEND_NOW, 0)),
         button(t(lang, "broadcast.button_later"), BroadcastButton(broadcast_id, Do.LATER, 0))],
        [_back(broadcast_id, lang)],
    ])


def status(broadcast_id: int, lang: str, *, active: bool) -> InlineKeyboardMarkup | None:
    """Returns the cancel button of a scheduled or running broadcast's status message (none once it ended)."""
    if not active:
        return None
    return InlineKeyboardMarkup([[button(t(lang, "broadcast.button_cancel"), BroadcastButton(broadcast_id,
                                         Do.CANCEL, 0))]])


def broadcast_list(summaries: Sequence[BroadcastSummary], lang: str, *, viewer: int) -> InlineKeyboardMarkup:
    """Returns status and cancel buttons for active broadcasts, a status button for recent ones, a button to go
    on with each of the viewer's own drafts, and 'new'."""
    rows: list[list[InlineKeyboardButton]] = []
    for item in summaries:
        if item.progress.status is BroadcastStatus.DRAFT:
            if item.created_by == viewer:  # opens the draft's audience menu, from where preview and sending go on
                rows.append([button(t(lang, "broadcast.button_continue", id=item.broadcast_id),
                                    BroadcastButton(item.broadcast_id, Do.MENU, 0))])
            continue
        row = [button(t(lang, "broadcast.button_status", id=item.broadcast_id), BroadcastButton(item.broadcast_id,
                      Do.STATUS, 0))]
        if item.progress.status in ACTIVE:
            row.append(button(t(lang, "broadcast.button_cancel_id", id=item.broadcast_id),
                              BroadcastButton(item.broadcast_id, Do.CANCEL, 0)))
        rows.append(row)
    rows.append([button(t(lang, "broadcast.button_new"), BroadcastButton(0, Do.NEW, 0))])
    return InlineKeyboardMarkup(rows)


def unsubscribe(lang: str) -> InlineKeyboardMarkup:
    """Returns the small button under every announcement that turns announcements off."""
    return InlineKeyboardMarkup([[button(t(lang, "broadcast.button_unsubscribe"), UnsubscribeButton())]])


def _back(broadcast_id: int, lang: str) -> InlineKeyboardButton:
    """Returns the button back to the audience menu."""
    return button(t(lang, "broadcast.button_back"), BroadcastButton(broadcast_id, Do.MENU, 0))


def _region_label(region: Region | None, lang: str) -> str:
    """Names a region on a button."""
    if region is None:
        return t(lang, "broadcast.area_everywhere")
    return f"{region.district} ({region.state})" if region.district else region.state
