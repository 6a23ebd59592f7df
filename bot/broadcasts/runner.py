"""The broadcast runner: one long-lived service per bot process that starts, delivers and finishes broadcasts.

Every poll it starts due scheduled broadcasts, serves running ones (writing the audience if that is not
complete, then delivering), finalises cancelled ones and reports the end exactly once. Start it in the
application's post_init and stop it in post_shutdown; call wake() after confirming or cancelling a broadcast
so the change is picked up at once.
"""

from __future__ import annotations

import asyncio
import logging
import os
import secrets
import socket
import time
from collections.abc import Awaitable, Callable
from datetime import datetime, timedelta

from bot.broadcasts import outbox
from bot.broadcasts.config import DeliveryConfig
from bot.broadcasts.engine import DeliveryEngine
from bot.broadcasts.progress import Progress, Report, progress, report
from bot.broadcasts.sending import Sender
from bot.domain import BroadcastStatus
from bot.store.db import Database
from bot.store.types import utcnow

log = logging.getLogger(__name__)

ProgressHook = Callable[[Progress], Awaitable[None]]
FinishedHook = Callable[[Report], Awaitable[None]]


def worker_name() -> str:
    """Names this process uniquely (host, pid and a random part, since pids are reused after restarts)."""
    return f"{socket.gethostname()[:50]}:{os.getpid()}:{secrets.token_hex(4)}"


