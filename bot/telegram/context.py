"""One update, one context: the unit of work, the person, their admin scope and the pressed button, made once.

Handlers are plain `async def handler(turn: Turn[...]) -> None` functions; the registry wraps each with
`adapt()` (commands and messages) or `adapt_button()` (buttons). The wrapper opens the update's unit of work,
loads the person (creating their record on first contact), decodes the button data once into its typed
payload (anything forged or outdated is refused before the handler runs), checks that a button was pressed
in the presser's own chat where that matters, loads the admin scope where asked, and hands all of it over.

What the handler says (messages, edits, the answer to a pressed button, messages to other people) is queued
on the turn and sent after the unit of work committed: Telegram is never waited on while a database lock is
held, and nobody is told of a change that was rolled back.
"""

from __future__ import annotations

import functools
from collections.abc import Awaitable, Callable, Coroutine
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from sqlalchemy.ext.asyncio import AsyncSession
from telegram import CallbackQuery, InlineKeyboardMarkup, Message, Update
from telegram.constants import ChatType
from telegram.ext import ContextTypes

from bot.admins import AdminScope, admin_scope
from bot.conversation.language import answering, goes_on_in
from bot.store.models import Volunteer
from bot.store.types import utcnow
from bot.telegram.callbacks import Kind, Payload, unpack
from bot.telegram.sending import View, edit, edit_buttons, send
from bot.telegram.services import Services, services
from bot.texts import t
from bot.volunteers import find_volunteer, language_for, meet_volunteer

P = TypeVar("P", bound=Payload | None, covariant=True)
B = TypeVar("B", bound=Payload)
PtbHandler = Callable[[Update, ContextTypes.DEFAULT_TYPE], Coroutine[Any, Any, None]]
Outgoing = Callable[[], Awaitable[object]]


@dataclass(eq=False)
class Turn(Generic[P]):
    """What a handler of one update works with; `button` is the pressed button's payload (None for messages)."""

    update: Update
    context: ContextTypes.DEFAULT_TYPE
    services: Services
    session: AsyncSession
    button: P
    scope: AdminScope | None = None
    _volunteer: Volunteer | None = None
    _scope_loaded: bool = False
    _lang: str | None = None  # the conversation's language, read with the person in their own chat
    first_contact: bool = False  # the person's record was made (or first used) by this update
    # The person's own chat with the bot began with this update (also after a first contact in a group)
    first_private_contact: bool = False
    _outbox: list[Outgoing] = field(default_factory=list)

    async def admin(self) -> AdminScope | None:
        """Returns the presser's admin scope, looked up on first use (registered with admin=True: at once)."""
        if self.scope is None and not self._scope_loaded:
            self.scope = await _scope(self)
        self._scope_loaded = True
        return self.scope

    @property
    def volunteer(self) -> Volunteer:
        """Returns the person behind the update (loaded by the wrapper unless it was told not to)."""
        if self._volunteer is None:
            raise RuntimeError("this handler was registered without loading the person")
        return self._volunteer

    @property
    def lang(self) -> str:
        """Returns the language to answer in: in the person's own chat the conversation's (English after
        English messages, bot.conversation.language), else their setting (their Telegram language when their
        record was not loaded)."""
        if self._lang is not None:
            return self._lang
        return self._volunteer.language if self._volunteer is not None else guess_language(self.update)

    def speaks(self, lang: str) -> None:
        """Goes on in this language: this update's replies and the person's conversation from now on."""
        goes_on_in(self.volunteer, lang)
        self._lang = lang

    @property
    def user_id(self) -> int:
        """Returns the Telegram id of the person who sent the update or pressed the button."""
        user = self.update.effective_user
        assert user is not None  # every update routed to a handler here has a sender
        return user.id

    @property
    def query(self) -> CallbackQuery:
        """Returns the button press (only for button handlers)."""
        query = self.update.callback_query
        assert query is not None
        return query

    @property
    def message(self) -> Message:
        """Returns the message of a message update."""
        message = self.update.effective_message
        assert message is not None
        return message

    @property
    def private(self) -> bool:
        """Tells whether the update comes from a private chat with the bot."""
        return is_private(self.update)

    @property
    def in_own_chat(self) -> bool:
        """Tells whether a button was pressed in the presser's private chat, where nobody else can press it."""
        return pressed_in_own_chat(self.query)

    def reply(self, view: View) -> None:
        """Sends a message to the chat of the update (after the commit)."""
        self._outbox.append(lambda: send(self.update, view.text, view.markup))

    def reply_all(self, views: list[View]) -> None:
        """Sends several messages in order."""
        for view in views:
            self.reply(view)

    def edit(self, view: View) -> None:
        """Replaces the text and buttons of the message the pressed button belongs to."""
        markup = view.markup if isinstance(view.markup, InlineKeyboardMarkup) else None
        self._outbox.append(lambda: edit(self.query, view.text, markup))

    def edit_buttons(self, markup: InlineKeyboardMarkup | None) -> None:
        """Replaces only the buttons of the message the pressed button belongs to."""
        self._outbox.append(lambda: edit_buttons(self.query, markup))

    def answer(self, text: str | None = None, *, alert: bool = False) -> None:
        """Answers the pressed button (a toast, or an alert the person must close)."""
        self._outbox.append(lambda: self.query.answer(text, show_alert=alert))

    def refuse_stale(self) -> None:
        """Answers a button whose data is forged, outdated or no longer matches anything."""
        self.answer(t(self.lang, "problem.stale"), alert=True)

    def refuse_foreign(self) -> None:
        """Answers a button pressed by someone who does not own the message (in a group)."""
        self.answer(t(self.lang, "problem.not_yours"), alert=True)

    def later(self, action: Outgoing) -> None:
        """Runs an action after the commit, in order with the messages (a document, messages to others)."""
        self._outbox.append(action)

    async def deliver(self) -> None:
        """Sends what the handler queued, in order."""
        for action in self._outbox:
            await action()
        self._outbox.clear()


