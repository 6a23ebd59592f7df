"""Jobs of the posting side: expire old listings, ask 'Noch aktuell?' before expiry, remind unanswered interest."""

from __future__ import annotations

import logging
from datetime import timedelta

from telegram.ext import Application, ContextTypes

from bot.posting.interest import reminders_due
from bot.posting.manage import expire_due, renewal_reminders_due
from bot.local_days import days_left
from bot.store.types import utcnow
from bot.telegram import notify
from bot.volunteers import languages_of
from bot.telegram.posting.buttons import renew_button
from bot.telegram.formatting import line
from bot.telegram.services import one_process_at_a_time, services
from bot.texts import t

log = logging.getLogger(__name__)
# Expired listings leave search at once anyway (search checks expires_at); the job only writes the status down.
EVERY = timedelta(hours=1)


def schedule(application: Application) -> None:  # type: ignore[type-arg]
    """Schedules expiry, renewal reminders and interest reminders (when the job queue is installed)."""
    queue = application.job_queue
    if queue is None:
        return
    single = one_process_at_a_time  # several bot processes: one of them runs each round
    queue.run_repeating(single(expire_listings), interval=EVERY, first=30, name="expiry")
    queue.run_repeating(single(ask_renewals), interval=EVERY, first=90, name="renewals")
    queue.run_repeating(single(remind_interest), interval=EVERY, first=150, name="interest")


async def expire_listings(context: ContextTypes.DEFAULT_TYPE) -> None:
    """Marks listings past their end as expired."""
    async with services(context).database.unit_of_work() as session:
        expired = await expire_due(session, now=utcnow())
    if expired:
        log.info("%d listings expired", expired)


async def ask_renewals(context: ContextTypes.DEFAULT_TYPE) -> None:
    """Asks the members of listings expiring within a week 'Noch aktuell?', with a renew button."""
    now = utcnow()
    async with services(context).database.unit_of_work() as session:
        reminders = await renewal_reminders_due(session, now=now)
        languages = await languages_of(session, {m for reminder in reminders for m in reminder.member_ids})
    for reminder in reminders:
        for member in reminder.member_ids:
            lang = languages[member]
            days = days_left(reminder.expires_at, now=now)
            text = t(lang, "my_listings.still_current", title=line(reminder.title, 120), days=days, count=days)
            await notify.send_to(context.bot, member, text, renew_button(reminder.opportunity_id, lang))


async def remind_interest(context: ContextTypes.DEFAULT_TYPE) -> None:
    """Reminds organisations of interest they have not answered for a few days."""
    async with services(context).database.unit_of_work() as session:
        notices = await reminders_due(session, now=utcnow())
        notes = [note for notice in notices
                 for note in await notify.notes_for_interest(session, notice, key="interest.reminder")]
    await notify.deliver(context.bot, notes)
