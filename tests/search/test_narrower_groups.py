"""A group of people narrower than its category ("Obdachlose" of poverty_homelessness, whose rows also hold food banks
and clothing stores for the poor who have a home) names what was asked where no other word does, and a family of
people's words are each the word itself ("Obdachlose", "Wohnungslose")."""

from __future__ import annotations

from bot.search import SearchRequest
from bot.search.rank_words import names_narrower_group
from bot.search.related import relatives, same_people
from tests.factories.search import KASSEL, Listings, answer_and_similar, near


def test_a_narrower_group_is_told_by_its_category() -> None:
    assert names_narrower_group("obdachlosen", ("poverty_homelessness",))
    assert names_narrower_group("wohnungslose", ("children_youth", "poverty_homelessness"))
    # The group's word beside another category is no narrower group of it; the category's own word is none.
    assert not names_narrower_group("obdachlosen", ("children_youth",))
    assert not names_narrower_group("armut", ("poverty_homelessness",))
    assert not names_narrower_group("senioren", ("seniors",))


def test_only_a_family_of_people_is_the_same_word() -> None:
    assert set(same_people("obdachlosen")) == {"obdachlos", "wohnungslos"}
    assert "aeltere" in same_people("senioren")
    # An activity's family stays lesser terms: a hospice is what "Sterbende begleiten" asks for, not its word.
    assert "hospiz" in relatives("sterbende") and same_people("sterbende") == ()


async def _poverty_rows(listings: Listings) -> tuple[int, int, int, int]:
    food_bank, clothes = await listings.add_many([
        {"title": "Ausgabe bei der Tafel", "description": "Du gibst donnerstags Lebensmittel an Bedürftige aus.",
         "categories": ["poverty_homelessness"], **near(KASSEL, 1, 0)},
        {"title": "Kleiderkammer: Sortieren und Ausgeben",
         "description": "Wir geben gespendete Kleidung an Menschen mit wenig Geld aus.",
         "categories": ["poverty_homelessness"], **near(KASSEL, 0, 1)},
    ])
    shelter, cafe = await listings.add_many([
        {"title": "Obdachlose Menschen im Winter unterstützen",
         "description": "Du verteilst Schlafsäcke und warme Getränke.",
         "categories": ["poverty_homelessness"], **near(KASSEL, 7, 0)},
        {"title": "Essensausgabe im Tagestreff",
         "description": "Im Tagestreff für wohnungslose Menschen gibst du mittags eine warme Mahlzeit aus.",
         "categories": ["poverty_homelessness"], **near(KASSEL, 0, 8)},
    ])
    return food_bank, clothes, shelter, cafe


async def test_the_homeless_come_before_the_categorys_other_people(listings: Listings) -> None:
    food_bank, clothes, shelter, cafe = await _poverty_rows(listings)
    answer, similar = await answer_and_similar(
        listings.database, SearchRequest(text="Was mit Obdachlosen in Kassel"),
        categories=["poverty_homelessness"], place=KASSEL)
    # The listing for the homeless in other words ("wohnungslose") answers as the one saying "Obdachlose"; the food
    # bank and the clothing store nearer by wait behind "Ähnliche anzeigen".
    assert set(answer) == {shelter, cafe}
    assert set(similar) == {food_bank, clothes}


async def test_the_category_alone_still_lists_all_its_rows(listings: Listings) -> None:
    food_bank, clothes, shelter, cafe = await _poverty_rows(listings)
    answer, similar = await answer_and_similar(
        listings.database, SearchRequest(text="Armut bekämpfen in Kassel"),
        categories=["poverty_homelessness"], place=KASSEL)
    assert set(answer) == {food_bank, clothes, shelter, cafe} and similar == []
