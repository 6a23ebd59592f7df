"""Anna's Telegram says German; once she writes English, every reply stays English while the conversation lasts."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select, update
from tests.telegram.botchat import ANNA, GROUP_ID, JOHN, Chat, Person, Reply

from bot.store.db import Database
from bot.store.models import Volunteer
from bot.store.types import utcnow
from bot.telegram.callbacks import Kind, decode
from bot.texts import t


def _data(reply: Reply, kind: Kind) -> list[str]:
    """Returns the callback data of the reply's buttons of one kind."""
    return [b["callback_data"] for b in reply.buttons if (d := decode(b.get("callback_data"))) and d.kind is kind]


def _keyboard(reply: Reply) -> list[str]:
    """Returns the labels of the reply keyboard (the main menu) the reply sent."""
    rows = [call.params.get("reply_markup") or {} for call in reply.messages]
    return [str(key["text"]) for markup in rows for row in markup.get("keyboard", []) for key in row]


async def test_after_an_english_search_commands_and_small_talk_answer_in_english(chat: Chat) -> None:
    await chat.send(ANNA, "I would like to help at an animal shelter in Kassel")
    cancelled = await chat.send(ANNA, "/abbrechen")
    assert cancelled.text.startswith("All right, cancelled.")
    assert "⚙️ Settings" in _keyboard(cancelled) and "⚙️ Einstellungen" not in _keyboard(cancelled)
    assert (await chat.send(ANNA, "/hilfe")).text.startswith("<b>How to find volunteering</b>")
    assert (await chat.send(ANNA, "thanks")).text.startswith("You're welcome!")
    assert (await chat.send(ANNA, "/merkliste")).text.startswith("You have")
    assert "Language: Deutsch" in (await chat.send(ANNA, "/einstellungen")).text
    assert (await chat.send(ANNA, "/start")).text.startswith("👋 Hi")


async def test_an_english_result_keeps_its_language_when_its_buttons_are_pressed(chat: Chat) -> None:
    first = await chat.send(ANNA, "I would like to help at an animal shelter in Kassel")
    menu = await chat.press(ANNA, first.button("Time"), message_id=first.sent_id())
    assert "at the weekend" in [b["text"] for b in menu.buttons]
    weekend = await chat.press(ANNA, menu.button("at the weekend"), message_id=first.sent_id())
    assert weekend.text.startswith("🔎 <b>Animals · Kassel + 15 km · at the weekend</b>")
    details = await chat.press(ANNA, _data(first, Kind.DETAILS)[0], message_id=first.sent_id())
    assert "◀ Back to the results" in [b["text"] for b in details.buttons]
    saved = await chat.press(ANNA, first.button("Save as alert"), message_id=first.sent_id())
    assert "Animals" in saved.text and "Tiere" not in saved.text


async def test_small_talk_goes_on_in_the_conversations_language_as_help_does(chat: Chat) -> None:
    await chat.send(ANNA, "I would like to help at an animal shelter in Kassel")
    for said, answer in (("danke", "You're welcome!"), ("hallo", "Hello!"), ("👍", "👍 If you like"),
                         ("ok", "👍 If you like")):
        reply = await chat.send(ANNA, said)
        assert reply.text.startswith(answer) and "⚙️ Settings" in _keyboard(reply), (said, reply.text)
    assert (await chat.send(ANNA, "/hilfe")).text.startswith("<b>How to find volunteering</b>")
    assert (await chat.send(JOHN, "hallo")).text.startswith("Hello!")  # no conversation: the setting


