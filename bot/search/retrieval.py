"""A search's tries in SQL: the candidates of bot.search.sources ranked in the database, one page out, and the
counts that decide the widening."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from functools import partial
from typing import Any

from sqlalchemy import Row
from sqlalchemy.ext.asyncio import AsyncSession

from bot.store.dialect import dialect_of
from bot.search.category_fit import both_fields, searches_both
from bot.search.corpus import LISTINGS, Corpus
from bot.search.criteria import Criteria
from bot.search.geo import Frame
from bot.search.held_once import held_once
from bot.search.ranking import asks_for_language, score_parts
from bot.search.rank_words import RankWords
from bot.search.sources import (
    ROW_COLUMNS, candidates, constraints, frame_of, from_kept_candidates, online_beyond, online_too, reads_pool_rows,
    within_radius,
)
from bot.search.sql import SqlText
from bot.search.textmatch import rare
from bot.search.weights import NEAREST_WEIGHTS, WEIGHTS, preferred_time, relaxed_time
from bot.search.vocabulary import TermGroup
from bot.search.unfound import HeldLook
from bot.search.tiers import STRONG_SHARE, Tier, evidence, in_fields, is_strong, shown
from bot.search.widening import MIN_RESULTS, NEAREST, RADIUS_STEPS_KM, REMOTE_NEAR_KM, Attempt


@dataclass(frozen=True, slots=True)
class Page:
    """One page of rows (score, total and the columns of bot.search.hits), best first, and the match count."""

    rows: tuple[Row[Any], ...]
    total: int
    word_hits: int = 0  # listed matches holding any of the request's words (counted only when words only rank)
    # Matches holding a word that names what was asked (a free word or another noun), the same on every page.
    holding: int = 0
    # Matches in the strong tier (bot.search.tiers): all of them when none holds a word naming what was asked.
    strong: int = 0
    # The named things' groups some listing the try admits holds, when asked beside the page (unfound.HeldLook).
    held_here: frozenset[tuple[TermGroup, ...]] | None = None

    def shown_total(self, tier: Tier) -> int:
        """Returns how many matches a tier's pages show in all."""
        if tier is Tier.STRONG:
            return self.strong
        return self.total - self.strong if tier is Tier.SIMILAR else self.total


@dataclass(frozen=True, slots=True)
class PageRequest:
    """Which page a search asks of each try: its size and start, the moment listings are current at, the corpus
    read, and the tier shown (bot.search.tiers). The same for every try of one search, except that an empty page
    of the related listings falls back to the strong ones (bot.search.shown)."""

    limit: int
    offset: int
    now: datetime
    corpus: Corpus = LISTINGS
    tier: Tier = Tier.ALL


async def find_page(
    session: AsyncSession, criteria: Criteria, words: RankWords, attempt: Attempt, asked: PageRequest, *,
    held: HeldLook | None = None,
) -> Page:
    """Runs one try: returns the requested page of the tier's rows in a stable order (ties by id) and the number
    of matches (of all tiers: the widening decides on them).

    One statement ranks, counts (a window over all matches) and reads the page's details, because every
    round trip to the database costs more than the ranking itself. held: the unfound note's look for this try,
    answered beside the page (Page.held_here).
    """
    sql = SqlText(dialect_of(session))
    corpus = asked.corpus
    ranked = _ranked(sql, criteria, words, attempt, asked)
    look = held.columns(sql, criteria, attempt, corpus) if held is not None else None
    beside = f", {look}" if look else ""
    statement = sql.statement(
        f"{sql.with_clause()}SELECT ranked.id AS id, ranked.score AS score, ranked.total AS total, "
        f"ranked.word_hits AS word_hits, ranked.holding AS holding, ranked.strong_total AS strong_total, "
        f"ranked.relevance AS relevance, {corpus.page_columns}{beside} "
        f"FROM ({ranked}) ranked JOIN {corpus.table} o ON o.id = ranked.id {corpus.page_join} "
        "ORDER BY ranked.online, ranked.unwanted, ranked.score DESC, ranked.relevance DESC, ranked.id",
        columns=corpus.column_types,
    )
    rows = tuple((await statement.run(session)).all())
    page = await _page(session, criteria, words, attempt, rows, asked)
    return replace(page, held_here=held.answer(rows[0])) if held is not None and look and rows else page


