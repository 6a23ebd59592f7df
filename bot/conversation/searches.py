"""Running a stored chat search: the request from its text, filters and page, with the home place as default."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass, replace

from sqlalchemy.ext.asyncio import AsyncSession

from nlu.kernel.loaded import settle
from bot.ops.metrics import SEARCH_SECONDS
from bot.search import VocabularyCache, search
from bot.search.criteria import criteria_from
from bot.search.engine import MAX_OFFSET
from bot.search.model import PlaceRef, Refinement, SearchOutcome, SearchRequest
from bot.search.place_doubts import all_of_named_state, is_city_part, named_state
from bot.search.understanding import parse_text, reusing
from bot.search.unread import without_unread_words
from bot.search.vocabulary_cache import default_cache
from bot.store.db import Database
from bot.store.models import ChatSearch, Volunteer
from bot.conversation import state
from bot.conversation.language import goes_on_in
from bot.conversation.radius_wish import RadiusStep
from nlu.kernel.gazetteer import get_gazetteer
from nlu.kernel.text import fold
from nlu.query import ParsedQuery
from bot.volunteers import favourite_ids, home_place, note_interests

PAGE_SIZE = 5
DEEPEST_OFFSET = MAX_OFFSET  # the search pages no deeper


@dataclass(frozen=True, slots=True)
class Page:
    """One page of a chat search, ready to render."""

    search: ChatSearch
    outcome: SearchOutcome
    kept: frozenset[int] = frozenset()  # shown listings already on the person's Merkliste (★ instead of ☆)
    kept_place: str | None = None  # the place of the person's last search, kept for a message naming none
    kept_interest: bool = False  # the last search's interest, kept for a message naming another place only
    radius_step: RadiusStep | None = None  # "weiter weg", "näher dran": the radius moved from the last search's
    # The home place became the centre of a text that said nothing usable ("😂"): what it understood then
    # names the home place, which the person did not say.
    said_nothing_but_home: bool = False
    # Notes the last answer said, for a follow-up keeping its words ("Rentnerin, hab vormittags Zeit"): not again
    said_before: frozenset[str] = frozenset()

    @property
    def needs_interest(self) -> bool:
        """Tells whether nothing says what the person wants to do (then the categories are offered)."""
        return not (self.outcome.understood.interest or state.refinement_of(self.search).categories is not None)

    @property
    def lacks_place(self) -> bool:
        """Tells whether the results are from all of Germany because nobody said where (not a whole state asked
        with nothing in it, whose results from outside it are said so: bot.search.notes)."""
        return (self.outcome.nowhere and not self.needs_interest and not self.outcome.query.get("whole_state")
                and not state.refinement_of(self.search).nationwide)  # "bundesweit" asked: nothing to ask

    @property
    def understood_nothing(self) -> bool:
        """Tells whether the text said nothing the search could use: no interest, place, time or language.

        The saved home place is no part of what was said: "😂" is not understood with one either."""
        if self.said_nothing_but_home:
            return self.needs_interest
        stored = state.refinement_of(self.search)
        return (self.needs_interest and self.outcome.everywhere and not self.outcome.understood.anything
                and stored.place is None and not stored.nationwide and stored.whole_state is None  # "bundesweit"
                and named_state(self.search.query_text) is None)  # "Ehrenamt in Sachsen": where, then which town


class ChatSearches:
    """The search as the chat uses it: one long-lived object per Application, warmed up before the first update."""

    def __init__(self, *, default_radius_km: float, vocabularies: VocabularyCache = default_cache) -> None:
        self.default_radius_km = default_radius_km
        self.vocabularies = vocabularies

    async def warm_up(self, database: Database) -> None:
        """Loads the NLU pipelines, the gazetteer and the index vocabulary, so the first person does not wait."""
        await asyncio.to_thread(parse_text, "Tierheim in Kassel am Wochenende")
        async with database.read_only() as session:
            await self.vocabularies.get(session)
        settle()

    async def start(
        self, session: AsyncSession, volunteer: Volunteer, *, text: str, refinement: Refinement | None = None,
        lang: str | None = None, private: bool = True, parsed: ParsedQuery | None = None,
    ) -> Page:
        """Runs a new search's first page, then stores it for the result message's buttons, with the kind of chat
        and the language it was answered in (a follow-up goes on only in the same kind of chat, in that language).

        Searching before storing keeps SQLite's write lock (taken by the first write) out of the search.
        `parsed`: the parse of `text` when the caller made it already (it is then not parsed again).
        """
        fresh = ChatSearch(volunteer_id=volunteer.id, query_text=text,
                           refinement=(refinement or Refinement()).to_dict(), offset=0, candidates=[],
                           private=private, lang=lang)
        page = await self.run(session, volunteer, fresh, lang=lang, parsed=parsed)
        fresh.understood = not page.understood_nothing
        await state.store_search(session, fresh)
        if private and lang is not None:
            goes_on_in(volunteer, lang)
        return page

    async def run(
        self, session: AsyncSession, volunteer: Volunteer, stored: ChatSearch, *, lang: str | None = None,
        parsed: ParsedQuery | None = None,
    ) -> Page:
        """Runs the search at its page (why-texts in `lang`, else the person's language); a text without a
        place is searched around the home place. The text is parsed once (`parsed`, if given, is its parse)."""
        parse = reusing(parsed)
        refinement = state.refinement_of(stored)
        request = SearchRequest(text=stored.query_text, refinement=refinement, limit=PAGE_SIZE,
                                offset=stored.offset, lang=lang or volunteer.language,
                                similar=state.shows_similar(stored))
        outcome = await self._search(session, request, parse)
        home = home_place(volunteer)
        said_nothing_but_home = False
        if ((outcome.nowhere or _part_of(outcome, home)) and home is not None and refinement.place is None
                and not refinement.nationwide and refinement.whole_state is None
                and named_state(stored.query_text) is None):
            # The text named no place: the home place the person agreed to is the centre, now and on later pages.
            # A state it named ("Tierheim in Sachsen") is where the person asked: which town in it is asked, not
            # the saved place searched as if nothing had been said.
            refinement = replace(refinement, place=home)
            state.keep_refinement(stored, refinement)
            said_nothing_but_home = not outcome.understood.anything
            outcome = await self._search(session, replace(request, refinement=refinement), parse)
        if request.similar and not outcome.showing_similar:
            state.forget_similar(stored)
        state.keep_shown_radius(stored, _shown_radius_km(outcome))
        if outcome.needs_place_choice:
            stored.candidates = [place.to_dict() for place in outcome.place_candidates]
        await note_interests(session, volunteer, outcome.understood.categories)
        kept = await favourite_ids(session, volunteer, [hit.id for hit in outcome.results])
        said = state.followed(stored)  # a follow-up's answer, shown again (a button, "Mehr"): says what it kept
        return Page(stored, outcome, kept, kept_place=said.kept_place, kept_interest=said.kept_interest,
                    radius_step=said.radius_step, said_nothing_but_home=said_nothing_but_home)

    async def next_page(
        self, session: AsyncSession, volunteer: Volunteer, shown: ChatSearch, *, lang: str | None = None,
        parsed: ParsedQuery | None = None,
    ) -> Page | None:
        """Runs the page after the one a search shows ("weiter" typed instead of pressing "Mehr") as a search of
        its own, so the earlier message keeps its page; None when there is no further result."""
        if shown.offset + PAGE_SIZE > DEEPEST_OFFSET:
            return None
        following = ChatSearch(volunteer_id=volunteer.id, query_text=shown.query_text,
                               refinement=dict(shown.refinement or {}), offset=shown.offset + PAGE_SIZE,
                               candidates=[], private=shown.private, lang=lang or shown.lang,
                               understood=shown.understood)
        page = await self.run(session, volunteer, following, lang=lang, parsed=parsed)
        if not page.outcome.results:
            return None
        await state.store_search(session, following)
        if following.private and following.lang is not None:
            goes_on_in(volunteer, following.lang)
        return page

    def choose_interest(self, stored: ChatSearch, categories: tuple[str, ...]) -> None:
        """Replaces what the text said about the interest by the chosen categories, keeping place and time.

        The text is turned into explicit filters and then dropped, so its words no longer pull in listings
        of the interest the person just replaced; a text that named no interest stays, for the words it rules out.
        """
        parsed = parse_text(stored.query_text)
        before, kept = state.refinement_of(stored), state.followed(stored)
        criteria = criteria_from(parsed, before, default_radius_km=self.default_radius_km)
        stored.refinement = Refinement(
            categories=categories, exclude_categories=criteria.exclude_categories or None, place=criteria.place,
            radius_km=criteria.radius_km if criteria.place else None,
            languages=criteria.languages or None, remote=criteria.remote or None,
            # "Ganz Sachsen" pressed, or said in the text that is dropped below ("Tierheim in ganz Sachsen"), then 👵:
            # still all of Sachsen
            whole_state=criteria.whole_state or (None if criteria.place or criteria.remote
                                                 else all_of_named_state(stored.query_text)),
            little_german=criteria.needs_little_german or None,  # "kaum Deutsch" outlives the text dropped below
        ).with_times(criteria.time or None, either=criteria.time_either, soft=criteria.time_soft).to_dict()
        # the kept place stays said (and the radius step); the interest kept is replaced by the one chosen
        state.keep_followed(stored, replace(kept, kept_interest=False))
        # A text that named no interest keeps what it rules out ("ohne Hunde in Kassel", then 🐾: dogs last)
        if parsed.categories or parsed.keywords:
            stored.query_text = ""
        stored.offset = 0
        stored.understood = True  # an area chosen says what the person wants: "am WE" next goes on from it

    async def _search(
        self, session: AsyncSession, request: SearchRequest, parse: Callable[[str], ParsedQuery]
    ) -> SearchOutcome:
        """Calls the search use case with this bot's defaults (timed for the operator's metrics)."""
        with SEARCH_SECONDS.time():
            outcome = await search(session, request, default_radius_km=self.default_radius_km, parse=parse,
                                   vocabularies=self.vocabularies)
        return without_unread_words(outcome)  # the person is asked what they would like to do instead


def _part_of(outcome: SearchOutcome, home: PlaceRef | None) -> bool:
    """Tells whether the part of a city the search asks about ("Südstadt": which city?) is one the home place has:
    searched there (bot.search.areas.within_picked_city), as a follow-up keeps its city."""
    part = outcome.unknown_place
    return (home is not None and part is not None and is_city_part(part)
            and get_gazetteer().quarter(fold(part), home.name) is not None)


def _shown_radius_km(outcome: SearchOutcome) -> float | None:
    """Returns the radius an answer showed around its place after widening (None: no radius around a place); for
    the nearest listings far away, the widest radius searched before them (the asked one, when one was chosen and
    nothing lay within it)."""
    if outcome.place is None or outcome.remote or outcome.everywhere:
        return None
    if "nearest" in outcome.widened:
        radii = [float(step.split(":", 1)[1]) for step in outcome.widened if step.startswith("radius:")]
        return max(radii, default=outcome.understood.radius_km)
    return outcome.radius_km
