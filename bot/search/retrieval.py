"""A search's tries in SQL: hard constraints through indexes, ranked in the database, one page out.

The spatial prefilter is a latitude/longitude box on the covering index (status, lat, lon, ...), refined
to the exact radius on the same flat map the score uses; categories are bitmask tests on those
candidates; free words go through the full-text index. Without a place (all of Germany, or remote
listings) the newest matches form a bounded pool, read newest first from id-ordered covering indexes
(migration 0006), and only that pool is ranked.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from functools import partial
from typing import Any

from sqlalchemy import Row
from sqlalchemy.ext.asyncio import AsyncSession

from bot.store.dialect import dialect_of
from bot.categories import category_mask
from bot.search.corpus import LISTINGS, Corpus
from bot.search.criteria import WANTED_PLACE_MARGIN_KM, Criteria, ruled_out_radius_km
from bot.search.geo import Frame
from bot.search.model import PlaceRef
from bot.search.ranking import (
    NEAREST_WEIGHTS, WEIGHTS, RankWords, asks_for_language, relaxed_time, score_parts, squared_distance,
    time_conditions,
)
from bot.search.sql import SqlText
from bot.search.textmatch import holders, holds_any, rare, word_ids
from bot.search.vocabulary import TermGroup
from bot.search.widening import MIN_RESULTS, NEAREST, RADIUS_STEPS_KM, REMOTE_NEAR_KM, Attempt
from bot.store.types import UTCDateTime

NATIONWIDE_POOL = 2000
# Up to this many listings holding the filtering words nationwide, a try around a place starts from them (their rows
# are few to read); with more, from the candidates within the radius (bot.search.retrieval._holding_around). The
# planner's estimate of a box's candidates is no guide: it took 206 for 4,383 in Hamburg.
FEW_HOLDERS = 1000
# What the ranking reads of a pooled candidate: all in the covering indexes, so the pool never reads rows.
# place_precision is not in the covering indexes that hand out the pool (migration 0006): pooled rows (remote
# and nationwide searches, where closeness matters least) get no cap for approximate places (search/approximate).
_POOL_COLUMNS = (
    "o.id, o.category_mask, o.time_mask, o.published_at, o.newcomer_friendly, o.languages, o.lat, o.lon, "
    "NULL AS place_precision"
)

# What the ranking reads of a row drawn from two sources at once (the nearest and the online listings).
_ROW_COLUMNS = (
    "o.id, o.category_mask, o.time_mask, o.published_at, o.newcomer_friendly, o.languages, o.lat, o.lon, "
    "o.place_precision, o.remote"
)


@dataclass(frozen=True, slots=True)
class Page:
    """One page of rows (score, total and the columns of bot.search.hits), best first, and the match count."""

    rows: tuple[Row[Any], ...]
    total: int
    word_hits: int = 0  # listed matches holding any of the request's words (counted only when words only rank)
    # Matches holding a word that names what was asked (a free word or another noun), the same on every page.
    holding: int = 0


async def find_page(
    session: AsyncSession, criteria: Criteria, words: RankWords, attempt: Attempt, *,
    limit: int, offset: int, now: datetime, corpus: Corpus = LISTINGS,
) -> Page:
    """Runs one try: returns the requested page in a stable order (ties by id) and the number of matches.

    One statement ranks, counts (a window over all matches) and reads the page's details, because every
    round trip to the database costs more than the ranking itself.
    """
    sql = SqlText(dialect_of(session))
    ranked = _ranked(sql, criteria, words, attempt, limit=limit, offset=offset, now=now, corpus=corpus)
    statement = sql.statement(
        f"{sql.with_clause()}SELECT ranked.id AS id, ranked.score AS score, ranked.total AS total, "
        f"ranked.word_hits AS word_hits, ranked.holding AS holding, {corpus.page_columns} "
        f"FROM ({ranked}) ranked JOIN {corpus.table} o ON o.id = ranked.id {corpus.page_join} "
        "ORDER BY ranked.online, ranked.score DESC, ranked.relevance DESC, ranked.id",
        columns=corpus.column_types,
    )
    rows = tuple((await statement.run(session)).all())
    return await _page(session, criteria, words, attempt, rows, offset=offset, now=now, corpus=corpus)


async def _page(
    session: AsyncSession, criteria: Criteria, words: RankWords, attempt: Attempt, rows: tuple[Row[Any], ...], *,
    offset: int, now: datetime, corpus: Corpus,
) -> Page:
    """Returns the page of a try's rows, with its counts (read once more only for a page past the last match)."""
    if rows:
        return Page(rows, int(rows[0].total), int(rows[0].word_hits or 0), int(rows[0].holding or 0))
    if not offset:
        return Page(rows, 0, 0, 0)
    # Past the end: the window counts came with no row. The counts are those of the first page, so that a
    # "Mehr" page takes the same try as the first one (bot.search.engine decides on total and holding).
    total, word_hits, holding = await count_matches(session, criteria, words, attempt, now=now, corpus=corpus)
    return Page(rows, total, word_hits, holding)


