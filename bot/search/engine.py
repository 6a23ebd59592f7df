"""The search use case: one function the chat, the CLI, alerts and the benchmark all call."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from sqlalchemy import Row

from sqlalchemy.ext.asyncio import AsyncSession

from bot.search.areas import within_city, within_picked_city, without_word
from bot.search.corpus import LISTINGS, Corpus
from bot.search.criteria import Criteria, criteria_from, merged_query
from bot.search.hits import hits_from
from bot.search.model import Refinement, SearchOutcome, SearchRequest
from nlu.place_field import says_all_of_germany
from bot.search.place_doubts import (
    all_of_named_state, ambiguous_places, part_without_city, place_to_ask, without_state,
)
from bot.search.rank_words import RankWords, names_kind
from bot.search.request_words import request_words
from bot.search.time_wish import not_applied, time_fits
from bot.search.retrieval import Page, PageRequest, by_id_together, count_matches, find_named_pages, find_page
from bot.search.shown import as_shown, shown_page
from bot.search.tiers import Tier, tier_of
from bot.search.titled import titled_listings
from bot.search.understanding import empty_query, parse_text
from bot.search.unfound import HeldLook, held_beside, unfound_in
from bot.search.unread import unread_as_written
from bot.search.vocabulary import TermGroup
from nlu.query import ParsedQuery
from bot.search.vocabulary_cache import VocabularyCache, default_cache
from bot.search.widening import (
    MIN_RESULTS, NEAREST, OUTSIDE_STATE, REMOTE, TITLED, TITLED_ONLY, Attempt, attempts, farther_matches,
    soft_time_farther,
)
from bot.store.types import utcnow
from nlu.lexicon import filler_words, known_words

MAX_LIMIT = 50
MAX_OFFSET = 10_000

Parser = Callable[[str], ParsedQuery]


@dataclass(frozen=True, slots=True)
class Found:
    """What a search found before its rows became results: the outcome without results, the page's rows (the
    columns of its corpus), and what the rows are explained by."""

    outcome: SearchOutcome
    rows: tuple[Row[Any], ...]
    criteria: Criteria
    groups: tuple[TermGroup, ...]


async def search(
    session: AsyncSession,
    request: SearchRequest,
    *,
    default_radius_km: float = 15.0,
    parse: Parser = parse_text,
    vocabularies: VocabularyCache = default_cache,
    now: datetime | None = None,
) -> SearchOutcome:
    """Finds one page of published listings for a request, widening when fewer than three match.

    parse turns the request's text into the NLU's dict (nlu.parse by default); default_radius_km comes
    from Settings.default_radius_km; vocabularies caches the index words used for typo correction.
    Why-texts are written in request.lang ("de" or "en"; anything else: the language of the text).
    Only listings: volunteers' ads are a corpus of their own, searched through bot.ads.search.
    """
    found = await find(session, request, LISTINGS, default_radius_km=default_radius_km, parse=parse,
                       vocabularies=vocabularies, now=now)
    results = hits_from(found.rows, found.criteria, found.groups, lang=request.lang, explain=request.explain)
    outcome = as_shown(found.outcome, found.criteria, results, offset=request.offset)
    return replace(outcome, results=results, not_applied=not_applied(found.criteria, outcome, results))



def _whole_state_said(request: SearchRequest) -> Refinement:
    """Returns the request's refinement with the state its text asks all of ("Tierheim in ganz Sachsen"): searched
    at once in the chat, the web's text field, the CLI and links alike, as its button would; a place or Germany
    chosen since, or help from home, wins."""
    refinement = request.refinement
    if (refinement.whole_state is not None or refinement.place is not None or refinement.nationwide
            or refinement.remote):
        return refinement
    state = all_of_named_state(request.text)
    if state is None and says_all_of_germany(request.text):  # "Tiere bundesweit": as asked, no place asked back
        return replace(refinement, nationwide=True)
    return refinement if state is None else replace(refinement, whole_state=state)


async def find(
    session: AsyncSession,
    request: SearchRequest,
    corpus: Corpus,
    *,
    default_radius_km: float = 15.0,
    parse: Parser = parse_text,
    vocabularies: VocabularyCache = default_cache,
    now: datetime | None = None,
) -> Found:
    """Runs a request against one corpus: understanding, widening and ranking alike for listings and ads."""
    request = replace(request, refinement=_whole_state_said(request))
    parsed = parse(request.text) if request.text.strip() else empty_query(request.text)
    criteria = criteria_from(parsed, request.refinement, default_radius_km=default_radius_km)
    area: tuple[str, ...] = ()  # the centre stands for a part of the city, approximately
    query = merged_query(parsed, request.refinement)
    # a place picked by button is taken as it is, but for the part of it the text named ("im Bahnhofsviertel")
    centred = (within_city(criteria, request.text) if request.refinement.place is None
               else within_picked_city(criteria, parsed))
    criteria, area, query = centred.criteria, centred.widened, without_word(query, centred.word)
    if len(criteria.ruled_out) < len(query.get("ruled_out_places") or ()):  # the place picked is no longer ruled out
        query["ruled_out_places"] = [place.to_dict() for place in criteria.ruled_out]
    candidates = ambiguous_places(criteria)
    if candidates:
        return Found(SearchOutcome(query, (), (), 0, None, None, False, candidates), (), criteria, ())
    asking = not criteria.remote and criteria.whole_state is None
    unknown = (place_to_ask(parsed) if criteria.place is None and asking
               else part_without_city(parsed) if request.refinement.place is None and asking else None)
    if unknown is not None:  # never silently all of Germany instead of the place the person meant
        return Found(SearchOutcome(query, (), (), 0, None, None, False, unknown_place=unknown), (), criteria, ())
    # A whole state searched is where, not what: "Tierheim in Sachsen" ranks as "Tierheim" with ort=ganz Sachsen
    said = without_state(request.text) if criteria.whole_state is not None else request.text
    words, unknown_words = await request_words(session, said, criteria, vocabularies, corpus)
    # No listing holds the words and they are no words of the language: the chat says it did not understand.
    unread = unread_as_written(query) if unknown_words else ()
    groups = words.filtering()
    if not criteria.has_filters and not groups:  # "Hallo!": nothing to look for
        return Found(SearchOutcome(query, (), (), 0, None, None, True,
                                   unread_words=unread), (), criteria, ())
    # Free words that are all ordinary words of the language ("Ahnung"), not words of their own for a thing.
    ordinary = bool(groups) and all(group.word in known_words() for group in groups)
    plan = attempts(criteria, has_text=bool(groups), widen=request.widen, words_dropped=unknown_words,
                    ordinary=ordinary)
    asked = PageRequest(min(max(request.limit, 1), MAX_LIMIT), min(max(request.offset, 0), MAX_OFFSET),
                        now or utcnow(), corpus, tier_of(request, corpus))
    vague = ordinary and all(names_kind(group) or group.word in filler_words() for group in groups)
    # On PostgreSQL the unfound note's look (bot.search.unfound) is answered beside the first try's page: the note
    # needs no statement of its own when that try is reported (a third of the benchmark's requests).
    held = await held_beside(session, request.text, criteria, words, vocabularies, now=asked.now, corpus=corpus)
    attempt, page = await _first_enough(session, criteria, words, plan, asked, ordinary=vague, held=held)
    answered = held.answered(criteria, attempt, page.held_here) if held is not None else None
    if request.widen and criteria.whole_state is not None and not page.total:
        # Nothing in the state fits, even widened: the ones from the rest of Germany, never an empty answer
        # (issue 15); the state stays in the query, so the notes say where nothing was found.
        outside = replace(criteria, whole_state=None)
        plan = attempts(outside, has_text=bool(groups), words_dropped=unknown_words, ordinary=ordinary)
        there, found = await _first_enough(session, outside, words, plan, asked, ordinary=vague)
        if found.total:
            criteria, attempt, page = outside, replace(there, widened=(OUTSIDE_STATE, *there.widened)), found
    if (request.widen and criteria.remote and (criteria.categories or groups or criteria.place)
            and not _fits_wish(criteria, words, attempt, page)):
        # Nothing that can be done from home fits the wish itself (none at all, or only once its words were
        # let go): what is done on site (around the place, if one was named) is more use, said as not online,
        # unless that too is only found once the words were let go. A wish for nothing but "from home" has
        # nothing else an on-site listing could answer. One done from home titled with the wish, in another
        # category, answers it as it was said (bot.search.titled): it is looked for first.
        criteria, page = await _titled(session, criteria, words, attempt, page, asked)
        if not criteria.titled:
            on_site = replace(criteria, remote=False)
            plan = attempts(on_site, has_text=bool(groups), words_dropped=unknown_words, ordinary=ordinary)
            there, found = await _first_enough(session, on_site, words, plan, asked, ordinary=vague)
            if found.total and "keywords" not in there.widened:  # a category's listings, not just any nearby
                criteria, attempt, page = on_site, replace(there, widened=(REMOTE, *there.widened)), found
    if request.widen and words.naming():
        attempt, page = await _farther_matches(session, criteria, words, attempt, page, asked)
    if request.widen and criteria.time_soft and (criteria.categories or groups) and page.total:
        attempt, page = await _wished_farther(session, criteria, words, attempt, page, asked)
    if NEAREST in attempt.widened and not criteria.remote and words.naming() and not attempt.online:
        # The nearest ones found: online ones naming what was asked follow them (one more statement, only here).
        attempt = replace(attempt, online=True)
        page = await find_page(session, criteria, words, attempt, asked)
    widened = area + attempt.widened
    criteria, page = await _titled(session, criteria, words, attempt, page, asked)
    # A thin first answer with the best related ones after its own; the answer itself when none is left out.
    tier, page = await shown_page(session, criteria, words, attempt, page, asked)
    if criteria.titled and tier is not Tier.SIMILAR:
        # The rows beyond those titled so are the field's: the note says "auch" only with them. The related ones
        # shown on request are the field's without them: no note speaks of titles there.
        widened += (TITLED if page.shown_total(tier) > len(criteria.titled) else TITLED_ONLY,)
    if criteria.categories and groups and page.total and not page.word_hits:
        widened += ("keywords",)  # nothing found holds the named thing: these fit the category only
    outcome = SearchOutcome(
        query=query,
        widened=widened,
        results=(),
        total=page.shown_total(tier),
        place=criteria.place,
        radius_km=attempt.radius_km,
        everywhere=criteria.place is None and criteria.whole_state is None,
        others=page.total - page.shown_total(tier) if tier is not Tier.ALL else 0,
        showing_similar=tier is Tier.SIMILAR,
        unread_words=unread,
        # Said only beside listings that hold some of the request: with none, widened "keywords" says it already.
        unfound=await unfound_in(session, request.text, criteria, words, attempt, vocabularies,
                                 now=asked.now, corpus=corpus, answered=answered)
        if page.total and "keywords" not in widened else (),
        whole_state=criteria.whole_state,
    )
    return Found(outcome, page.rows, criteria, words.wished())


async def _titled(
    session: AsyncSession, criteria: Criteria, words: RankWords, attempt: Attempt, page: Page,
    asked: PageRequest,
) -> tuple[Criteria, Page]:
    """Returns the criteria and the page with the listings titled with all the request's words beside the
    categories read, when nothing these admit holds a word of it, or they admit nothing at all (bot.search.titled:
    "Telefonpatenschaft gegen Einsamkeit"); else those given. Only those listings join, not their categories."""
    if criteria.titled or not (criteria.categories and words.filtering() and not page.word_hits):
        return criteria, page
    titled = await titled_listings(session, criteria, words, attempt, now=asked.now, corpus=asked.corpus)
    if not titled:
        return criteria, page
    crossed = replace(criteria, titled=titled)
    found = await find_page(session, crossed, words, attempt, asked)
    # Taken only when they hold the words: never said as "titled" beside "keywords".
    return (crossed, found) if found.word_hits else (criteria, page)


def _fits_wish(criteria: Criteria, words: RankWords, attempt: Attempt, page: Page) -> bool:
    """Tells whether a try found listings for the wish itself: some at all, none only because the request's words
    were let go, and beside a category at least one holding one of the request's words."""
    if not page.total or "keywords" in attempt.widened:
        return False
    return not (criteria.categories and words.groups) or bool(page.word_hits)


