"""/ichbiete: write an ad step by step (text, what was understood, where, how far, when, preview, publish),
and manage one's ads (pause, resume, edit, renew, delete). The ad and the awaited answer live in the database.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from bot.ads import compose, left, manage
from bot.ads.compose import AWAITING_DRAFT, AWAITING_LEFT, AWAITING_PLACE, AWAITING_TEXT, LANGUAGE_CHOICES, Refused
from bot.ads.manage import AdLife, Published
from bot.ads.model import Ad
from bot.categories import categories
from bot.conversation.state import ask, awaiting_with_prefix, close_awaiting, conclude, settle
from bot.domain import AdStatus
from bot.search.understanding import parse_text
from bot.store.models import Volunteer, VolunteerAd
from bot.store.types import utcnow
from bot.telegram import notify
from bot.telegram.ads import keyboards
from bot.telegram.ads.keyboards import TIME_TAGS, AdAction
from bot.telegram.ads.render import findings_text, list_text, preview_text, suggestions_text
from bot.telegram.callbacks import AdButton
from bot.telegram.context import Turn
from bot.telegram.formatting import esc
from bot.telegram.sending import View
from bot.texts import t

# Steps that work on an ad being written: their buttons are stale once the ad left DRAFT.
_FLOW = frozenset({AdAction.CATEGORY, AdAction.LANGUAGE, AdAction.NEWCOMER, AdAction.UNDERSTOOD, AdAction.ONLINE,
                   AdAction.KEEP_PLACE, AdAction.PLACE, AdAction.TRAVEL, AdAction.TIME, AdAction.TIMES_DONE,
                   AdAction.PUBLISH, AdAction.EDIT_PLACE, AdAction.EDIT_TIME, AdAction.CANCEL, AdAction.QUARTER})
# Management actions that answer the press themselves ("Erledigt.").
_SAYS_DONE = frozenset({AdAction.PAUSE, AdAction.RESUME, AdAction.RENEW, AdAction.DELETE_CONFIRM})


def life_of(turn: Turn[AdButton] | Turn[None]) -> AdLife:
    """Returns the ads' lifetime and review rule from the settings."""
    settings = turn.services.settings
    return AdLife(ttl_days=settings.ad_ttl_days, review=settings.ads_review)


async def offer_command(turn: Turn[None]) -> None:
    """Lists the person's ads with their buttons, or starts the first one."""
    volunteer, lang = turn.volunteer, turn.lang
    await left.take(turn.session, volunteer.id)  # the note is behind: /abbrechen now means what /ichbiete opens
    if not compose.may_post(volunteer):
        turn.reply(View(t(lang, "ads.blocked")))
        return
    unfinished = [ad for ad in await compose.drafts_of(turn.session, volunteer) if ad.published_at is None]
    if unfinished:  # the text written before is not thrown away by asking again
        turn.reply(View(t(lang, "ads.resume", text=esc(unfinished[0].text, 300)),
                        keyboards.resume_buttons(unfinished[0].id, lang)))
        return
    ads = await manage.ads_of(turn.session, volunteer)
    if ads:
        turn.reply(View(list_text(ads, lang, now=utcnow()), keyboards.list_buttons(ads, lang)))
    else:
        turn.reply(await _ask_text(turn.session, volunteer, lang))


async def take_answer(turn: Turn[None]) -> bool:
    """Takes a typed answer of /ichbiete (the ad's text or its place); tells whether one was awaited."""
    awaiting = await awaiting_with_prefix(turn.session, turn.user_id, "ad_")
    if awaiting is None:
        return False
    message, lang, volunteer, session = turn.message, turn.lang, turn.volunteer, turn.session
    prefix, _, number = awaiting.partition(":")
    ad_id = int(number) if number.isdigit() else 0
    if message.text and message.text.startswith("/"):  # /abbrechen: only it is routed here
        turn.reply(View(t(lang, await _cancel(session, volunteer, ad_id))))
        return True
    if f"{prefix}:" == AWAITING_DRAFT:
        # The ad waits for buttons: a text now is a search, said so once, and the ad stays for /ichbiete to continue
        # (its buttons still work). The searches after it are not told again each time; only a /abbrechen right
        # after the note still means the ad it named.
        turn.reply(View(t(lang, "ads.left_for_search")))
        await _settle(session, volunteer)  # the search may ask its own question now
        await left.leave(session, volunteer.id, ad_id)
        return False
    if f"{prefix}:" == AWAITING_LEFT:  # stored before the ad left had its own place: the ad waits for /ichbiete
        await _settle(session, volunteer)
        return False
    if f"{prefix}:" == AWAITING_TEXT:
        turn.reply(await _take_text(turn, ad_id))
        return True
    ad = await compose.own_ad(session, volunteer, ad_id)
    if ad is None or ad.status != AdStatus.DRAFT.value:
        await _settle(session, volunteer)
        return False  # the ad is gone: the message is an ordinary search
    turn.reply(await _take_place(turn, ad))
    return True


