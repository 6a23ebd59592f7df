"""The steps of the admin's announcement flow: each calls the broadcast use cases and says what to show.

Steps run inside the update's unit of work and return an Outcome; the handler sends it after the commit.
The use cases check the admin's scope themselves, so a forged broadcast id or region ends in NotAllowed or
BroadcastNotFound, never in a change.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from sqlalchemy.ext.asyncio import AsyncSession
from telegram import Message

from bot.admins import AdminScope
from bot.broadcasts import (
    Announcement, Audience, Near, attach_status_message, broadcast_progress, cancel, confirm, create_draft, preview,
    report, set_audience,
)
from bot.categories import categories
from bot.domain import BroadcastStatus
from bot.store.models import Broadcast, ChatState, Volunteer
from bot.store.types import utcnow
from bot.telegram.announcements import buttons
from bot.conversation import state
from bot.broadcasts.drafts import newest_draft_of
from bot.broadcasts.when import parse_when
from bot.telegram.callbacks import BroadcastButton
from bot.conversation.places import place_answer
from bot.telegram.announcements.render import audience_text, report_text, status_text
from bot.telegram.sending import View
from bot.texts import t
from nlu.kernel.gazetteer import get_gazetteer

# What the bot waits for from an admin (stored in ChatState.awaiting, like the search's questions).
AWAITING_TEXT = "broadcast_text"  # the announcement itself, or a photo with caption
AWAITING_PLACE = "broadcast_place"  # a place name for "within a radius of"
AWAITING_TIME = "broadcast_time"  # when to send, e.g. "morgen 9:00"
QUESTIONS = (AWAITING_TEXT, AWAITING_PLACE, AWAITING_TIME)
DEFAULT_RADIUS_KM = 25.0


@dataclass
class Outcome:
    """What a step shows: an edit of the pressed message, the preview, new messages, a toast."""

    edit: View | None = None
    preview: Announcement | None = None  # sent first, exactly as recipients get it
    send: list[View] = field(default_factory=list)
    toast: str | None = None
    status_of: int | None = None  # the last message sent becomes this broadcast's status message
    wake: bool = False  # the runner has something new to do


@dataclass
class Step:
    """One button press or answer by an admin, inside the update's unit of work."""

    session: AsyncSession
    volunteer: Volunteer
    scope: AdminScope

    @property
    def lang(self) -> str:
        """The admin's language."""
        return self.volunteer.language


async def open_question(session: AsyncSession, telegram_id: int) -> ChatState | None:
    """Returns the person's open announcement question, if any (one indexed read for every text)."""
    question = await state.question_among(session, telegram_id, QUESTIONS)
    if question is None or await state.newest_search_id(session, question.volunteer_id) != question.search_id:
        return None
    return question


async def ask(step: Step, awaiting: str, key: str) -> Outcome:
    """Asks the admin a question whose answer is their next message."""
    await state.ask(step.session, step.volunteer.id, awaiting)
    return Outcome(send=[View(t(step.lang, key))])


async def menu(step: Step, broadcast_id: int) -> View:
    """Returns the audience menu of a draft with how many people it reaches now."""
    shown = await preview(step.session, admin=step.scope, broadcast_id=broadcast_id)
    near = shown.audience.near
    near_district = near is not None and get_gazetteer().nearest(near.lat, near.lon).district is not None
    return View(audience_text(step.lang, broadcast_id, shown.audience, shown.recipients),
                buttons.audience_menu(broadcast_id, shown.audience, step.lang, near_district=near_district))


async def change_audience(step: Step, broadcast_id: int, audience: Audience) -> Outcome:
    """Stores a new audience (the use case limits it to the admin's region) and shows the menu again."""
    await set_audience(step.session, admin=step.scope, broadcast_id=broadcast_id, audience=audience)
    return Outcome(edit=await menu(step, broadcast_id))


async def current_audience(step: Step, broadcast_id: int) -> Audience:
    """Returns the draft's audience as stored."""
    return (await preview(step.session, admin=step.scope, broadcast_id=broadcast_id)).audience


async def take_text(step: Step, message: Message, question: ChatState) -> Outcome:
    """Stores the admin's message (formatting kept, a photo's caption) as a draft and shows the audience menu."""
    photo = message.photo[-1].file_id if message.photo else None
    text = (message.caption_html if photo else message.text_html) or ""
    draft = await create_draft(step.session, admin=step.scope, text=text, parse_mode="HTML", photo_file_id=photo)
    if len(step.scope.regions) > 1:
        # An admin of several regions must name one; the first is a start the region menu can change.
        first = step.scope.regions[0]
        await set_audience(step.session, admin=step.scope, broadcast_id=draft,
                           audience=Audience(state=first.state, district=first.district))
    state.close(question)
    return Outcome(send=[await menu(step, draft)])