def _ranked(
    sql: SqlText, criteria: Criteria, words: RankWords, attempt: Attempt, *, limit: int, offset: int,
    now: datetime, corpus: Corpus, within: str | None = None, only_if: str | None = None,
) -> str:
    """Returns the subquery of one try's page: ids, score, relevance, the counts and whether a row is online.

    within and only_if: see _scored.
    """
    listed = _listed(_scored(sql, criteria, words, attempt, now=now, corpus=corpus, within=within, only_if=only_if))
    # Ties fall to the words' part (relevance), then to the id: a stable order on both databases. Online
    # listings added beside the nearest ones far away come after them (online is 0 on every other try).
    return (
        "SELECT f.id AS id, f.base + f.words + f.named + f.manner AS score, "
        "f.words + f.named + f.manner AS relevance, f.total AS total, f.word_hits AS word_hits, "
        "f.holding AS holding, f.online AS online FROM "
        f"{listed} ORDER BY f.online, score DESC, relevance DESC, f.id "
        f"LIMIT {sql.integer(limit)} OFFSET {sql.integer(offset)}"
    )


def by_id_together(session: AsyncSession, words: RankWords, tries: Sequence[Attempt]) -> bool:
    """Tells whether tries for listings naming what was asked can share one statement (find_named_pages): on
    SQLite, where such a try reads the few listings naming it by id wherever they are (_index_hint), so the
    wider try costs the narrower one nothing more than ranking the rows beyond it."""
    return (dialect_of(session) == "sqlite" and len(tries) > 1 and rare(words.naming())
            and all(attempt.named_only and attempt.radius_km is not None for attempt in tries))


async def find_named_pages(
    session: AsyncSession, criteria: Criteria, words: RankWords, tries: Sequence[Attempt], *,
    limit: int, offset: int, now: datetime, corpus: Corpus = LISTINGS,
) -> list[Page]:
    """Runs tries for listings naming what was asked, each wider than the one before, in one statement: the
    listings naming it within the widest radius are read once, and each try ranks those within its own radius.

    A later try is ranked only when no listing of the tries before it names the thing (otherwise it is never
    taken, bot.search.engine._farther_matches): its page is then empty and its counts are zero. Measured on
    100,000 listings, the tries one after the other read the same few thousand listings by id twice.
    """
    if not by_id_together(session, words, tries):
        raise ValueError("these tries do not share the listings they read")
    sql = SqlText(dialect_of(session))
    frame = _frame(criteria)
    widest = max(tries, key=lambda attempt: attempt.radius_km or 0.0)
    naming = words.naming()
    if any(online_too(criteria, attempt) for attempt in tries) and frame is not None and widest.radius_km:
        # With online listings beside the nearest ones: those naming the thing beyond the widest radius as well.
        anywhere = constraints(sql, criteria, naming, replace(widest, radius_km=None), frame, now=now, corpus=corpus)
        near = " AND ".join(within_radius(sql, frame, widest.radius_km))
        online = f"{sql.true('o.remote')} AND {beyond(sql, frame, widest.radius_km)}"
        conditions = " AND ".join([*anywhere, f"(({near}) OR ({online}))"])
    else:
        conditions = " AND ".join(constraints(sql, criteria, naming, widest, frame, now=now, corpus=corpus))
    # The row columns the ranking and the try's constraints read (see _ROW_COLUMNS).
    within = sql.shared(("named rows", corpus.table), lambda: (
        f"SELECT {_ROW_COLUMNS}, o.status, o.expires_at FROM {corpus.table} o NOT INDEXED WHERE {conditions}"))
    parts: list[str] = []
    earlier: list[str] = []
    for number, attempt in enumerate(tries):
        only_if = " AND ".join(f"(SELECT COALESCE(MAX({name}.holding), 0) FROM {name}) = 0" for name in earlier)
        ranked = _ranked(sql, criteria, words, attempt, limit=limit, offset=offset, now=now, corpus=corpus,
                         within=within, only_if=only_if or None)
        name = sql.shared(("named page", number), partial(str, ranked))
        earlier.append(name)
        parts.append(
            f"SELECT {sql.integer(number)} AS part, ranked.id AS id, ranked.score AS score, ranked.total AS total, "
            f"ranked.word_hits AS word_hits, ranked.holding AS holding, ranked.online AS online, "
            f"ranked.relevance AS relevance, {corpus.page_columns} "
            f"FROM {name} ranked JOIN {corpus.table} o ON o.id = ranked.id {corpus.page_join}"
        )
    statement = sql.statement(
        f"{sql.with_clause()}{' UNION ALL '.join(parts)} ORDER BY part, online, score DESC, relevance DESC, id",
        columns=corpus.column_types,
    )
    rows = tuple((await statement.run(session)).all())
    pages: list[Page] = []
    for number, attempt in enumerate(tries):
        if any(page.holding for page in pages):
            pages.append(Page((), 0, 0, 0))  # not ranked: a try before it has listings naming the thing
        else:
            own = tuple(row for row in rows if row.part == number)
            pages.append(await _page(session, criteria, words, attempt, own, offset=offset, now=now, corpus=corpus))
    return pages


