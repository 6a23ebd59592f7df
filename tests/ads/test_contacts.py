"""'Kontakt aufnehmen' as use cases: consent before anything personal, forged ids, blocks, the daily limit."""

from __future__ import annotations

import asyncio
from dataclasses import replace
from typing import Any
from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy import select

from bot.ads import contact_expiry, contacts, reports
from bot.ads.access import SearchAccess, contacting_organisations, may_search_ads
from bot.ads.contacts import ContactRefused, ContactState, NameChoice, Refusal
from bot.ads import limits as limits_module
from bot.ads.limits import DailyLimit, berlin_day
from bot.local_days import BERLIN
from bot.domain import AdStatus
from bot.privacy import delete_volunteer_data
from bot.store.db import Database
from bot.store.models import AdContact, AdReport, OrganisationBlock, OrganisationMember, VolunteerAd
from tests.factories.ad_contacts import RULES, Club, Offer, make_club, make_offer

NOW = datetime(2026, 12, 4, 15, tzinfo=timezone.utc)


async def _send(database: Database, club: Club, offer: Offer, text: str = "Hättest du Lust, bei uns zu helfen?",
                *, now: datetime = NOW, rules: contacts.ContactRules = RULES, listing: bool = True) -> int:
    """Runs the member's three steps; returns the contact id."""
    async with database.unit_of_work() as session:
        contact, listings = await contacts.begin_contact(session, telegram_id=club.member,
                                                         organisation_id=club.organisation_id, ad_id=offer.ad_id,
                                                         rules=rules, now=now)
        assert [choice.id for choice in listings] == [club.listing_id]
        await contacts.choose_listing(session, telegram_id=club.member, contact_id=contact.id,
                                      opportunity_id=club.listing_id if listing else None, rules=rules)
        sent = await contacts.send_contact(session, telegram_id=club.member, contact_id=contact.id, text=text,
                                           rules=rules, now=now)
    assert sent.telegram_id == offer.telegram_id and sent.first
    return contact.id


async def _refusal(coroutine: object) -> Refusal:
    with pytest.raises(ContactRefused) as refused:
        await coroutine  # type: ignore[misc]
    return refused.value.reason


async def test_the_organisation_learns_only_the_chosen_name_and_the_reply(any_database: Database) -> None:
    async with any_database.unit_of_work() as session:
        club, offer = await make_club(session, name="Stadtteiltreff Nord e.V."), await make_offer(session)
    contact_id = await _send(any_database, club, offer)
    async with any_database.unit_of_work() as session:
        # Before answering, the person must choose a name; an answer without that choice is refused.
        assert await _refusal(contacts.answer(session, volunteer_id=offer.volunteer_id, contact_id=contact_id,
                                              text="Ja gern", now=NOW)) == Refusal.CLOSED
        await contacts.choose_name(session, volunteer_id=offer.volunteer_id, contact_id=contact_id,
                                   choice=NameChoice.TYPED, first_name="Anna", typed="  A. aus Kassel ")
        note = await contacts.answer(session, volunteer_id=offer.volunteer_id, contact_id=contact_id,
                                     text="Ja gern, dienstags kann ich.", now=NOW)
    assert note.member_ids == (club.member,) and note.organisation == "Stadtteiltreff Nord e.V."
    assert (note.name, note.text, note.profile_telegram_id) == ("A. aus Kassel", "Ja gern, dienstags kann ich.", None)
    assert offer.telegram_id not in vars_of(note)
    async with any_database.unit_of_work() as session:
        shared = await contacts.share_profile(session, volunteer_id=offer.volunteer_id, contact_id=contact_id, now=NOW)
        stored = await session.get(AdContact, contact_id)
        assert stored is not None and stored.state == ContactState.ANSWERED
    assert shared.profile_telegram_id == offer.telegram_id  # only because the person chose to share it


def vars_of(note: contacts.ToOrganisation) -> list[object]:
    """Returns every value a message to the organisation carries."""
    return [getattr(note, name) for name in note.__slots__]


async def test_without_a_name_the_organisation_sees_no_name(database: Database) -> None:
    async with database.unit_of_work() as session:
        club, offer = await make_club(session), await make_offer(session)
    contact_id = await _send(database, club, offer, listing=False)
    async with database.unit_of_work() as session:
        await contacts.choose_name(session, volunteer_id=offer.volunteer_id, contact_id=contact_id,
                                   choice=NameChoice.NONE, first_name="Anna")
        note = await contacts.answer(session, volunteer_id=offer.volunteer_id, contact_id=contact_id,
                                     text="Worum geht es genau?", now=NOW)
    assert note.name is None and "Anna" not in vars_of(note)


