"""The life of `ehrenamt-bot run`: start against a Telegram that may be down, serve, stop within seconds.

python-telegram-bot's run_polling raises SystemExit from its signal handler wherever the loop happens to
be, so a SIGTERM during the first SQLite migration abandoned the migrating coroutine with its connection
checked out; the engine was disposed without it, the driver's worker thread (not a daemon) lived on, and
the interpreter waited for it at exit forever. Here instead:
- a signal only sets an event; start-up runs as a task that is cancelled (so every `async with` on the way
  closes its connection), serving waits for the event;
- each step of start-up registers how to undo it, and stopping undoes exactly what was done, in reverse,
  each step within its share of STOP_BUDGET_SECONDS (a step that takes longer is logged and left);
- after the loop is closed, threads that are not daemons get THREADS_SECONDS to end; then the process
  exits without them (os._exit), so nothing can hold it at interpreter shutdown;
- a signal before the loop runs (imports, building the Application) ends the process at once (Stopped).
Broadcast rows are settled as bot/broadcasts documents: sends in flight get the runner's grace to finish
and be recorded, the rest stays pending for the next start.
"""

from __future__ import annotations

import asyncio
import logging
import os
import signal
import sys
import threading
import time
from collections.abc import Awaitable, Callable
from contextlib import AsyncExitStack
from types import FrameType
from typing import Any
from urllib.parse import urlparse

from telegram import Update
from telegram.ext import Application

from bot.ops import metrics
from bot.ops.health import Liveness
from bot.ops.server import operator_server
from bot.telegram.operator_hooks import KEY as LIVENESS_KEY
from bot.settings import Settings
from bot.store.slow_statements import slow_statements_for_tests
from bot.telegram import startup
from bot.telegram.announcements.runner import RUNNER_KEY
from bot.telegram.webhook import webhook_server

log = logging.getLogger(__name__)
START_CANCEL_SECONDS = 5.0  # a cancelled start-up gets this long to close what it opened
STOP_BUDGET_SECONDS = 8.0  # all stop steps together
THREADS_SECONDS = 2.0
# Test-only: every SQL statement sleeps this long first, so that tests can stop a slowed start (migration).
SLOW_STATEMENT_ENV = "EHRENAMT_TEST_SLOW_STATEMENT_SECONDS"
_STOP_SIGNALS = (signal.SIGTERM, signal.SIGINT)


class Stopped(BaseException):
    """A stop signal came before the event loop ran; nothing is open yet."""


def catch_signals_early() -> None:
    """Makes SIGTERM and SIGINT raise Stopped until the event loop takes them over."""
    def stop(signum: int, _frame: FrameType | None) -> None:
        raise Stopped(signal.Signals(signum).name)

    for sig in _STOP_SIGNALS:
        signal.signal(sig, stop)


def run(application: Application, settings: Settings) -> int:  # type: ignore[type-arg]
    """Runs the bot until SIGTERM or SIGINT; returns the exit code (TokenRefused, SchemaOutOfDate propagate)."""
    slow_statements_for_tests(SLOW_STATEMENT_ENV)
    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    failed = True
    try:
        loop.run_until_complete(_life(application, settings))
        failed = False
    except Stopped:
        failed = False
    finally:
        _close(loop)
        _leave_no_threads(1 if failed else 0)
    return 0


async def _life(application: Application, settings: Settings) -> None:  # type: ignore[type-arg]
    """Starts (cancellable), serves until a stop signal, then undoes the start in reverse."""
    loop = asyncio.get_running_loop()
    stop = asyncio.Event()
    liveness: Liveness = application.bot_data.setdefault(LIVENESS_KEY, Liveness())

    def on_signal(name: str) -> None:
        if not stop.is_set():
            startup.say(f"ehrenamt-bot stoppt / stopping ({name})")
            log.info("stopping on %s", name)
        stop.set()

    for sig in _STOP_SIGNALS:
        loop.add_signal_handler(sig, on_signal, sig.name)
    stopped = asyncio.ensure_future(stop.wait())
    _Budget.ends_at = None
    try:
        async with AsyncExitStack() as undo:
            try:
                starting = asyncio.ensure_future(_start(application, settings, undo, liveness))
                await asyncio.wait({starting, stopped}, return_when=asyncio.FIRST_COMPLETED)
                if not starting.done():
                    starting.cancel()
                    done, _ = await asyncio.wait({starting}, timeout=START_CANCEL_SECONDS)
                    if not done:
                        log.warning("start-up did not stop within %g s; stopping without it", START_CANCEL_SECONDS)
                    elif not starting.cancelled() and starting.exception() is not None:
                        log.info("start-up ended with %r while stopping", starting.exception())
                else:
                    starting.result()  # a refused token or an outdated schema ends here, after undoing the rest
                    await stopped
            finally:
                liveness.mode, liveness.receiving = "stopping", False
                undo.push_async_callback(_deadline_starts)  # runs first: the stop budget counts from here
    finally:
        stopped.cancel()


