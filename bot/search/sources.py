"""Where a search's tries draw their candidates from, and the hard constraints on them, as SQL.

The spatial prefilter is a latitude/longitude box on the covering index (status, lat, lon, ...), refined
to the exact radius on the same flat map the score uses; categories are bitmask tests on those
candidates; free words go through the full-text index. Without a place (all of Germany, or remote
listings) the newest matches form a bounded pool, read newest first from id-ordered covering indexes
(migration 0006); a whole state's from the index of each state's listings in id order (migration 0020).
bot.search.retrieval ranks these candidates and reads one page out.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime
from typing import Any

from bot.categories import category_mask
from bot.search.corpus import LISTINGS, Corpus
from bot.search.criteria import WANTED_PLACE_MARGIN_KM, Criteria, ruled_out_radius_km
from bot.search.geo import Frame
from bot.search.model import PlaceRef
from bot.search.ranking import asks_for_language, squared_distance
from bot.search.time_sql import time_conditions
from bot.search.sql import SqlText
from bot.search.textmatch import holders, holds_any, rare, word_ids
from bot.search.vocabulary import TermGroup
from bot.search.widening import NEAREST, Attempt
from bot.store.types import UTCDateTime

# How many of the newest matches a search without a place ranks (all of Germany, or remote listings).
NATIONWIDE_POOL = 2000
# Up to this many listings holding the filtering words nationwide, a try around a place starts from them (their rows
# are few to read); with more, from the candidates within the radius (_holding_around below). The
# planner's estimate of a box's candidates is no guide: it took 206 for 4,383 in Hamburg.
FEW_HOLDERS = 1000
# What the ranking reads of a pooled candidate: all in the covering indexes, so the pool never reads rows.
# place_precision is not in the covering indexes that hand out the pool (migration 0006): pooled rows (remote
# and nationwide searches, where closeness matters least) get no cap for approximate places (search/approximate).
POOL_COLUMNS = (
    "o.id, o.category_mask, o.time_mask, o.published_at, o.newcomer_friendly, o.languages, o.lat, o.lon, "
    "NULL AS place_precision"
)

# SQLite: a box around a place is read from the index of its latitude's tenths of a degree (migration 0021) as so many
# bands, each bounded by the box's longitudes; the bands' count is padded to a power of two, so that boxes of one
# size share a statement. The expression is the index's own (SQLite uses it only written alike).
LAT_CELLS_PER_DEGREE = 10
_LAT_CELL = f"CAST(o.lat * {LAT_CELLS_PER_DEGREE} AS INTEGER)"

# What the ranking reads of a row drawn from two sources at once (the nearest and the online listings).
ROW_COLUMNS = (
    "o.id, o.category_mask, o.time_mask, o.published_at, o.newcomer_friendly, o.languages, o.lat, o.lon, "
    "o.place_precision, o.remote"
)


def beyond(sql: SqlText, frame: Frame, radius_km: float) -> str:
    """Returns an SQL condition on the row `o`: it lies beyond the radius, or nowhere in particular."""
    return f"(o.lat IS NULL OR {squared_distance(sql, frame)} > {sql.number(radius_km ** 2)})"


def online_beyond(sql: SqlText, frame: Frame, radius_km: float) -> str:
    """Returns an SQL condition on the row `o`: an online listing beyond the radius (added beside the nearest)."""
    return f"{sql.true('o.remote')} AND {beyond(sql, frame, radius_km)}"


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
    now: datetime, corpus: Corpus = LISTINGS, naming: Sequence[TermGroup] = (), vectors: bool = False,
) -> str:
    """Returns the FROM source and WHERE of a try's matches, as the row `o`.

    Around a place, every match within the radius is ranked. Without one (all of Germany, or remote
    listings) the newest NATIONWIDE_POOL matches are: scoring every listing in the country per request is
    what this module avoids, and nationwide freshness matters more than the order deep in such a list.
    When only free words were asked and few listings hold them, PostgreSQL starts from those (the GIN
    index); left to itself it misjudged the latitude band and probed a rare word for each of 44,000 rows
    in Hamburg. Common words are tested on the rows of the band (54 ms for 14,000 rows in Frankfurt,
    where starting from 100,000 listings holding "Sprache" took a second).

    vectors: a PostgreSQL pool's rows carry their text vector, read once per candidate (SqlText.row_vectors), for a
    ranking that reads the rows anyway (see reads_pool_rows).
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
    hint = index_hint(sql, criteria, groups, attempt, corpus)
    if naming and online_too(criteria, attempt) and frame is not None:
        source = f"({word_ids(sql, groups, corpus)}) w JOIN {corpus.table} o ON o.id = w.id" if led_by_words \
            else f"{corpus.table} o{hint}"
        online = nearest_and_online(sql, criteria, groups, naming, attempt, frame, source, where, now, corpus)
        return f"({online}) o"
    if led_by_words:
        # The candidates are the words' holders, whose rows were read for them: the ranking tests its words on their
        # vectors (SqlText.row_vectors). A subquery of every rare word's holders nationwide read 3,095 rows, 7,161
        # buffers, for the 4 candidates of "volunteering football coach in Fulda".
        sql.row_vectors = "w"
        return f"({word_ids(sql, groups, corpus, vectors=True)}) w JOIN {corpus.table} o ON o.id = w.id WHERE {where}"
    if not pooled(criteria, groups, attempt):
        source = f"{corpus.table} o{hint} WHERE {where}"
        if not sql.is_sqlite and attempt.radius_km is not None:
            # The words' holders are looked for among the candidates around the place (bot.search.textmatch);
            # the ids are read from the covering index once more, and only when a word asks for them.
            # Measured on the benchmark's statements: median server time 2.2 -> 1.5 ms, p95 11 -> 5.2 ms.
            admits = None if word_tested(criteria, groups, attempt) else (criteria, attempt, now, corpus.table)
            keep_candidates(sql, source, admits=admits)
        return source
    pool = (
        f"SELECT {POOL_COLUMNS} FROM {corpus.table} o{hint} WHERE {where} "
        f"ORDER BY o.id DESC LIMIT {sql.integer(NATIONWIDE_POOL)}"
    )
    if not (vectors and not sql.is_sqlite):
        return f"({pool}) o"
    # The pool's ids still come from the covering index; each candidate's row is then read once, by id, for its vector.
    sql.row_vectors = "o"
    return f"(SELECT p.*, v.search_vector FROM ({pool}) p JOIN {corpus.table} v ON v.id = p.id) o"


