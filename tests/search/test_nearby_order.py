"""The order a person who names their town sees: nearby fitting listings first, words that say nothing about what
is wanted do not send the search far, words for home look for nothing once the wish to help from home is read."""

from __future__ import annotations

from tests.factories.search import KASSEL, Listings, answer_and_similar, find, ids, near

from bot.search import SearchRequest


async def test_a_nearby_listing_naming_the_thing_in_its_description_keeps_the_answer_nearby(
    listings: Listings,
) -> None:
    loose = await listings.add_many([
        {"title": f"Kuchenverkauf {n}", "categories": ["animals"], **near(KASSEL, n, 1)} for n in range(4)
    ])
    nearby = await listings.add("Pflegestelle auf Zeit", description="Für das Tierheim Kassel suchen wir Hilfe.",
                                categories=["animals"], **near(KASSEL, 1, 0))
    await listings.add_many([
        {"title": f"Gassi gehen im Tierheim {n}", "categories": ["animals"], **near(KASSEL, -38 - n, 0)}
        for n in range(3)
    ])

    outcome = await find(listings.database, SearchRequest(), categories=["animals"], place=KASSEL,
                         keywords=["tierheim"])

    # Titled so or not, the one nearby answers the request within the radius asked for: no listing 38 km away.
    assert outcome.widened == () and outcome.radius_km == 15
    assert ids(outcome)[0] == nearby and set(ids(outcome)[1:]) <= set(loose)


async def test_a_nearby_listing_holding_part_of_the_words_comes_before_the_field_s_others_nearby(
    listings: Listings,
) -> None:
    loose = await listings.add_many([
        {"title": f"Kuchenverkauf {n}", "categories": ["animals"], **near(KASSEL, n, 1)} for n in range(4)
    ])
    partly = await listings.add("Pflegestelle auf Zeit", description="Unser Tierheim sucht Pflegestellen.",
                                categories=["animals"], **near(KASSEL, 12, 0))
    await listings.add_many([
        {"title": f"Gassi gehen im Tierheim {n}", "categories": ["animals"], **near(KASSEL, -20 - n, 0)}
        for n in range(3)
    ])

    answer, similar = await answer_and_similar(listings.database, SearchRequest(), categories=["animals"],
                                               place=KASSEL, keywords=["tierheim", "gassi"])

    assert answer == [partly] and set(similar) == set(loose)


async def test_a_word_no_listing_nearby_holds_lets_the_search_stay_at_the_place(listings: Listings) -> None:
    around = await listings.add_many([
        {"title": f"Vorlesen in der Bücherei {n}", "categories": ["culture"], **near(KASSEL, 3 + n, 0)}
        for n in range(3)
    ])
    await listings.add("Repair Café: keine Ahnung von Technik nötig", categories=["environment"],
                       **near(KASSEL, 90, 0))

    outcome = await find(listings.database, SearchRequest(), place=KASSEL, keywords=["ahnung"])

    assert outcome.widened == ("keywords",) and outcome.radius_km == 15
    assert sorted(ids(outcome)) == around


async def test_a_word_nothing_nearby_holds_still_finds_the_nearest_ones_where_nothing_is_near(
    listings: Listings,
) -> None:
    far = await listings.add("Telefonseelsorge am Abend", categories=["health_care"], **near(KASSEL, 90, 0))

    outcome = await find(listings.database, SearchRequest(), place=KASSEL, keywords=["telefonseelsorge"])

    assert ids(outcome) == [far] and "nearest" in outcome.widened


async def test_words_that_say_from_home_look_for_nothing_once_the_wish_is_read(listings: Listings) -> None:
    new_home = await listings.add("Tiervermittlung online", description="Tiere suchen ein neues Zuhause.",
                                  categories=["animals", "digital"], remote=True)
    computer = await listings.add("Archiv digitalisieren", description="Fotos am PC erfassen.",
                                  categories=["digital"], remote=True)

    outcome = await find(listings.database, SearchRequest(text="am PC von zuhause helfen"),
                         categories=["digital"], remote=True)

    assert ids(outcome) == [computer, new_home]


async def test_without_the_wish_to_help_from_home_the_word_still_ranks(listings: Listings) -> None:
    await listings.add("Katzen füttern", categories=["animals"], **near(KASSEL, 1, 0))
    home = await listings.add("Pflegestelle", description="Ein neues Zuhause auf Zeit.", categories=["animals"],
                              **near(KASSEL, 2, 0))

    outcome = await find(listings.database, SearchRequest(text="ein Zuhause für Tiere schaffen in Kassel"),
                         categories=["animals"], place=KASSEL)

    assert ids(outcome)[0] == home