async def count_matches(
    session: AsyncSession, criteria: Criteria, words: RankWords, attempt: Attempt, *, now: datetime,
    corpus: Corpus = LISTINGS,
) -> tuple[int, int, int]:
    """Counts the matches of one try, those holding any of its words and those holding a word naming what was
    asked (for a page beyond the last match: the same counts as on the first page)."""
    sql = SqlText(dialect_of(session))
    listed = _listed(_scored(sql, criteria, words, attempt, now=now, corpus=corpus))
    statement = sql.statement(
        f"{sql.with_clause()}SELECT MAX(f.total), MAX(f.word_hits), MAX(f.holding) FROM {listed}"
    )
    row = (await statement.run(session)).one()
    return int(row[0] or 0), int(row[1] or 0), int(row[2] or 0)  # no match at all: no row to take maxima of


def _listed(scored: str) -> str:
    """Returns a subquery `f` of the matches to list, with the number of matches holding a word that names
    what was asked (holding: a free word or another noun of the request, not a verb or adjective), and the
    number holding any of its words (word_hits).

    Beside a category the request's words only rank, so "Hospiz" in the category of health also matched the
    category's other rows, which filled the top five behind the three hospices. Once MIN_RESULTS matches hold
    a word naming what was asked, the rows holding none are left out: they answer the category, not what the
    person named. With fewer, the category's rows stay and fill the page (reported as widened "keywords" when
    none holds any word of the request).
    Online listings beside the nearest ones (online_too) are listed by the same rule, but never count toward
    those MIN_RESULTS: the nearest ones naming the thing decide whether the others are left out.
    """
    holds = "(c.words > 0 OR c.named > 0)"
    counted = (
        f"SELECT c.*, count(*) OVER () AS matches, "
        f"SUM(CASE WHEN {holds} AND c.online = 0 THEN 1 ELSE 0 END) OVER () AS holding, "
        f"SUM(CASE WHEN {holds} THEN 1 ELSE 0 END) OVER () AS holding_all, "
        "SUM(CASE WHEN c.words + c.named + c.manner > 0 THEN 1 ELSE 0 END) OVER () AS word_hits "
        f"FROM {scored}"
    )
    # One window pass counts; the total listed follows from the counts (no second pass after the filter).
    enough = f"n.holding >= {MIN_RESULTS}"
    return (
        f"(SELECT n.*, CASE WHEN {enough} THEN n.holding_all ELSE n.matches END AS total FROM ({counted}) n "
        f"WHERE n.words > 0 OR n.named > 0 OR NOT ({enough})) f"
    )


