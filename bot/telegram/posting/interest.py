"""'Interesse melden': with the volunteer's consent, the organisation's members get their name and a way to reply."""

from __future__ import annotations

from telegram import Update
from telegram.ext import ContextTypes

from bot.posting.interest import InterestNotice, NotReportable, mark_answered, report_interest
from bot.store.types import utcnow
from bot.telegram.sending import edit_buttons, pressed, pressed_in_own_chat, refuse_foreign, send, volunteer_of
from bot.telegram.moderation.handlers import languages_of, send_to
from bot.telegram.posting.buttons import InterestAction, answered_button, interest_consent
from bot.telegram.formatting import line
from bot.telegram.services import services
from bot.texts import t


async def interest_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Asks for consent, reports the interest, keeps the name private, or marks the interest answered."""
    query, callback = pressed(update)
    user = query.from_user
    notice: InterestNotice | None = None
    async with services(context).unit_of_work() as session:
        volunteer = await volunteer_of(session, update)
        lang = volunteer.language
        action, id_ = callback.args if callback else (-1, 0)
        key = "problem.stale"
        if action == InterestAction.ANSWERED:
            answered = await mark_answered(session, user.id, id_, now=utcnow())
            key = "interest.toast_answered" if answered else "my_listings.not_yours"
        elif not pressed_in_own_chat(query):
            await refuse_foreign(query, lang)
            return
        elif action == InterestAction.ASK:
            key = "interest.consent"
        elif action == InterestAction.SHARE:
            try:
                notice = await report_interest(session, volunteer, id_, shared_name=user.full_name,
                                               now=utcnow())
                key = "interest.sent"
            except NotReportable:
                key = "interest.not_possible"
        elif action == InterestAction.KEEP:
            key = "interest.kept"
    if key == "interest.consent":
        await query.answer()
        await send(update, t(lang, key), interest_consent(id_, lang))
        return
    if action == InterestAction.ANSWERED:
        await query.answer(t(lang, key), show_alert=key != "interest.toast_answered")
        if key == "interest.toast_answered":
            await edit_buttons(query, None)
        return
    await query.answer()
    await edit_buttons(query, None)
    await send(update, t(lang, key))
    if notice is not None:
        await tell_organisation(context, notice, key="interest.notice")


async def tell_organisation(context: ContextTypes.DEFAULT_TYPE, notice: InterestNotice, *, key: str) -> None:
    """Sends the volunteer's name, a link to write to them and the 'beantwortet' button to every member."""
    async with services(context).database.read_only() as session:
        languages = await languages_of(session, notice.member_ids)
    for member in notice.member_ids:
        lang = languages[member]
        text = t(lang, key, title=line(notice.title, 120), name=line(notice.volunteer_name or "–", 100),
                 link=f"tg://user?id={notice.volunteer_telegram_id}")
        await send_to(context.bot, member, text, answered_button(notice.report_id, lang))
