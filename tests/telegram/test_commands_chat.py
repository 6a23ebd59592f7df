"""Commands by their German and English names: /sprache changes the language, /hilfe lists every command, and a
command the bot does not know gets the one it most likely means or the list of the right ones."""

from __future__ import annotations

import re

import pytest
from tests.telegram.botchat import ANNA, JOHN, Chat

from bot.menus.commands import ADMIN_COMMANDS, COMMON_MENU, MEMBER_COMMANDS
from bot.texts import t


@pytest.mark.parametrize("lang", ["de", "en"])
def test_help_names_every_command_in_the_readers_language(lang: str) -> None:
    """/hilfe lists the commands everybody has (and those of organisations), /help their English names."""
    index = 0 if lang == "de" else 1
    listed = set(re.findall(r"^/(\w+)", t(lang, "help.text"), re.MULTILINE))
    clubs = (("anbieten", "post"), ("meineangebote", "mylistings"))  # anyone may post for their club
    wanted = {pair[index] for pair in COMMON_MENU.commands + MEMBER_COMMANDS + clubs} - {
        ("hilfe", "help")[index]}  # the help is what is shown
    assert listed == wanted
    admin = set(re.findall(r"/(\w+)", t(lang, "help.admin")))
    assert {pair[index] for pair in ADMIN_COMMANDS} <= admin


async def test_sprache_and_language_offer_the_other_language_and_switch_to_it(chat: Chat) -> None:
    asked = await chat.send(ANNA, "/sprache")
    assert asked.text == t("de", "settings.language", language="Deutsch")
    switched = await chat.press(ANNA, asked.button("English"), message_id=asked.sent_id())
    assert "Language: English" in switched.text
    back = await chat.send(ANNA, "/language")
    assert back.text.startswith("🌐 Your language is set to English")
    german = await chat.press(ANNA, back.button("Deutsch"), message_id=back.sent_id())
    assert "Sprache: Deutsch" in german.text


async def test_an_unknown_command_lists_the_right_ones_and_a_typo_gets_the_one_meant(chat: Chat) -> None:
    unknown = await chat.send(ANNA, "/foo")
    assert unknown.text.startswith("🤔 /foo kenne ich nicht")
    assert "/sprache – Sprache wechseln" in unknown.text and "/suche – Ehrenamt suchen" in unknown.text
    assert "/pruefen" not in unknown.text  # an admin's commands only in an admin's list
    typo = await chat.send(ANNA, "/einstelungen")
    assert typo.text == t("de", "problem.unknown_command_close", command="einstelungen", close="einstellungen")
    german_word = await chat.send(ANNA, "/favoriten")  # like the English name: the German one offered as well
    assert german_word.text == t("de", "problem.unknown_command_close_both", command="favoriten", close="merkliste",
                                 typed_like="favourites")
    english = await chat.send(JOHN, "/languag")
    assert "did you mean /language?" in english.text
    listed = await chat.send(JOHN, "/menu")
    assert "/settings – Language and notifications" in listed.text and "/einstellungen" not in listed.text