async def test_the_help_words_name_a_command_and_keep_the_conversations_language(chat: Chat) -> None:
    # "hilfe" is what the German menu and the help itself show: typed after English messages, it asks for the
    # help, not for German; a German sentence asking how it works is German all the same
    await chat.send(ANNA, "I would like to help at an animal shelter in Kassel")
    for said in ("hilfe", "Hilfe!", "help", "HELP?"):
        reply = await chat.send(ANNA, said)
        assert reply.text.startswith("<b>How to find volunteering</b>") and "⚙️ Settings" in _keyboard(reply), said
    assert (await chat.send(ANNA, "wie funktioniert das?")).text.startswith("<b>So findest du ein Ehrenamt</b>")
    assert (await chat.send(JOHN, "hilfe")).text.startswith("<b>How to find volunteering</b>")  # his setting


async def test_a_german_message_goes_back_to_german(chat: Chat) -> None:
    await chat.send(ANNA, "I would like to help at an animal shelter in Kassel")
    german = await chat.send(ANNA, "Tierheim in Kassel")
    assert german.text.startswith("🔎 <b>Tiere · Kassel + 15 km</b>")
    assert (await chat.send(ANNA, "/abbrechen")).text.startswith("Alles klar, abgebrochen.")


async def test_the_language_chosen_in_the_settings_wins(chat: Chat) -> None:
    first = await chat.send(ANNA, "I would like to help at an animal shelter in Kassel")
    shown = await chat.send(ANNA, "/einstellungen")
    assert "Language: Deutsch" in shown.text
    assert [b["text"] for b in shown.buttons][0] == "🌐 English"  # offers the language she is not set to
    chosen = await chat.press(ANNA, shown.button("English"), message_id=shown.sent_id())
    assert "Language: English" in chosen.text and [b["text"] for b in chosen.buttons][0] == "🌐 Deutsch"
    german = await chat.press(ANNA, chosen.button("Deutsch"), message_id=shown.sent_id())
    assert "Sprache: Deutsch" in german.text
    assert (await chat.send(ANNA, "/abbrechen")).text.startswith("Alles klar")
    more = await chat.press(ANNA, first.button("Time"), message_id=first.sent_id())  # the old result follows
    assert "am Wochenende" in [b["text"] for b in more.buttons]


async def test_after_an_hour_the_setting_speaks_again(chat: Chat, database: Database) -> None:
    await chat.send(ANNA, "I would like to help at an animal shelter in Kassel")
    async with database.unit_of_work() as session:
        await session.execute(update(Volunteer).values(conversation_at=utcnow() - timedelta(hours=2)))
    assert (await chat.send(ANNA, "/abbrechen")).text.startswith("Alles klar")


async def test_an_english_setting_stays_english_after_german_words(chat: Chat) -> None:
    await chat.send(JOHN, "Tierheim in Kassel")
    assert (await chat.send(JOHN, "/cancel")).text.startswith("All right")


async def test_a_german_sentence_under_an_english_telegram_is_answered_in_german_with_the_hint(chat: Chat) -> None:
    answered = await chat.send(JOHN, "hallo, ich suche was mit hunden in kassel")
    assert answered.text.startswith("🔎 <b>Tiere · Kassel")
    assert any("antworte ich auf Deutsch" in call.text and "/einstellungen" in call.text for call in answered.calls)
    assert (await chat.send(JOHN, "/abbrechen")).text.startswith("Alles klar")  # the conversation goes on in German


async def test_a_place_alone_goes_on_in_the_conversations_language(chat: Chat) -> None:
    await chat.send(ANNA, "I would like to help at an animal shelter in Kassel")
    assert (await chat.send(ANNA, "/standort")).text.startswith("You have not saved a place yet.")
    assert (await chat.send(ANNA, "Fulda")).text.startswith("Remembered: <b>Fulda</b>.")


async def test_a_message_too_long_to_read_is_refused_in_its_own_language(chat: Chat) -> None:
    english = await chat.send(ANNA, "I would like to help at an animal shelter in Kassel. " * 80)  # 4,000 characters
    assert english.text.startswith("Thank you for telling me so much!")
    german = await chat.send(ANNA, "Ich möchte gern im Tierheim in Kassel helfen. " * 90)
    assert german.text.startswith("Danke, dass du so viel erzählst!")
    await chat.send(ANNA, "I would like to help at an animal shelter in Kassel")
    emoji = await chat.send(ANNA, "🐶" * 2000)  # in no language: the conversation's
    assert emoji.text.startswith("Thank you for telling me so much!")


