"""Adaptive concurrency: how many Bedrock requests may be in flight at once.

AIMD, as TCP does with its congestion window: a throttled request halves the
limit, successes grow it by one per `limit` successes, between 1 and the
configured maximum. Bedrock quotas are per account and region, shared with
whatever else runs there, so the right concurrency is learnt, not configured.
"""

from __future__ import annotations

import random
import threading
import time
from collections.abc import Callable
from enum import StrEnum

from desktop_app.ai.provider import Cancelled, CancelToken

_POLL = 0.05  # seconds between cancel checks while waiting for a slot


class Outcome(StrEnum):
    SUCCESS = "success"
    THROTTLED = "throttled"
    OTHER = "other"  # errors that say nothing about load (denied, bad request, network)


class AdaptiveLimiter:
    """Thread-safe AIMD limit on requests in flight.

    `window` (seconds) does two things. A burst of throttles from one overload
    halves the limit once: a throttled request counts only if it started after
    the last cut (it saw the reduced limit and was still throttled), or, when
    the caller does not say when it started, if the last cut is a window old.
    And after a cut the limit holds for one window before growing again:
    without the hold a limit of 1 is back to 2 on the very next success and the
    overload resumes at once, so most requests would be throttled.
    """

    def __init__(self, max_concurrency: int, *, window: float = 1.0, spacing: float = 0.0,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.max_concurrency = max(1, int(max_concurrency))
        self.window = max(0.0, window)
        # Starts are paced `spacing` seconds apart: ten requests leaving at
        # once means ~40 ms of botocore work queued on the GIL together, which
        # the GUI thread feels as a stall; spread out, it barely notices.
        self.spacing = max(0.0, spacing)
        self._next_start = -float("inf")
        self._clock = clock
        self._cond = threading.Condition()
        self._limit = self.max_concurrency
        self._in_flight = 0
        self._successes = 0  # successes since the limit last changed
        self._last_cut = -float("inf")
        # Counters, for tests, benchmarks and statistics.
        self.acquired = 0
        self.succeeded = 0
        self.throttled = 0
        self.cuts = 0
        self.raises = 0
        self.min_limit = self._limit
        self.max_limit = self._limit
        self.max_in_flight = 0

    @property
    def limit(self) -> int:
        return self._limit

    @property
    def in_flight(self) -> int:
        return self._in_flight

    def acquire(self, cancel: CancelToken | None = None, timeout: float | None = None) -> float:
        """Wait for a free slot; return the start time to pass to `release`.

        Raises `Cancelled` when `cancel` is set while waiting, `TimeoutError`
        after `timeout` seconds.
        """
        deadline = None if timeout is None else self._clock() + timeout
        with self._cond:
            while self._in_flight >= self._limit:
                if cancel is not None and cancel.cancelled:
                    raise Cancelled()
                wait = _POLL
                if deadline is not None:
                    left = deadline - self._clock()
                    if left <= 0:
                        raise TimeoutError("no request slot became free in time")
                    wait = min(wait, left)
                # A release notifies at once; the timeout only bounds the cancel check.
                self._cond.wait(wait)
            if cancel is not None and cancel.cancelled:
                raise Cancelled()
            self._in_flight += 1
            self.acquired += 1
            self.max_in_flight = max(self.max_in_flight, self._in_flight)
            now = self._clock()
            start_at = max(now, self._next_start)
            self._next_start = start_at + self.spacing
        delay = start_at - now
        if delay > 0:
            if cancel is not None and cancel.wait(delay):
                self.release(Outcome.OTHER)
                raise Cancelled()
            if cancel is None:
                time.sleep(delay)
        return self._clock()

    def release(self, outcome: Outcome, started: float | None = None) -> None:
        """Give the slot back and adapt the limit to how the request went."""
        with self._cond:
            self._in_flight = max(0, self._in_flight - 1)
            self._adapt(outcome, started)
            self._cond.notify_all()

    def observe(self, outcome: Outcome, started: float | None = None) -> None:
        """Adapt to an outcome learnt after the slot was released (an error mid-stream)."""
        with self._cond:
            self._adapt(outcome, started)
            self._cond.notify_all()

    def _adapt(self, outcome: Outcome, started: float | None) -> None:
        # Called with the condition held.
        now = self._clock()
        if outcome is Outcome.THROTTLED:
            self.throttled += 1
            same_overload = (started < self._last_cut if started is not None
                             else now - self._last_cut < self.window)
            if not same_overload:
                self._set_limit(max(1, self._limit // 2))
                self._last_cut = now
                self.cuts += 1
        elif outcome is Outcome.SUCCESS:
            self.succeeded += 1
            if now - self._last_cut >= self.window and self._limit < self.max_concurrency:
                self._successes += 1
                if self._successes >= self._limit:
                    self._set_limit(self._limit + 1)
                    self.raises += 1

    def _set_limit(self, value: int) -> None:
        self._limit = value
        self._successes = 0
        self.min_limit = min(self.min_limit, value)
        self.max_limit = max(self.max_limit, value)

    def stats(self) -> dict[str, int]:
        with self._cond:
            return {"limit": self._limit, "in_flight": self._in_flight,
                    "acquired": self.acquired, "succeeded": self.succeeded,
                    "throttled": self.throttled, "cuts": self.cuts, "raises": self.raises,
                    "min_limit": self.min_limit, "max_limit": self.max_limit,
                    "max_in_flight": self.max_in_flight}


def backoff_delay(attempt: int, base: float = 0.5, cap: float = 20.0,
                  rng: Callable[[], float] = random.random) -> float:
    """Seconds to wait before retry number `attempt` (1 = the first retry).

    Exponential with full jitter (uniform in [0, min(cap, base * 2**(attempt-1))]):
    spreads the retries of many threads that failed together instead of sending
    them back in one synchronised burst.
    """
    ceiling = min(cap, base * (2 ** max(0, attempt - 1)))
    return ceiling * rng()
