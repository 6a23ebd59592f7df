"""The demo's fictional ads: clean of contact details, found by the ad search, replaced on a second run."""

from __future__ import annotations

from sqlalchemy import func, select

from bot.ads.personal_data import personal_data
from bot.ads.search import search_ads
from bot.search import SearchRequest, VocabularyCache
from bot.seed.ads import demo_ads, seed_demo_ads
from bot.store.db import Database
from bot.store.models import Volunteer, VolunteerAd
from tests.factories.search import NOW


def test_demo_ads_hold_no_contact_details() -> None:
    ads = demo_ads()
    assert len(ads) >= 10
    assert [ad.text for ad in ads if personal_data(ad.text)] == []


async def test_seeding_twice_replaces_the_demo_ads_and_organisations_find_them(database: Database) -> None:
    written = await seed_demo_ads(database, now=NOW)
    assert await seed_demo_ads(database, now=NOW) == written
    async with database.read_only() as session:
        assert await session.scalar(select(func.count()).select_from(VolunteerAd)) == written
        assert await session.scalar(select(func.count()).select_from(Volunteer)) == written
        found = await search_ads(session, SearchRequest(text="Hausaufgaben in Kassel"), vocabularies=VocabularyCache(),
                                 now=NOW)
    assert found.results and "Hausaufgaben" in found.results[0].text