async def test_a_declined_contact_tells_the_organisation_nothing_and_cannot_be_repeated(database: Database) -> None:
    async with database.unit_of_work() as session:
        club, offer = await make_club(session), await make_offer(session)
    contact_id = await _send(database, club, offer)
    async with database.unit_of_work() as session:
        note = await contacts.decline(session, volunteer_id=offer.volunteer_id, contact_id=contact_id, now=NOW)
        assert (note.name, note.text) == (None, None)
        assert await _refusal(contacts.begin_contact(session, telegram_id=club.member,
                                                     organisation_id=club.organisation_id, ad_id=offer.ad_id,
                                                     rules=RULES, now=NOW)) == Refusal.ALREADY
        assert await _refusal(contacts.choose_name(session, volunteer_id=offer.volunteer_id, contact_id=contact_id,
                                                   choice=NameChoice.NONE, first_name="")) == Refusal.CLOSED


async def test_forged_ids_are_refused(any_database: Database) -> None:
    async with any_database.unit_of_work() as session:
        club, other_club = await make_club(session), await make_club(session)
        unverified = await make_club(session, verified=False)
        offer, someone_else = await make_offer(session), await make_offer(session)
        paused = await make_offer(session, status=AdStatus.PAUSED)
    contact_id = await _send(any_database, club, offer)
    async with any_database.unit_of_work() as session:
        # Somebody else's contact, pressed by another person or by another organisation's member.
        assert await _refusal(contacts.person_contact(session, someone_else.volunteer_id, contact_id)) \
            == Refusal.NOT_YOURS
        assert await _refusal(contacts.organisation_reply(session, telegram_id=other_club.member,
                                                          contact_id=contact_id, text="Hallo",
                                                          rules=RULES)) == Refusal.NOT_YOURS
        # In the name of an organisation one is not a member of, or one that is not verified.
        assert await _refusal(contacts.begin_contact(session, telegram_id=club.member,
                                                     organisation_id=other_club.organisation_id,
                                                     ad_id=someone_else.ad_id, rules=RULES, now=NOW)) \
            == Refusal.NO_ACCESS
        assert await _refusal(contacts.begin_contact(session, telegram_id=unverified.member,
                                                     organisation_id=unverified.organisation_id,
                                                     ad_id=someone_else.ad_id, rules=RULES, now=NOW)) \
            == Refusal.NO_ACCESS
        # A paused ad, a deleted ad, and one's own ad.
        for ad_id in (paused.ad_id, 10**9):
            assert await _refusal(contacts.begin_contact(session, telegram_id=club.member,
                                                         organisation_id=club.organisation_id, ad_id=ad_id,
                                                         rules=RULES, now=NOW)) == Refusal.AD_GONE
        own = await make_offer(session, telegram_id=club.member + 10**6)
        assert await _refusal(contacts.begin_contact(session, telegram_id=own.telegram_id,
                                                     organisation_id=club.organisation_id, ad_id=own.ad_id,
                                                     rules=RULES, now=NOW)) == Refusal.NO_ACCESS
        # Another organisation's listing named in a draft.
        draft, _ = await contacts.begin_contact(session, telegram_id=club.member,
                                                organisation_id=club.organisation_id,
                                                ad_id=someone_else.ad_id, rules=RULES, now=NOW)
        assert await _refusal(contacts.choose_listing(session, telegram_id=club.member, contact_id=draft.id,
                                                      opportunity_id=other_club.listing_id, rules=RULES)) \
            == Refusal.NOT_YOURS
    # With access for members of any organisation, the unverified one may contact.
    members = replace(RULES, access=SearchAccess.MEMBERS)
    await _send(any_database, unverified, someone_else, rules=members)


async def test_the_persons_own_ad_cannot_be_contacted_by_their_organisation(database: Database) -> None:
    async with database.unit_of_work() as session:
        club = await make_club(session)
        own = await make_offer(session, telegram_id=club.member)
        assert await _refusal(contacts.begin_contact(session, telegram_id=club.member,
                                                     organisation_id=club.organisation_id, ad_id=own.ad_id,
                                                     rules=RULES, now=NOW)) == Refusal.UNAVAILABLE


