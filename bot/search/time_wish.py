"""What a wished time admits: per family of time tags an asked tag or nothing said; and, for times named as a
choice, a listing at either of them.

"Samstagabend", "am Wochenende abends", "weekend evenings" name one time: a listing fits when it is held on the
weekend and in the evening (or says nothing of one of them). "Abends oder am Wochenende", "evenings or weekends",
"nach Feierabend und am WE" name two times, the free time a person lists: the NLU says so (ParsedQuery.time_either,
nlu/components/time_choice.py) and a listing on a Saturday morning or a Tuesday evening fits as well; one held at
neither (a weekday in the daytime) does not. A listing at both still ranks first: the time's part of the score
counts each family on its own (bot.search.ranking).

Only a choice of one day (weekday or weekend) and one part of the day (daytime or evening) is read so. "Unter der
Woche abends und am Wochenende" names both days: read family by family it admits the weekend only in the evening,
as the tags do not say which day the evening belongs to.
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Protocol, TypeVar

from bot.domain import TIME_BITS, time_mask

if TYPE_CHECKING:
    from bot.search.criteria import Criteria
    from bot.search.model import SearchOutcome

Fit = TypeVar("Fit")
Combine = Callable[[Fit, Fit], Fit]  # joins two fits as "and" or "or" does (wish_fit)

# Time tags come in families; a listing fits a family when it has one of the asked tags in it, or says nothing
# about that family.
TIME_FAMILIES = (("weekday", "weekend"), ("daytime", "evening"), ("one_off", "regular"))
FAMILY_BITS = tuple(sum(TIME_BITS[tag] for tag in family) for family in TIME_FAMILIES)
WEEK_BITS, DAY_BITS, _ = FAMILY_BITS
# A saved search's time_mask holds this bit beside its tags' when it reads its times as a choice (the alerts' SQL
# prefilter and rule read it there); a listing's never does.
EITHER_BIT = 1 << len(TIME_BITS)


def joined_times(kept: Sequence[str], said: Sequence[str]) -> tuple[str, ...]:
    """Returns the times of a search after a follow-up names new ones: the new ones replace only the kept ones of
    their own families ("nicht abends" after "am Wochenende": weekend in the daytime; "lieber am WE" after "abends
    unter der Woche": weekend evenings)."""
    named = {tag for family in TIME_FAMILIES if set(family) & set(said) for tag in family}
    return tuple(dict.fromkeys((*(tag for tag in kept if tag not in named), *said)))


def families(tags: Sequence[str]) -> list[tuple[int, int]]:
    """Returns (asked bits, family bits) for every time family the tags touch."""
    wanted = time_mask(tags)
    return [(wanted & family, family) for family in FAMILY_BITS if wanted & family]


def reads_as_choice(tags: Sequence[str], either: bool) -> bool:
    """Tells whether a wish admits a listing at either of its times: named as a choice, one day and one part of the
    day (see the module docstring)."""
    return bool(wish_mask(tags, either) & EITHER_BIT)


def wish_mask(tags: Sequence[str], either: bool) -> int:
    """Returns a wish's time bits, with EITHER_BIT when its times are a choice of one day and one part of the day."""
    wanted = time_mask(tags)
    if either and _one_tag(wanted & WEEK_BITS) and _one_tag(wanted & DAY_BITS):
        return wanted | EITHER_BIT
    return wanted


def time_fits(asked: Sequence[str], listed: Sequence[str], *, either: bool = False) -> bool:
    """Tells whether a listing's time tags fit the asked ones: every family an asked tag or nothing said; for a
    choice the day's family or the part of the day's."""
    return masks_fit(wish_mask(asked, either), time_mask(listed))


def wish_fit(week: Fit, day: Fit, frequency: Fit, *, either: bool, every: Combine[Fit], some: Combine[Fit]) -> Fit:
    """Combines how a listing fits each time family into how it fits the wish: every family, or for times named
    as a choice the day's or the part of the day's, and the frequency. The one rule for every form a fit takes
    (a truth value, an array of them, SQL conditions): `every` and `some` join two fits as "and" and "or" do."""
    return every(some(week, day) if either else every(week, day), frequency)


def masks_fit(wanted: int, offered: int) -> bool:
    """Tells whether a listing's time bits fit a wish's (wish_mask: as saved searches store them)."""
    week, day, frequency = (_family_fits(wanted & family, offered & family) for family in FAMILY_BITS)
    return wish_fit(week, day, frequency, either=bool(wanted & EITHER_BIT), every=operator.and_, some=operator.or_)


def _family_fits(asked: int, given: int) -> bool:
    """Tells whether a listing fits one family's asked bits (or one of them says nothing there)."""
    return not (asked and given and not asked & given)


def _one_tag(bits: int) -> bool:
    """Tells whether exactly one tag's bit is set."""
    return bits != 0 and bits & (bits - 1) == 0


class _Timed(Protocol):
    """A found row's time tags (a listing's hit or an ad's)."""

    @property
    def time(self) -> tuple[str, ...]: ...


def not_applied(criteria: Criteria, outcome: SearchOutcome, results: Sequence[_Timed]) -> tuple[str, ...]:
    """Returns the wishes that could not work on the results: a time none of them says anything about.

    Listings without time information pass a time filter (they may fit); when all shown are such, the
    person should know the time was not checked.
    """
    if not criteria.time or "time" in outcome.widened or not results:
        return ()
    families = {tag for family in TIME_FAMILIES if set(family) & set(criteria.time) for tag in family}
    return () if any(families & set(hit.time) for hit in results) else ("time",)