async def _first_enough(
    session: AsyncSession, criteria: Criteria, words: RankWords, plan: list[Attempt],
    asked: PageRequest, *, ordinary: bool = False, held: HeldLook | None = None,
) -> tuple[Attempt, Page]:
    """Runs the tries in order until one finds three matches, or the first try (the asked radius, at the asked time)
    finds one naming what was asked; returns the try to report and its page.

    A listing nearby naming what was asked is the answer: widening for a fuller page put the same kind of listing
    from 20 to 50 km away beside it ("THW in Göppingen": Göppingen's, then Feuerbach's 36 km away), off the radius
    the person asked for (the judged agency sets' P@5 within the asked radius, --inferred: Stuttgart 0.737 -> 0.881,
    Köln 0.684 -> 0.857, Berlin 0.781 -> 0.930, with _farther_matches). Without such a listing it widens as before,
    and so it does for `ordinary` words that filter and name no thing ("ein Projekt am Wochenende": a generic head
    or a filler word, found): the plan lets them go around the place. An ordinary word that names a thing ("Werkzeug",
    "Fahrrad", "Zeche") keeps the answer nearby as a word of its own does: widening for it put the repair cafés 15 to
    22 km away beside Eckental's own (Nürnberg dev), the Zollverein 25 km from Huckarde (Ruhr dev).

    Each wider try is one more statement; measured, that beat counting all tries in one pass over the
    widest box first, as most widened searches stop at the next radius. Missing free words do not widen:
    that doubled the widened searches of the benchmark and took results beyond the asked radius.
    held: the unfound note's look, asked beside the first try's page.
    """
    first = replace(held, wider_follows=len(plan) > 1) if held is not None else None
    attempt, page = plan[0], await find_page(session, criteria, words, plan[0], asked, held=first)
    for wider in plan[1:]:
        named_nearby = bool(page.holding) and attempt is plan[0] and not (ordinary and plan[0].text_required)
        if page.total >= MIN_RESULTS or named_nearby or (wider.only_if_nothing and page.total):
            break
        found = await find_page(session, criteria, words, wider, asked)
        if found.total > page.total:  # a step that found nothing more is not reported as widening
            attempt, page = wider, found
    return attempt, page