async def test_a_blocked_organisation_cannot_contact_and_its_open_contacts_close(any_database: Database) -> None:
    async with any_database.unit_of_work() as session:
        club, offer = await make_club(session), await make_offer(session)
        second_ad = await make_offer(session, telegram_id=None)
    first = await _send(any_database, club, offer)
    async with any_database.unit_of_work() as session:
        # The same person's second ad, contacted too: blocking closes both.
        other_ad = await session.get(VolunteerAd, second_ad.ad_id)
        assert other_ad is not None
        other_ad.volunteer_id = offer.volunteer_id
    second = await _send(any_database, club, replace(second_ad, volunteer_id=offer.volunteer_id,
                                                     telegram_id=offer.telegram_id))
    async with any_database.unit_of_work() as session:
        notes = await contacts.block_organisation(session, volunteer_id=offer.volunteer_id, contact_id=first, now=NOW)
        assert [note.contact_id for note in notes] == [first, second]
        assert all(note.name is None and note.text is None for note in notes)
    async with any_database.unit_of_work() as session:
        states = (await session.execute(select(AdContact.state).order_by(AdContact.id))).scalars().all()
        assert states == [ContactState.DECLINED, ContactState.DECLINED]
        assert await session.get(OrganisationBlock, (offer.volunteer_id, club.organisation_id)) is not None
        new_ad = await make_offer(session)
        new = await session.get(VolunteerAd, new_ad.ad_id)
        assert new is not None
        new.volunteer_id = offer.volunteer_id
        await session.flush()
        assert await _refusal(contacts.begin_contact(session, telegram_id=club.member,
                                                     organisation_id=club.organisation_id, ad_id=new_ad.ad_id,
                                                     rules=RULES, now=NOW)) == Refusal.UNAVAILABLE
        assert await _refusal(contacts.organisation_reply(session, telegram_id=club.member, contact_id=first,
                                                          text="Hallo?", rules=RULES)) == Refusal.CLOSED
        assert await contacts.unblock_organisation(session, volunteer_id=offer.volunteer_id,
                                                   organisation_id=club.organisation_id)


async def test_the_daily_limit_counts_the_calendar_day_in_berlin(any_database: Database) -> None:
    late_evening = datetime(2026, 12, 4, 22, 30, tzinfo=timezone.utc)  # 23:30 in Berlin
    after_midnight = datetime(2026, 12, 4, 23, 5, tzinfo=timezone.utc)  # 00:05 on 5 December in Berlin
    two_a_day = replace(RULES, per_day=2)
    async with any_database.unit_of_work() as session:
        club = await make_club(session)
        offers = [await make_offer(session) for _ in range(4)]
    for offer in offers[:2]:
        await _send(any_database, club, offer, rules=two_a_day, now=late_evening)
    async with any_database.unit_of_work() as session:
        with pytest.raises(ContactRefused) as refused:
            await contacts.begin_contact(session, telegram_id=club.member, organisation_id=club.organisation_id,
                                         ad_id=offers[2].ad_id, rules=two_a_day, now=late_evening)
    limit = refused.value.limit
    assert refused.value.reason == Refusal.LIMIT and limit is not None
    assert (limit.used, limit.per_day) == (2, 2)
    assert limit.resets_at == datetime(2026, 12, 5, 0, 0, tzinfo=BERLIN) == after_midnight.replace(minute=0)
    # The UTC day has not changed yet, the Berlin day has: contacts are possible again.
    await _send(any_database, club, offers[2], rules=two_a_day, now=after_midnight)


async def test_a_draft_left_open_does_not_count_and_a_draft_cannot_overtake_the_limit(database: Database) -> None:
    one_a_day = replace(RULES, per_day=1)
    async with database.unit_of_work() as session:
        club, first, second = await make_club(session), await make_offer(session), await make_offer(session)
        draft, _ = await contacts.begin_contact(session, telegram_id=club.member, organisation_id=club.organisation_id,
                                                ad_id=second.ad_id, rules=one_a_day, now=NOW)
    await _send(database, club, first, rules=one_a_day)  # the open draft counted for nothing
    async with database.unit_of_work() as session:
        assert await _refusal(contacts.send_contact(session, telegram_id=club.member, contact_id=draft.id,
                                                    text="Hallo", rules=one_a_day, now=NOW)) == Refusal.LIMIT


