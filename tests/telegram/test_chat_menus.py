"""Own-chat menus of admins and organisations' members: set after start by a paced sync, and at once on events."""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import AsyncIterator, Callable
from typing import Any

import pytest
from sqlalchemy import delete
from telegram import Bot
from telegram.ext import CallbackContext

from bot.settings import Settings
from bot.store.db import Database
from bot.store.models import AdminRole, OrganisationMember
from bot.telegram.app import OFFLINE_TOKEN, build_application, serving
from bot.telegram.flood import FloodGuard
from bot.telegram.local.api import ApiCall, ApiError, LocalRequest
from bot.telegram.menus.jobs import INLINE_AT_MOST, SYNC_NAME, refresh, sync, sync_chat_menus
from bot.telegram.menus.setting import PACE_SECONDS, Tally
from bot.telegram.services import one_process_at_a_time, services
from tests.factories.ad_contacts import make_club
from tests.telegram.botchat import Chat, Clock, OfflineBotApi
from tests.telegram.posting_script import ADMIN, CLUB, LISTING, NEW_ORGANISATION, fill

LANGUAGES = ("", "de", "en")
MEMBERS = (2001, 2002, 2003)


@pytest.fixture
async def bot_api() -> AsyncIterator[tuple[Bot, OfflineBotApi]]:
    """A Bot without PTB's rate limiter on the recording offline Bot API: every 429 reaches the menus' code."""
    api = OfflineBotApi()
    async with Bot(OFFLINE_TOKEN, request=LocalRequest(api)) as bot:
        yield bot, api


class Sleeps(list[float]):
    """Records the waits instead of waiting."""

    async def __call__(self, seconds: float) -> None:
        self.append(seconds)


async def _members(database: Database, *ids: int, verified: bool = True) -> None:
    async with database.unit_of_work() as session:
        for telegram_id in ids:
            await make_club(session, member=telegram_id, verified=verified)


def _refuse(api: OfflineBotApi, chat_id: int, error: ApiError, *, times: int) -> list[int]:
    """Makes setMyCommands for one chat fail `times` times (-1: always), as Telegram would; returns the refusals
    as they happen (a refused call is not among the recorded calls)."""
    answer: Callable[[ApiCall], Any] = api._set_my_commands
    refused: list[int] = []

    def refusing(call: ApiCall) -> Any:
        if _scope_chat(call) == chat_id and len(refused) != times:
            refused.append(chat_id)
            raise error
        return answer(call)

    api._set_my_commands = refusing  # type: ignore[method-assign]
    return refused


def _chat_calls(api: OfflineBotApi, chat_id: int | None = None) -> list[ApiCall]:
    """Returns the calls that set or deleted a chat's own menu (of one chat, or of any)."""
    return [call for call in api.calls if call.method in ("setMyCommands", "deleteMyCommands")
            and _scope_chat(call) is not None and chat_id in (None, _scope_chat(call))]


def _scope_chat(call: ApiCall) -> int | None:
    """Returns the chat a menu call is for, None for the common menu."""
    scope = call.params.get("scope") or {}
    scope = json.loads(scope) if isinstance(scope, str) else scope
    return int(scope["chat_id"]) if scope.get("type") == "chat" else None


def _menu(api: OfflineBotApi, chat_id: int, language: str = "de") -> list[str]:
    return [command["command"] for command in api.chat_commands[(chat_id, language)]]


async def test_start_sets_the_common_menu_only_and_leaves_own_menus_to_a_background_job(chat: Chat) -> None:
    menus = [call for call in chat.api.calls if call.method == "setMyCommands"]
    assert [call.params.get("language_code", "") for call in menus] == ["", "de", "en"]
    assert not _chat_calls(chat.api) and not chat.api.chat_commands  # ADMIN_IDS has one, not yet set
    assert chat.application.job_queue is not None
    assert len(chat.application.job_queue.get_jobs_by_name(SYNC_NAME)) == 1
    await sync_chat_menus(CallbackContext(chat.application))
    assert _menu(chat.api, ADMIN.id)[-5:] == ["pruefen", "anzeige", "rundschreiben", "anbieten", "meineangebote"]


async def test_the_sync_sets_every_own_menu_one_call_at_a_time(
    bot_api: tuple[Bot, OfflineBotApi], database: Database, settings: Settings
) -> None:
    bot, api = bot_api
    await _members(database, *MEMBERS)
    await _members(database, 2009, verified=False)  # not admitted under "verified"
    sleeps = Sleeps()
    tally = await sync(bot, database, settings, sleep=sleeps)
    assert set(api.chat_commands) == {(id_, lang) for id_ in (ADMIN.id, *MEMBERS) for lang in LANGUAGES}
    assert all(_menu(api, id_)[-1] == "freiwillige" and _menu(api, id_, "en")[-1] == "volunteers" for id_ in MEMBERS)
    assert "anzeige" in _menu(api, ADMIN.id) and "freiwillige" not in _menu(api, ADMIN.id)
    assert len(_chat_calls(api)) == 12 and sleeps == [PACE_SECONDS] * 11  # a pause between any two calls
    assert (tally.set, tally.gone, tally.waits) == (4, 0, 0)


