"""Pacing on a fake clock: even slots at the rate, pauses stop everything, one message per chat per interval."""

from __future__ import annotations

import asyncio

import pytest

from bot.broadcasts.config import DeliveryConfig
from bot.broadcasts.limits import ChatGate, RateLimiter
from bot.settings import Settings


class FakeTime:
    """A clock that only moves when someone sleeps."""

    def __init__(self) -> None:
        self.now = 0.0

    def clock(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.now += max(seconds, 0.0)
        await asyncio.sleep(0)


async def test_slots_are_evenly_spaced_at_the_rate_without_burst() -> None:
    time = FakeTime()
    limiter = RateLimiter(30.0, clock=time.clock, sleep=time.sleep)
    stamps = []
    for _ in range(60):
        assert await limiter.acquire()
        stamps.append(time.now)
    assert stamps[0] == 0.0
    assert stamps[-1] == pytest.approx(59 / 30)
    assert all(later - earlier == pytest.approx(1 / 30) for earlier, later in zip(stamps, stamps[1:]))


async def test_pause_refuses_slots_and_sending_restarts_at_the_steady_rate() -> None:
    time = FakeTime()
    limiter = RateLimiter(10.0, clock=time.clock, sleep=time.sleep)
    assert await limiter.acquire()
    limiter.pause(2.0)
    assert limiter.paused and not await limiter.acquire()
    await limiter.until_resumed()
    assert time.now == pytest.approx(2.0)
    stamps = []
    for _ in range(3):
        assert await limiter.acquire()
        stamps.append(time.now)
    assert stamps == pytest.approx([2.0, 2.1, 2.2])  # no catching up after the pause
    assert limiter.paused_seconds == pytest.approx(2.0)


async def test_a_pause_starting_while_waiting_for_a_slot_makes_the_waiter_give_up() -> None:
    time = FakeTime()
    limiter = RateLimiter(1.0, clock=time.clock, sleep=time.sleep)
    assert await limiter.acquire()
    waiter = asyncio.create_task(limiter.acquire())  # books the slot at t=1
    await asyncio.sleep(0)
    limiter.pause(5.0)
    assert await waiter is False


async def test_a_row_claimed_as_a_pause_ends_waits_for_it_and_goes_first_after_it() -> None:
    time = FakeTime()
    limiter = RateLimiter(10.0, clock=time.clock, sleep=time.sleep)
    limiter.pause(1.0)
    await limiter.until_resumed(ahead=0.2)  # the engine claims a little before the pause ends
    assert time.now == pytest.approx(0.8) and limiter.paused
    assert not await limiter.acquire()  # without `since`, a caller during a pause still gives up...
    claimed_at = limiter.pauses
    assert await limiter.acquire(since=claimed_at)  # ...a row claimed in this pause waits instead
    assert time.now == pytest.approx(1.0)  # and is sent at the first moment the pause allows
    limiter.pause(1.0)
    assert not await limiter.acquire(since=claimed_at)  # a row claimed before a newer pause gives up


async def test_shorter_pause_does_not_cut_a_longer_one() -> None:
    time = FakeTime()
    limiter = RateLimiter(None, clock=time.clock, sleep=time.sleep)
    assert limiter.pause(3.0)
    assert not limiter.pause(1.0)  # kept the longer one, so there is nothing new to tell other processes
    await limiter.until_resumed()
    assert time.now == pytest.approx(3.0)
    assert await limiter.acquire()


async def test_chat_gate_spaces_messages_to_one_chat_only() -> None:
    time = FakeTime()
    gate = ChatGate(1.0, clock=time.clock, sleep=time.sleep)
    await gate.wait(1)
    await gate.wait(2)
    assert time.now == 0.0
    await gate.wait(1)
    assert time.now == pytest.approx(1.0)
    time.now = 5.0
    await gate.wait(3)
    assert len(gate) == 1  # chats whose interval passed are forgotten: memory follows the rate


def test_configuration_from_settings_respects_telegrams_limits() -> None:
    default = DeliveryConfig.from_settings(Settings(_env_file=None))
    assert default.rate_per_second == 25.0 and not default.paid
    paid = DeliveryConfig.from_settings(Settings(_env_file=None, paid_broadcasts=True))
    assert paid.rate_per_second == 1000.0 and paid.paid
    chosen = Settings(_env_file=None, paid_broadcasts=True, broadcast_rate_per_second=300)
    assert DeliveryConfig.from_settings(chosen).rate_per_second == 300.0
    with pytest.raises(ValueError, match="PAID_BROADCASTS"):
        DeliveryConfig.from_settings(Settings(_env_file=None, broadcast_rate_per_second=100))


def test_claims_cover_a_fraction_of_a_second() -> None:
    assert DeliveryConfig(rate_per_second=30.0).claim_size(free_slots=32) == 8
    assert DeliveryConfig(rate_per_second=30.0).claim_size(free_slots=3) == 3
    assert DeliveryConfig(rate_per_second=None, max_claim=200).claim_size(free_slots=500) == 200
    assert [DeliveryConfig(backoff_base=0.5, backoff_max=3).backoff(n) for n in (1, 2, 3, 4)] == [0.5, 1, 2, 3]
