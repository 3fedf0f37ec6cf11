"""The window's review in the store: every change written when it is made.

Qt-free. Each change is made in memory (`ReviewResults`) and written to the
`ReviewStore` at once; the store's fresh copy then replaces the one in memory.
A write the machine refuses (disk full, read-only, locked, damaged) is kept in
order and tried again later (`retry`), so the reviewer keeps working and loses
nothing while the window is open; a write refused as a bug is logged and
listed as not saved, never retried. Listeners hear about every change of
that state, so the window can say plainly what is not saved and why.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from desktop_app import paths
from desktop_app.ai.prices import Price
from desktop_app.ai.provider import AnalysisResult, ProviderError
from desktop_app.document import Document
from desktop_app.review.findings import Finding
from desktop_app.review.frameworks import Framework
from desktop_app.store.db import Database, StoreBugError, StoreEnvironmentError, StoreError
from desktop_app.store.opening import open_store
from desktop_app.store.results import ResultCache, framework_identity, section_hash
from desktop_app.store.review_state import ReviewState, ReviewStatistics
from desktop_app.store.reviews import ReviewStore
from desktop_app.ui.review_results import ReviewResults, copy_finding

log = logging.getLogger(__name__)

T = TypeVar("T")
Write = Callable[[ReviewStore, int], Any]


@dataclass(slots=True)
class PendingWrite:
    what: str  # for the reviewer: "your decision on a finding in “Scope”"
    write: Write
    review_id: int | None  # None: the review itself could not be opened yet


@dataclass(slots=True)
class _Opening:
    document: Document
    framework_identity: str
    framework_name: str
    provider_name: str
    models: list[str]
    provider_identity: str | None


class ReviewSession:
    def __init__(self, results: ReviewResults,
                 folder: Callable[[], Path] = paths.data_dir) -> None:
        self.results = results
        self._folder = folder
        self.db: Database | None = None
        self.store: ReviewStore | None = None
        self.review_id: int | None = None
        self.error = ""  # why the last write failed; "" once everything is saved
        self.notice = ""  # what happened to the store on opening (a damaged one replaced)
        self.lost: list[str] = []  # writes refused as bugs: not saved, not retried
        self._pending: list[PendingWrite] = []
        self._opening: _Opening | None = None
        self._titles: dict[str, str] = {}
        self.hashes: dict[str, str] = {}
        self.unsaved_seconds = 0.0  # time spent, counted but not written yet
        self.listeners: list[Callable[[], None]] = []

    # -- state ----------------------------------------------------------------------

    @property
    def unsaved(self) -> list[str]:
        """What is held in memory only, oldest first."""
        return [p.what for p in self._pending]

    @property
    def healthy(self) -> bool:
        return not self._pending and self.review_id is not None

    def database(self) -> Database | None:
        """The window's one Database (the result cache shares it); None if it cannot open."""
        if self.db is None:
            try:
                # A damaged store is moved aside and a new one started (the
                # notice says so); one that cannot be used raises, and what the
                # reviewer does waits here to be saved.
                opened = open_store(self._folder(), memory_fallback=False)
                self.db, self.notice = opened.db, opened.notice
                self.store = ReviewStore(self.db)
            except StoreError as err:
                self._set_error(err)
        return self.db

    def result_cache(self) -> SafeCache | None:
        db = self.database()
        return SafeCache(ResultCache(db)) if db is not None else None

    def close(self) -> None:
        self.save_seconds()
        if self.db is not None:
            self.db.close()
        self.db = self.store = None
        self.review_id = None

    # -- the review -----------------------------------------------------------------

    def open(self, document: Document, framework: Framework, provider_name: str,
             models: Sequence[str], provider_identity: str | None = None) -> ReviewState | None:
        """The stored review of this document and framework (reconciled), or None
        when the store cannot give it: the review then lives in memory for now."""
        self.save_seconds()  # the time spent so far belongs to the review being left
        dropped = [p.what for p in self._pending if p.review_id is None]
        self._pending = [p for p in self._pending if p.review_id is not None]
        if dropped:
            self.lost += dropped
            log.error("%d changes were never saved: the review could not be opened",
                      len(dropped))
        self.review_id = None
        self._titles = {s.id: s.title for s in document.walk()}
        self.hashes = {s.id: section_hash(s.title, s.text) for s in document.walk()}
        self._opening = _Opening(document, framework_identity(framework), framework.name,
                                 provider_name, list(models), provider_identity)
        state = self._open_review()
        self._notify()
        return state

    def update_identity(self, framework: Framework, provider_name: str, models: Sequence[str],
                        provider_identity: str | None) -> None:
        """The provider is known now (or the guidelines changed): the review says so."""
        if self._opening is None:
            return
        o = self._opening
        self._opening = _Opening(o.document, framework_identity(framework), framework.name,
                                 provider_name, list(models), provider_identity)
        if self.healthy:
            self._open_review()
            self._notify()

    def _open_review(self) -> ReviewState | None:
        o = self._opening
        if o is None or self.database() is None or self.store is None:
            return None
        try:
            state = self.store.open_or_create_review(
                o.document, o.framework_identity, o.framework_name, o.provider_name, o.models,
                provider_identity=o.provider_identity)
        except StoreError as err:
            self._set_error(err)
            return None
        self.review_id = state.review_id
        return state

    # -- writes ---------------------------------------------------------------------------

    def record_result(self, section_id: str, result: AnalysisResult, framework: Framework,
                      provider: str) -> None:
        """Saved first, then held (and shown by the caller)."""
        sec_hash = self.hashes.get(section_id, "")
        record = self._write(f"the findings of {self._title(section_id)}",
                             lambda s, rid: s.record_result(rid, section_id, sec_hash, result))
        self.results.set_result(section_id, result, framework, provider, record)

    def record_failure(self, section_id: str, error: ProviderError) -> None:
        sec_hash = self.hashes.get(section_id, "")
        self._write(f"the failure of {self._title(section_id)}",
                    lambda s, rid: s.record_failure(rid, section_id, sec_hash, error))
        self.results.set_error(section_id, error)

    def set_decision(self, finding_id: str, decision: str) -> Finding | None:
        where = self._where(finding_id)
        if self.results.set_decision(finding_id, decision) is None:
            return None
        return self._refresh(finding_id, self._write(
            f"your decision on a finding in {where}",
            lambda s, rid: s.set_decision(rid, finding_id, decision)))

    def edit(self, finding_id: str, fields: dict[str, Any]) -> Finding | None:
        where = self._where(finding_id)
        if not fields or self.results.edit(finding_id, fields) is None:
            return None
        return self._refresh(finding_id, self._write(
            f"your edit of a finding in {where}",
            lambda s, rid: s.edit_finding(rid, finding_id, **fields)))

    def originals(self, finding_id: str) -> dict[str, Any]:
        return self.results.originals(finding_id)

    def add_user_finding(self, section_id: str, finding: Finding) -> Finding:
        f = copy_finding(finding)
        f.source = "user"
        f.id = f.id or "u-" + uuid.uuid4().hex[:12]  # fixed here: a retry writes the same id
        self.results.put_finding(section_id, f)
        stored = self._write(f"your finding in {self._title(section_id)}",
                             lambda s, rid: s.add_user_finding(rid, section_id, f))
        return self._refresh(f.id, stored) or f

    def delete_user_finding(self, finding_id: str) -> None:
        where = self._where(finding_id)
        self.results.remove_finding(finding_id)
        self._write(f"the deletion of your finding in {where}",
                    lambda s, rid: s.delete_user_finding(rid, finding_id))

    def count_seconds(self, seconds: float) -> None:
        """Time spent on the open review; written by `save_seconds`."""
        if self._opening is not None and seconds > 0:
            self.unsaved_seconds += seconds

    def save_seconds(self) -> None:
        """Write the time counted; time spent while no review could open is not kept."""
        seconds, self.unsaved_seconds = self.unsaved_seconds, 0.0
        if seconds > 0 and self.review_id is not None:
            self._write("the time spent", lambda s, rid: s.add_seconds(rid, seconds))

    def statistics(self, prices: Mapping[str, Price] | None = None) -> ReviewStatistics | None:
        """The store's numbers; None while it cannot give them."""
        if self.store is None or self.review_id is None:
            return None
        try:
            return self.store.statistics(self.review_id, prices)
        except StoreError as err:
            log.error("statistics unavailable: %s", err)
            return None

    def _refresh(self, finding_id: str, stored: Finding | None) -> Finding | None:
        """The store's copy replaces the one changed in memory."""
        found = self.results.locate(finding_id)
        if found is None:
            return None
        if stored is not None:
            self.results.put_finding(found[0], stored)
            return stored
        return found[1]

    def _write(self, what: str, write: Write) -> Any:
        if self._pending or self.review_id is None or self.store is None:
            self._pending.append(PendingWrite(what, write, self.review_id))
            self.retry()
            return None
        try:
            return write(self.store, self.review_id)
        except StoreEnvironmentError as err:
            self._pending.append(PendingWrite(what, write, self.review_id))
            self._set_error(err)
        except StoreBugError as err:
            log.exception("not saved: %s", what)
            self.lost.append(what)
            self._set_error(err)
        self._notify()
        return None

    def retry(self) -> bool:
        """Write what waits, in order; True when nothing is left."""
        if self.review_id is None:
            self._open_review()
        if self.store is None or self.review_id is None:
            self._notify()
            return False
        while self._pending:
            p = self._pending[0]
            try:
                p.write(self.store, p.review_id if p.review_id is not None else self.review_id)
            except StoreEnvironmentError as err:
                self._set_error(err)
                break
            except StoreBugError as err:
                log.exception("not saved: %s", p.what)
                self.lost.append(p.what)
                self._set_error(err)
            self._pending.pop(0)
        else:
            if not self.lost:
                self.error = ""
        self._notify()
        return not self._pending

    def forget_review(self, review_id: int) -> None:
        """Its data was deleted: what waited to be written there goes too (SQLite
        may give a new review the same id)."""
        self._pending = [p for p in self._pending if p.review_id != review_id]
        if self.review_id == review_id:
            self.review_id = None
            self.unsaved_seconds = 0.0
        self._notify()

    def discard_pending(self) -> list[str]:
        """Give up on what waits (the reviewer chose to close without it)."""
        dropped = self.unsaved
        self._pending.clear()
        self._notify()
        return dropped

    def _set_error(self, err: StoreError) -> None:
        self.error = str(err)
        log.error("review store: %s", err)

    def _notify(self) -> None:
        for listener in list(self.listeners):
            listener()

    def _title(self, section_id: str) -> str:
        return f"“{self._titles.get(section_id, section_id)}”"

    def _where(self, finding_id: str) -> str:
        found = self.results.locate(finding_id)
        return self._title(found[0]) if found is not None else "this review"


class SafeCache:
    """The dispatcher's result cache, with store errors logged instead of raised
    inside a Qt slot (where they would cost the section its answer).

    `put` keeps the answer (serialized at once) and `flush` writes everything kept
    in one transaction: the window flushes once per turn of the event loop, so ten
    answers arriving together cost one commit (one fsync), not ten in a row on the
    GUI thread (bench/window_bench.py). It is a cache: the review itself is saved
    by `ReviewSession.record_result`. `get` of a key still kept writes it first.
    """

    def __init__(self, cache: ResultCache) -> None:
        self.cache = cache
        self._unwritten: dict[str, tuple[str, str, str, str, str | None, str]] = {}

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

    def put(self, *args: Any) -> None:
        row = self.cache.row(*args)
        self._unwritten[row[0]] = row

    def flush(self) -> None:
        if not self._unwritten:
            return
        rows, self._unwritten = list(self._unwritten.values()), {}
        try:
            self.cache.put_rows(rows)
        except StoreError as err:
            log.warning("result cache: %s", err)
