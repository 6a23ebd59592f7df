"""The buttons under search results: details, keep, paging, the refinement menus, places, home place."""

from __future__ import annotations

from collections.abc import Collection, Sequence

from telegram import InlineKeyboardMarkup

from bot.categories import categories
from bot.search.model import PlaceRef
from bot.telegram.callbacks import (
    BackButton, CategoryButton, DetailsButton, Facet, HomeButton, PageButton, PlaceButton,
    RadiusButton, RefineButton, SaveButton, Setting, SettingButton, SimilarButton, TimeButton,
)
from bot.telegram.keyboards import RADII_KM, TIME_TAGS, Rows, button, candidate_label, keep_button, marked
from bot.texts import t
from nlu.namesakes import near_towns
from nlu.place_field import state_name


def results(search_id: int, hit_ids: Sequence[int], *, total: int, offset: int, lang: str,
            page_size: int, kept: Collection[int] = frozenset(), similar: int = 0,
            showing_similar: bool = False, radius: bool = True, found: bool = True) -> InlineKeyboardMarkup:
    """Returns details and keep buttons (★ for what is kept) for the shown results, paging, the related listings
    left out of the answer (`similar` of them) or the way back to the answer from them, refining and saving; no
    radius to refine without a centre (`radius` False: a whole state or all of Germany is searched, not around a
    place). Nothing `found` anywhere: only another area helps (no time to narrow, no empty search to save)."""
    shown = len(hit_ids)
    rows: Rows = [
        [button(t(lang, "search.button_details", number=offset + index + 1), DetailsButton(search_id, oid))
         for index, oid in enumerate(hit_ids)],
        [keep_button(search_id, oid, offset + index + 1, kept=oid in kept, lang=lang)
         for index, oid in enumerate(hit_ids)],
    ] if shown else []
    paging = []
    if offset > 0:
        paging.append(button(t(lang, "search.button_previous"), PageButton(search_id, max(0, offset - page_size))))
    if offset + shown < total:
        paging.append(button(t(lang, "search.button_more"), PageButton(search_id, offset + shown)))
    if paging:
        rows.append(paging)
    if showing_similar:
        rows.append([button(t(lang, "search.button_strong"), SimilarButton(search_id, 0))])
    elif similar:
        rows.append([button(t(lang, "search.button_similar", count=similar), SimilarButton(search_id, 1))])
    refine = [button(t(lang, "search.button_category"), RefineButton(search_id, Facet.CATEGORY))]
    if found:
        refine.append(button(t(lang, "search.button_time"), RefineButton(search_id, Facet.TIME)))
    if radius:
        refine.insert(0, button(t(lang, "search.button_radius"), RefineButton(search_id, Facet.RADIUS)))
    rows.append(refine)
    if found:
        rows.append([button(t(lang, "search.button_save"), SaveButton(search_id))])
    return InlineKeyboardMarkup(rows)


def radius_choice(search_id: int, lang: str, *, chosen_km: float | None = None) -> InlineKeyboardMarkup:
    """Returns the radius options (✅ on the one in force) and a way back."""
    options = [button(marked(t(lang, "search.button_radius_km", radius=km), km == chosen_km),
                      RadiusButton(search_id, km)) for km in RADII_KM]
    return InlineKeyboardMarkup([options, [button(t(lang, "search.button_back"), BackButton(search_id))]])


def category_choice(search_id: int, lang: str, *, with_back: bool = True,
                    chosen: Collection[str] = ()) -> InlineKeyboardMarkup:
    """Returns every category as a button (two per row, ✅ on the chosen), 'all categories', and a way back."""
    options = [button(marked(f"{c.emoji} {c.label(lang)}", key in chosen), CategoryButton(search_id, c.bit + 1))
               for key, c in categories().items()]
    rows: Rows = [options[i:i + 2] for i in range(0, len(options), 2)]
    rows.append([button(t(lang, "search.button_all_categories"), CategoryButton(search_id, 0))])
    if with_back:
        rows.append([button(t(lang, "search.button_back"), BackButton(search_id))])
    return InlineKeyboardMarkup(rows)


def time_choice(search_id: int, lang: str, *, chosen: Collection[str] = ()) -> InlineKeyboardMarkup:
    """Returns the time tags (✅ on the chosen), 'any time', and a way back."""
    options = [button(marked(t(lang, f"listing.{tag.value}"), tag.value in chosen), TimeButton(search_id, index + 1))
               for index, tag in enumerate(TIME_TAGS)]
    rows: Rows = [options[i:i + 2] for i in range(0, len(options), 2)]
    rows.append([button(t(lang, "search.button_any_time"), TimeButton(search_id, 0)),
                 button(t(lang, "search.button_back"), BackButton(search_id))])
    return InlineKeyboardMarkup(rows)


def place_choice(
    search_id: int, candidates: Sequence[PlaceRef], lang: str, *, region: str | None = None
) -> InlineKeyboardMarkup:
    """Returns one button per candidate place and, for a state's towns (`region`), one showing that whole state
    (the index two after the last town) and one showing all of Germany (the index after the last town)."""
    rows = [[button(candidate_label(place.name, place.state, None, lang, near=near), PlaceButton(search_id, index))]
            for index, (place, near) in enumerate(zip(candidates, near_towns(candidates), strict=True))]
    if region is not None:
        label = t(lang, "search.button_whole_state", state=state_name(region, lang))
        rows.append([button(label, PlaceButton(search_id, len(candidates) + 1))])
        rows.append([button(t(lang, "search.button_nationwide"), PlaceButton(search_id, len(candidates)))])
    return InlineKeyboardMarkup(rows)


def remember_home(search_id: int, lang: str) -> InlineKeyboardMarkup:
    """Returns the consent question's yes and no."""
    return InlineKeyboardMarkup([[button(t(lang, "location.button_yes"), HomeButton(search_id, 1)),
                                  button(t(lang, "location.button_no"), HomeButton(search_id, 0))]])


def forget_home(lang: str) -> InlineKeyboardMarkup:
    """Returns the button that forgets the stored place."""
    return InlineKeyboardMarkup([[button(t(lang, "location.button_forget"), SettingButton(Setting.FORGET_HOME, 0))]])
