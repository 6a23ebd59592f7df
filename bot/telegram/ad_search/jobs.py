"""Jobs of the organisations' side: new ads for saved ad searches, and closing contacts nobody answered."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import timedelta

from sqlalchemy.ext.asyncio import AsyncSession
from telegram.ext import Application, ContextTypes

from bot.ads.access import SearchAccess, contacting_organisations
from bot.ads.contact_expiry import expire_unanswered
from bot.ads.contacts import not_contactable
from bot.ads.saved_searches import AdAlertDue, ad_alerts_due
from bot.store.types import utcnow
from bot.telegram import notify
from bot.telegram.ad_search import keyboards
from bot.telegram.ad_search.render import notes_unanswered
from bot.telegram.ad_search.views import card
from bot.telegram.formatting import line
from bot.telegram.services import one_process_at_a_time, services
from bot.texts import t

log = logging.getLogger(__name__)
MATCH_EVERY = timedelta(minutes=10)  # organisations read ads in working hours; minutes do not matter here
EXPIRE_EVERY = timedelta(hours=1)


def schedule(application: Application) -> None:  # type: ignore[type-arg]
    """Schedules the ad alerts and the contacts' expiry (when the job queue is installed)."""
    queue = application.job_queue
    if queue is None:
        return
    single = one_process_at_a_time  # several bot processes: one of them runs each round
    queue.run_repeating(single(alert_new_ads), interval=MATCH_EVERY, first=120, name="ad-alerts")
    queue.run_repeating(single(expire_contacts), interval=EXPIRE_EVERY, first=210, name="ad-contacts")


async def alert_new_ads(context: ContextTypes.DEFAULT_TYPE) -> None:
    """Runs every saved ad search again and sends each new ad once."""
    services_ = services(context)
    settings = services_.settings
    access = SearchAccess(settings.ads_search_access)
    async with services_.database.unit_of_work() as session:
        due = await ad_alerts_due(session, access=access, default_radius_km=settings.default_radius_km, now=utcnow())
        notes = await _notes(session, due, access)
    sent = await notify.deliver(context.bot, notes)
    if due:
        log.info("ad alerts: %d due, %d sent", len(due), sent)


async def expire_contacts(context: ContextTypes.DEFAULT_TYPE) -> None:
    """Closes contacts nobody answered in time and drafts left behind; tells the organisations which closed."""
    async with services(context).database.unit_of_work() as session:
        expired = await expire_unanswered(session, now=utcnow())
        notes = await notes_unanswered(session, expired.unanswered)
    await notify.deliver(context.bot, notes)
    if expired.closed:
        log.info("closed %d unanswered ad contacts", expired.closed)


async def _notes(session: AsyncSession, due: Sequence[AdAlertDue], access: SearchAccess) -> list[notify.Note]:
    """Returns one message per new ad, with the contact, report and stop buttons."""
    notes = []
    for alert in due:
        organisations = await contacting_organisations(session, alert.telegram_id, access)
        acting = organisations[0] if organisations else None
        if acting is not None and await not_contactable(session, acting.id, [alert.hit.id]):
            acting = None  # its person blocked the organisation: no contact button that would be refused
        text = t(alert.lang, "adsearch.alert", query=line(alert.query, 120), card=card(alert.hit, 1, alert.lang))
        notes.append(notify.Note(alert.telegram_id, text, keyboards.alert(alert.search_id, alert.hit.id, acting,
                                                                          alert.lang)))
    return notes
