"""Send one request first, so a prompt prefix is written to Bedrock's cache once.

Ten section requests sent at once with the same new prefix (framework plus
document context) each pay to write it to the cache (1.25 x the input price)
and none reads it (0.1 x). The gate lets the first request with a given
prefix go and holds the others until it has answered; then they go together
and read what it wrote. If it fails (throttled, timed out, cancelled), the
cache may not have been written: the next waiting request goes alone in turn.

A prefix counts as written for `ttl` seconds after a request with it last
answered: Bedrock keeps a cache entry five minutes after its last use, so a
review that pauses longer is gated again rather than sent all at once to a
cold cache.

Only prefixes worth the wait are gated: holding everyone back costs one model
latency at the start of a run. Ten concurrent first requests make nine writes
that could have been reads, 1.15 x the input price each: for the framework
alone (about 2,300 tokens) $0.07 on Sonnet 4.5, not worth a latency; for a
whole document of 50,000 tokens $1.55, well worth it.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from desktop_app.ai.provider import Cancelled, CancelToken

CACHE_TTL = 300.0  # seconds Bedrock keeps an unused cache entry (the default TTL)
GATE_MIN_TOKENS = 4_096  # smaller cached prefixes are not worth holding requests back for
_POLL = 0.05  # seconds between cancel checks while held


@dataclass(slots=True)
class _Prefix:
    leader: bool = False  # a request with this prefix is in flight, alone
    written_until: float = 0.0  # monotonic time until which the cache is taken as written


class CacheGate:
    """Per-prefix gate shared by every request of a provider. Thread-safe."""

    def __init__(self, ttl: float = CACHE_TTL * 0.9, min_tokens: int = GATE_MIN_TOKENS,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.ttl = ttl  # a little under Bedrock's, so we never trust an entry it dropped
        self.min_tokens = min_tokens
        self._clock = clock  # for the entries' lifetime; waiting uses real time
        self._lock = threading.Condition()
        self._prefixes: dict[str, _Prefix] = {}
        self.held = 0  # requests that had to wait, for tests and benchmarks

    @contextmanager
    def passage(self, key: str | None, tokens: int, cancel: CancelToken,
                timeout: float) -> Iterator[None]:
        """Hold the caller until its prefix is written (or it is the one to write it).

        The body is the request. It counts as answered when the body returns;
        an exception is a failure. Raises `Cancelled`, or `TimeoutError` when
        `timeout` seconds pass while held.
        """
        if key is None or tokens < self.min_tokens:
            yield
            return
        leader = self._enter(key, cancel, timeout)
        ok = False
        try:
            yield
            ok = True
        finally:
            self._leave(key, leader, ok)

    def _enter(self, key: str, cancel: CancelToken, timeout: float) -> bool:
        deadline = time.monotonic() + timeout
        waited = False
        with self._lock:
            while True:
                prefix = self._prefixes.setdefault(key, _Prefix())
                if self._clock() < prefix.written_until:
                    return False
                if not prefix.leader:
                    prefix.leader = True
                    return True
                if not waited:
                    waited = True
                    self.held += 1
                now = time.monotonic()
                if cancel.cancelled:
                    raise Cancelled()
                if now >= deadline:
                    raise TimeoutError()
                self._lock.wait(min(_POLL, deadline - now))

    def _leave(self, key: str, leader: bool, ok: bool) -> None:
        with self._lock:
            prefix = self._prefixes[key]
            if leader:
                prefix.leader = False
            if ok:  # every answer with this prefix keeps the entry alive
                prefix.written_until = self._clock() + self.ttl
            self._lock.notify_all()
