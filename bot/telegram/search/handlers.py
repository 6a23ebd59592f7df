"""Free text is a search: the first page comes as a new message; paging, refining and choosing a place edit it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from functools import partial


from bot.conversation import state
from bot.conversation.searches import DEEPEST_OFFSET, PAGE_SIZE, ChatSearches
from bot.domain import MAX_QUERY_CHARS, TimeTag
from bot.search.criteria import criteria_from, known_state
from bot.search.understanding import parse_text, written_language
from bot.store.models import ChatSearch
from bot.telegram import keyboards
from bot.telegram.callbacks import (
    BackButton, CategoryButton, Facet, PageButton, Payload, PlaceButton, RadiusButton, RefineButton, SimilarButton,
    TimeButton,
)
from bot.telegram.context import Turn
from bot.telegram.search import keyboards as search_keyboards
from bot.telegram.search.pages import answer_or_search, page_messages
from bot.telegram.search.views import category_by_number, refine_menu
from bot.telegram.sending import View
from bot.texts import t


# A button's change to its stored search; False when the button's value is not one the bot offers.
Change = Callable[[ChatSearch, ChatSearches], bool]


async def search_text(turn: Turn[None]) -> None:
    """Searches for what the person wrote, or takes it as the place they were just asked for."""
    await _search_for(turn, turn.message.text or "")


async def search_command(turn: Turn[None]) -> None:
    """Searches for the words after /suche, or asks what to look for."""
    text = " ".join(turn.context.args or ())
    if text:
        await _search_for(turn, text)
    else:
        turn.reply(View(t(turn.lang, "search.prompt")))


async def search_edited(turn: Turn[None]) -> None:
    """Searches again for the new text of an edited message, saying why a new answer comes."""
    turn.reply(View(t(turn.lang, "problem.edited")))
    await _search_for(turn, turn.message.text or "")


async def turn_page(turn: Turn[PageButton]) -> None:
    """Shows another page of the results in the same message."""
    pressed = turn.button
    await _change_search(turn, pressed.search_id, partial(_set_offset, pressed.offset))


async def show_similar(turn: Turn[SimilarButton]) -> None:
    """Shows the related listings the answer left out (or the answer again) in the same message."""
    pressed = turn.button
    await _change_search(turn, pressed.search_id, partial(_set_similar, pressed.similar))


async def back_to_results(turn: Turn[BackButton]) -> None:
    """Shows the results again in place of details or a refinement menu."""
    await _change_search(turn, turn.button.search_id, lambda stored, searches: True)


async def choose_radius(turn: Turn[RadiusButton]) -> None:
    """Searches again within the chosen radius."""
    pressed = turn.button
    await _change_search(turn, pressed.search_id, partial(_set_radius, pressed.km))


async def guided_search(turn: Turn[None]) -> None:
    """Starts a search by buttons only (for someone who cannot write German or English): area, then place or
    location, then time, each chosen with a button."""
    page = await turn.services.searches.start(turn.session, turn.volunteer, text="", private=turn.private,
                                              lang=turn.lang)
    turn.reply(View(t(turn.lang, "search.guided_area"),
                    search_keyboards.category_choice(page.search.id, turn.lang, with_back=False)))


async def choose_category(turn: Turn[CategoryButton]) -> None:
    """Searches again in the chosen category (or in all)."""
    pressed = turn.button
    await _change_search(turn, pressed.search_id, partial(_set_category, pressed.number))


async def choose_time(turn: Turn[TimeButton]) -> None:
    """Searches again for the chosen time (or any time)."""
    pressed = turn.button
    await _change_search(turn, pressed.search_id, partial(_set_time, pressed.number))


async def choose_place(turn: Turn[PlaceButton]) -> None:
    """Searches again around the place chosen among same-named ones."""
    pressed = turn.button
    await _change_search(turn, pressed.search_id, partial(_set_place, pressed.candidate))


async def open_refinement(turn: Turn[RefineButton]) -> None:
    """Swaps the result buttons for the options of one refinement (radius, category or time)."""
    stored = await turn.session.get(ChatSearch, turn.button.search_id)
    if stored is None or turn.button.facet not in (Facet.RADIUS, Facet.CATEGORY, Facet.TIME):
        turn.refuse_stale()
    elif stored.volunteer_id != turn.volunteer.id:
        turn.refuse_foreign()
    else:
        turn.answer()
        current = criteria_from(parse_text(stored.query_text), state.refinement_of(stored),
                                default_radius_km=turn.services.settings.default_radius_km)
        shown = state.shown_radius_km(stored)  # ✅ on the radius the answer showed ("Kassel + 50 km"), not the asked
        current = current if shown is None else replace(current, radius_km=shown)
        turn.edit_buttons(refine_menu(stored.id, turn.button.facet, stored.lang or turn.lang, current))


async def _search_for(turn: Turn[None], text: str) -> None:
    """Answers a text: the place asked for, or a new search."""
    if len(text) > MAX_QUERY_CHARS:
        # In the text's own language (the marker-word count is cheap), else the conversation's
        turn.reply(View(t(written_language(text, turn.lang), "problem.too_long")))
        return
    turn.reply_all(await answer_or_search(turn.session, turn.volunteer, text.strip(), turn.services,
                                           private=turn.private, spoken=turn.lang))


async def _change_search(turn: Turn[Payload], search_id: int, change: Change) -> None:
    """Applies a button's change to its search, runs it again and edits the result message."""
    stored = await turn.session.get(ChatSearch, search_id)
    if stored is not None and stored.volunteer_id != turn.volunteer.id:
        turn.refuse_foreign()
        return
    if stored is None or not change(stored, turn.services.searches):
        turn.refuse_stale()
        return
    lang = stored.lang or turn.lang  # the result message stays in the language it was answered in
    page = await turn.services.searches.run(turn.session, turn.volunteer, stored, lang=lang)
    first, *follow_ups = await page_messages(turn.session, turn.volunteer, page, turn.services, private=turn.private,
                                             lang=lang)
    turn.answer()
    turn.edit(first)
    turn.reply_all(follow_ups)


