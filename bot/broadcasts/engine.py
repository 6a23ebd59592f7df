"""The delivery engine: claims recipients from the outbox, sends at the allowed pace, records each outcome.

A claimed row is in `sending` only from the claim (a fraction of a second of sending ahead) until its outcome
is committed right after the send; see the package docstring for what a crash in that window means.
"""

from __future__ import annotations

import asyncio
import logging
from collections import Counter
from collections.abc import Awaitable, Callable, Sequence
from typing import Any, TypeVar

from sqlalchemy.exc import DBAPIError

from bot.broadcasts import outbox, pacing
from bot.broadcasts.config import DeliveryConfig
from bot.broadcasts.limits import ChatGate, RateLimiter
from bot.broadcasts.outbox import Claimed, Outcome
from bot.broadcasts.sending import (
    Announcement,
    Blocked,
    ChatNotFound,
    RateLimited,
    Rejected,
    Sender,
    Transient,
)
from bot.domain import BroadcastStatus, DeliveryState
from bot.store.db import Database

log = logging.getLogger(__name__)
T = TypeVar("T")


class Shield:
    """Lets short database writes finish even when their caller is cancelled; shutdown waits for them.

    A claim cut off half-way (UPDATE ... RETURNING not yet read) would leave SQLite's connection holding
    the write lock, and a commit cut off would lose outcomes of messages that did go out.
    """

    def __init__(self) -> None:
        self._tasks: set[asyncio.Future[Any]] = set()

    async def run(self, write: Awaitable[T]) -> T:
        """Runs the write to completion, whatever happens to the caller."""
        task = asyncio.ensure_future(write)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
        return await asyncio.shield(task)

    async def drain(self) -> None:
        """Waits for writes still running."""
        if self._tasks:
            await asyncio.gather(*list(self._tasks), return_exceptions=True)


class OutcomeWriter:
    """Commits outcomes in groups: whatever arrived while the previous commit ran goes into the next one.

    A sender waits until its outcome is committed, so the number of unrecorded sends never exceeds the
    number of requests in flight, and one commit serves many sends (2,000+ per second on SQLite).
    """

    def __init__(self, database: Database, *, worker: str, shield: Shield, max_batch: int = 500,
                 retries: int = 3) -> None:
        self._database, self._worker, self._shield = database, worker, shield
        self._max_batch, self._retries = max_batch, retries
        self._queue: list[tuple[Outcome, asyncio.Future[None]]] = []
        self._wake = asyncio.Event()
        self._task: asyncio.Task[None] | None = None

    def start(self) -> None:
        """Starts the commit loop on the running event loop."""
        if self._task is None or self._task.done():
            self._task = asyncio.create_task(self._run(), name="broadcast-outcomes")

    async def close(self) -> None:
        """Stops the commit loop (outcomes still queued stay unrecorded: their rows remain `sending`)."""
        if self._task is not None:
            self._task.cancel()
            await asyncio.gather(self._task, return_exceptions=True)
            self._task = None

    async def submit(self, outcome: Outcome) -> None:
        """Queues an outcome and returns once it is committed."""
        if self._task is None or self._task.done():
            raise RuntimeError("the outcome writer is not running")
        future: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self._queue.append((outcome, future))
        self._wake.set()
        await future

    async def _run(self) -> None:
        """Commits queued outcomes until cancelled."""
        while True:
            await self._wake.wait()
            self._wake.clear()
            while self._queue:
                batch, self._queue = self._queue[: self._max_batch], self._queue[self._max_batch :]
                try:
                    await self._write([outcome for outcome, _ in batch])
                except Exception as error:  # the senders waiting on this batch get the error
                    _settle(batch, error)
                else:
                    _settle(batch, None)

    async def _write(self, outcomes: Sequence[Outcome]) -> None:
        """Records outcomes, retrying a few times when the database is briefly unavailable."""
        for attempt in range(1, self._retries + 1):
            try:
                await self._shield.run(outbox.record(self._database, outcomes, worker=self._worker))
                return
            except DBAPIError:
                if attempt == self._retries:
                    raise
                log.warning("recording %d broadcast outcomes failed, retrying", len(outcomes), exc_info=True)
                await asyncio.sleep(0.5 * 2**attempt)


