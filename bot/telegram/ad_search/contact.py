"""'Kontakt aufnehmen' at the edge: the member's steps, the person's buttons and answers, reports.

Nothing personal reaches the organisation before the person answers: the member's side only ever renders
what bot.ads.contacts returns for it (ToOrganisation), which holds the chosen name and the reply and nothing else.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from telegram import Message

from bot.ads import contacts, reports
from bot.ads.access import SearchAccess, contacting_organisations
from bot.ads.contacts import ContactRefused, ContactRules, NameChoice, Refusal, ToOrganisation
from bot.ads.limits import daily_limit
from bot.conversation import state
from bot.store.types import utcnow
from bot.telegram import notify
from bot.telegram.ad_search import keyboards
from bot.telegram.ad_search.keyboards import ContactAction
from bot.telegram.ad_search.render import limit_reached, note_to_person, notes_to_organisation
from bot.telegram.callbacks import AdAboutButton, AdContactButton, AdReportButton, ContactAnswerButton, \
    ContactReplyButton
from bot.telegram.context import Turn
from bot.telegram.formatting import line
from bot.telegram.sending import View, send
from bot.texts import t

# ChatState.awaiting (at most 20 characters) of the questions of this flow, followed by the contact id.
WRITING = "adc_text:"  # the member writes the first message
NAMING = "adc_name:"  # the person types the name to share
ANSWERING = "adc_reply:"  # the person writes their answer
REPLYING = "adc_org:"  # a member writes back to a person who answered
QUESTIONS = (WRITING, NAMING, ANSWERING, REPLYING)
# Literal catalogue keys of the refusals, so the catalogue test sees each one used.
REFUSED: dict[Refusal, str] = {
    Refusal.NO_ACCESS: "adcontact.refused_no_access", Refusal.AD_GONE: "adcontact.refused_ad_gone",
    Refusal.UNAVAILABLE: "adcontact.refused_unavailable", Refusal.ALREADY: "adcontact.refused_already",
    Refusal.NOT_YOURS: "adcontact.refused_not_yours", Refusal.CLOSED: "adcontact.refused_closed",
    Refusal.TOO_LONG: "adcontact.refused_too_long", Refusal.EMPTY: "adcontact.refused_empty",
    Refusal.LIMIT: "adcontact.refused_limit",
}
LIMITS: dict[str, int] = {WRITING: contacts.MAX_MESSAGE_CHARS, NAMING: contacts.MAX_NAME_CHARS,
                          ANSWERING: contacts.MAX_REPLY_CHARS, REPLYING: contacts.MAX_REPLY_CHARS}


def rules_of(turn: Turn[Any]) -> ContactRules:
    """Returns the operator's contact rules from the settings."""
    settings = turn.services.settings
    return ContactRules(SearchAccess(settings.ads_search_access), settings.ad_contacts_per_day)


def refusal_text(refused: ContactRefused, lang: str, limit: int = 0) -> str:
    """Words a refusal kindly (the daily limit says when it starts again)."""
    if refused.limit is not None:
        return limit_reached(refused.limit, lang)
    return t(lang, REFUSED[refused.reason], limit=limit)


async def start_contact(turn: Turn[AdContactButton]) -> None:
    """Starts a contact in one organisation's name and asks which listing it is about."""
    lang, rules = turn.lang, rules_of(turn)
    try:
        contact, listings = await contacts.begin_contact(
            turn.session, telegram_id=turn.user_id, organisation_id=turn.button.organisation_id,
            ad_id=turn.button.ad_id, rules=rules, now=utcnow())
    except ContactRefused as refused:
        turn.answer(refusal_text(refused, lang), alert=True)
        return
    organisations = await contacting_organisations(turn.session, turn.user_id, rules.access)
    acting = next(org for org in organisations if org.id == contact.organisation_id)
    others = [org for org in organisations if org.id != acting.id]
    turn.answer()
    turn.reply(View(t(lang, "adcontact.choose_listing", organisation=line(acting.name, 120)),
                    keyboards.listing_choice(contact.id, contact.ad_id, listings, others, lang)))