# PTB 22.8's own RetryAfter constructor reads its retry_after property, which warns about the coming timedelta type
# unless PTB_TIMEDELTA is set; the setter reads both forms (retry_after_seconds).
@pytest.mark.filterwarnings("ignore::telegram.warnings.PTBDeprecationWarning")
async def test_flood_control_is_waited_out_and_nobody_is_dropped(
    bot_api: tuple[Bot, OfflineBotApi], database: Database, settings: Settings
) -> None:
    bot, api = bot_api
    await _members(database, *MEMBERS)
    flooded = _refuse(api, 2002, ApiError(429, "Too Many Requests: retry after 7", {"retry_after": 7}), times=2)
    sleeps = Sleeps()
    tally = await sync(bot, database, settings, sleep=sleeps)
    assert sleeps.count(7.0) == 2 and tally.waits == 2  # each 429 waited for as long as Telegram said
    assert set(api.chat_commands) == {(id_, lang) for id_ in (ADMIN.id, *MEMBERS) for lang in LANGUAGES}
    assert tally.set == 4 and len(flooded) == 2 and len(_chat_calls(api, 2002)) == 3  # after two 429s, all three
    assert (await sync(bot, database, settings, sleep=sleeps)).set == 0  # and kept as set


async def test_a_gone_chat_is_skipped_with_a_log_line_and_not_tried_again_until_the_person_writes(
    bot_api: tuple[Bot, OfflineBotApi], database: Database, settings: Settings, caplog: pytest.LogCaptureFixture
) -> None:
    bot, api = bot_api
    await _members(database, *MEMBERS)
    never_opened = _refuse(api, 2001, ApiError(400, "Bad Request: chat not found"), times=-1)
    blocked = _refuse(api, 2002, ApiError(403, "Forbidden: bot was blocked by the user"), times=-1)
    caplog.set_level(logging.INFO, logger="bot.telegram.menus")
    tally = await sync(bot, database, settings, sleep=Sleeps())
    assert (tally.set, tally.gone) == (2, 2)
    assert {id_ for id_, _ in api.chat_commands} == {ADMIN.id, 2003}
    assert "chat 2001 is gone (Chat not found); skipped" in caplog.text and "chat 2002 is gone" in caplog.text
    assert len(never_opened) == 1 and len(blocked) == 1  # one try each, the rest of their menu not attempted
    again = await sync(bot, database, settings, sleep=Sleeps())  # tried and kept as tried: not sent again
    assert again == Tally() and len(never_opened) == 1 and len(blocked) == 1 and len(_chat_calls(api)) == 6
    async with database.unit_of_work() as session:  # rights that change the menu: it is tried once more
        session.add(AdminRole(telegram_id=2001, granted_by=ADMIN.id))
    changed = await sync(bot, database, settings, sleep=Sleeps())
    assert (changed.set, changed.gone) == (0, 1) and len(never_opened) == 2 and len(blocked) == 1


async def test_someone_whose_chat_was_gone_gets_their_menu_when_they_write_start(
    chat: Chat, database: Database
) -> None:
    await _members(database, CLUB.id)
    never_opened = _refuse(chat.api, CLUB.id, ApiError(400, "Bad Request: chat not found"), times=1)
    await sync_chat_menus(CallbackContext(chat.application))
    assert len(never_opened) == 1 and not _chat_calls(chat.api, CLUB.id)
    started = await chat.send(CLUB, "/start")
    assert "Hallo Erika" in started.text
    assert [call for call in started.calls if call in _chat_calls(chat.api, CLUB.id)] == _chat_calls(chat.api, CLUB.id)
    assert _menu(chat.api, CLUB.id)[-1] == "freiwillige" and len(_chat_calls(chat.api, CLUB.id)) == 3
    again = await chat.send(CLUB, "/start")  # known to be right now: nothing more
    assert again.methods() == ["sendMessage"]


async def test_a_restart_with_nothing_changed_sends_no_menu_again(
    chat: Chat, database: Database, settings: Settings
) -> None:
    await _members(database, *MEMBERS)
    await sync_chat_menus(CallbackContext(chat.application))
    assert len(_chat_calls(chat.api)) == 12
    api = OfflineBotApi()
    restarted = build_application(settings, request=LocalRequest(api), database=database)
    async with serving(restarted):
        await sync_chat_menus(CallbackContext(restarted))
    assert [call.method for call in api.calls if "MyCommands" in call.method] == ["setMyCommands"] * 3  # common
    assert not _chat_calls(api)


