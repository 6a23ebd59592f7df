"""A few words after a result go on from that search: its interest, place and time stay unless the words change
them ("lieber am WE", "und in Kassel?", "nur online", "was mit Tieren", "with animals")."""

from __future__ import annotations

from datetime import timedelta

import pytest

from bot.conversation.followups import FOLLOW_UP_WINDOW, around_shared_location, follow_up
from bot.conversation.place_words import without_place
from bot.search.criteria import Criteria, criteria_from
from bot.search.model import PlaceRef, Refinement
from bot.search.understanding import parse_text
from bot.store.models import ChatSearch
from bot.store.types import utcnow

NOW = utcnow()
KASSEL = PlaceRef(name="Kassel", lat=51.3167, lon=9.5)


def _shown(text: str, refinement: Refinement | None = None, *, minutes_ago: float = 2) -> ChatSearch:
    return ChatSearch(
        volunteer_id=1,
        query_text=text,
        refinement=(refinement or Refinement()).to_dict(),
        offset=0,
        candidates=[],
        created_at=NOW - timedelta(minutes=minutes_ago),
    )


def _criteria(text: str, message: str):  # type: ignore[no-untyped-def]
    following = follow_up(_shown(text), parse_text(message), now=NOW)
    assert following is not None, message
    return following, criteria_from(parse_text(following.text), following.refinement, default_radius_km=15)


def test_a_time_alone_keeps_what_and_where() -> None:
    _, criteria = _criteria("umweltschutz leipzig", "lieber am WE")
    assert criteria.categories == ("environment",) and criteria.place is not None
    assert criteria.place.name == "Leipzig" and criteria.time == ("weekend",)


def test_a_time_alone_brings_its_choice_along_or_ends_the_one_before() -> None:
    _, criteria = _criteria("Umweltschutz in Jena", "geht abends oder samstags")
    assert set(criteria.time) == {"evening", "weekend"} and criteria.time_either
    _, criteria = _criteria("Umweltschutz in Jena, nach Feierabend oder am WE", "lieber Samstagabend")
    assert set(criteria.time) == {"evening", "weekend"} and not criteria.time_either


def test_a_new_interest_keeps_a_choice_of_times() -> None:
    _, criteria = _criteria("Leseförderung in Halle, evenings or weekends", "with animals")
    assert criteria.categories == ("animals",) and set(criteria.time) == {"evening", "weekend"}
    assert criteria.time_either


def test_a_time_and_another_place_in_a_sentence_keep_the_interest() -> None:
    _, criteria = _criteria("Tierheim in Kassel", "ich hab nur am WE zeit, geht auch Fulda?")
    assert criteria.categories == ("animals",) and criteria.time == ("weekend",)
    assert criteria.place is not None and criteria.place.name == "Fulda"


@pytest.mark.parametrize("message", ["ich wohne in Fulda", "ich bin Rentner, geht auch Fulda?",
                                     "und ich brauch es in Fulda", "I live in Fulda",
                                     # a question about the last search there is no offer of help of its own
                                     "wohne jetzt in Fulda, kann ich das machen?",
                                     "I'm a student in Fulda, can I do that?"])
def test_who_writes_and_a_place_without_a_need_of_their_own_keep_the_interest(message: str) -> None:
    _, criteria = _criteria("Tiere in Kassel am Wochenende", message)
    assert criteria.categories == ("animals",) and criteria.time == ("weekend",)
    assert criteria.place is not None and criteria.place.name == "Fulda"


def test_who_writes_a_place_and_what_they_want_to_do_start_a_request_of_their_own() -> None:
    """"wollen" says a need as "will" does: not the last search moved to another town."""
    assert follow_up(_shown("Feuerwehr in Zwickau"), parse_text("Wir sind eine Familie aus Gießen und wollen "
                                                                "zusammen was Gutes tun"), now=NOW) is None


def test_another_place_keeps_the_interest_and_the_time() -> None:
    _, criteria = _criteria("Tafel in Fulda, nur dienstags", "und in Kassel?")
    assert criteria.categories == ("poverty_homelessness",) and criteria.time == ("weekday",)
    assert criteria.place is not None and criteria.place.name == "Kassel"


def test_online_keeps_the_interest() -> None:
    _, criteria = _criteria("was mit Senioren in Hamburg", "nur online")
    assert criteria.categories == ("seniors",) and criteria.remote


def test_a_place_after_online_means_on_site_there() -> None:
    following = follow_up(_shown("Senioren", Refinement(remote=True)), parse_text("und in Kassel?"), now=NOW)
    assert following is not None and following.refinement.remote is False
    assert following.refinement.place is not None and following.refinement.place.name == "Kassel"


