"""A group never goes on from a person's private searches, nor their own chat from what they searched in a group:
"weiter", "was mit Tieren" or "lieber am WE" in a group show nothing of the private search (its pages, its
place), and no group reply carries the private chat's keyboard (with its location button)."""

from __future__ import annotations

from tests.telegram.botchat import ANNA, GROUP_ID, Chat, Reply


def _reply_keyboard(reply: Reply) -> bool:
    """Tells whether a message of the reply carries a reply keyboard (the private chat's main keyboard)."""
    return any("keyboard" in (call.params.get("reply_markup") or {}) for call in reply.messages)


async def test_weiter_in_a_group_shows_no_page_of_a_private_search(chat: Chat) -> None:
    await chat.send(ANNA, "Tiere in Kassel")
    reply = await chat.send(ANNA, "/suche weiter", chat_id=GROUP_ID)
    assert "im eigenen Chat" in reply.text or "unserem eigenen Chat" in reply.text
    assert "Angebote gefunden" not in reply.text and not _reply_keyboard(reply)


async def test_a_new_interest_in_a_group_keeps_no_private_place(chat: Chat) -> None:
    await chat.send(ANNA, "Tiere in Kassel")
    reply = await chat.send(ANNA, "/suche was mit Kindern", chat_id=GROUP_ID)
    header = reply.text.splitlines()[0]
    assert header.startswith("🔎 <b>Kinder") and "Kassel" not in header and "Ich suche weiter" not in reply.text
    assert not _reply_keyboard(reply)


async def test_the_private_chat_goes_on_from_its_own_search_not_the_groups(chat: Chat) -> None:
    await chat.send(ANNA, "Tiere in Kassel")
    await chat.send(ANNA, "/suche Tiere in Berlin", chat_id=GROUP_ID)
    reply = await chat.send(ANNA, "lieber am Wochenende")
    assert reply.text.startswith("🔎 <b>Tiere · Kassel + 15 km · am Wochenende</b>")


async def test_help_and_small_talk_in_a_group_carry_no_private_keyboard(chat: Chat) -> None:
    for text in ("/suche hilfe", "/suche danke"):
        assert not _reply_keyboard(await chat.send(ANNA, text, chat_id=GROUP_ID))


async def test_cancel_says_it_ended_the_conversation_about_the_last_search(chat: Chat) -> None:
    await chat.send(ANNA, "Tiere in Kassel")
    assert "abgebrochen" in (await chat.send(ANNA, "/abbrechen")).text
    assert "nichts abzubrechen" in (await chat.send(ANNA, "/abbrechen")).text