async def _page(
    session: AsyncSession, criteria: Criteria, words: RankWords, attempt: Attempt, rows: tuple[Row[Any], ...],
    asked: PageRequest,
) -> Page:
    """Returns the page of a try's rows, with its counts (read once more only for a page past the last match, or
    an empty first page of the similar tier, whose rows may all be strong: the strongest row is always strong, so
    an empty first page of the others means no match)."""
    if rows:
        return Page(rows, int(rows[0].total), int(rows[0].word_hits or 0), int(rows[0].holding or 0),
                    int(rows[0].strong_total or 0))
    if not asked.offset and asked.tier is not Tier.SIMILAR:
        return Page(rows, 0, 0, 0, 0)
    # Past the end: the window counts came with no row. The counts are those of the first page, so that a
    # "Mehr" page takes the same try as the first one (bot.search.engine decides on total and holding).
    total, word_hits, holding, strong = await count_matches(session, criteria, words, attempt, now=asked.now,
                                                          corpus=asked.corpus)
    return Page(rows, total, word_hits, holding, strong)


def _ranked(
    sql: SqlText, criteria: Criteria, words: RankWords, attempt: Attempt, asked: PageRequest, *,
    within: str | None = None, only_if: str | None = None,
) -> str:
    """Returns the subquery of one try's page of the tier's rows: ids, score, relevance, the counts and whether a
    row is online.

    within and only_if: see _scored.
    """
    scored = _scored(sql, criteria, words, attempt, now=asked.now, corpus=asked.corpus, within=within,
                     only_if=only_if)
    # Pages of every row (the volunteers' ads, the titled probe) need no strength: one window pass fewer.
    shown_apart = asked.tier is not Tier.ALL
    listed = _listed(sql, scored, tiered=shown_apart and tiered(words, attempt),
                     fields=shown_apart and by_fields(criteria, attempt))
    # Ties fall to the words' part (relevance), then to the id: a stable order on both databases. Online
    # listings added beside the nearest ones far away come after them (online is 0 on every other try); listings
    # titled with a thing the request rules out come after all others (ranking.ScoreParts.unwanted).
    return (
        "SELECT f.id AS id, f.base + f.within + f.words + f.named + f.kind + f.manner AS score, "
        "f.words + f.named + f.kind + f.manner AS relevance, f.total AS total, f.word_hits AS word_hits, "
        "f.holding AS holding, f.strong_total AS strong_total, f.online AS online, f.unwanted AS unwanted FROM "
        f"{listed} WHERE {shown(asked.tier, 'f')} ORDER BY f.online, f.unwanted, score DESC, relevance DESC, f.id "
        f"LIMIT {sql.integer(asked.limit)} OFFSET {sql.integer(asked.offset)}"
    )


def by_id_together(
    session: AsyncSession, words: RankWords, tries: Sequence[Attempt], tier: Tier = Tier.ALL,
) -> bool:
    """Tells whether tries for listings naming what was asked can share one statement (find_named_pages): on
    SQLite, where such a try reads the few listings naming it by id wherever they are (index_hint), so the
    wider try costs the narrower one nothing more than ranking the rows beyond it.

    Not for the similar tier: a later try is ranked only when the page of the one before it holds no listing
    naming the thing, and a page of the similar tier may be empty while its try has such listings."""
    return (dialect_of(session) == "sqlite" and len(tries) > 1 and tier is not Tier.SIMILAR
            and rare(words.naming())
            and all(attempt.named_only and attempt.radius_km is not None for attempt in tries))