async def _start(application: Application, settings: Settings, undo: AsyncExitStack,  # type: ignore[type-arg]
                 liveness: Liveness) -> None:
    """Connects, opens the services, starts taking updates; registers each step's undoing on `undo`."""
    where = settings.telegram_api_base_url or "Telegram"
    undo.push_async_callback(_step, application.bot.shutdown, "closing the Bot API connections")
    await startup.reach(application.bot.initialize, "getMe", where=where)
    undo.push_async_callback(_step, application.shutdown, "shutting the application down")
    await application.initialize()
    if application.post_shutdown is not None:
        post_shutdown = application.post_shutdown
        undo.push_async_callback(_step, lambda: post_shutdown(application), "stopping broadcasts, closing the database")
    if application.post_init is not None:
        await application.post_init(application)  # database (migrating SQLite), NLU, jobs, broadcasts, menu
    if settings.metrics_port is not None:
        services_ = application.bot_data["services"]
        # Announcement counters are read from the runner's engine at each scrape (metrics.BroadcastCollector).
        metrics.BROADCASTS.engine = lambda: getattr(application.bot_data.get(RUNNER_KEY), "engine", None)
        ops = operator_server(lambda: services_.database, liveness)
        _listen(ops, settings.metrics_listen, settings.metrics_port, "METRICS_LISTEN/METRICS_PORT")
        undo.push_async_callback(_step, lambda: _close_server(ops), "closing the operator server")
        startup.say(f"ehrenamt-bot: /healthz und /metrics auf / on http://{settings.metrics_listen}:"
                    f"{settings.metrics_port}")
    if settings.webhook_url:
        await _serve_webhook(application, settings, undo, where)
        liveness.mode = "webhook"
    else:
        updater = application.updater
        assert updater is not None
        await startup.reach(lambda: updater.start_polling(allowed_updates=Update.ALL_TYPES), "deleteWebhook",
                            where=where)
        undo.push_async_callback(_step, updater.stop, "stopping long polling")
        liveness.mode = "polling"
        startup.say(f"ehrenamt-bot läuft / running: long polling at {where}")
    liveness.receiving = True
    await application.start()
    undo.push_async_callback(_step, application.stop, "finishing the updates in hand")


async def _serve_webhook(application: Application, settings: Settings, undo: AsyncExitStack,  # type: ignore[type-arg]
                         where: str) -> None:
    """Listens for Telegram's posts and registers the webhook (the same URL in every process).

    Each process registers the same URL at start (setWebhook is idempotent) and leaves it registered when it
    stops, so the others keep receiving updates. Updates without the secret token are refused (403).
    """
    assert settings.webhook_url is not None and settings.webhook_secret is not None
    secret = settings.webhook_secret.get_secret_value()
    server = webhook_server(application, urlparse(settings.webhook_url).path, secret)
    _listen(server, settings.webhook_listen, settings.webhook_port, "WEBHOOK_LISTEN/WEBHOOK_PORT")
    undo.push_async_callback(_step, lambda: _close_server(server), "closing the webhook server")
    url = settings.webhook_url
    await startup.reach(lambda: application.bot.set_webhook(url, secret_token=secret,
                                                            allowed_updates=Update.ALL_TYPES),
                        "setWebhook", where=where)
    startup.say(f"ehrenamt-bot läuft / running: webhook {url} "
                f"(listening on {settings.webhook_listen}:{settings.webhook_port})")


class CannotListen(Exception):
    """A server address is taken or not ours; the message names the settings."""


def _listen(server: Any, address: str, port: int, settings_names: str) -> None:
    """Starts listening, or says which settings to change."""
    try:
        server.listen(port, address=address)
    except OSError as error:
        raise CannotListen(f"cannot listen on {address}:{port} ({error.strerror}): check {settings_names}") from None


async def _close_server(server: Any) -> None:
    """Stops listening and drops open connections."""
    server.stop()
    await server.close_all_connections()


class _Budget:
    """The time left for stopping; set when the first undo step runs."""

    ends_at: float | None = None


async def _deadline_starts() -> None:
    """Starts the stop budget."""
    _Budget.ends_at = time.monotonic() + STOP_BUDGET_SECONDS


async def _step(action: Callable[[], Awaitable[Any]], what: str) -> None:
    """Runs one stop step within the budget left; a step that fails or overruns is logged and left behind."""
    left = (_Budget.ends_at - time.monotonic()) if _Budget.ends_at is not None else STOP_BUDGET_SECONDS
    task = asyncio.ensure_future(action())
    done, _ = await asyncio.wait({task}, timeout=max(0.5, left))
    if not done:
        log.warning("%s did not finish in time; going on", what)
        task.cancel()
        return
    if not task.cancelled() and (error := task.exception()) is not None:
        log.warning("%s failed: %s: %s", what, type(error).__name__, error)


def _close(loop: asyncio.AbstractEventLoop) -> None:
    """Cancels what is left on the loop, shuts its executor down (bounded) and closes it."""
    try:
        tasks = [task for task in asyncio.all_tasks(loop) if not task.done()]
        for task in tasks:
            task.cancel()
        if tasks:
            loop.run_until_complete(asyncio.wait(tasks, timeout=2.0))
        loop.run_until_complete(loop.shutdown_asyncgens())
        executor = asyncio.ensure_future(loop.shutdown_default_executor(), loop=loop)
        loop.run_until_complete(asyncio.wait({executor}, timeout=2.0))
    finally:
        for sig in _STOP_SIGNALS:
            loop.remove_signal_handler(sig)
        loop.close()
        asyncio.set_event_loop(None)


def _leave_no_threads(code: int) -> None:
    """Waits briefly for threads that would hold the interpreter at exit; exits without them if they stay."""
    deadline = time.monotonic() + THREADS_SECONDS
    for thread in threading.enumerate():
        if thread is not threading.main_thread() and not thread.daemon:
            thread.join(max(0.0, deadline - time.monotonic()))
    left = [t.name for t in threading.enumerate()
            if t is not threading.main_thread() and not t.daemon and t.is_alive()]
    if left:
        log.error("threads still running after the stop: %s; exiting without them", ", ".join(left))
        logging.shutdown()
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)


def exit_now(code: int) -> None:
    """Ends the process after a complete stop without the interpreter's teardown.

    Everything the bot opened is closed by then; what is left is freeing the NLU's and the gazetteer's
    objects one by one, which took 3 to 10 s on this project's loaded 2-core machine: time a service manager
    waits for nothing.
    """
    logging.shutdown()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)