async def choose_listing(turn: Turn[AdAboutButton]) -> None:
    """Keeps the listing the contact is about and asks for the short text."""
    lang, listing = turn.lang, turn.button.listing
    try:
        contact = await contacts.choose_listing(turn.session, telegram_id=turn.user_id,
                                                contact_id=turn.button.contact_id,
                                                opportunity_id=listing - 1 if listing else None, rules=rules_of(turn))
    except ContactRefused as refused:
        turn.answer(refusal_text(refused, lang), alert=True)
        return
    await state.ask(turn.session, turn.volunteer.id, f"{WRITING}{contact.id}")
    turn.answer()
    turn.edit_buttons(None)
    key = "adcontact.ask_text" if contact.opportunity_id is not None else "adcontact.ask_text_no_listing"
    turn.reply(View(t(lang, key, limit=contacts.MAX_MESSAGE_CHARS)))


async def report_ad(turn: Turn[AdReportButton]) -> None:
    """Reports an ad to the admins of its region."""
    try:
        notice = await reports.report_ad(turn.session, ad_id=turn.button.ad_id, reporter_telegram_id=turn.user_id,
                                         now=utcnow())
    except reports.NotReportable:
        turn.answer(t(turn.lang, "adcontact.refused_ad_gone"), alert=True)
        return
    turn.answer(t(turn.lang, "adsearch.reported"), alert=True)
    if notice is not None:  # reported once already: the admins are not told twice
        await _tell_admins(turn, notice)


async def person_button(turn: Turn[ContactAnswerButton]) -> None:
    """The person behind the ad answers, declines, blocks, reports, chooses a name or shares their profile."""
    step = PERSON_STEPS.get(turn.button.action)
    if step is None:
        turn.refuse_stale()
        return
    try:
        await step(turn, turn.button.contact_id)
    except ContactRefused as refused:
        turn.answer(refusal_text(refused, turn.lang), alert=True)
    except reports.NotReportable:
        turn.answer(refusal_text(ContactRefused(Refusal.CLOSED), turn.lang), alert=True)


async def _answer(turn: Turn[ContactAnswerButton], contact_id: int) -> None:
    """Asks for the name to share first, or straight for the reply once it is chosen."""
    contact = await contacts.person_contact(turn.session, turn.volunteer.id, contact_id)
    if contact.name_chosen:
        await _ask_reply(turn, contact_id)
        return
    turn.answer()
    turn.reply(View(t(turn.lang, "adcontact.ask_name"),
                    keyboards.name_choice(contact_id, turn.query.from_user.first_name, turn.lang)))


async def _name(turn: Turn[ContactAnswerButton], contact_id: int) -> None:
    """Keeps the Telegram first name, or no name, and asks for the reply."""
    choice = NameChoice.FIRST_NAME if turn.button.action == ContactAction.NAME_FIRST else NameChoice.NONE
    await contacts.choose_name(turn.session, volunteer_id=turn.volunteer.id, contact_id=contact_id, choice=choice,
                               first_name=turn.query.from_user.first_name)
    turn.edit_buttons(None)
    await _ask_reply(turn, contact_id)


async def _ask_name(turn: Turn[ContactAnswerButton], contact_id: int) -> None:
    """Asks for the name the person wants to be called by."""
    await contacts.person_contact(turn.session, turn.volunteer.id, contact_id)
    await state.ask(turn.session, turn.volunteer.id, f"{NAMING}{contact_id}")
    turn.answer()
    turn.edit_buttons(None)
    turn.reply(View(t(turn.lang, "adcontact.ask_typed_name", limit=contacts.MAX_NAME_CHARS)))


async def _decline(turn: Turn[ContactAnswerButton], contact_id: int) -> None:
    """Declines; the organisation is told that, and nothing else."""
    note = await contacts.decline(turn.session, volunteer_id=turn.volunteer.id, contact_id=contact_id, now=utcnow())
    _done(turn, t(turn.lang, "adcontact.declined"))
    await _tell_organisation(turn, note)


