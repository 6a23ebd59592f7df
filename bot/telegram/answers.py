"""The answer route: a private message first goes to the question the bot waits for, if there is one.

Three flows ask questions whose answer is the person's next message: the posting draft (its step in the
database), an admin's rejection reason and an admin's announcement (both in ChatState.awaiting). The registry
hands the messages that could be such answers (texts, locations, photos, /abbrechen) through take_answer
first, in the handler's own unit of work: one read tells whether anything is open, so an ordinary search
costs one statement more and no second session; only when something is open does its flow load what it needs.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from bot.conversation.state import waiting_for
from bot.telegram.context import Turn

Flow = Callable[[Turn[None]], Awaitable[bool]]


class AnswerRoute:
    """Which flow answers which open question; the registry builds it from the features' answer takers."""

    def __init__(self, *, draft: Flow, left: Flow, awaiting: list[tuple[Callable[[str], bool], Flow]]) -> None:
        self.draft = draft
        self.left = left
        self.awaiting = awaiting

    async def __call__(self, turn: Turn[None]) -> bool:
        """Hands the message to the open question's flow; False when nothing is open (the usual case)."""
        message = turn.update.message
        if message is None or not (message.text or message.location or message.photo):
            return False  # edits, stickers, voice and the like answer no question
        draft_step, awaiting, left_ad = await waiting_for(turn.session, turn.user_id)
        if draft_step is not None and not message.photo and await self.draft(turn):
            return True
        if left_ad is not None and await self.left(turn):  # /abbrechen right after an ad was left for a search
            return True
        if awaiting is None:
            return False
        for matches, flow in self.awaiting:
            if matches(awaiting) and await flow(turn):
                return True
        return False

