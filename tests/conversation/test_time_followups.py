"""A time said after a result replaces only the kept time of its own family: "nicht abends" after "am
Wochenende" keeps the weekend; "lieber am WE" after "abends unter der Woche" keeps the evening."""

from __future__ import annotations

from datetime import timedelta

import pytest

from bot.conversation.followups import follow_up
from bot.search.criteria import criteria_from
from bot.search.model import Refinement
from bot.search.time_wish import joined_times
from bot.search.understanding import parse_text
from bot.store.models import ChatSearch
from bot.store.types import utcnow

NOW = utcnow()


@pytest.mark.parametrize(("kept", "said", "joined"), [
    (("weekend",), ("daytime",), ("weekend", "daytime")),
    (("weekday", "evening"), ("weekend",), ("evening", "weekend")),
    (("weekend", "regular"), ("weekday",), ("regular", "weekday")),
    ((), ("evening",), ("evening",)),
    (("daytime",), ("evening",), ("evening",)),
])
def test_a_new_time_replaces_its_family_only(kept: tuple[str, ...], said: tuple[str, ...],
                                             joined: tuple[str, ...]) -> None:
    assert joined_times(kept, said) == joined


def _after(text: str, message: str) -> tuple[str, ...]:
    shown = ChatSearch(volunteer_id=1, query_text=text, refinement=Refinement().to_dict(), offset=0,
                       candidates=[], created_at=NOW - timedelta(minutes=2))
    following = follow_up(shown, parse_text(message), now=NOW, default_radius_km=15)
    assert following is not None, message
    return criteria_from(parse_text(following.text), following.refinement, default_radius_km=15).time


def test_not_in_the_evening_keeps_the_weekend() -> None:
    assert set(_after("am Wochenende was mit Senioren in Leipzig", "nicht abends")) == {"weekend", "daytime"}


def test_rather_at_the_weekend_keeps_the_evening() -> None:
    assert set(_after("abends unter der Woche Tierheim in Kassel", "lieber am WE")) == {"weekend", "evening"}


def test_a_time_after_one_ruled_out_keeps_the_ruled_out_one_firm() -> None:
    going_on, parse, now = follow_up, parse_text, utcnow
    shown = ChatSearch(volunteer_id=1, query_text="Tiere in Würzburg, nicht am Wochenende", refinement={}, offset=0,
                  candidates=[], created_at=now())
    following = going_on(shown, parse("nur abends"), now=now())
    assert following is not None
    criteria = criteria_from(parse(following.text), following.refinement, default_radius_km=15)
    assert set(criteria.time) == {"weekday", "evening"} and criteria.firm_time == ("weekday",)
    again = going_on(shown, parse("lieber doch am Wochenende"), now=now())
    assert again is not None
    assert criteria_from(parse(again.text), again.refinement, default_radius_km=15).firm_time == ()


def _soft_after(text: str, message: str) -> tuple[tuple[str, ...], bool]:
    shown = ChatSearch(volunteer_id=1, query_text=text, refinement=Refinement().to_dict(), offset=0,
                       candidates=[], created_at=NOW - timedelta(minutes=2))
    following = follow_up(shown, parse_text(message), now=NOW, default_radius_km=15)
    assert following is not None, message
    criteria = criteria_from(parse_text(following.text), following.refinement, default_radius_km=15)
    return criteria.time, criteria.time_soft


def test_a_wished_time_stays_a_wish_for_a_new_interest() -> None:
    time, soft = _soft_after("Tierheim in Kassel, am liebsten abends", "was mit Senioren")
    assert time == ("evening",) and soft