def _scored(
    sql: SqlText, criteria: Criteria, words: RankWords, attempt: Attempt, *, now: datetime, corpus: Corpus,
    within: str | None = None, only_if: str | None = None,
) -> str:
    """Returns a subquery `c` of the try's matches with their id, the free words' part (words), the other
    nouns' part (named), the verbs', adjectives' and negated words' part (manner) and the rest (base).

    within names a shared subquery of rows (find_named_pages) that already meet the try's constraints on the
    words: the try's other constraints are tested on those. only_if: a condition on no row, tested once before
    any row is read: false, the try has no matches.
    """
    frame = _frame(criteria)
    naming = words.naming() if online_too(criteria, attempt) or attempt.named_only else ()
    filtering = naming if attempt.named_only else words.filtering()
    if within is not None:
        tests = " AND ".join(constraints(sql, criteria, filtering, attempt, frame, now=now, words=False, corpus=corpus))
        if online_too(criteria, attempt) and frame is not None:  # as _nearest_and_online: the rows hold the words
            anywhere = constraints(sql, criteria, filtering, replace(attempt, radius_km=None), frame, now=now,
                                   words=False, corpus=corpus)
            far = " AND ".join([*anywhere, sql.true("o.remote"), beyond(sql, frame, attempt.radius_km or 0)])
            tests = f"(({tests}) OR ({far}))"
        source = f"{within} o WHERE {f'{only_if} AND ' if only_if else ''}{tests}"
    else:
        source = candidates(sql, criteria, filtering, attempt, frame, now=now, corpus=corpus, naming=naming)
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
    if criteria.time and not attempt.strict_time:
        weights = relaxed_time(weights)
    parts = score_parts(sql, criteria, words, frame, now=now, radius_km=scale, weights=weights, corpus=corpus)
    source = _from_kept_candidates(sql, source)  # the words' parts have asked for the candidates by now
    far_online = _far_online(sql, frame, attempt.radius_km or 0) if online and frame is not None else "0"
    # OFFSET 0 keeps either database from folding the subquery into its users, which would copy the words'
    # parts (index look-ups per candidate) into every place they are used: the listing, its counts and the
    # filter of bot.search.retrieval._listed read them up to six times. SQLite needs a LIMIT for the OFFSET;
    # measured in CPU time on 100,000 listings, the fence took the benchmark's p95 from 13.2 to 10.0 ms.
    fence = " LIMIT -1 OFFSET 0" if sql.is_sqlite else " OFFSET 0"
    return (
        f"(SELECT o.id AS id, {parts.keywords} AS words, {parts.named} AS named, {parts.manner} AS manner, "
        f"{parts.base} AS base, {far_online} AS online FROM {source}{fence}) c"
    )


def _far_online(sql: SqlText, frame: Frame, radius_km: float) -> str:
    """Returns 1 for an online row beyond the radius (added beside the nearest ones), else 0."""
    return f"CASE WHEN {sql.true('o.remote')} AND {beyond(sql, frame, radius_km)} THEN 1 ELSE 0 END"


def beyond(sql: SqlText, frame: Frame, radius_km: float) -> str:
    """Returns an SQL condition on the row `o`: it lies beyond the radius, or nowhere in particular."""
    return f"(o.lat IS NULL OR {squared_distance(sql, frame)} > {sql.number(radius_km ** 2)})"


def _outside_ruled_out(sql: SqlText, criteria: Criteria, ruled_out: PlaceRef) -> str:
    """Returns an SQL condition on the row `o`: it lies beyond the ruled-out place's extent, or near the searched
    place's own point ("nicht in Hamburg, lieber Norderstedt": Norderstedt's listings stay, although the circle
    of Hamburg's extent reaches into it)."""
    left_out = beyond(sql, Frame.around(ruled_out.lat, ruled_out.lon), ruled_out_radius_km(ruled_out))
    wanted = criteria.place
    if wanted is None:
        return left_out
    near_wanted = squared_distance(sql, Frame.around(wanted.lat, wanted.lon))
    return f"({left_out} OR {near_wanted} <= {sql.number(WANTED_PLACE_MARGIN_KM ** 2)})"


def pooled(criteria: Criteria, groups: Sequence[TermGroup], attempt: Attempt) -> bool:
    """Tells whether a try ranks only the most recently added matches (no place, and not led by words)."""
    return attempt.radius_km is None and not (attempt.text_required and groups)


