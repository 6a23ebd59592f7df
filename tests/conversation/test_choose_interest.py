"""An area chosen by button replaces what the text said about the interest; what the text rules out stays."""

from __future__ import annotations

from bot.conversation import state
from bot.conversation.searches import ChatSearches
from bot.search.criteria import criteria_from, merged_query
from bot.search.understanding import parse_text
from bot.store.models import ChatSearch


def _chosen(text: str, categories: tuple[str, ...]) -> ChatSearch:
    stored = ChatSearch(volunteer_id=1, query_text=text, refinement={}, offset=5, candidates=[])
    ChatSearches(default_radius_km=15.0).choose_interest(stored, categories)
    return stored


def test_a_text_that_named_no_interest_keeps_what_it_rules_out() -> None:
    stored = _chosen("ohne Hunde in Kassel", ("animals",))
    assert stored.query_text == "ohne Hunde in Kassel" and stored.offset == 0
    refinement = state.refinement_of(stored)
    assert refinement.categories == ("animals",) and refinement.place is not None


def test_a_text_that_named_an_interest_is_replaced_by_the_area() -> None:
    for text in ("Senioren besuchen in Kassel", "Gitarrenunterricht in Kassel", "sdfghj hjkhjk in Kassel"):
        stored = _chosen(text, ("animals",))
        assert stored.query_text == "" and state.refinement_of(stored).categories == ("animals",)


def test_an_area_chosen_keeps_a_wished_time_a_wish() -> None:
    # "am liebsten abends" ranks, it does not filter: turned into the button's filters it stays a preference
    for text in ("Tierheim in Kassel, am liebsten abends", "Nachhilfe in Fulda, möglichst am Wochenende"):
        stored = _chosen(text, ("seniors",))
        criteria = criteria_from(parse_text(stored.query_text), state.refinement_of(stored), default_radius_km=15)
        assert criteria.time and criteria.time_soft, text


def test_an_area_chosen_keeps_a_firm_time_firm() -> None:
    stored = _chosen("Tierheim in Kassel, nur abends", ("seniors",))
    criteria = criteria_from(parse_text(stored.query_text), state.refinement_of(stored), default_radius_km=15)
    assert criteria.time == ("evening",) and not criteria.time_soft


def test_an_area_chosen_keeps_little_german() -> None:
    # the text that said "kaum Deutsch" is dropped for the area's filters: the newcomer still speaks little German,
    # in the criteria that rank and in the query whose header says "mit wenig Deutsch"
    for text in ("ich spreche kaum Deutsch, suche was mit Kindern in Leipzig",
                 "my German is basically zero, something with animals in Kassel"):
        stored = _chosen(text, ("seniors",))
        refinement = state.refinement_of(stored)
        criteria = criteria_from(parse_text(stored.query_text), refinement, default_radius_km=15)
        assert criteria.needs_little_german, text
        assert merged_query(parse_text(stored.query_text), refinement)["needs_little_german"] is True


def test_an_area_chosen_after_fluent_german_says_nothing_of_it() -> None:
    stored = _chosen("Tierheim in Kassel", ("seniors",))
    assert "needs_little_german" not in stored.refinement
    assert not criteria_from(parse_text(""), state.refinement_of(stored), default_radius_km=15).needs_little_german
