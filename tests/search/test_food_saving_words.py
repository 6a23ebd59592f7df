"""Food saving is one activity under several words: "Foodsharing" (the movement), "Foodsaver" and "Lebensmittelretter"
(the people who pick up), "Fairteiler" (the shelves). A request in one of them finds listings written in another."""

from __future__ import annotations

from bot.search import SearchRequest
from bot.search.related import relatives
from tests.factories.search import KASSEL, Listings, answer_and_similar, near


def test_the_words_of_food_saving_are_one_family() -> None:
    assert {"foodsav", "lebensmittelrett", "fairteil"} <= set(relatives("foodsharing"))
    assert "foodsharing" in relatives("foodsaverinnen")
    # A food bank is no food saving: "Tafel" keeps its own family (which shares the food rescuers with it).
    assert "foodsharing" not in relatives("tafel") and "tafel" not in relatives("foodsharing")


async def test_a_request_for_foodsharing_finds_the_food_savers(listings: Listings) -> None:
    savers, rescuers = await listings.add_many([
        {"title": "Foodsaver*innen für Abholungen", "description": "Du holst bei Bäckereien Brot ab.",
         "categories": ["environment"], **near(KASSEL, 2, 0)},
        {"title": "Lebensmittelretter*innen gesucht", "description": "Übrig gebliebenes Gemüse verteilen.",
         "categories": ["environment"], **near(KASSEL, 0, 3)},
    ])
    repair = await listings.add("Repair Café sucht Tüftler*innen", categories=["environment"], **near(KASSEL, 1, 1))

    answer, similar = await answer_and_similar(
        listings.database, SearchRequest(text="Foodsharing in Kassel"), categories=["environment"], place=KASSEL,
        keywords=["foodsharing"])

    assert set(answer) == {savers, rescuers}
    assert repair not in answer
