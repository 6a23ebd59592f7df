"""'Interesse melden': with the volunteer's consent, the organisation's members get their name and a way to reply."""

from __future__ import annotations

from bot.posting.interest import InterestNotice, NotReportable, mark_answered, report_interest
from bot.store.types import utcnow
from bot.telegram import notify
from bot.telegram.callbacks import InterestButton
from bot.telegram.context import Turn
from bot.telegram.posting.buttons import InterestAction, interest_consent
from bot.telegram.sending import View
from bot.texts import t


async def interest_button(turn: Turn[InterestButton]) -> None:
    """Asks for consent, reports the interest, keeps the name private, or marks the interest answered."""
    session, volunteer, lang, user = turn.session, turn.volunteer, turn.lang, turn.query.from_user
    action, id_ = turn.button.action, turn.button.target_id
    notice: InterestNotice | None = None
    key = "problem.stale"
    if action == InterestAction.ANSWERED:
        answered = await mark_answered(session, user.id, id_, now=utcnow())
        key = "interest.toast_answered" if answered else "my_listings.not_yours"
    elif not turn.in_own_chat:
        turn.refuse_foreign()
        return
    elif action == InterestAction.ASK:
        key = "interest.consent"
    elif action == InterestAction.SHARE:
        try:
            notice = await report_interest(session, volunteer, id_, shared_name=user.full_name, now=utcnow())
            key = "interest.sent"
        except NotReportable:
            key = "interest.not_possible"
    elif action == InterestAction.KEEP:
        key = "interest.kept"
    if key == "interest.consent":
        turn.answer()
        turn.reply(View(t(lang, key), interest_consent(id_, lang)))
        return
    if action == InterestAction.ANSWERED:
        turn.answer(t(lang, key), alert=key != "interest.toast_answered")
        if key == "interest.toast_answered":
            turn.edit_buttons(None)
        return
    turn.answer()
    turn.edit_buttons(None)
    turn.reply(View(t(lang, key)))
    if notice is not None:
        notes = await notify.notes_for_interest(session, notice, key="interest.notice")
        bot = turn.context.bot
        turn.later(lambda: notify.deliver(bot, notes))
