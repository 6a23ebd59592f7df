"""The flood limit lets people act at human speed, stops a flood with one calm warning, and forgets the calm."""

from __future__ import annotations

from bot.telegram.flood import FloodGuard, Verdict


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_a_burst_passes_then_one_warning_then_silence() -> None:
    clock = Clock()
    guard = FloodGuard(burst=5, rate=1.0, clock=clock)
    verdicts = [guard.check(7) for _ in range(8)]
    assert verdicts == [Verdict.PASS] * 5 + [Verdict.WARN, Verdict.DROP, Verdict.DROP]


def test_tokens_come_back_with_time_and_a_calm_person_is_warned_again_next_time() -> None:
    clock = Clock()
    guard = FloodGuard(burst=4, rate=2.0, clock=clock)
    assert [guard.check(7) for _ in range(5)][-1] is Verdict.WARN
    clock.now += 0.5  # one token back
    assert guard.check(7) is Verdict.PASS
    clock.now += 10  # full again
    assert [guard.check(7) for _ in range(5)][-1] is Verdict.WARN


def test_people_have_separate_buckets() -> None:
    guard = FloodGuard(burst=2, rate=0.1, clock=Clock())
    assert [guard.check(1) for _ in range(3)][-1] is Verdict.WARN
    assert guard.check(2) is Verdict.PASS


def test_human_pace_never_floods() -> None:
    clock = Clock()
    guard = FloodGuard(clock=clock)
    for _ in range(500):
        clock.now += 1.0
        assert guard.check(7) is Verdict.PASS


def test_memory_is_bounded_by_forgetting_the_least_recent_people() -> None:
    guard = FloodGuard(burst=1, rate=0.001, max_people=3, clock=Clock())
    guard.check(1)
    assert guard.check(1) is Verdict.WARN
    for person in (2, 3, 4):
        guard.check(person)
    assert guard.check(1) is Verdict.PASS  # person 1 was forgotten, so the bucket is full again
