"""/rundschreiben: admins compose an announcement, choose its audience, preview, confirm twice, and follow it.

Every step checks the presser's admin scope again (bot.admins); the broadcast use cases limit regional admins
to their region, so the buttons offer only that region and forged data cannot widen it. Typed answers (the
text, a place, a time) are taken before the search: the registry routes private texts and photos here, and
without an open question they go on to the search (or the media answer) unchanged.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import replace

from telegram import Message

from bot.admins import AdminScope, NotAllowed
from bot.broadcasts import (
    AnnouncementError, AudienceError, BroadcastNotFound, broadcast_progress, cancel, confirm, list_broadcasts, preview,
)
from bot.conversation import state
from bot.store.models import ChatState
from bot.telegram.announcements import buttons, steps
from bot.telegram.announcements.render import confirm_text, list_text
from bot.telegram.announcements.runner import AnnouncementBot, wake_runner
from bot.telegram.announcements.steps import Outcome, Step
from bot.telegram.callbacks import BroadcastAction as Do
from bot.telegram.callbacks import BroadcastButton, UnsubscribeButton
from bot.telegram.context import Turn
from bot.telegram.sending import View, send
from bot.texts import t
from bot.volunteers import set_announcements
from nlu.kernel.gazetteer import get_gazetteer

Action = Callable[[Step, BroadcastButton], Awaitable[Outcome | None]]
Answer = Callable[[Step, Message, ChatState], Awaitable[Outcome]]
REFUSALS = (NotAllowed, BroadcastNotFound, AnnouncementError, AudienceError)
NEW_WORDS = ("neu", "new")


async def broadcast_command(turn: Turn[None]) -> None:
    """Lists running and recent broadcasts with status and cancel buttons; 'neu' starts composing."""
    volunteer, scope = turn.volunteer, turn.scope
    if scope is None:
        view = View(t(volunteer.language, "moderation.not_admin"))  # the same answer as every admin command
    elif (turn.context.args or [""])[0].lower() in NEW_WORDS:
        view = (await steps.ask(Step(turn.session, volunteer, scope), steps.AWAITING_TEXT, "broadcast.compose")).send[0]
    else:
        summaries = await list_broadcasts(turn.session, admin=scope, limit=10)
        view = View(list_text(volunteer.language, summaries),
                    buttons.broadcast_list(summaries, volunteer.language, viewer=volunteer.telegram_id))
    turn.reply(view)


async def press(turn: Turn[BroadcastButton]) -> None:
    """Carries out one button of the flow for an admin; anything forged, foreign or outdated is refused."""
    volunteer, scope = turn.volunteer, turn.scope
    action = ACTIONS.get(turn.button.action)
    outcome: Outcome | None = None
    if scope is not None and action is not None and turn.in_own_chat:
        try:
            outcome = await action(Step(turn.session, volunteer, scope), turn.button)
        except REFUSALS as error:
            outcome = Outcome(toast=_refusal(volunteer.language, error))
    if outcome is None or scope is None:
        turn.refuse_stale()
        return
    _show(turn, outcome, scope, pressed=True)


async def take_answer(turn: Turn[None]) -> bool:
    """Answers the open announcement question; returns False when there is none (the usual case)."""
    question = await steps.open_question(turn.session, turn.user_id)
    if question is None:
        return False
    volunteer, scope = turn.volunteer, await turn.admin()
    answer = ANSWERS.get(question.awaiting or "")
    if scope is None or answer is None:
        state.close(question)  # no longer an admin: the message is an ordinary one again
        return False
    try:
        outcome = await answer(Step(turn.session, volunteer, scope), turn.message, question)
    except REFUSALS as error:
        outcome = Outcome(send=[View(_refusal(volunteer.language, error))])
    _show(turn, outcome, scope, pressed=False)
    return True


async def unsubscribe(turn: Turn[UnsubscribeButton]) -> None:
    """Turns announcements off from the button under an announcement, and removes the button."""
    if not turn.in_own_chat:
        turn.refuse_stale()
        return
    await set_announcements(turn.session, turn.volunteer, False)
    turn.answer(t(turn.lang, "broadcast.unsubscribed"), alert=True)
    turn.edit_buttons(None)


def _show(turn: Turn[BroadcastButton] | Turn[None], outcome: Outcome, scope: AdminScope, *, pressed: bool) -> None:
    """Queues what a step decided; it is sent after the unit of work was committed."""
    if pressed:
        turn.answer(outcome.toast, alert=bool(outcome.toast))
    elif outcome.toast:
        turn.reply(View(outcome.toast))
    if pressed and outcome.edit is not None:
        turn.edit(outcome.edit)
    if outcome.preview is not None:
        turn.later(lambda: _send_preview(turn, outcome))
    if outcome.status_of is not None and outcome.send:
        *others, status = outcome.send
        turn.reply_all(others)
        turn.later(lambda: _send_status(turn, status, scope, outcome.status_of or 0))
    else:
        turn.reply_all(outcome.send)
    if outcome.wake:
        turn.later(lambda: _wake(turn))


async def _send_status(turn: Turn[BroadcastButton] | Turn[None], view: View, scope: AdminScope,
                       broadcast_id: int) -> None:
    """Sends the status message, then records it as the one the runner edits.

    The message id exists only once Telegram answered, after the update's commit; recording it is the one
    write of this flow that needs a unit of work of its own.
    """
    sent = await send(turn.update, view.text, view.markup)
    async with turn.services.unit_of_work() as session:
        await steps.attach_status(session, scope, broadcast_id, sent)


async def _wake(turn: Turn[BroadcastButton] | Turn[None]) -> None:
    """Tells the broadcast runner that there is something new to send."""
    wake_runner(turn.context)


async def _send_preview(turn: Turn[BroadcastButton] | Turn[None], outcome: Outcome) -> None:
    """Sends the announcement to the admin exactly as recipients get it (same sender, same button)."""
    announcement, chat = outcome.preview, turn.update.effective_chat
    assert announcement is not None and chat is not None
    bot = AnnouncementBot(turn.context.bot)
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


async def _new(step: Step, pressed: BroadcastButton) -> Outcome:
    """Asks for the announcement's text (or a photo with caption)."""
    return await steps.ask(step, steps.AWAITING_TEXT, "broadcast.compose")


