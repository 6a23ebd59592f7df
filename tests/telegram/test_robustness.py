"""Whatever arrives, the bot answers usefully: escaped HTML, media, edits, groups, forged buttons, floods, failures."""

from __future__ import annotations

import logging
from datetime import datetime, timezone

import pytest
from tests.telegram.botchat import ANNA, GROUP_ID, JOHN, MEHMET, Chat, Clock
from tests.factories.chat_listings import INJECTION
from sqlalchemy.exc import OperationalError
from telegram.ext import CallbackContext

from bot.settings import Settings
from bot.store.db import Database
from bot.telegram.app import build_application, serving
from bot.telegram.flood import FloodGuard
from bot.telegram.local.api import LocalRequest
from bot.conversation.searches import ChatSearches
from bot.telegram.alerts import jobs
from bot.conversation.state import KEEP_SEARCHES

STALE = "Dieses Ergebnis ist nicht mehr aktuell."
FOREIGN = "Diese Knöpfe gehören zu jemand anderem. Schreib mir privat für deine eigene Suche."
FOREIGN_EN = "These buttons belong to someone else. Write to me privately for your own search."


async def test_listing_texts_are_escaped_everywhere(chat: Chat) -> None:
    results = await chat.send(ANNA, "Kuchen backen in Kassel")
    assert "<script>" not in results.text and "&lt;script&gt;alert(1)&lt;/script&gt;" in results.text
    assert "&lt;i&gt;Hack&lt;/i&gt; &amp; Söhne" in results.text and "👤 &lt;b&gt;Herr&lt;/b&gt; Fett" in results.text
    details = await chat.press(ANNA, results.button("ℹ️ 1"), message_id=results.sent_id())
    assert INJECTION not in details.text
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; mehr" in details.text


async def test_what_people_type_is_escaped_when_shown_back(chat: Chat) -> None:
    reply = await chat.send(ANNA, "<b>Telefonseelsorge</b> & <script>")
    assert "<script>" not in reply.text and "<b>Telefonseelsorge" not in reply.text


@pytest.mark.parametrize("media", ["sticker", "photo", "voice"])
async def test_media_get_a_friendly_hint_with_an_example(chat: Chat, media: str) -> None:
    reply = await chat.process(getattr(chat.updates, media)(ANNA))
    assert "kann ich leider nicht verstehen" in reply.text and "Tafel in Dresden" in reply.text
    english = await chat.process(getattr(chat.updates, media)(JOHN))
    assert "I cannot understand pictures" in english.text


async def test_an_edited_message_is_searched_again(chat: Chat) -> None:
    reply = await chat.process(chat.updates.edited(ANNA, "Tierheim in Kassel"))
    assert reply.messages[0].text == "Du hast deine Nachricht geändert – hier die Suche dazu:"
    assert "🔎 <b>Tiere · Kassel + 15 km</b>" in reply.messages[1].text


async def test_unknown_commands_and_long_letters_get_a_hint(chat: Chat) -> None:
    unknown = (await chat.send(ANNA, "/tierheim")).text
    assert "/tierheim kenne ich nicht" in unknown and "/suche – Ehrenamt suchen" in unknown
    assert "So lange Nachrichten kann ich leider nicht lesen" in (await chat.send(ANNA, "Hallo " * 200)).text


async def test_group_chats_get_an_invitation_and_searches_stay_with_their_owner(chat: Chat) -> None:
    invitation = await chat.send(ANNA, "/start", chat_id=GROUP_ID)
    assert "Ich helfe am besten im privaten Chat" in invitation.text
    assert invitation.buttons[0]["url"].startswith("https://t.me/EhrenamtBot?start=")
    assert (await chat.send(ANNA, "Tierheim Kassel", chat_id=GROUP_ID)).calls == []  # chatter is not for the bot
    results = await chat.send(ANNA, "/suche Tiere in Kassel am Wochenende", chat_id=GROUP_ID)
    assert results.calls[0].params["chat_id"] == GROUP_ID and "6 Angebote gefunden" in results.text
    assert "Wo soll ich suchen?" not in results.text
    refused = await chat.press(JOHN, results.button("Mehr"), chat_id=GROUP_ID, message_id=results.sent_id())
    assert refused.answers == [FOREIGN_EN] and not refused.edited()
    details = await chat.press(ANNA, results.button("ℹ️ 1"), chat_id=GROUP_ID, message_id=results.sent_id())
    assert details.edited()
    kept = await chat.press(MEHMET, details.button("Merken"), chat_id=GROUP_ID, message_id=results.sent_id())
    assert kept.answers == [FOREIGN]


async def test_mentioning_the_bot_in_a_group_gets_the_invitation(chat: Chat) -> None:
    reply = await chat.send(ANNA, "@EhrenamtBot kannst du helfen?", chat_id=GROUP_ID)
    assert "Ich helfe am besten im privaten Chat" in reply.text


@pytest.mark.parametrize("forged", [
    "hello", "1p:1", "1p:1:3", "1p:999:5", "1k:1:42", "1c:1:99", "1t:1:9", "1o:1:7", "1d:999:1", "1x:999:0",
    "1e:0:7", "1e:9:0", "1h:999:1", "1s:999", "1v:0:99999", "1l:99999", "1f:1:1:99999", "1f:7:1:1", "1z:5",
    "2p:1:5", "1p:01:5",
])
async def test_forged_buttons_answer_not_current_instead_of_failing(chat: Chat, forged: str) -> None:
    await chat.send(ANNA, "Tierheim in Kassel")  # search 1 exists and is Anna's
    reply = await chat.press(ANNA, forged)
    assert reply.answers == [STALE]
    assert not reply.edited()