def test_a_new_interest_keeps_the_place_and_time_and_says_so() -> None:
    following, criteria = _criteria("Kinder in Kassel am Wochenende", "was mit Tieren")
    assert criteria.categories == ("animals",) and criteria.time == ("weekend",)
    assert criteria.place is not None and criteria.place.name == "Kassel" and following.kept_place == "Kassel"


def test_an_answer_to_what_to_help_with_keeps_place_and_time_in_english_too() -> None:
    following, criteria = _criteria("Where can I volunteer in Berlin? I have weekends free.", "with animals")
    assert criteria.categories == ("animals",) and criteria.time == ("weekend",)
    assert criteria.place is not None and criteria.place.name == "Berlin"


def test_a_place_chosen_by_button_and_a_radius_stay() -> None:
    shown = _shown("Kinder", Refinement(place=KASSEL, radius_km=5.0))
    following = follow_up(shown, parse_text("lieber was mit Tieren"), now=NOW)
    assert following is not None and following.refinement.place == KASSEL and following.refinement.radius_km == 5.0


@pytest.mark.parametrize(
    "message",
    [
        "Tierheim in Marburg",  # interest and place: a search of its own
        "weiter",  # nothing to go on from
        "😊",
        "Tiere, aber nicht in Kassel",  # a ruled-out place asks its own question
        "asdfgh",  # words nobody can read: no new interest to search in Kassel at the weekend
        "ich bin 15 und brauch ein praktikum in der schule, sozial, in kassel",  # who writes, and where: a request
        "i'm a student in leipzig looking for something online",
        "ich bin 15 und suche ein Praktikum in Fulda",
        "qwertz zuiop in Fulda",
        # who writes, where, and an offer to help: a request of its own, not the last interest moved there
        "Bin Altenpflegerin, grad nach Fulda gezogen. Kann ich da irgendwo mithelfen?",
        "I'm a teacher from Ghana, new in Fulda. Could I help somewhere on Sundays?",
    ],
)
def test_a_complete_or_empty_message_is_no_follow_up(message: str) -> None:
    assert follow_up(_shown("Kinder in Kassel am Wochenende"), parse_text(message), now=NOW) is None


def test_a_new_interest_after_a_search_without_a_place_is_a_search_of_its_own() -> None:
    assert follow_up(_shown("Kinder"), parse_text("was mit Tieren"), now=NOW) is None


def test_after_an_hour_a_message_starts_afresh() -> None:
    old = _shown("Kinder in Kassel", minutes_ago=FOLLOW_UP_WINDOW.total_seconds() / 60 + 1)
    assert follow_up(old, parse_text("lieber am WE"), now=NOW) is None
    assert follow_up(None, parse_text("lieber am WE"), now=NOW) is None


@pytest.mark.parametrize(
    ("text", "place", "left"),
    [
        ("tierheim ffm", PlaceRef("Frankfurt am Main", 50.11, 8.68), "tierheim"),
        ("was mit flüchtlingen, in Dresden Neustadt", PlaceRef("Dresden", 51.05, 13.74), "was mit flüchtlingen, in"),
        ("Essen ausgeben Kassel-Wehlheiden 34117, 2 Nachmittage", KASSEL, "Essen ausgeben , 2 Nachmittage"),
        (
            "Tiere am Wochenende in Frankfurt am Main",
            PlaceRef("Frankfurt am Main", 50.11, 8.68),
            "Tiere am Wochenende in am",
        ),
    ],
)
def test_the_words_naming_the_last_place_leave_the_text(text: str, place: PlaceRef, left: str) -> None:
    assert without_place(text, place) == left


@pytest.mark.parametrize(
    ("text", "place", "left"),
    [
        ("Lesepate in 04 109, gern vormittags", PlaceRef("Leipzig", 51.34, 12.37, postal_code="04109"),
         "Lesepate in , gern vormittags"),
        ("Hundeausführen 34 117", PlaceRef("Kassel", 51.31, 9.49, postal_code="34117"), "Hundeausführen"),
        ("Gartenprojekt mit 10 000 Blumen in 34 117", PlaceRef("Kassel", 51.31, 9.49, postal_code="34117"),
         "Gartenprojekt mit 10 000 Blumen in"),
    ],
)
def test_a_postal_code_split_by_a_space_leaves_the_text_with_its_place(text: str, place: PlaceRef, left: str) -> None:
    assert without_place(text, place) == left


def test_another_place_is_searched_without_a_split_code_of_the_last_one() -> None:
    following, criteria = _criteria("Suppenküche in 34 117", "und in Fulda?")
    assert "34" not in following.text and "117" not in following.text and "Suppenküche" in following.text
    assert criteria.place is not None and criteria.place.name == "Fulda"


