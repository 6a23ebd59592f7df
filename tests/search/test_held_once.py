"""A SQLite try reads each full-text test its ranking asks more than once in one pass (bot.search.held_once)."""

from __future__ import annotations

import sqlite3

from bot.search.held_once import held_once
from bot.search.sql import SqlText
from bot.search.textmatch import fts_holds


def test_equal_texts_are_bound_to_one_placeholder() -> None:
    sql = SqlText("sqlite")
    first, other, again = sql.bind_once('"sprache"'), sql.bind_once('"leichte"'), sql.bind_once('"sprache"')
    assert first == again != other
    sql.statement(f"SELECT {first}, {other}, {again}")
    assert sql._values == {"p0": '"sprache"', "p1": '"leichte"'}


def _database() -> sqlite3.Connection:
    connection = sqlite3.connect(":memory:")
    connection.execute("CREATE TABLE opportunities (id INTEGER PRIMARY KEY, category_mask INTEGER, title TEXT)")
    connection.execute("CREATE VIRTUAL TABLE opportunity_search USING fts5(title)")
    titles = ["Leichte Sprache", "Sprache lernen", "Leichte Arbeit", "Garten", "Sprache und leichte Texte"]
    for number, title in enumerate(titles, start=1):
        connection.execute("INSERT INTO opportunities VALUES (?, ?, ?)", (number, number % 3, title))
        connection.execute("INSERT INTO opportunity_search (rowid, title) VALUES (?, ?)", (number, title))
    return connection


def test_a_test_asked_twice_is_read_once_per_candidate_with_the_same_rows() -> None:
    sql = SqlText("sqlite")
    speech, light, again = fts_holds(sql, '"sprache"'), fts_holds(sql, '"leichte"'), fts_holds(sql, '"sprache"')
    columns = (f"o.id AS id, CASE WHEN {speech} THEN 2 ELSE 0 END + o.category_mask AS words, "
               f"CASE WHEN {speech} AND {again} THEN 1 ELSE 0 END AS says_all, "
               f"CASE WHEN {light} THEN 1 ELSE 0 END AS manner")
    source, fence = "opportunities o WHERE o.category_mask >= 0", " LIMIT -1 OFFSET 0"
    held_columns, held_source = held_once(columns, source, fence)
    before = f"SELECT {columns} FROM {source}{fence}"
    after = f"SELECT {held_columns} FROM {held_source}{fence}"
    assert before.count(speech) == 3 and after.count(speech) == 1
    assert after.count(light) == 1  # asked once: left where it was
    assert "o.title" not in after  # only the columns the ranking reads of the row
    connection = _database()
    rows = connection.execute(f"SELECT * FROM ({after}) ORDER BY id", sql._values).fetchall()
    assert rows == connection.execute(f"SELECT * FROM ({before}) ORDER BY id", sql._values).fetchall()
    assert [row[1] for row in rows] == [3, 4, 0, 1, 4]


def test_columns_without_repeated_tests_are_left_as_they_are() -> None:
    sql = SqlText("sqlite")
    garden = fts_holds(sql, '"garten"')
    columns = f"o.id AS id, CASE WHEN {garden} THEN 1 ELSE 0 END AS words"
    assert held_once(columns, "opportunities o", "") == (columns, "opportunities o")