def candidates(
    sql: SqlText, criteria: Criteria, groups: Sequence[TermGroup], attempt: Attempt, frame: Frame | None, *,
    now: datetime, corpus: Corpus = LISTINGS, naming: Sequence[TermGroup] = (),
) -> str:
    """Returns the FROM source and WHERE of a try's matches, as the row `o`.

    Around a place, every match within the radius is ranked. Without one (all of Germany, or remote
    listings) the newest NATIONWIDE_POOL matches are: scoring every listing in the country per request is
    what this module avoids, and nationwide freshness matters more than the order deep in such a list.
    When only free words were asked and few listings hold them, PostgreSQL starts from those (the GIN
    index); left to itself it misjudged the latitude band and probed a rare word for each of 44,000 rows
    in Hamburg. Common words are tested on the rows of the band (54 ms for 14,000 rows in Frankfurt,
    where starting from 100,000 listings holding "Sprache" took a second).
    """
    led_by_words = (bool((attempt.text_required or attempt.named_only) and groups) and not sql.is_sqlite
                    and rare(groups) and not criteria.languages)
    if led_by_words and frame is not None and attempt.radius_km is not None and holders(groups) > FEW_HOLDERS:
        if naming and online_too(criteria, attempt):
            return f"({_holding_near_and_online(sql, criteria, groups, naming, attempt, frame, now, corpus)}) o"
        return _holding_around(sql, criteria, groups, attempt, frame, now=now, corpus=corpus)
    where = " AND ".join(
        constraints(sql, criteria, groups, attempt, frame, now=now, words=not led_by_words, corpus=corpus)
    )
    hint = _index_hint(sql, criteria, groups, attempt, corpus)
    if naming and online_too(criteria, attempt) and frame is not None:
        source = f"({word_ids(sql, groups, corpus)}) w JOIN {corpus.table} o ON o.id = w.id" if led_by_words \
            else f"{corpus.table} o{hint}"
        online = _nearest_and_online(sql, criteria, groups, naming, attempt, frame, source, where, now, corpus)
        return f"({online}) o"
    if led_by_words:
        return f"({word_ids(sql, groups, corpus)}) w JOIN {corpus.table} o ON o.id = w.id WHERE {where}"
    if not pooled(criteria, groups, attempt):
        source = f"{corpus.table} o{hint} WHERE {where}"
        if not sql.is_sqlite and attempt.radius_km is not None:
            # The words' holders are looked for among the candidates around the place (bot.search.textmatch);
            # the ids are read from the covering index once more, and only when a word asks for them.
            # Measured on the benchmark's statements: median server time 2.2 -> 1.5 ms, p95 11 -> 5.2 ms.
            _keep_candidates(sql, source)
        return source
    return (
        f"(SELECT {_POOL_COLUMNS} FROM {corpus.table} o{hint} WHERE {where} "
        f"ORDER BY o.id DESC LIMIT {sql.integer(NATIONWIDE_POOL)}) o"
    )


def _holding_around(
    sql: SqlText, criteria: Criteria, groups: Sequence[TermGroup], attempt: Attempt, frame: Frame, *,
    now: datetime, corpus: Corpus,
) -> str:
    """Returns the FROM source and WHERE of a PostgreSQL try around a place whose few holders of the words filter:
    the candidates within the radius that hold one of them.

    Each word's holders are read once, among the candidates (bot.search.textmatch), and serve both the filter and
    the ranking's tests of that word. Starting from the listings that hold the words nationwide read their rows
    once for the filter and once more per word for the ranking: 2,300 rows for "Krankenhaus Besuchsdienst", where
    the 50 km around Witzenhausen held 336 candidates.
    """
    where = " AND ".join(constraints(sql, criteria, groups, attempt, frame, now=now, words=False, corpus=corpus))
    source = f"{corpus.table} o WHERE {where}"
    _keep_candidates(sql, source)
    return f"{source} AND {_holding(sql, groups, corpus)}"


