"""A wish for nature is narrower than the environment category ("Umwelt & Natur"), whose rows also hold repair cafés
and food saving: nature and conservation listings answer it first, the category's other rows wait behind "Ähnliche
anzeigen"; a wish for the environment as a whole still lists them all."""

from __future__ import annotations

from bot.search import SearchRequest
from bot.search.rank_words import names_narrower_group
from tests.factories.search import KASSEL, Listings, answer_and_similar, near


def test_nature_is_narrower_than_its_category_only() -> None:
    assert names_narrower_group("natur", ("environment",))
    assert names_narrower_group("naturschutz", ("environment", "animals"))
    assert names_narrower_group("nature", ("environment",))
    assert not names_narrower_group("natur", ("sports",))
    assert not names_narrower_group("umwelt", ("environment",))


async def _environment_rows(listings: Listings) -> tuple[int, int, int, int]:
    repair, saving = await listings.add_many([
        {"title": "Reparieren statt wegwerfen", "description": "Im Reparaturtreff richtest du Toaster und Lampen.",
         "categories": ["environment"], **near(KASSEL, 1, 0)},
        {"title": "Lebensmittel retten", "description": "Du holst übrig gebliebenes Brot bei Bäckereien ab.",
         "categories": ["environment"], **near(KASSEL, 0, 1)},
    ])
    meadow, reserve = await listings.add_many([
        {"title": "Streuobstwiese pflegen", "description": "Wir mähen und schneiden Bäume für die Natur vor Ort.",
         "categories": ["environment"], **near(KASSEL, 7, 0)},
        {"title": "Helfer im Naturschutzgebiet", "description": "Du baust Amphibienzäune und zählst Vögel.",
         "categories": ["environment"], **near(KASSEL, 0, 8)},
    ])
    return repair, saving, meadow, reserve


async def test_nature_comes_before_the_categorys_other_rows(listings: Listings) -> None:
    repair, saving, meadow, reserve = await _environment_rows(listings)
    answer, similar = await answer_and_similar(
        listings.database, SearchRequest(text="Am Wochenende was in der Natur, Raum Kassel"),
        categories=["environment"], place=KASSEL)
    assert set(answer) == {meadow, reserve}
    assert set(similar) == {repair, saving}


async def test_the_environment_as_a_whole_lists_all_its_rows(listings: Listings) -> None:
    repair, saving, meadow, reserve = await _environment_rows(listings)
    answer, similar = await answer_and_similar(
        listings.database, SearchRequest(text="Umweltschutz in Kassel"),
        categories=["environment"], place=KASSEL)
    assert set(answer) == {repair, saving, meadow, reserve} and similar == []
