"""A Bot API that lives in this process: it answers the methods the bot calls, as Telegram would, from memory.

The terminal demo prints what it receives; the tests record it. LocalRequest plugs it into python-telegram-bot
as the transport (a BaseRequest), so the Application and every handler run unchanged and nothing leaves the
process.
"""

from __future__ import annotations

import html
import itertools
import json
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from telegram.request import BaseRequest, RequestData

BOT_ID = 7000000001
BOT_USERNAME = "EhrenamtBot"


@dataclass(slots=True)
class ApiCall:
    """One Bot API method call as the bot made it."""

    method: str
    params: dict[str, Any]
    files: dict[str, tuple[str, bytes]] = field(default_factory=dict)  # part name -> (file name, content)
    result: Any = None  # what the API answered (the message sent, True, ...)

    @property
    def text(self) -> str:
        """Returns the message text (or caption) the call carries, empty if none."""
        return str(self.params.get("text") or self.params.get("caption") or "")

    @property
    def buttons(self) -> list[dict[str, Any]]:
        """Returns the inline buttons of the call's keyboard, row by row, flattened."""
        markup = self.params.get("reply_markup") or {}
        return [button for row in markup.get("inline_keyboard", []) for button in row]


class ApiError(Exception):
    """A Bot API error answer (status code and description), as Telegram sends them."""

    def __init__(self, code: int, description: str, parameters: dict[str, Any] | None = None) -> None:
        super().__init__(description)
        self.code, self.description = code, description
        self.parameters = parameters  # Telegram's ResponseParameters, e.g. {"retry_after": 3} with a 429


Listener = Callable[[ApiCall, Any], None]


class LocalBotApi:
    """Keeps the messages the bot sent and answers its calls; unknown methods get Telegram's 404."""

    def __init__(self, *, bot_id: int = BOT_ID, username: str = BOT_USERNAME) -> None:
        self.bot_user = {"id": bot_id, "is_bot": True, "first_name": "Ehrenamt", "username": username,
                         "can_join_groups": True, "can_read_all_group_messages": False,
                         "supports_inline_queries": False}
        self.messages: dict[tuple[int, int], dict[str, Any]] = {}
        self.listeners: list[Listener] = []
        self._message_ids = itertools.count(1)
        self._file_ids = itertools.count(1)
        self.commands: dict[str, list[dict[str, str]]] = {}  # by language code ("" for the default)
        self.chat_commands: dict[tuple[int, str], list[dict[str, str]]] = {}  # one chat's menu, by (chat, language)
        self._answered: set[str] = set()
        self.webhook: dict[str, Any] | None = None  # what setWebhook registered

    def call(self, method: str, params: dict[str, Any], files: dict[str, tuple[str, bytes]] | None = None) -> Any:
        """Answers one method call; raises ApiError the way Telegram answers a bad request."""
        handler = getattr(self, f"_{_snake(method)}", None)
        if handler is None:
            raise ApiError(404, "Not Found")
        record = ApiCall(method, params, files or {})
        result = record.result = handler(record)
        for listener in self.listeners:
            listener(record, result)
        return result

    def chat_messages(self, chat_id: int) -> list[dict[str, Any]]:
        """Returns the messages the bot sent to one chat, oldest first (edits applied)."""
        return [message for (chat, _), message in sorted(self.messages.items()) if chat == chat_id]

    def _get_me(self, call: ApiCall) -> dict[str, Any]:
        return self.bot_user

    def _send_message(self, call: ApiCall) -> dict[str, Any]:
        return self._new_message(call, text=_plain(call.params["text"]))

    def _send_document(self, call: ApiCall) -> dict[str, Any]:
        name, content = next(iter(call.files.values()), ("document", b""))
        document = {"file_id": f"local-{next(self._file_ids)}", "file_unique_id": f"u{len(self.messages)}",
                    "file_name": name, "file_size": len(content)}
        return self._new_message(call, document=document, caption=_plain(call.params.get("caption", "")))

    def _edit_message_text(self, call: ApiCall) -> dict[str, Any]:
        return self._edit(call, text=_plain(call.params["text"]))

    def _edit_message_reply_markup(self, call: ApiCall) -> dict[str, Any]:
        return self._edit(call)

    def _delete_message(self, call: ApiCall) -> bool:
        if self.messages.pop(_key(call), None) is None:
            raise ApiError(400, "Bad Request: message to delete not found")
        return True

    def _answer_callback_query(self, call: ApiCall) -> bool:
        query_id = str(call.params["callback_query_id"])
        if query_id in self._answered:
            raise ApiError(400, "Bad Request: query is too old and response timeout expired or query id is invalid")
        self._answered.add(query_id)
        return True

    def _send_chat_action(self, call: ApiCall) -> bool:
        return True

    def _set_my_commands(self, call: ApiCall) -> bool:
        scope = call.params.get("scope") or {}
        if isinstance(scope, str):
            scope = json.loads(scope)
        language, commands = call.params.get("language_code", ""), call.params["commands"]
        if scope.get("type") == "chat":
            self.chat_commands[(int(scope["chat_id"]), language)] = commands
        else:
            self.commands[language] = commands
        return True

    def _delete_my_commands(self, call: ApiCall) -> bool:
        scope = call.params.get("scope") or {}
        if isinstance(scope, str):
            scope = json.loads(scope)
        language = call.params.get("language_code", "")
        if scope.get("type") == "chat":
            self.chat_commands.pop((int(scope["chat_id"]), language), None)
        else:
            self.commands.pop(language, None)
        return True

    def _delete_webhook(self, call: ApiCall) -> bool:
        self.webhook = None
        return True

    def _set_webhook(self, call: ApiCall) -> bool:
        self.webhook = {"url": call.params["url"], "secret_token": call.params.get("secret_token")}
        return True

    def _get_updates(self, call: ApiCall) -> list[Any]:
        # Updates are handed to the Application directly; a poller asking here simply finds none.
        return []

    def _close(self, call: ApiCall) -> bool:
        return True

    def _new_message(self, call: ApiCall, **content: Any) -> dict[str, Any]:
        """Stores and returns a message the bot sends."""
        chat_id = int(call.params["chat_id"])
        message = {"message_id": next(self._message_ids), "date": int(time.time()), "chat": _chat(chat_id),
                   "from": self.bot_user, **{key: value for key, value in content.items() if value}}
        markup = call.params.get("reply_markup")
        if markup and "inline_keyboard" in markup:
            message["reply_markup"] = markup
        self.messages[(chat_id, message["message_id"])] = message
        return message

    def _edit(self, call: ApiCall, **content: Any) -> dict[str, Any]:
        """Changes a stored message like Telegram does, including its refusal of edits that change nothing."""
        message = self.messages.get(_key(call))
        if message is None:
            raise ApiError(400, "Bad Request: message to edit not found")
        markup = call.params.get("reply_markup") or None
        changed = {**message, **content, "edit_date": int(time.time())}
        changed.pop("reply_markup", None)
        if markup:
            changed["reply_markup"] = markup
        if _same(message, changed):
            raise ApiError(400, "Bad Request: message is not modified: specified new message content and "
                                "reply markup are exactly the same as a current content and reply markup")
        self.messages[_key(call)] = changed
        return changed