async def _farther_matches(
    session: AsyncSession, criteria: Criteria, words: RankWords, attempt: Attempt, page: Page,
    asked: PageRequest,
) -> tuple[Attempt, Page]:
    """Lists listings naming what was asked from farther away instead of nearby ones that fit only loosely
    (bot.search.widening.farther_matches), when no listing nearby names it; beyond 50 km only when none within
    50 km names it (then said as the nearest ones, with their distance).

    One nearby listing naming it keeps the answer nearby: it comes first, the nearby ones of its field after it
    ("Hausaufgabenhilfe" in Zuffenhausen: the two homework clubs of the district, then its reading mentors), not
    the homework clubs 20 to 40 km away, which were off the radius the person asked for on every judged set.

    Taken only at a radius where at least MIN_RESULTS listings name it: there the loose ones are left out
    (bot.search.retrieval._listed), so no loosely fitting listing from farther away ever shows. The counts do
    not depend on the page, so "Mehr" pages widen exactly as the first one did. A try reads only the listings
    naming the thing (Attempt.named_only); measured on 100,000 listings, counting them first cost as much as
    ranking them, so each step is one statement, except where the steps read the same listings by id: then the
    steps within 50 and 100 km (with the online ones beside the nearest) are one statement, each later step ranked
    only when none before it names the thing (on SQLite; the benchmark's p99 fell from 18.7 to 16.1 ms of CPU).
    """
    if page.holding or not page.total:  # one nearby names it, or nothing loose is nearby to replace
        return attempt, page
    if sum(group.documents for group in words.naming()) < MIN_RESULTS:
        return attempt, page  # too few listings anywhere name it to fill a list of their own
    named = 0
    tries = farther_matches(attempt, chosen=criteria.radius_chosen)
    if words.beside:
        # The person named a town near the place (within 40 km: "... Weimar ..., Erfurt"), which says the area they
        # mean: better than the nearest ones far away.
        tries = [wider for wider in tries if NEAREST not in wider.widened]
    # Read together when they read the same listings by id: the first try's page and, only when none of its
    # listings names the thing, the next one's (bot.search.retrieval.find_named_pages).
    together = by_id_together(session, words, tries, asked.tier)
    if together and not criteria.remote:  # the nearest ones come with the online ones beside them (see find)
        tries = [replace(wider, online=True) if NEAREST in wider.widened else wider for wider in tries]
    pages = await find_named_pages(session, criteria, words, tries, asked) if together else []
    for number, wider in enumerate(tries):
        if named and NEAREST in wider.widened:
            break  # a listing within 50 km names it: better than the nearest ones far away
        found = pages[number] if together else await find_page(session, criteria, words, wider, asked)
        if found.holding >= MIN_RESULTS:
            return wider, found
        named = max(named, found.holding)
    return attempt, page


