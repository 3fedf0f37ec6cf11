"""When a Bedrock request may be sent: paced to the account's rate, concurrency only a cap.

Bedrock's on-demand quotas are requests and tokens per minute, per account,
region and model; a review section takes 3-20 s to answer. A limit on requests
in flight that halves on every throttle falls to one or two in flight at those
latencies and reaches a quarter of the allowed rate (DESIGN.md). The pacer
instead learns the rate the account sustains (`RateLearner`, one for requests
and one for tokens) and spaces sends to it; the in-flight count is only capped.

One pacer serves every provider, chat and analysis alike, that calls the same
model with the same account and region (`shared_pacer`): they share the quota.
Requests wait in one queue, interactive ones (chat) ahead of background ones
(analysis), and a request refused by the service keeps its place when it
comes back. Throttling that never ends is bounded: once the model has refused
every request for `patience` seconds, waiting requests fail with `Refused`
(the provider passes to the next model; sections that still fail are reported).

Thread-safe. The clock and the wait are injectable so tests run on a simulated clock.
"""

from __future__ import annotations

import heapq
import itertools
import threading
import time
import weakref
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from enum import IntEnum, StrEnum

from desktop_app.ai.provider import Cancelled, CancelToken
from desktop_app.ai.rate_learner import RateLearner, Sent

_POLL = 0.05  # seconds between cancel checks while waiting
RECENT = 60.0  # a refusal this many `unit`s old still counts as "throttling now"


class Priority(IntEnum):
    INTERACTIVE = 0  # a person is waiting: chat
    BACKGROUND = 1  # analysis


class Outcome(StrEnum):
    SUCCESS = "success"
    THROTTLED = "throttled"  # too many requests
    THROTTLED_TOKENS = "throttled-tokens"  # too many tokens
    OTHER = "other"  # errors that say nothing about load (denied, bad request, network)


class Refused(Exception):
    """The model has refused every request for the pacer's whole patience."""

    def __init__(self, seconds: float) -> None:
        super().__init__(f"refused every request for {seconds:.0f} s")
        self.seconds = seconds


@dataclass(frozen=True, slots=True)
class PaceState:
    """What the pacer is doing, as plain data for the window and the command line."""

    model: str = ""
    requests_per_minute: float | None = None  # the pace settled on; None: not paced
    tokens_per_minute: float | None = None
    sends_per_minute: float | None = None  # requests/min both limits allow (for an ETA)
    throttled: bool = False  # Bedrock refused a request recently
    holding: bool = False  # requests are waiting for the pace (not for the in-flight cap)
    refusals: int = 0  # requests refused so far
    waiting: int = 0  # requests waiting for their turn
    in_flight: int = 0
    configured: bool = False  # the pace comes from a quota in the settings

    @property
    def pacing(self) -> bool:
        return self.requests_per_minute is not None or self.tokens_per_minute is not None

    @property
    def limiting(self) -> bool:
        """The pace, not the concurrency, decides how fast the work goes now."""
        return self.pacing and (self.throttled or self.holding)


def describe(state: PaceState | None) -> str:
    """"throttled: 42 requests/min", "paced: 100 requests/min, 200k tokens/min", or "".

    Throttled: Bedrock refused requests within the last minute. Paced: a quota
    from the settings, or a learnt pace still holding requests back.
    """
    if state is None or not state.pacing or not (state.throttled or state.configured
                                                  or state.holding):
        return ""
    parts = []
    if state.requests_per_minute is not None:
        parts.append(f"{_number(state.requests_per_minute)} requests/min")
    if state.tokens_per_minute is not None:
        parts.append(f"{_number(state.tokens_per_minute)} tokens/min")
    return ("throttled: " if state.throttled else "paced: ") + ", ".join(parts)


def _number(value: float) -> str:
    if value >= 10_000:
        return f"{value / 1000:.0f}k"
    if value >= 10:
        return f"{value:.0f}"
    return f"{value:.1f}"


@dataclass(slots=True)
class Send:
    """A granted send: hand it back to `Pacer.release` with how it went."""

    place: int  # the queue position a retry of this request keeps
    priority: Priority
    tokens: float
    at: float
    waited: float  # seconds spent in the queue
    _requests: Sent | None = None
    _tokens: Sent | None = None
    _released: bool = False


@dataclass(order=True, slots=True)
class _Waiter:
    priority: int
    place: int
    tokens: float = field(compare=False)
    since: float = field(compare=False)
    gone: bool = field(default=False, compare=False)


