"""What the people on both sides of a contact read, and how the daily limit is said (reports: bot.telegram.notify)."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy.ext.asyncio import AsyncSession

from bot.ads.contact_expiry import Unanswered
from bot.ads.contacts import ToOrganisation, ToPerson
from bot.ads.limits import DailyLimit
from bot.local_days import BERLIN
from bot.telegram.ad_search import keyboards
from bot.telegram.formatting import esc, line
from bot.telegram.notify import Note
from bot.texts import t
from bot.volunteers import languages_of


async def note_to_person(session: AsyncSession, message: ToPerson) -> Note:
    """Returns the organisation's message to the person, with the person's buttons."""
    lang = (await languages_of(session, [message.telegram_id]))[message.telegram_id]
    organisation, ad, text = line(message.organisation, 120), line(message.ad_label, 100), esc(message.text)
    if message.first:
        listing = t(lang, "adcontact.listing_line", title=line(message.listing, 120)) if message.listing else ""
        body = t(lang, "adcontact.to_person", organisation=organisation, ad=ad, listing=listing, text=text)
        return Note(message.telegram_id, body, keyboards.first_contact(message.contact_id, lang))
    body = t(lang, "adcontact.to_person_reply", organisation=organisation, ad=ad, text=text)
    return Note(message.telegram_id, body, keyboards.later_message(message.contact_id, lang))


async def notes_to_organisation(session: AsyncSession, message: ToOrganisation) -> list[Note]:
    """Returns the person's answer (or that they declined, or their shared profile) for every member."""
    languages = await languages_of(session, message.member_ids)
    notes = []
    for member in message.member_ids:
        lang = languages[member]
        name = line(message.name, 60) if message.name else t(lang, "adcontact.someone")
        ad = line(message.ad_label, 100)
        if message.profile_telegram_id is not None:
            notes.append(Note(member, t(lang, "adcontact.to_organisation_profile", name=name, ad=ad,
                                        link=f"tg://user?id={message.profile_telegram_id}")))
        elif message.text is None:
            notes.append(Note(member, t(lang, "adcontact.to_organisation_declined", ad=ad)))
        else:
            notes.append(Note(member, t(lang, "adcontact.to_organisation", name=name, ad=ad, text=esc(message.text)),
                              keyboards.reply(message.contact_id, lang)))
    return notes


async def notes_unanswered(session: AsyncSession, closed: Sequence[Unanswered]) -> list[Note]:
    """Tells every member of each organisation that a contact closed unanswered (which ad, when they wrote)."""
    languages = await languages_of(session, [member for contact in closed for member in contact.member_ids])
    notes = []
    for contact in closed:
        for member in contact.member_ids:
            lang = languages[member]
            sent = contact.sent_at.astimezone(BERLIN).strftime("%d.%m.%Y" if lang == "de" else "%d %b %Y")
            notes.append(Note(member, t(lang, "adcontact.to_organisation_unanswered",
                                        ad=line(contact.ad_label, 100), date=sent)))
    return notes


def limit_reached(limit: DailyLimit, lang: str) -> str:
    """Says that the daily limit is reached and when it starts again (the next midnight in Berlin)."""
    local = limit.resets_at.astimezone(BERLIN)
    date = local.strftime("%d.%m.%Y") if lang == "de" else local.strftime("%d %b %Y")
    return t(lang, "adcontact.refused_limit", limit=limit.per_day, count=limit.per_day,
             when=t(lang, "adcontact.resets_at", date=date))

