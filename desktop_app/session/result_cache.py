"""The dispatchers' result cache, safe to use from a Qt slot, written once per turn."""

from __future__ import annotations

import logging
import weakref
from collections.abc import Callable
from typing import Any

from desktop_app.ai.provider import AnalysisResult
from desktop_app.store.db import StoreError
from desktop_app.store.results import ResultCache

log = logging.getLogger(__name__)


class SafeCache:
    """The result cache, with store errors logged instead of raised inside a Qt slot
    (where they would cost the section its answer).

    `put` keeps the answer (serialized at once) and `flush` writes everything kept
    in one transaction: the session driver flushes once per turn of the event loop,
    so ten answers arriving together cost one commit (one fsync), not ten in a row
    on the GUI thread (bench/window_bench.py). It is a cache: the review itself is
    saved by `ReviewSession.record_result`. `get` of a key still kept writes it first.
    """

    def __init__(self, cache: ResultCache) -> None:
        self.cache = cache
        self._unwritten: dict[str, tuple[str, str, str, str, str | None, str]] = {}
        # Keys being asked of a model right now, by any dispatcher sharing this cache
        # (the documents of a folder run): a section of the same text waits for that
        # answer instead of paying for the same request again (`claim`, `release`).
        self._in_flight: set[str] = set()
        # Keys answered in this process: a section queued before its twin's answer came
        # looks here (`answered`), not in the store, before it asks again.
        self._answered: set[str] = set()
        self._listeners: list[weakref.WeakMethod] = []

    def claim(self, key: str) -> bool:
        """True: ask for `key` (and `release` it after); False: it is being asked."""
        if key in self._in_flight:
            return False
        self._in_flight.add(key)
        return True

    def release(self, key: str) -> None:
        """The request for `key` is over (its answer `put` first, if there is one):
        whoever waits for it takes the answer from here, or asks themselves."""
        self._in_flight.discard(key)
        for ref in list(self._listeners):
            listener = ref()
            if listener is None:
                self._listeners.remove(ref)
            else:
                listener(key)

    def on_release(self, listener: Callable[[str], None]) -> None:
        """`listener(key)` after each `release`; held weakly (a bound method)."""
        self._listeners.append(weakref.WeakMethod(listener))  # type: ignore[arg-type]

    def get(self, key: str) -> AnalysisResult | None:
        return self.get_many([key]).get(key)

    def get_many(self, keys: list[str]) -> dict[str, AnalysisResult]:
        if self._unwritten and any(k in self._unwritten for k in keys):
            self.flush()
        try:
            return self.cache.get_many(keys)
        except StoreError as err:
            log.warning("result cache: %s", err)
            return {}  # ask again

    def has_many(self, keys: list[str]) -> set[str]:
        if self._unwritten and any(k in self._unwritten for k in keys):
            self.flush()
        try:
            return self.cache.has_many(keys)
        except StoreError as err:
            log.warning("result cache: %s", err)
            return set()

    def answered(self, key: str) -> bool:
        """`key` was `put` since this cache was made (its answer is here to take)."""
        return key in self._answered

    def put(self, *args: Any) -> None:
        row = self.cache.row(*args)
        self._unwritten[row[0]] = row
        self._answered.add(row[0])

    def flush(self) -> None:
        if not self._unwritten:
            return
        rows, self._unwritten = list(self._unwritten.values()), {}
        try:
            self.cache.put_rows(rows)
        except StoreError as err:
            log.warning("result cache: %s", err)
