"""/anbieten: the guided posting chat, one question at a time, with the draft and its step in the database."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta

from sqlalchemy.ext.asyncio import AsyncSession
from telegram import Update
from telegram.ext import ContextTypes

from bot.admins import admin_scope
from bot.alerts import AlertDue, alerts_for_published_listing
from bot.moderation.review import Decision
from bot.posting import drafts
from bot.posting.answers import Answer
from bot.posting.drafts import DraftView, NoDraft, PostingServices
from bot.posting.steps import ORDER, Step
from bot.posting.submit import SubmitResult, submit
from bot.telegram import jobs
from bot.telegram.callbacks import Callback, Kind
from bot.telegram.handlers import moderation
from bot.telegram.handlers.common import edit, pressed, refuse_stale, send, volunteer_of
from bot.telegram.posting_buttons import (
    EDIT_FIELDS, DraftAction, answer_of, duplicate_buttons, moderation_buttons, question_buttons, resume_buttons,
    typed_answer,
)
from bot.telegram.render.posting import (
    duplicates_text, organisation_name, preview_messages, problem_text, question_text,
)
from bot.telegram.services import services
from bot.telegram.views import View
from bot.texts import t
from nlu.api import categorize
from nlu.gazetteer import get_gazetteer

KEY = "posting_services"

# A draft untouched this long is not answered by the next message; the person is asked to continue first.
LEFT_ALONE = timedelta(hours=2)


@dataclass(frozen=True)
class Outcome:
    """What a draft action leads to: messages, alerts to send, a listing to moderate, an admin's edit to tell."""

    messages: list[View]
    alerts: list[AlertDue] = field(default_factory=list)
    pending: int | None = None
    edited: Decision | None = None


def posting_services(context: ContextTypes.DEFAULT_TYPE) -> PostingServices:
    """Returns the posting use cases' services (the gazetteer, the NLU's suggestions, the listing TTL)."""
    if KEY not in context.bot_data:
        context.bot_data[KEY] = PostingServices(
            gazetteer=get_gazetteer(), categorize=categorize,
            listing_ttl_days=services(context).settings.listing_ttl_days,
        )
    return context.bot_data[KEY]  # type: ignore[no-any-return]


async def post_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Starts a draft, or offers to continue the one left unfinished."""
    user_id = update.effective_user.id  # type: ignore[union-attr]
    async with services(context).unit_of_work() as session:
        lang = (await volunteer_of(session, update)).language
        view = await drafts.begin(session, posting_services(context), user_id)
        messages = ([View(t(lang, "posting.resume"), resume_buttons(lang))] if view.resumed
                    else await draft_messages(session, view, user_id, lang))
    for message in messages:
        await send(update, message.text, message.markup)


async def draft_message(update: Update, context: ContextTypes.DEFAULT_TYPE) -> bool:
    """Answers the draft's open question with this message; tells whether there was one."""
    message, user_id = update.effective_message, update.effective_user.id  # type: ignore[union-attr]
    assert message is not None
    cancelling = bool(message.text and message.text.startswith("/"))  # only /abbrechen is routed here
    async with services(context).unit_of_work() as session:
        draft = await drafts.load_draft(session, user_id)
        step = None if draft is None else Step(draft.step)
        # The preview waits for buttons: a text there is a search, but /abbrechen still drops the draft.
        if draft is None or step is None or (step is Step.PREVIEW and not cancelling):
            return False
        lang = (await volunteer_of(session, update)).language
        now = posting_services(context).clock()
        if cancelling:
            messages = [View(t(lang, cancelled_key(await drafts.cancel(session, user_id))))]
        elif draft.updated_at is not None and now - draft.updated_at > LEFT_ALONE:
            # Hours later the message may not be an answer at all: ask first, and count this as a visit so the
            # next message answers the question again.
            draft.updated_at = now
            messages = [View(t(lang, "posting.resume"), resume_buttons(lang))]
        else:
            given = Answer(location=(message.location.latitude, message.location.longitude)) if message.location \
                else Answer(text=message.text or "")
            view = await drafts.answer(session, posting_services(context), user_id, step, given)
            messages = await draft_messages(session, view, user_id, lang)
    for reply in messages:
        await send(update, reply.text, reply.markup)
    return True


