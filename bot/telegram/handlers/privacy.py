"""/datenschutz, /meinedaten and /loeschen: what is stored, all of it as a file, all of it deleted."""

from __future__ import annotations

import json

from telegram import InputFile, Update
from telegram.ext import ContextTypes

from bot.privacy import delete_volunteer_data, export_volunteer_data
from bot.telegram import keyboards
from bot.telegram.handlers import moderation
from bot.telegram.handlers.common import (
    edit, guess_language, pressed, pressed_in_own_chat, refuse_foreign, refuse_stale, send, volunteer_of,
)
from bot.telegram.services import services
from bot.texts import t
from bot.volunteers import find_volunteer


async def privacy_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Explains what the bot stores and how to get or delete it."""
    async with services(context).unit_of_work() as session:
        lang = (await volunteer_of(session, update)).language
    await send(update, t(lang, "privacy.text"))


async def my_data_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Sends everything stored about the person as a JSON document."""
    user = update.effective_user
    assert user is not None
    async with services(context).unit_of_work() as session:
        lang = (await volunteer_of(session, update)).language
        data = await export_volunteer_data(session, user.id)
    document = json.dumps(data, ensure_ascii=False, indent=2, default=str).encode("utf-8")
    chat = update.effective_chat
    assert chat is not None
    await chat.send_document(InputFile(document, filename=t(lang, "privacy.export_filename")),
                             caption=t(lang, "privacy.export_caption"))


async def delete_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Asks whether everything should really be deleted."""
    async with services(context).unit_of_work() as session:
        lang = (await volunteer_of(session, update)).language
    await send(update, t(lang, "privacy.confirm"), keyboards.confirm_delete(lang))


async def confirm_delete(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Deletes everything about the person after they confirmed, or keeps it."""
    query, callback = pressed(update)
    if callback is None or callback.arg(0) not in (0, 1):
        await refuse_stale(query, guess_language(update))
        return
    if not pressed_in_own_chat(query):
        await refuse_foreign(query, guess_language(update))
        return
    confirmed = callback.arg(0) == 1
    async with services(context).unit_of_work() as session:
        # Looked up, not created: a deletion must not leave a fresh record behind.
        volunteer = await find_volunteer(session, query.from_user.id)
        lang = volunteer.language if volunteer is not None else guess_language(update)
        report = await delete_volunteer_data(session, query.from_user.id) if confirmed else None
    await query.answer()
    await edit(query, t(lang, "privacy.deleted" if confirmed else "privacy.kept"))
    if report is not None and report.orphaned:
        await moderation.tell_admins_orphaned(context, report.orphaned)