def _settle(batch: list[tuple[Outcome, asyncio.Future[None]]], error: Exception | None) -> None:
    """Resolves the futures of a committed (or failed) batch; cancelled waiters are skipped."""
    for _, future in batch:
        if not future.done():
            if error is None:
                future.set_result(None)
            else:
                future.set_exception(error)


class DeliveryEngine:
    """Sends the outbox of running broadcasts through one sender; rate, pause and chat gate are shared."""

    def __init__(self, database: Database, sender: Sender, config: DeliveryConfig, *, worker: str) -> None:
        self.database, self.sender, self.config, self.worker = database, sender, config, worker
        self.limiter = RateLimiter(config.rate_per_second)
        self.gate = ChatGate(config.per_chat_interval)
        self.shield = Shield()
        self.writer = OutcomeWriter(database, worker=worker, shield=self.shield)
        self.outcomes: Counter[str] = Counter()  # this process's outcomes, for logs and the benchmark
        self._slots = asyncio.Semaphore(config.max_in_flight)
        # Claimed rows not yet handed to the sender; kept at one claim's worth, so that few rows wait in
        # `sending` for their slot (they would be in doubt after a crash without ever having been sent).
        self._waiting = 0
        self._room = asyncio.Event()
        self._stopping = False
        # Several processes may share a PostgreSQL: they reserve send time together (pacing.py).
        self.shares_pacing = not database.is_sqlite and config.rate_per_second is not None

    def start(self) -> None:
        """Starts the outcome writer."""
        self._stopping = False
        self.writer.start()

    @property
    def stopping(self) -> bool:
        """Tells whether stop_claiming() was called."""
        return self._stopping

    def stop_claiming(self) -> None:
        """Claims nothing more; recipients in flight finish and are recorded."""
        self._stopping = True

    async def close(self) -> None:
        """Stops the outcome writer once the database writes under way are done."""
        await self.writer.close()
        await self.shield.drain()

    async def deliver(
        self, broadcast_id: int, announcement: Announcement, *, writing: Callable[[], bool] = lambda: False
    ) -> None:
        """Sends the broadcast to its pending recipients until none is left or it stops running.

        `writing` tells whether this process is still writing the audience, so an empty queue means
        "wait" rather than "done". Cancelling this coroutine abandons the sends in flight at once (their
        rows stay `sending`, like after a crash); a normal return waits for them to be recorded.
        """
        tasks: set[asyncio.Task[None]] = set()
        try:
            while not self._stopping and await self._claim_and_send(broadcast_id, announcement, tasks, writing):
                pass
        except BaseException:
            for task in tasks:
                task.cancel()
            raise
        if tasks:
            await asyncio.gather(*tasks)

    async def _claim_and_send(
        self, broadcast_id: int, announcement: Announcement, tasks: set[asyncio.Task[None]],
        writing: Callable[[], bool],
    ) -> bool:
        """Claims one batch and starts its sends; returns False when there is nothing more to do."""
        size = self.config.claim_size(self.config.max_claim)
        while self._waiting >= size:
            self._room.clear()
            await self._room.wait()
        taken = await self._take_slots(size)
        rows: list[Claimed] = []
        try:
            # Claimed no earlier than a claim's round trip before a 429 pause ends, so that the rows are at hand
            # when it does (and are not held in `sending` through the pause); a pause starting after this
            # moment gives them back (see _attempt).
            await self.limiter.until_resumed(ahead=self.config.claim_seconds / 2)
            generation = self.limiter.pauses
            # A claim finished after a cancellation leaves its rows `sending`, as a crash would.
            rows = await self.shield.run(outbox.claim(self.database, broadcast_id, worker=self.worker, limit=taken))
        finally:
            for _ in range(taken - len(rows)):  # slots of rows not claimed, or of a failed claim
                self._slots.release()
        if rows and self.shares_pacing:
            await self._reserve(len(rows))
        self._waiting += len(rows)
        for row in rows:
            task = asyncio.create_task(self._send(row, announcement, generation))
            tasks.add(task)
            task.add_done_callback(tasks.discard)
        if rows:
            return True
        if tasks:
            await asyncio.wait(set(tasks), timeout=self.config.poll_seconds, return_when=asyncio.FIRST_COMPLETED)
            return True
        state = await outbox.queue_state(self.database, broadcast_id)
        if state.status != BroadcastStatus.RUNNING:
            return False
        if not state.has_pending:
            if state.audience_complete or not writing():
                return False
        await asyncio.sleep(0.05)  # the audience writer is behind, or another process holds the rows
        return True

    async def _reserve(self, count: int) -> None:
        """Reserves the send time of `count` claimed rows with the other processes, and honours their pauses."""
        try:
            reservation = await self.shield.run(pacing.reserve(
                self.database, count, interval=self.limiter.interval, not_before=self.limiter.free_in()))
        except Exception:  # the rows are claimed: send them, paced by this process alone, rather than strand them
            log.warning("could not reserve broadcast send time; pacing this claim alone", exc_info=True)
            return
        if reservation.paused_for > 0:
            self.limiter.pause(reservation.paused_for)
        self.limiter.start_block_in(reservation.starts_in)

    async def _pause_everyone(self, seconds: float) -> None:
        """Tells the other processes about a 429, so that they pause too."""
        try:
            await self.shield.run(pacing.pause_everyone(self.database, seconds))
        except Exception:  # this process pauses anyway; the others will get their own 429
            log.warning("could not share a flood-control pause", exc_info=True)

    async def _take_slots(self, wanted: int) -> int:
        """Waits for one free request slot, then takes up to `wanted` without waiting."""
        await self._slots.acquire()
        taken = 1
        while taken < wanted and not self._slots.locked():
            await self._slots.acquire()
            taken += 1
        return taken

    async def _send(self, row: Claimed, announcement: Announcement, generation: int) -> None:
        """Delivers to one claimed recipient and records the outcome; frees the request slot afterwards."""
        waiting = True

        def started() -> None:
            nonlocal waiting
            if waiting:
                waiting = False
                self._waiting -= 1
                self._room.set()

        try:
            outcome = await self._attempt(row, announcement, started, generation)
            await self.writer.submit(outcome)
            self.outcomes[outcome.state.value] += 1
        finally:
            started()
            self._slots.release()

    async def _attempt(self, row: Claimed, announcement: Announcement, started: Callable[[], None],
                       generation: int) -> Outcome:
        """Sends, retrying transient errors with backoff; a 429 gives the row back untouched.

        `generation` is the limiter's pause count when the row was claimed: a pause started since gives the
        row back, while one that was already ending when it was claimed is waited out.
        """
        attempts = row.attempts
        while True:
            await self.gate.wait(row.chat_id)
            acquired = await self.limiter.acquire(since=generation)
            started()
            if not acquired:
                return Outcome(row.id, row.chat_id, DeliveryState.PENDING, attempts)
            attempts += 1
            try:
                await self.sender.send(row.chat_id, announcement)
                return Outcome(row.id, row.chat_id, DeliveryState.SENT, attempts)
            except RateLimited as error:
                log.info("flood control: all broadcasts wait %.1f s", error.retry_after)
                # Requests in flight together often get their 429s together: the first one tells the others.
                if self.limiter.pause(error.retry_after) and self.shares_pacing:
                    await self._pause_everyone(error.retry_after)
                self.outcomes["rate_limited"] += 1
                return Outcome(row.id, row.chat_id, DeliveryState.PENDING, attempts - 1)
            except Blocked as error:
                return Outcome(row.id, row.chat_id, DeliveryState.BLOCKED, attempts, error.reason)
            except (ChatNotFound, Rejected) as error:
                return Outcome(row.id, row.chat_id, DeliveryState.FAILED, attempts, error.reason)
            except Transient as error:
                if attempts >= self.config.max_attempts or (
                    error.maybe_delivered and not self.config.retry_maybe_delivered
                ):
                    reason = f"{error.reason} (after {attempts} attempts)"
                    return Outcome(row.id, row.chat_id, DeliveryState.FAILED, attempts, reason[:300])
                self.outcomes["retried"] += 1
                await asyncio.sleep(self.config.backoff(attempts))
            except Exception as error:  # a bug in a sender: the message may have gone out, so never retry
                log.exception("sending broadcast %s to %s failed unexpectedly", announcement.broadcast_id, row.chat_id)
                return Outcome(row.id, row.chat_id, DeliveryState.FAILED, attempts, f"error: {type(error).__name__}")