def test_another_place_is_searched_without_the_words_of_the_last_one() -> None:
    following, criteria = _criteria("Tafel in Fulda, nur dienstags", "und in Kassel?")
    assert "Fulda" not in following.text and "Tafel" in following.text
    assert criteria.place is not None and criteria.place.name == "Kassel"


def test_a_town_name_that_carries_the_interest_stays() -> None:
    bochum = PlaceRef("Bochum", 51.48, 7.22)
    text = "Essen ausgeben in Bochum"
    assert without_place(text, bochum, parse_text(text)) == "Essen ausgeben in"
    _, criteria = _criteria(text, "und in Dortmund?")
    assert criteria.categories == ("poverty_homelessness",)
    assert criteria.place is not None and criteria.place.name == "Dortmund"


def test_a_place_after_online_in_the_text_means_on_site_there() -> None:
    following, criteria = _criteria("Nachhilfe online", "und in Kassel?")
    assert following.refinement.remote is False and not criteria.remote
    assert criteria.place is not None and criteria.place.name == "Kassel"


def test_an_exclusion_never_leaves_out_the_area_searched() -> None:
    following, criteria = _criteria("Tiere in Kassel", "ohne Hunde")
    assert criteria.categories == ("animals",) and "animals" not in criteria.exclude_categories
    assert criteria.place is not None and criteria.place.name == "Kassel" and "Hunde" in following.text


@pytest.mark.parametrize(("message", "candidates", "ruled_out"), [("und in Neustadt?", True, False),
                                                                  ("nicht in Kassel", False, True)])
def test_a_place_asking_a_question_keeps_the_interest(message: str, candidates: bool, ruled_out: bool) -> None:
    following, criteria = _criteria("Tiere in Kassel", message)
    assert criteria.categories == ("animals",) and following.refinement.place is None  # the text's place counts
    assert (len(criteria.place_candidates) > 1) is candidates and bool(criteria.ruled_out) is ruled_out


@pytest.mark.parametrize(("text", "message", "word"), [
    ("Senioren besuchen in Marburg", "aber ohne Katzen", "Katzen"),
    ("helping with kids in Leipzig", "no dogs please", "dogs"),
])
def test_a_kind_ruled_out_goes_on_from_any_search_with_its_words(text: str, message: str, word: str) -> None:
    following, criteria = _criteria(text, message)
    assert criteria.place is not None and criteria.exclude_categories == () and word in following.text


def test_a_message_ruling_out_nothing_goes_on_from_nothing() -> None:
    assert follow_up(_shown("Senioren besuchen in Marburg"), parse_text("ohne Problem"), now=NOW) is None


@pytest.mark.parametrize("message", ["nicht mit Tieren, lieber mit Menschen, in Jena",
                                     "was ganz anderes in Jena", "not with animals, rather with people in Jena",
                                     "something else in Jena"])
def test_turning_away_from_the_interest_with_a_place_is_a_search_of_its_own(message: str) -> None:
    assert follow_up(_shown("Tierheim in Kassel am Wochenende"), parse_text(message), now=NOW) is None


@pytest.mark.parametrize(("message", "categories"), [("nicht mit Tieren, lieber mit Menschen", ()),
                                                     ("keine Tiere mehr, lieber was mit Senioren", ("seniors",)),
                                                     ("no animals, rather with people", ())])
def test_ruling_out_the_area_searched_replaces_it_in_the_same_place(message: str, categories: tuple[str, ...]) -> None:
    following, criteria = _criteria("Tierheim in Kassel am Wochenende", message)
    assert criteria.categories == categories and "animals" in criteria.exclude_categories
    assert "Tierheim" not in following.text and following.kept_place == "Kassel" and criteria.time == ("weekend",)


@pytest.mark.parametrize("message", ["jetzt mal was ganz anderes", "lieber etwas anderes", "something else please"])
def test_asking_for_something_else_leaves_the_interest_and_keeps_the_place(message: str) -> None:
    following, criteria = _criteria("Tierheim in Kassel", message)
    assert criteria.categories == () and "Tierheim" not in following.text
    assert criteria.place is not None and criteria.place.name == "Kassel"


@pytest.mark.parametrize(("message", "keyword"), [("ohne Katzen", "Katzen"), ("am Wochenende", None),
                                                  ("nur Kassel", None), ("lieber mit Hunden", "Hunden"),
                                                  ("only at weekends", None), ("but no cats", "cats")])