def reads_pool_rows(groups: Sequence[TermGroup]) -> bool:
    """Tells whether a PostgreSQL pool's ranking of these words reads every candidate's row anyway (a common word
    is tested on each by id), or more rows than the pool holds (the rare words' holders nationwide): its words are
    then tested on the pool's own rows, each read once with its vector (candidates' vectors).

    Measured on "Ehrenamt Lesepate für Grundschulkinder" (100,000 listings): the rare words' 2,467 holders nationwide
    were read and tested five times each, and every candidate's row looked up by id for the common "vorles:*" besides,
    12,800 buffers in all.
    """
    return any(not rare([group]) for group in groups) or holders(groups) > NATIONWIDE_POOL


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
    keep_candidates(sql, source, admits=(criteria, attempt, now, corpus.table))
    return f"{source} AND {_holding(sql, groups, corpus)}"


def keep_candidates(sql: SqlText, source: str, *, admits: tuple[Any, ...] | None = None) -> None:
    """Lets the words' holders be looked for among the candidates of a try around a place (sql.candidate_ids): the
    candidates are then read once, with what the ranking reads of them, into a shared subquery that the ranking
    reads too (from_kept_candidates). Reading the box a second time for the ranking cost 0.2-0.4 ms of execution
    and 0.15 ms of planning per statement (measured on the benchmark's statements).

    admits: the try (criteria, attempt, moment, table) when source holds exactly the listings it admits with its
    words aside (constraints with words=False): the unfound note's look then reads them too (SqlText.admitted)."""
    def kept() -> str:
        name = sql.shared(("candidates", source), lambda: f"SELECT {ROW_COLUMNS} FROM {source}")
        sql.kept_candidates = (name, source)
        return name

    sql.candidate_ids = kept
    sql.admitted = (admits, kept) if admits is not None else None


