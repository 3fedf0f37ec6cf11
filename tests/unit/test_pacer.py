"""Pacer: the send gate (queue, priorities, cap, patience) on a fake clock.

Single-threaded tests pass a wait that advances the fake clock instead of
sleeping. Tests with several threads in the queue keep the clock still while
the threads line up, then move it: the order of the grants is what is checked.
"""

from __future__ import annotations

import gc
import threading
import time

import pytest

from desktop_app.ai.pacer import (
    Outcome,
    Pacer,
    PaceState,
    Priority,
    Refused,
    describe,
    shared_pacer,
)
from desktop_app.ai.provider import Cancelled, CancelToken


class Clock:
    def __init__(self) -> None:
        self.now = 100.0
        self.lock = threading.Lock()

    def __call__(self) -> float:
        with self.lock:
            return self.now

    def advance(self, seconds: float) -> None:
        with self.lock:
            self.now += seconds

    def wait(self, _cond: threading.Condition, seconds: float) -> None:
        self.advance(seconds)  # a single thread: waiting is time passing


def wait_until(predicate, timeout: float = 5.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.005)
    return predicate()


def test_sends_are_spaced_at_a_configured_quota():
    clock = Clock()
    pacer = Pacer(requests_per_minute=60, clock=clock, wait=clock.wait)
    times = []
    for _ in range(4):
        send = pacer.acquire()
        times.append(clock.now)
        pacer.release(send, Outcome.SUCCESS)
    assert [t - times[0] for t in times] == pytest.approx([0, 1, 2, 3])
    state = pacer.state()
    assert state.requests_per_minute == pytest.approx(60) and state.configured
    assert not state.throttled and describe(state) == "paced: 60 requests/min"


def test_unpaced_until_refused_then_paced_and_said_so():
    clock = Clock()
    pacer = Pacer(max_in_flight=10, clock=clock, wait=clock.wait)
    sends = [pacer.acquire() for _ in range(6)]  # nothing known: the cap alone applies
    assert clock.now == 100.0 and pacer.in_flight == 6
    assert describe(pacer.state()) == ""
    for send in sends[:3]:
        pacer.release(send, Outcome.SUCCESS)
    for send in sends[3:]:  # a bucket of three: the rest refused
        pacer.release(send, Outcome.THROTTLED)
    state = pacer.state()
    assert state.throttled and state.refusals == 3
    assert state.requests_per_minute == pytest.approx(180)  # 3 in the first second
    assert describe(state) == "throttled: 180 requests/min"
    assert pacer.in_flight == 0


def test_a_token_refusal_paces_tokens():
    clock = Clock()
    pacer = Pacer(clock=clock, wait=clock.wait)
    first = pacer.acquire(tokens=2_000)
    second = pacer.acquire(tokens=2_000)
    pacer.release(first, Outcome.SUCCESS)
    pacer.release(second, Outcome.THROTTLED_TOKENS)
    state = pacer.state()
    assert state.tokens_per_minute == pytest.approx(120_000)  # 2,000 in the first second
    assert state.requests_per_minute is None
    assert describe(state) == "throttled: 120k tokens/min"
    # The next large request waits for the token schedule; a tokenless one does not.
    start = clock.now
    pacer.release(pacer.acquire(tokens=2_000), Outcome.SUCCESS)
    assert clock.now - start == pytest.approx(1.0, abs=0.05)


def test_the_in_flight_cap_holds_background_requests_but_not_chat():
    pacer = Pacer(max_in_flight=2)  # nothing paced yet: the cap alone decides
    a, b = pacer.acquire(), pacer.acquire()
    chat = pacer.acquire(priority=Priority.INTERACTIVE)  # over the cap: a person is waiting
    assert pacer.in_flight == 3
    got = []
    thread = threading.Thread(target=lambda: got.append(pacer.acquire()))
    thread.start()
    assert wait_until(lambda: pacer.state().waiting == 1)
    pacer.release(chat, Outcome.SUCCESS)
    assert not wait_until(lambda: bool(got), timeout=0.1)  # two analyses still in flight
    pacer.release(a, Outcome.SUCCESS)
    assert wait_until(lambda: bool(got))
    thread.join(2)
    for send in (b, got[0]):
        pacer.release(send, Outcome.SUCCESS)
    assert pacer.in_flight == 0 and pacer.max_seen_in_flight == 3


def test_chat_takes_the_next_slot_ahead_of_queued_analyses():
    clock = Clock()
    pacer = Pacer(requests_per_minute=60, clock=clock, wait=lambda c, s: c.wait(0.005))
    pacer.release(pacer.acquire(), Outcome.SUCCESS)  # the next slot is a second away
    order: list[str] = []
    lock = threading.Lock()

    def request(name: str, priority: Priority) -> None:
        send = pacer.acquire(priority=priority)
        with lock:
            order.append(name)
        pacer.release(send, Outcome.SUCCESS)

    threads = [threading.Thread(target=request, args=(f"analysis {i}", Priority.BACKGROUND))
               for i in range(4)]
    for count, thread in enumerate(threads, start=1):
        thread.start()  # one at a time, so that they queue in this order
        assert wait_until(lambda c=count: pacer.state().waiting == c)
    assert wait_until(lambda: pacer.state().waiting == 4)
    chat = threading.Thread(target=request, args=("chat", Priority.INTERACTIVE))
    chat.start()
    assert wait_until(lambda: pacer.state().waiting == 5)
    for expected in range(1, 6):
        clock.advance(1.0)
        assert wait_until(lambda e=expected: len(order) == e)
    for thread in [*threads, chat]:
        thread.join(2)
    assert order[0] == "chat"
    assert order[1:] == [f"analysis {i}" for i in range(4)]  # the rest in arrival order


