"""Messages to other people than the one writing: the one way features reach each other.

A listing waiting for review goes to the admins of its region, a decision to the organisation's members, an
interest report to the organisation, a published listing's alerts to the people who saved a matching search.
The texts are composed in the update's unit of work (notes_*), and sent after it committed (deliver), so a
rolled-back decision is never announced. Features import this module, never each other's handlers.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession
from telegram import Bot, InlineKeyboardMarkup
from telegram.error import TelegramError

from bot import domain
from bot.admins import admins_covering
from bot.ads.manage import load_ad
from bot.ads.review import AdDecision, AdVerdict
from bot.ads.reports import ReportNotice
from bot.alerts import AlertDue
from bot.moderation import notices
from bot.moderation.notices import NoticeCopy
from bot.moderation.review import Decision, listing_with_organisation
from bot.privacy import OrphanedOrganisation
from bot.posting.interest import InterestNotice
from bot.store.db import Database
from bot.telegram.ads.keyboards import review_buttons
from bot.telegram.ads.render import card as ad_card
from bot.telegram.alerts.jobs import deliver_alerts
from bot.telegram.formatting import esc, line
from bot.telegram.posting.buttons import answered_button, moderation_buttons
from bot.telegram.posting.render import listing_details
from bot.texts import t
from bot.volunteers import languages_of

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Note:
    """One message to one person."""

    chat_id: int
    text: str
    markup: InlineKeyboardMarkup | None = None


async def deliver(bot: Bot, notes: Iterable[Note]) -> int:
    """Sends the notes; returns how many went out (a blocked bot or another failure is logged, not raised)."""
    sent = 0
    for note in notes:
        sent += await send_to(bot, note.chat_id, note.text, note.markup)
    return sent


async def send_to(bot: Bot, chat_id: int, text: str, markup: InlineKeyboardMarkup | None) -> int:
    """Sends one message to a person; returns 1 when it went out, 0 when it failed (logged)."""
    try:
        await bot.send_message(chat_id, text, reply_markup=markup)
    except TelegramError:
        log.warning("message to %s not sent", chat_id)
        return 0
    return 1


async def _send_copies(bot: Bot, notes: Sequence[Note]) -> list[NoticeCopy]:
    """Sends each admin's copy of a review notice; returns the copies that went out."""
    copies = []
    for note in notes:
        message_id = await send_copy(bot, note.chat_id, note.text, note.markup)
        if message_id is not None:
            copies.append(NoticeCopy(note.chat_id, message_id))
    return copies


async def deliver_review(bot: Bot, database: Database, opportunity_id: int, notes: Sequence[Note]) -> int:
    """Sends a waiting listing to its admins and remembers each copy, so a decision can update all of them."""
    copies = await _send_copies(bot, notes)
    if copies:
        async with database.unit_of_work() as session:
            await notices.remember(session, opportunity_id, copies)
    return len(copies)


async def send_copy(bot: Bot, chat_id: int, text: str, markup: InlineKeyboardMarkup | None) -> int | None:
    """Sends one message and returns its id; a blocked bot or another failure is logged, not raised."""
    try:
        sent = await bot.send_message(chat_id, text, reply_markup=markup)
    except TelegramError:
        log.warning("message to %s not sent", chat_id)
        return None
    return sent.message_id


@dataclass(frozen=True, slots=True)
class CopyEdit:
    """An admin's copy of a decided listing and the line that replaces it."""

    copy: NoticeCopy
    text: str


async def edits_for_decision(session: AsyncSession, decision: Decision, copies: Sequence[NoticeCopy], *,
                             admin: str) -> list[CopyEdit]:
    """Returns, for every admin's copy of a decided listing, what was decided and by whom (in their language)."""
    languages = await languages_of(session, {copy.chat_id for copy in copies})
    title, who = line(decision.title, 120), line(admin or "?", 60)
    edits = []
    for copy in copies:
        lang = languages[copy.chat_id]
        if decision.status == domain.OpportunityStatus.PUBLISHED.value:
            text = t(lang, "moderation.decided_approved", title=title, admin=who)
        else:
            text = t(lang, "moderation.decided_rejected", title=title, admin=who,
                     reason=line(decision.reason or "", 300))
        edits.append(CopyEdit(copy, text))
    return edits