async def test_texts_are_checked_and_never_cut(database: Database) -> None:
    async with database.unit_of_work() as session:
        club, offer = await make_club(session), await make_offer(session)
        draft, _ = await contacts.begin_contact(session, telegram_id=club.member, organisation_id=club.organisation_id,
                                                ad_id=offer.ad_id, rules=RULES, now=NOW)
        for text, reason in (("x" * 501, Refusal.TOO_LONG), ("  \n ", Refusal.EMPTY)):
            assert await _refusal(contacts.send_contact(session, telegram_id=club.member, contact_id=draft.id,
                                                        text=text, rules=RULES, now=NOW)) == reason
        sent = await contacts.send_contact(session, telegram_id=club.member, contact_id=draft.id,
                                           text="x" * 500, rules=RULES, now=NOW)
        assert sent.text == "x" * 500


async def test_unanswered_contacts_expire_after_two_weeks(database: Database) -> None:
    async with database.unit_of_work() as session:
        club, offer = await make_club(session), await make_offer(session)
    contact_id = await _send(database, club, offer, now=datetime(2026, 11, 1, tzinfo=timezone.utc))
    async with database.unit_of_work() as session:
        expired = await contact_expiry.expire_unanswered(session, now=NOW)
    [unanswered] = expired.unanswered
    assert (expired.closed, unanswered.contact_id, unanswered.member_ids) == (1, contact_id, (club.member,))
    assert unanswered.ad_label.startswith("Ich helfe")
    assert unanswered.sent_at == datetime(2026, 11, 1, tzinfo=timezone.utc)
    async with database.unit_of_work() as session:
        assert (await contact_expiry.expire_unanswered(session, now=NOW)).closed == 0  # told once
    async with database.unit_of_work() as session:
        assert await _refusal(contacts.decline(session, volunteer_id=offer.volunteer_id, contact_id=contact_id,
                                               now=NOW)) == Refusal.CLOSED


def test_the_berlin_day_is_23_or_25_hours_long_when_the_clocks_change() -> None:
    spring_start, spring_end = berlin_day(datetime(2027, 3, 28, 12, tzinfo=timezone.utc))
    autumn_start, autumn_end = berlin_day(datetime(2026, 10, 25, 12, tzinfo=timezone.utc))
    assert (spring_end - spring_start).total_seconds() == 23 * 3600
    assert (autumn_end - autumn_start).total_seconds() == 25 * 3600


async def test_who_may_search_and_in_whose_name_follows_the_setting(database: Database) -> None:
    async with database.unit_of_work() as session:
        verified, unverified = await make_club(session), await make_club(session, verified=False)
        both = await make_club(session, member=verified.member + 5)
        await make_club(session, member=both.member, name="Zweiter Verein e.V.")
        outsider = 9_399_999
        for access, allowed in ((SearchAccess.VERIFIED, {verified.member}),
                                (SearchAccess.MEMBERS, {verified.member, unverified.member}),
                                (SearchAccess.ALL, {verified.member, unverified.member, outsider})):
            for member in (verified.member, unverified.member, outsider):
                assert await may_search_ads(session, member, access) == (member in allowed), (access, member)
        # Anyone may search with ALL, but only members contact, and a member of two organisations may act for both.
        assert await contacting_organisations(session, outsider, SearchAccess.ALL) == []
        names = [org.name for org in await contacting_organisations(session, both.member, SearchAccess.VERIFIED)]
        assert names == [both.name, "Zweiter Verein e.V."]


async def test_an_answer_to_an_organisation_without_members_is_refused(database: Database) -> None:
    async with database.unit_of_work() as session:
        club, offer = await make_club(session), await make_offer(session)
    contact_id = await _send(database, club, offer)
    async with database.unit_of_work() as session:
        await delete_volunteer_data(session, club.member)
    async with database.unit_of_work() as session:
        await contacts.choose_name(session, volunteer_id=offer.volunteer_id, contact_id=contact_id,
                                   choice=NameChoice.NONE, first_name="")
    async with database.unit_of_work() as session:
        assert await _refusal(contacts.answer(session, volunteer_id=offer.volunteer_id, contact_id=contact_id,
                                              text="Hallo?", now=NOW)) == Refusal.CLOSED
    async with database.read_only() as session:
        contact = await session.get(AdContact, contact_id)
        assert contact is not None and contact.state == ContactState.EXPIRED and contact.reply_text is None


