"""A search's tries in SQL: hard constraints through indexes, ranked in the database, one page out.

The spatial prefilter is a latitude/longitude box on the covering index (status, lat, lon, ...), refined
to the exact radius on the same flat map the score uses; categories are bitmask tests on those
candidates; free words go through the full-text index. Without a place (all of Germany, or remote
listings) the newest matches form a bounded pool, read newest first from id-ordered covering indexes
(migration 0006), and only that pool is ranked.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Row
from sqlalchemy.ext.asyncio import AsyncSession

from bot.store.dialect import dialect_of
from bot.categories import category_mask
from bot.search.corpus import LISTINGS, Corpus
from bot.search.criteria import Criteria
from bot.search.geo import Frame
from bot.search.ranking import RankWords, asks_for_language, score_parts, squared_distance, time_conditions
from bot.search.sql import SqlText
from bot.search.textmatch import holds_any, rare, word_ids
from bot.search.vocabulary import TermGroup
from bot.search.widening import MIN_RESULTS, NEAREST, RADIUS_STEPS_KM, Attempt
from bot.store.types import UTCDateTime

NATIONWIDE_POOL = 2000
# What the ranking reads of a pooled candidate: all in the covering indexes, so the pool never reads rows.
# place_precision is not in the covering indexes that hand out the pool (migration 0006): pooled rows (remote
# and nationwide searches, where closeness matters least) get no cap for approximate places (search/approximate).
_POOL_COLUMNS = (
    "o.id, o.category_mask, o.time_mask, o.published_at, o.newcomer_friendly, o.languages, o.lat, o.lon, "
    "NULL AS place_precision"
)


@dataclass(frozen=True, slots=True)
class Page:
    """One page of rows (score, total and the columns of bot.search.hits), best first, and the match count."""

    rows: tuple[Row[Any], ...]
    total: int
    word_hits: int = 0  # listed matches holding any of the request's words (counted only when words only rank)


async def find_page(
    session: AsyncSession, criteria: Criteria, words: RankWords, attempt: Attempt, *,
    limit: int, offset: int, now: datetime, corpus: Corpus = LISTINGS,
) -> Page:
    """Runs one try: returns the requested page in a stable order (ties by id) and the number of matches.

    One statement ranks, counts (a window over all matches) and reads the page's details, because every
    round trip to the database costs more than the ranking itself.
    """
    sql = SqlText(dialect_of(session))
    listed = _listed(_scored(sql, criteria, words, attempt, now=now, corpus=corpus))
    # Ties fall to the words' part (relevance), then to the id: a stable order on both databases.
    ranked = (
        "SELECT f.id AS id, f.base + f.words + f.named + f.manner AS score, "
        "f.words + f.named + f.manner AS relevance, f.total AS total, f.word_hits AS word_hits FROM "
        f"{listed} ORDER BY score DESC, relevance DESC, f.id LIMIT {sql.integer(limit)} OFFSET {sql.integer(offset)}"
    )
    statement = sql.statement(
        f"{sql.with_clause()}SELECT ranked.id AS id, ranked.score AS score, ranked.total AS total, "
        f"ranked.word_hits AS word_hits, {corpus.page_columns} "
        f"FROM ({ranked}) ranked JOIN {corpus.table} o ON o.id = ranked.id {corpus.page_join} "
        "ORDER BY ranked.score DESC, ranked.relevance DESC, ranked.id",
        columns=corpus.column_types,
    )
    rows = tuple((await statement.run(session)).all())
    if rows:
        return Page(rows, int(rows[0].total), int(rows[0].word_hits or 0))
    if not offset:
        return Page(rows, 0)
    # Past the end: the window counts came with no row.
    total, word_hits = await count_matches(session, criteria, words, attempt, now=now, corpus=corpus)
    return Page(rows, total, word_hits)


async def count_matches(
    session: AsyncSession, criteria: Criteria, words: RankWords, attempt: Attempt, *, now: datetime,
    corpus: Corpus = LISTINGS,
) -> tuple[int, int]:
    """Counts the matches of one try, and those holding a free word (for a page beyond the last match)."""
    sql = SqlText(dialect_of(session))
    listed = _listed(_scored(sql, criteria, words, attempt, now=now, corpus=corpus))
    statement = sql.statement(f"{sql.with_clause()}SELECT MAX(f.total), MAX(f.word_hits) FROM {listed}")
    row = (await statement.run(session)).one()
    return int(row[0] or 0), int(row[1] or 0)  # no match at all: no row to take the maxima of


def _listed(scored: str) -> str:
    """Returns a subquery `f` of the matches to list, with the number of matches holding a word that names
    what was asked (holding: a free word or another noun of the request, not a verb or adjective), and the
    number holding any of its words (word_hits).

    Beside a category the request's words only rank, so "Hospiz" in the category of health also matched the
    category's other rows, which filled the top five behind the three hospices. Once MIN_RESULTS matches hold
    a word naming what was asked, the rows holding none are left out: they answer the category, not what the
    person named. With fewer, the category's rows stay and fill the page (reported as widened "keywords" when
    none holds any word of the request).
    """
    holds = "(c.words > 0 OR c.named > 0)"
    counted = (
        f"SELECT c.*, count(*) OVER () AS matches, SUM(CASE WHEN {holds} THEN 1 ELSE 0 END) OVER () AS holding, "
        "SUM(CASE WHEN c.words + c.named + c.manner > 0 THEN 1 ELSE 0 END) OVER () AS word_hits "
        f"FROM {scored}"
    )
    # One window pass counts; the total listed follows from the counts (no second pass after the filter).
    enough = f"n.holding >= {MIN_RESULTS}"
    return (
        f"(SELECT n.*, CASE WHEN {enough} THEN n.holding ELSE n.matches END AS total FROM ({counted}) n "
        f"WHERE n.words > 0 OR n.named > 0 OR NOT ({enough})) f"
    )


def _scored(
    sql: SqlText, criteria: Criteria, words: RankWords, attempt: Attempt, *, now: datetime, corpus: Corpus,
) -> str:
    """Returns a subquery `c` of the try's matches with their id, the free words' part (words), the other
    nouns' part (named), the verbs', adjectives' and negated words' part (manner) and the rest (base)."""
    frame = _frame(criteria)
    source = candidates(sql, criteria, words.filtering(), attempt, frame, now=now, corpus=corpus)
    # The nearest listings beyond 50 km are ranked on the 50 km scale: closer ones first, clearly.
    scale = RADIUS_STEPS_KM[-1] if NEAREST in attempt.widened else attempt.radius_km
    parts = score_parts(sql, criteria, words, frame, now=now, radius_km=scale, corpus=corpus)
    # OFFSET 0 keeps either database from folding the subquery into its users, which would copy the words'
    # parts (index look-ups per candidate) into every place they are used: the listing, its counts and the
    # filter of bot.search.retrieval._listed read them up to six times. SQLite needs a LIMIT for the OFFSET;
    # measured in CPU time on 100,000 listings, the fence took the benchmark's p95 from 13.2 to 10.0 ms.
    fence = " LIMIT -1 OFFSET 0" if sql.is_sqlite else " OFFSET 0"
    return (
        f"(SELECT o.id AS id, {parts.keywords} AS words, {parts.named} AS named, {parts.manner} AS manner, "
        f"{parts.base} AS base FROM {source}{fence}) c"
    )


def pooled(criteria: Criteria, groups: Sequence[TermGroup], attempt: Attempt) -> bool:
    """Tells whether a try ranks only the most recently added matches (no place, and not led by words)."""
    return attempt.radius_km is None and not (attempt.text_required and groups)


def candidates(
    sql: SqlText, criteria: Criteria, groups: Sequence[TermGroup], attempt: Attempt, frame: Frame | None, *,
    now: datetime, corpus: Corpus = LISTINGS,
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
    led_by_words = (bool(attempt.text_required and groups) and not sql.is_sqlite and rare(groups)
                    and not criteria.languages)
    where = " AND ".join(
        constraints(sql, criteria, groups, attempt, frame, now=now, words=not led_by_words, corpus=corpus)
    )
    if led_by_words:
        return f"({word_ids(sql, groups, corpus)}) w JOIN {corpus.table} o ON o.id = w.id WHERE {where}"
    hint = _index_hint(sql, criteria, groups, attempt, corpus)
    if not pooled(criteria, groups, attempt):
        source = f"{corpus.table} o{hint} WHERE {where}"
        if not sql.is_sqlite and attempt.radius_km is not None:
            # The words' holders are looked for among the candidates around the place (bot.search.textmatch);
            # the ids are read from the covering index once more, and only when a word asks for them.
            # Measured on the benchmark's statements: median server time 2.2 -> 1.5 ms, p95 11 -> 5.2 ms.
            sql.candidate_ids = lambda: sql.shared(("candidates", source), lambda: f"SELECT o.id FROM {source}")
        return source
    return (
        f"(SELECT {_POOL_COLUMNS} FROM {corpus.table} o{hint} WHERE {where} "
        f"ORDER BY o.id DESC LIMIT {sql.integer(NATIONWIDE_POOL)}) o"
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
        min_lat, max_lat, min_lon, max_lon = frame.box(attempt.radius_km)
        conditions += [
            f"o.lat BETWEEN {sql.number(min_lat)} AND {sql.number(max_lat)}",
            f"o.lon BETWEEN {sql.number(min_lon)} AND {sql.number(max_lon)}",
            f"{squared_distance(sql, frame)} <= {sql.number(attempt.radius_km**2)}",
        ]
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
    elif attempt.text_required and groups and words:
        # A listing asking for a language the person speaks answers them even in other words ("Ich spreche
        # Farsi und würde gern Frauen aus Afghanistan begleiten": the Farsi guide for Afghan women).
        speaks = f" OR {asks_for_language(criteria.languages)}" if criteria.languages else ""
        conditions.append(f"({holds_any(sql, groups, corpus=corpus)}{speaks})")
    return conditions


def _index_hint(
    sql: SqlText, criteria: Criteria, groups: Sequence[TermGroup], attempt: Attempt, corpus: Corpus,
) -> str:
    """Names the covering index SQLite must read; PostgreSQL plans well from its statistics.

    Left alone, SQLite prefers (status, expires_at) for the expiry test and then visits every row.
    """
    if not sql.is_sqlite:
        return ""
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