async def test_someone_who_loses_their_rights_gets_the_common_menu_back(
    bot_api: tuple[Bot, OfflineBotApi], database: Database, settings: Settings
) -> None:
    bot, api = bot_api
    await _members(database, *MEMBERS)
    await sync(bot, database, settings, sleep=Sleeps())
    async with database.unit_of_work() as session:
        await session.execute(delete(OrganisationMember).where(OrganisationMember.telegram_id == 2002))
    tally = await sync(bot, database, settings, sleep=Sleeps())
    assert tally.reset == 1 and [call.method for call in _chat_calls(api, 2002)][-3:] == ["deleteMyCommands"] * 3
    assert {id_ for id_, _ in api.chat_commands} == {ADMIN.id, 2001, 2003}
    assert (await sync(bot, database, settings, sleep=Sleeps())).reset == 0


async def test_verifying_an_organisation_gives_its_members_their_menu_at_once(chat: Chat) -> None:
    preview = await fill(chat, CLUB, NEW_ORGANISATION + LISTING)
    submitted = await chat.press(CLUB, preview.button("Abschicken"))
    assert not _chat_calls(chat.api, CLUB.id)  # its organisation waits for review: not admitted under "verified"
    notice = next(call for call in submitted.calls if call.params.get("chat_id") == ADMIN.id and call.buttons)
    verify = notice.buttons[-1]["callback_data"]
    assert "verifizieren" in notice.buttons[-1]["text"]
    verified = await chat.press(ADMIN, verify)
    assert "Organisation verifiziert" in verified.answers[0]
    assert len(_chat_calls(chat.api, CLUB.id)) == 3 and all(call in verified.calls for call in _chat_calls(chat.api))
    assert _menu(chat.api, CLUB.id)[-1] == "freiwillige"
    again = await chat.press(ADMIN, verify)  # pressed twice: the menu is right already, nothing is sent
    assert "Organisation verifiziert" in again.answers[0] and len(_chat_calls(chat.api, CLUB.id)) == 3


async def test_founding_an_organisation_gives_the_menu_at_once_where_members_may_search(
    database: Database, settings: Settings, listings: dict[str, int]
) -> None:
    settings = settings.model_copy(update={"ads_search_access": "members"})
    api = OfflineBotApi()
    clock = Clock()
    application = build_application(settings, request=LocalRequest(api), database=database,
                                    flood=FloodGuard(clock=clock))
    async with serving(application):
        chat = Chat(application, api, clock)
        preview = await fill(chat, CLUB, NEW_ORGANISATION + LISTING)
        submitted = await chat.press(CLUB, preview.button("Abschicken"))
    assert len([call for call in submitted.calls if call in _chat_calls(api, CLUB.id)]) == 3
    assert _menu(api, CLUB.id, "en")[-1] == "volunteers"


async def test_two_processes_on_one_database_set_each_menu_once(
    postgres_database: Database, second_process: Database, settings: Settings
) -> None:
    await _members(postgres_database, *MEMBERS)
    apis = [OfflineBotApi(), OfflineBotApi()]
    first = build_application(settings, request=LocalRequest(apis[0]), database=postgres_database)
    second = build_application(settings, request=LocalRequest(apis[1]), database=second_process)
    job = one_process_at_a_time(sync_chat_menus)
    async with serving(first), serving(second):
        await asyncio.gather(job(CallbackContext(first)), job(CallbackContext(second)))
        assert len(_chat_calls(apis[0])) + len(_chat_calls(apis[1])) == 12  # four chats, three languages, once
        await job(CallbackContext(second))
    assert len(_chat_calls(apis[0])) + len(_chat_calls(apis[1])) == 12


async def test_deleting_ones_data_takes_the_own_menu_back_with_the_membership(chat: Chat, database: Database) -> None:
    await _members(database, CLUB.id)
    await sync_chat_menus(CallbackContext(chat.application))
    assert _menu(chat.api, CLUB.id)[-1] == "freiwillige"
    asked = await chat.send(CLUB, "/loeschen")
    deleted = await chat.press(CLUB, asked.button("Ja, alles löschen"), message_id=asked.sent_id())
    assert [call.method for call in deleted.calls if call in _chat_calls(chat.api, CLUB.id)] == \
        ["deleteMyCommands"] * 3
    assert {id_ for id_, _ in chat.api.chat_commands} == {ADMIN.id}
    await sync_chat_menus(CallbackContext(chat.application))  # nothing left to set or take back
    assert len(_chat_calls(chat.api)) == 6 + 3
    asked = await chat.send(ADMIN, "/loeschen")  # an admin by ADMIN_IDS keeps the admin's menu
    deleted = await chat.press(ADMIN, asked.button("Ja, alles löschen"), message_id=asked.sent_id())
    assert [call.method for call in deleted.calls if call in _chat_calls(chat.api, ADMIN.id)] == \
        ["deleteMyCommands"] * 3 + ["setMyCommands"] * 3
    assert "anzeige" in _menu(chat.api, ADMIN.id)


