"""Organisations (and tools) search volunteers' ads with the listings' understanding; volunteers never see ads."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from typing import Any

from sqlalchemy import select

from bot.ads.model import Ad, AdContent
from bot.ads.search import AdSearchOutcome, search_ads
from bot.domain import AdStatus
from bot.search import SearchRequest, VocabularyCache, search
from bot.search.understanding import parse_text
from bot.store.db import Database
from bot.store.models import VolunteerAd
from bot.telegram.ad_search.views import results_text
from tests.factories.ads import HOMEWORK, KASSEL_TOWN, LEIPZIG_TOWN, make_ad
from tests.factories.search import KASSEL, LEIPZIG, NOW, Listings, parser

AD_RESULT_FIELDS = {"id", "text", "categories", "place", "remote", "travel_km", "time", "languages", "newcomer",
                    "published", "score", "why"}


async def _find_ads(database: Database, text: str, **fields: Any) -> AdSearchOutcome:
    """Searches the ads: the text understood by the NLU, or as the given fields say."""
    async with database.read_only() as session:
        return await search_ads(session, SearchRequest(text=text), parse=parser(**fields) if fields else parse_text,
                                vocabularies=VocabularyCache(), now=NOW)


async def test_an_organisation_finds_a_homework_helper_in_kassel_in_the_afternoon(any_database: Database) -> None:
    async with any_database.unit_of_work() as session:
        wanted = await make_ad(session)
        await make_ad(session, text="Ich gehe gern mit Hunden aus dem Tierheim spazieren.", categories=("animals",),
                      time_tags=("weekend",))
        await make_ad(session, place=LEIPZIG_TOWN)  # the same offer far away
    outcome = await _find_ads(any_database, "jemand für Hausaufgabenhilfe in Kassel nachmittags")
    assert [hit.id for hit in outcome.results] == [wanted.id]
    hit = outcome.results[0]
    assert hit.place == "Kassel" and hit.categories == ("education",) and hit.travel_km == 10
    assert "Hausaufgaben" in hit.text
    assert "education" in outcome.understood.categories


async def test_free_words_find_an_ad_by_its_own_words(any_database: Database) -> None:
    async with any_database.unit_of_work() as session:
        chess = await make_ad(session, text="Ich bringe Kindern im Verein das Schachspielen bei, gern auch Turniere.",
                              categories=(), time_tags=())
        await make_ad(session)
    outcome = await _find_ads(any_database, "Schach", keywords=["schach"], place=KASSEL)
    assert [hit.id for hit in outcome.results] == [chess.id]


async def test_only_published_unexpired_ads_are_found(any_database: Database) -> None:
    async with any_database.unit_of_work() as session:
        live = await make_ad(session)
        for status in (AdStatus.PENDING, AdStatus.PAUSED, AdStatus.REJECTED, AdStatus.REMOVED, AdStatus.EXPIRED):
            await make_ad(session, status=status)
        await make_ad(session, published_at=NOW - timedelta(days=61))  # published, but its time ran out
    outcome = await _find_ads(any_database, "Hausaufgaben", categories=["education"], place=KASSEL)
    assert [hit.id for hit in outcome.results] == [live.id]


async def test_a_hit_carries_nothing_that_reaches_the_person(any_database: Database) -> None:
    async with any_database.unit_of_work() as session:
        ad = await make_ad(session)
        volunteer_id = ad.volunteer_id
    outcome = await _find_ads(any_database, "Hausaufgaben", categories=["education"], place=KASSEL)
    result = outcome.to_dict()["results"][0]
    assert set(result) == AD_RESULT_FIELDS
    assert volunteer_id not in {value for value in result.values() if isinstance(value, int)} - {result["id"]}
    assert not {"volunteer_id", "telegram_id", "contact", "lat", "lon", "distance_km"} & set(result)


async def test_the_place_is_never_closer_than_the_town_the_person_chose(any_database: Database) -> None:
    async with any_database.unit_of_work() as session:
        await make_ad(session)
    outcome = await _find_ads(any_database, "Hausaufgaben", categories=["education"], place=KASSEL)
    hit = outcome.results[0]
    assert hit.place == "Kassel"
    assert "km" not in hit.why  # an ad's point stands for its town: no distance is claimed


async def test_ads_never_appear_in_volunteers_searches(any_database: Database) -> None:
    listings = Listings(any_database)
    listing = await listings.add("Zauberwürfel-Treff für Kinder", categories=["children_youth"])
    async with any_database.unit_of_work() as session:
        ad = await make_ad(session, text="Ich zeige Kindern, wie man den Zauberwürfel löst.",
                           categories=("children_youth",))
    for text in ("Zauberwürfel in Kassel", "Kinder in Kassel", "Zauberwürfel"):
        async with any_database.read_only() as session:
            outcome = await search(session, SearchRequest(text=text, limit=50), vocabularies=VocabularyCache(), now=NOW)
        assert [hit.id for hit in outcome.results] == [listing]
        assert all("Zauberwürfel löst" not in hit.title for hit in outcome.results)
    ads = await _find_ads(any_database, "Zauberwürfel in Kassel")
    assert [hit.id for hit in ads.results] == [ad.id]


async def test_ads_search_never_returns_listings(any_database: Database) -> None:
    await Listings(any_database).add("Hausaufgabenhilfe im Jugendzentrum", categories=["education"])
    outcome = await _find_ads(any_database, "Hausaufgabenhilfe in Kassel")
    assert outcome.results == ()
    assert outcome.outcome.total == 0


async def test_a_far_place_widens_as_the_listings_search_does(any_database: Database) -> None:
    async with any_database.unit_of_work() as session:
        await make_ad(session, place=replace(KASSEL_TOWN, name="Baunatal", lat=KASSEL.lat - 0.27))  # ~30 km south
    outcome = await _find_ads(any_database, "Hausaufgaben", categories=["education"], place=KASSEL)
    assert len(outcome.results) == 1
    assert outcome.outcome.widened and outcome.outcome.widened[0].startswith("radius:")


async def test_online_only_ads_are_found_by_remote_searches(any_database: Database) -> None:
    async with any_database.unit_of_work() as session:
        online = await make_ad(session, AdContent(text="Ich übersetze Texte ins Arabische, gern online.",
                                                  categories=("refugees_integration",), languages=("ar",), remote=True))
        await make_ad(session)
    outcome = await _find_ads(any_database, "online übersetzen", remote=True)
    assert [hit.id for hit in outcome.results] == [online.id]
    assert outcome.results[0].remote and outcome.results[0].place is None


async def test_the_typed_ad_reads_its_row(any_database: Database) -> None:
    async with any_database.unit_of_work() as session:
        stored = await make_ad(session)
        row = (await session.execute(select(VolunteerAd).where(VolunteerAd.id == stored.id))).scalar_one()
        ad = Ad.from_row(row)
    assert ad.content == HOMEWORK
    assert ad.live and ad.place is not None and ad.place.name == "Kassel"


async def test_ads_far_from_the_place_come_with_their_distance_and_a_note_that_none_is_near(
        any_database: Database) -> None:
    async with any_database.unit_of_work() as session:
        far = await make_ad(session)  # Kassel, about 200 km from Leipzig
    outcome = await _find_ads(any_database, "Hausaufgabenhilfe in Leipzig", categories=["education"], place=LEIPZIG)
    assert [hit.id for hit in outcome.results] == [far.id]
    assert outcome.results[0].distance_km is not None and 190 <= outcome.results[0].distance_km <= 210
    assert outcome.nearest_beyond_km == 50
    text = results_text("Hausaufgabenhilfe in Leipzig", outcome.results, total=outcome.total, offset=0, lang="de",
                        nearest_beyond_km=outcome.nearest_beyond_km)
    assert "Im Umkreis von 50 km gibt es dazu keine Anzeige" in text
    assert f"Kassel · {outcome.results[0].distance_km} km entfernt" in text
    english = results_text("homework", outcome.results, total=outcome.total, offset=0, lang="en",
                           nearest_beyond_km=outcome.nearest_beyond_km)
    assert "no ad like that within 50 km" in english and "km away" in english


async def test_ads_near_the_place_come_first_and_in_the_town_itself_with_no_distance(any_database: Database) -> None:
    async with any_database.unit_of_work() as session:
        far = await make_ad(session, place=LEIPZIG_TOWN)
        near = await make_ad(session)
    outcome = await _find_ads(any_database, "Hausaufgabenhilfe in Kassel", categories=["education"], place=KASSEL)
    assert [hit.id for hit in outcome.results][:1] == [near.id] and far.id not in [hit.id for hit in outcome.results]
    assert outcome.results[0].distance_km is None and outcome.nearest_beyond_km is None
    text = results_text("Hausaufgabenhilfe in Kassel", outcome.results, total=outcome.total, offset=0, lang="de",
                        nearest_beyond_km=outcome.nearest_beyond_km)
    assert "km entfernt" not in text and "keine Anzeige" not in text