def from_kept_candidates(sql: SqlText, source: str) -> str:
    """Returns the FROM source and WHERE of a try's matches read from its kept candidates, when a word's holders were
    looked for among them (keep_candidates): the same rows, read from the index once instead of twice."""
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


def nearest_and_online(
    sql: SqlText, criteria: Criteria, groups: Sequence[TermGroup], naming: Sequence[TermGroup], attempt: Attempt,
    frame: Frame, source: str, where: str, now: datetime, corpus: Corpus,
) -> str:
    """Returns the rows of a nearest try and, beyond its radius, the online rows that meet the other constraints
    and hold a word naming what was asked (an online listing in the category alone is no answer to a place).

    Only for the rare try beyond 50 km, so the second part reads the online listings' own partial index.
    """
    online = constraints(sql, criteria, groups, replace(attempt, radius_km=None), frame, now=now, corpus=corpus)
    online += [online_beyond(sql, frame, attempt.radius_km or 0), holds_any(sql, naming, corpus=corpus)]
    hint = f" INDEXED BY {corpus.index('remote')}" if sql.is_sqlite else ""
    return (
        f"SELECT {ROW_COLUMNS} FROM {source} WHERE {where} UNION ALL "
        f"SELECT {ROW_COLUMNS} FROM {corpus.table} o{hint} WHERE {' AND '.join(online)}"
    )


def _holding_near_and_online(
    sql: SqlText, criteria: Criteria, groups: Sequence[TermGroup], naming: Sequence[TermGroup], attempt: Attempt,
    frame: Frame, now: datetime, corpus: Corpus,
) -> str:
    """Returns the rows of nearest_and_online for PostgreSQL when few listings hold the words: the candidates of
    both parts are read first (the box, and the online rows beyond it), and each word's holders among them once.

    Starting from the words' holders nationwide read them four times in one statement (for the filter, for the
    online part and once per word for the ranking): 12,000 buffers for "Sport mit Kindern" around Alsfeld.
    """
    near = " AND ".join(constraints(sql, criteria, groups, attempt, frame, now=now, words=False, corpus=corpus))
    anywhere = replace(attempt, radius_km=None)
    far = constraints(sql, criteria, groups, anywhere, frame, now=now, words=False, corpus=corpus)
    far_where = " AND ".join([*far, online_beyond(sql, frame, attempt.radius_km or 0)])
    both = (f"SELECT o.id FROM {corpus.table} o WHERE {near} UNION ALL "
            f"SELECT o.id FROM {corpus.table} o WHERE {far_where}")
    sql.candidate_ids = lambda: sql.shared(("candidates", both), lambda: both)
    holding, names = _holding(sql, groups, corpus), _holding(sql, naming, corpus)
    return (
        f"SELECT {ROW_COLUMNS} FROM {corpus.table} o WHERE {near} AND {holding} UNION ALL "
        f"SELECT {ROW_COLUMNS} FROM {corpus.table} o WHERE {far_where} AND {holding} AND {names}"
    )