async def find_named_pages(
    session: AsyncSession, criteria: Criteria, words: RankWords, tries: Sequence[Attempt], asked: PageRequest,
) -> list[Page]:
    """Runs tries for listings naming what was asked, each wider than the one before, in one statement: the
    listings naming it within the widest radius are read once, and each try ranks those within its own radius.

    A later try is ranked only when no listing of the tries before it names the thing (otherwise it is never
    taken, bot.search.engine._farther_matches): its page is then empty and its counts are zero. Measured on
    100,000 listings, the tries one after the other read the same few thousand listings by id twice.
    """
    if not by_id_together(session, words, tries, asked.tier):
        raise ValueError("these tries do not share the listings they read")
    now, corpus = asked.now, asked.corpus
    sql = SqlText(dialect_of(session))
    frame = frame_of(criteria)
    widest = max(tries, key=lambda attempt: attempt.radius_km or 0.0)
    naming = words.naming()
    if any(online_too(criteria, attempt) for attempt in tries) and frame is not None and widest.radius_km:
        # With online listings beside the nearest ones: those naming the thing beyond the widest radius as well.
        anywhere = constraints(sql, criteria, naming, replace(widest, radius_km=None), frame, now=now, corpus=corpus)
        near = " AND ".join(within_radius(sql, frame, widest.radius_km))
        online = online_beyond(sql, frame, widest.radius_km)
        conditions = " AND ".join([*anywhere, f"(({near}) OR ({online}))"])
    else:
        conditions = " AND ".join(constraints(sql, criteria, naming, widest, frame, now=now, corpus=corpus))
    # The row columns the ranking and the try's constraints read (see ROW_COLUMNS).
    within = sql.shared(("named rows", corpus.table), lambda: (
        f"SELECT {ROW_COLUMNS}, o.status, o.expires_at FROM {corpus.table} o NOT INDEXED WHERE {conditions}"))
    parts: list[str] = []
    earlier: list[str] = []
    for number, attempt in enumerate(tries):
        only_if = " AND ".join(f"(SELECT COALESCE(MAX({name}.holding), 0) FROM {name}) = 0" for name in earlier)
        ranked = _ranked(sql, criteria, words, attempt, asked, within=within, only_if=only_if or None)
        name = sql.shared(("named page", number), partial(str, ranked))
        earlier.append(name)
        parts.append(
            f"SELECT {sql.integer(number)} AS part, ranked.id AS id, ranked.score AS score, ranked.total AS total, "
            f"ranked.word_hits AS word_hits, ranked.holding AS holding, ranked.strong_total AS strong_total, "
            f"ranked.online AS online, ranked.unwanted AS unwanted, "
            f"ranked.relevance AS relevance, {corpus.page_columns} "
            f"FROM {name} ranked JOIN {corpus.table} o ON o.id = ranked.id {corpus.page_join}"
        )
    statement = sql.statement(
        f"{sql.with_clause()}{' UNION ALL '.join(parts)} "
        "ORDER BY part, online, unwanted, score DESC, relevance DESC, id",
        columns=corpus.column_types,
    )
    rows = tuple((await statement.run(session)).all())
    pages: list[Page] = []
    for number, attempt in enumerate(tries):
        if any(page.holding for page in pages):
            pages.append(Page((), 0, 0, 0, 0))  # not ranked: a try before it has listings naming the thing
        else:
            own = tuple(row for row in rows if row.part == number)
            pages.append(await _page(session, criteria, words, attempt, own, asked))
    return pages


async def count_matches(
    session: AsyncSession, criteria: Criteria, words: RankWords, attempt: Attempt, *, now: datetime,
    corpus: Corpus = LISTINGS,
) -> tuple[int, int, int, int]:
    """Counts the matches of one try, those holding any of its words, those holding a word naming what was
    asked and those in the strong tier (for a page beyond the last match: the same counts as on the first page)."""
    sql = SqlText(dialect_of(session))
    listed = _listed(sql, _scored(sql, criteria, words, attempt, now=now, corpus=corpus), tiered=tiered(words, attempt),
                     fields=by_fields(criteria, attempt))
    statement = sql.statement(
        f"{sql.with_clause()}SELECT MAX(f.total), MAX(f.word_hits), MAX(f.holding), MAX(f.strong_total) FROM {listed}"
    )
    row = (await statement.run(session)).one()
    # no match at all: no row to take maxima of
    return int(row[0] or 0), int(row[1] or 0), int(row[2] or 0), int(row[3] or 0)


def tiered(words: RankWords, attempt: Attempt) -> bool:
    """Tells whether a try's rows are told apart in tiers (bot.search.tiers): the request holds words naming a
    particular thing, and the try is no search for the nearest listings far away."""
    return any(not words.names_kind(group) for group in words.holding()) and NEAREST not in attempt.widened


def by_fields(criteria: Criteria, attempt: Attempt) -> bool:
    """Tells whether a try's rows are told apart by the fields they answer (tiers.in_fields): the request searches a
    field of activity and a field of people, not named as a choice, and the try is no search for the nearest listings
    far away."""
    return searches_both(criteria.categories) and not criteria.fields_either and NEAREST not in attempt.widened