async def take_left(turn: Turn[None]) -> bool:
    """After the note that an ad was left for a search: /abbrechen drops that ad and ends the search's open question
    too (the reply says both); any other message forgets the ad left (it waits for /ichbiete) and goes on."""
    session, volunteer, lang, message = turn.session, turn.volunteer, turn.lang, turn.message
    ad_id = await left.take(session, volunteer.id)
    if ad_id is None or not (message.text and message.text.startswith("/")):  # /abbrechen: only it is routed here
        return False
    key = await _cancel(session, volunteer, ad_id)
    asked = await settle(session, volunteer.id)  # "Wo soll ich suchen?" of the search the note went on to
    if asked:
        await conclude(session, volunteer.id)
    turn.reply(View(t(lang, key) + ("\n" + t(lang, "ads.search_question_ended") if asked else "")))
    return True


async def ad_button(turn: Turn[AdButton]) -> None:
    """Runs one step or management action of /ichbiete on the presser's own ad."""
    pressed, lang, volunteer, session = turn.button, turn.lang, turn.volunteer, turn.session
    if pressed.action == AdAction.NEW:
        _show(turn, await _ask_text(session, volunteer, lang) if compose.may_post(volunteer)
              else View(t(lang, "ads.blocked")))
        return
    if pressed.action == AdAction.RESTART:
        await _drop_unfinished(session, volunteer, pressed.ad_id)
        _show(turn, await _ask_text(session, volunteer, lang) if compose.may_post(volunteer)
              else View(t(lang, "ads.blocked")))
        return
    if pressed.action == AdAction.LIST:
        _show(turn, await _list(session, volunteer, lang))
        return
    ad = await compose.own_ad(session, volunteer, pressed.ad_id)
    if ad is None or (pressed.action in _FLOW and ad.status != AdStatus.DRAFT.value):
        turn.refuse_stale()
        return
    view = await _step(turn, ad, pressed.action, pressed.value)
    if view is None:
        turn.refuse_stale()
    elif pressed.action in _SAYS_DONE:
        turn.edit(view)  # the press was answered with what was done
    else:
        _show(turn, view)


async def _step(turn: Turn[AdButton], ad: VolunteerAd, action: int, value: int) -> View | None:
    """Applies one action; returns the view that follows (None: the button does not fit, it is stale)."""
    lang, session, volunteer, now = turn.lang, turn.session, turn.volunteer, utcnow()
    if action in (AdAction.CATEGORY, AdAction.LANGUAGE, AdAction.NEWCOMER):
        if not _toggle(ad, action, value):
            return None
        return _suggestions(ad, lang)
    if action in (AdAction.UNDERSTOOD, AdAction.EDIT_PLACE):
        await ask(session, volunteer.id, f"{AWAITING_PLACE}{ad.id}")
        district = compose.district_named(ad.text, parse_text) if ad.place_name else None
        return View(t(lang, "ads.ask_place"), keyboards.place_buttons(Ad.from_row(ad), lang, district=district))
    if action == AdAction.ONLINE:
        compose.set_online(ad)
        await _drafting(session, volunteer, ad)
        return _times(ad, lang)
    if action in (AdAction.KEEP_PLACE, AdAction.PLACE, AdAction.QUARTER):
        if action == AdAction.PLACE:
            town = compose.town_by_id(value)
        elif action == AdAction.QUARTER:
            town = compose.quarter_by_id(value)  # the finer level, only when the person chose it
        else:
            town = Ad.from_row(ad).place
        if town is None:
            return None
        compose.set_place(ad, town)
        await _drafting(session, volunteer, ad)
        return _travel(ad, lang)
    if action == AdAction.TRAVEL:
        compose.set_travel(ad, value)
        return _times(ad, lang)
    if action == AdAction.TIME:
        if value >= len(TIME_TAGS):
            return None
        compose.toggle_time(ad, TIME_TAGS[value])
        return _times(ad, lang)
    if action in (AdAction.TIMES_DONE, AdAction.EDIT_TIME):
        return _times(ad, lang) if action == AdAction.EDIT_TIME else _preview(ad, lang)
    if action == AdAction.PUBLISH:
        return await _publish(turn, ad, now)
    if action == AdAction.CANCEL:
        return View(t(lang, await _cancel(session, volunteer, ad.id)))
    return await _manage(turn, ad, action, now)


