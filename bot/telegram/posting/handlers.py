"""/anbieten: the guided posting chat, one question at a time, with the draft and its step in the database."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta
from html import escape
from textwrap import shorten
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession
from telegram.ext import ContextTypes

from bot.alerts import AlertDue, alerts_for_published_listing
from bot.conversation.reply_language import posting_language
from bot.moderation.review import Decision
from bot.posting import drafts
from bot.posting.answers import Answer
from bot.posting.drafts import DraftView, NoDraft, PostingServices
from bot.posting.steps import ORDER, Step
from bot.posting.submit import SubmitResult, submit
from bot.search.smalltalk import is_decline
from bot.telegram import notify
from bot.telegram.callbacks import DraftAnswerButton, DraftButton
from bot.telegram.context import Turn
from bot.telegram.menus import jobs as menu_jobs
from bot.telegram.posting.buttons import (
    EDIT_FIELDS, DraftAction, answer_of, duplicate_buttons, moderation_buttons, question_buttons, resume_buttons,
    typed_answer,
)
from bot.telegram.posting.typed import typed_choices, typed_resume
from bot.telegram.posting.render import (
    duplicates_text, organisation_name, preview_messages, problem_text, question_text,
)
from bot.telegram.sending import View
from bot.telegram.services import services
from bot.texts import t
from nlu.api import categorize
from nlu.kernel.gazetteer import get_gazetteer

KEY = "posting_services"

# The answers a club writes in sentences of its own language; the others are names, numbers and addresses.
WRITTEN = frozenset({Step.TITLE, Step.DESCRIPTION, Step.REQUIREMENTS})

# The first questions of a new draft answered by typing: a text held at "weitermachen?" answers them on "neu anfangen".
FIRST_TYPED = frozenset({Step.ORG_NAME})

# A draft untouched this long is not answered by the next message; the person is asked to continue first.
LEFT_ALONE = timedelta(hours=2)


@dataclass(frozen=True)
class Outcome:
    """What a draft action leads to: messages, alerts to send, a listing to moderate, an admin's edit to tell."""

    messages: list[View]
    alerts: list[AlertDue] = field(default_factory=list)
    pending: int | None = None
    edited: Decision | None = None
    stored: bool = False  # a listing was stored: its author may have just become an organisation's member


def posting_services(context: ContextTypes.DEFAULT_TYPE) -> PostingServices:
    """Returns the posting use cases' services (the gazetteer, the NLU's suggestions, the listing TTL)."""
    if KEY not in context.bot_data:
        context.bot_data[KEY] = PostingServices(
            gazetteer=get_gazetteer(), categorize=categorize,
            listing_ttl_days=services(context).settings.listing_ttl_days,
        )
    found: PostingServices = context.bot_data[KEY]
    return found


async def post_command(turn: Turn[None]) -> None:
    """Starts a draft, or offers to continue the one left unfinished."""
    lang, user_id = turn.lang, turn.user_id
    view = await drafts.begin(turn.session, posting_services(turn.context), user_id)
    if view.resumed:  # until a press, a typed text is held, not taken for a question the person has not seen
        view = await drafts.ask_to_continue(turn.session, user_id)
        turn.reply(View(t(lang, "posting.resume"), resume_buttons(lang)))
        return
    turn.reply_all(await draft_messages(turn.session, view, user_id, lang))


