"""A wish for a wider or narrower radius after a result ("weiter weg", "näher dran", "further away", "closer
to home") steps the last search's radius along the radii the "📏 Umkreis" button offers, and keeps everything else
of it."""

from __future__ import annotations

from datetime import timedelta

import pytest

from bot.conversation import state
from bot.conversation.followups import follow_up
from bot.conversation.radius_wish import Reach, radius_wish, stepped
from bot.domain import RADIUS_CHOICES_KM
from bot.search.criteria import criteria_from
from bot.search.model import PlaceRef, Refinement
from bot.search.understanding import parse_text
from bot.store.models import ChatSearch
from bot.store.types import utcnow

NOW = utcnow()


def _shown(text: str, refinement: Refinement | None = None) -> ChatSearch:
    return ChatSearch(volunteer_id=1, query_text=text, refinement=(refinement or Refinement()).to_dict(), offset=0,
                      candidates=[], created_at=NOW - timedelta(minutes=2))


def _following(text: str, message: str, refinement: Refinement | None = None):  # type: ignore[no-untyped-def]
    following = follow_up(_shown(text, refinement), parse_text(message), now=NOW, default_radius_km=15)
    assert following is not None, message
    criteria = criteria_from(parse_text(following.text), following.refinement, default_radius_km=15)
    return following, criteria


@pytest.mark.parametrize("message", ["weiter weg", "auch weiter weg", "größerer Umkreis", "mehr Umkreis",
                                     "darf gern weiter entfernt sein", "further away", "a bit further",
                                     "bigger radius please"])
def test_a_wish_for_further_steps_to_the_next_radius_offered(message: str) -> None:
    following, criteria = _following("Tierheim in Kassel am Wochenende", message)
    assert criteria.radius_km == 30 and criteria.categories == ("animals",) and criteria.time == ("weekend",)
    assert criteria.place is not None and criteria.place.name == "Kassel"
    assert following.radius_step is not None and (following.radius_step.from_km, following.radius_step.to_km) == (
        15, 30)


@pytest.mark.parametrize("message", ["näher dran", "nur ganz in der Nähe", "in der Nähe bitte",
                                     "nicht so weit weg", "something closer",
                                     "smaller radius", "not so far away please"])
def test_a_wish_for_closer_steps_back_from_the_chosen_radius(message: str) -> None:
    _, criteria = _following("Tafel in Fulda", message, Refinement(radius_km=50.0))
    assert criteria.radius_km == 30 and criteria.categories == ("poverty_homelessness",)


def test_a_radius_said_in_the_text_is_stepped_from_too() -> None:
    _, criteria = _following("Tierheim in Kassel im Umkreis von 20 km", "weiter weg")
    assert criteria.radius_km == 30
    _, criteria = _following("Tierheim in Kassel im Umkreis von 20 km", "näher dran")
    assert criteria.radius_km == 15


def test_at_the_widest_or_narrowest_radius_it_stays_and_says_so() -> None:
    widest, narrowest = float(RADIUS_CHOICES_KM[-1]), float(RADIUS_CHOICES_KM[0])
    following, criteria = _following("Tierheim in Kassel", "noch weiter weg", Refinement(radius_km=widest))
    assert criteria.radius_km == widest and following.radius_step is not None and following.radius_step.at_the_end
    following, criteria = _following("Tierheim in Kassel", "näher dran", Refinement(radius_km=narrowest))
    assert criteria.radius_km == narrowest and following.radius_step is not None and following.radius_step.at_the_end


def test_a_number_is_the_radius_not_a_wish() -> None:
    following, criteria = _following("Tierheim in Kassel", "50 km, ruhig weiter weg")
    assert criteria.radius_km == 50 and following.radius_step is None


def test_a_new_interest_with_the_wish_keeps_the_place_one_step_wider() -> None:
    following, criteria = _following("Lesepate in Kassel", "was mit Tieren, gern auch weiter weg")
    assert criteria.categories == ("animals",) and criteria.radius_km == 30 and following.kept_place == "Kassel"


def test_another_place_with_the_wish_moves_the_search_one_step_wider() -> None:
    _, criteria = _following("Tierheim in Kassel", "weiter weg in Leipzig")
    assert criteria.categories == ("animals",) and criteria.radius_km == 30
    assert criteria.place is not None and criteria.place.name == "Leipzig"


def test_a_new_interest_and_place_with_the_wish_is_a_search_of_its_own_one_step_wider() -> None:
    following, criteria = _following("Tierheim in Kassel", "Tafel in Fulda, auch weiter weg",
                                     Refinement(radius_km=30.0))
    assert criteria.categories == ("poverty_homelessness",) and criteria.radius_km == 50
    assert criteria.place is not None and criteria.place.name == "Fulda" and "Tierheim" not in following.text


def test_an_online_search_has_no_radius_to_move_and_is_shown_again_saying_so() -> None:
    online = Refinement(remote=True, place=PlaceRef(name="Kassel", lat=51.3167, lon=9.5))
    following = follow_up(_shown("was mit Computern", online), parse_text("weiter weg"), now=NOW)
    assert following is not None and following.refinement == online
    assert following.radius_step is not None and not following.radius_step.around_place


def test_words_about_something_else_are_no_wish() -> None:
    assert radius_wish("Tierheim in Kassel") is None and radius_wish("weiter") is None
    assert radius_wish("ich bin schon weiter") is None


@pytest.mark.parametrize("message", ["ich bin noch nicht so weit", "I'm not so far yet",
                                     "hm, das ist mir näher als Kinder", "Kannst du das näher erklären?",
                                     "which one is closer to the station?", "is that nearer the centre?"])
def test_words_that_only_sound_like_distance_are_no_wish(message: str) -> None:
    assert radius_wish(message) is None


@pytest.mark.parametrize("message", ["näher", "noch etwas näher bitte", "closer please", "nicht so weit", "nearer"])
def test_those_words_alone_are_a_wish(message: str) -> None:
    wish = radius_wish(message)
    assert wish is not None and wish.reach is Reach.CLOSER and wish.rest == ""


def test_a_radius_between_the_offered_ones_goes_to_the_next_offered() -> None:
    assert stepped(20.0, Reach.WIDER).to_km == 30 and stepped(20.0, Reach.CLOSER).to_km == 15
    assert stepped(200.0, Reach.CLOSER).to_km == RADIUS_CHOICES_KM[-1]


def test_a_search_around_the_saved_home_place_moves_its_radius_too() -> None:
    following, criteria = _following("Tierheim", "weiter weg")
    assert criteria.categories == ("animals",) and criteria.radius_km == 30 and following.radius_step is not None


def test_a_whole_state_has_no_radius_to_move_and_is_shown_again_saying_so() -> None:
    following = follow_up(_shown("Tierheim", Refinement(whole_state="Sachsen")), parse_text("näher dran"), now=NOW)
    assert following is not None and following.refinement.whole_state == "Sachsen"
    assert following.radius_step is not None and not following.radius_step.around_place


def test_a_wish_steps_from_the_radius_the_answer_showed_not_the_one_asked() -> None:
    shown = _shown("Tierheim in Kassel")
    state.keep_shown_radius(shown, 50.0)  # asked at 15 km, widened to 50 km for too few
    closer = follow_up(shown, parse_text("nicht so weit weg"), now=NOW, default_radius_km=15)
    further = follow_up(shown, parse_text("weiter weg"), now=NOW, default_radius_km=15)
    assert closer is not None and closer.radius_step is not None and closer.refinement.radius_km == 30
    assert (closer.radius_step.from_km, closer.radius_step.to_km) == (50, 30)
    assert further is not None and further.refinement.radius_km == 100
