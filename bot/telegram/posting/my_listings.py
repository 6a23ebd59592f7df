"""/meineangebote: an organisation's own listings with status; edit, pause, resume, renew, delete."""

from __future__ import annotations

import html
from zoneinfo import ZoneInfo

from sqlalchemy.ext.asyncio import AsyncSession
from telegram import InlineKeyboardMarkup

from bot.posting import drafts, manage
from bot.posting.manage import NotYours
from bot.store.types import utcnow
from bot.telegram.callbacks import DraftButton, OwnListingButton
from bot.telegram.context import Turn
from bot.telegram.keyboards import button
from bot.telegram.posting.buttons import DraftAction, OwnAction, confirm_delete_listing, own_listing_buttons
from bot.telegram.posting.handlers import draft_messages, posting_services
from bot.telegram.posting.render import own_listings_text
from bot.telegram.sending import View
from bot.texts import t

SHOWN = 10
BERLIN = ZoneInfo("Europe/Berlin")


async def my_listings_command(turn: Turn[None]) -> None:
    """Lists the person's listings with their status and actions."""
    turn.reply(await own_listings_view(turn.session, turn.user_id, turn.lang))


async def own_listing_button(turn: Turn[OwnListingButton]) -> None:
    """Runs one action on a listing; the presser must be a member of its organisation (the use case checks)."""
    lang = turn.lang
    try:
        toast, messages = await _act(turn)
    except NotYours:
        toast, messages = t(lang, "my_listings.not_yours"), []
    if not messages:
        turn.answer(toast, alert=True)
        return
    turn.answer(toast or None)
    first, *others = messages
    turn.edit(first)
    turn.reply_all(others)


async def _act(turn: Turn[OwnListingButton]) -> tuple[str, list[View]]:
    """Applies the action; returns the toast ('' for none) and the messages to show."""
    session, lang = turn.session, turn.lang
    user_id = turn.user_id  # the actor is whoever pressed, never an id from the data
    action, opportunity_id = turn.button.action, turn.button.opportunity_id
    now = utcnow()
    if action == OwnAction.EDIT:
        view = await drafts.edit_listing(session, user_id, opportunity_id)
        if view is None:
            raise NotYours(opportunity_id)
        return "", await draft_messages(session, view, user_id, lang)
    if action == OwnAction.DELETE:
        # Asking changes nothing; it names the listing (the question replaces the list, whose numbers are gone)
        # and so reads it as the member's own first; the deletion itself checks membership again.
        listing = await manage.own_listing(session, user_id, opportunity_id)
        question = t(lang, "my_listings.confirm_delete", title=html.escape(listing.title))
        return "", [View(question, confirm_delete_listing(opportunity_id, lang))]
    toast = ""
    if action == OwnAction.PAUSE:
        await manage.pause(session, user_id, opportunity_id)
        toast = t(lang, "my_listings.toast_paused")
    elif action == OwnAction.RESUME:
        await manage.resume(session, user_id, opportunity_id, now=now)
        toast = t(lang, "my_listings.toast_resumed")
    elif action == OwnAction.RENEW:
        renewed = await manage.renew(session, user_id, opportunity_id, now=now,
                                     ttl_days=posting_services(turn.context).listing_ttl_days)
        until = renewed.expires_at.astimezone(BERLIN).date() if renewed.expires_at else now.date()
        toast = t(lang, "my_listings.toast_renewed", until=until.strftime("%d.%m.%Y") if lang == "de"
                  else until.isoformat())
    elif action == OwnAction.DELETE_CONFIRM:
        await manage.delete_listing(session, user_id, opportunity_id)
        toast = t(lang, "my_listings.toast_deleted")
    elif action != OwnAction.LIST:
        return t(lang, "problem.stale"), []
    return toast, [await own_listings_view(session, user_id, lang)]


async def own_listings_view(session: AsyncSession, telegram_id: int, lang: str) -> View:
    """Returns the list of the person's listings with one row of actions each; a member of several
    organisations sees them grouped under each organisation's name."""
    listings = await manage.own_listings(session, telegram_id, limit=SHOWN)
    by_organisation = await manage.organisation_count(session, telegram_id) > 1
    if by_organisation:  # each organisation's listings together, the one with the newest first
        first_seen: dict[int, int] = {}
        for listing in listings:
            first_seen.setdefault(listing.organisation_id, len(first_seen))
        listings.sort(key=lambda listing: first_seen[listing.organisation_id])
    rows = [own_listing_buttons(listing.id, listing.status, number, lang)
            for number, listing in enumerate(listings, start=1)]
    text = own_listings_text(listings, lang, by_organisation=by_organisation)
    draft = await drafts.load_draft(session, telegram_id)
    if draft is not None:  # an unfinished draft is no listing yet, but it is not forgotten either
        title = str((draft.data or {}).get("title") or "")
        named = t(lang, "my_listings.draft_named", title=html.escape(title[:80])) if title else ""
        key = "my_listings.draft_alone" if not listings else "my_listings.draft"
        text = t(lang, key, named=named) if not listings else f"{text}\n\n{t(lang, key, named=named)}"
        rows.append([button(t(lang, "posting.button_continue"), DraftButton(DraftAction.CONTINUE, 0))])
    return View(text, InlineKeyboardMarkup(rows) if rows else None)
