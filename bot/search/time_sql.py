"""The time wish in SQL: the filter a listing must pass (an asked tag, or nothing said, per family; a day and a part
of the day named as a choice as one condition: bot.search.time_wish), the listings at other times a firm time still
lets in (those saying a word of the wish), and the time's part of the score."""

from __future__ import annotations

import operator
from collections.abc import Sequence
from typing import TYPE_CHECKING

from bot.domain import time_mask
from bot.search.sql import SqlText
from bot.search.time_wish import FAMILY_BITS, families, reads_as_choice, wish_fit

if TYPE_CHECKING:
    from bot.search.criteria import Criteria
    from bot.search.rank_words import RankWords
    from bot.search.widening import Attempt


def time_conditions(sql: SqlText, tags: Sequence[str], *, either: bool = False) -> list[str]:
    """Returns one condition per asked time family: an asked tag, or nothing said about that family; a day and a
    part of the day named as a choice as one condition, either of them (bot.search.time_wish)."""
    wanted = time_mask(tags)
    week, day, frequency = (
        [f"((o.time_mask & {sql.integer(wanted & family)}) <> 0 OR (o.time_mask & {sql.integer(family)}) = 0)"]
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


def admits_other_times(criteria: Criteria, attempt: Attempt, words: RankWords) -> bool:
    """Tells whether a try's firm time lets in the listings at other times that say a word of the wish.

    A firm time ("abends", "am Wochenende") left out every listing whose time tags said another time, while the
    field's rows saying nothing about time passed: the one listing naming what was asked (the music group, the
    homeless shelter's kitchen, the clean-up held regularly for "ab und zu") gave way to rows of the field that hold
    none of the request's words (judged dev halves of Nürnberg, Leipzig, Sachsen and Dresden). The tags are also
    read from the listings' texts and miss times ("Jeden Montag 19:30 Uhr"). So where the rows at the time hold none
    of the request's words, a listing at another time saying one is kept (at_time_or_saying), ranked as a preferred
    time ranks it (bot.search.ranking.preferred_time): what the time admits first among the alike, and the headers
    say so (bot.search.notes.time_notes). Rows holding none of the words are still left out at other times; a time
    ruled out ("nicht am Wochenende": Criteria.firm_time) never comes back.
    """
    return attempt.strict_time and bool(criteria.time) and bool(words.wished())


def timed_column(sql: SqlText, criteria: Criteria) -> str:
    """Returns the SQL column telling whether the row `o` fits the asked time (1) or says another time (0)."""
    fits = " AND ".join(time_conditions(sql, criteria.time, either=criteria.time_either))
    return f"CASE WHEN {fits} THEN 1 ELSE 0 END AS timed"


def at_time_or_saying(scored: str, enough: int) -> str:
    """Returns the scored rows `c` (a subquery `t` with the timed column and the words' parts) that fit the asked
    time, and, where at least `enough` fit it and none of those holds a word of the wish, the rows at other times
    holding one.

    So the listings at other times only take the place of rows at the time that answer the field alone: where too few
    fit the time the search widens as before (farther, then at any time: bot.search.widening), and where some at the
    time hold the words they are the answer (letting in the others wherever fewer than `enough` did cost the natural
    messages, whose writers' labels hold the time, 0.973 -> 0.951 within the reported radius: "Kleiderkammer,
    samstags" showed four on weekdays after the one on Saturday). Admitted only where the field's rows at the time
    were enough, they never change whether a try is taken."""
    holds = "t.words + t.named + t.kind + t.manner > 0"
    counted = (f"SELECT t.*, SUM(t.timed) OVER () AS timed_total, "
               f"SUM(CASE WHEN t.timed = 1 AND {holds} THEN 1 ELSE 0 END) OVER () AS timed_holding FROM {scored}")
    return (f"(SELECT * FROM ({counted}) t WHERE t.timed = 1 OR ({holds} AND t.timed_total >= {enough} "
            f"AND t.timed_holding = 0)) c")
