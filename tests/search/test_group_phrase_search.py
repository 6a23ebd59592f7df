"""A message naming its field by a group of people ("mit alten Leuten") gets that field's listings without a note
that nothing was found for one of the group's words."""

from __future__ import annotations

from bot.search import SearchRequest, VocabularyCache, search
from bot.search.notes import unfound_notes
from tests.factories.search import KASSEL, NOW, Listings, near


async def test_a_group_of_people_gets_no_nothing_found_note(listings: Listings) -> None:
    await listings.add_many([
        {"title": "Besuchsdienst im Seniorenheim", "categories": ["seniors"], **near(KASSEL, 1, 0)},
        {"title": "Spielenachmittag im Altenzentrum", "categories": ["seniors"], **near(KASSEL, 0, 2)},
    ])
    request = SearchRequest(text="Ich bin Rentner und würde gern was mit alten Leuten machen, Kassel, nachmittags")
    async with listings.database.read_only() as session:
        answer = await search(session, request, vocabularies=VocabularyCache(), now=NOW)
    assert answer.results and answer.unfound == ()
    assert not any("nichts Genaues" in note for note in unfound_notes(answer, "de"))