def test_a_narrowing_message_keeps_the_interest(message: str, keyword: str | None) -> None:
    following, criteria = _criteria("Tierheim in Kassel", message)
    assert criteria.categories == ("animals",) and criteria.exclude_categories == ()
    assert criteria.place is not None and criteria.place.name == "Kassel"
    assert keyword is None or keyword in following.text


def test_ruling_out_another_area_narrows_the_search() -> None:
    following, criteria = _criteria("Nachhilfe in Kassel", "aber nicht mit Kindern")
    assert criteria.categories == ("education",) and criteria.exclude_categories == ("children_youth",)
    assert following.text == "Nachhilfe in Kassel"


@pytest.mark.parametrize("message", ["was kann ich in Gießen machen? am liebsten abends", "ehrenamt in München",
                                     "was gibt es in Gießen", "what can I do in Leipzig?"])
def test_a_general_request_with_a_place_is_a_search_of_its_own(message: str) -> None:
    assert follow_up(_shown("Tierheim in Kassel"), parse_text(message), now=NOW) is None
    chosen = Refinement(categories=("children_youth",)).with_times(("weekend",))
    assert follow_up(_shown("", chosen), parse_text(message), now=NOW) is None


def test_another_place_alone_keeps_the_interest_and_says_so() -> None:
    following, criteria = _criteria("Tierheim in Kassel", "und in Gießen?")
    assert criteria.categories == ("animals",) and criteria.place is not None and criteria.place.name == "Gießen"
    assert following.kept_interest
    following, _ = _criteria("Tierheim in Kassel", "lieber am WE")
    assert not following.kept_interest  # the place stays: only the time changed, the header says it


def test_a_state_alone_keeps_the_interest_and_asks_for_a_town_there() -> None:
    following, criteria = _criteria("Tierheim in München", "und in NRW?")
    assert criteria.categories == ("animals",) and criteria.place is None
    assert following.refinement.place is None and "münchen" not in following.text.lower()


def test_ruling_out_one_of_several_areas_keeps_the_others() -> None:
    following, criteria = _criteria("Klavierunterricht für kinder in kassel", "ohne Kultur")
    assert set(criteria.categories) == {"children_youth", "education"} and "culture" in criteria.exclude_categories
    assert criteria.place is not None and criteria.place.name == "Kassel"
    _, criteria = _criteria("Tierheim in Kassel", "nicht mit Tieren")  # the only area ruled out: something else
    assert criteria.categories == ()


def test_a_location_shared_after_a_result_keeps_its_interest_and_time_and_drops_its_place() -> None:
    here = PlaceRef(name="Baunatal", lat=51.2553, lon=9.4183, state="Hessen")
    now = utcnow()

    def shown(text: str, refinement: Refinement | None = None, minutes: int = 2) -> ChatSearch:
        return ChatSearch(volunteer_id=1, query_text=text, refinement=(refinement or Refinement()).to_dict(),
                          offset=0, candidates=[], created_at=now - timedelta(minutes=minutes))

    def around(search: ChatSearch) -> Criteria | None:
        following = around_shared_location(search, here, now=now)
        if following is None:
            return None
        assert following.kept_interest
        return criteria_from(parse_text(following.text), following.refinement, default_radius_km=15)

    kept = around(shown("Tierheim in Kassel am Wochenende"))
    assert kept is not None and kept.categories == ("animals",) and kept.time == ("weekend",)
    assert kept.place == here
    online = around(shown("Nachhilfe nur online"))
    assert online is not None and not online.remote and online.place == here
    state_wide = around(shown("Tierheim in ganz Sachsen"))
    assert state_wide is not None and state_wide.whole_state is None and state_wide.place == here
    every_area = around(shown("", Refinement(categories=())))  # "Alle Bereiche" pressed
    assert every_area is not None and every_area.place == here
    assert around(shown("in Kassel")) is None  # no interest to keep: what to help with is asked
    assert around(shown("Tierheim in Kassel", minutes=90)) is None  # a conversation long over


def test_a_new_interest_keeps_little_german() -> None:
    for text in ("ich spreche kaum Deutsch, was mit Kindern in Leipzig", "my German is very basic, animals in Kassel"):
        following, criteria = _criteria(text, "lieber was mit Senioren")
        assert criteria.categories == ("seniors",) and criteria.needs_little_german, text
        assert following.refinement.little_german
    _, criteria = _criteria("Tierheim in Kassel", "lieber was mit Senioren")
    assert not criteria.needs_little_german


def test_little_german_survives_the_stored_refinement() -> None:
    stored = Refinement(little_german=True).to_dict()
    assert stored == {"needs_little_german": True} and Refinement.from_dict(stored).little_german
    assert Refinement.from_dict({"needs_little_german": "yes"}).little_german is None
