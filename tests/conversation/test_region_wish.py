"""A follow-up asking for all of a state or of Germany ("ganz Hessen", "bundesweit", "all of Germany") keeps the
last search's interest and time and drops its place and radius, as the buttons for them do."""

from __future__ import annotations

from datetime import timedelta

import pytest

from bot.conversation.followups import follow_up
from bot.conversation.region_wish import RegionWish, region_wish
from bot.search.criteria import criteria_from
from bot.search.model import Refinement
from bot.search.understanding import parse_text
from bot.store.models import ChatSearch
from bot.store.types import utcnow

NOW = utcnow()


@pytest.mark.parametrize(("message", "state"), [
    ("ganz Hessen", "Hessen"), ("und in ganz Sachsen?", "Sachsen"), ("im ganzen Saarland bitte", "Saarland"),
    ("all of Saxony", "Sachsen"), ("dann lieber überall in Hessen", "Hessen"),
])
def test_all_of_a_state_is_read(message: str, state: str) -> None:
    assert region_wish(message) == RegionWish(state)


@pytest.mark.parametrize("message", ["bundesweit", "und deutschlandweit?", "ganz Deutschland bitte", "egal wo",
                                     "all of Germany", "anywhere in Germany please", "Zeig mir ganz Deutschland"])
def test_all_of_germany_is_read(message: str) -> None:
    assert region_wish(message) == RegionWish(None)


@pytest.mark.parametrize("message", ["Tierheim in ganz Sachsen", "in Sachsen", "ganz toll", "egal was",
                                     "überall Hunde", "was mit Kindern", ""])
def test_anything_more_or_less_is_no_region_wish(message: str) -> None:
    assert region_wish(message) is None


def _after(text: str, message: str, refinement: Refinement | None = None):  # type: ignore[no-untyped-def]
    shown = ChatSearch(volunteer_id=1, query_text=text, refinement=(refinement or Refinement()).to_dict(), offset=0,
                       candidates=[], created_at=NOW - timedelta(minutes=2))
    following = follow_up(shown, parse_text(message), now=NOW, default_radius_km=15)
    assert following is not None, message
    return following, criteria_from(parse_text(following.text), following.refinement, default_radius_km=15)


def test_all_of_a_state_keeps_the_interest_and_the_time_and_drops_the_place() -> None:
    following, criteria = _after("Tierheim in Kassel am Wochenende", "ganz Hessen",
                                 Refinement(radius_km=50.0))
    assert criteria.categories == ("animals",) and criteria.time == ("weekend",)
    assert criteria.place is None and criteria.whole_state == "Hessen"
    assert "Kassel" not in following.text and following.refinement.radius_km is None


def test_all_of_germany_after_a_whole_state_leaves_the_state() -> None:
    following, criteria = _after("Tierheim in ganz Sachsen", "bundesweit")
    assert criteria.categories == ("animals",) and criteria.place is None and criteria.whole_state is None
    assert following.refinement.nationwide is True and "Sachsen" not in following.text


def test_a_place_after_all_of_germany_is_searched_around_again() -> None:
    _, criteria = _after("Tierheim", "und in Kassel?", Refinement(nationwide=True))
    assert criteria.place is not None and criteria.place.name == "Kassel"


def test_a_place_said_in_dialect_leaves_the_text_for_all_of_germany() -> None:
    following, criteria = _after("tiere in dräsdn", "bundesweit")
    assert "dräsdn" not in following.text and criteria.place is None and criteria.categories == ("animals",)


def test_a_new_interest_after_a_state_written_stays_in_the_state() -> None:
    following, criteria = _after("ganz Sachsen", "was mit Kindern")
    assert criteria.whole_state == "Sachsen" and criteria.categories == ("children_youth",)


def test_a_new_interest_after_all_of_germany_stays_nationwide() -> None:
    following, _ = _after("Tierheim", "was mit Kindern", Refinement(nationwide=True))
    assert following.refinement.nationwide is True and following.refinement.place is None