async def test_many_members_changed_at_once_are_left_to_the_sync_so_the_update_does_not_wait(chat: Chat) -> None:
    context = CallbackContext(chat.application)
    members = tuple(range(3001, 3002 + INLINE_AT_MOST))  # one more than an update sets itself
    await _members(services(context).database, *members)
    assert chat.application.job_queue is not None
    before = len(chat.application.job_queue.get_jobs_by_name(SYNC_NAME))
    await refresh(context, members)
    assert not any(_chat_calls(chat.api, id_) for id_ in members)  # nothing paced inside the update
    assert len(chat.application.job_queue.get_jobs_by_name(SYNC_NAME)) == before + 1  # the sync, started now
    await sync_chat_menus(context)
    assert all(_menu(chat.api, id_)[-1] == "freiwillige" for id_ in members)


async def test_rights_gone_during_a_long_run_give_no_menu(
    bot_api: tuple[Bot, OfflineBotApi], database: Database, settings: Settings
) -> None:
    bot, api = bot_api
    await _members(database, *MEMBERS)

    async def leaving_meanwhile(seconds: float) -> None:  # 2002 leaves while the run paces its calls
        async with database.unit_of_work() as session:
            await session.execute(delete(OrganisationMember).where(OrganisationMember.telegram_id == 2002))

    tally = await sync(bot, database, settings, sleep=leaving_meanwhile)
    assert not _chat_calls(api, 2002) and {id_ for id_, _ in api.chat_commands} == {ADMIN.id, 2001, 2003}
    assert tally.set == 3 and (await sync(bot, database, settings, sleep=Sleeps())).set == 0  # no row kept for 2002


async def test_a_run_ends_when_told_and_says_how_many_are_left(
    bot_api: tuple[Bot, OfflineBotApi], database: Database, settings: Settings
) -> None:
    bot, api = bot_api
    await _members(database, *MEMBERS)
    budget = iter([True, True, False])
    tally = await sync(bot, database, settings, sleep=Sleeps(), go_on=lambda wait: next(budget))
    assert (tally.set, tally.left) == (2, 2) and len({id_ for id_, _ in api.chat_commands}) == 2
    rest = await sync(bot, database, settings, sleep=Sleeps())
    assert (rest.set, rest.left) == (2, 0)


@pytest.mark.filterwarnings("ignore::telegram.warnings.PTBDeprecationWarning")
async def test_a_flood_wait_longer_than_the_run_leaves_the_rest_for_later(
    bot_api: tuple[Bot, OfflineBotApi], database: Database, settings: Settings
) -> None:
    bot, api = bot_api
    await _members(database, *MEMBERS)
    _refuse(api, 2002, ApiError(429, "Too Many Requests: retry after 120", {"retry_after": 120}), times=1)
    sleeps = Sleeps()
    tally = await sync(bot, database, settings, sleep=sleeps, go_on=lambda wait: wait < 60)
    assert 120 not in sleeps and (tally.resume_after, tally.left, tally.waits) == (120, 2, 0)
    assert (await sync(bot, database, settings, sleep=Sleeps())).set == 2  # 2002 and 2003 next time


async def test_a_stopping_bot_ends_the_sync_before_the_next_chat(chat: Chat) -> None:
    context = CallbackContext(chat.application)
    await _members(services(context).database, *MEMBERS)
    answer: Callable[[ApiCall], Any] = chat.api._set_my_commands
    running = chat.application._running

    def stop_after_the_first_chat(call: ApiCall) -> Any:
        if _scope_chat(call) is not None:  # Application.stop() sets this first, then waits for running jobs
            chat.application._running = False
        return answer(call)

    chat.api._set_my_commands = stop_after_the_first_chat  # type: ignore[method-assign]
    chat.application._running = True
    try:
        await sync_chat_menus(context)
    finally:
        chat.application._running = running
    assert len(_chat_calls(chat.api)) == 3  # the chat under way is finished, no other is begun
    assert chat.application.job_queue is not None
    assert len(chat.application.job_queue.get_jobs_by_name(SYNC_NAME)) == 1  # nothing rescheduled while stopping