class BroadcastRunner:
    """Delivers broadcasts in the background of a bot process (or a CLI command)."""

    def __init__(
        self,
        database: Database,
        sender: Sender,
        *,
        config: DeliveryConfig | None = None,
        on_progress: ProgressHook | None = None,
        on_finished: FinishedHook | None = None,
        worker: str | None = None,
    ) -> None:
        self.database = database
        self.config = config or DeliveryConfig()
        self.worker = worker or worker_name()
        self.engine = DeliveryEngine(database, sender, self.config, worker=self.worker)
        self.on_progress, self.on_finished = on_progress, on_finished
        self._serving: dict[int, asyncio.Task[None]] = {}
        self._wake = asyncio.Event()
        self._loop_task: asyncio.Task[None] | None = None
        self._closing = False
        self._last_recovery = 0.0

    async def start(self) -> None:
        """Recovers what a previous process left behind and starts polling in the background."""
        await self._startup()
        self._loop_task = asyncio.create_task(self._loop(), name="broadcast-runner")

    async def stop(self, grace: float = 10.0) -> None:
        """Stops claiming, lets sends in flight finish for up to `grace` seconds, then abandons the rest."""
        self._closing = True  # ends the loop even if the cancellation below were lost
        self._wake.set()
        if self._loop_task is not None:
            self._loop_task.cancel()
            await asyncio.gather(self._loop_task, return_exceptions=True)
            self._loop_task = None
        self.engine.stop_claiming()
        serving = list(self._serving.values())
        if serving:
            _, late = await asyncio.wait(serving, timeout=grace)
            for task in late:
                task.cancel()
            await asyncio.gather(*late, return_exceptions=True)
        await self.engine.close()

    def wake(self) -> None:
        """Makes the runner look for work now instead of at the next poll."""
        self._wake.set()

    async def run_until_idle(self) -> None:
        """Delivers until nothing is due, running or being cancelled; later scheduled broadcasts are left."""
        await self._startup()
        try:
            while await self.tick():
                if self._serving:
                    await asyncio.wait(
                        set(self._serving.values()), timeout=self.config.poll_seconds,
                        return_when=asyncio.FIRST_COMPLETED,
                    )
                else:
                    await asyncio.sleep(self.config.poll_seconds)
        finally:
            await self.stop()

    async def tick(self) -> bool:
        """Does one round of work; returns whether any broadcast is still unfinished or being served."""
        if self._closing:
            return bool(self._serving)
        now = utcnow()
        for broadcast_id in await self.engine.shield.run(outbox.start_due(self.database, now=now)):
            log.info("broadcast %s started", broadcast_id)
        running, cancelled = await outbox.unfinished(self.database)
        if time.monotonic() - self._last_recovery >= min(self.config.lease_seconds / 4, 30.0):
            await self._recover(running + cancelled, claimed_before=now - timedelta(seconds=self.config.lease_seconds))
        for broadcast_id in cancelled:
            await outbox.fail_pending(self.database, broadcast_id, reason=outbox.CANCELLED)
            await self._finish(broadcast_id)
        for broadcast_id in running:
            if broadcast_id not in self._serving:
                self._serving[broadcast_id] = asyncio.create_task(self._serve(broadcast_id))
        return bool(running or cancelled or self._serving)

    async def _startup(self) -> None:
        """Starts the engine and fails the rows a crashed process left in `sending` (never resent)."""
        self._closing = False
        self.engine.start()
        running, cancelled = await outbox.unfinished(self.database)
        # SQLite serves one process, so every row in `sending` now is a dead one's; PostgreSQL may have live
        # peers, whose rows are only taken as orphaned once their lease has run out.
        claimed_before = None if self.database.is_sqlite else utcnow() - timedelta(seconds=self.config.lease_seconds)
        await self._recover(running + cancelled, claimed_before=claimed_before)

    async def _recover(self, broadcast_ids: list[int], *, claimed_before: datetime | None) -> None:
        """Fails orphaned in-flight rows of the given broadcasts."""
        self._last_recovery = time.monotonic()
        for broadcast_id in broadcast_ids:
            orphaned = await outbox.recover_orphans(
                self.database, broadcast_id, worker=self.worker, claimed_before=claimed_before
            )
            if orphaned:
                log.warning("broadcast %s: %d recipients in flight at a crash marked failed", broadcast_id, orphaned)

    async def _loop(self) -> None:
        """Ticks until stopped, every poll interval or when woken."""
        while not self._closing:
            try:
                await self.tick()
            except Exception:
                log.exception("broadcast runner round failed; trying again")
            # asyncio.wait, not wait_for: on Python 3.11 wait_for can swallow a cancellation that arrives
            # just as the wait ends (CPython gh-86296); the _closing flag ends the loop in any case.
            waiting = asyncio.ensure_future(self._wake.wait())
            try:
                await asyncio.wait({waiting}, timeout=self.config.poll_seconds)
            finally:
                waiting.cancel()
            self._wake.clear()

    async def _serve(self, broadcast_id: int) -> None:
        """Writes the audience if needed and delivers one running broadcast, then tries to finish it."""
        writer: asyncio.Task[int] | None = None
        reporter: asyncio.Task[None] | None = None
        try:
            job = await outbox.load_job(self.database, broadcast_id)
            if job is None or job.status != BroadcastStatus.RUNNING:
                return
            if not job.audience_complete:
                writer = asyncio.create_task(outbox.write_outbox(
                    self.database, broadcast_id, job.audience, page=self.config.audience_page,
                    guard=self.engine.shield.run,
                ))
            if self.on_progress is not None:
                reporter = asyncio.create_task(self._report_progress(broadcast_id))
            await self.engine.deliver(
                broadcast_id, job.announcement, writing=lambda: writer is not None and not writer.done()
            )
            if writer is not None and not self.engine.stopping:
                await writer
            await self._finish(broadcast_id)
        except Exception:
            log.exception("broadcast %s: delivery round failed; the next round continues it", broadcast_id)
        finally:
            for task in (writer, reporter):
                if task is not None and not task.done():
                    task.cancel()
                    await asyncio.gather(task, return_exceptions=True)
            self._serving.pop(broadcast_id, None)

    async def _finish(self, broadcast_id: int) -> None:
        """Marks the broadcast finished when every row is final, and reports it (once, in one process)."""
        if not await outbox.finish_if_complete(self.database, broadcast_id, now=utcnow()):
            return
        log.info("broadcast %s finished", broadcast_id)
        if self.on_finished is None:
            return
        async with self.database.read_only() as session:
            result = await report(session, broadcast_id)
        try:
            await self.on_finished(result)
        except Exception:
            log.exception("broadcast %s: the finished hook failed", broadcast_id)

    async def _report_progress(self, broadcast_id: int) -> None:
        """Calls the progress hook every few seconds while the broadcast is served."""
        assert self.on_progress is not None
        previous: Progress | None = None
        while True:
            await asyncio.sleep(self.config.progress_seconds)
            async with self.database.read_only() as session:
                current = await progress(session, broadcast_id, previous=previous)
            previous = current
            try:
                await self.on_progress(current)
            except Exception:
                log.exception("broadcast %s: the progress hook failed", broadcast_id)
