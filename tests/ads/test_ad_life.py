"""An ad's life without Telegram: review of a first ad, publishing, expiry and reminders, admins' verdicts."""

from __future__ import annotations

from datetime import timedelta

import pytest

from bot.admins import AdminScope, Region
from bot.ads.compose import Refused, take_text
from bot.ads.expiry import expire_due, reminders_due
from bot.ads.manage import MAX_OPEN_ADS, AdLife, Published, renew, resume, send_off
from bot.ads.review import AdVerdict, NotYours, decide, waiting_ads
from bot.domain import AdStatus
from bot.search.understanding import parse_text
from bot.store.db import Database
from bot.store.models import Volunteer, VolunteerAd
from tests.factories.ads import LEIPZIG_TOWN, make_ad, make_volunteer
from tests.factories.search import NOW

LIFE = AdLife(ttl_days=60, review="new")
EVERYWHERE = AdminScope(1000)
HESSEN = AdminScope(2000, (Region("Hessen", None),))


async def test_a_first_ad_waits_for_review_and_later_ones_go_live(any_database: Database) -> None:
    async with any_database.unit_of_work() as session:
        person = await make_volunteer(session)
        first = await make_ad(session, volunteer=person, status=AdStatus.DRAFT, published_at=NOW)
        first.published_at = None
        assert await send_off(session, person, first, LIFE, now=NOW) is Published.REVIEW
        assert first.status == "pending"
        await decide(session, EVERYWHERE, first.id, AdVerdict.APPROVE, LIFE, now=NOW)
        assert first.status == "published" and first.expires_at == NOW + timedelta(days=60)
        second = await make_ad(session, volunteer=person, status=AdStatus.DRAFT)
        assert await send_off(session, person, second, LIFE, now=NOW) is Published.LIVE
        third = await make_ad(session, status=AdStatus.DRAFT)  # someone new, with review switched off
        third.published_at = None
        assert await send_off(session, await session.get_one(Volunteer, third.volunteer_id), third,
                              AdLife(60, "none"), now=NOW) is Published.LIVE


async def test_a_person_keeps_at_most_five_open_ads(any_database: Database) -> None:
    async with any_database.unit_of_work() as session:
        person = await make_volunteer(session)
        for _ in range(MAX_OPEN_ADS):
            await make_ad(session, volunteer=person)
        extra = await make_ad(session, volunteer=person, status=AdStatus.DRAFT)
        assert await send_off(session, person, extra, LIFE, now=NOW) is Published.TOO_MANY


async def test_chats_left_half_way_do_not_use_up_the_five_places(any_database: Database) -> None:
    async with any_database.unit_of_work() as session:
        person = await make_volunteer(session)
        await make_ad(session, volunteer=person)  # the first one, published: the person is trusted
        for _ in range(MAX_OPEN_ADS):
            unfinished = await make_ad(session, volunteer=person, status=AdStatus.DRAFT)
            unfinished.published_at = None
        another = await make_ad(session, volunteer=person, status=AdStatus.DRAFT)
        another.published_at = None
        assert await send_off(session, person, another, LIFE, now=NOW) is Published.LIVE


async def test_text_with_contact_details_is_refused_before_anything_is_stored(any_database: Database) -> None:
    async with any_database.unit_of_work() as session:
        person = await make_volunteer(session)
        with pytest.raises(Refused) as refused:
            await take_text(session, person, "Ich helfe gern, meine Nummer: 0151 2345 6789", ad_id=0, parse=parse_text)
        assert refused.value.key == "ads.personal_data" and refused.value.findings[0].text == "0151 2345 6789"
        ad = await take_text(session, person, "Ich lese Senioren im Heim in Kassel gern etwas vor.", ad_id=0,
                             parse=parse_text)
        assert ad.status == "draft" and "seniors" in ad.categories and ad.place_name == "Kassel"