async def _block(turn: Turn[ContactAnswerButton], contact_id: int) -> None:
    """Blocks the organisation; its pending contacts close as declined."""
    closed = await contacts.block_organisation(turn.session, volunteer_id=turn.volunteer.id, contact_id=contact_id,
                                               now=utcnow())
    contact = await contacts.person_contact(turn.session, turn.volunteer.id, contact_id, open_only=False)
    name = await contacts.organisation_name(turn.session, contact.organisation_id)
    _done(turn, t(turn.lang, "adcontact.blocked", organisation=line(name, 120)))
    for note in closed:
        await _tell_organisation(turn, note)


async def _report(turn: Turn[ContactAnswerButton], contact_id: int) -> None:
    """Reports the message the button sits under to the admins of the ad's region."""
    notice = await reports.report_contact(turn.session, volunteer_id=turn.volunteer.id,
                                          reporter_telegram_id=turn.user_id, contact_id=contact_id,
                                          shown=_shown_text(turn), now=utcnow())
    turn.answer(t(turn.lang, "adcontact.reported"), alert=True)
    await _tell_admins(turn, notice)


async def _share(turn: Turn[ContactAnswerButton], contact_id: int) -> None:
    """Gives the organisation a link to the person's Telegram profile, because they chose to."""
    note = await contacts.share_profile(turn.session, volunteer_id=turn.volunteer.id, contact_id=contact_id,
                                        now=utcnow())
    turn.answer()
    turn.reply(View(t(turn.lang, "adcontact.profile_shared", organisation=line(note.organisation, 120))))
    await _tell_organisation(turn, note)


PersonStep = Callable[[Turn[ContactAnswerButton], int], Awaitable[None]]
PERSON_STEPS: dict[int, PersonStep] = {
    ContactAction.ANSWER: _answer, ContactAction.NAME_FIRST: _name, ContactAction.NAME_NONE: _name,
    ContactAction.NAME_TYPED: _ask_name, ContactAction.DECLINE: _decline, ContactAction.BLOCK: _block,
    ContactAction.REPORT: _report, ContactAction.SHARE: _share,
}


async def reply_button(turn: Turn[ContactReplyButton]) -> None:
    """A member starts a reply to a person who answered."""
    try:
        contact = await contacts.member_contact(turn.session, turn.user_id, turn.button.contact_id, rules_of(turn))
        if contact.state != contacts.ContactState.ANSWERED:
            raise ContactRefused(Refusal.CLOSED)
    except ContactRefused as refused:
        turn.answer(refusal_text(refused, turn.lang), alert=True)
        return
    await state.ask(turn.session, turn.volunteer.id, f"{REPLYING}{contact.id}")
    turn.answer()
    turn.reply(View(t(turn.lang, "adcontact.ask_organisation_reply")))


async def take_answer(turn: Turn[None]) -> bool:
    """Takes a message that answers one of this flow's questions; tells whether it was one.

    A refused text (too long, empty) keeps the question open: the person writes it again, nothing is lost.
    """
    message = turn.update.message
    if message is None or not message.text or message.text.startswith("/"):
        return False
    question = await state.pending_question(turn.session, turn.volunteer.id)
    if question is None or not question.awaiting:
        return False
    prefix = next((name for name in QUESTIONS if question.awaiting.startswith(name)), None)
    if prefix is None:
        return False
    awaiting = question.awaiting
    state.close(question)  # a step may ask the next question (the reply after the name)
    try:
        await ANSWER_STEPS[prefix](turn, int(awaiting.removeprefix(prefix)), message.text)
    except ContactRefused as refused:
        if refused.reason in (Refusal.TOO_LONG, Refusal.EMPTY):
            question.awaiting = awaiting  # the same question again: nothing of the conversation is lost
        turn.reply(View(refusal_text(refused, turn.lang, LIMITS[prefix])))
    return True


async def _send_first(turn: Turn[None], contact_id: int, text: str) -> None:
    """Sends the member's first message to the person and says how many contacts are left today."""
    rules = rules_of(turn)
    sent = await contacts.send_contact(turn.session, telegram_id=turn.user_id, contact_id=contact_id, text=text,
                                       rules=rules, now=utcnow())
    contact = await contacts.member_contact(turn.session, turn.user_id, contact_id, rules)
    limit = await daily_limit(turn.session, contact.organisation_id, per_day=rules.per_day, now=utcnow())
    _say_once_delivered(turn, [await note_to_person(turn.session, sent)],
                        t(turn.lang, "adcontact.sent", count=max(limit.per_day - limit.used, 0)))


