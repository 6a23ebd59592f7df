"""/rundschreiben: admins compose an announcement, choose its audience, preview, confirm twice, and follow it.

Every step checks the presser's admin scope again (bot.admins); the broadcast use cases limit regional admins
to their region, so the buttons offer only that region and forged data cannot widen it. Typed answers (the
text, a place, a time) are taken before the search: the registry routes private texts and photos here, and
without an open question they go on to the search (or the media answer) unchanged.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import replace

from telegram import CallbackQuery, Message, Update
from telegram.ext import ContextTypes

from bot.admins import AdminScope, NotAllowed, admin_scope
from bot.broadcasts import (
    AnnouncementError, AudienceError, BroadcastNotFound, broadcast_progress, cancel, confirm, list_broadcasts, preview,
)
from bot.store.models import ChatState
from bot.telegram import broadcast_buttons as buttons
from bot.telegram import broadcast_steps as steps
from bot.telegram import state
from bot.telegram.broadcast_steps import Outcome, Step
from bot.telegram.broadcasting import AnnouncementBot, wake_runner
from bot.telegram.callbacks import BroadcastAction as Do
from bot.telegram.callbacks import Callback
from bot.telegram.handlers.common import (
    edit, edit_buttons, pressed, pressed_in_own_chat, refuse_stale, send, volunteer_of,
)
from bot.telegram.render.broadcast import confirm_text, list_text
from bot.telegram.services import services
from bot.telegram.views import View
from bot.texts import t
from bot.volunteers import set_announcements

Action = Callable[[Step, Callback], Awaitable[Outcome | None]]
Answer = Callable[[Step, Message, ChatState], Awaitable[Outcome]]
REFUSALS = (NotAllowed, BroadcastNotFound, AnnouncementError, AudienceError)
NEW_WORDS = ("neu", "new")


async def broadcast_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Lists running and recent broadcasts with status and cancel buttons; 'neu' starts composing."""
    async with services(context).unit_of_work() as session:
        volunteer = await volunteer_of(session, update)
        scope = await admin_scope(session, volunteer.telegram_id, admin_ids=services(context).settings.admin_ids)
        if scope is None:
            view = View(t(volunteer.language, "moderation.not_admin"))  # the same answer as every admin command
        elif (context.args or [""])[0].lower() in NEW_WORDS:
            view = (await steps.ask(Step(session, volunteer, scope), steps.AWAITING_TEXT, "broadcast.compose")).send[0]
        else:
            summaries = await list_broadcasts(session, admin=scope, limit=10)
            view = View(list_text(volunteer.language, summaries),
                        buttons.broadcast_list(summaries, volunteer.language, viewer=volunteer.telegram_id))
    await send(update, view.text, view.markup)


