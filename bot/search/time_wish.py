"""What a wished time admits: per family of time tags an asked tag or nothing said, and the free time beside a
working day read as the choice it is.

"Abends oder am Wochenende", "evenings or weekends", "nach Feierabend und am WE": someone who names the evening and
the weekend together, and neither daytime nor weekdays, is free at either. A listing on a Saturday morning or on a
Tuesday evening fits them; only one held on weekdays in the daytime (working hours) does not. Read family by family,
as every other wish is, only listings held on weekend evenings were let through. A listing at both times still ranks
first: the time's part of the score counts each family on its own (bot.search.ranking).
"""

from __future__ import annotations

from collections.abc import Sequence

from bot.domain import TIME_BITS

# Time tags come in families; a listing fits a family when it has one of the asked tags in it, or says nothing
# about that family.
TIME_FAMILIES = (("weekday", "weekend"), ("daytime", "evening"), ("one_off", "regular"))
# The free time beside a working day: asked together (and without the working day's tags), either one fits.
FREE_TIME = frozenset({"evening", "weekend"})
WORKING_TIME = frozenset({"weekday", "daytime"})


def families(tags: Sequence[str]) -> list[tuple[int, int]]:
    """Returns (asked bits, family bits) for every time family the tags touch."""
    result = []
    for family in TIME_FAMILIES:
        asked = sum(TIME_BITS[tag] for tag in family if tag in tags)
        if asked:
            result.append((asked, sum(TIME_BITS[tag] for tag in family)))
    return result


def either_free_time(tags: Sequence[str]) -> bool:
    """Tells whether the wish names the evening and the weekend as a choice (see the module docstring)."""
    asked = set(tags)
    return FREE_TIME <= asked and not asked & WORKING_TIME


def time_fits(asked: Sequence[str], listed: Sequence[str]) -> bool:
    """Tells whether a listing's time tags fit the asked ones: every family an asked tag or nothing said, with the
    evening or the weekend enough for a wish of both."""
    week, day, frequency = (_fits_family(family, asked, listed) for family in TIME_FAMILIES)
    if either_free_time(asked):
        return (week or day) and frequency
    return week and day and frequency


def _fits_family(family: Sequence[str], asked: Sequence[str], listed: Sequence[str]) -> bool:
    """Tells whether a listing fits the asked tags of one family (or says nothing about it)."""
    wanted, said = set(asked) & set(family), set(listed) & set(family)
    return not (wanted and said and not wanted & said)