async def test_a_button_of_someone_elses_search_is_refused_even_in_a_private_chat(chat: Chat) -> None:
    results = await chat.send(ANNA, "Tierheim in Kassel")
    await chat.send(MEHMET, "/start")
    reply = await chat.press(MEHMET, results.button("Mehr"))
    assert reply.answers == [FOREIGN]


async def test_buttons_of_pruned_searches_are_no_longer_current(chat: Chat) -> None:
    first = await chat.send(ANNA, "Tiere in Kassel am Wochenende")
    others = await chat.send(JOHN, "animal shelter in Kassel")
    for _ in range(KEEP_SEARCHES - 1):
        await chat.send(ANNA, "Senioren in Kassel")
    await jobs.forget_old_searches(CallbackContext(chat.application))
    kept = await chat.press(ANNA, first.button("Mehr"), message_id=first.sent_id())
    assert kept.edited()  # twenty searches are kept
    await chat.send(ANNA, "Senioren in Kassel")
    await jobs.forget_old_searches(CallbackContext(chat.application))
    reply = await chat.press(ANNA, first.button("Mehr"), message_id=first.sent_id())
    assert reply.answers == [STALE]
    assert (await chat.press(JOHN, others.button("More"), message_id=others.sent_id())).edited()


async def test_the_vocabulary_is_pruned_nightly(chat: Chat, caplog: pytest.LogCaptureFixture) -> None:
    assert chat.application.job_queue is not None
    (job,) = chat.application.job_queue.get_jobs_by_name("vocabulary")
    at = job.job.trigger.get_next_fire_time(None, datetime.now(timezone.utc)).astimezone(jobs.VOCABULARY_AT.tzinfo)
    assert (at.hour, at.minute) == (3, 30)  # daily, in the quiet hours of Berlin
    with caplog.at_level(logging.INFO, logger="bot.telegram.alerts.jobs"):
        await jobs.prune_vocabulary(CallbackContext(chat.application))
    assert "search vocabulary rebuilt" in caplog.text


async def test_a_flood_gets_one_calm_message_and_then_silence(chat: Chat) -> None:
    chat.pace = 0.0
    replies = [await chat.send(MEHMET, "Tierheim in Kassel") for _ in range(14)]
    flood = [reply for reply in replies if "Nicht so schnell" in reply.text]
    assert len(flood) == 1 and replies.index(flood[0]) == 10
    assert all(reply.calls == [] for reply in replies[11:])
    pressed = await chat.press(MEHMET, replies[0].button("Mehr"), message_id=replies[0].sent_id())
    assert pressed.methods() == ["answerCallbackQuery"]  # buttons are still answered, without a spinner
    chat.clock.now += 30
    assert "🔎" in (await chat.send(MEHMET, "Tierheim in Kassel")).text


async def test_a_database_error_gets_an_apology_and_is_logged(chat: Chat, monkeypatch: pytest.MonkeyPatch,
                                                              caplog: pytest.LogCaptureFixture) -> None:
    async def broken(*args: object, **kwargs: object) -> None:
        raise OperationalError("SELECT 1", {}, Exception("database is locked"))

    monkeypatch.setattr(ChatSearches, "start", broken)
    with caplog.at_level(logging.ERROR, logger="bot.telegram.errors"):
        reply = await chat.send(ANNA, "Tierheim in Kassel")
    assert reply.text == "Entschuldige, da ist bei mir etwas schiefgegangen. Versuch es bitte gleich noch einmal."
    assert any("database is locked" in (record.exc_text or "") for record in caplog.records)


async def test_a_network_error_while_answering_gets_an_apology(chat: Chat, caplog: pytest.LogCaptureFixture) -> None:
    chat.api.fail_next("sendMessage", 502, "Bad Gateway")
    with caplog.at_level(logging.ERROR, logger="bot.telegram.errors"):
        reply = await chat.send(JOHN, "animal shelter in Kassel")
    assert reply.text == "Sorry, something went wrong on my side. Please try again in a moment."
    assert caplog.records


async def test_a_failing_button_apologises_in_the_answer(chat: Chat) -> None:
    results = await chat.send(ANNA, "Tiere in Kassel am Wochenende")
    chat.api.fail_next("editMessageText", 500, "Internal Server Error")
    reply = await chat.press(ANNA, results.button("Mehr"), message_id=results.sent_id())
    assert reply.methods() == ["answerCallbackQuery", "sendMessage"]  # answered already, so the apology is a message
    assert "etwas schiefgegangen" in reply.text


async def test_buttons_keep_working_after_a_restart(chat: Chat, database: Database, settings: Settings) -> None:
    results = await chat.send(ANNA, "Tiere in Kassel am Wochenende")
    api = chat.api  # the messages stay on Telegram's side; a new process builds a new Application
    restarted = build_application(settings, request=LocalRequest(api), database=database,
                                  flood=FloodGuard(clock=Clock()))
    async with serving(restarted):
        again = Chat(restarted, api, Clock())
        reply = await again.press(ANNA, results.button("Mehr"), message_id=results.sent_id())
    assert reply.edited() and "hier Nr. 6" in reply.text
