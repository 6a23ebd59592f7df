"""A part most cities have ("Bahnhofsviertel", "Innenstadt"), written without its city, is asked about: which city?"""

from __future__ import annotations

from bot.search.place_doubts import city_part_named, is_city_part, place_to_ask, unknown_place_named
from bot.search.understanding import parse_text


def test_a_part_most_cities_have_is_named_as_written() -> None:
    assert city_part_named("Ehrenamt im Bahnhofsviertel") == "Bahnhofsviertel"
    assert city_part_named("was in der Innenstadt, gern abends") == "Innenstadt"
    assert is_city_part("Altstadt") and is_city_part("Nordend")
    # a link's lowercased text ("start=s-ehrenamt_im_bahnhofsviertel") still shows the part as a name
    assert city_part_named("ehrenamt im bahnhofsviertel") == "Bahnhofsviertel" and is_city_part("bahnhofsviertel")
    # words that only begin or end alike name no part of a city
    assert city_part_named("Bahnhofsmission oder Stadtteiltreff") is None and not is_city_part("Kreuzberg")
    # a kind of town is no part of one; its quarter is
    assert city_part_named("Ehrenamt in einer Universitätsstadt") is None and not is_city_part("Hafenstadt")
    assert is_city_part("Universitätsviertel") and is_city_part("Hafenviertel") and is_city_part("Kreuzviertel")


def test_without_a_place_the_search_asks_which_city_and_a_follow_up_keeps_its_city() -> None:
    alone = parse_text("Ehrenamt im Bahnhofsviertel")
    assert place_to_ask(alone) == "Bahnhofsviertel"
    # bot.conversation.followups reads only what no German place answers: after a search in a city, the message
    # names a part of that city
    assert unknown_place_named(alone) is None
    assert place_to_ask(parse_text("Ehrenamt im Bahnhofsviertel Frankfurt")) is None


def test_no_city_is_asked_when_the_text_says_where_anyway_or_rules_the_part_out() -> None:
    assert place_to_ask(parse_text("Ehrenamt deutschlandweit, gern in einer Altstadt")) is None
    assert place_to_ask(parse_text("Ehrenamt in Sachsen, in der Innenstadt")) is None
    assert place_to_ask(parse_text("Ehrenamt, nicht in der Innenstadt")) is None
    assert place_to_ask(parse_text("Ehrenamt außer in der Altstadt")) is None
    # a negation in another clause leaves the part asked about
    assert place_to_ask(parse_text("nicht am Wochenende, in der Innenstadt")) == "Innenstadt"