def _listed(sql: SqlText, scored: str, *, tiered: bool, fields: bool = False) -> str:
    """Returns a subquery `f` of the matches to list, with the number of matches holding a word that names
    what was asked (holding: a free word or another noun of the request, not a verb or adjective), and the
    number holding any of its words (word_hits).

    Beside a category the request's words only rank, so "Hospiz" in the category of health also matched the
    category's other rows, which filled the top five behind the three hospices. Once MIN_RESULTS matches hold
    a word naming what was asked itself (not only a relative of it: lesser_only), the rows holding none are left
    out: they answer the category, not what the person named. With fewer, the category's rows stay and fill the
    page (reported as widened "keywords" when none holds any word of the request).
    Online listings beside the nearest ones (online_too) are listed by the same rule, but never count toward
    those MIN_RESULTS: the nearest ones naming the thing decide whether the others are left out.

    Each listed row says whether it is in the strong tier (strong, bot.search.tiers) and how many are
    (strong_total); a request without words naming a thing (tiered false) has every row strong, without the
    second window pass the strength needs.
    """
    holds = "(c.words > 0 OR c.named > 0 OR c.kind > 0)"
    says = "(c.kind > 0 OR ((c.words > 0 OR c.named > 0) AND c.lesser_only = 0))"
    strongest = f"MAX({evidence('c')}) OVER () AS strongest, " if tiered else ""
    counted = (
        f"SELECT c.*, count(*) OVER () AS matches, {strongest}"
        f"SUM(CASE WHEN {holds} AND c.online = 0 THEN 1 ELSE 0 END) OVER () AS holding, "
        f"SUM(CASE WHEN {says} AND c.online = 0 THEN 1 ELSE 0 END) OVER () AS saying, "
        f"SUM(CASE WHEN {holds} THEN 1 ELSE 0 END) OVER () AS holding_all, "
        "SUM(CASE WHEN c.words + c.named + c.kind + c.manner > 0 THEN 1 ELSE 0 END) OVER () AS word_hits"
        f"{_fields_counted(holds) if fields else ''} FROM {scored}"
    )
    # One window pass counts; the total listed follows from the counts (no second pass after the filter).
    # Listings holding only a relative of the words do not count: the field's rows stay behind the button for them.
    enough = f"n.saying >= {MIN_RESULTS}"
    total = f"CASE WHEN {enough} THEN n.holding_all ELSE n.matches END"
    answered = in_fields("n", enough) if fields else None
    kept = f"WHERE n.words > 0 OR n.named > 0 OR n.kind > 0 OR NOT ({enough})"
    if tiered and answered:
        # Of the rows strong by the words, those of both fields where some are (the rest are related): a second pass,
        # as which rows are strong by the words is known only after the first.
        strong = is_strong("n", sql.number(STRONG_SHARE))
        both = "(m.fields_strong = 0 OR m.both_fields = 1) AND m.by_words = 1"
        return (
            f"(SELECT m.*, CASE WHEN {both} THEN 1 ELSE 0 END AS strong, "
            f"SUM(CASE WHEN {both} THEN 1 ELSE 0 END) OVER () AS strong_total FROM "
            f"(SELECT n.*, {total} AS total, CASE WHEN {strong} THEN 1 ELSE 0 END AS by_words, "
            f"MAX(CASE WHEN {strong} THEN n.both_fields ELSE 0 END) OVER () AS fields_strong "
            f"FROM ({counted}) n {kept}) m) f"
        )
    if tiered or answered:
        strong = is_strong("n", sql.number(STRONG_SHARE)) if tiered else str(answered)
        tier = (f"CASE WHEN {strong} THEN 1 ELSE 0 END AS strong, "
                f"SUM(CASE WHEN {strong} THEN 1 ELSE 0 END) OVER () AS strong_total")
    else:
        tier = f"1 AS strong, {total} AS strong_total"
    return f"(SELECT n.*, {total} AS total, {tier} FROM ({counted}) n {kept}) f"


def _fields_counted(holds: str) -> str:
    """Returns the window columns tiers.in_fields reads: whether any match answers both fields (fields_any), and
    whether any holding the request's words does (fields_held: the others are not listed once enough hold them)."""
    return (", MAX(c.both_fields) OVER () AS fields_any, "
            f"MAX(CASE WHEN {holds} THEN c.both_fields ELSE 0 END) OVER () AS fields_held")