async def close_copies(bot: Bot, edits: Iterable[CopyEdit]) -> None:
    """Replaces each copy by its decision line, without buttons (a copy deleted or too old is skipped)."""
    for change in edits:
        try:
            await bot.edit_message_text(change.text, chat_id=change.copy.chat_id, message_id=change.copy.message_id,
                                        reply_markup=None)
        except TelegramError:
            log.info("moderation copy %s/%s not updated", change.copy.chat_id, change.copy.message_id)


async def notes_for_orphans(session: AsyncSession, orphans: Iterable[OrphanedOrganisation],
                            admin_ids: list[int]) -> list[Note]:
    """Tells the admins of each region that an organisation has no member left and its listings were paused."""
    notes = []
    for orphan in orphans:
        admins = await admins_covering(session, orphan.state, orphan.district, admin_ids=admin_ids)
        languages = await languages_of(session, admins)
        notes += [Note(admin, t(languages[admin], "moderation.orphaned", organisation=line(orphan.name, 120),
                                count=orphan.paused)) for admin in admins]
    return notes


async def alerts(bot: Bot, database: Database, due: Sequence[AlertDue]) -> int:
    """Sends a published listing's alerts at once and records them (bot.telegram.alerts.jobs does the same later)."""
    return await deliver_alerts(bot, database, due) if due else 0


async def notes_for_review(session: AsyncSession, opportunity_id: int, admin_ids: list[int]) -> list[Note]:
    """Returns the new listing, with its decision buttons, for every admin whose region covers it."""
    found = await listing_with_organisation(session, opportunity_id)
    if found is None:
        return []
    listing, organisation = found
    admins = await admins_covering(session, listing.state, listing.district, admin_ids=admin_ids)
    languages = await languages_of(session, admins)
    return [Note(admin, t(languages[admin], "moderation.new") + "\n\n"
                 + listing_details(listing, organisation, languages[admin]),
                 moderation_buttons(listing.id, listing.organisation_id, languages[admin]))
            for admin in admins]


async def notes_for_decision(session: AsyncSession, decision: Decision) -> list[Note]:
    """Returns what the organisation's members are told about their listing: approved, rejected or edited."""
    languages = await languages_of(session, decision.member_ids)
    notes = []
    for member in decision.member_ids:
        lang = languages[member]
        title = line(decision.title, 120)
        if decision.action == domain.ModerationAction.EDITED:
            text = t(lang, "moderation.member_edited", title=title)
        elif decision.status == "published":
            text = t(lang, "moderation.member_approved", title=title)
        else:
            text = t(lang, "moderation.member_rejected", title=title, reason=line(decision.reason or "", 1000))
        notes.append(Note(member, text))
    return notes


async def notes_for_interest(session: AsyncSession, notice: InterestNotice, *, key: str) -> list[Note]:
    """Returns the volunteer's name, a link to write to them and the 'beantwortet' button for every member."""
    languages = await languages_of(session, notice.member_ids)
    notes = []
    for member in notice.member_ids:
        lang = languages[member]
        text = t(lang, key, title=line(notice.title, 120), name=line(notice.volunteer_name or "–", 100),
                 link=f"tg://user?id={notice.volunteer_telegram_id}")
        notes.append(Note(member, text, answered_button(notice.report_id, lang)))
    return notes



async def notes_for_ad_review(session: AsyncSession, ad_id: int, admin_ids: list[int], *,
                              only: int | None = None) -> list[Note]:
    """Returns a volunteer's ad waiting for review, as organisations would see it, for the admins of its region
    (or only for the admin who asked for the queue)."""
    ad = await load_ad(session, ad_id)
    if ad is None:
        return []
    state, district = (ad.place.state, ad.place.district) if ad.place else (None, None)
    admins = [only] if only is not None else await admins_covering(session, state, district, admin_ids=admin_ids)
    languages = await languages_of(session, admins)
    return [Note(admin, t(languages[admin], "ads.review_new", card=ad_card(ad, languages[admin])),
                 review_buttons(ad.id, languages[admin], waiting=ad.status is domain.AdStatus.PENDING))
            for admin in admins]


