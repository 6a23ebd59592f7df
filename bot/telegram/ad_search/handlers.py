"""/freiwillige (/volunteers): an organisation's member searches the volunteers' ads in their own words."""

from __future__ import annotations

from bot.ads import saved_searches
from bot.ads.access import SearchAccess, contacting_organisations, may_search_ads
from bot.ads.contacts import not_contactable
from bot.ads.saved_searches import SavedAdSearchLimit
from bot.conversation import state
from bot.domain import MAX_QUERY_CHARS
from bot.store.models import AdSearch
from bot.store.types import utcnow
from bot.telegram.ad_search import keyboards
from bot.telegram.ad_search.views import results_text, saved_text
from bot.telegram.callbacks import AdPageButton, AdSaveButton, AdSavedButton, AdStopButton
from bot.telegram.context import Turn
from bot.telegram.formatting import line
from bot.telegram.sending import View
from bot.texts import t

PAGE = 5
ASKING = "ads_query"  # ChatState.awaiting: the next message is what the member searches for
NO_ACCESS = {SearchAccess.VERIFIED: "adsearch.no_access_verified", SearchAccess.MEMBERS: "adsearch.no_access_members",
             SearchAccess.ALL: "adsearch.no_access_members"}


async def volunteers_command(turn: Turn[None]) -> None:
    """Searches the ads for the words after the command, or asks what to search for."""
    if not await _may_search(turn):
        return
    query = " ".join(turn.context.args or ())
    if not query:
        await state.ask(turn.session, turn.volunteer.id, ASKING)
        turn.reply(await _prompt(turn))
        return
    await _search(turn, query)


async def take_query(turn: Turn[None]) -> bool:
    """Takes the member's next message as the search /freiwillige asked for; tells whether it was one."""
    message = turn.update.message
    if message is None or not message.text or message.text.startswith("/"):
        return False
    question = await state.pending_question(turn.session, turn.volunteer.id)
    if question is None or question.awaiting != ASKING:
        return False
    state.close(question)
    if await _may_search(turn):
        await _search(turn, message.text)
    return True


async def turn_page(turn: Turn[AdPageButton]) -> None:
    """Shows another page of a kept ad search in place of the results."""
    search = await saved_searches.own_ad_search(turn.session, turn.button.search_id, turn.volunteer.id)
    if search is None or not await _may_search(turn):
        turn.refuse_stale()
        return
    turn.answer()
    turn.edit(await _results(turn, search, max(turn.button.offset, 0)))


async def save_search(turn: Turn[AdSaveButton]) -> None:
    """Saves the search, to be told of new ads that match it."""
    lang = turn.lang
    search = await saved_searches.own_ad_search(turn.session, turn.button.search_id, turn.volunteer.id)
    if search is None or not await _may_search(turn):
        turn.refuse_stale()
        return
    try:
        await saved_searches.save_ad_search(turn.session, search,
                                            default_radius_km=turn.services.settings.default_radius_km)
    except SavedAdSearchLimit:
        turn.answer(t(lang, "adsearch.limit", limit=saved_searches.MAX_SAVED), alert=True)
        return
    turn.answer()
    turn.reply(View(t(lang, "adsearch.saved", query=line(search.query_text, 120)),
                    keyboards.stop(search.id, lang)))


async def stop_search(turn: Turn[AdStopButton]) -> None:
    """Stops a saved search's alerts."""
    search = await saved_searches.own_ad_search(turn.session, turn.button.search_id, turn.volunteer.id)
    if search is None:
        turn.refuse_stale()
        return
    await saved_searches.stop_ad_search(turn.session, search)
    turn.answer()
    turn.edit_buttons(None)
    turn.reply(View(t(turn.lang, "adsearch.stopped", query=line(search.query_text, 120))))


async def stop_listed(turn: Turn[AdSavedButton]) -> None:
    """Stops a saved search from the list and shows the list again (stopping needs no right to search)."""
    search = await saved_searches.own_ad_search(turn.session, turn.button.search_id, turn.volunteer.id)
    if search is None or not search.saved:
        turn.refuse_stale()
        return
    await saved_searches.stop_ad_search(turn.session, search)
    turn.answer(t(turn.lang, "adsearch.stopped", query=line(search.query_text, 120)))
    turn.edit(await _prompt(turn))


async def _prompt(turn: Turn[None] | Turn[AdSavedButton]) -> View:
    """Asks whom to search for, under the member's saved searches with their stop buttons."""
    searches = await saved_searches.saved_ad_searches(turn.session, turn.volunteer.id)
    text = "\n\n".join(part for part in (saved_text(searches, turn.lang), t(turn.lang, "adsearch.prompt")) if part)
    return View(text, keyboards.saved_list([search.id for search in searches], turn.lang))


async def _may_search(turn: Turn[None] | Turn[AdPageButton] | Turn[AdSaveButton]) -> bool:
    """Tells whether the person may search ads; says why not when they may not."""
    access = SearchAccess(turn.services.settings.ads_search_access)
    if await may_search_ads(turn.session, turn.user_id, access):
        return True
    if turn.update.callback_query is not None:
        turn.answer(t(turn.lang, NO_ACCESS[access]), alert=True)
    else:
        turn.reply(View(t(turn.lang, NO_ACCESS[access])))
    return False


async def _search(turn: Turn[None], query: str) -> None:
    """Runs a new search and sends its first page."""
    query = " ".join(query.split())
    if len(query) > MAX_QUERY_CHARS:
        turn.reply(View(t(turn.lang, "adsearch.too_long", limit=MAX_QUERY_CHARS)))
        return
    search = await saved_searches.new_ad_search(turn.session, turn.volunteer.id, query, now=utcnow())
    turn.reply(await _results(turn, search, 0))


async def _results(turn: Turn[None] | Turn[AdPageButton], search: AdSearch, offset: int) -> View:
    """Returns one page of a search's results with contact, report, paging and save buttons."""
    lang = turn.lang
    found = await saved_searches.find_page(turn.session, search, offset=offset, lang=lang, limit=PAGE,
                                           default_radius_km=turn.services.settings.default_radius_km)
    hits, total = found.results, found.total
    access = SearchAccess(turn.services.settings.ads_search_access)
    organisations = await contacting_organisations(turn.session, turn.user_id, access)
    more = offset + PAGE if offset + PAGE < total else None
    acting = organisations[0] if organisations else None
    ad_ids = [hit.id for hit in hits]
    closed = await not_contactable(turn.session, acting.id, ad_ids) if acting else set()
    markup = keyboards.results(search.id, ad_ids, first=offset + 1, more=more, saved=search.saved,
                               organisation=acting, closed=closed, lang=lang)
    return View(results_text(search.query_text, hits, total=total, offset=offset, lang=lang,
                             nearest_beyond_km=found.nearest_beyond_km), markup)