async def _take_name(turn: Turn[None], contact_id: int, text: str) -> None:
    """Keeps the name the person typed and asks for their reply."""
    await contacts.choose_name(turn.session, volunteer_id=turn.volunteer.id, contact_id=contact_id,
                               choice=NameChoice.TYPED, first_name="", typed=text)
    await _ask_reply(turn, contact_id)


async def _take_reply(turn: Turn[None], contact_id: int, text: str) -> None:
    """Passes the person's reply, with the name they chose, to the organisation."""
    note = await contacts.answer(turn.session, volunteer_id=turn.volunteer.id, contact_id=contact_id, text=text,
                                 now=utcnow())
    _say_once_delivered(turn, await notes_to_organisation(turn.session, note),
                        t(turn.lang, "adcontact.reply_sent", organisation=line(note.organisation, 120)))


async def _take_organisation_reply(turn: Turn[None], contact_id: int, text: str) -> None:
    """Passes a member's reply to the person."""
    sent = await contacts.organisation_reply(turn.session, telegram_id=turn.user_id, contact_id=contact_id,
                                             text=text, rules=rules_of(turn))
    _say_once_delivered(turn, [await note_to_person(turn.session, sent)],
                        t(turn.lang, "adcontact.organisation_reply_sent"))


AnswerStep = Callable[[Turn[None], int, str], Awaitable[None]]
ANSWER_STEPS: dict[str, AnswerStep] = {
    WRITING: _send_first, NAMING: _take_name, ANSWERING: _take_reply, REPLYING: _take_organisation_reply,
}


def _shown_text(turn: Turn[ContactAnswerButton]) -> str:
    """Returns the text of the message the pressed button sits under (the message being reported)."""
    message = turn.query.message
    return message.text or "" if isinstance(message, Message) else ""


async def _ask_reply(turn: Turn[ContactAnswerButton] | Turn[None], contact_id: int) -> None:
    """Asks the person for their answer to the contact."""
    contact = await contacts.person_contact(turn.session, turn.volunteer.id, contact_id)
    await state.ask(turn.session, turn.volunteer.id, f"{ANSWERING}{contact_id}")
    name = await contacts.organisation_name(turn.session, contact.organisation_id)
    turn.answer()
    turn.reply(View(t(turn.lang, "adcontact.ask_reply", organisation=line(name, 120))))


def _done(turn: Turn[ContactAnswerButton], text: str) -> None:
    """Answers the button, removes the contact's buttons and says what happened."""
    turn.answer()
    turn.edit_buttons(None)
    turn.reply(View(text))


def _say_once_delivered(turn: Turn[None], notes: list[notify.Note], said: str) -> None:
    """After the commit, sends the notes and only then tells the writer it went out (or that it did not: the
    other side blocked the bot, or Telegram refused the message)."""
    bot, lang, update = turn.context.bot, turn.lang, turn.update

    async def deliver() -> None:
        delivered = await notify.deliver(bot, notes)
        await send(update, said if delivered else t(lang, "adcontact.not_delivered"))

    turn.later(deliver)


async def _tell_organisation(turn: Turn[ContactAnswerButton] | Turn[None], message: ToOrganisation) -> None:
    """Sends the person's answer (or decision) to the organisation's members after the commit."""
    notes, bot = await notes_to_organisation(turn.session, message), turn.context.bot
    turn.later(lambda: notify.deliver(bot, notes))


async def _tell_admins(turn: Turn[AdReportButton] | Turn[ContactAnswerButton], notice: reports.ReportNotice) -> None:
    """Sends a report to the admins of the ad's region after the commit."""
    notes = await notify.notes_for_ad_report(turn.session, notice, turn.services.settings.admin_ids)
    bot = turn.context.bot
    turn.later(lambda: notify.deliver(bot, notes))
