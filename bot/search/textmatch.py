"""Conditions "this listing holds these words" answered by the full-text index of each database.

SQLite asks its FTS5 table, PostgreSQL the GIN-indexed tsvector column; both index the folded title and
description of published listings only (migration 0003), and both get the same terms, so they agree.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import String, column, func, literal, literal_column, select, table
from sqlalchemy.sql.elements import ColumnElement

from bot.search.vocabulary import TermGroup
from bot.store.models import Opportunity

OPPORTUNITIES = Opportunity.__table__
_FTS = table("opportunity_search", column("rowid"))
_MATCHED = OPPORTUNITIES.alias("matched")


def holds_any(dialect: str, groups: Sequence[TermGroup], *, title_only: bool = False) -> ColumnElement[bool]:
    """Returns a condition: the listing's text (or title) holds a term of any of the groups."""
    if dialect == "sqlite":
        expression = " OR ".join(f"({_fts5(group)})" for group in groups)
        if title_only:
            expression = f"title : ({expression})"
        found = select(_FTS.c.rowid).where(literal_column("opportunity_search").op("MATCH")(literal(expression, String)))
        return OPPORTUNITIES.c.id.in_(found)
    weight = "A" if title_only else ""
    expression = " | ".join(f"({_tsquery(group, weight)})" for group in groups)
    tsquery = func.to_tsquery(literal_column("'simple'::regconfig"), literal(expression, String))
    found = select(_MATCHED.c.id).where(
        _MATCHED.c.status == literal_column("'published'"),
        literal_column("matched.search_vector").op("@@")(tsquery),
    )
    return OPPORTUNITIES.c.id.in_(found)


def _fts5(group: TermGroup) -> str:
    """Returns an FTS5 query for one group: quoted terms and quoted prefixes (index words are [a-z0-9])."""
    parts = [f'"{term}"' for term in group.terms] + [f'"{prefix}"*' for prefix in group.prefixes]
    return " OR ".join(parts)


def _tsquery(group: TermGroup, weight: str) -> str:
    """Returns a tsquery for one group, optionally restricted to a weight (A is the title)."""
    parts = [f"{term}:{weight}" if weight else term for term in group.terms]
    parts += [f"{prefix}:*{weight}" for prefix in group.prefixes]
    return " | ".join(parts)
