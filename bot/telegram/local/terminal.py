"""The chat in a terminal: the bot's messages printed, buttons as numbers, typed lines turned into updates."""

from __future__ import annotations

import html
import re
from typing import Any, TextIO

from telegram import Update

from bot.telegram.local.api import ApiCall, LocalBotApi
from bot.telegram.local.updates import Person, UpdateFactory

_LOCATION = re.compile(r"^(?:standort|location)\s+(-?\d+(?:[.,]\d+)?)\s+(-?\d+(?:[.,]\d+)?)$", re.IGNORECASE)
# "standort", "standort 51.31": the notation with a number missing or malformed is explained, not sent as text
_LOCATION_MISWRITTEN = re.compile(r"^\s*(?:standort|location)(?:\s+[-+\d.,]*)*\s*$", re.IGNORECASE)
LOCATION_HELP = "📍 So teilst du einen Standort: standort BREITE LÄNGE, z. B. standort 51.31 9.49"
# Buttons have their own notation, so a typed number stays an answer (hours, a postal code, a choice by text).
_BUTTON = re.compile(r"^#\s*(\d+)$")
_TAG = re.compile(r"<[^>]+>")
_BOLD = re.compile(r"</?b>")


class Terminal:
    """Shows what the local Bot API receives and reads what the person types."""

    def __init__(self, api: LocalBotApi, out: TextIO, *, colour: bool = False) -> None:
        self.api, self.out, self.colour = api, out, colour
        # Inline buttons of the bot's latest answer (all its messages), numbered from 1, with their message.
        self.buttons: list[tuple[dict[str, Any], tuple[int, int] | None]] = []
        self._fresh_turn = True
        api.listeners.append(self.show)

    def show(self, call: ApiCall, result: Any) -> None:
        """Prints one call of the bot: a message, an edit, a short answer, a file."""
        if call.method in ("sendMessage", "editMessageText"):
            marker = "✎ " if call.method == "editMessageText" else ""
            self._print(f"\n{marker}{self._plain(call.params['text'])}")
            self._keyboard(call.params.get("reply_markup"), result)
        elif call.method == "editMessageReplyMarkup":
            self._keyboard(call.params.get("reply_markup"), result)
        elif call.method == "answerCallbackQuery" and call.params.get("text"):
            self._print(f"  » {call.params['text']}")
        elif call.method == "sendDocument":
            name, content = next(iter(call.files.values()), ("?", b""))
            self._print(f"\n📎 {name} ({len(content)} Bytes)\n{content.decode('utf-8', 'replace')}")

    def update_for(self, factory: UpdateFactory, person: Person, line: str) -> Update | None:
        """Turns a typed line into an update: '#3' presses button 3, 'standort LAT LON' shares a place."""
        self._fresh_turn = True
        location = _LOCATION.match(line)
        if location:
            lat, lon = (float(part.replace(",", ".")) for part in location.groups())
            return factory.location(person, lat, lon)
        if _LOCATION_MISWRITTEN.match(line):
            self._print(LOCATION_HELP)
            return None
        button = _BUTTON.match(line.strip())
        if button:
            return self._press(factory, person, int(button.group(1)))
        return factory.message(person, line)

    def _press(self, factory: UpdateFactory, person: Person, number: int) -> Update | None:
        """Presses the numbered button of the newest keyboard (a link button prints its address)."""
        if not 1 <= number <= len(self.buttons):
            self._print(f"  (keine Taste #{number} / no button #{number})")
            return None
        chosen, message = self.buttons[number - 1]
        if "url" in chosen:
            self._print(f"  → {chosen['url']}")
            return None
        chat_id, message_id = message or (person.id, None)
        return factory.callback(person, chosen["callback_data"], chat_id=chat_id, message_id=message_id)

    def _keyboard(self, markup: dict[str, Any] | None, message: Any) -> None:
        """Prints inline buttons as numbered choices and reply-keyboard buttons as hints."""
        if not markup:
            return
        if "inline_keyboard" in markup:
            if self._fresh_turn:  # numbers start again with each answer of the bot that has buttons
                self.buttons, self._fresh_turn = [], False
            where = (message["chat"]["id"], message["message_id"]) if isinstance(message, dict) else None
            for row in markup["inline_keyboard"]:
                cells = []
                for button in row:
                    self.buttons.append((button, where))
                    cells.append(f"[#{len(self.buttons)}] {button['text']}")
                self._print("   " + "   ".join(cells))
        elif "keyboard" in markup:
            labels = []
            for row in markup["keyboard"]:
                for button in row:
                    text = button["text"] if isinstance(button, dict) else str(button)
                    wants_location = isinstance(button, dict) and button.get("request_location")
                    labels.append(f"{text} (standort 51.31 9.49)" if wants_location else text)
            self._print("   ⌨ " + " | ".join(labels))

    def _plain(self, markup: str) -> str:
        """Returns Telegram HTML as terminal text (bold kept on a colour terminal)."""
        if self.colour:
            markup = _BOLD.sub(lambda m: "\033[0m" if m.group(0) == "</b>" else "\033[1m", markup)
        return html.unescape(_TAG.sub("", markup))

    def _print(self, text: str) -> None:
        """Writes a line and flushes, so a pipe sees it at once."""
        self.out.write(text + "\n")
        self.out.flush()
