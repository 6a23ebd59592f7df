"""Driving the real Application offline: a recording Bot API, people, and what each update made the bot do."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from telegram import Update
from telegram.ext import Application

from bot.telegram.local.api import ApiCall, ApiError, LocalBotApi
from bot.telegram.local.updates import Person, UpdateFactory

__all__ = ["ANNA", "GROUP_ID", "JOHN", "MEHMET", "Chat", "Clock", "OfflineBotApi", "Person", "Reply"]

ANNA = Person(id=501, first_name="Anna", language_code="de")
JOHN = Person(id=502, first_name="John", language_code="en-GB")
MEHMET = Person(id=503, first_name="Mehmet", language_code="de")
GROUP_ID = -100777


class OfflineBotApi(LocalBotApi):
    """The local Bot API that records every call and notes any method it does not know (the test then fails)."""

    def __init__(self) -> None:
        super().__init__()
        self.calls: list[ApiCall] = []
        self.unexpected: list[str] = []
        self.failures: dict[str, list[ApiError]] = {}
        self.listeners.append(lambda call, result: self.calls.append(call))

    def fail_next(self, method: str, code: int, description: str) -> None:
        """Makes the next call of a method fail the way Telegram fails (403 blocked, 429 flood, ...)."""
        self.failures.setdefault(method, []).append(ApiError(code, description))

    def call(self, method: str, params: dict[str, Any], files: dict[str, tuple[str, bytes]] | None = None) -> Any:
        """Answers like Telegram; a method nobody emulates is recorded as unexpected network access."""
        if not hasattr(self, "_" + "".join("_" + c.lower() if c.isupper() else c for c in method)):
            self.unexpected.append(method)
        if self.failures.get(method):
            raise self.failures[method].pop(0)
        return super().call(method, params, files)


@dataclass
class Reply:
    """The Bot API calls one update caused."""

    calls: list[ApiCall]

    @property
    def messages(self) -> list[ApiCall]:
        """Returns sent and edited messages (and documents), in order."""
        return [c for c in self.calls if c.method in ("sendMessage", "editMessageText", "sendDocument")]

    @property
    def text(self) -> str:
        """Returns the text of every message, joined."""
        return "\n---\n".join(call.text for call in self.messages)

    @property
    def answers(self) -> list[str]:
        """Returns the texts of answered button presses ('' for a silent answer)."""
        return [str(c.params.get("text") or "") for c in self.calls if c.method == "answerCallbackQuery"]

    @property
    def buttons(self) -> list[dict[str, Any]]:
        """Returns the inline buttons of every call, flattened."""
        return [button for call in self.calls for button in call.buttons]

    def button(self, label: str) -> str:
        """Returns the callback data of the first button whose label contains the text."""
        for candidate in self.buttons:
            if label in candidate["text"]:
                return str(candidate["callback_data"])
        raise AssertionError(f"no button {label!r} among {[b['text'] for b in self.buttons]}")

    def methods(self) -> list[str]:
        """Returns the Bot API methods called, in order."""
        return [call.method for call in self.calls]

    def sent_id(self, index: int = -1) -> int:
        """Returns the message id of a message the bot sent in this reply (the newest by default)."""
        sent = [c for c in self.calls if c.method in ("sendMessage", "sendDocument")]
        return int(sent[index].result["message_id"])

    def edited(self) -> bool:
        """Tells whether the update edited a message instead of sending a new one."""
        return any(c.method in ("editMessageText", "editMessageReplyMarkup") for c in self.calls)


class Clock:
    """A clock for the flood guard that moves only when told to."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


class Chat:
    """Sends updates from people through the Application and returns what the bot did.

    Each update moves the flood guard's clock on by `pace` seconds: people act at human speed unless a test
    floods on purpose (pace 0).
    """

    def __init__(self, application: Application, api: OfflineBotApi, clock: Clock) -> None:  # type: ignore[type-arg]
        self.application, self.api, self.clock = application, api, clock
        self.updates = UpdateFactory(application.bot, api)
        self.pace = 2.0

    async def process(self, update: Update) -> Reply:
        """Handles one update like the running bot would."""
        self.clock.now += self.pace
        before = len(self.api.calls)
        await self.application.process_update(update)
        return Reply(self.api.calls[before:])

    async def send(self, person: Person, text: str, *, chat_id: int | None = None) -> Reply:
        """A person writes a text (or a /command)."""
        return await self.process(self.updates.message(person, text, chat_id=chat_id))

    async def press(
        self, person: Person, data: str, *, chat_id: int | None = None, message_id: int | None = None
    ) -> Reply:
        """A person presses a button carrying this data on a message the bot sent."""
        return await self.process(self.updates.callback(person, data, chat_id=chat_id, message_id=message_id))

    async def share(self, person: Person, lat: float, lon: float) -> Reply:
        """A person shares a location."""
        return await self.process(self.updates.location(person, lat, lon))


def texts(replies: Iterable[Reply]) -> str:
    """Returns the texts of several replies, joined."""
    return "\n".join(reply.text for reply in replies)