def constraints(
    sql: SqlText, criteria: Criteria, groups: Sequence[TermGroup], attempt: Attempt, frame: Frame | None, *,
    now: datetime, words: bool = True, corpus: Corpus = LISTINGS,
) -> list[str]:
    """Returns the hard constraints of one try as SQL conditions on the row `o`.

    words=False leaves out the free words, for a caller that starts from the listings holding them.
    """
    # 'published' is written out: PostgreSQL uses the partial indexes only for the constant. The tests on the
    # bitmasks come next, before the expiry (a comparison of timestamps written as text on SQLite) and the distance:
    # SQLite tests the conditions in the order written, and a category leaves out most of the rows it reads
    # (measured on the benchmark's nationwide pools: 34,000 index entries read for 2,000 candidates, 11 -> 7 ms).
    conditions = ["o.status = 'published'"]
    if criteria.exclude_categories:
        conditions.append(f"(o.category_mask & {sql.integer(category_mask(criteria.exclude_categories))}) = 0")
    if criteria.categories:
        # The categories decide; free words then only rank. Letting words admit listings of other categories
        # showed hospice listings for "Geflüchtete begleiten" and children's reading for "Vorlesen für Senioren".
        in_field = f"(o.category_mask & {sql.integer(category_mask(criteria.categories))}) <> 0"
        if criteria.titled:  # the listings titled with the request, from other categories (bot.search.titled)
            in_field = f"({in_field} OR o.id IN ({', '.join(sql.integer(key) for key in criteria.titled)}))"
        conditions.append(in_field)
    if attempt.strict_time:
        conditions += time_conditions(sql, criteria.time, either=criteria.time_either)
    elif criteria.firm_time:  # "nicht am Wochenende": any time once widened, but never the one ruled out
        conditions += time_conditions(sql, criteria.firm_time, either=False)
    if criteria.remote:
        conditions.append(sql.true("o.remote"))
    if criteria.whole_state is not None:  # "ganz Sachsen": the state's own listings, on their index (migration 0020)
        conditions.append(f"o.state = {sql.bind_once(criteria.whole_state)}")
    conditions.append(f"(o.expires_at IS NULL OR o.expires_at > {sql.bind(now, UTCDateTime())})")
    if attempt.radius_km is not None and frame is not None:
        conditions += within_radius(sql, frame, attempt.radius_km)
        if sql.is_sqlite and corpus is LISTINGS:
            conditions.append(lat_cells(sql, frame, attempt.radius_km))
        if attempt.wished_beyond_km is not None and criteria.time:  # beyond it only those saying the wished time
            wished = " AND ".join(time_conditions(sql, criteria.time, either=criteria.time_either, stated=True))
            wished = wished or "1 = 1"
            near = f"{squared_distance(sql, frame)} <= {sql.number(attempt.wished_beyond_km ** 2)}"
            conditions.append(f"({near} OR ({wished}))")
    # A ruled-out town's listings are left out, not ranked last: "nicht in Kassel" means the person will not go
    # there, so a listing there answers nothing; online ones (no point) stay.
    conditions += [_outside_ruled_out(sql, criteria, p) for p in criteria.ruled_out]
    if not (words and word_tested(criteria, groups, attempt)):
        return conditions
    if attempt.named_only:  # only listings naming what was asked (farther away)
        conditions.append(holds_any(sql, groups, corpus=corpus))
    else:
        # A listing asking for a language the person speaks answers them even in other words ("Ich spreche
        # Farsi und würde gern Frauen aus Afghanistan begleiten": the Farsi guide for Afghan women).
        speaks = f" OR {asks_for_language(sql, criteria.languages)}" if criteria.languages else ""
        conditions.append(f"({holds_any(sql, groups, corpus=corpus)}{speaks})")
    return conditions


def word_tested(criteria: Criteria, groups: Sequence[TermGroup], attempt: Attempt) -> bool:
    """Tells whether a try's constraints test its words (words=True): only listings naming what was asked, or free
    words that admit where no category decides."""
    return bool(groups) and (attempt.named_only or (attempt.text_required and not criteria.categories))


