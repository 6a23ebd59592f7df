"""The time wish in SQL: the filter a listing must pass (an asked tag, or nothing said, per family; a day and a part
of the day named as a choice as one condition: bot.search.time_wish) and the time's part of the score."""

from __future__ import annotations

import operator
from collections.abc import Sequence

from bot.domain import time_mask
from bot.search.sql import SqlText
from bot.search.time_wish import FAMILY_BITS, families, reads_as_choice, wish_fit


def time_conditions(sql: SqlText, tags: Sequence[str], *, either: bool = False, stated: bool = False) -> list[str]:
    """Returns one condition per asked time family: an asked tag, or nothing said about that family (not so when
    `stated`: the listing must say an asked tag); a day and a part of the day named as a choice as one condition,
    either of them (bot.search.time_wish)."""
    wanted = time_mask(tags)
    week, day, frequency = (
        [f"(o.time_mask & {sql.integer(wanted & family)}) <> 0" if stated else
         f"((o.time_mask & {sql.integer(wanted & family)}) <> 0 OR (o.time_mask & {sql.integer(family)}) = 0)"]
        if wanted & family else [] for family in FAMILY_BITS
    )  # each family's conditions, none where nothing is asked
    return wish_fit(week, day, frequency, either=reads_as_choice(tags, either), every=operator.add, some=_either_of)


def _either_of(first: list[str], second: list[str]) -> list[str]:
    """Returns the condition that one of two families' conditions holds (none when one of them has none)."""
    if not first or not second:
        return []
    return [f"({' AND '.join(first)} OR {' AND '.join(second)})"]


def time_fit(sql: SqlText, tags: Sequence[str], weight: float) -> list[str]:
    """Returns one part per asked family: an asked tag counts fully, saying nothing half."""
    touched = families(tags)
    share = weight / len(touched)
    return [
        f"CASE WHEN (o.time_mask & {sql.integer(asked)}) <> 0 THEN {sql.number(share)} "
        f"WHEN (o.time_mask & {sql.integer(family)}) = 0 THEN {sql.number(share / 2)} ELSE {sql.number(0)} END"
        for asked, family in touched
    ]
