"""Conditions "this listing holds these words" answered by the full-text index of each database.

SQLite asks its FTS5 table, PostgreSQL the GIN-indexed tsvector column; both index the folded title and
description of published listings only (migration 0003), and both get the same terms, so they agree.
SQLite answers with the set of matching ids (decoding FTS5 doclists is cheap). PostgreSQL has to visit
the table for each listing it reads a vector of, so how it looks words up depends on how many listings
hold them (see holds_any and word_ids): that choice took p95 at a million listings from 190 to 90 ms.
A rare word's holders are read once per statement for both of its tests, in the text and in the title
(SqlText.shared): that cut the benchmark's buffer reads by 38%. The holders of all the rare words of a statement
are read in one subquery (_Holders), which tells for each row which words it holds: a subquery per word read the
candidates' rows once per word and cost its own planning. Where the candidates' rows are read anyway (a pool whose
words are common or held widely, or the words' holders a try starts from), every word is tested on the candidate's
own vector instead, in the one pass over them (SqlText.row_vectors).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial

from bot.search.corpus import LISTINGS, Corpus
from bot.search.sql import SqlText
from bot.search.vocabulary import TermGroup

# Up to this many listings holding the words, PostgreSQL reads them all from the GIN index at once.
RARE_WORDS_MAX_DOCUMENTS = 5000
# _TEXT_ONLY: a word's beginnings ("freiwillig" of "Freiwillige") are looked for in the title and description, not in
# the organisation's name (migration 0019), which holds whole words only: "Freiwilligenagentur Nordhessen", the
# organisation of every listing of an agency's export, would otherwise hold "Freiwillige" for each of them.


def holds_any(
    sql: SqlText, groups: Sequence[TermGroup], *, title_only: bool = False, per_candidate: bool = False,
    corpus: Corpus = LISTINGS,
) -> str:
    """Returns an SQL condition on the row `o`: its text (or title) holds a term of any of the groups.

    per_candidate: the condition is only evaluated for rows that already passed the other constraints
    (ranking, counting), so the scan that found them can stay inside the covering index: PostgreSQL
    probes the set of listings holding rare words (read once from the GIN index) and fetches the text
    vector by id for common ones. As a filter (False) the row's own vector is tested; for rare words
    bot.search.retrieval starts from word_ids instead.
    """
    if sql.is_sqlite:
        expression = " OR ".join(f"({_fts5(group)})" for group in groups)
        if title_only:
            expression = f"title : ({expression})"
        return fts_holds(sql, expression, corpus)
    weight = "A" if title_only else ""
    if per_candidate and rare(groups) and not sql.row_vectors:
        holders, number = _shared_holders(sql, groups, corpus)
        # One read of the holders' rows serves both of the word's tests (in the text, in the title): two
        # subqueries read them twice, and reading every holder's row nationwide is most of what a rare word costs.
        return f"o.id IN (SELECT {holders}.id FROM {holders} WHERE {holders}.{'t' if title_only else 'h'}{number})"
    if not per_candidate or sql.row_vectors:  # the row's own vector (a filter, or SqlText.row_vectors)
        expression = " | ".join(f"({_tsquery(group, weight)})" for group in groups)
        row = _own_row(sql) if per_candidate else "o"
        return f"{row}.search_vector @@ to_tsquery('simple'::regconfig, {sql.bind(expression)})"
    # The test as the value of the row read by id, not as an EXISTS: PostgreSQL plans an EXISTS in an expression twice
    # (per row and hashed) and estimates its full-text test's selectivity for each plan, from the search vector's
    # statistics of 3,000 words (decompressed on each estimate); a test in the select list is never estimated.
    return read_once(sql, row_holds(sql, groups, title_only=title_only), corpus)


def fts_holds(sql: SqlText, expression: str, corpus: Corpus = LISTINGS) -> str:
    """Returns a SQLite condition on the row `o`: it is among the rows the FTS5 query matches. Equal queries of a
    statement are written alike (one placeholder), so bot.search.held_once can read them once."""
    return f"o.id IN (SELECT rowid FROM {corpus.fts} WHERE {corpus.fts} MATCH {sql.bind_once(expression)})"


def row_holds(sql: SqlText, groups: Sequence[TermGroup], *, title_only: bool = False) -> str:
    """Returns a PostgreSQL condition on the candidate's own row `t` (see read_once; the row that carries its vector,
    SqlText.row_vectors): its text (or title) holds a term of any of the groups."""
    weight = "A" if title_only else ""
    expression = " | ".join(f"({_tsquery(group, weight)})" for group in groups)
    return f"{_own_row(sql)}.search_vector @@ to_tsquery('simple'::regconfig, {sql.bind(expression)})"


def _own_row(sql: SqlText) -> str:
    """Returns the name of the row a PostgreSQL test reads the candidate's vector from: its own row `t` read by id
    (read_once), or the row that carries it (SqlText.row_vectors)."""
    return sql.row_vectors or "t"


def names_organisation(sql: SqlText, groups: Sequence[TermGroup], *, row: bool = False,
                       corpus: Corpus = LISTINGS) -> str | None:
    """Returns an SQL condition on the row `o` (row: on the candidate's own row `t` of read_once, PostgreSQL): its
    organisation's name (migration 0019) says every group's word itself, as a whole word (a term of group.whole where
    the group has lesser ones): "Tafel Freital" and the listings of "Tafel Freital e.V.". None where it cannot: no
    groups, a word of which no whole term is written, or ads, which have no organisation.

    Such a listing counts as one whose title holds a lesser term (bot.search.ranking._word_fit): above a listing
    saying the word in its description, below one titled with it, so an everyday word of a name ("Freunde der Musik
    Kassel e.V." for "Musik Kassel") does not put every listing of it first. Checking that the request says the whole
    name (all its words but the place and legal forms) was built and measured in the fourteenth session: its test of
    the name's words on every candidate made a search at 100,000 listings 70 % slower on SQLite, so it was left out.
    """
    said = [group if group.whole is None else group.whole for group in groups]
    if corpus is not LISTINGS or not said or not all(group.terms for group in said):
        return None
    if sql.is_sqlite:
        words = [" OR ".join(f'"{term}"' for term in group.terms) for group in said]
        expression = "organisation : (" + " AND ".join(f"({word})" for word in words) + ")"
        return fts_holds(sql, expression, corpus)
    query = " & ".join("(" + " | ".join(f"{term}:C" for term in group.terms) + ")" for group in said)
    test = f"{{row}}.search_vector @@ to_tsquery('simple'::regconfig, {sql.bind(query)})"
    if row or sql.row_vectors:
        return test.format(row=_own_row(sql))
    return f"(SELECT {test.format(row='n')} FROM {corpus.table} n WHERE n.id = o.id)"  # not EXISTS: see holds_any


def read_once(sql: SqlText, expression: str, corpus: Corpus = LISTINGS) -> str:
    """Returns a PostgreSQL expression over the candidate `o`: the expression, written over its own row `t`
    (row_holds), read in one look-up by id. Every row `o` has its own row, so the value is the expression's.

    A common word's tests (in the text, in the title, the whole word in the title) each probed the row by id:
    three index descents and three reads of the same row where one serves them all. Where the candidate carries its
    vector (SqlText.row_vectors) the expression reads it there, as it is.
    """
    if sql.row_vectors:
        return expression
    return f"(SELECT {expression} FROM {corpus.table} t WHERE t.id = o.id)"


def says_whole(sql: SqlText, group: TermGroup, *, corpus: Corpus = LISTINGS) -> str:
    """Returns an SQL condition on the row `o`, asked only of rows holding the group: its title holds a term of
    group.whole (the word itself, not only a lesser term of it).

    On PostgreSQL, for a rare group, it is read in the same pass over the group's holders as its other tests:
    a holders subquery of its own for the whole terms read every candidate's row once more.
    """
    whole = group.whole
    if whole is None:
        raise ValueError(f"{group.word!r} has no whole terms")
    if sql.is_sqlite or not rare([group]) or sql.row_vectors:
        return holds_any(sql, [whole], title_only=True, per_candidate=True, corpus=corpus)
    holders, number = _shared_holders(sql, [group], corpus)
    return f"o.id IN (SELECT {holders}.id FROM {holders} WHERE {holders}.s{number})"


def _shared_holders(sql: SqlText, groups: Sequence[TermGroup], corpus: Corpus) -> tuple[str, int]:
    """Returns the name of the statement's subquery of the rows holding rare words' terms (_Holders) and the
    number of the groups' columns in it."""
    holders = sql.parts.get(("holders", corpus.table))
    if holders is None:
        # The candidates' subquery first: the holders read it, so it must come before them in the WITH clause.
        ids = sql.candidate_ids() if sql.candidate_ids else None
        holders = sql.parts[("holders", corpus.table)] = _Holders(corpus, ids)
        holders.name = sql.shared(("holders", corpus.table), partial(holders.body, sql), deferred=True)
    return holders.name, holders.add(groups)


class _Holders:
    """The statement's one subquery of the published rows holding a term of any of its rare words (among the
    candidates, when the statement has their ids), with three columns per word (or set of groups tested
    together), numbered by first use: h holds it, t holds it in the title, s (for a group with lesser terms)
    the title holds one of its whole terms. Written once every part of the statement has asked for its words.

    Measured on the search benchmark's statements (100,000 listings): a fifth of them have two or more rare
    words, each of which read the candidates' rows and was planned on its own as a subquery per word.
    """

    def __init__(self, corpus: Corpus, ids: str | None) -> None:
        self.corpus = corpus
        self.ids = ids
        self.name = ""
        self.words: dict[tuple[str, str | None], int] = {}
        self.groups: list[Sequence[TermGroup]] = []

    def add(self, groups: Sequence[TermGroup]) -> int:
        """Returns the number of the groups' columns, added on first use."""
        key = (" | ".join(f"({_tsquery(group, '')})" for group in groups), _whole_title(groups))
        if key not in self.words:
            self.words[key] = len(self.groups)
            self.groups.append(groups)
        return self.words[key]

    def body(self, sql: SqlText) -> str:
        """Returns the subquery's SQL, with every word asked for so far."""
        columns: list[str] = []
        for number, ((expression, whole), groups) in enumerate(zip(self.words, self.groups)):
            title = " | ".join(f"({_tsquery(group, 'A')})" for group in groups)
            # With one word every row holds it: the filter below is that word's test.
            held = "TRUE" if len(self.groups) == 1 else _matches(sql, expression)
            columns += [f"{held} AS h{number}", f"{_matches(sql, title)} AS t{number}"]
            if whole:
                columns.append(f"{_matches(sql, whole)} AS s{number}")
        anywhere = " | ".join(f"({expression})" for expression, _ in self.words)
        # Among the candidates only, when the statement has their ids: PostgreSQL then probes each candidate's row
        # when there are few (45 in a small town, where a word's holders nationwide were 800 rows to read) and
        # reads the holders from the full-text index when there are many (a city): the planner weighs both.
        among = f"m.id IN (SELECT {self.ids}.id FROM {self.ids}) AND " if self.ids else ""
        return (
            f"SELECT m.id, {', '.join(columns)} FROM {self.corpus.table} m WHERE {among}m.status = 'published' "
            f"AND {_matches(sql, anywhere)}"
        )


def _matches(sql: SqlText, query: str) -> str:
    """Returns a PostgreSQL condition on the row `m`: its text vector matches the tsquery."""
    return f"m.search_vector @@ to_tsquery('simple'::regconfig, {sql.bind(query)})"


def _whole_title(groups: Sequence[TermGroup]) -> str | None:
    """Returns the tsquery of a single group's whole terms in the title, when it has lesser ones as well."""
    if len(groups) != 1 or groups[0].whole is None:
        return None
    whole = groups[0].whole
    return _tsquery(whole, "A") if whole.terms or whole.prefixes else None


def rare(groups: Sequence[TermGroup]) -> bool:
    """Tells whether few enough listings hold the groups' terms to read them all from the GIN index."""
    return holders(groups) <= RARE_WORDS_MAX_DOCUMENTS


def holders(groups: Sequence[TermGroup]) -> int:
    """Returns how many listings hold the groups' terms, at most (as the vocabulary counts or estimates them)."""
    return sum(group.documents for group in groups)


def word_ids(sql: SqlText, groups: Sequence[TermGroup], corpus: Corpus = LISTINGS, *, vectors: bool = False) -> str:
    """Returns a PostgreSQL subquery of the ids of published listings holding any of the groups' terms (vectors: and
    their text vectors, read in the same pass, SqlText.row_vectors).

    OFFSET 0 keeps the planner from folding it into the outer query: it is meant to run first, on the GIN
    index, and hand over the few listings that hold the words.
    """
    expression = " | ".join(f"({_tsquery(group, '')})" for group in groups)
    return (
        f"SELECT m.id{', m.search_vector' if vectors else ''} FROM {corpus.table} m WHERE m.status = 'published' "
        f"AND m.search_vector @@ to_tsquery('simple'::regconfig, {sql.bind(expression)}) OFFSET 0"
    )


def _fts5(group: TermGroup) -> str:
    """Returns an FTS5 query for one group: quoted terms and quoted prefixes (index words are [a-z0-9]), the prefixes
    in the title and description only (_TEXT_ONLY)."""
    parts = [f'"{term}"' for term in group.terms]
    if group.prefixes:
        parts.append("{title description} : (" + " OR ".join(f'"{prefix}"*' for prefix in group.prefixes) + ")")
    return " OR ".join(parts)


def _tsquery(group: TermGroup, weight: str) -> str:
    """Returns a tsquery for one group, optionally restricted to a weight (A is the title; the prefixes are read in
    the title and description only, _TEXT_ONLY)."""
    parts = [f"{term}:{weight}" if weight else term for term in group.terms]
    parts += [f"{prefix}:*{weight or 'AB'}" for prefix in group.prefixes]
    return " | ".join(parts)