TurnHandler = Callable[[Turn[None]], Awaitable[None]]
ButtonHandler = Callable[[Turn[B]], Awaitable[None]]
# Takes a message as the answer to an open question (bot.telegram.answers); True when it was one.
AnswerRoute = Callable[[Turn[None]], Awaitable[bool]]


def adapt(handler: TurnHandler, *, admin: bool = False, answers: AnswerRoute | None = None) -> PtbHandler:
    """Returns the PTB callback for a command or message handler.

    With `answers`, a message first goes to the question the bot waits for, in the same unit of work; only a
    message that answers nothing reaches the handler.
    """

    @functools.wraps(handler)
    async def callback(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        services_ = services(context)
        async with services_.unit_of_work() as session:
            turn: Turn[None] = Turn(update, context, services_, session, None)
            await _load_person(turn)
            if admin:
                await turn.admin()
            if answers is None or not await answers(turn):
                await handler(turn)
        await turn.deliver()

    return callback


def adapt_button(
    payload: type[B], handler: ButtonHandler[B], *, own_chat: bool = False, admin: bool = False,
    person: bool = True,
) -> PtbHandler:
    """Returns the PTB callback for a button handler taking this payload.

    The data is decoded once; forged or outdated data is refused as stale, and with own_chat a press outside
    the presser's private chat is refused as foreign, both before the handler runs. person=False leaves the
    person's record alone (deleting everything must not create a fresh one first).
    """

    @functools.wraps(handler)
    async def callback(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        query = update.callback_query
        assert query is not None
        pressed = unpack(query.data)
        services_ = services(context)
        async with services_.unit_of_work() as session:
            turn: Turn[B] = Turn(update, context, services_, session, pressed)  # type: ignore[arg-type]
            if person and await _forgotten(session, update, pressed):
                # After /loeschen old messages keep their buttons: pressing one says the data are gone
                # instead of quietly making a new profile (with the favourite the button stood for).
                turn.answer(t(turn.lang, "privacy.gone"), alert=True)
            else:
                if person:
                    await _load_person(turn)
                if not isinstance(pressed, payload):
                    turn.refuse_stale()
                elif own_chat and not turn.in_own_chat:
                    turn.refuse_foreign()
                else:
                    if admin:
                        await turn.admin()
                    await handler(turn)
        await turn.deliver()

    return callback


# Buttons sent to people who may never have written to the bot: admins named in ADMIN_IDS get listings to
# review and announcement menus, contacts of organisations get announcements with an unsubscribe button.
FOR_PEOPLE_WITHOUT_PROFILE = frozenset({Kind.MODERATE, Kind.REVIEW_QUEUE, Kind.BROADCAST, Kind.UNSUBSCRIBE,
                                        Kind.AD_REVIEW})


async def _forgotten(session: AsyncSession, update: Update, pressed: Payload | None) -> bool:
    """Tells whether a button of the person's own data was pressed in a private chat by someone the bot holds
    nothing about (after /loeschen, or a forwarded message's buttons)."""
    user, chat = update.effective_user, update.effective_chat
    if user is None or chat is None or chat.type != ChatType.PRIVATE or pressed is None:
        return False
    if pressed.KIND in FOR_PEOPLE_WITHOUT_PROFILE:
        return False
    return await find_volunteer(session, user.id) is None


async def _load_person(turn: Turn[P]) -> None:
    """Loads the person behind the update and, in their own chat, the language their conversation goes on in
    (which this update keeps going)."""
    turn._volunteer, turn.first_contact = await _person(turn.session, turn.update)
    if turn.private and turn._volunteer.private_since is None:  # written once per person: their chat begins
        turn._volunteer.private_since = utcnow()
        turn.first_private_contact = True
    if turn.private:
        turn._lang = answering(turn._volunteer)  # kept with the person, read with them; the update renews it


async def _person(session: AsyncSession, update: Update) -> tuple[Volunteer, bool]:
    """Returns the person behind the update, creating their record on first contact, and whether it is that."""
    user = update.effective_user
    assert user is not None
    return await meet_volunteer(session, user.id, language_code=user.language_code)


async def _scope(turn: Turn[P]) -> AdminScope | None:
    """Returns the admin scope of whoever sent the update (never an id from button data)."""
    return await admin_scope(turn.session, turn.user_id, admin_ids=turn.services.settings.admin_ids)


def guess_language(update: Update) -> str:
    """Returns the language for someone the bot has not looked up (from their Telegram language code)."""
    user = update.effective_user
    return language_for(user.language_code if user else None)


def is_private(update: Update) -> bool:
    """Tells whether the update comes from a private chat with the bot."""
    chat = update.effective_chat
    return chat is not None and chat.type == ChatType.PRIVATE


def pressed_in_own_chat(query: CallbackQuery) -> bool:
    """Tells whether a button was pressed in the presser's private chat, where nobody else can press it."""
    message = query.message
    return message is not None and message.chat.id == query.from_user.id