def test_a_refused_request_keeps_its_place():
    clock = Clock()
    pacer = Pacer(requests_per_minute=60, clock=clock, wait=lambda c, s: c.wait(0.005))
    first = pacer.acquire()
    order: list[str] = []

    def request(name: str, place: int | None = None) -> None:
        send = pacer.acquire(place=place)
        order.append(name)
        pacer.release(send, Outcome.SUCCESS)

    later = threading.Thread(target=request, args=("later",))
    later.start()
    assert wait_until(lambda: pacer.state().waiting == 1)
    pacer.release(first, Outcome.THROTTLED)
    retry = threading.Thread(target=request, args=("retry", first.place))
    retry.start()
    assert wait_until(lambda: pacer.state().waiting == 2)
    while len(order) < 2:
        clock.advance(0.5)
        before = len(order)
        wait_until(lambda b=before: len(order) > b, timeout=0.05)
    later.join(2)
    retry.join(2)
    assert order == ["retry", "later"]


def test_throttling_that_never_ends_fails_after_the_patience_then_clears():
    clock = Clock()
    pacer = Pacer(patience=30, clock=clock, wait=clock.wait)
    pacer.release(pacer.acquire(), Outcome.SUCCESS)
    start = clock.now
    with pytest.raises(Refused) as info:
        while True:
            pacer.release(pacer.acquire(), Outcome.THROTTLED)
    assert 30 <= clock.now - start < 40 and info.value.seconds >= 30
    with pytest.raises(Refused):
        pacer.check()  # everything waiting or arriving now fails at once
    clock.advance(31)  # refused long ago, silent since: try again
    pacer.check()
    pacer.release(pacer.acquire(), Outcome.SUCCESS)
    pacer.release(pacer.acquire(), Outcome.THROTTLED)
    pacer.check()  # a success reset the patience
    clock.advance(31)
    pacer.release(pacer.acquire(), Outcome.THROTTLED)
    clock.advance(31)
    pacer.release(pacer.acquire(), Outcome.THROTTLED)
    pacer.check()  # refusals a silence apart, not a refusal lasting 62 s


def test_waiting_wakes_on_cancel_and_times_out():
    pacer = Pacer(requests_per_minute=1)  # real clock: a minute between sends
    pacer.acquire()
    cancel = CancelToken()
    errors: list[BaseException] = []

    def waiter() -> None:
        try:
            pacer.acquire(cancel=cancel)
        except BaseException as exc:
            errors.append(exc)

    thread = threading.Thread(target=waiter)
    thread.start()
    assert wait_until(lambda: pacer.state().waiting == 1)
    t0 = time.monotonic()
    cancel.cancel()
    thread.join(2)
    assert not thread.is_alive() and time.monotonic() - t0 < 0.5
    assert len(errors) == 1 and isinstance(errors[0], Cancelled)
    assert pacer.state().waiting == 0
    with pytest.raises(TimeoutError):
        pacer.acquire(timeout=0.05)


def test_one_pacer_per_key_while_someone_holds_it():
    made = []

    def make() -> Pacer:
        made.append(Pacer())
        return made[-1]

    key = ("bedrock", None, "eu-west-1", "http://x", "model-a")
    one = shared_pacer(key, make)
    assert shared_pacer(key, make) is one
    assert shared_pacer(key[:-1] + ("model-b",), make) is not one
    del one, made[:]
    gc.collect()
    fresh = shared_pacer(key, make)
    assert made == [fresh]  # nobody held the old one: a new pacer


def test_describe_says_nothing_until_there_is_something_to_say():
    assert describe(None) == ""
    assert describe(PaceState(requests_per_minute=42.4)) == ""  # paced by nobody's word
    assert describe(PaceState(requests_per_minute=42.4, throttled=True)) == \
        "throttled: 42 requests/min"
    assert describe(PaceState(requests_per_minute=4.26, tokens_per_minute=180_000,
                              throttled=True)) == "throttled: 4.3 requests/min, 180k tokens/min"


def test_a_learnt_pace_that_holds_requests_back_is_said_even_after_the_throttling():
    assert describe(PaceState(requests_per_minute=30, holding=True)) == "paced: 30 requests/min"
    assert PaceState(requests_per_minute=30, holding=True).limiting
    assert not PaceState(requests_per_minute=30).limiting
    assert not PaceState(holding=True).limiting  # nothing paced: the cap holds them
