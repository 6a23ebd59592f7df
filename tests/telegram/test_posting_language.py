"""The posting chat goes on in the language the club writes its listing in: German sentences after an English search
are asked on in German, at once, not after the hour the English conversation would last; English ones after German
in English. Names, numbers and short titles say nothing."""

from __future__ import annotations

from tests.telegram.botchat import Chat, Reply
from tests.telegram.posting_script import CLUB, DESCRIPTION, fill

from bot.conversation.reply_language import posting_language

ENGLISH_ORGANISATION = ["Tierfreunde Kassel", "⟨Registered association⟩", "⟨Skip⟩", "info@tierfreunde.example.org"]


def _labels(reply: Reply) -> list[str]:
    return [str(button["text"]) for button in reply.buttons]


def test_only_sentences_clearly_in_the_other_language_switch() -> None:
    assert posting_language(DESCRIPTION, current="en") == "de"
    assert posting_language("You walk our shelter dogs around the park on Saturday mornings.", current="de") == "en"
    for said in ("Tierfreunde Kassel", "34117", "Dog walking", "Ruhe und Geduld", "info@tierfreunde.example.org"):
        assert posting_language(said, current="en") == "en" and posting_language(said, current="de") == "de"
    assert posting_language(DESCRIPTION, current="de") == "de"


async def test_a_german_description_after_an_english_search_is_asked_on_in_german(chat: Chat) -> None:
    await chat.send(CLUB, "dog walking in Kassel please")
    titled = await fill(chat, CLUB, [*ENGLISH_ORGANISATION, "Dog walking"])
    assert titled.text.startswith("📝 Describe")  # the conversation is English so far
    described = await chat.send(CLUB, DESCRIPTION)
    assert "Zu welchen Bereichen passt dein Angebot?" in described.text and "✔️ Fertig" in _labels(described)
    assert (await chat.send(CLUB, "/hilfe")).text.startswith("<b>So findest du")  # the conversation went on in German


async def test_an_english_description_after_german_questions_is_asked_on_in_english(chat: Chat) -> None:
    titled = await fill(chat, CLUB, ["Tierfreunde Kassel", "⟨Verein⟩", "⟨Überspringen⟩",
                                     "info@tierfreunde.example.org", "Dog walking"])
    assert titled.text.startswith("📝 Beschreib")
    described = await chat.send(CLUB, "You walk our shelter dogs around the park on Saturday mornings.")
    assert "Which areas fit your listing?" in described.text and "✔️ Done" in _labels(described)