async def _group(step: Step, pressed: BroadcastButton) -> Outcome | None:
    """Switches volunteers or organisations' contacts on or off."""
    broadcast_id, group = pressed.broadcast_id, pressed.value
    if group not in (buttons.VOLUNTEERS, buttons.CONTACTS):
        return None
    audience = await steps.current_audience(step, broadcast_id)
    if group == buttons.VOLUNTEERS:
        audience = replace(audience, volunteers=not audience.volunteers)
    else:
        audience = replace(audience, contacts=not audience.contacts)
    return await steps.change_audience(step, broadcast_id, audience)


async def _regions(step: Step, pressed: BroadcastButton) -> Outcome:
    """Shows the regions this admin may choose."""
    shown = await steps.menu(step, pressed.broadcast_id)
    regions = buttons.regions_for(step.scope)
    return Outcome(edit=View(shown.text, buttons.region_menu(pressed.broadcast_id, regions, step.lang)))


async def _region(step: Step, pressed: BroadcastButton) -> Outcome | None:
    """Limits the audience to the chosen region (everywhere, a state, or the admin's district)."""
    regions = buttons.regions_for(step.scope)
    if pressed.value >= len(regions):
        return None
    region = regions[pressed.value]
    audience = replace(await steps.current_audience(step, pressed.broadcast_id), near=None,
                       state=region.state if region else None, district=region.district if region else None)
    return await steps.change_audience(step, pressed.broadcast_id, audience)


async def _place(step: Step, pressed: BroadcastButton) -> Outcome:
    """Asks for the place the radius is drawn around."""
    await steps.current_audience(step, pressed.broadcast_id)  # only for a draft of this admin
    return await steps.ask(step, steps.AWAITING_PLACE, "broadcast.ask_place")


async def _radius(step: Step, pressed: BroadcastButton) -> Outcome | None:
    """Changes the radius around the chosen place."""
    audience = await steps.current_audience(step, pressed.broadcast_id)
    if audience.near is None or pressed.value not in buttons.RADII_KM:
        return None
    near = replace(audience.near, radius_km=float(pressed.value))
    return await steps.change_audience(step, pressed.broadcast_id, replace(audience, near=near))


async def _district(step: Step, pressed: BroadcastButton) -> Outcome | None:
    """Replaces the radius by the whole district the chosen place lies in."""
    audience = await steps.current_audience(step, pressed.broadcast_id)
    if audience.near is None:
        return None
    place = get_gazetteer().nearest(audience.near.lat, audience.near.lon)
    if place.district is None:
        return None
    audience = replace(audience, near=None, state=place.state, district=place.district)
    return await steps.change_audience(step, pressed.broadcast_id, audience)


async def _interests(step: Step, pressed: BroadcastButton) -> Outcome:
    """Shows the interest categories as toggles."""
    shown = await steps.menu(step, pressed.broadcast_id)
    chosen = (await steps.current_audience(step, pressed.broadcast_id)).interests
    return Outcome(edit=View(shown.text, buttons.interest_menu(pressed.broadcast_id, chosen, step.lang)))


