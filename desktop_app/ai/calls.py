"""One call at a time: state of an analysis, abandonable in-flight calls, splitting.

Plumbing for `bedrock.py`, kept apart so the provider reads as policy.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from desktop_app.ai.provider import CancelToken, Usage

log = logging.getLogger(__name__)


class SectionTimeout(Exception):
    """The section's time budget (max_section_seconds) ran out."""


class NeedsSplit(Exception):
    def __init__(self, max_tokens: int) -> None:
        super().__init__(max_tokens)
        self.max_tokens = max_tokens


@dataclass(slots=True)
class CallState:
    """State of one analyse() or stream: time budget, usage, last model tried."""

    cancel: CancelToken
    deadline: float
    system: list[dict[str, Any]]
    usage: Usage = field(default_factory=Usage)
    model: str | None = None
    # This work's place in each model's pacer queue, kept across its retries.
    places: dict[str, int] = field(default_factory=dict)

    def left(self) -> float:
        return self.deadline - time.monotonic()

    def count_request(self) -> None:
        self.usage.requests += 1
        if self.usage.requests > 1:
            self.usage.retries += 1

    def add_tokens(self, usage: dict[str, Any] | None) -> None:
        if usage:
            self.usage.input_tokens += int(usage.get("inputTokens") or 0)
            self.usage.output_tokens += int(usage.get("outputTokens") or 0)
            self.usage.cache_read_tokens += int(usage.get("cacheReadInputTokens") or 0)
            self.usage.cache_write_tokens += int(usage.get("cacheWriteInputTokens") or 0)


class _CallThreads:
    """Threads for `InFlight` calls, kept a while for the next call.

    A thread started per call cost ~0.5 ms of CPU a request (of ~4.8), under
    the GIL that the window's thread waits for while ten requests run
    (bench/window_bench.py). A call takes an idle thread or starts one (never
    waits: an abandoned call may hold its thread until its read timeout); a
    thread idle for `IDLE_SECONDS` ends.
    """

    IDLE_SECONDS = 30.0

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._work: list[Callable[[], None]] = []
        self._idle = 0
        self._wake = threading.Condition(self._lock)

    def run(self, fn: Callable[[], None]) -> None:
        with self._lock:
            self._work.append(fn)
            if self._idle > len(self._work) - 1:
                self._wake.notify()
                return
        threading.Thread(target=self._serve, name="bedrock-call", daemon=True).start()

    def _serve(self) -> None:
        while True:
            with self._lock:
                self._idle += 1
                try:
                    if not self._wake.wait_for(lambda: self._work, self.IDLE_SECONDS):
                        return
                finally:
                    self._idle -= 1
                fn = self._work.pop(0)
            fn()


_threads = _CallThreads()


class InFlight:
    """One HTTP call on its own thread, so that the caller can stop waiting.

    A boto3 call cannot be interrupted. A cancelled or timed-out call is
    abandoned instead: it finishes in the background, frees its send slot
    then (the request is still in flight at the service), and its result is
    dropped, a stream it opened being closed.
    """

    def __init__(self, fn: Callable[[], Any], on_finish: Callable[[BaseException | None], None],
                 close_result: Callable[[Any], None] | None = None) -> None:
        self._fn = fn
        self._on_finish = on_finish
        self._close_result = close_result
        self._lock = threading.Lock()
        self._abandoned = False
        self.done = threading.Event()
        self.result: Any = None
        self.error: BaseException | None = None
        _threads.run(self._run)

    def _run(self) -> None:
        try:
            self.result = self._fn()
        except BaseException as exc:  # handed to the waiting thread
            self.error = exc
        try:
            self._on_finish(self.error)
        except Exception:  # a bug here must not kill the thread or hang the caller
            log.exception("finishing a Bedrock call failed")
        finally:
            with self._lock:
                self.done.set()
                abandoned = self._abandoned
            if abandoned:
                self._discard()

    def abandon(self) -> None:
        with self._lock:
            self._abandoned = True
            finished = self.done.is_set()
        if finished:
            self._discard()

    def _discard(self) -> None:
        if self.result is not None and self._close_result is not None:
            try:
                self._close_result(self.result)
            except Exception:  # closing a dropped stream is best effort
                log.debug("closing an abandoned stream failed", exc_info=True)


def close_stream(response: Any) -> None:
    response["stream"].close()


def split_text(text: str) -> tuple[str, str] | None:
    """Two verbatim halves, cut at the paragraph break nearest the middle.

    Failing a paragraph break, at a sentence end, then at a space. The halves
    are exact substrings, so quotes from either still match the section.
    """
    mid = len(text) // 2
    for sep, keep in (("\n", 0), (". ", 1), (" ", 0)):
        left, right = text.rfind(sep, 0, mid + 1), text.find(sep, mid)
        for cut in sorted((i for i in (left, right) if i > 0), key=lambda i: abs(i - mid)):
            first, second = text[:cut + keep], text[cut + len(sep):]
            if first.strip() and second.strip():
                return first, second
    return None