async def test_expiry_and_one_reminder_a_week_before(any_database: Database) -> None:
    async with any_database.unit_of_work() as session:
        soon = await make_ad(session, published_at=NOW - timedelta(days=55))  # ends in 5 days
        later = await make_ad(session, published_at=NOW - timedelta(days=10))
        over = await make_ad(session, published_at=NOW - timedelta(days=61))
        silent = await make_ad(session, published_at=NOW - timedelta(days=55))
        person = await session.get_one(Volunteer, silent.volunteer_id)
        person.blocked = True  # blocked the bot: nothing can be said
        reminders = await reminders_due(session, now=NOW)
        assert [reminder.ad_id for reminder in reminders] == [soon.id]
        assert await reminders_due(session, now=NOW) == []  # once per period
        assert await expire_due(session, now=NOW) == 1
    async with any_database.read_only() as session:
        statuses = {ad_id: (await session.get_one(VolunteerAd, ad_id)).status for ad_id in (soon.id, later.id, over.id)}
    assert statuses == {soon.id: "published", later.id: "published", over.id: "expired"}


async def test_admins_act_only_in_their_region(any_database: Database) -> None:
    async with any_database.unit_of_work() as session:
        kassel = await make_ad(session, status=AdStatus.PENDING)
        leipzig = await make_ad(session, status=AdStatus.PENDING, place=LEIPZIG_TOWN)
        assert [entry.ad_id for entry in await waiting_ads(session, HESSEN)] == [kassel.id]
        with pytest.raises(NotYours):
            await decide(session, HESSEN, leipzig.id, AdVerdict.APPROVE, LIFE, now=NOW)
        await decide(session, HESSEN, kassel.id, AdVerdict.REJECT, LIFE, now=NOW)
        assert kassel.status == "rejected"
        with pytest.raises(NotYours):  # decided already
            await decide(session, HESSEN, kassel.id, AdVerdict.APPROVE, LIFE, now=NOW)


async def test_blocking_takes_down_every_ad_of_the_person(any_database: Database) -> None:
    async with any_database.unit_of_work() as session:
        person = await make_volunteer(session)
        ads = [await make_ad(session, volunteer=person),
               await make_ad(session, volunteer=person, status=AdStatus.PAUSED)]
        decision = await decide(session, EVERYWHERE, ads[0].id, AdVerdict.BLOCK, LIFE, now=NOW)
        assert decision.person_telegram_id == person.telegram_id
        await session.refresh(ads[1])
        assert person.ads_blocked_at == NOW and [ad.status for ad in ads] == ["removed", "removed"]
        draft = await make_ad(session, volunteer=person, status=AdStatus.DRAFT)
        assert await send_off(session, person, draft, LIFE, now=NOW) is Published.BLOCKED


async def test_blocking_takes_down_expired_ads_and_a_blocked_person_cannot_bring_one_back(
        any_database: Database) -> None:
    async with any_database.unit_of_work() as session:
        person = await make_volunteer(session)
        live = await make_ad(session, volunteer=person)
        expired = await make_ad(session, volunteer=person, status=AdStatus.EXPIRED)
        await decide(session, EVERYWHERE, live.id, AdVerdict.BLOCK, LIFE, now=NOW)
        await session.refresh(expired)
        assert expired.status == "removed"
        # blocked before expired ads were covered, or an ad left expired otherwise: it stays down
        expired.status, paused = AdStatus.EXPIRED.value, await make_ad(session, volunteer=person,
                                                                        status=AdStatus.PAUSED)
        assert not renew(person, expired, LIFE, now=NOW) and expired.status == "expired"
        assert not resume(person, paused, now=NOW) and paused.status == "paused"


async def test_an_admin_removes_an_expired_ad_before_its_person_renews_it(any_database: Database) -> None:
    async with any_database.unit_of_work() as session:
        expired = await make_ad(session, status=AdStatus.EXPIRED)
        person = await session.get_one(Volunteer, expired.volunteer_id)
        await decide(session, EVERYWHERE, expired.id, AdVerdict.REMOVE, LIFE, now=NOW)
        assert expired.status == "removed" and not renew(person, expired, LIFE, now=NOW)


@pytest.mark.parametrize("taken_down", [AdStatus.REMOVED, AdStatus.REJECTED])
async def test_an_ad_taken_down_while_its_text_was_edited_stays_down(database: Database,
                                                                      taken_down: AdStatus) -> None:
    async with database.unit_of_work() as session:
        person = await make_volunteer(session)
        ad = await make_ad(session, volunteer=person, status=taken_down)
        written = await take_text(session, person, "Ich lese Senioren im Heim in Kassel gern etwas vor.",
                                  ad_id=ad.id, parse=parse_text)
        await session.refresh(ad)
        assert ad.status == taken_down.value and "Senioren" not in ad.text
        assert written.id != ad.id and written.status == "draft"  # the text is kept, as a new ad