async def take_draft_answer(turn: Turn[None]) -> bool:
    """Answers the draft's open question with this message; tells whether there was one."""
    message, user_id, session = turn.message, turn.user_id, turn.session
    cancelling = bool(message.text and message.text.startswith("/"))  # only /abbrechen is routed here
    draft = await drafts.load_draft(session, user_id)
    step = None if draft is None else Step(draft.step)
    # The preview waits for buttons: a text there is a search, but /abbrechen still drops the draft.
    if draft is None or step is None or (step is Step.PREVIEW and not cancelling):
        return False
    lang = turn.lang
    now = posting_services(turn.context).clock()
    if cancelling:
        turn.reply(View(t(lang, cancelled_key(await drafts.cancel(session, user_id)))))
    elif drafts.asking_to_continue(draft) and message.text and not drafts.searched_past(draft) and (
            (typed := typed_resume(message.text, held=drafts.holds_text(draft))) is not None):
        # "ja" to "Soll deine Nachricht die Antwort sein?" or "Möchtest du weitermachen?", or a button's label typed
        turn.reply_all((await _run(turn, typed, 0)).messages)
    elif drafts.asking_to_continue(draft) and message.text and not drafts.searched_past(draft) and is_decline(
            message.text):  # "nein": not now; the draft waits, and the texts after it are searches
        await drafts.set_aside(session, user_id)
        turn.reply(View(t(lang, "posting.resume_declined")))
    elif drafts.asking_to_continue(draft) and message.text and (
            drafts.holds_text(draft) or drafts.searched_past(draft)):
        # A second text past the held one and its question: the person searches. Said once; the draft waits.
        if not drafts.searched_past(draft):
            await drafts.pass_by(session, user_id)
            turn.reply(View(t(lang, "posting.left_for_search")))
        return False
    elif drafts.asking_to_continue(draft) or (draft.updated_at is not None and now - draft.updated_at > LEFT_ALONE):
        # After "weitermachen?", or hours later, the person has not seen the open question: their text is kept and
        # shown beside that question, and answers it only when they say so.
        view = await drafts.ask_to_continue(session, user_id, held=message.text)
        turn.reply(held_view(view, message.text, lang) if message.text
                   else View(t(lang, "posting.resume"), resume_buttons(lang)))
    else:
        if message.text and step in WRITTEN and (spoken := posting_language(message.text, current=lang)) != lang:
            turn.speaks(spoken)  # German sentences after an English search: the next questions in German
            lang = spoken
        given = Answer(location=(message.location.latitude, message.location.longitude)) if message.location \
            else None
        view = await _answer_typed(turn, step, message.text or "", given)
        turn.reply_all(await draft_messages(session, view, user_id, lang))
    return True


async def _answer_typed(turn: Turn[Any], step: Step, text: str, given: Answer | None = None) -> DraftView:
    """Answers the open question with a typed text (a button's label typed counts as the press) or a location."""
    session, user_id, services_ = turn.session, turn.user_id, posting_services(turn.context)
    if given is None and text and (pressed := typed_choices(step, text, (await drafts.current(session, user_id)).data)
                                   ) is not None:
        view = await drafts.current(session, user_id)  # all pressed ones already: the question again
        for choice in pressed:
            view = await drafts.answer(session, services_, user_id, step, choice)
        return view
    return await drafts.answer(session, services_, user_id, step, given or Answer(text=text))


def held_view(view: DraftView, text: str, lang: str) -> View:
    """Shows the open question beside the text typed while "weitermachen?" was asked, and lets the person choose."""
    question = question_text(view.step, view.data, lang, candidates=bool(view.candidates))
    return View(t(lang, "posting.resume_held", text=escape(shorten(text, 200, placeholder=" …")), question=question),
                resume_buttons(lang, held=True))


async def answer_button(turn: Turn[DraftAnswerButton]) -> None:
    """Applies a pressed choice to the draft and shows the next question (or the same one, toggled)."""
    parsed = answer_of(turn.button)
    await drafts.settle(turn.session, turn.user_id)  # a pressed answer ends "weitermachen?"; a held text goes
    try:
        view = await drafts.answer(turn.session, posting_services(turn.context), turn.user_id, *parsed) \
            if parsed else None
    except NoDraft:
        view = None
    _show(turn, await draft_messages(turn.session, view, turn.user_id, turn.lang) if view else [])


async def draft_action(turn: Turn[DraftButton]) -> None:
    """Goes back, cancels, submits, edits a field, continues or restarts the draft."""
    try:
        outcome = await _act(turn)
    except NoDraft:
        outcome = Outcome([])
    _show(turn, outcome.messages)
    bot, session = turn.context.bot, turn.session
    if outcome.alerts:
        due, database = outcome.alerts, turn.services.database
        turn.later(lambda: notify.alerts(bot, database, due))
    if outcome.pending is not None:
        notes = await notify.notes_for_review(session, outcome.pending, turn.services.settings.admin_ids)
        pending, database = outcome.pending, turn.services.database
        turn.later(lambda: notify.deliver_review(bot, database, pending, notes))
    if outcome.edited is not None:
        members = await notify.notes_for_decision(session, outcome.edited)
        turn.later(lambda: notify.deliver(bot, members))
    if outcome.stored:  # a new organisation makes its founder a member: their menu may gain /freiwillige
        context, user_id = turn.context, turn.user_id
        turn.later(lambda: menu_jobs.refresh(context, [user_id]))


async def _act(turn: Turn[DraftButton]) -> Outcome:
    """Runs the pressed draft action; returns the messages and what is sent to others after the unit of work."""
    return await _run(turn, turn.button.action, turn.button.argument)


