"""What a follow-up's answer said it kept from the last search is stored with the search and stays as long as the
button filters leave it true (bot.conversation.state.Followed)."""

from __future__ import annotations

from typing import Any

import pytest

from bot.conversation import state
from bot.conversation.radius_wish import RadiusStep, Reach
from bot.search.model import PlaceRef, Refinement
from bot.store.models import ChatSearch

KASSEL = PlaceRef(name="Kassel", lat=51.3167, lon=9.5, state="Hessen")
FULDA = PlaceRef(name="Fulda", lat=50.5558, lon=9.6808, state="Hessen")
ALL_OF_IT = state.Followed(kept_place="Kassel", kept_interest=True, radius_step=RadiusStep(Reach.WIDER, 15.0, 30.0))


def _search(refinement: Refinement, kept: state.Followed = ALL_OF_IT) -> ChatSearch:
    stored = ChatSearch(volunteer_id=1, query_text="Tierheim", refinement=refinement.to_dict(), offset=10,
                        candidates=[])
    state.keep_followed(stored, kept)
    return stored


def test_what_was_kept_comes_back_as_stored_and_a_follow_up_that_kept_nothing_stores_nothing() -> None:
    stored = _search(Refinement(place=KASSEL, radius_km=30.0))
    assert state.followed(stored) == ALL_OF_IT
    assert state.refinement_of(stored) == Refinement(place=KASSEL, radius_km=30.0)  # no filter of its own
    nothing = _search(Refinement(place=KASSEL), state.Followed())
    assert state.followed(nothing) == state.Followed() and "followed" not in (nothing.refinement or {})


@pytest.mark.parametrize("stored", [
    "Kassel", ["Kassel"], {"kept_place": 3, "kept_interest": "yes"}, {"radius_step": {"reach": "sideways"}},
    {"radius_step": {"reach": "wider", "from_km": "x", "to_km": 30}}, {"radius_step": [15, 30]},
])
def test_a_stored_value_this_code_did_not_write_says_nothing(stored: Any) -> None:
    search = ChatSearch(volunteer_id=1, query_text="", refinement={"followed": stored}, offset=0, candidates=[])
    kept = state.followed(search)
    assert kept.kept_place is None and not kept.kept_interest and kept.radius_step is None


def test_a_page_turned_or_a_time_pressed_keeps_all_of_it() -> None:
    stored = _search(Refinement(place=KASSEL, radius_km=30.0))
    state.refine_to(stored, state.refinement_of(stored).with_times(("weekend",)))
    assert state.followed(stored) == ALL_OF_IT and stored.offset == 0


def test_a_radius_pressed_replaces_the_step_only() -> None:
    stored = _search(Refinement(place=KASSEL, radius_km=30.0))
    state.refine(stored, radius_km=50.0)
    assert state.followed(stored) == state.Followed(kept_place="Kassel", kept_interest=True)


@pytest.mark.parametrize("changes", [{"place": FULDA}, {"whole_state": "Hessen"}, {"nationwide": True},
                                     {"remote": True}])
def test_another_place_or_region_pressed_ends_the_kept_place_and_the_step(changes: dict[str, object]) -> None:
    stored = _search(Refinement(place=KASSEL, radius_km=30.0))
    state.refine(stored, **changes)
    assert state.followed(stored) == state.Followed(kept_interest=True)


def test_an_area_pressed_ends_the_kept_interest() -> None:
    stored = _search(Refinement(place=KASSEL, radius_km=30.0))
    state.refine(stored, categories=("seniors",))
    assert state.followed(stored) == replace_interest(ALL_OF_IT)


def test_the_home_place_taken_by_the_search_keeps_what_was_said() -> None:
    stored = _search(Refinement())
    state.keep_refinement(stored, Refinement(place=KASSEL))
    assert state.followed(stored) == ALL_OF_IT


def replace_interest(kept: state.Followed) -> state.Followed:
    return state.Followed(kept_place=kept.kept_place, radius_step=kept.radius_step)
