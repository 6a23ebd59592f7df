"""A SQLite try's ranking reads each full-text test it asks more than once in one pass (bot.search.retrieval)."""

from __future__ import annotations

import re

# A full-text test of the row `o` as bot.search.textmatch.fts_holds writes it (equal queries with one placeholder).
_FTS_TEST = re.compile(r"o\.id IN \(SELECT rowid FROM (\w+) WHERE \1 MATCH :p\d+\)")
_ROW_COLUMN = re.compile(r"\bo\.(\w+)")


def held_once(columns: str, source: str, fence: str) -> tuple[str, str]:
    """Returns a SQLite try's ranking columns and FROM source with each full-text test that the columns ask more than
    once (a word's test in the text serves its score, its part of says_all and of the manner) computed once per
    candidate, as a column of the candidates read first; other columns and sources as given.

    SQLite builds the rows an `o.id IN (SELECT rowid ... MATCH ...)` matches once for each place the test is written,
    not once for equal tests: for "Leichte Sprache in Frankfurt am Main" ten tests built the holders of five queries
    (8,335 rows for "sprache"), and those builds were nearly all of the statement's time, where only 55 candidates
    were ranked. Equal queries are bound to one placeholder (bot.search.sql.SqlText.bind_once), so equal tests have
    equal text. The candidates' columns are those the ranking reads of `o`, so a covering index stays covering.
    """
    tests = [match.group(0) for match in _FTS_TEST.finditer(columns)]
    repeated = list(dict.fromkeys(test for test in tests if tests.count(test) > 1))
    if not repeated:
        return columns, source
    held: list[str] = []
    for number, test in enumerate(repeated):
        columns = columns.replace(test, f"o.held_{number}")
        held.append(f"{test} AS held_{number}")
    read = [name for name in dict.fromkeys(_ROW_COLUMN.findall(columns)) if not name.startswith("held_")]
    row = ", ".join([*(f"o.{name}" for name in read), *held])
    return columns, f"(SELECT {row} FROM {source}{fence}) o"