async def _run(turn: Turn[Any], action: int, argument: int) -> Outcome:
    """Runs one draft action, pressed or typed; returns the messages and what is sent to others after it."""
    session, user_id, lang = turn.session, turn.user_id, turn.lang
    services_ = posting_services(turn.context)
    held = await drafts.settle(session, user_id)
    if action == DraftAction.CANCEL:
        return Outcome([View(t(lang, cancelled_key(await drafts.cancel(session, user_id))))])
    if action in (DraftAction.SUBMIT, DraftAction.SUBMIT_ANYWAY):
        # An admin's edit of a pending listing is checked against the presser's scope, looked up here.
        result = await submit(session, services_, user_id, accept_duplicates=action == DraftAction.SUBMIT_ANYWAY,
                              scope=await turn.admin())
        return await _submitted(session, result, user_id, lang)
    if action == DraftAction.BACK:
        view = await drafts.back(session, user_id)
    elif action == DraftAction.EDIT and argument < len(EDIT_FIELDS):
        view = await drafts.edit(session, user_id, EDIT_FIELDS[argument])
    elif action == DraftAction.CONTINUE:
        view = await drafts.current(session, user_id)
    elif action == DraftAction.TAKE_HELD and held:
        view = await _answer_typed(turn, (await drafts.current(session, user_id)).step, held)
    elif action == DraftAction.RESTART:
        view = await drafts.restart(session, services_, user_id)
        if held and view.step in FIRST_TYPED:  # a name typed meanwhile answers the new draft's first question
            view = await _answer_typed(turn, view.step, held)
    elif action == DraftAction.KEEP and argument < len(ORDER):
        view = await _keep(session, services_, user_id, ORDER[argument])
    else:
        return Outcome([])
    return Outcome(await draft_messages(session, view, user_id, lang))


async def _keep(session: AsyncSession, services_: PostingServices, user_id: int, step: Step) -> DraftView:
    """Answers a typed question again with the answer given before (after going back)."""
    current = await drafts.current(session, user_id)
    kept = typed_answer(step, current.data) if current.step is step else None
    if kept is None:
        return await drafts.answer(session, services_, user_id, step, Answer())  # stale: shows where we are
    return await drafts.answer(session, services_, user_id, step, Answer(text=kept))


async def _submitted(session: AsyncSession, result: SubmitResult, user_id: int, lang: str) -> Outcome:
    """Says what became of a submission: published (alerts go out), waiting for review, edited, or held back."""
    if result.duplicates:
        return Outcome([View(duplicates_text(result.duplicates, lang), duplicate_buttons(lang))])
    if result.draft_dropped and result.problem is not None:
        return Outcome([View(t(lang, result.problem.key))])
    if result.problem is not None or result.opportunity_id is None:
        current = await drafts.current(session, user_id)
        messages = await draft_messages(session, current, user_id, lang)
        key = result.problem.key if result.problem else "posting.stale"
        return Outcome([View(t(lang, key)), *messages])
    if result.decision is not None:  # an admin's edit: the listing still waits for their decision
        buttons = moderation_buttons(result.opportunity_id, result.decision.organisation_id, lang)
        return Outcome([View(t(lang, "moderation.edited_done"), buttons)], edited=result.decision)
    if result.published:
        alerts = await alerts_for_published_listing(session, result.opportunity_id)
        return Outcome([View(t(lang, "posting.published"))], alerts=alerts, stored=True)
    # A changed listing of an unverified organisation leaves the search until an admin has seen the changes.
    key = ("posting.pending_changes" if result.updated_existing and result.was_online
           else "posting.pending_changes_first" if result.updated_existing else "posting.pending")
    return Outcome([View(t(lang, key))], pending=result.opportunity_id, stored=True)


async def draft_messages(session: AsyncSession, view: DraftView, user_id: int, lang: str) -> list[View]:
    """Returns the messages that show a draft: the next question (after any problem), or the preview."""
    problem = problem_text(view.problem, lang) + "\n\n" if view.problem else ""
    if view.step is Step.PREVIEW:
        names = await drafts.preview_organisations(session, user_id, view.data)
        return preview_messages(view.data, organisation_name(view.data, names), lang, problem=problem)
    text = question_text(view.step, view.data, lang, candidates=bool(view.candidates))
    markup = question_buttons(view.step, view.data, lang, organisations=view.organisations,
                              candidates=view.candidates)
    return [View(problem + text, markup)]


def _show(turn: Turn[Any], messages: list[View]) -> None:
    """Edits the pressed message into the first message and sends the others; refuses when there is none."""
    if not messages:
        turn.refuse_stale()
        return
    turn.answer()
    first, *others = messages
    turn.edit(first)
    turn.reply_all(others)


def cancelled_key(cancelled: drafts.Cancelled) -> str:
    """Says what was thrown away: a new draft, or only the changes to a listing that stays as it was."""
    return "posting.edit_cancelled" if cancelled is drafts.Cancelled.LISTING_EDIT else "posting.cancelled"