def _set_offset(offset: int, stored: ChatSearch, searches: ChatSearches) -> bool:
    """Moves the search to the page the button names."""
    if offset % PAGE_SIZE or offset > DEEPEST_OFFSET:
        return False
    stored.offset = offset
    return True


def _set_similar(similar: int, stored: ChatSearch, searches: ChatSearches) -> bool:
    """Switches the search between its answer (0) and the related listings left out of it (1)."""
    if similar not in (0, 1):
        return False
    state.show_similar(stored, bool(similar))
    return True


def _set_radius(km: int, stored: ChatSearch, searches: ChatSearches) -> bool:
    """Sets the radius a button offers."""
    if km not in keyboards.RADII_KM:
        return False
    state.refine(stored, radius_km=float(km))
    return True


def _set_category(number: int, stored: ChatSearch, searches: ChatSearches) -> bool:
    """Sets the category a button names (0: every category) in place of the interest the text named."""
    key = category_by_number(number)
    if number and key is None:
        return False
    searches.choose_interest(stored, (key,) if key else ())
    return True


def _set_time(number: int, stored: ChatSearch, searches: ChatSearches) -> bool:
    """Sets the time tag a button names (0: any time)."""
    tags = tuple(TimeTag)
    if number > len(tags):
        return False
    state.refine_to(stored, state.refinement_of(stored).with_times((tags[number - 1].value,) if number else ()))
    return True


def _set_place(candidate: int, stored: ChatSearch, searches: ChatSearches) -> bool:
    """Centres the search on the chosen candidate place."""
    candidates = state.candidates_of(stored)
    if candidate == len(candidates) and candidates:  # the state question's "all of Germany" (views.candidates_view)
        state.refine(stored, nationwide=True)
        return True
    if candidate == len(candidates) + 1 and candidates:  # its "all of Sachsen": the state its towns lie in
        region = known_state(candidates[0].state)
        if region is None or any(place.state != region for place in candidates):
            return False
        state.refine(stored, whole_state=region)
        return True
    if candidate >= len(candidates):
        return False
    state.refine(stored, place=candidates[candidate])
    return True