async def _manage(turn: Turn[AdButton], ad: VolunteerAd, action: int, now: datetime) -> View | None:
    """Edits, pauses, resumes, renews or deletes one of the person's ads; then shows the list again."""
    lang, session, volunteer = turn.lang, turn.session, turn.volunteer
    if action in (AdAction.EDIT_TEXT, AdAction.KEEP_TEXT) and ad.status in compose.TAKEN_DOWN:
        return None  # taken down by an admin: it stays down
    if action == AdAction.EDIT_TEXT:
        return await _ask_text(session, volunteer, lang, ad)
    if action == AdAction.KEEP_TEXT:
        ad.status = AdStatus.DRAFT.value  # invisible while it is being changed
        await _drafting(session, volunteer, ad)
        return _suggestions(ad, lang)
    if action == AdAction.DELETE:
        return View(t(lang, "ads.confirm_delete", text=esc(ad.text, 200)),
                    keyboards.confirm_delete_buttons(ad.id, lang))
    done = {
        AdAction.PAUSE: lambda: manage.pause(ad),
        AdAction.RESUME: lambda: manage.resume(volunteer, ad, now=now),
        AdAction.RENEW: lambda: manage.renew(volunteer, ad, life_of(turn), now=now),
    }
    if action in (AdAction.RESUME, AdAction.RENEW) and not compose.may_post(volunteer):
        turn.answer(t(lang, "ads.blocked"))  # an old list or reminder still has the button
    elif action == AdAction.DELETE_CONFIRM:
        await manage.delete_ad(session, ad)
        turn.answer(t(lang, "ads.deleted"))
    elif action in done:
        turn.answer(t(lang, "ads.changed") if done[action]() else t(lang, "ads.not_changed"))
    else:
        return None
    return await _list(session, volunteer, lang)


async def _publish(turn: Turn[AdButton], ad: VolunteerAd, now: datetime) -> View:
    """Publishes the ad or sends it to review (the admins of its region are told after the commit)."""
    lang, session = turn.lang, turn.session
    result = await manage.send_off(session, turn.volunteer, ad, life_of(turn), now=now)
    if result is not Published.INCOMPLETE:
        await _settle(session, turn.volunteer)
    if result is Published.REVIEW:
        await session.flush()
        notes = await notify.notes_for_ad_review(session, ad.id, turn.services.settings.admin_ids)
        bot, database, ad_id = turn.context.bot, turn.services.database, ad.id
        turn.later(lambda: notify.deliver_ad_review(bot, database, ad_id, notes))
    keys = {Published.LIVE: "ads.published", Published.REVIEW: "ads.pending", Published.BLOCKED: "ads.blocked",
            Published.INCOMPLETE: "ads.incomplete", Published.TOO_MANY: "ads.too_many"}
    days = turn.services.settings.ad_ttl_days
    return View(t(lang, keys[result], days=days, count=days))


async def _take_text(turn: Turn[None], ad_id: int) -> View:
    """Takes the ad's text: refuses what is too short, too long or holds contact details (the question stays)."""
    lang, volunteer = turn.lang, turn.volunteer
    if not compose.may_post(volunteer):
        await _settle(turn.session, volunteer)
        return View(t(lang, "ads.blocked"))
    text = turn.message.text
    if not text:
        return View(t(lang, "ads.text_please"))
    try:
        ad = await compose.take_text(turn.session, volunteer, text, ad_id=ad_id, parse=parse_text)
    except Refused as refused:
        return View(findings_text(refused.findings, lang) if refused.findings else t(lang, refused.key))
    await _drafting(turn.session, volunteer, ad)
    return _suggestions(ad, lang)


async def _take_place(turn: Turn[None], ad: VolunteerAd) -> View:
    """Takes a typed place (town, quarter or postal code) or a shared location; several towns of that name are
    offered; where a quarter is known, the person chooses whether organisations see the town or the quarter."""
    lang, message = turn.lang, turn.message
    if message.location is not None:
        shared = compose.place_from_location(message.location.latitude, message.location.longitude)
        found = [shared] if shared is not None else []
    else:
        found = compose.towns_named(message.text or "", parse_text)
    if not found:
        return View(t(lang, "ads.place_unknown"), keyboards.place_buttons(Ad.from_row(ad), lang))
    if len(found) > 1:
        return View(t(lang, "ads.place_which"), keyboards.place_buttons(Ad.from_row(ad), lang, found))
    if found[0].quarter is not None:  # the place question stays open: another place may still be typed
        return View(t(lang, "ads.ask_precision", town=esc(found[0].town.name, 60),
                      quarter=esc(found[0].quarter.name, 80)),
                    keyboards.precision_buttons(Ad.from_row(ad), found[0], lang))
    compose.set_place(ad, found[0].town)
    await _drafting(turn.session, turn.volunteer, ad)
    return _travel(ad, lang)


