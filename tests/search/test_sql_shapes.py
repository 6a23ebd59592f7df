"""The search keeps one statement per shape of SQL text: values change per request, the statement does not."""

from __future__ import annotations

from datetime import datetime, timezone

from bot.search.criteria import Criteria
from bot.search.rank_words import RankWords
from bot.search.ranking import score_parts
from bot.search.sql import BoundStatement, Shapes, SqlText, shapes
from bot.search.textmatch import holds_any
from bot.search.vocabulary import TermGroup
from bot.store.types import UTCDateTime


def _statement(radius: float, *, limit: int = 5) -> BoundStatement:
    sql = SqlText("sqlite")
    return sql.statement(f"SELECT 1 WHERE {sql.number(radius)} > 0 LIMIT {sql.integer(limit)}")


def test_requests_of_one_shape_share_the_statement_with_their_own_values() -> None:
    first, second = _statement(15.0), _statement(30.0, limit=10)
    assert first.statement is second.statement
    assert first.values == {"p0": 15.0, "p1": 5}
    assert second.values == {"p0": 30.0, "p1": 10}


def test_other_kinds_of_values_get_a_statement_of_their_own() -> None:
    def moment(value: object) -> BoundStatement:
        sql = SqlText("sqlite")
        return sql.statement(f"SELECT {sql.bind(value, UTCDateTime())}")

    at = moment(datetime(2026, 12, 4, tzinfo=timezone.utc))
    assert at.statement is not moment(None).statement
    assert at.statement is moment(datetime(2026, 12, 5, tzinfo=timezone.utc)).statement


def test_the_kept_shapes_are_bounded_least_recently_used_first() -> None:
    kept = Shapes(limit=2)
    built: list[str] = []

    def build(name: str) -> object:
        built.append(name)
        return object()

    first = kept.get(("a",), lambda: build("a"))
    kept.get(("b",), lambda: build("b"))
    assert kept.get(("a",), lambda: build("a")) is first  # used again: now the most recent
    kept.get(("c",), lambda: build("c"))  # drops b, the least recently used
    assert len(kept) == 2
    kept.get(("b",), lambda: build("b"))
    assert built == ["a", "b", "c", "b"]
    assert len(shapes) <= shapes.limit


def _group(word: str, documents: int) -> TermGroup:
    return TermGroup(word=word, terms=(word,), prefixes=(), documents=documents, fuzzy=False)


def test_the_rare_words_tests_on_postgres_read_their_holders_once() -> None:
    sql = SqlText("postgresql")
    museum = _group("museum", 40)
    in_title = holds_any(sql, [museum], title_only=True, per_candidate=True)
    anywhere = holds_any(sql, [museum], per_candidate=True)
    other = holds_any(sql, [_group("chor", 12)], per_candidate=True)
    shared = sql.with_clause()
    assert shared.startswith("WITH ") and shared.count("AS MATERIALIZED") == 1  # one for all words and tests
    assert in_title == "o.id IN (SELECT w0.id FROM w0 WHERE w0.t0)"
    assert anywhere == "o.id IN (SELECT w0.id FROM w0 WHERE w0.h0)"
    assert other == "o.id IN (SELECT w0.id FROM w0 WHERE w0.h1)"
    # Each word's columns test its own terms; the rows read are those holding either word.
    assert ", m.search_vector @@ to_tsquery('simple'::regconfig, :p0) AS h0, " in shared
    assert sql._values["p0"] == "(museum)" and sql._values["p2"] == "(chor)"
    assert sql._values["p4"] == "((museum)) | ((chor))"


def test_one_rare_word_is_held_by_every_row_its_holders_read() -> None:
    sql = SqlText("postgresql")
    holds_any(sql, [_group("museum", 40)], per_candidate=True)
    shared = sql.with_clause()
    assert "TRUE AS h0" in shared and shared.count("@@") == 2  # the title's test, and the filter


