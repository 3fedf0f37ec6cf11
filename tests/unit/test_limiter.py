"""AdaptiveLimiter (AIMD on requests in flight) and the backoff, with a manual clock."""

from __future__ import annotations

import threading
import time

import pytest

from desktop_app.ai.limiter import AdaptiveLimiter, Outcome, backoff_delay
from desktop_app.ai.provider import Cancelled, CancelToken


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def cycle(limiter: AdaptiveLimiter, outcome: Outcome) -> None:
    started = limiter.acquire()
    limiter.release(outcome, started)


def test_throttle_halves_and_never_goes_below_one():
    clock = Clock()
    limiter = AdaptiveLimiter(8, window=1.0, clock=clock)
    limits = []
    for _ in range(5):
        cycle(limiter, Outcome.THROTTLED)  # each started after the previous cut
        clock.now += 0.01
        limits.append(limiter.limit)
    assert limits == [4, 2, 1, 1, 1]
    assert limiter.min_limit == 1 and limiter.throttled == 5


def test_a_burst_of_throttles_from_one_overload_halves_once():
    clock = Clock()
    limiter = AdaptiveLimiter(8, window=1.0, clock=clock)
    stamps = [limiter.acquire() for _ in range(8)]  # 8 requests in flight together
    clock.now += 0.1
    for started in stamps:
        limiter.release(Outcome.THROTTLED, started)
    assert limiter.limit == 4 and limiter.cuts == 1 and limiter.in_flight == 0
    # Without start stamps the window decides: one cut per window.
    for _ in range(3):
        limiter.acquire()
        limiter.release(Outcome.THROTTLED)
    assert limiter.limit == 4
    clock.now += 1.0
    limiter.acquire()
    limiter.release(Outcome.THROTTLED)
    assert limiter.limit == 2


def test_successes_grow_the_limit_additively_after_the_hold_and_cap_at_max():
    clock = Clock()
    limiter = AdaptiveLimiter(4, window=1.0, clock=clock)
    for _ in range(2):
        cycle(limiter, Outcome.THROTTLED)
        clock.now += 0.01
    assert limiter.limit == 1
    for _ in range(5):  # within the hold window: no growth
        cycle(limiter, Outcome.SUCCESS)
    assert limiter.limit == 1
    clock.now += 1.0
    seen = []
    for _ in range(1 + 2 + 3 + 10):  # +1 per `limit` successes: 1 -> 2 -> 3 -> 4, then capped
        cycle(limiter, Outcome.SUCCESS)
        seen.append(limiter.limit)
    assert seen[0] == 2 and seen[2] == 3 and seen[5] == 4
    assert limiter.limit == 4 and limiter.max_limit == 4
    cycle(limiter, Outcome.OTHER)  # errors unrelated to load change nothing
    assert limiter.limit == 4


def test_acquire_blocks_until_a_slot_is_released():
    limiter = AdaptiveLimiter(1)
    started = limiter.acquire()
    got = threading.Event()

    def second() -> None:
        limiter.acquire()
        got.set()

    thread = threading.Thread(target=second)
    thread.start()
    assert not got.wait(0.1)
    limiter.release(Outcome.SUCCESS, started)
    assert got.wait(2)
    thread.join()
    assert limiter.in_flight == 1 and limiter.max_in_flight == 1


def test_waiting_for_a_slot_wakes_on_cancel_and_times_out():
    limiter = AdaptiveLimiter(1)
    limiter.acquire()
    cancel = CancelToken()
    errors: list[BaseException] = []

    def waiter() -> None:
        try:
            limiter.acquire(cancel)
        except BaseException as exc:
            errors.append(exc)

    thread = threading.Thread(target=waiter)
    thread.start()
    time.sleep(0.02)  # let it block; the assertion below is on the wake-up, not this
    t0 = time.monotonic()
    cancel.cancel()
    thread.join(2)
    assert not thread.is_alive() and time.monotonic() - t0 < 0.5
    assert len(errors) == 1 and isinstance(errors[0], Cancelled)
    with pytest.raises(TimeoutError):
        limiter.acquire(timeout=0.05)


def test_backoff_is_full_jitter_exponential_and_capped():
    assert backoff_delay(1, base=0.5, cap=20, rng=lambda: 1.0) == 0.5
    assert backoff_delay(3, base=0.5, cap=20, rng=lambda: 1.0) == 2.0
    assert backoff_delay(10, base=0.5, cap=20, rng=lambda: 1.0) == 20
    assert backoff_delay(4, base=0.5, cap=20, rng=lambda: 0.0) == 0.0
    delays = [backoff_delay(3, base=0.5, cap=20) for _ in range(200)]
    assert all(0 <= d <= 2.0 for d in delays) and len(set(delays)) > 100