async def test_a_long_german_message_after_english_ones_is_refused_in_german(chat: Chat) -> None:
    await chat.send(ANNA, "I would like to help at an animal shelter in Kassel")  # the conversation is English now
    long = "Ich bin Rentnerin in Kassel, war Lehrerin und vermisse die Arbeit mit Kindern sehr. " * 50
    assert (await chat.send(ANNA, long)).text.startswith("Danke, dass du so viel erzählst!")
    assert (await chat.send(JOHN, long)).text.startswith("Danke, dass du so viel erzählst!")  # English setting


async def test_choosing_a_language_leaves_a_groups_results_in_the_groups_language(chat: Chat) -> None:
    grouped = await chat.send(ANNA, "/suche Tierheim in Kassel", chat_id=GROUP_ID)
    assert grouped.text.startswith("🔎 <b>Tiere · Kassel + 15 km</b>")
    shown = await chat.send(ANNA, "/einstellungen")
    await chat.press(ANNA, shown.button("English"), message_id=shown.sent_id())
    menu = await chat.press(ANNA, grouped.button("Zeit"), chat_id=GROUP_ID, message_id=grouped.sent_id())
    assert "am Wochenende" in [b["text"] for b in menu.buttons]  # the group read it in German


async def test_deleting_everything_answers_in_the_conversations_language(chat: Chat) -> None:
    await chat.send(ANNA, "I would like to help at an animal shelter in Kassel")
    asked = await chat.send(ANNA, "/loeschen")
    assert asked.text.startswith("Shall I really delete everything")
    kept = await chat.press(ANNA, asked.button("No, keep it"), message_id=asked.sent_id())
    assert kept.text == "Fine, I have deleted nothing."
    deleted = await chat.press(ANNA, asked.button("Yes, delete everything"), message_id=asked.sent_id())
    assert deleted.text.startswith("Done: I have deleted everything about you.")


async def test_an_older_english_result_keeps_its_language_after_a_german_search(chat: Chat) -> None:
    first = await chat.send(ANNA, "I would like to help at an animal shelter in Kassel")
    details = await chat.press(ANNA, _data(first, Kind.DETAILS)[0], message_id=first.sent_id())
    assert (await chat.send(ANNA, "Tierheim in Kassel")).text.startswith("🔎 <b>Tiere")
    starred = await chat.press(ANNA, details.button("☆ Save"), message_id=first.sent_id())
    assert starred.answers == ["Saved ⭐"]
    assert {"★ Saved – remove", "◀ Back to the results"} <= {b["text"] for b in starred.buttons}
    on_list = await chat.press(ANNA, _data(first, Kind.FAVOURITE)[1], message_id=first.sent_id())
    assert on_list.answers == ["Saved ⭐"]
    saved = await chat.press(ANNA, first.button("Save as alert"), message_id=first.sent_id())
    assert saved.answers == ["Saved"] and "Animals" in saved.text


async def _wrote_earlier(database: Database, minutes: int) -> None:
    """Moves the person's conversation back in time, as if their last update was this much earlier."""
    async with database.unit_of_work() as session:
        anna = await session.scalar(select(Volunteer).where(Volunteer.telegram_id == ANNA.id))
        assert anna is not None and anna.conversation_at is not None
        anna.conversation_at -= timedelta(minutes=minutes)


async def test_the_conversation_lasts_an_hour_after_the_persons_last_message_not_after_the_search(
    chat: Chat, database: Database
) -> None:
    await chat.send(ANNA, "I would like to help at an animal shelter in Kassel")
    await _wrote_earlier(database, 50)
    assert (await chat.send(ANNA, "/standort")).text.startswith("You have not saved a place yet.")
    await _wrote_earlier(database, 11)  # 61 minutes after the search, 11 after the question
    assert (await chat.send(ANNA, "Fulda")).text.startswith("Remembered: <b>Fulda</b>.")
    await _wrote_earlier(database, 66)  # silent for more than an hour: the setting speaks again
    assert (await chat.send(ANNA, "/abbrechen")).text.startswith("Alles klar")