async def deliver_ad_review(bot: Bot, database: Database, ad_id: int, notes: Sequence[Note]) -> int:
    """Sends a waiting ad to its admins and remembers each copy, so a decision can update all of them."""
    copies = await _send_copies(bot, notes)
    if copies:
        async with database.unit_of_work() as session:
            await notices.remember_ad(session, ad_id, copies)
    return len(copies)


# Literal catalogue keys, so the catalogue test sees each one used.
_AD_DECIDED = {
    AdVerdict.APPROVE: "ads.decided_approve", AdVerdict.REJECT: "ads.decided_reject",
    AdVerdict.REMOVE: "ads.decided_remove", AdVerdict.BLOCK: "ads.decided_block",
}
_AD_TOLD = {
    AdVerdict.APPROVE: "ads.person_approved", AdVerdict.REJECT: "ads.person_rejected",
    AdVerdict.REMOVE: "ads.person_removed", AdVerdict.BLOCK: "ads.person_blocked",
}


async def ad_copy_edits(session: AsyncSession, decision: AdDecision, *, admin: str) -> list[CopyEdit]:
    """Returns, for every admin's copy of a decided ad, what was decided and by whom."""
    copies = await notices.take_ad(session, decision.ad_id)
    languages = await languages_of(session, {copy.chat_id for copy in copies})
    return [CopyEdit(copy, t(languages[copy.chat_id], _AD_DECIDED[decision.verdict], text=line(decision.text, 120),
                             admin=admin)) for copy in copies]


async def notes_for_ad_decision(session: AsyncSession, decision: AdDecision) -> list[Note]:
    """Returns what the ad's person is told about an admin's verdict (nothing when they blocked the bot)."""
    if decision.person_blocked_bot or decision.verdict not in _AD_TOLD:
        return []
    lang = (await languages_of(session, {decision.person_telegram_id}))[decision.person_telegram_id]
    return [Note(decision.person_telegram_id, t(lang, _AD_TOLD[decision.verdict], text=line(decision.text, 120)))]


async def notes_for_ad_warning(session: AsyncSession, decision: AdDecision, warning: str) -> list[Note]:
    """Returns an admin's warning for the ad's person, in the bot's words around the admin's."""
    if decision.person_blocked_bot:
        return []
    lang = (await languages_of(session, {decision.person_telegram_id}))[decision.person_telegram_id]
    return [Note(decision.person_telegram_id, t(lang, "ads.person_warned", text=line(decision.text, 120),
                                                warning=line(warning, 1000)))]
async def notes_for_ad_report(session: AsyncSession, notice: ReportNotice, admin_ids: list[int]) -> list[Note]:
    """Returns a reported ad or contact message, with the ad's verdict buttons, for every admin whose region covers
    the ad (never naming the reporter)."""
    admins = await admins_covering(session, notice.state, notice.district, admin_ids=admin_ids)
    languages = await languages_of(session, admins)
    notes = []
    for admin in admins:
        lang = languages[admin]
        region = line(", ".join(part for part in (notice.district, notice.state) if part)
                      or t(lang, "adcontact.region_unknown"), 80)
        if notice.organisation is None:
            text = t(lang, "adcontact.report_ad", ad_id=notice.ad_id, region=region, excerpt=esc(notice.excerpt, 1000))
        else:
            text = t(lang, "adcontact.report_contact", ad_id=notice.ad_id, region=region,
                     organisation=line(notice.organisation, 120), excerpt=esc(notice.excerpt, 1000))
        # The ad's verdict buttons (remove it, warn or block its person), as under a published ad in review.
        notes.append(Note(admin, text, review_buttons(notice.ad_id, lang, waiting=False)))
    return notes