async def _ask_text(session: AsyncSession, volunteer: Volunteer, lang: str, ad: VolunteerAd | None = None) -> View:
    """Asks for the ad's text (showing the present one when editing) and waits for it."""
    await ask(session, volunteer.id, f"{AWAITING_TEXT}{ad.id if ad else 0}")
    if ad is None:
        return View(t(lang, "ads.ask_text"))
    return View(t(lang, "ads.ask_new_text", text=esc(ad.text, 600)), keyboards.keep_text_button(ad.id, lang))


async def _list(session: AsyncSession, volunteer: Volunteer, lang: str) -> View:
    """The person's ads with their buttons."""
    ads = await manage.ads_of(session, volunteer)
    return View(list_text(ads, lang, now=utcnow()), keyboards.list_buttons(ads, lang))


async def _cancel(session: AsyncSession, volunteer: Volunteer, ad_id: int) -> str:
    """Drops the ad being written; one that was published before is kept, paused. Returns the reply's key."""
    await _settle(session, volunteer)
    ad = await compose.own_ad(session, volunteer, ad_id) if ad_id else None
    if ad is None or ad.status != AdStatus.DRAFT.value:
        return "ads.cancelled"
    if ad.published_at is None:
        await manage.delete_ad(session, ad)
        return "ads.cancelled"
    ad.status = AdStatus.PAUSED.value
    return "ads.cancelled_paused"


async def _drop_unfinished(session: AsyncSession, volunteer: Volunteer, ad_id: int) -> None:
    """Deletes the person's new ad that was never published (an edited published one stays)."""
    ad = await compose.own_ad(session, volunteer, ad_id)
    if ad is not None and ad.status == AdStatus.DRAFT.value and ad.published_at is None:
        await manage.delete_ad(session, ad)


async def _drafting(session: AsyncSession, volunteer: Volunteer, ad: VolunteerAd) -> None:
    """Remembers that an ad is being written with buttons: /abbrechen then drops it, other text is a search."""
    await ask(session, volunteer.id, f"{AWAITING_DRAFT}{ad.id}")


async def _settle(session: AsyncSession, volunteer: Volunteer) -> None:
    """Closes the question /ichbiete asked (the ad's text or place), if it is open."""
    await close_awaiting(session, volunteer.id, "ad_")


def _toggle(ad: VolunteerAd, action: int, value: int) -> bool:
    """Toggles a category (by bit), a language (by index) or the newcomer flag; False for a forged value."""
    if action == AdAction.CATEGORY:
        key = next((c.key for c in categories().values() if c.bit == value), None)
        if key is None:
            return False
        compose.toggle_category(ad, key)
    elif action == AdAction.LANGUAGE:
        if value >= len(LANGUAGE_CHOICES):
            return False
        compose.toggle_language(ad, LANGUAGE_CHOICES[value])
    else:
        compose.toggle_newcomer(ad)
    return True


def _suggestions(ad: VolunteerAd, lang: str) -> View:
    """What was understood, with toggles to correct it."""
    typed = Ad.from_row(ad)
    return View(suggestions_text(typed, lang), keyboards.suggestion_buttons(typed, lang))


def _travel(ad: VolunteerAd, lang: str) -> View:
    """How far the person would go from the town just chosen."""
    return View(t(lang, "ads.ask_travel", place=esc(ad.place_name or "", 60)),
                keyboards.travel_buttons(Ad.from_row(ad), lang))


def _times(ad: VolunteerAd, lang: str) -> View:
    """When the person can help."""
    return View(t(lang, "ads.ask_time"), keyboards.time_buttons(Ad.from_row(ad), lang))


def _preview(ad: VolunteerAd, lang: str) -> View:
    """Exactly what organisations will see, with publish and change buttons."""
    typed = Ad.from_row(ad)
    return View(preview_text(typed, lang), keyboards.preview_buttons(typed, lang))


def _show(turn: Turn[AdButton], view: View) -> None:
    """Answers the press and puts the view in place of the pressed message."""
    turn.answer()
    turn.edit(view)
