"""Bedrock calls run on threads of their own that are kept for the next call (ai/calls.py):
a thread started per request cost ~0.5 ms of CPU, and an abandoned call never holds
back the next one."""

from __future__ import annotations

import threading

from desktop_app.ai import calls
from desktop_app.ai.calls import InFlight


def run_call(fn) -> InFlight:  # type: ignore[no-untyped-def]
    finished: list[BaseException | None] = []
    call = InFlight(fn, finished.append)
    assert call.done.wait(10)
    assert finished == [call.error]
    return call


def test_calls_one_after_another_share_a_thread_and_return_what_they_got(monkeypatch) -> None:
    monkeypatch.setattr(calls, "_threads", calls._CallThreads())  # none kept by other tests
    threads = [run_call(threading.current_thread).result for _ in range(5)]
    assert all(t is threads[0] for t in threads)
    assert threads[0] is not threading.current_thread() and threads[0].daemon
    failed = run_call(lambda: 1 / 0)
    assert isinstance(failed.error, ZeroDivisionError) and failed.result is None


def test_a_call_that_hangs_does_not_hold_back_the_next() -> None:
    gate = threading.Event()
    stuck = InFlight(lambda: gate.wait(10), lambda _exc: None)
    stuck.abandon()
    try:
        assert run_call(lambda: "answer").result == "answer"
        assert not stuck.done.is_set()
    finally:
        gate.set()
    assert stuck.done.wait(10)