async def test_two_members_sending_at_once_keep_to_the_limit_on_postgresql(
    postgres_database: Database, second_process: Database, monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert await _two_sends_at_once(postgres_database, second_process, monkeypatch) == ["limit", "sent"]


async def test_two_members_sending_at_once_keep_to_the_limit_on_sqlite(
    database: Database, monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Two units of work of one process, each on its own connection: SQLite ignores FOR UPDATE, so the
    # organisation's row is written first, which takes the database's write lock before counting.
    assert await _two_sends_at_once(database, database, monkeypatch) == ["limit", "sent"]


async def _two_sends_at_once(first_database: Database, second_database: Database,
                             monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Two members of one organisation with a limit of one send at once; returns both outcomes, sorted."""
    one_a_day = replace(RULES, per_day=1)
    counted = asyncio.Event()
    count = limits_module.daily_limit

    async def count_then_linger(*args: Any, **kwargs: Any) -> DailyLimit:
        """Counts, then gives the other send up to half a second to count too (which the lock must prevent)."""
        found = await count(*args, **kwargs)
        if counted.is_set():
            return found
        counted.set()
        await asyncio.sleep(0.5)
        return found

    async with first_database.unit_of_work() as session:
        club = await make_club(session)
        colleague = club.member + 1
        session.add(OrganisationMember(organisation_id=club.organisation_id, telegram_id=colleague, role="member"))
        first, second = await make_offer(session), await make_offer(session)
        drafts = [await contacts.begin_contact(session, telegram_id=member, organisation_id=club.organisation_id,
                                               ad_id=offer.ad_id, rules=one_a_day, now=NOW)
                  for member, offer in ((club.member, first), (colleague, second))]
        ids = [(member, draft.id) for member, (draft, _) in zip((club.member, colleague), drafts, strict=True)]

    async def send(database: Database, member: int, contact_id: int) -> str:
        try:
            async with database.unit_of_work() as session:
                await contacts.send_contact(session, telegram_id=member, contact_id=contact_id, text="Hallo!",
                                            rules=one_a_day, now=NOW)
        except ContactRefused as refused:
            return refused.reason.value
        return "sent"

    monkeypatch.setattr(contacts, "daily_limit", count_then_linger)
    outcomes = await asyncio.gather(send(first_database, *ids[0]), send(second_database, *ids[1]))
    return sorted(outcomes)


async def test_a_draft_closed_before_it_was_sent_does_not_stop_a_later_contact(database: Database) -> None:
    async with database.unit_of_work() as session:
        club, offer = await make_club(session), await make_offer(session)
        draft, _ = await contacts.begin_contact(session, telegram_id=club.member, organisation_id=club.organisation_id,
                                                ad_id=offer.ad_id, rules=RULES, now=NOW)
    async with database.unit_of_work() as session:
        later = draft.updated_at + timedelta(days=2)
        assert (await contact_expiry.expire_unanswered(session, now=later)).drafts == 1
        assert await contacts.not_contactable(session, club.organisation_id, [offer.ad_id]) == set()
    assert await _send(database, club, offer) == draft.id
    async with database.unit_of_work() as session:
        assert await contacts.not_contactable(session, club.organisation_id, [offer.ad_id]) == {offer.ad_id}
        assert await _refusal(contacts.begin_contact(session, telegram_id=club.member,
                                                     organisation_id=club.organisation_id, ad_id=offer.ad_id,
                                                     rules=RULES, now=NOW)) == Refusal.ALREADY


async def test_only_published_ads_can_be_reported_and_once_by_each_reporter(database: Database) -> None:
    async with database.unit_of_work() as session:
        club, other, offer = await make_club(session), await make_club(session), await make_offer(session)
        hidden = [await make_offer(session, status=status) for status in
                  (AdStatus.DRAFT, AdStatus.PENDING, AdStatus.REMOVED, AdStatus.PAUSED, AdStatus.EXPIRED)]
        for forged in hidden:
            with pytest.raises(reports.NotReportable):
                await reports.report_ad(session, ad_id=forged.ad_id, reporter_telegram_id=club.member, now=NOW)
        first = await reports.report_ad(session, ad_id=offer.ad_id, reporter_telegram_id=club.member, now=NOW)
        again = await reports.report_ad(session, ad_id=offer.ad_id, reporter_telegram_id=club.member, now=NOW)
        another = await reports.report_ad(session, ad_id=offer.ad_id, reporter_telegram_id=other.member, now=NOW)
        assert first is not None and again is None and another is not None
        rows = (await session.execute(select(AdReport.ad_id, AdReport.reporter_telegram_id))).all()
    assert sorted(rows) == sorted([(offer.ad_id, club.member), (offer.ad_id, other.member)])
