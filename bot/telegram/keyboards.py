"""The buttons under messages and the main keyboard; every label comes from the catalogue."""

from __future__ import annotations

from collections.abc import Collection, Sequence

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, KeyboardButton, ReplyKeyboardMarkup

from bot.categories import categories
from bot.domain import AlertMode, TimeTag
from bot.search.model import PlaceRef
from bot.telegram.callbacks import Facet, Kind, Origin, Setting, Where, encode
from bot.telegram.render.text import clip
from bot.texts import t

Rows = list[list[InlineKeyboardButton]]
Markup = InlineKeyboardMarkup | ReplyKeyboardMarkup | None
RADII_KM: tuple[int, ...] = (5, 15, 30, 50, 100)
TIME_TAGS: tuple[TimeTag, ...] = tuple(TimeTag)
ALERT_MODES: tuple[AlertMode, ...] = (AlertMode.IMMEDIATE, AlertMode.DAILY, AlertMode.OFF)
MENU_KEYS = ("menu.button_favourites", "menu.button_alerts", "menu.button_settings", "menu.button_help")


def button(label: str, kind: Kind, *args: int) -> InlineKeyboardButton:
    """Returns one inline button carrying encoded ids."""
    return InlineKeyboardButton(label, callback_data=encode(kind, *args))


def main_keyboard(lang: str) -> ReplyKeyboardMarkup:
    """Returns the keyboard below the input field: share location, favourites, alerts, settings, help."""
    rows = [
        [KeyboardButton(t(lang, "menu.button_location"), request_location=True),
         KeyboardButton(t(lang, "menu.button_favourites"))],
        [KeyboardButton(t(lang, key)) for key in MENU_KEYS[1:]],
    ]
    return ReplyKeyboardMarkup(rows, resize_keyboard=True, is_persistent=True,
                               input_field_placeholder=t(lang, "start.placeholder"))


def results(search_id: int, hit_ids: Sequence[int], *, total: int, offset: int, lang: str,
            page_size: int, kept: Collection[int] = frozenset()) -> InlineKeyboardMarkup:
    """Returns details and keep buttons (★ for what is kept) for the shown results, paging, refining and saving."""
    shown = len(hit_ids)
    rows: Rows = [
        [button(t(lang, "search.button_details", number=offset + index + 1), Kind.DETAILS, search_id, oid)
         for index, oid in enumerate(hit_ids)],
        [keep_button(search_id, oid, offset + index + 1, kept=oid in kept, lang=lang)
         for index, oid in enumerate(hit_ids)],
    ] if shown else []
    paging = []
    if offset > 0:
        paging.append(button(t(lang, "search.button_previous"), Kind.PAGE, search_id, max(0, offset - page_size)))
    if offset + shown < total:
        paging.append(button(t(lang, "search.button_more"), Kind.PAGE, search_id, offset + shown))
    if paging:
        rows.append(paging)
    rows.append([button(t(lang, "search.button_radius"), Kind.REFINE, search_id, Facet.RADIUS),
                 button(t(lang, "search.button_category"), Kind.REFINE, search_id, Facet.CATEGORY),
                 button(t(lang, "search.button_time"), Kind.REFINE, search_id, Facet.TIME)])
    rows.append([button(t(lang, "search.button_save"), Kind.SAVE, search_id)])
    return InlineKeyboardMarkup(rows)


def keep_button(search_id: int, opportunity_id: int, number: int, *, kept: bool, lang: str) -> InlineKeyboardButton:
    """Returns the star under a result: ☆ keeps the listing, ★ takes it off the Merkliste again."""
    if kept:
        return button(t(lang, "search.button_kept", number=number), Kind.UNFAVOURITE, Origin.RESULTS, search_id,
                      opportunity_id)
    return button(t(lang, "search.button_keep", number=number), Kind.FAVOURITE, Origin.RESULTS, search_id,
                  opportunity_id)


def radius_choice(search_id: int, lang: str, *, chosen_km: float | None = None) -> InlineKeyboardMarkup:
    """Returns the radius options and a way back."""
    options = [button(_marked(t(lang, "search.button_radius_km", radius=km), km == chosen_km), Kind.RADIUS, search_id, km)
               for km in RADII_KM]
    return InlineKeyboardMarkup([options, [button(t(lang, "search.button_back"), Kind.BACK, search_id)]])


