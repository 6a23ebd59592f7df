"""Jobs of the ads: expire ads past their end (and drop drafts nobody finished), remind a week before."""

from __future__ import annotations

import logging
from datetime import timedelta

from telegram.ext import Application, ContextTypes

from bot.ads.compose import drop_stale_drafts
from bot.ads.expiry import expire_due, reminders_due
from bot.local_days import days_left
from bot.store.types import utcnow
from bot.telegram import notify
from bot.telegram.ads.keyboards import renew_buttons
from bot.telegram.formatting import line
from bot.telegram.services import one_process_at_a_time, services
from bot.texts import t
from bot.volunteers import languages_of

log = logging.getLogger(__name__)
# Expired ads leave the search at once anyway (it checks expires_at); the job writes the status down.
EVERY = timedelta(hours=1)


def schedule(application: Application) -> None:  # type: ignore[type-arg]
    """Schedules expiry and renewal reminders of ads (when the job queue is installed)."""
    queue = application.job_queue
    if queue is None:
        return
    single = one_process_at_a_time  # several bot processes: one of them runs each round
    queue.run_repeating(single(expire_ads), interval=EVERY, first=45, name="ad_expiry")
    queue.run_repeating(single(remind_ads), interval=EVERY, first=105, name="ad_renewals")


async def expire_ads(context: ContextTypes.DEFAULT_TYPE) -> None:
    """Marks ads past their end as expired and drops drafts left unfinished for days."""
    now = utcnow()
    async with services(context).database.unit_of_work() as session:
        expired = await expire_due(session, now=now)
        dropped = await drop_stale_drafts(session, now=now)
    if expired or dropped:
        log.info("%d ads expired, %d unfinished drafts dropped", expired, dropped)


async def remind_ads(context: ContextTypes.DEFAULT_TYPE) -> None:
    """Asks the people whose ads end within a week whether to keep them up, with a renew button."""
    now = utcnow()
    async with services(context).database.unit_of_work() as session:
        reminders = await reminders_due(session, now=now)
        languages = await languages_of(session, {reminder.telegram_id for reminder in reminders})
    for reminder in reminders:
        lang = languages[reminder.telegram_id]
        days = days_left(reminder.expires_at, now=now)
        text = t(lang, "ads.still_current", text=line(reminder.text, 120), days=days, count=days)
        await notify.send_to(context.bot, reminder.telegram_id, text, renew_buttons(reminder.ad_id, lang))