async def press(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Carries out one button of the flow for an admin; anything forged, foreign or outdated is refused."""
    query, callback = pressed(update)
    async with services(context).unit_of_work() as session:
        volunteer = await volunteer_of(session, update)
        scope = await admin_scope(session, volunteer.telegram_id, admin_ids=services(context).settings.admin_ids)
        action = ACTIONS.get(callback.arg(1)) if callback is not None else None
        outcome: Outcome | None = None
        if scope is not None and action is not None and pressed_in_own_chat(query):
            try:
                outcome = await action(Step(session, volunteer, scope), callback)  # type: ignore[arg-type]
            except REFUSALS as error:
                outcome = Outcome(toast=_refusal(volunteer.language, error))
    if outcome is None:
        await refuse_stale(query, volunteer.language)
        return
    await _show(update, context, outcome, scope, query)  # type: ignore[arg-type]


async def take_answer(update: Update, context: ContextTypes.DEFAULT_TYPE) -> bool:
    """Answers the open announcement question; returns False when there is none (the usual case)."""
    message, user = update.effective_message, update.effective_user
    if message is None or user is None:
        return False
    async with services(context).unit_of_work() as session:
        question = await steps.open_question(session, user.id)
        if question is None:
            return False
        volunteer = await volunteer_of(session, update)
        scope = await admin_scope(session, user.id, admin_ids=services(context).settings.admin_ids)
        answer = ANSWERS.get(question.awaiting or "")
        if scope is None or answer is None:
            state.close(question)  # no longer an admin: the message is an ordinary one again
            return False
        try:
            outcome = await answer(Step(session, volunteer, scope), message, question)
        except REFUSALS as error:
            outcome = Outcome(send=[View(_refusal(volunteer.language, error))])
    await _show(update, context, outcome, scope, None)
    return True


async def unsubscribe(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Turns announcements off from the button under an announcement, and removes the button."""
    query, _ = pressed(update)
    async with services(context).unit_of_work() as session:
        volunteer = await volunteer_of(session, update)
        own = pressed_in_own_chat(query)
        if own:
            await set_announcements(session, volunteer, False)
    if not own:
        await refuse_stale(query, volunteer.language)
        return
    await query.answer(t(volunteer.language, "broadcast.unsubscribed"), show_alert=True)
    await edit_buttons(query, None)


async def _show(
    update: Update, context: ContextTypes.DEFAULT_TYPE, outcome: Outcome, scope: AdminScope,
    query: CallbackQuery | None,
) -> None:
    """Sends what a step decided, after its unit of work was committed."""
    if query is not None:
        await query.answer(outcome.toast, show_alert=bool(outcome.toast))
    elif outcome.toast:
        await send(update, outcome.toast)
    if query is not None and outcome.edit is not None:
        await edit(query, outcome.edit.text, outcome.edit.markup)  # type: ignore[arg-type]
    if outcome.preview is not None:
        await _send_preview(update, context, outcome)
    sent: Message | None = None
    for view in outcome.send:
        sent = await send(update, view.text, view.markup)
    if outcome.status_of is not None and sent is not None:
        async with services(context).unit_of_work() as session:
            await steps.attach_status(session, scope, outcome.status_of, sent)
    if outcome.wake:
        wake_runner(context)


async def _send_preview(update: Update, context: ContextTypes.DEFAULT_TYPE, outcome: Outcome) -> None:
    """Sends the announcement to the admin exactly as recipients get it (same sender, same button)."""
    announcement, chat = outcome.preview, update.effective_chat
    assert announcement is not None and chat is not None
    bot = AnnouncementBot(context.bot)
    if announcement.photo_file_id:
        await bot.send_photo(chat.id, announcement.photo_file_id, caption=announcement.text,
                             parse_mode=announcement.parse_mode)
    else:
        await bot.send_message(chat.id, announcement.text, parse_mode=announcement.parse_mode)


def _refusal(lang: str, error: Exception) -> str:
    """Explains a refused step in the admin's language."""
    if isinstance(error, NotAllowed):
        return t(lang, "broadcast.not_allowed")
    if isinstance(error, AudienceError):
        return t(lang, "broadcast.bad_audience")
    if isinstance(error, AnnouncementError):
        return t(lang, "broadcast.bad_message")
    return t(lang, "problem.stale_message")


async def _new(step: Step, callback: Callback) -> Outcome:
    """Asks for the announcement's text (or a photo with caption)."""
    return await steps.ask(step, steps.AWAITING_TEXT, "broadcast.compose")


async def _group(step: Step, callback: Callback) -> Outcome | None:
    """Switches volunteers or organisations' contacts on or off."""
    broadcast_id, group = callback.arg(0), callback.arg(2)
    if group not in (buttons.VOLUNTEERS, buttons.CONTACTS):
        return None
    audience = await steps.current_audience(step, broadcast_id)
    if group == buttons.VOLUNTEERS:
        audience = replace(audience, volunteers=not audience.volunteers)
    else:
        audience = replace(audience, contacts=not audience.contacts)
    return await steps.change_audience(step, broadcast_id, audience)


async def _regions(step: Step, callback: Callback) -> Outcome:
    """Shows the regions this admin may choose."""
    shown = await steps.menu(step, callback.arg(0))
    regions = buttons.regions_for(step.scope)
    return Outcome(edit=View(shown.text, buttons.region_menu(callback.arg(0), regions, step.lang)))


async def _region(step: Step, callback: Callback) -> Outcome | None:
    """Limits the audience to the chosen region (everywhere, a state, or the admin's district)."""
    regions = buttons.regions_for(step.scope)
    if callback.arg(2) >= len(regions):
        return None
    region = regions[callback.arg(2)]
    audience = replace(await steps.current_audience(step, callback.arg(0)), near=None,
                       state=region.state if region else None, district=region.district if region else None)
    return await steps.change_audience(step, callback.arg(0), audience)


async def _place(step: Step, callback: Callback) -> Outcome:
    """Asks for the place the radius is drawn around."""
    await steps.current_audience(step, callback.arg(0))  # only for a draft of this admin
    return await steps.ask(step, steps.AWAITING_PLACE, "broadcast.ask_place")


async def _radius(step: Step, callback: Callback) -> Outcome | None:
    """Changes the radius around the chosen place."""
    audience = await steps.current_audience(step, callback.arg(0))
    if audience.near is None or callback.arg(2) not in buttons.RADII_KM:
        return None
    near = replace(audience.near, radius_km=float(callback.arg(2)))
    return await steps.change_audience(step, callback.arg(0), replace(audience, near=near))


async def _district(step: Step, callback: Callback) -> Outcome | None:
    """Replaces the radius by the whole district the chosen place lies in."""
    audience = await steps.current_audience(step, callback.arg(0))
    if audience.near is None:
        return None
    place = steps.get_gazetteer().nearest(audience.near.lat, audience.near.lon)
    if place.district is None:
        return None
    audience = replace(audience, near=None, state=place.state, district=place.district)
    return await steps.change_audience(step, callback.arg(0), audience)


async def _interests(step: Step, callback: Callback) -> Outcome:
    """Shows the interest categories as toggles."""
    shown = await steps.menu(step, callback.arg(0))
    chosen = (await steps.current_audience(step, callback.arg(0))).interests
    return Outcome(edit=View(shown.text, buttons.interest_menu(callback.arg(0), chosen, step.lang)))


async def _menu(step: Step, callback: Callback) -> Outcome:
    """Shows the audience menu again."""
    return Outcome(edit=await steps.menu(step, callback.arg(0)))


async def _preview(step: Step, callback: Callback) -> Outcome:
    """Sends the preview exactly as recipients see it, then asks for the first confirmation."""
    shown = await preview(step.session, admin=step.scope, broadcast_id=callback.arg(0))
    question = View(confirm_text(step.lang, shown.recipients, second_step=False),
                    buttons.confirm_first(shown.broadcast_id, step.lang))
    return Outcome(preview=shown.announcement, send=[question])


async def _confirm(step: Step, callback: Callback) -> Outcome:
    """Asks the second time, with the number of people, whether to send now or later."""
    shown = await preview(step.session, admin=step.scope, broadcast_id=callback.arg(0))
    return Outcome(edit=View(confirm_text(step.lang, shown.recipients, second_step=True),
                             buttons.confirm_second(shown.broadcast_id, step.lang)))


async def _send_now(step: Step, callback: Callback) -> Outcome:
    """Queues the broadcast now; the confirmation turns into its status message."""
    await confirm(step.session, admin=step.scope, broadcast_id=callback.arg(0))
    view = await steps.status_view(step, callback.arg(0))
    return Outcome(send=[view], status_of=callback.arg(0), wake=True,
                   edit=View(t(step.lang, "broadcast.confirmed", id=callback.arg(0))))


async def _later(step: Step, callback: Callback) -> Outcome:
    """Asks when to send."""
    await preview(step.session, admin=step.scope, broadcast_id=callback.arg(0))  # still a draft of this admin
    return await steps.ask(step, steps.AWAITING_TIME, "broadcast.ask_time")


async def _discard(step: Step, callback: Callback) -> Outcome:
    """Throws the draft away."""
    await preview(step.session, admin=step.scope, broadcast_id=callback.arg(0))  # only drafts are discarded here
    return await steps.discard(step, callback.arg(0))


async def _status(step: Step, callback: Callback) -> Outcome:
    """Sends a fresh status message (the one the runner edits from now on) or the report."""
    current = await broadcast_progress(step.session, admin=step.scope, broadcast_id=callback.arg(0))
    view = await steps.status_view(step, callback.arg(0))
    active = current.status in buttons.ACTIVE
    return Outcome(send=[view], status_of=callback.arg(0) if active else None)


async def _cancel(step: Step, callback: Callback) -> Outcome:
    """Cancels a scheduled or running broadcast; recipients not reached yet get nothing."""
    changed = await cancel(step.session, admin=step.scope, broadcast_id=callback.arg(0))
    key = "broadcast.cancelled" if changed else "broadcast.already_over"
    # The pressed message shows the new state; a running broadcast's report follows once the runner finished it.
    return Outcome(toast=t(step.lang, key, id=callback.arg(0)), edit=await steps.status_view(step, callback.arg(0)),
                   wake=changed)


ACTIONS: dict[int, Action] = {
    Do.NEW: _new, Do.GROUP: _group, Do.REGIONS: _regions, Do.REGION: _region, Do.PLACE: _place,
    Do.RADIUS: _radius, Do.DISTRICT: _district, Do.INTERESTS: _interests, Do.INTEREST: steps.toggle_interest,
    Do.MENU: _menu, Do.PREVIEW: _preview, Do.CONFIRM: _confirm, Do.SEND_NOW: _send_now, Do.LATER: _later,
    Do.DISCARD: _discard, Do.STATUS: _status, Do.CANCEL: _cancel,
}
ANSWERS: dict[str, Answer] = {
    steps.AWAITING_TEXT: steps.take_text, steps.AWAITING_PLACE: steps.take_place, steps.AWAITING_TIME: steps.take_time,
}