def category_choice(search_id: int, lang: str, *, with_back: bool = True,
                    chosen: Collection[str] = ()) -> InlineKeyboardMarkup:
    """Returns every category as a button (two per row, ✅ on the chosen), 'all categories', and a way back."""
    options = [button(_marked(f"{c.emoji} {c.label(lang)}", key in chosen), Kind.CATEGORY, search_id, c.bit + 1)
               for key, c in categories().items()]
    rows: Rows = [options[i:i + 2] for i in range(0, len(options), 2)]
    rows.append([button(t(lang, "search.button_all_categories"), Kind.CATEGORY, search_id, 0)])
    if with_back:
        rows.append([button(t(lang, "search.button_back"), Kind.BACK, search_id)])
    return InlineKeyboardMarkup(rows)


def time_choice(search_id: int, lang: str, *, chosen: Collection[str] = ()) -> InlineKeyboardMarkup:
    """Returns the time tags (✅ on the chosen), 'any time', and a way back."""
    options = [button(_marked(t(lang, f"listing.{tag.value}"), tag.value in chosen), Kind.TIME, search_id, index + 1)
               for index, tag in enumerate(TIME_TAGS)]
    rows: Rows = [options[i:i + 2] for i in range(0, len(options), 2)]
    rows.append([button(t(lang, "search.button_any_time"), Kind.TIME, search_id, 0),
                 button(t(lang, "search.button_back"), Kind.BACK, search_id)])
    return InlineKeyboardMarkup(rows)


def candidate_label(name: str, state: str | None, district: str | None, lang: str) -> str:
    """Returns 'Neustadt (Sachsen)', never 'Neustadt (Hessen) (Hessen)': a state the name already says is not
    repeated (the district tells such namesakes apart where it is known)."""
    extra = district if state and state in name else state
    if not extra or extra in name:
        return clip(name, 40)
    return t(lang, "search.button_candidate", name=clip(name, 30), state=clip(extra, 30))


def place_choice(search_id: int, candidates: Sequence[PlaceRef], lang: str) -> InlineKeyboardMarkup:
    """Returns one button per candidate place."""
    return InlineKeyboardMarkup([
        [button(candidate_label(place.name, place.state, None, lang), Kind.PLACE, search_id, index)]
        for index, place in enumerate(candidates)
    ])


def details(opportunity_id: int, *, origin: int, origin_id: int, favourite: bool, lang: str) -> InlineKeyboardMarkup:
    """Returns the favourite toggle and the way back to where the details were opened from."""
    if favourite:
        toggle = button(t(lang, "details.button_unfavourite"), Kind.UNFAVOURITE, origin, origin_id, opportunity_id)
    else:
        toggle = button(t(lang, "details.button_favourite"), Kind.FAVOURITE, origin, origin_id, opportunity_id)
    rows: Rows = [[toggle]]
    if origin == Origin.SEARCH:
        rows.append([button(t(lang, "details.button_back_results"), Kind.BACK, origin_id)])
    elif origin == Origin.FAVOURITES:
        rows.append([button(t(lang, "details.button_back_favourites"), Kind.FAVOURITES, origin_id)])
    return InlineKeyboardMarkup(rows)


def favourites(opportunity_ids: Sequence[int], *, offset: int, total: int, lang: str,
               page_size: int) -> InlineKeyboardMarkup:
    """Returns details and remove buttons per favourite, and paging."""
    rows: Rows = [
        [button(t(lang, "search.button_details", number=offset + index + 1), Kind.FAVOURITE_DETAILS, offset, oid),
         button(t(lang, "favourites.button_remove", number=offset + index + 1), Kind.UNFAVOURITE,
                Origin.FAVOURITES_LIST, offset, oid)]
        for index, oid in enumerate(opportunity_ids)
    ]
    paging = []
    if offset > 0:
        paging.append(button(t(lang, "search.button_previous"), Kind.FAVOURITES, max(0, offset - page_size)))
    if offset + len(opportunity_ids) < total:
        paging.append(button(t(lang, "search.button_more"), Kind.FAVOURITES, offset + len(opportunity_ids)))
    if paging:
        rows.append(paging)
    return InlineKeyboardMarkup(rows)


