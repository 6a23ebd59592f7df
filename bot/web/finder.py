"""The web's search: the chat's search use case with the place, radius, area and time of the query string."""

from __future__ import annotations

from dataclasses import dataclass, replace

from sqlalchemy.ext.asyncio import AsyncSession

from bot.search import Refinement, SearchOutcome, SearchRequest, VocabularyCache, search
from bot.search.place_doubts import named_state
from bot.search.stock import Stock, stock_of
from bot.search.unread import without_unread_words
from bot.web.places import PlaceChoice, resolve_place
from bot.web.query import WebQuery


@dataclass(frozen=True, slots=True)
class Found:
    """One page of a web search: the outcome (None when nothing was searched) and how the place was read."""

    outcome: SearchOutcome | None
    place: PlaceChoice
    limit: int
    offset: int = 0  # how many results come before this page
    # Only all of Germany was asked ("ganz Deutschland", "bundesweit"), with no words, area or time: nothing to
    # look for, so the page asks what instead of saying it found nothing among thousands of listings.
    ask_what: bool = False
    # A bare state the text names with the place field empty ("Tierheim in Hessen"): all of it was searched, and
    # the page offers its largest towns to narrow, as the place field does for "Hessen".
    text_state: str | None = None
    # Not a single listing is published (a fresh install, or all expired or withdrawn): the page says which instead
    # of "nothing found"; PUBLISHED when there are listings to find.
    stock: Stock = Stock.PUBLISHED

    @property
    def pages(self) -> int:
        """Returns the number of pages of the whole result."""
        total = self.outcome.total if self.outcome else 0
        return max((total + self.limit - 1) // self.limit, 1)


class WebSearch:
    """Runs web searches with the bot's defaults and the index vocabulary cached for the process."""

    def __init__(self, *, default_radius_km: float, vocabularies: VocabularyCache) -> None:
        self.default_radius_km = default_radius_km
        self.vocabularies = vocabularies

    async def find(
        self, session: AsyncSession, query: WebQuery, *, lang: str, limit: int, widen: bool = True,
        tiered: bool = True,
    ) -> Found:
        """Searches one page; a place that exists far apart is offered for choice instead of guessed. tiered: the
        answer first, the related listings on request (SearchRequest.tiered)."""
        choice = resolve_place(query.ort, query.ortid) if (query.ort or query.ortid) else PlaceChoice()
        if choice.options or (choice.unknown and not query.text and not query.bereich):
            return Found(None, choice, limit)
        if query.is_empty:
            return Found(None, choice, limit)
        if (not (query.text or query.bereich or query.zeit) and choice.place is None and choice.whole_state is None
                and not choice.unknown):
            return Found(None, choice, limit, ask_what=True)
        # The form always sends its radius, the default preselected: only another one is chosen (kept, never
        # widened over: bot.search.widening.attempts); the default widens when few listings fit, as in the chat.
        chosen = query.umkreis if query.umkreis != self.default_radius_km else None
        refinement = Refinement(
            categories=query.bereich or None, place=choice.place,
            radius_km=chosen if choice.place is not None else None, time=query.zeit or None,
            whole_state=choice.whole_state,
        )
        offset = (query.seite - 1) * limit
        request = SearchRequest(text=query.text, refinement=refinement, limit=limit, offset=offset, lang=lang,
                                widen=widen, explain=False,  # the pages show no why-texts
                                similar=query.aehnliche, tiered=tiered)
        outcome = await search(session, request, default_radius_km=self.default_radius_km,
                               vocabularies=self.vocabularies)
        state = named_state(query.text) if outcome.everywhere and not query.ort and query.ortid is None else None
        if state is not None:  # where the text says, all of that state: never all of Germany for want of a town
            request = replace(request, refinement=replace(refinement, whole_state=state))
            outcome = await search(session, request, default_radius_km=self.default_radius_km,
                                   vocabularies=self.vocabularies)
        stock = Stock.PUBLISHED if outcome.results else await stock_of(session)  # asked only when nothing was found
        return Found(without_unread_words(outcome), choice, limit, offset, text_state=state, stock=stock)