async def _wished_farther(
    session: AsyncSession, criteria: Criteria, words: RankWords, attempt: Attempt, page: Page,
    asked: PageRequest,
) -> tuple[Attempt, Page]:
    """Adds the listings saying a time wished as a preference from farther away (bot.search.widening.
    soft_time_farther) when none within the try's radius that fits the request is held at it (or says nothing of
    it, as a firm time admits): up to the first wider radius where one is, beside the nearer ones at other times.
    A listing fits the request when it holds its words, or, without words, is in its categories. The counts do not
    depend on the page, so "Mehr" pages widen as the first did.

    A row of the page that fits the request and is held at the wished time (or says nothing of it) answers the
    question without the count: the try at the firm time admits it, and counts it or others holding the words."""
    tries = soft_time_farther(attempt, chosen=criteria.radius_chosen)
    if not tries or _wished_on_page(criteria, words, page) or _fitting(
            words, *await _counts(session, criteria, words, replace(attempt, strict_time=True), asked)):
        return attempt, page
    near = _fitting(words, page.total, page.word_hits)
    for wider in tries:  # more fit than nearby: some farther away say the wished time
        if _fitting(words, *await _counts(session, criteria, words, wider, asked)) > near:
            return wider, await find_page(session, criteria, words, wider, asked)
    return attempt, page