async def test_the_question_to_remember_a_place_is_answered_in_its_own_language(chat: Chat) -> None:
    await chat.send(ANNA, "I would like to help at an animal shelter")
    placed = await chat.send(ANNA, "Kassel")
    assert "Shall I remember <b>Kassel</b>" in placed.text
    assert (await chat.send(ANNA, "Tierheim in Fulda")).text.startswith("🔎 <b>Tiere")
    kept = await chat.press(ANNA, placed.button("Yes"), message_id=placed.sent_id())
    assert kept.text.startswith("Remembered: <b>Kassel</b>.")


async def test_emoji_go_on_in_an_english_conversation_of_a_german_telegram(
    chat: Chat, database: Database, listings: dict[str, int]
) -> None:
    # Anna's Telegram says German; emoji are in no language, so her English conversation goes on in English,
    # and the search the animal emoji starts keeps the conversation (and its alerts) English.
    assert "Animals" in (await chat.send(ANNA, "animal shelter in Kassel")).text
    assert (await chat.send(ANNA, "🎉")).text == t("en", "search.emoji_only")
    assert (await chat.send(ANNA, "🐶")).text.startswith("🔎 <b>Animals · Kassel")
    async with database.read_only() as session:
        anna = (await session.execute(select(Volunteer).where(Volunteer.telegram_id == ANNA.id))).scalar_one()
    assert anna.conversation_lang == "en"
    assert (await chat.send(ANNA, "Tierheim in Kassel")).text.startswith("🔎 <b>Tiere · Kassel")  # words switch



async def test_the_english_help_word_outside_a_conversation_gets_english_help(chat: Chat) -> None:
    # Telegram in Arabic maps to the German setting; "help" is the first thing written: it is English
    amira = Person(id=507, first_name="Amira", language_code="ar")
    assert (await chat.send(amira, "help")).text.startswith("<b>How to find volunteering</b>")
    assert (await chat.send(amira, "hilfe")).text.startswith("<b>So findest du ein Ehrenamt</b>")


async def test_a_long_message_in_neither_language_keeps_the_english_setting(chat: Chat) -> None:
    ukrainian = "Привіт, я хочу допомагати людям у моєму місті, маю багато часу у вихідні і люблю тварин. " * 40
    assert (await chat.send(JOHN, ukrainian)).text.startswith("Thank you for telling me so much!")
    turkish = "Merhaba, şehrimde insanlara yardım etmek istiyorum, hafta sonları çok zamanım var. " * 40
    assert (await chat.send(JOHN, turkish)).text.startswith("Thank you for telling me so much!")
    french = "Bonjour, je voudrais aider des personnes dans ma ville, j'ai du temps le week-end. " * 40
    assert (await chat.send(JOHN, french)).text.startswith("Thank you for telling me so much!")


async def test_choosing_a_language_sends_the_keyboard_below_the_input_field_anew_in_it(chat: Chat) -> None:
    shown = await chat.send(ANNA, "/einstellungen")
    chosen = await chat.press(ANNA, shown.button("English"), message_id=shown.sent_id())
    assert "⚙️ Settings" in _keyboard(chosen) and "⚙️ Einstellungen" not in _keyboard(chosen)
    german = await chat.press(ANNA, chosen.button("Deutsch"), message_id=shown.sent_id())
    assert "⚙️ Einstellungen" in _keyboard(german)
    other = next(b["text"] for b in german.buttons if "English" not in b["text"])  # not the language
    assert _keyboard(await chat.press(ANNA, german.button(other), message_id=shown.sent_id())) == []