async def _menu(step: Step, pressed: BroadcastButton) -> Outcome:
    """Shows the audience menu again."""
    return Outcome(edit=await steps.menu(step, pressed.broadcast_id))


async def _preview(step: Step, pressed: BroadcastButton) -> Outcome:
    """Sends the preview exactly as recipients see it, then asks for the first confirmation."""
    shown = await preview(step.session, admin=step.scope, broadcast_id=pressed.broadcast_id)
    if not shown.recipients:  # nobody would get it: no sending offered, only a change of the choice
        return Outcome(preview=shown.announcement, send=[View(t(step.lang, "broadcast.nobody"),
                                                              buttons.nobody(shown.broadcast_id, step.lang))])
    question = View(confirm_text(step.lang, shown.recipients, second_step=False),
                    buttons.confirm_first(shown.broadcast_id, step.lang))
    return Outcome(preview=shown.announcement, send=[question])


async def _confirm(step: Step, pressed: BroadcastButton) -> Outcome:
    """Asks the second time, with the number of people, whether to send now or later."""
    shown = await preview(step.session, admin=step.scope, broadcast_id=pressed.broadcast_id)
    if not shown.recipients:  # the audience emptied since the preview (people left): nothing to send
        return Outcome(edit=View(t(step.lang, "broadcast.nobody"), buttons.nobody(shown.broadcast_id, step.lang)))
    return Outcome(edit=View(confirm_text(step.lang, shown.recipients, second_step=True),
                             buttons.confirm_second(shown.broadcast_id, step.lang)))


async def _send_now(step: Step, pressed: BroadcastButton) -> Outcome:
    """Queues the broadcast now; the confirmation turns into its status message."""
    await confirm(step.session, admin=step.scope, broadcast_id=pressed.broadcast_id)
    view = await steps.status_view(step, pressed.broadcast_id)
    return Outcome(send=[view], status_of=pressed.broadcast_id, wake=True,
                   edit=View(t(step.lang, "broadcast.confirmed", id=pressed.broadcast_id)))


async def _later(step: Step, pressed: BroadcastButton) -> Outcome:
    """Asks when to send."""
    await preview(step.session, admin=step.scope, broadcast_id=pressed.broadcast_id)  # still a draft of this admin
    return await steps.ask(step, steps.AWAITING_TIME, "broadcast.ask_time")


async def _discard(step: Step, pressed: BroadcastButton) -> Outcome:
    """Throws the draft away."""
    await preview(step.session, admin=step.scope, broadcast_id=pressed.broadcast_id)  # only drafts are discarded here
    return await steps.discard(step, pressed.broadcast_id)


async def _status(step: Step, pressed: BroadcastButton) -> Outcome:
    """Sends a fresh status message (the one the runner edits from now on) or the report."""
    current = await broadcast_progress(step.session, admin=step.scope, broadcast_id=pressed.broadcast_id)
    view = await steps.status_view(step, pressed.broadcast_id)
    active = current.status in buttons.ACTIVE
    return Outcome(send=[view], status_of=pressed.broadcast_id if active else None)


async def _cancel(step: Step, pressed: BroadcastButton) -> Outcome:
    """Cancels a scheduled or running broadcast; recipients not reached yet get nothing."""
    changed = await cancel(step.session, admin=step.scope, broadcast_id=pressed.broadcast_id)
    key = "broadcast.cancelled" if changed else "broadcast.already_over"
    # The pressed message shows the new state; a running broadcast's report follows once the runner finished it.
    return Outcome(toast=t(step.lang, key, id=pressed.broadcast_id),
                   edit=await steps.status_view(step, pressed.broadcast_id), wake=changed)


ACTIONS: dict[int, Action] = {
    Do.NEW: _new, Do.GROUP: _group, Do.REGIONS: _regions, Do.REGION: _region, Do.PLACE: _place,
    Do.RADIUS: _radius, Do.DISTRICT: _district, Do.INTERESTS: _interests, Do.INTEREST: steps.toggle_interest,
    Do.MENU: _menu, Do.PREVIEW: _preview, Do.CONFIRM: _confirm, Do.SEND_NOW: _send_now, Do.LATER: _later,
    Do.DISCARD: _discard, Do.STATUS: _status, Do.CANCEL: _cancel,
}
ANSWERS: dict[str, Answer] = {
    steps.AWAITING_TEXT: steps.take_text, steps.AWAITING_PLACE: steps.take_place, steps.AWAITING_TIME: steps.take_time,
}