async def answer_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Applies a pressed choice to the draft and shows the next question (or the same one, toggled)."""
    query, callback = pressed(update)
    parsed = answer_of(callback) if callback else None
    user_id = query.from_user.id
    async with services(context).unit_of_work() as session:
        lang = (await volunteer_of(session, update)).language
        try:
            view = await drafts.answer(session, posting_services(context), user_id, *parsed) if parsed else None
        except NoDraft:
            view = None
        messages = await draft_messages(session, view, user_id, lang) if view else []
    await _show(update, messages, lang)


async def draft_action(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Goes back, cancels, submits, edits a field, continues or restarts the draft."""
    query, callback = pressed(update)
    services_ = services(context)
    user_id = query.from_user.id
    async with services_.unit_of_work() as session:
        lang = (await volunteer_of(session, update)).language
        try:
            outcome = await _act(session, context, callback, user_id, lang)
        except NoDraft:
            outcome = Outcome([])
    await _show(update, outcome.messages, lang)
    if outcome.alerts:
        await jobs.deliver_alerts(context.bot, services_.database, outcome.alerts)
    if outcome.pending is not None:
        await moderation.notify_admins(context, outcome.pending)
    if outcome.edited is not None:
        await moderation.tell_members(context, outcome.edited)


async def _act(
    session: AsyncSession, context: ContextTypes.DEFAULT_TYPE, callback: Callback | None, user_id: int, lang: str
) -> Outcome:
    """Runs one draft action; returns the messages and what follows after the unit of work."""
    if callback is None or callback.kind is not Kind.DRAFT:
        return Outcome([])
    action, argument = callback.args
    services_ = posting_services(context)
    if action == DraftAction.CANCEL:
        return Outcome([View(t(lang, cancelled_key(await drafts.cancel(session, user_id))))])
    if action in (DraftAction.SUBMIT, DraftAction.SUBMIT_ANYWAY):
        # An admin's edit of a pending listing is checked against the presser's scope, looked up here.
        scope = await admin_scope(session, user_id, admin_ids=services(context).settings.admin_ids)
        result = await submit(session, services_, user_id, accept_duplicates=action == DraftAction.SUBMIT_ANYWAY,
                              scope=scope)
        return await _submitted(session, result, user_id, lang)
    if action == DraftAction.BACK:
        view = await drafts.back(session, user_id)
    elif action == DraftAction.EDIT and argument < len(EDIT_FIELDS):
        view = await drafts.edit(session, user_id, EDIT_FIELDS[argument])
    elif action == DraftAction.CONTINUE:
        view = await drafts.current(session, user_id)
    elif action == DraftAction.RESTART:
        view = await drafts.restart(session, services_, user_id)
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
        return Outcome([View(t(lang, "posting.published"))], alerts=alerts)
    return Outcome([View(t(lang, "posting.pending"))], pending=result.opportunity_id)


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


async def _show(update: Update, messages: list[View], lang: str) -> None:
    """Edits the pressed message into the first message and sends the others; refuses when there is none."""
    query = update.callback_query
    assert query is not None
    if not messages:
        await refuse_stale(query, lang)
        return
    await query.answer()
    first, *others = messages
    await edit(query, first.text, first.markup)  # type: ignore[arg-type]
    for message in others:
        await send(update, message.text, message.markup)


def cancelled_key(cancelled: drafts.Cancelled) -> str:
    """Says what was thrown away: a new draft, or only the changes to a listing that stays as it was."""
    return "posting.edit_cancelled" if cancelled is drafts.Cancelled.LISTING_EDIT else "posting.cancelled"
