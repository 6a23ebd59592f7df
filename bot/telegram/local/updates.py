"""Updates as Telegram would send them, built locally: what a person types, shares or presses."""

from __future__ import annotations

import itertools
import re
import time
from dataclasses import dataclass
from typing import Any

from telegram import Bot, Update

from bot.telegram.local.api import LocalBotApi


_MENTION = re.compile(r"(?<![\w/])@\w{5,32}")


def _utf16(text: str) -> int:
    """Returns a length in UTF-16 code units, as Telegram's entity offsets count."""
    return len(text.encode("utf-16-le")) // 2


@dataclass(frozen=True, slots=True)
class Person:
    """Someone writing to the bot."""

    id: int
    first_name: str = "Alex"
    language_code: str | None = "de"
    username: str | None = None

    def as_user(self) -> dict[str, Any]:
        """Returns the Bot API user object."""
        user: dict[str, Any] = {"id": self.id, "is_bot": False, "first_name": self.first_name}
        if self.language_code:
            user["language_code"] = self.language_code
        if self.username:
            user["username"] = self.username
        return user


class UpdateFactory:
    """Builds numbered updates for one bot; buttons are pressed on messages the local API holds."""

    def __init__(self, bot: Bot, api: LocalBotApi | None = None) -> None:
        self.bot, self.api = bot, api
        self._update_ids = itertools.count(1)
        self._message_ids = itertools.count(1_000_000)  # far from the bot's own message ids
        self._query_ids = itertools.count(1)

    def message(self, person: Person, text: str, *, chat_id: int | None = None) -> Update:
        """Returns a text message with the entities Telegram would mark: a leading /command, @mentions."""
        extra: dict[str, Any] = {"text": text}
        entities = [{"type": "mention", "offset": _utf16(text[: m.start()]), "length": _utf16(m.group(0))}
                    for m in _MENTION.finditer(text)]
        if text.startswith("/"):
            entities.insert(0, {"type": "bot_command", "offset": 0, "length": _utf16(text.split()[0])})
        if entities:
            extra["entities"] = entities
        return self._message_update(person, extra, chat_id=chat_id)

    def location(self, person: Person, lat: float, lon: float) -> Update:
        """Returns a shared location."""
        return self._message_update(person, {"location": {"latitude": lat, "longitude": lon}})

    def sticker(self, person: Person) -> Update:
        """Returns a sticker message."""
        sticker = {"file_id": "sticker-1", "file_unique_id": "s1", "width": 512, "height": 512,
                   "is_animated": False, "is_video": False, "type": "regular"}
        return self._message_update(person, {"sticker": sticker})

    def photo(self, person: Person) -> Update:
        """Returns a photo message."""
        photo = [{"file_id": "photo-1", "file_unique_id": "p1", "width": 90, "height": 90}]
        return self._message_update(person, {"photo": photo})

    def voice(self, person: Person) -> Update:
        """Returns a voice message."""
        return self._message_update(person, {"voice": {"file_id": "voice-1", "file_unique_id": "v1", "duration": 3}})

    def edited(self, person: Person, text: str) -> Update:
        """Returns an edit of an earlier text message."""
        message = self._message(person, {"text": text, "edit_date": int(time.time())}, chat_id=None)
        return self._update({"edited_message": message})

    def callback(
        self, person: Person, data: str, *, chat_id: int | None = None, message_id: int | None = None
    ) -> Update:
        """Returns a button press on a message the bot sent (the newest in the chat when no id is given)."""
        chat_id = person.id if chat_id is None else chat_id
        message = self._bot_message(chat_id, message_id)
        query = {"id": str(next(self._query_ids)), "from": person.as_user(), "chat_instance": f"ci{chat_id}",
                 "data": data, "message": message}
        return self._update({"callback_query": query})

    def _bot_message(self, chat_id: int, message_id: int | None) -> dict[str, Any]:
        """Returns the message a button belongs to, as the local API keeps it."""
        if self.api is not None:
            sent = self.api.chat_messages(chat_id)
            chosen = [m for m in sent if message_id is None or m["message_id"] == message_id]
            if chosen:
                return chosen[-1]
        chat = {"id": chat_id, "type": "private" if chat_id > 0 else "supergroup"}
        return {"message_id": message_id or 1, "date": int(time.time()), "chat": chat, "text": "…"}

    def _message_update(self, person: Person, content: dict[str, Any], *, chat_id: int | None = None) -> Update:
        """Returns an update carrying a new message."""
        return self._update({"message": self._message(person, content, chat_id=chat_id)})

    def _message(self, person: Person, content: dict[str, Any], *, chat_id: int | None) -> dict[str, Any]:
        """Returns a message object from a person in their private chat or in a group."""
        if chat_id is None or chat_id == person.id:
            chat: dict[str, Any] = {"id": person.id, "type": "private", "first_name": person.first_name}
        else:
            chat = {"id": chat_id, "type": "supergroup", "title": "Nachbarschaftsgruppe"}
        return {"message_id": next(self._message_ids), "date": int(time.time()), "chat": chat,
                "from": person.as_user(), **content}

    def _update(self, content: dict[str, Any]) -> Update:
        """Returns a numbered Update bound to the bot."""
        return Update.de_json({"update_id": next(self._update_ids), **content}, self.bot)