def test_common_words_and_sqlite_need_no_shared_subquery() -> None:
    common = SqlText("postgresql")
    holds_any(common, [_group("hilfe", 50_000)], per_candidate=True)
    lite = SqlText("sqlite")
    holds_any(lite, [_group("museum", 40)], per_candidate=True)
    assert common.with_clause() == "" and lite.with_clause() == ""


def _words_part(dialect: str, group: TermGroup) -> str:
    sql = SqlText(dialect)
    words = RankWords(groups=(group,), weights=(1.0,), keywords=frozenset({group.word}))
    return score_parts(sql, Criteria(), words, None, now=datetime(2026, 12, 6, tzinfo=timezone.utc)).keywords


def test_a_common_words_tests_on_postgres_read_each_candidates_row_in_one_look_up() -> None:
    whole = TermGroup(word="feuerwehr", terms=("feuerwehr",), prefixes=(), documents=9_000, fuzzy=False)
    feuerwehr = TermGroup(word="feuerwehr", terms=("feuerwehr", "jugendfeuerwehr"), prefixes=(), documents=9_500,
                          fuzzy=False, whole=whole)
    part = _words_part("postgresql", feuerwehr)
    # In the text, in the title, the whole word in the title and anywhere, and in the organisation's name (the
    # request names it; the whole word anywhere is asked in and out of the title): six tests of one row read once.
    assert part.count("WHERE t.id = o.id") == 1 and part.count("t.search_vector @@") == 6
    assert "EXISTS" not in part
    # A rare word's tests read its holders (one shared subquery), SQLite's its full-text index: no look-up by id.
    assert "t.id = o.id" not in _words_part("postgresql", _group("museum", 40))
    assert "t.id = o.id" not in _words_part("sqlite", feuerwehr)


def test_postgres_tests_a_candidates_own_row_as_a_value_not_as_a_correlated_exists() -> None:
    # PostgreSQL plans a correlated EXISTS twice (per row and hashed) and estimates its full-text test for each plan.
    common = SqlText("postgresql")
    assert holds_any(common, [_group("hilfe", 50_000)], per_candidate=True).startswith(
        "(SELECT t.search_vector @@ to_tsquery(")
    # A rare word's test of the organisation's name reads the candidate's row by id as well.
    rare = _words_part("postgresql", _group("museum", 40))
    assert "n.id = o.id" in rare and "EXISTS" not in rare


def test_with_candidates_named_the_words_holders_are_looked_for_among_them_only() -> None:
    sql = SqlText("postgresql")
    sql.candidate_ids = lambda: sql.shared(("candidates",), lambda: "SELECT o.id FROM opportunities o WHERE o.lat > 50")
    holds_any(sql, [_group("museum", 40)], per_candidate=True)
    holds_any(sql, [_group("chor", 12)], per_candidate=True)
    shared = sql.with_clause()
    # The candidates come first (the holders read them) and once, however many words ask for them.
    assert shared.startswith("WITH w0 AS MATERIALIZED (SELECT o.id FROM opportunities o WHERE o.lat > 50), w1 AS")
    assert shared.count("SELECT o.id FROM opportunities o") == 1
    assert shared.count("m.id IN (SELECT w0.id FROM w0) AND m.status = 'published'") == 1


def _base(criteria: Criteria) -> str:
    sql = SqlText("postgresql")
    return score_parts(sql, criteria, RankWords(), None, now=datetime(2026, 12, 6, tzinfo=timezone.utc)).base


def test_the_categories_languages_and_newcomers_asked_leave_the_text_as_it_is() -> None:
    one = _base(Criteria(categories=("seniors",)))
    assert _base(Criteria(categories=("seniors", "environment"))) == one
    assert _base(Criteria(categories=("children_youth", "seniors", "environment"))) == one
    assert _base(Criteria(categories=("environment",), lang="en")) == one  # the newcomer part is always written
    spoken = _base(Criteria(categories=("seniors",), languages=("ar",)))
    assert _base(Criteria(categories=("seniors",), languages=("fa",))) == spoken and '"fa"' not in spoken