def _wait(cond: threading.Condition, seconds: float) -> None:
    cond.wait(seconds)


class Pacer:
    """The send gate for one model of one account and region."""

    def __init__(self, *, model: str = "", max_in_flight: int = 8,
                 requests_per_minute: float | None = None,
                 tokens_per_minute: float | None = None, patience: float = 300.0,
                 unit: float = 1.0, spacing: float = 0.0,
                 clock: Callable[[], float] = time.monotonic,
                 wait: Callable[[threading.Condition, float], None] = _wait) -> None:
        self.model = model
        self.max_in_flight = max(1, int(max_in_flight))
        self.patience = patience
        self.unit = unit
        # Even unpaced, starts are at least `spacing` apart: ten requests leaving
        # at once queue ~40 ms of botocore work on the GIL together, which the GUI
        # thread feels as a stall.
        self.spacing = max(0.0, spacing)
        self._clock = clock
        self._wait = wait
        self._cond = threading.Condition()
        self._requests = RateLearner(unit=unit, floor=1 / (60 * unit))
        self._tokens = RateLearner(unit=unit, floor=1.0 / unit)
        self._queue: list[_Waiter] = []
        self._places = itertools.count()
        self._in_flight = 0
        self._last_start = -float("inf")
        self._last_refusal = -float("inf")
        self._refusing_since: float | None = None  # first refusal since the last success
        self._configured = False
        self._mean_tokens = 0.0  # of recent sends, to turn a token pace into requests
        self.configure(requests_per_minute=requests_per_minute,
                       tokens_per_minute=tokens_per_minute)
        # Counters, for tests, benchmarks and statistics.
        self.sent = 0
        self.succeeded = 0
        self.max_seen_in_flight = 0

    def configure(self, *, max_in_flight: int | None = None,
                  requests_per_minute: float | None = None,
                  tokens_per_minute: float | None = None) -> None:
        """Known quotas (per minute) start the pace there and cap it; None: learn it."""
        with self._cond:
            if max_in_flight is not None:
                self.max_in_flight = max(1, int(max_in_flight))
            self._requests.configure(requests_per_minute / 60 if requests_per_minute else None)
            self._tokens.configure(tokens_per_minute / 60 if tokens_per_minute else None)
            self._configured = bool(requests_per_minute or tokens_per_minute)
            self._cond.notify_all()

    # -- the gate --------------------------------------------------------------------

    def acquire(self, tokens: float = 0.0, *, priority: Priority = Priority.BACKGROUND,
                cancel: CancelToken | None = None, timeout: float | None = None,
                place: int | None = None) -> Send:
        """Wait for this request's turn; return the `Send` to release afterwards.

        `tokens`: the request's estimated tokens (input and expected output).
        `place`: a refused request's `Send.place`, to keep its place in the queue.
        Raises `Cancelled`, `TimeoutError` after `timeout` seconds (time the caller
        allows, queueing included) or `Refused` when throttling has not ended.
        """
        with self._cond:
            now = self._clock()
            deadline = None if timeout is None else now + timeout
            waiter = _Waiter(int(priority), next(self._places) if place is None else place,
                             max(0.0, tokens), now)
            heapq.heappush(self._queue, waiter)
            try:
                while True:
                    if cancel is not None and cancel.cancelled:
                        raise Cancelled()
                    now = self._clock()
                    if self._stuck(now):
                        raise Refused(now - (self._refusing_since or now))
                    if deadline is not None and now >= deadline:
                        raise TimeoutError("no send slot within the time allowed")
                    delay = self._admit_delay(waiter, now)
                    if delay is not None and delay <= 0:
                        return self._grant(waiter, now)
                    wait = _POLL if delay is None else min(delay, _POLL)
                    if deadline is not None:
                        wait = min(wait, deadline - now)
                    self._wait(self._cond, max(wait, 0.0))
            finally:
                if not waiter.gone:
                    waiter.gone = True
                    self._queue = [w for w in self._queue if w is not waiter]
                    heapq.heapify(self._queue)
                    self._cond.notify_all()  # the next one may be the head now

    def _admit_delay(self, waiter: _Waiter, now: float) -> float | None:
        """Seconds until `waiter` may go; None while it is not its turn."""
        if self._queue[0] is not waiter:
            return None
        # Chat is not held back by the analyses' cap: it takes the next send slot.
        if waiter.priority != Priority.INTERACTIVE and self._in_flight >= self.max_in_flight:
            return None
        ready = max(self._requests.ready_at(now), self._last_start + self.spacing)
        if waiter.tokens > 0:
            ready = max(ready, self._tokens.ready_at(now))
        return ready - now

    def _grant(self, waiter: _Waiter, now: float) -> Send:
        # Held: the request had waited for that limit's schedule (it raises the rate).
        held_requests = self._requests.next_at > waiter.since
        held_tokens = self._tokens.next_at > waiter.since
        send = Send(waiter.place, Priority(waiter.priority), waiter.tokens, now,
                    now - waiter.since)
        send._requests = self._requests.sent(now, 1.0, held_requests)
        if waiter.tokens > 0:
            send._tokens = self._tokens.sent(now, waiter.tokens, held_tokens)
            self._mean_tokens += (0.1 if self._mean_tokens else 1.0) * (
                waiter.tokens - self._mean_tokens)
        heapq.heappop(self._queue)
        waiter.gone = True
        self._in_flight += 1
        self._last_start = now
        self.sent += 1
        self.max_seen_in_flight = max(self.max_seen_in_flight, self._in_flight)
        self._cond.notify_all()
        return send

    def release(self, send: Send, outcome: Outcome) -> None:
        """The request is answered (or failed): free its slot and learn from how it went.

        May be called again for the same send with an outcome learnt later (an
        error in the middle of a stream): the slot is freed once.
        """
        with self._cond:
            if not send._released:
                send._released = True
                self._in_flight = max(0, self._in_flight - 1)
            now = self._clock()
            if outcome is Outcome.SUCCESS:
                self.succeeded += 1
                self._refusing_since = None
            elif outcome in (Outcome.THROTTLED, Outcome.THROTTLED_TOKENS):
                # Refusals after a silence as long as the patience start a new count.
                if self._refusing_since is None or now - self._last_refusal >= self.patience:
                    self._refusing_since = now
                self._last_refusal = now
                if outcome is Outcome.THROTTLED_TOKENS and send._tokens is not None:
                    self._tokens.refused(now, send._tokens)
                elif send._requests is not None:
                    self._requests.refused(now, send._requests)
            self._cond.notify_all()

    def check(self) -> None:
        """Raise `Refused` if the model has refused everything for the whole patience."""
        with self._cond:
            now = self._clock()
            if self._stuck(now):
                raise Refused(now - (self._refusing_since or now))

    def _stuck(self, now: float) -> bool:
        # Refused continuously for `patience`, and still refusing (a refusal long
        # ago, followed by silence, says nothing about now: try again).
        return (self._refusing_since is not None
                and now - self._refusing_since >= self.patience
                and now - self._last_refusal < self.patience)

    # -- what it is doing ------------------------------------------------------------

    def state(self) -> PaceState:
        with self._cond:
            now = self._clock()
            requests, tokens = self._requests.rate, self._tokens.rate
            sends = [requests] if requests is not None else []
            if tokens is not None and self._mean_tokens > 0:
                sends.append(tokens / self._mean_tokens)
            waiting = sum(1 for w in self._queue if not w.gone)
            return PaceState(
                model=self.model,
                requests_per_minute=None if requests is None else requests * 60,
                tokens_per_minute=None if tokens is None else tokens * 60,
                sends_per_minute=min(sends) * 60 if sends else None,
                throttled=now - self._last_refusal < RECENT * self.unit,
                holding=(waiting > 0 and self._in_flight < self.max_in_flight
                         and (requests is not None or tokens is not None)),
                refusals=self._requests.refusals + self._tokens.refusals,
                waiting=waiting,
                in_flight=self._in_flight, configured=self._configured)

    @property
    def in_flight(self) -> int:
        return self._in_flight


# -- one pacer per account, region and model ------------------------------------------

_shared: weakref.WeakValueDictionary[Hashable, Pacer] = weakref.WeakValueDictionary()
_shared_lock = threading.Lock()


def shared_pacer(key: Hashable, make: Callable[[], Pacer]) -> Pacer:
    """The pacer for `key` (account, region, endpoint, model), made on first use.

    Held weakly: it lives as long as a provider uses it, so that every provider
    calling the same model with the same account shares the quota's pace (the
    window's analysis and chat, several documents in one run).
    """
    with _shared_lock:
        pacer = _shared.get(key)
        if pacer is None:
            pacer = make()
            _shared[key] = pacer
        return pacer
