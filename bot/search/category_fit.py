"""The category part of a listing's fit: how many of the searched categories it is in, and how much a word that
only named one of them counts in a listing of none of the others (bot.search.ranking adds them up)."""

from __future__ import annotations

from collections.abc import Sequence

from bot.categories import categories
from bot.search.rank_words import people_fields
from bot.search.sql import SqlText

# Categories the category fit tests at least (see category_fit): requests for one, two or three share a statement.
CATEGORY_TESTS = 3


def category_fit(sql: SqlText, keys: Sequence[str], weight: float) -> str:
    """Returns 0 outside the wanted categories, else a half plus half the share of wanted ones it has.

    "Jugendfeuerwehr" asks for youth and emergency services at once: a listing in both fits clearly better. Where
    the request names a field of activity and the people it is for ("Sport mit Senioren", "sport mit kids"), a
    listing only for those people (data/search/people_fields.toml) does another activity for them: it gains only
    its share, not the half. Half the half still kept Rhein-Main's "Digitalpat*innen für Senior*innen" among the
    first five of "Anything in health or with older people?" (judged sets, --inferred).
    """
    table = categories()
    bits = [1 << table[key].bit for key in keys]
    activity = [1 << table[key].bit for key in keys if key not in people_fields()]
    # Written for every request (the second test unreached without both kinds): one statement shape for all.
    first = sum(activity) if activity and len(activity) < len(bits) else sum(bits)
    # Padded with bits no listing has (0) up to CATEGORY_TESTS: one statement for one to three categories, and
    # the sum unchanged (adding 0.0 leaves a double as it is).
    tested = bits + [0] * (CATEGORY_TESTS - len(bits))
    share = " + ".join(
        f"CASE WHEN (o.category_mask & {sql.integer(bit)}) <> 0 THEN {sql.number(weight * 0.5 / len(bits))} "
        f"ELSE {sql.number(0)} END"
        for bit in tested
    )
    return (
        f"CASE WHEN (o.category_mask & {sql.integer(first)}) <> 0 THEN {sql.number(weight * 0.5)} + {share} "
        f"WHEN (o.category_mask & {sql.integer(sum(bits))}) <> 0 THEN {share} "
        f"ELSE {sql.number(0)} END"
    )


def searches_both(keys: Sequence[str]) -> bool:
    """Tells whether the searched categories hold a field of activity and a field of people."""
    return any(key in people_fields() for key in keys) and any(key not in people_fields() for key in keys)


def both_fields(sql: SqlText, keys: Sequence[str]) -> str | None:
    """Returns an SQL condition on the row `o`: it is in one of the searched fields of activity and in one of the
    searched fields of people (data/search/people_fields.toml); None when the request does not search both kinds.

    "Sport mit Kindern", "Sport mit Menschen mit Behinderung", "alten Leuten Gesellschaft leisten": a listing of
    both answers the request, one of either only half of it (bot.search.tiers: the related ones).
    """
    if not searches_both(keys):
        return None
    table = categories()
    activity = sum(1 << table[key].bit for key in keys if key not in people_fields())
    people = sum(1 << table[key].bit for key in keys if key in people_fields())
    return (f"((o.category_mask & {sql.integer(activity)}) <> 0 "
            f"AND (o.category_mask & {sql.integer(people)}) <> 0)")


def beside_other_fields(
    sql: SqlText, part: str, named: Sequence[str], searched: Sequence[str], other_field: float,
) -> str:
    """Returns a word's part that named some of several searched categories: full for a listing in one of the
    others, other_field of it (bot.search.weights.Weights.other_field) for a listing only in those the word named
    (its category fit said it)."""
    others = [key for key in searched if key not in named]
    if not named or not others or other_field == 1.0:
        return part
    table = categories()
    bits = sum(1 << table[key].bit for key in others)
    return (f"({part}) * CASE WHEN (o.category_mask & {sql.integer(bits)}) <> 0 THEN {sql.number(1)} "
            f"ELSE {sql.number(other_field)} END")
