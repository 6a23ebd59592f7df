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

from bot.domain import TIME_BITS, time_mask

# Time tags come in families; a listing fits a family when it has one of the asked tags in it, or says nothing
# about that family.
TIME_FAMILIES = (("weekday", "weekend"), ("daytime", "evening"), ("one_off", "regular"))
FAMILY_BITS = tuple(sum(TIME_BITS[tag] for tag in family) for family in TIME_FAMILIES)
# The free time beside a working day: asked together (and without the working day's tags), either one fits.
FREE_TIME_BITS = TIME_BITS["evening"] | TIME_BITS["weekend"]
WORKING_TIME_BITS = TIME_BITS["weekday"] | TIME_BITS["daytime"]


def families(tags: Sequence[str]) -> list[tuple[int, int]]:
    """Returns (asked bits, family bits) for every time family the tags touch."""
    wanted = time_mask(tags)
    return [(wanted & family, family) for family in FAMILY_BITS if wanted & family]


def either_free_time(tags: Sequence[str]) -> bool:
    """Tells whether the wish names the evening and the weekend as a choice (see the module docstring)."""
    return free_time_mask(time_mask(tags))


def free_time_mask(wanted: int) -> bool:
    """Tells whether a wish's time bits name the evening and the weekend as a choice."""
    return wanted & FREE_TIME_BITS == FREE_TIME_BITS and not wanted & WORKING_TIME_BITS


def time_fits(asked: Sequence[str], listed: Sequence[str]) -> bool:
    """Tells whether a listing's time tags fit the asked ones: every family an asked tag or nothing said, with the
    evening or the weekend enough for a wish of both."""
    return masks_fit(time_mask(asked), time_mask(listed))


def masks_fit(wanted: int, offered: int) -> bool:
    """Tells whether a listing's time bits fit a wish's (time_fits on bitmasks, as saved searches store them)."""
    week, day, frequency = (_family_fits(wanted & family, offered & family) for family in FAMILY_BITS)
    if free_time_mask(wanted):
        return (week or day) and frequency
    return week and day and frequency


def _family_fits(asked: int, given: int) -> bool:
    """Tells whether a listing fits one family's asked bits (or one of them says nothing there)."""
    return not (asked and given and not asked & given)
