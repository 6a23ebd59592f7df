"""Conditions "this listing holds these words" answered by the full-text index of each database.

SQLite asks its FTS5 table, PostgreSQL the GIN-indexed tsvector column; both index the folded title and
description of published listings only (migration 0003), and both get the same terms, so they agree.
SQLite answers with the set of matching ids (decoding FTS5 doclists is cheap); PostgreSQL tests each
candidate's stored vector, which costs microseconds, where building the set nationwide meant visiting
the table once for every listing holding a common word (and the GIN index still serves filters).
"""

from __future__ import annotations

from collections.abc import Sequence

from bot.search.sql import SqlText
from bot.search.vocabulary import TermGroup


def holds_any(sql: SqlText, groups: Sequence[TermGroup], *, title_only: bool = False) -> str:
    """Returns an SQL condition on the row `o`: its text (or title) holds a term of any of the groups."""
    if sql.is_sqlite:
        expression = " OR ".join(f"({_fts5(group)})" for group in groups)
        if title_only:
            expression = f"title : ({expression})"
        return (
            "o.id IN (SELECT rowid FROM opportunity_search "
            f"WHERE opportunity_search MATCH {sql.bind(expression)})"
        )
    weight = "A" if title_only else ""
    expression = " | ".join(f"({_tsquery(group, weight)})" for group in groups)
    return f"o.search_vector @@ to_tsquery('simple'::regconfig, {sql.bind(expression)})"


def _fts5(group: TermGroup) -> str:
    """Returns an FTS5 query for one group: quoted terms and quoted prefixes (index words are [a-z0-9])."""
    parts = [f'"{term}"' for term in group.terms] + [f'"{prefix}"*' for prefix in group.prefixes]
    return " OR ".join(parts)


def _tsquery(group: TermGroup, weight: str) -> str:
    """Returns a tsquery for one group, optionally restricted to a weight (A is the title)."""
    parts = [f"{term}:{weight}" if weight else term for term in group.terms]
    parts += [f"{prefix}:*{weight}" for prefix in group.prefixes]
    return " | ".join(parts)