def _keep_candidates(sql: SqlText, source: str) -> None:
    """Lets the words' holders be looked for among the candidates of a try around a place (sql.candidate_ids): the
    candidates are then read once, with what the ranking reads of them, into a shared subquery that the ranking
    reads too (_from_kept_candidates). Reading the box a second time for the ranking cost 0.2-0.4 ms of execution
    and 0.15 ms of planning per statement (measured on the benchmark's statements)."""
    def kept() -> str:
        name = sql.shared(("candidates", source), lambda: f"SELECT {_ROW_COLUMNS} FROM {source}")
        sql.kept_candidates = (name, source)
        return name

    sql.candidate_ids = kept


def _from_kept_candidates(sql: SqlText, source: str) -> str:
    """Returns the FROM source and WHERE of a try's matches read from its kept candidates, when a word's holders were
    looked for among them (_keep_candidates): the same rows, read from the index once instead of twice."""
    if sql.kept_candidates is None:
        return source
    name, candidates_source = sql.kept_candidates
    if source == candidates_source:
        return f"{name} o"
    if source.startswith(f"{candidates_source} AND "):  # the few holders of the filtering words (_holding_around)
        return f"{name} o WHERE {source[len(candidates_source) + len(' AND '):]}"
    return source


def _holding(sql: SqlText, groups: Sequence[TermGroup], corpus: Corpus) -> str:
    """Returns an SQL condition on a candidate `o`: it holds a word of the groups (each word's holders subquery,
    shared with the ranking's tests of that word)."""
    return "(" + " OR ".join(holds_any(sql, [group], per_candidate=True, corpus=corpus) for group in groups) + ")"


def online_too(criteria: Criteria, attempt: Attempt) -> bool:
    """Tells whether a try also lists online listings from anywhere: the nearest listings beyond 50 km are
    looked for (nothing nearer fits), and online ones that fit may be done from where the person is."""
    return attempt.online and NEAREST in attempt.widened and attempt.radius_km is not None and not criteria.remote


def _nearest_and_online(
    sql: SqlText, criteria: Criteria, groups: Sequence[TermGroup], naming: Sequence[TermGroup], attempt: Attempt,
    frame: Frame, source: str, where: str, now: datetime, corpus: Corpus,
) -> str:
    """Returns the rows of a nearest try and, beyond its radius, the online rows that meet the other constraints
    and hold a word naming what was asked (an online listing in the category alone is no answer to a place).

    Only for the rare try beyond 50 km, so the second part reads the online listings' own partial index.
    """
    online = constraints(sql, criteria, groups, replace(attempt, radius_km=None), frame, now=now, corpus=corpus)
    online += [sql.true("o.remote"), beyond(sql, frame, attempt.radius_km or 0), holds_any(sql, naming, corpus=corpus)]
    hint = f" INDEXED BY {corpus.index('remote')}" if sql.is_sqlite else ""
    return (
        f"SELECT {_ROW_COLUMNS} FROM {source} WHERE {where} UNION ALL "
        f"SELECT {_ROW_COLUMNS} FROM {corpus.table} o{hint} WHERE {' AND '.join(online)}"
    )


def _holding_near_and_online(
    sql: SqlText, criteria: Criteria, groups: Sequence[TermGroup], naming: Sequence[TermGroup], attempt: Attempt,
    frame: Frame, now: datetime, corpus: Corpus,
) -> str:
    """Returns the rows of _nearest_and_online for PostgreSQL when few listings hold the words: the candidates of
    both parts are read first (the box, and the online rows beyond it), and each word's holders among them once.

    Starting from the words' holders nationwide read them four times in one statement (for the filter, for the
    online part and once per word for the ranking): 12,000 buffers for "Sport mit Kindern" around Alsfeld.
    """
    near = " AND ".join(constraints(sql, criteria, groups, attempt, frame, now=now, words=False, corpus=corpus))
    anywhere = replace(attempt, radius_km=None)
    far = constraints(sql, criteria, groups, anywhere, frame, now=now, words=False, corpus=corpus)
    far_where = " AND ".join([*far, sql.true("o.remote"), beyond(sql, frame, attempt.radius_km or 0)])
    both = (f"SELECT o.id FROM {corpus.table} o WHERE {near} UNION ALL "
            f"SELECT o.id FROM {corpus.table} o WHERE {far_where}")
    sql.candidate_ids = lambda: sql.shared(("candidates", both), lambda: both)
    holding, names = _holding(sql, groups, corpus), _holding(sql, naming, corpus)
    return (
        f"SELECT {_ROW_COLUMNS} FROM {corpus.table} o WHERE {near} AND {holding} UNION ALL "
        f"SELECT {_ROW_COLUMNS} FROM {corpus.table} o WHERE {far_where} AND {holding} AND {names}"
    )


