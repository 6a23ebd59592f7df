"""An admin's verdicts on volunteers' ads: approve, reject, remove, warn (a message through the bot), block."""

from __future__ import annotations

from bot.ads.manage import AdLife
from bot.ads.review import MAX_WARNING_CHARS, VERDICTS, AdRecord, AdVerdict, NotYours, decide, look_up, record_warning
from bot.conversation.state import ask, awaiting_with_prefix, close_awaiting
from bot.store.types import utcnow
from bot.telegram import notify
from bot.telegram.ads.keyboards import verdict_buttons
from bot.telegram.ads.render import STATUS_LABELS, card
from bot.telegram.callbacks import AdReviewButton
from bot.telegram.context import Turn
from bot.telegram.formatting import line
from bot.telegram.notify import Note
from bot.telegram.sending import View
from bot.texts import t

WARNING = "ad_warn:"  # the admin's next message is the warning for the ad's person (+ the ad's id)


async def review_button(turn: Turn[AdReviewButton]) -> None:
    """Applies an admin's verdict to an ad in their region; the person and the other admins' copies are told."""
    lang, pressed = turn.lang, turn.button
    scope = await turn.admin()
    if scope is None:
        turn.answer(t(lang, "moderation.not_admin"), alert=True)
        return
    if pressed.verdict >= len(VERDICTS):
        turn.refuse_stale()
        return
    verdict = VERDICTS[pressed.verdict]
    settings = turn.services.settings
    try:
        decision = await decide(turn.session, scope, pressed.ad_id, verdict,
                                AdLife(settings.ad_ttl_days, settings.ads_review), now=utcnow())
    except NotYours:
        turn.answer(t(lang, "ads.review_done_already"), alert=True)
        return
    turn.answer()
    if verdict is AdVerdict.WARN:
        await ask(turn.session, turn.volunteer.id, f"{WARNING}{decision.ad_id}")
        turn.reply(View(t(lang, "ads.ask_warning")))
        return
    edits = await notify.ad_copy_edits(turn.session, decision, admin=_name(turn))
    notes = await notify.notes_for_ad_decision(turn.session, decision)
    bot = turn.context.bot
    turn.later(lambda: notify.close_copies(bot, edits))
    turn.later(lambda: notify.deliver(bot, notes))


async def ad_command(turn: Turn[None]) -> None:
    """Shows an ad of the admin's region by its id ("/anzeige 123", the number in a report) with the verdicts
    that apply; the copy is remembered, so a decision on it shows who decided, as in the review queue."""
    lang, scope = turn.lang, await turn.admin()
    words = [word.lstrip("#") for word in turn.context.args or ()]
    if scope is None or len(words) != 1 or not words[0].isdigit() or len(words[0]) > 12:
        turn.reply(View(t(lang, "ads.lookup_usage")))
        return
    try:
        record = await look_up(turn.session, scope, int(words[0]))
    except NotYours:
        turn.reply(View(t(lang, "ads.lookup_unknown", ad_id=int(words[0]))))
        return
    note = Note(turn.user_id, _record_text(record, lang), verdict_buttons(record.ad.id, record.verdicts, lang))
    bot, database = turn.context.bot, turn.services.database
    turn.later(lambda: notify.deliver_ad_review(bot, database, record.ad.id, [note]))


def _record_text(record: AdRecord, lang: str) -> str:
    """The ad as organisations see it, under its id, state, region, reports and warnings."""
    ad = record.ad
    region = ", ".join(part for part in (ad.place.district, ad.place.state) if part) if ad.place else ""
    lines = [t(lang, "ads.lookup", ad_id=ad.id, status=t(lang, STATUS_LABELS[ad.status]),
               region=line(region, 80) or "–", reports=record.reports, warnings=record.warnings)]
    if record.person_blocked:
        lines.append(t(lang, "ads.lookup_blocked"))
    return "\n".join(lines) + "\n\n" + card(ad, lang)


async def take_warning(turn: Turn[None]) -> bool:
    """Sends the admin's message as a warning to the ad's person; tells whether a warning was awaited."""
    awaiting = await awaiting_with_prefix(turn.session, turn.user_id, WARNING)
    if awaiting is None:
        return False
    lang, text = turn.lang, (turn.message.text or "").strip()
    await close_awaiting(turn.session, turn.volunteer.id, WARNING)
    if not text or text.startswith("/"):
        turn.reply(View(t(lang, "ads.warning_cancelled")))
        return True
    scope = await turn.admin()
    ad_id = int(awaiting.removeprefix(WARNING) or 0)
    settings = turn.services.settings
    try:
        decision = await decide(turn.session, scope, ad_id, AdVerdict.WARN,
                                AdLife(settings.ad_ttl_days, settings.ads_review), now=utcnow()) if scope else None
    except NotYours:
        decision = None
    if scope is None or decision is None:
        turn.reply(View(t(lang, "ads.review_done_already")))
        return True
    record_warning(turn.session, scope, ad_id, text)
    notes = await notify.notes_for_ad_warning(turn.session, decision, text[:MAX_WARNING_CHARS])
    bot = turn.context.bot
    turn.later(lambda: notify.deliver(bot, notes))
    turn.reply(View(t(lang, "ads.warning_sent")))
    return True


def _name(turn: Turn[AdReviewButton]) -> str:
    """Returns the admin's name as the other admins see it."""
    user = turn.update.effective_user
    return line(user.full_name if user else "?", 60)
