"""Messages as the person sees them: text plus buttons, composed from render.py (text) and keyboards (buttons)."""

from __future__ import annotations

from collections.abc import Sequence

from telegram import InlineKeyboardMarkup

from bot.categories import categories
from bot.search.criteria import Criteria
from bot.search.model import PlaceRef
from bot.search.smalltalk import only_emoji, short_number
from bot.conversation import state
from bot.telegram.search import keyboards as search_keyboards
from bot.telegram.callbacks import Facet
from bot.telegram.search.render import results_text, subject_notes, summary
from bot.telegram.formatting import line
from bot.telegram.sending import View
from nlu.place_field import state_name
from bot.conversation.searches import PAGE_SIZE, Page
from bot.texts import t


def page_view(page: Page, lang: str, *, default_radius_km: float) -> View:
    """Returns the message for a search page: place candidates, interest choice, or the results."""
    outcome, stored = page.outcome, page.search
    if outcome.needs_place_choice:
        return candidates_view(stored.id, outcome.place_candidates, lang)
    if page.needs_interest and not outcome.unknown_place:  # an unknown postal code is asked about first
        markup = search_keyboards.category_choice(stored.id, lang, with_back=False)
        unread = (t(lang, "search.words_unread", words=line(" ".join(outcome.unread_words), 80)) + "\n"
                  if outcome.unread_words else "")
        if page.understood_nothing:  # an emoji, a greeting, a typo: no header of a search nobody asked for
            if unread:  # "asdfgh qwertz": said what was not understood, with examples
                return View(unread + t(lang, "search.ask_interest"), markup)
            key = ("search.emoji_only" if only_emoji(stored.query_text)
                   else "search.short_number" if short_number(stored.query_text) else "search.not_understood")
            return View(t(lang, key), markup)
        header = t(lang, "search.header", summary=summary(outcome, lang))
        return View(f"{header}\n{unread}{t(lang, 'search.ask_interest')}", markup)
    refinement = state.refinement_of(stored)
    text = results_text(outcome, offset=stored.offset, lang=lang, asked_radius_km=asked_radius_km(
        page, default_radius_km), kept_place=page.kept_place, radius_step=page.radius_step,
        kept_interest=page.kept_interest, said_before=page.said_before)
    if outcome.unknown_place:  # nothing was searched: the question wants a place, not buttons to refine or save
        return View(text)
    markup = search_keyboards.results(stored.id, [hit.id for hit in outcome.results], total=outcome.total,
                                      offset=stored.offset, lang=lang, page_size=PAGE_SIZE, kept=page.kept,
                                      similar=outcome.others, showing_similar=outcome.showing_similar,
                                      radius=outcome.whole_state is None and not refinement.nationwide
                                      and not outcome.everywhere,  # no place: no radius around one
                                      found=bool(outcome.results) or not outcome.everywhere)
    return View(text, markup)


def asked_radius_km(page: Page, default_radius_km: float) -> float:
    """Returns the radius the search asked for, from which its answer says how far it widened."""
    return (state.refinement_of(page.search).radius_km or page.outcome.understood.radius_km
            or default_radius_km)


def said_notes(page: Page, lang: str, *, default_radius_km: float) -> list[str]:
    """Returns the notes the page's answer says on what it relaxed and what no listing holds (kept with the search:
    a follow-up keeping its words does not say them again); none when it asks instead of answering."""
    if page.outcome.needs_place_choice or page.needs_interest or page.outcome.unknown_place:
        return []
    return subject_notes(page.outcome, lang=lang, asked_radius_km=asked_radius_km(page, default_radius_km))


def candidates_view(search_id: int, places: Sequence[PlaceRef], lang: str, *, region: str | None = None) -> View:
    """Returns the question which of several same-named places is meant (or, for a `region`, which of its towns
    to look around), one button each."""
    name = shared_name(places)
    if region is not None:
        text = t(lang, "search.ask_place_in_state", state=line(state_name(region, lang), 60))
    else:
        text = t(lang, "search.ask_candidates", name=line(name, 60)) if name else t(lang, "search.ask_which_place")
    return View(text, search_keyboards.place_choice(search_id, places, lang, region=region))


def shared_name(places: Sequence[PlaceRef]) -> str:
    """Returns the capitalised words every candidate's name contains ('Neustadt' of 'Bad Neustadt an der Saale')."""
    first, *others = [place.name.split() for place in places]
    return " ".join(word for word in first if word[:1].isupper() and all(word in other for other in others))


def refine_menu(search_id: int, facet: int, lang: str, current: Criteria | None = None) -> InlineKeyboardMarkup:
    """Returns the buttons of one refinement menu with what is in force now marked (the message text stays)."""
    if facet == Facet.RADIUS:
        return search_keyboards.radius_choice(search_id, lang, chosen_km=current.radius_km if current else None)
    if facet == Facet.CATEGORY:
        return search_keyboards.category_choice(search_id, lang, chosen=current.categories if current else ())
    return search_keyboards.time_choice(search_id, lang, chosen=current.time if current else ())


def category_by_number(number: int) -> str | None:
    """Returns the category key a CATEGORY button stands for (bit + 1); None for 0 or unknown numbers."""
    for key, category in categories().items():
        if category.bit + 1 == number:
            return key
    return None

