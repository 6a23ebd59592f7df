"""/datenschutz, /meinedaten and /loeschen: what is stored, all of it as a file, all of it deleted."""

from __future__ import annotations

import json

from telegram import InputFile

from bot.conversation.language import conversation_language
from bot.privacy import delete_volunteer_data, export_volunteer_data
from bot.telegram.privacy import keyboards as privacy_keyboards
from bot.telegram import notify
from bot.telegram.callbacks import DeleteButton
from bot.telegram.context import Turn
from bot.telegram.menus import jobs as menu_jobs
from bot.telegram.sending import View
from bot.texts import t
from bot.volunteers import find_volunteer


async def privacy_command(turn: Turn[None]) -> None:
    """Explains what the bot stores and how to get or delete it."""
    turn.reply(View(t(turn.lang, "privacy.text")))


async def my_data_command(turn: Turn[None]) -> None:
    """Sends everything stored about the person as a JSON document."""
    lang = turn.lang
    data = await export_volunteer_data(turn.session, turn.user_id)
    document = json.dumps(data, ensure_ascii=False, indent=2, default=str).encode("utf-8")
    chat = turn.update.effective_chat
    assert chat is not None
    turn.later(lambda: chat.send_document(InputFile(document, filename=t(lang, "privacy.export_filename")),
                                          caption=t(lang, "privacy.export_caption")))


async def delete_command(turn: Turn[None]) -> None:
    """Asks whether everything should really be deleted."""
    turn.reply(View(t(turn.lang, "privacy.confirm"), privacy_keyboards.confirm_delete(turn.lang)))


async def confirm_delete(turn: Turn[DeleteButton]) -> None:
    """Deletes everything about the person after they confirmed, or keeps it.

    Registered without loading the person: a deletion must not leave a fresh record behind.
    """
    if turn.button.confirmed not in (0, 1):
        turn.refuse_stale()
        return
    if not turn.in_own_chat:
        turn.refuse_foreign()
        return
    confirmed = turn.button.confirmed == 1
    volunteer = await find_volunteer(turn.session, turn.user_id)
    # The question was asked in the conversation's language (English after English messages): so is the answer.
    lang = conversation_language(volunteer) if volunteer is not None else turn.lang
    report = await delete_volunteer_data(turn.session, turn.user_id) if confirmed else None
    turn.answer()
    turn.edit(View(t(lang, "privacy.deleted" if confirmed else "privacy.kept")))
    if report is not None and report.deleted.get("chat_menus"):  # their own menu named rights they no longer have
        context, user_id = turn.context, turn.user_id
        turn.later(lambda: menu_jobs.take_back(context, user_id))
    if report is not None and report.orphaned:  # the organisation's listings were paused: its admins are told
        notes = await notify.notes_for_orphans(turn.session, report.orphaned, turn.services.settings.admin_ids)
        bot = turn.context.bot
        turn.later(lambda: notify.deliver(bot, notes))