async def take_place(step: Step, message: Message, question: ChatState) -> Outcome:
    """Centres the newest draft's audience on the place typed, within the default radius."""
    draft = await newest_draft(step)
    if draft is None:
        state.close(question)
        return Outcome(send=[View(t(step.lang, "problem.stale_message"))])
    places = place_answer(message.text or "")
    if not places:
        return Outcome(send=[View(t(step.lang, "broadcast.place_unknown"))])
    place = places[0]
    # A radius selects volunteers by their home place; contacts are chosen by region only.
    audience = replace(await current_audience(step, draft), volunteers=True, contacts=False,
                       near=Near(place.lat, place.lon, DEFAULT_RADIUS_KM, place=place.name))
    if step.scope.is_global:
        audience = replace(audience, state=None, district=None)
    await set_audience(step.session, admin=step.scope, broadcast_id=draft, audience=audience)
    state.close(question)
    return Outcome(send=[await menu(step, draft)])


async def take_time(step: Step, message: Message, question: ChatState) -> Outcome:
    """Plans the newest draft for the time typed ("jetzt" sends now) and sends its status message."""
    draft = await newest_draft(step)
    if draft is None:
        state.close(question)
        return Outcome(send=[View(t(step.lang, "problem.stale_message"))])
    now = utcnow()
    moment = parse_when(message.text or "", now=now)
    if moment is None:
        return Outcome(send=[View(t(step.lang, "broadcast.time_unknown"))])
    starts = await confirm(step.session, admin=step.scope, broadcast_id=draft, at=moment, now=now)
    state.close(question)
    return Outcome(send=[await status_view(step, draft, scheduled_at=starts)], status_of=draft, wake=True)


async def newest_draft(step: Step) -> int | None:
    """Returns the id of the admin's newest draft (the one their typed answers are about)."""
    return await newest_draft_of(step.session, step.scope.telegram_id)


async def status_view(step: Step, broadcast_id: int, *, scheduled_at: object = None) -> View:
    """Returns a broadcast's status message: planned, progress with a cancel button, or the report."""
    current = await broadcast_progress(step.session, admin=step.scope, broadcast_id=broadcast_id)
    if current.status in (BroadcastStatus.DONE, BroadcastStatus.CANCELLED):
        return View(report_text(step.lang, await report(step.session, broadcast_id)))
    planned = await step.session.get(Broadcast, broadcast_id)
    when = planned.scheduled_at if planned is not None else None
    if current.status is BroadcastStatus.SCHEDULED and when is not None and when <= utcnow():
        when = None  # due now: the runner starts it within a second
    return View(status_text(step.lang, current, scheduled_at=when),
                buttons.status(broadcast_id, step.lang, active=current.status in buttons.ACTIVE))


async def attach_status(session: AsyncSession, scope: AdminScope, broadcast_id: int, sent: Message) -> None:
    """Makes a sent message the one the runner keeps editing."""
    await attach_status_message(session, admin=scope, broadcast_id=broadcast_id, chat_id=sent.chat_id,
                                message_id=sent.message_id)


def category_by_bit(bit: int) -> str | None:
    """Returns the key of the category with this bit, or None."""
    return next((key for key, category in categories().items() if category.bit == bit), None)


async def toggle_interest(step: Step, pressed: BroadcastButton) -> Outcome | None:
    """Adds or removes one interest category and shows the interest toggles again."""
    broadcast_id, key = pressed.broadcast_id, category_by_bit(pressed.value)
    if key is None:
        return None
    audience = await current_audience(step, broadcast_id)
    chosen = audience.interests ^ {key}
    await set_audience(step.session, admin=step.scope, broadcast_id=broadcast_id,
                       audience=replace(audience, interests=frozenset(chosen)))
    shown = await menu(step, broadcast_id)
    return Outcome(edit=View(shown.text, buttons.interest_menu(broadcast_id, frozenset(chosen), step.lang)))


async def discard(step: Step, broadcast_id: int) -> Outcome:
    """Throws a draft away."""
    await cancel(step.session, admin=step.scope, broadcast_id=broadcast_id)
    return Outcome(edit=View(t(step.lang, "broadcast.discarded")))
