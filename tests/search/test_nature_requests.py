"""A request for nature ("was in der Natur", "nature", "Naturschutz") names work outdoors in nature, narrower than
the environment category, which also holds repair cafés and food saving: the listings doing that work, in whichever
words they say it (Biotoppflege, Streuobstwiese, Krötenzaun, Gemeinschaftsgarten), come first and the category's
other rows wait behind "Ähnliche anzeigen". Liking to be outdoors ("draußen") says where, not what."""

from __future__ import annotations

from bot.search import SearchRequest
from bot.search.rank_words import names_narrower_group, setting_words
from bot.search.related import relatives
from tests.factories.search import KASSEL, Listings, answer_and_similar, near


def test_nature_is_narrower_than_the_environment_and_has_a_family() -> None:
    assert names_narrower_group("natur", ("environment",))
    assert names_narrower_group("naturschutz", ("environment", "animals"))
    assert not names_narrower_group("natur", ("animals",))
    assert not names_narrower_group("umwelt", ("environment",))
    # The family reaches the words of the work from the word and from its compounds, and back.
    assert {"biotop", "streuobst", "kroetenzaun"} <= set(relatives("naturschutz"))
    assert "natur" in relatives("biotoppflege")
    # Repairing and food saving are no work in nature.
    assert not {"reparier", "foodsav", "lebensmittelrett"} & set(relatives("natur"))
    assert "draussen" in setting_words() and "natur" not in setting_words()


async def _environment_rows(listings: Listings) -> tuple[list[int], list[int]]:
    nature = await listings.add_many([
        {"title": "Biotoppflege am Stadtrand", "description": "Wir mähen Wiesen und schneiden Hecken.",
         "categories": ["environment"], **near(KASSEL, 3, 0)},
        {"title": "Streuobstwiese: Ernte und Pflege", "description": "Alte Apfelbäume pflegen und ernten.",
         "categories": ["environment"], **near(KASSEL, 0, 4)},
    ])
    other = await listings.add_many([
        {"title": "Repair Café sucht Tüftler*innen", "description": "Elektrogeräte und Fahrräder reparieren.",
         "categories": ["environment"], **near(KASSEL, 1, 0)},
        {"title": "Foodsaver*in werden", "description": "Lebensmittel bei Bäckereien abholen und verteilen.",
         "categories": ["environment"], **near(KASSEL, 0, 1)},
    ])
    return nature, other


async def test_a_request_for_nature_lists_the_work_in_nature_first(listings: Listings) -> None:
    nature, other = await _environment_rows(listings)
    for text in ("Was in der Natur in Kassel", "Draußen in der Natur, Kassel"):
        answer, similar = await answer_and_similar(
            listings.database, SearchRequest(text=text), categories=["environment"], place=KASSEL)
        # Neither listing says "Natur": their words for the work say it. The repair café and the food saving nearer
        # by are the category's others.
        assert set(answer) == set(nature), text
        assert set(similar) == set(other), text


async def test_the_environment_alone_still_lists_all_its_rows(listings: Listings) -> None:
    nature, other = await _environment_rows(listings)
    answer, similar = await answer_and_similar(
        listings.database, SearchRequest(text="Was für die Umwelt in Kassel"), categories=["environment"], place=KASSEL)
    assert set(answer) == {*nature, *other} and similar == []
