"""A search's messages: the result page, the place question after it, a place given for the search.

Shared by the search's handlers, shared locations and /start's deep links; each runs in the caller's unit of work.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from nlu.kernel.text import fold
from nlu.query import ParsedQuery
from sqlalchemy.ext.asyncio import AsyncSession

from bot.conversation import state
from bot.conversation.followups import asks_generally, follow_up, place_said_at
from bot.conversation.language import going_on
from bot.conversation.questions import questions_asked
from bot.conversation.reply_language import answer_language, help_language
from bot.conversation.places import home_answer, place_answer, unknown_place_answer
from bot.conversation.searches import Page
from bot.search.model import PlaceRef
from bot.search.place_doubts import largest_places, named_state
from nlu.place_field import all_of_state, state_name, whole_state
from bot.search.model import Refinement
from bot.search.stock import Stock, stock_of, unstocked_key
from bot.admins import admin_scope
from bot.search.smalltalk import (
    SmallTalk, asks_for_help, asks_for_more, emoji_interest, is_decline, only_emoji, small_talk,
    without_any_interest,
)
from bot.search.understanding import parse_text, reusing
from bot.store.models import ChatSearch, Volunteer
from bot.store.types import utcnow
from bot.telegram import keyboards
from bot.telegram.search import keyboards as search_keyboards
from bot.telegram.formatting import line
from bot.telegram.search.views import candidates_view, page_view, said_notes
from bot.telegram.sending import View
from bot.telegram.services import Services
from bot.texts import t
from bot.volunteers import home_place, remember_home


SMALL_TALK = {SmallTalk.GREETING: "smalltalk.greeting", SmallTalk.THANKS: "smalltalk.thanks",
              SmallTalk.OKAY: "smalltalk.okay"}


async def answer_or_search(
    session: AsyncSession, volunteer: Volunteer, text: str, services_: Services, *, private: bool,
    spoken: str | None = None,
) -> list[View]:
    """Takes a text as the answer to the open place question if it names a place, else as a new search.

    `spoken`: the language the conversation goes on in (bot.conversation.language; the setting by default).
    """
    setting = volunteer.language
    earlier = spoken or setting
    asked = questions_asked(text)
    # Only a text that reads as a place can answer "Wo?"; other texts are searches and need no look-up here.
    parse = reusing()  # the message is parsed once, whether the place question or the search asks
    # The place first ("Neustadt in Sachsen", "Nordhessen"); a state only when no place is found, or only the namesake
    # its bare word names ("Sachsen": Sachsen bei Ansbach, Bayern), and never as one's home place (/standort).
    places = place_answer(text, parse) if private else []
    all_of = all_of_state(text) if private else None  # "ganz Sachsen": all of it, as its button says
    region = all_of or (named_state(text) if private and len(text.split()) <= 3 and (
        not places or whole_state(text) is not None) else None)
    question = await state.pending_question(session, volunteer.id) if places or region else None
    if region is not None and (question is None or question.awaiting != state.AWAITING_SEARCH_PLACE
                               or parse(text).categories or asks_generally(text)):
        region = None  # a state beside an interest ("Tierheim in Sachsen", "Ehrenamt in Sachsen") is a search of its
        # own, asked below
    if region is not None:
        places = []
    lang = answer_language(text, setting=setting, earlier=earlier, english_question=asked.english,
                           names_place=bool(places))
    board = keyboards.main_keyboard(lang) if private else None  # no reply keyboard in groups
    if region is not None and question is not None:  # a state answering "Wo?": which town in it
        stored = await state.own_search(session, question.search_id or 0, volunteer.id)
        if stored is not None and all_of == region:  # not asked again about the towns: shown all of it
            state.close(question)
            state.refine(stored, whole_state=region)
            page = await services_.searches.run(session, volunteer, stored, lang=stored.lang or lang)
            return await page_messages(session, volunteer, page, services_, private=True, lang=stored.lang or lang)
        if stored is not None:
            return [state_places_view(stored, region, stored.lang or lang)]
    if question is not None and places:
        awaiting, search_id = question.awaiting, question.search_id
        state.close(question)
        if awaiting == state.AWAITING_HOME:
            await remember_home(session, volunteer, places[0])
            return [View(t(lang, "location.saved", place=line(places[0].name, 60)))]
        stored = await state.own_search(session, search_id or 0, volunteer.id)
        if stored is not None and awaiting == state.AWAITING_SEARCH_PLACE:
            return await place_for_search(session, volunteer, stored, places, services_, lang=stored.lang or lang)
    if private and not places and (home := await _home_answered(session, volunteer, text, parse)) is not None:
        # /standort asked for the person's place: a misspelt name is saved as the chat reads it ("Kasssel"), one no
        # place has is said so with the question still open (searched, "99999" asked where to search instead)
        if isinstance(home, PlaceRef):
            await remember_home(session, volunteer, home)
            return [View(t(lang, "location.saved", place=line(home.name, 60)), board)]
        key = "location.unknown_code" if home.isdigit() else "location.unknown_place"
        return [View(t(lang, key, name=line(home, 60)), board)]
    if private and not places and (unknown := unknown_place_answer(text, parse)) is not None:
        question = await state.pending_question(session, volunteer.id)
        if question is not None and question.awaiting == state.AWAITING_SEARCH_PLACE:
            # another name the gazetteer lacks answers "Wo soll ich suchen?": said so, and the question stays open
            # (searched as a word, "Großhinterwaldbach" found "Großhennersdorf" and "Großpösna" all over Germany)
            return [View(t(lang, "search.unknown_place_again", name=line(unknown, 60)), board)]
    if private and not places and only_emoji(text) and emoji_interest(text) is None:
        question = await state.pending_question(session, volunteer.id)
        if question is not None and question.awaiting == state.AWAITING_SEARCH_PLACE:
            # "🙈" answering "Wo soll ich suchen?": the place is what is open, not the area (the emoji's answer
            # offered the areas, and the interest already chosen looked lost); the question stays open
            return [View(t(lang, "search.emoji_for_place"), board)]
    if private and not places and is_decline(text):  # "nein" to "Wo soll ich stattdessen suchen?": no new search
        question = await state.pending_question(session, volunteer.id)
        if question is not None:
            await state.conclude(session, volunteer.id)  # a place written next is a search of its own
            return [View(t(lang, "search.question_declined"), board)]
    if asks_for_help(text):  # "hilfe", "wie funktioniert das?": the help, as /hilfe gives it
        helped = help_language(text, lang=lang, earlier=earlier, in_conversation=going_on(volunteer))
        return [View(t(helped, "help.text"), keyboards.main_keyboard(helped) if private else None)]
    # A group never goes on from the person's searches: a group search would show their private one's pages
    # or place to everyone (and a private one would go on from what was said in a group).
    if asks_for_more(text):  # "weiter", "zeig mir mehr": the next page of the last search, as "Mehr" would
        if not private:
            return [View(t(lang, "search.more_in_private"))]
        return await next_page(session, volunteer, services_, lang=lang)
    talk = small_talk(text)
    if talk is not None:  # "hallo", "danke 👍", "ok": answered in kind, with one line of what to write
        # in the conversation's language, as /hilfe next would be: "ok", "👍" or "danke" after English messages
        # is no switch to German (the words are too few, and mostly in no language, to tell)
        key = SMALL_TALK[talk]
        if talk is SmallTalk.OKAY and private and await state.newest_search_id(
                session, volunteer.id, private=True, understood=True) is not None:
            key = "smalltalk.okay_after_results"  # "ok" after results: what can be done with them
        return [View(t(earlier, key), keyboards.main_keyboard(earlier) if private else None)]
    # The search to go on from: the newest in this chat that understood something ("🎉🔥" is none).
    previous = await state.last_search(session, volunteer.id, private=True, understood=True) if private else None
    parsed = parse(text)
    answers = [t(lang, f"questions.{topic}") for topic in asked.topics]
    searched = [word for word in parsed.keywords if fold(word) not in asked.words]  # "insured" is the question
    if answers and not (parsed.categories or parsed.place or searched or parsed.time):
        # "Bin ich da versichert?": answered, not searched ("und am Wochenende, bin ich da versichert?": both)
        return [View("\n\n".join([*answers, t(lang, "questions.invite")]), board)]
    rest = without_any_interest(text)
    anything = parse_text(rest) if rest is not None else None
    if anything is not None and not anything.categories:  # "irgendwas in Kassel": every area, in Kassel
        page = await services_.searches.start(session, volunteer, text=anything.text,
                                              refinement=Refinement(categories=()), lang=lang, private=private,
                                              parsed=anything)
        if private and page.lacks_place:  # "egal was" and nothing else: every area is fine, only where is open
            await state.ask(session, volunteer.id, state.AWAITING_SEARCH_PLACE, search_id=page.search.id)
            if ruled_out := page.outcome.understood.ruled_out_places:  # "egal was, nur nicht in Kassel"
                text = t(lang, "search.any_interest_where_instead", places=line(", ".join(ruled_out), 60))
            else:
                text = t(lang, "search.any_interest_where")
            return [View(text, board)]
    else:
        goes_on = previous is not None and not await state.concluded(session, volunteer.id, previous.id)
        following = follow_up(previous, parsed, now=utcnow(),
                              default_radius_km=services_.searches.default_radius_km) if goes_on else None
        if following is not None and following.kept_place is not None and await _home_set_since(
                session, volunteer, previous):
            following = None  # "Tierheim" after /standort saved Marburg: there, not in the last search's Dresden
        if following is None:
            page = await services_.searches.start(session, volunteer, text=text, lang=lang, private=private,
                                                  parsed=parsed)
        else:  # "lieber am WE", "und in Kassel?", "was mit Tieren": a change of the last search
            page = await services_.searches.start(session, volunteer, text=following.text,
                                                  refinement=following.refinement, lang=lang, private=private,
                                                  parsed=following.parsed)
            # the same words, only a time or the writer added: what the last answer said of them is not said again
            said = state.said_notes(previous) if previous is not None and following.text == previous.query_text \
                else frozenset()
            page = replace(page, kept_place=following.kept_place, radius_step=following.radius_step,
                           kept_interest=following.kept_interest, said_before=said)
            # kept with the search: its buttons, later pages and a language chosen since say it again while true
            state.keep_followed(page.search, state.Followed(kept_place=following.kept_place,
                                                            kept_interest=following.kept_interest,
                                                            radius_step=following.radius_step))
    views = await page_messages(session, volunteer, page, services_, private=private, lang=lang)
    if answers:  # "Brauche ich ein Führungszeugnis für die Jugendfeuerwehr in Kassel?": the search, then the answer
        views.append(View("\n\n".join(answers)))
    if lang != setting and earlier != lang:
        views.append(View(t(lang, "search.language_hint")))
    return views


def state_places_view(stored: ChatSearch, region: str, lang: str) -> View:
    """Asks where in a state to look, with its largest towns as buttons (the place question stays open)."""
    places = largest_places(region)
    stored.candidates = [place.to_dict() for place in places]
    return candidates_view(stored.id, places, lang, region=region)


async def _home_answered(
    session: AsyncSession, volunteer: Volunteer, text: str, parse: Callable[[str], ParsedQuery]
) -> PlaceRef | str | None:
    """Returns what a message answers to /standort's open question when it names no known place (home_answer): a
    place read from a misspelling (the question is closed), or a name or postal code no place has; None when no
    such question is open or the message asks for something else."""
    if asks_for_more(text) or small_talk(text) is not None or asks_for_help(text):
        return None  # "weiter", "danke", "hilfe" answer no place: neither parsed nor looked up here
    home = home_answer(text, parse)  # parsed once for the search below too (reusing)
    if home is None:  # read first: a message that could answer nothing costs no statement
        return None
    question = await state.pending_question(session, volunteer.id)
    if question is None or question.awaiting != state.AWAITING_HOME:
        return None
    if isinstance(home, PlaceRef):
        state.close(question)
    return home


def _every_area_only(page: Page) -> bool:
    """Tells whether a search asks for every area and nothing else to look for (no words, no time, no language)."""
    understood = page.outcome.understood
    return (state.refinement_of(page.search).categories == () and not understood.shown_words
            and not understood.time and not understood.languages)


async def _home_set_since(session: AsyncSession, volunteer: Volunteer, search: ChatSearch | None) -> bool:
    """Tells whether the person saved their place (/standort) after they last said or chose this search's place
    (a change of its time since then keeps it: place_said_at): a new interest then goes to the saved place."""
    saved = volunteer.home_consent_at
    if search is None or saved is None or home_place(volunteer) is None:
        return False
    return saved > await place_said_at(session, search)


async def next_page(session: AsyncSession, volunteer: Volunteer, services_: Services, *, lang: str) -> list[View]:
    """Shows the next page of the person's last search in their own chat as a new message (in the language it was
    answered in), or says in `lang` there is none (nor for a search still asking what to help with: its buttons
    answer that)."""
    shown = await state.last_search(session, volunteer.id, private=True)
    lang = (shown.lang or lang) if shown is not None else lang
    earlier = parse_text(shown.query_text) if shown is not None and shown.understood else None
    if shown is None or earlier is None or not _shows_listings(shown, earlier):
        return [View(t(lang, "search.more_without_search"), keyboards.main_keyboard(lang))]
    page = await services_.searches.next_page(session, volunteer, shown, lang=lang, parsed=earlier)
    if page is None:
        return [View(t(lang, "search.no_more"), keyboards.main_keyboard(lang))]
    return await page_messages(session, volunteer, page, services_, private=True, lang=lang)


def _shows_listings(shown: ChatSearch, earlier: ParsedQuery) -> bool:
    """Tells whether a search's message shows listings, not the question what to help with (`earlier`: the
    parse of its text)."""
    return bool(earlier.categories or earlier.keywords or state.refinement_of(shown).categories is not None)


async def place_for_search(
    session: AsyncSession, volunteer: Volunteer, stored: ChatSearch, places: list[PlaceRef], services_: Services,
    *, lang: str,
) -> list[View]:
    """Runs a search again around the place given (or asks which one), then offers to remember it (in `lang`)."""
    if len(places) > 1:
        stored.candidates = [place.to_dict() for place in places]
        return [candidates_view(stored.id, places, lang)]
    state.refine(stored, place=places[0])
    page = await services_.searches.run(session, volunteer, stored, lang=lang)
    views = await page_messages(session, volunteer, page, services_, private=True, lang=lang)
    if home_place(volunteer) is None:
        views.append(View(t(lang, "location.remember", place=line(places[0].name, 60)),
                          search_keyboards.remember_home(stored.id, lang)))
    return views


async def page_messages(
    session: AsyncSession, volunteer: Volunteer, page: Page, services_: Services, *, private: bool,
    lang: str | None = None,
) -> list[View]:
    """Returns the page's message (in `lang`, else the person's language), followed by the place question when
    the search had no place at all."""
    lang = lang or volunteer.language
    stock = Stock.PUBLISHED if page.outcome.results else await stock_of(session)
    if stock is not Stock.PUBLISHED:  # nothing to find anywhere: a fresh install, or none published now
        admin = private and await admin_scope(session, volunteer.telegram_id,
                                              admin_ids=services_.settings.admin_ids) is not None
        await state.conclude(session, volunteer.id)  # no question about place or area is left open
        said = (t(lang, unstocked_key(stock, admin=True)) + "\n" + t(lang, "search.admins_only") if admin
                else t(lang, unstocked_key(stock)))
        return [View(said, keyboards.main_keyboard(lang) if private else None)]
    # "ganz Deutschland" pressed or "bundesweit" written: shown, not asked
    nationwide = bool(state.refinement_of(page.search).nationwide) or page.outcome.nationwide
    # all of Germany asked has no place lacking, but a state named with it was shown as all of Germany, said so
    region = named_state(page.search.query_text) if page.lacks_place or nationwide else None
    if region is not None and nationwide:
        view = page_view(page, lang, default_radius_km=services_.settings.default_radius_km)
        note = t(lang, "search.state_nationwide", state=line(state_name(region, lang), 60))
        return [replace(view, text=view.text.replace(t(lang, "search.everywhere"), note))]
    if region is not None and private:  # "Tierheim in Sachsen": not all of Germany "as no place was named", but where
        await state.ask(session, volunteer.id, state.AWAITING_SEARCH_PLACE, search_id=page.search.id)
        return [state_places_view(page.search, region, lang)]
    if private and page.lacks_place and not page.outcome.results and _every_area_only(page):
        # "Alle Bereiche" pressed with no place ("🔎 Mit Knöpfen suchen"): nothing was asked to look for in all of
        # Germany, so where is asked, as the intro promised, not "nothing found"
        await state.ask(session, volunteer.id, state.AWAITING_SEARCH_PLACE, search_id=page.search.id)
        return [View(t(lang, "search.any_interest_where"))]
    views = [page_view(page, lang, default_radius_km=services_.settings.default_radius_km)]
    state.keep_said_notes(page.search, said_notes(page, lang, default_radius_km=services_.settings.default_radius_km))
    if nationwide:  # "bundesweit" written after a result: all of Germany as asked, not "as no place was named"
        wished = t(lang, "search.nationwide_asked")
        views = [replace(views[0], text=views[0].text.replace(t(lang, "search.everywhere"), wished, 1))]
    if page.needs_interest and (named := named_state(page.search.query_text)) is not None:
        # "Ehrenamt in Sachsen": the area is asked first, the town in the state after it; the header names the state
        everywhere = t(lang, "search.summary_everywhere")
        views = [replace(views[0], text=views[0].text.replace(everywhere, line(state_name(named, lang), 60), 1))]
    if region is not None:  # a group asks no question back: the page says the state is big and names towns in it
        towns = ", ".join(town.name for town in largest_places(region, 3))
        note = t(lang, "search.state_everywhere_group", state=line(state_name(region, lang), 60), towns=towns)
        views = [replace(views[0], text=views[0].text.replace(t(lang, "search.everywhere"), note))]
    if private and page.lacks_place and page.outcome.results:  # nothing in all of Germany: no place helps
        await state.ask(session, volunteer.id, state.AWAITING_SEARCH_PLACE, search_id=page.search.id)
        # "nicht in Kassel" named a place, only not where to look: the answer said so; a town written next narrows
        question = "search.ask_place_instead" if page.outcome.understood.ruled_out_places else "search.ask_place"
        views.append(View(t(lang, question), keyboards.main_keyboard(lang)))
    elif private and page.outcome.unknown_place:  # the answer asked "Wo soll ich suchen?" itself: a town
        # written next answers it, so the search keeps what else was asked ("Tierheim 00000", then "Kassel")
        await state.ask(session, volunteer.id, state.AWAITING_SEARCH_PLACE, search_id=page.search.id)
    return views