class LocalRequest(BaseRequest):
    """python-telegram-bot's transport, pointed at a LocalBotApi instead of the network."""

    def __init__(self, api: LocalBotApi) -> None:
        self.api = api

    @property
    def read_timeout(self) -> float | None:
        """Local answers come at once."""
        return 1.0

    async def initialize(self) -> None:
        """Nothing to open."""

    async def shutdown(self) -> None:
        """Nothing to close."""

    async def do_request(  # type: ignore[override]
        self, url: str, method: str, request_data: RequestData | None = None, **_timeouts: Any
    ) -> tuple[int, bytes]:
        """Hands the call to the local API and encodes its answer as Telegram's JSON."""
        params = dict(request_data.parameters) if request_data else {}
        files = _files(request_data) if request_data and request_data.contains_files else {}
        try:
            result = self.api.call(url.rsplit("/", 1)[-1], params, files)
        except ApiError as error:
            body: dict[str, Any] = {"ok": False, "error_code": error.code, "description": error.description}
            if error.parameters:
                body["parameters"] = error.parameters
            return error.code, json.dumps(body).encode()
        return 200, json.dumps({"ok": True, "result": result}).encode()


def _files(request_data: RequestData) -> dict[str, tuple[str, bytes]]:
    """Returns the uploaded files of a request as (name, bytes)."""
    found: dict[str, tuple[str, bytes]] = {}
    for part, value in request_data.multipart_data.items():
        name, content = value[0], value[1]
        found[part] = (str(name), content if isinstance(content, bytes) else content.read())
    return found


def _chat(chat_id: int) -> dict[str, Any]:
    """Returns the chat object for an id: positive ids are private chats, negative ones groups."""
    if chat_id > 0:
        return {"id": chat_id, "type": "private", "first_name": "Local"}
    return {"id": chat_id, "type": "supergroup", "title": "Gruppe"}


def _key(call: ApiCall) -> tuple[int, int]:
    """Returns the (chat id, message id) a call refers to."""
    return int(call.params["chat_id"]), int(call.params["message_id"])


def _same(before: dict[str, Any], after: dict[str, Any]) -> bool:
    """Tells whether an edit changes neither text nor keyboard."""
    return all(before.get(key) == after.get(key) for key in ("text", "caption", "reply_markup"))


def _plain(text: str) -> str:
    """Returns the text a person sees for Telegram HTML (what Telegram stores as message text)."""
    return html.unescape(re.sub(r"<[^>]+>", "", text))


def _snake(method: str) -> str:
    """Turns a Bot API method name (sendMessage) into a Python one (send_message)."""
    return re.sub(r"(?<!^)(?=[A-Z])", "_", method).lower()