def saved_searches(ids: Sequence[int], lang: str) -> InlineKeyboardMarkup:
    """Returns a stop button per saved search."""
    return InlineKeyboardMarkup([[button(t(lang, "alerts.button_stop", number=index + 1), Kind.STOP_ALERT, sid,
                                         Where.LIST)] for index, sid in enumerate(ids)])


def alert(opportunity_id: int, saved_search_id: int, lang: str) -> InlineKeyboardMarkup:
    """Returns the buttons under an alert: the listing's details and stopping the saved search."""
    return InlineKeyboardMarkup([
        [button(t(lang, "alerts.button_details"), Kind.LISTING, opportunity_id)],
        [button(t(lang, "alerts.button_stop_alert"), Kind.STOP_ALERT, saved_search_id, Where.ALERT)],
    ])


def stop_alert(saved_search_id: int, lang: str) -> InlineKeyboardMarkup:
    """Returns the stop button alone (under the confirmation that a search was saved)."""
    return InlineKeyboardMarkup([[button(t(lang, "alerts.button_stop_alert"), Kind.STOP_ALERT, saved_search_id,
                                         Where.ALERT)]])


def digest(opportunity_ids: Sequence[int], searches: Sequence[tuple[int, str]], lang: str) -> InlineKeyboardMarkup:
    """Returns details buttons for a digest's listings (five per row) and a stop button per (saved search, text)."""
    details_buttons = [button(t(lang, "search.button_details", number=index + 1), Kind.LISTING, oid)
                       for index, oid in enumerate(opportunity_ids)]
    rows: Rows = [details_buttons[i:i + 5] for i in range(0, len(details_buttons), 5)]
    for sid, text in searches:
        label = t(lang, "alerts.button_stop_named", name=clip(text.strip(), 30))
        rows.append([button(label, Kind.STOP_ALERT, sid, Where.ALERT)])
    return InlineKeyboardMarkup(rows)


def remember_home(search_id: int, lang: str) -> InlineKeyboardMarkup:
    """Returns the consent question's yes and no."""
    return InlineKeyboardMarkup([[button(t(lang, "location.button_yes"), Kind.HOME, search_id, 1),
                                  button(t(lang, "location.button_no"), Kind.HOME, search_id, 0)]])


def forget_home(lang: str) -> InlineKeyboardMarkup:
    """Returns the button that forgets the stored place."""
    return InlineKeyboardMarkup([[button(t(lang, "location.button_forget"), Kind.SETTING, Setting.FORGET_HOME, 0)]])


def settings(lang: str, *, alert_mode: str, announcements: bool, has_home: bool) -> InlineKeyboardMarkup:
    """Returns the settings buttons: language, alert mode, announcements, forgetting the place."""
    other = 1 if lang == "de" else 0
    modes = [button(("• " if mode.value == alert_mode else "") + t(lang, f"settings.button_alerts_{mode.value}"),
                    Kind.SETTING, Setting.ALERT_MODE, index) for index, mode in enumerate(ALERT_MODES)]
    key = "settings.button_announcements_off" if announcements else "settings.button_announcements_on"
    rows: Rows = [
        [button(t(lang, "settings.button_language"), Kind.SETTING, Setting.LANGUAGE, other)],
        modes,
        [button(t(lang, key), Kind.SETTING, Setting.ANNOUNCEMENTS, 0 if announcements else 1)],
    ]
    if has_home:
        rows.append([button(t(lang, "settings.button_forget_home"), Kind.SETTING, Setting.FORGET_HOME, 0)])
    return InlineKeyboardMarkup(rows)


def confirm_delete(lang: str) -> InlineKeyboardMarkup:
    """Returns the two answers to 'delete everything?'."""
    return InlineKeyboardMarkup([[button(t(lang, "privacy.button_confirm"), Kind.DELETE, 1),
                                  button(t(lang, "privacy.button_keep"), Kind.DELETE, 0)]])


def open_private_chat(bot_username: str, lang: str) -> InlineKeyboardMarkup:
    """Returns a link button into the private chat with the bot (for group chats)."""
    return InlineKeyboardMarkup([[InlineKeyboardButton(t(lang, "problem.button_private"),
                                                       url=f"https://t.me/{bot_username}?start=group")]])


def _marked(label: str, chosen: bool) -> str:
    """Marks the option that is in force now."""
    return f"✅ {label}" if chosen else label