def within_radius(sql: SqlText, frame: Frame, radius_km: float) -> list[str]:
    """Returns SQL conditions on the row `o`: it lies in the box around the frame's centre and within the radius."""
    min_lat, max_lat, min_lon, max_lon = frame.box(radius_km)
    return [
        f"o.lat BETWEEN {sql.number(min_lat)} AND {sql.number(max_lat)}",
        f"o.lon BETWEEN {sql.number(min_lon)} AND {sql.number(max_lon)}",
        f"{squared_distance(sql, frame)} <= {sql.number(radius_km**2)}",
    ]


def lat_cells(sql: SqlText, frame: Frame, radius_km: float) -> str:
    """Returns a SQLite condition on the row `o`: its latitude lies in one of the tenths of a degree the box around the
    frame's centre spans (the key of migration 0021's index, before the longitude).

    The geo index bounds the latitude only: a box read every listing of its latitude band across the country (22,241
    for the 2,667 of 50 km around Grimma). Truncation never decreases, so every latitude of the box falls in a band
    from the lowest's to the highest's.
    """
    min_lat, max_lat, _, _ = frame.box(radius_km)
    first, last = int(min_lat * LAT_CELLS_PER_DEGREE), int(max_lat * LAT_CELLS_PER_DEGREE)
    cells = list(range(first, last + 1))
    padded = 1 << (len(cells) - 1).bit_length()
    cells += [last] * (padded - len(cells))  # a band named twice is read once
    return f"{_LAT_CELL} IN ({', '.join(sql.integer(cell) for cell in cells)})"


def box_index(sql: SqlText, corpus: Corpus) -> str:
    """Names the SQLite index a try around a place reads its box from: the latitude's bands of the listings (migration
    0021), the geo index of the volunteers' ads (few, without such an index)."""
    return f" INDEXED BY {corpus.index('cell' if corpus is LISTINGS else 'geo')}"


def index_hint(
    sql: SqlText, criteria: Criteria, groups: Sequence[TermGroup], attempt: Attempt, corpus: Corpus,
) -> str:
    """Names the covering index SQLite must read; PostgreSQL plans well from its statistics.

    Left alone, SQLite prefers (status, expires_at) for the expiry test and then visits every row. A try for
    listings naming what was asked reads them by id (o.id IN the full-text matches) when few hold the words; around
    a place, only up to FEW_HOLDERS of them, as on PostgreSQL: each is a read of the listing's whole row, where the
    box's covering index reads a short entry. Measured on the benchmark's statements of such tries at 100,000
    listings (CPU, same rows): 2,376 holders around Riesa 7.0 -> 5.4 ms, 3,444 8.9 -> 7.0 ms; below about 900 the
    rows by id are cheaper. Tries read together (bot.search.retrieval.find_named_pages) keep reading by id.
    """
    if not sql.is_sqlite:
        return ""
    if attempt.named_only and groups and rare(groups) and not _box_reads_less(criteria, groups, attempt):
        return " NOT INDEXED"  # the few listings naming the thing, by id from the full-text index: no box scan
    if criteria.remote:
        return f" INDEXED BY {corpus.index('remote')}"
    if attempt.radius_km is not None:
        return box_index(sql, corpus)
    if attempt.text_required and groups:
        return ""  # nationwide free words: the full-text index drives, rows are fetched by id
    if criteria.whole_state is not None and corpus is LISTINGS:
        return f" INDEXED BY {corpus.index('state')}"  # a state's newest matches, in id order within the state
    return f" INDEXED BY {corpus.index('recent')}"


def _box_reads_less(criteria: Criteria, groups: Sequence[TermGroup], attempt: Attempt) -> bool:
    """Tells whether a SQLite try around a place reads its candidates from the box's covering index more cheaply
    than the rows of the listings holding the words, by id (index_hint)."""
    return (attempt.radius_km is not None and not criteria.remote and criteria.place is not None
            and holders(groups) > FEW_HOLDERS)


def frame_of(criteria: Criteria) -> Frame | None:
    """Returns the flat map around the search's place, if it has one."""
    return Frame.around(criteria.place.lat, criteria.place.lon) if criteria.place else None