def _scored(
    sql: SqlText, criteria: Criteria, words: RankWords, attempt: Attempt, *, now: datetime, corpus: Corpus,
    within: str | None = None, only_if: str | None = None,
) -> str:
    """Returns a subquery `c` of the try's matches with their id, the free words' part (words), the other
    nouns' part (named), the part of the heads of its compounds read as their parts (kind), the verbs' and
    adjectives' part (manner), the rest (base, negated words' part among it) and whether its title names a negated
    word (unwanted).

    within names a shared subquery of rows (find_named_pages) that already meet the try's constraints on the
    words: the try's other constraints are tested on those. only_if: a condition on no row, tested once before
    any row is read: false, the try has no matches.
    """
    frame = frame_of(criteria)
    naming = words.naming() if online_too(criteria, attempt) or attempt.named_only else ()
    filtering = naming if attempt.named_only else words.filtering()
    if within is not None:
        tests = " AND ".join(constraints(sql, criteria, filtering, attempt, frame, now=now, words=False, corpus=corpus))
        if online_too(criteria, attempt) and frame is not None:  # as nearest_and_online: the rows hold the words
            anywhere = constraints(sql, criteria, filtering, replace(attempt, radius_km=None), frame, now=now,
                                   words=False, corpus=corpus)
            far = " AND ".join([*anywhere, online_beyond(sql, frame, attempt.radius_km or 0)])
            tests = f"(({tests}) OR ({far}))"
        source = f"{within} o WHERE {f'{only_if} AND ' if only_if else ''}{tests}"
    else:
        vectors = reads_pool_rows([*words.groups, *words.unwanted])
        source = candidates(sql, criteria, filtering, attempt, frame, now=now, corpus=corpus, naming=naming,
                            vectors=vectors)
    # The nearest listings beyond 50 km are ranked on the 50 km scale, with distance weighing as much as the
    # words: the answer says "the nearest ones, with their distance", so of two alike the nearer comes first.
    nearest = NEAREST in attempt.widened
    scale = RADIUS_STEPS_KM[-1] if nearest else attempt.radius_km
    if scale is None and criteria.remote and frame is not None:
        # From home, with a place named: online listings from anywhere, the near ones first (an organisation
        # one can also meet), judged on a scale wide enough that 40 km away still counts, 400 km hardly.
        scale = REMOTE_NEAR_KM
    online = bool(naming) and frame is not None
    weights = NEAREST_WEIGHTS if nearest else WEIGHTS
    if criteria.time_soft:
        weights = preferred_time(weights)
    elif criteria.time and not attempt.strict_time:
        weights = relaxed_time(weights)
    # Beyond the asked radius, the listings within it come first unless they hold the words only loosely.
    # Not so for the wished time's listings from farther away: they stand beside the nearer ones at other times.
    looked_farther = (not criteria.remote and attempt.wished_beyond_km is None
                      and (attempt.radius_km or 0.0) > criteria.radius_km)
    parts = score_parts(sql, criteria, words, frame, now=now, radius_km=scale, weights=weights, corpus=corpus,
                        asked_km=criteria.radius_km if looked_farther else None)
    source = from_kept_candidates(sql, source)  # the words' parts have asked for the candidates by now
    far_online = _far_online(sql, frame, attempt.radius_km or 0) if online and frame is not None else "0"
    # OFFSET 0 keeps either database from folding the subquery into its users, which would copy the words'
    # parts (index look-ups per candidate) into every place they are used: the listing, its counts and the
    # filter of bot.search.retrieval._listed read them up to six times. SQLite needs a LIMIT for the OFFSET;
    # measured in CPU time on 100,000 listings, the fence took the benchmark's p95 from 13.2 to 10.0 ms.
    fence = " LIMIT -1 OFFSET 0" if sql.is_sqlite else " OFFSET 0"
    # A listing asking for a language the person speaks answers them as such (bot.search.tiers).
    speaks = f"CASE WHEN {asks_for_language(sql, criteria.languages)} THEN 1 ELSE 0 END" if criteria.languages else "0"
    # A listing in a searched field of activity and one of people answers both halves (tiers.in_fields).
    both = both_fields(sql, criteria.categories) if by_fields(criteria, attempt) else None
    fields = f"CASE WHEN {both} THEN 1 ELSE 0 END" if both else "0"
    columns = (
        f"o.id AS id, {parts.keywords} AS words, {parts.named} AS named, {parts.kind} AS kind, "
        f"{parts.manner} AS manner, {parts.within} AS within, {parts.says_all} AS says_all, "
        f"{parts.lesser_only} AS lesser_only, {speaks} AS speaks, {fields} AS both_fields, "
        f"{parts.base} AS base, {far_online} AS online, {parts.unwanted} AS unwanted"
    )
    if sql.is_sqlite:
        columns, source = held_once(columns, source, fence)
    return f"(SELECT {columns} FROM {source}{fence}) c"


def _far_online(sql: SqlText, frame: Frame, radius_km: float) -> str:
    """Returns 1 for an online row beyond the radius (added beside the nearest ones), else 0."""
    return f"CASE WHEN {online_beyond(sql, frame, radius_km)} THEN 1 ELSE 0 END"
