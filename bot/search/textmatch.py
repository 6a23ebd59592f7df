"""Conditions "this listing holds these words" answered by the full-text index of each database.

SQLite asks its FTS5 table, PostgreSQL the GIN-indexed tsvector column; both index the folded title and
description of published listings only (migration 0003), and both get the same terms, so they agree.
SQLite answers with the set of matching ids (decoding FTS5 doclists is cheap). PostgreSQL has to visit
the table for each listing it reads a vector of, so how it looks words up depends on how many listings
hold them (see holds_any and word_ids): that choice took p95 at a million listings from 190 to 90 ms.
A rare word's holders are read once per statement for both of its tests, in the text and in the title
(SqlText.shared): that cut the benchmark's buffer reads by 38%. The holders of all the rare words of a statement
are read in one subquery (_Holders), which tells for each row which words it holds: a subquery per word read the
candidates' rows once per word and cost its own planning.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial

from bot.search.corpus import LISTINGS, Corpus
from bot.search.sql import SqlText
from bot.search.vocabulary import TermGroup
from bot.store.folded_sql import postgres_fold

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
        return f"o.id IN (SELECT rowid FROM {corpus.fts} WHERE {corpus.fts} MATCH {sql.bind(expression)})"
    weight = "A" if title_only else ""
    if per_candidate and rare(groups):
        holders, number = _shared_holders(sql, groups, corpus)
        # One read of the holders' rows serves both of the word's tests (in the text, in the title): two
        # subqueries read them twice, and reading every holder's row nationwide is most of what a rare word costs.
        return f"o.id IN (SELECT {holders}.id FROM {holders} WHERE {holders}.{'t' if title_only else 'h'}{number})"
    if not per_candidate:
        expression = " | ".join(f"({_tsquery(group, weight)})" for group in groups)
        return f"o.search_vector @@ to_tsquery('simple'::regconfig, {sql.bind(expression)})"
    test = row_holds(sql, groups, title_only=title_only)
    return f"EXISTS (SELECT 1 FROM {corpus.table} t WHERE t.id = o.id AND {test})"


def row_holds(sql: SqlText, groups: Sequence[TermGroup], *, title_only: bool = False) -> str:
    """Returns a PostgreSQL condition on the candidate's own row `t` (see read_once): its text (or title) holds a
    term of any of the groups."""
    weight = "A" if title_only else ""
    expression = " | ".join(f"({_tsquery(group, weight)})" for group in groups)
    return f"t.search_vector @@ to_tsquery('simple'::regconfig, {sql.bind(expression)})"


# Words of an organisation's name that tell no particular organisation: legal forms ("e.V.", "gGmbH"), the units of
# an association ("Ortsverband") and words between others ("der", "für"). A request naming the organisation need
# not say them; every other word of the name it must (names_organisation). A generic kind word with a word after it
# ("Freunde der Musik", "Förderverein der Grundschule") is the name's head: the name is about that word, not it.
_UNSAID_IN_NAMES = ("e", "v", "ev", "ggmbh", "gmbh", "ortsverband", "ortsgruppe", "kreisverband", "der", "die", "das",
                    "des", "und", "fuer")
_PUNCTUATION = ".-()"  # SQLite parses only so many nested calls: the marks names write most


def names_organisation(sql: SqlText, groups: Sequence[TermGroup], *, row: bool = False,
                       corpus: Corpus = LISTINGS, places: Sequence[str] = ()) -> str | None:
    """Returns an SQL condition on the row `o` (row: on the candidate's own row `t` of read_once, PostgreSQL): the
    request names its organisation (migration 0019). The name says every group's word itself, as a whole word (a
    term of group.whole where the group has lesser ones), and the request covers the name: every word of it is one
    of the request's, a place searched (places: folded words, "kassel") or a word telling no organisation apart
    (_UNSAID_IN_NAMES). "Tafel Freital" names "Tafel Freital e.V."; "Musik Kassel" does not name "Freunde der
    Musik Kassel e.V." (an everyday word of a name would make every listing of it one titled so). None where it
    cannot: no groups, a word of which no whole term is written, or ads, which have no organisation."""
    said = [group if group.whole is None else group.whole for group in groups]
    if corpus is not LISTINGS or not said or not all(group.terms for group in said):
        return None
    covered = _covers_name(sql, [term for group in said for term in group.terms], places, "{row}")
    if sql.is_sqlite:
        words = [" OR ".join(f'"{term}"' for term in group.terms) for group in said]
        expression = "organisation : (" + " AND ".join(f"({word})" for word in words) + ")"
        holds = f"o.id IN (SELECT rowid FROM {corpus.fts} WHERE {corpus.fts} MATCH {sql.bind(expression)})"
        # Read by id: the row `o` may be a candidate of a subquery without the name.
        return f"({holds} AND EXISTS (SELECT 1 FROM {corpus.table} n WHERE n.id = o.id AND {covered.format(row='n')}))"
    query = " & ".join("(" + " | ".join(f"{term}:C" for term in group.terms) + ")" for group in said)
    test = f"{{row}}.search_vector @@ to_tsquery('simple'::regconfig, {sql.bind(query)}) AND {covered}"
    if row:
        return test.format(row="t")
    return f"EXISTS (SELECT 1 FROM {corpus.table} n WHERE n.id = o.id AND {test.format(row='n')})"


def _covers_name(sql: SqlText, terms: Sequence[str], places: Sequence[str], row: str) -> str:
    """Returns an SQL condition on the row: its organisation's name holds no word but the terms, the places and
    _UNSAID_IN_NAMES. The letters of the words it holds among them (each counted once) are all its letters: a sum,
    not nested replace() calls taking each out, which SQLite's parser refuses beyond a few (nor does it fold the
    name there: each word is looked for as written, "für" for "fuer", see _spellings)."""
    column = f"{row}.organisation_name"
    folded = f"lower(coalesce({column}, ''))" if sql.is_sqlite else postgres_fold(column)
    for mark in _PUNCTUATION:
        folded = f"replace({folded}, {_literal(mark)}, ' ')"
    padded = f"(' ' || replace({folded}, ' ', '  ') || ' ')"
    letters = f"length(replace({folded}, ' ', ''))"
    find = "instr" if sql.is_sqlite else "strpos"
    held = []
    for word in dict.fromkeys([*terms, *places, *_UNSAID_IN_NAMES]):
        spellings = _spellings(word) if sql.is_sqlite else (word,)
        whens = " ".join(f"WHEN {find}({padded}, {_literal(f' {spelt} ')}) > 0 THEN {len(spelt)}"
                         for spelt in spellings)
        held.append(f"CASE {whens} ELSE 0 END")
    return f"{letters} <= {' + '.join(held)}"


def _spellings(word: str) -> tuple[str, ...]:
    """Returns the ways a folded word may be written in lower case ("fuer": "fuer", "für")."""
    spellings = [word]
    for spelled, umlaut in (("ae", "ä"), ("oe", "ö"), ("ue", "ü"), ("ss", "ß")):
        spellings += [spelling.replace(spelled, umlaut) for spelling in spellings if spelled in spelling]
    return tuple(dict.fromkeys(spellings))


def _literal(text: str) -> str:
    """Returns an SQL string literal of the text (the fixed words and marks of _covers_name)."""
    return "'" + text.replace("'", "''") + "'"


def read_once(sql: SqlText, expression: str, corpus: Corpus = LISTINGS) -> str:
    """Returns a PostgreSQL expression over the candidate `o`: the expression, written over its own row `t`
    (row_holds), read in one look-up by id. Every row `o` has its own row, so the value is the expression's.

    A common word's tests (in the text, in the title, the whole word in the title) each probed the row by id:
    three index descents and three reads of the same row where one serves them all.
    """
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
    if sql.is_sqlite or not rare([group]):
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


def word_ids(sql: SqlText, groups: Sequence[TermGroup], corpus: Corpus = LISTINGS) -> str:
    """Returns a PostgreSQL subquery of the ids of published listings holding any of the groups' terms.

    OFFSET 0 keeps the planner from folding it into the outer query: it is meant to run first, on the GIN
    index, and hand over the few listings that hold the words.
    """
    expression = " | ".join(f"({_tsquery(group, '')})" for group in groups)
    return (
        f"SELECT m.id FROM {corpus.table} m WHERE m.status = 'published' "
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
