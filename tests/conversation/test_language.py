"""The conversation's language kept with the person: renewed by each update, written at most every few minutes."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from bot.conversation.language import CONVERSATION_WINDOW, RENEWED_EVERY, answering, conversation_language, goes_on_in
from bot.store.models import Volunteer

NOW = datetime(2026, 12, 6, 9, 0, tzinfo=timezone.utc)


def _anna(spoken: str | None, minutes_ago: int | None) -> Volunteer:
    since = NOW - timedelta(minutes=minutes_ago) if minutes_ago is not None else None
    return Volunteer(telegram_id=501, language="de", conversation_lang=spoken, conversation_at=since)


def test_an_update_renews_the_conversation_but_writes_its_time_only_every_few_minutes() -> None:
    anna = _anna("en", 2)
    assert answering(anna, now=NOW) == "en" and anna.conversation_at == NOW - timedelta(minutes=2)  # nothing to write
    anna = _anna("en", 59)
    assert answering(anna, now=NOW) == "en" and anna.conversation_at == NOW


def test_the_language_holds_an_hour_after_the_last_update_though_its_time_lags() -> None:
    # Written 4 minutes before the last update (not renewed then): still English an hour after that update.
    last_update = NOW - CONVERSATION_WINDOW
    anna = _anna("en", 0)
    anna.conversation_at = last_update - RENEWED_EVERY + timedelta(minutes=1)
    assert conversation_language(anna, now=NOW) == "en"
    assert conversation_language(_anna("en", 66), now=NOW) == "de"
    silent = _anna("en", 66)
    assert answering(silent, now=NOW) == "de" and silent.conversation_at == NOW - timedelta(minutes=66)


def test_a_search_in_another_language_or_after_silence_begins_a_conversation() -> None:
    anna = _anna("en", 3)
    goes_on_in(anna, "en", now=NOW)
    assert anna.conversation_at == NOW - timedelta(minutes=3)  # the same language, going on: nothing written
    goes_on_in(anna, "de", now=NOW)
    assert (anna.conversation_lang, anna.conversation_at) == ("de", NOW)
    quiet = _anna("en", 90)
    goes_on_in(quiet, "en", now=NOW)
    assert quiet.conversation_at == NOW
    assert conversation_language(_anna(None, None), now=NOW) == "de"