def constraints(
    sql: SqlText, criteria: Criteria, groups: Sequence[TermGroup], attempt: Attempt, frame: Frame | None, *,
    now: datetime, words: bool = True, corpus: Corpus = LISTINGS,
) -> list[str]:
    """Returns the hard constraints of one try as SQL conditions on the row `o`.

    words=False leaves out the free words, for a caller that starts from the listings holding them.
    """
    # 'published' is written out: PostgreSQL uses the partial indexes only for the constant.
    conditions = [
        "o.status = 'published'",
        f"(o.expires_at IS NULL OR o.expires_at > {sql.bind(now, UTCDateTime())})",
    ]
    if attempt.radius_km is not None and frame is not None:
        conditions += within_radius(sql, frame, attempt.radius_km)
    # A ruled-out town's listings are left out, not ranked last: "nicht in Kassel" means the person will not go
    # there, so a listing there answers nothing; online ones (no point) stay.
    conditions += [_outside_ruled_out(sql, criteria, p) for p in criteria.ruled_out]
    if criteria.exclude_categories:
        conditions.append(f"(o.category_mask & {sql.integer(category_mask(criteria.exclude_categories))}) = 0")
    if criteria.remote:
        conditions.append(sql.true("o.remote"))
    if attempt.strict_time:
        conditions += time_conditions(sql, criteria.time)
    if criteria.categories:
        # The categories decide; free words then only rank. Letting words admit listings of other categories
        # showed hospice listings for "Geflüchtete begleiten" and children's reading for "Vorlesen für Senioren".
        conditions.append(f"(o.category_mask & {sql.integer(category_mask(criteria.categories))}) <> 0")
    if attempt.named_only and groups and words:  # only listings naming what was asked (farther away)
        conditions.append(holds_any(sql, groups, corpus=corpus))
    elif attempt.text_required and groups and words and not criteria.categories:
        # A listing asking for a language the person speaks answers them even in other words ("Ich spreche
        # Farsi und würde gern Frauen aus Afghanistan begleiten": the Farsi guide for Afghan women).
        speaks = f" OR {asks_for_language(criteria.languages)}" if criteria.languages else ""
        conditions.append(f"({holds_any(sql, groups, corpus=corpus)}{speaks})")
    return conditions


def within_radius(sql: SqlText, frame: Frame, radius_km: float) -> list[str]:
    """Returns SQL conditions on the row `o`: it lies in the box around the frame's centre and within the radius."""
    min_lat, max_lat, min_lon, max_lon = frame.box(radius_km)
    return [
        f"o.lat BETWEEN {sql.number(min_lat)} AND {sql.number(max_lat)}",
        f"o.lon BETWEEN {sql.number(min_lon)} AND {sql.number(max_lon)}",
        f"{squared_distance(sql, frame)} <= {sql.number(radius_km**2)}",
    ]


def _index_hint(
    sql: SqlText, criteria: Criteria, groups: Sequence[TermGroup], attempt: Attempt, corpus: Corpus,
) -> str:
    """Names the covering index SQLite must read; PostgreSQL plans well from its statistics.

    Left alone, SQLite prefers (status, expires_at) for the expiry test and then visits every row. A try for
    listings naming what was asked reads them by id (o.id IN the full-text matches) when few hold the words.
    """
    if not sql.is_sqlite:
        return ""
    if attempt.named_only and groups and rare(groups):
        return " NOT INDEXED"  # the few listings naming the thing, by id from the full-text index: no box scan
    if criteria.remote:
        return f" INDEXED BY {corpus.index('remote')}"
    if attempt.radius_km is not None:
        return f" INDEXED BY {corpus.index('geo')}"
    if attempt.text_required and groups:
        return ""  # nationwide free words: the full-text index drives, rows are fetched by id
    return f" INDEXED BY {corpus.index('recent')}"


def _frame(criteria: Criteria) -> Frame | None:
    """Returns the flat map around the search's place, if it has one."""
    return Frame.around(criteria.place.lat, criteria.place.lon) if criteria.place else None