def _wished_on_page(criteria: Criteria, words: RankWords, page: Page) -> bool:
    """Tells whether a row of the page fits the request (holds its words, or, without words, is listed at all) at
    the time wished as the firm time admits it (bot.search.time_sql.time_conditions, its tags as time_fits reads
    them): then the try at the firm time finds one that fits, and _wished_farther needs no count to know it.
    A row listed without holding the words at the soft time is listed at the firm time too, or enough others hold
    them (bot.search.retrieval._listed), so the count is never zero when this says so."""
    filtering = bool(words.filtering())
    return any(time_fits(criteria.time, tuple(row.time_tags or ()), either=criteria.time_either)
               and (not filtering or float(getattr(row, "relevance", 0) or 0) > 0)
               for row in page.rows)


async def _counts(
    session: AsyncSession, criteria: Criteria, words: RankWords, tried: Attempt, asked: PageRequest,
) -> tuple[int, int]:
    """Returns a try's number of matches and of those holding the request's words."""
    total, word_hits, _, _ = await count_matches(session, criteria, words, tried, now=asked.now, corpus=asked.corpus)
    return total, word_hits


def _fitting(words: RankWords, total: int, word_hits: int) -> int:
    """Returns how many matches fit the request (see _wished_farther)."""
    return word_hits if words.filtering() else total
