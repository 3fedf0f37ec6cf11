"""The review store of a window or a run, and the one policy for writing to it.

One `Storage` is shared by every session of a process (the window's, one per
document; `margin review`'s, one per run): it opens the database on first use
and writes what a session asks for at once. A write the machine refuses (disk
full, read-only, locked, damaged) is kept, in order, and tried again later
(`retry`), so the reviewer keeps working and loses nothing while the process
runs; a write refused as a bug is logged and listed as lost, never retried.
Listeners hear about every change of that state, so the window can say
plainly what is not saved and why, and `margin review` can say it once.

An analysis thread saves its own answer (`write_elsewhere`), on a second
connection, before the answer is handed to the session's thread: that write
was most of what each arriving answer cost the window's thread (~3.8 ms of its
wall time, 0.9 of it CPU: each SQLite call gave the GIL away and waited to get
it back from the other analysis threads; bench/window_bench.py). It is made
only while nothing waits to be written before it, under the same lock as
every write of this object, so writes stay in the order they were asked for;
otherwise (or when it fails) the session's thread saves the answer as before,
under the one policy here.

Opening (store/opening.py): a damaged store is moved aside and a new one
started (`notice` says so, once). One that cannot be used at all (read-only,
full, a newer schema) is, for `margin review` (`memory_fallback`), replaced by
one in memory so that the run goes on and writes its report; the window
instead keeps the reviewer's work waiting and tries again.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from desktop_app import paths
from desktop_app.session.result_cache import SafeCache
from desktop_app.store import batch_jobs
from desktop_app.store.batch_jobs import StoredBatchJob
from desktop_app.store.db import Database, StoreBugError, StoreEnvironmentError, StoreError
from desktop_app.store.opening import in_memory, open_store
from desktop_app.store.results import ResultCache
from desktop_app.store.review_state import ReviewSummary
from desktop_app.store.reviews import ReviewStore

log = logging.getLogger(__name__)

Write = Callable[[ReviewStore, int], Any]


class ReviewOwner(Protocol):
    """The session a write belongs to: its review, once that could be opened."""

    @property
    def review_id(self) -> int | None: ...

    def open_review(self) -> object:
        """Try to open (or start) its review in the store; restores nothing."""


@dataclass(slots=True)
class PendingWrite:
    what: str  # for the reviewer: "your decision on a finding in “Scope”"
    write: Write
    owner: ReviewOwner
    review_id: int | None  # None: the owner's review could not be opened yet
    key: object = None  # a later write with the same key replaces this one


class Storage:
    def __init__(self, folder: Callable[[], Path] = paths.data_dir, *,
                 memory_fallback: bool = False) -> None:
        self._folder = folder
        self._memory_fallback = memory_fallback
        self.db: Database | None = None
        self.store: ReviewStore | None = None
        self.saved = True  # False: the store is in memory, gone when the run ends
        self.notice = ""  # what the reviewer must know about the store (a damaged one replaced)
        self.error = ""  # why the last write failed; "" once everything is saved
        self.lost: list[str] = []  # writes refused as bugs: not saved, not retried
        self._pending: list[PendingWrite] = []
        self._cache: SafeCache | None = None
        self.listeners: list[Callable[[], None]] = []
        # Every write, here and on an analysis thread (`write_elsewhere`), holds it: a
        # write kept for later and a write made elsewhere cannot cross.
        self._lock = threading.RLock()
        self._side: ReviewStore | None = None  # the second connection, for `write_elsewhere`

    # -- state ----------------------------------------------------------------------

    @property
    def unsaved(self) -> list[str]:
        """What is held in memory only, oldest first."""
        return [p.what for p in self._pending]

    def open(self) -> ReviewStore | None:
        """The one ReviewStore (the result cache shares its database); None if it cannot
        open, `error` then says why."""
        if self.db is None:
            try:
                opened = open_store(self._folder(), memory_fallback=self._memory_fallback)
            except StoreError as err:
                self._set_error(err)
            else:
                self.db, self.saved, self.notice = opened.db, opened.saved, opened.notice
                self.store = ReviewStore(opened.db)
        return self.store

    def fall_back_to_memory(self, err: StoreError) -> bool:
        """The store refused the first write (full, read-only, damaged past what the
        check saw): with `memory_fallback`, the run goes on in memory (True)."""
        with self._lock:  # no answer is saved elsewhere while the store changes
            if not self._memory_fallback or not self.saved or self.db is None:
                return False
            path = self.db.path
            self._close_side()
            self.db.close()
            opened = in_memory(str(err), path)
            if self.notice:
                opened.notice = f"{self.notice}; then {opened.notice}"
            self.db, self.saved, self.notice = opened.db, opened.saved, opened.notice
            self.store, self._cache = ReviewStore(opened.db), None
            return True

    def result_cache(self) -> SafeCache | None:
        """The dispatchers' result cache; analysis works without it (and asks again)."""
        if self._cache is None and self.open() is not None and self.db is not None:
            self._cache = SafeCache(ResultCache(self.db))
        return self._cache

    def flush_cache(self) -> None:
        """Write the answers the result cache keeps (one commit), if it is open."""
        if self._cache is not None:
            self._cache.flush()

    def close(self) -> None:
        with self._lock:  # no answer is saved elsewhere while the store closes
            if self._cache is not None:
                self._cache.flush()
            self._close_side()
            if self.db is not None:
                self.db.close()
            self.db = self.store = self._cache = None

    def _close_side(self) -> None:
        with self._lock:  # not while an analysis thread writes on it
            if self._side is not None:
                self._side.db.close()
            self._side = None

    # -- writes ---------------------------------------------------------------------------

    def write(self, owner: ReviewOwner, what: str, write: Write, *, key: object = None) -> Any:
        """Write now, or keep the write for later; its result, or None when kept.
        A kept write with the same `key` (an answer saved as it grows) is replaced."""
        with self._lock:
            review_id = owner.review_id
            pending = PendingWrite(what, write, owner, review_id, key)
            if self._pending or review_id is None or self.store is None:
                self._keep(pending)
                self.retry()
                return None
            try:
                return write(self.store, review_id)
            except StoreEnvironmentError as err:
                self._keep(pending)
                self._set_error(err)
            except StoreBugError as err:
                log.exception("not saved: %s", what)
                self.lost.append(what)
                self._set_error(err)
        self.notify()
        return None

    def write_elsewhere(self, owner: ReviewOwner, write: Write) -> tuple[int, Any] | None:
        """From another thread than the owner's (an analysis thread saving its answer):
        (review id, what `write` returned) once it is committed, on the second
        connection; None when it was not written, and the owner's thread must `write`
        it as usual: something waits to be written before it, the review or the store
        is not open, the store is in memory (private to its connection), or the
        write failed (the owner's thread meets the failure again, and keeps, retries
        or reports it like any other)."""
        with self._lock:
            review_id = owner.review_id
            if (self._pending or review_id is None or self.store is None or self.db is None
                    or not self.saved):
                return None
            try:
                if self._side is None:
                    self._side = ReviewStore(self.db.sibling())
                return review_id, write(self._side, review_id)
            except StoreError as err:
                log.warning("an answer left for the window's thread to save: %s", err)
                return None

    def _keep(self, pending: PendingWrite) -> None:
        if pending.key is not None:
            for i, p in enumerate(self._pending):
                if p.key is pending.key and p.owner is pending.owner:
                    self._pending[i] = pending
                    return
        self._pending.append(pending)

    def retry(self) -> bool:
        """Write what waits, in order; True when nothing is left."""
        with self._lock:
            return self._retry()

    def _retry(self) -> bool:
        if self.open() is None or self.store is None:
            self.notify()
            return False
        while self._pending:
            p = self._pending[0]
            review_id = p.review_id if p.review_id is not None else p.owner.review_id
            if review_id is None:
                p.owner.open_review()
                review_id = p.owner.review_id
            if review_id is None:
                break  # its review still cannot open: `error` says why
            try:
                p.write(self.store, review_id)
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
        self.notify()
        return not self._pending

    def drop_unopened(self, owner: ReviewOwner) -> None:
        """The session is closing: its writes for a review that never opened are lost."""
        if owner.review_id is not None:
            return  # they know where to go now
        dropped = [p for p in self._pending if p.owner is owner and p.review_id is None]
        if dropped:
            self._pending = [p for p in self._pending if p not in dropped]
            self.lost += [p.what for p in dropped]
            log.error("%d changes were never saved: the review could not be opened",
                      len(dropped))
            self.notify()

    def forget_review(self, review_id: int) -> None:
        """Its data was deleted: what waited to be written there goes too (SQLite
        may give a new review the same id)."""
        self._pending = [p for p in self._pending if p.review_id != review_id]
        self.notify()

    def discard_pending(self) -> list[str]:
        """Give up on what waits (the reviewer chose to close without it)."""
        dropped = self.unsaved
        self._pending.clear()
        self.notify()
        return dropped

    def notify(self) -> None:
        for listener in list(self.listeners):
            listener()

    def set_error(self, err: StoreError) -> None:
        """A failure met outside `write` (a read): said like one."""
        self._set_error(err)
        self.notify()

    def _set_error(self, err: StoreError) -> None:
        self.error = str(err)
        log.error("review store: %s", err)

    # -- batch jobs ------------------------------------------------------------------------

    def save_batch_job(self, job_name: str, handle: str, job_arn: str | None,
                       state: str = batch_jobs.PREPARED) -> None:
        """Store a batch job's handle at once (not queued: a job the store does not hold
        cannot be resumed, so the caller must hear of it); raises StoreError."""
        db = self._db_or_raise()
        batch_jobs.save_job(db, job_name, handle, job_arn, state)

    def set_batch_state(self, job_name: str, state: str, message: str = "", *,
                        open: bool = True) -> None:
        """The job's last state seen; `open=False` once nothing is left to resume.
        Raises StoreError."""
        batch_jobs.set_state(self._db_or_raise(), job_name, state, message, open=open)

    def batch_jobs(self, *, open_only: bool = True) -> list[StoredBatchJob]:
        """Batch jobs the store holds (those to resume, by default); raises StoreError."""
        return batch_jobs.jobs(self._db_or_raise(), open_only=open_only)

    def _db_or_raise(self) -> Database:
        self.open()
        if self.db is None:
            raise StoreEnvironmentError(self.error or "the review store cannot be opened")
        return self.db

    # -- the reviews list ----------------------------------------------------------------

    def list_reviews(self) -> list[ReviewSummary]:
        """Every stored review, newest first; raises StoreError."""
        store = self.open()
        if store is None:
            raise StoreEnvironmentError(self.error or "the review store cannot be opened")
        return store.list_reviews()

    def delete_review(self, review_id: int) -> bool:
        store = self.open()
        if store is None:
            raise StoreEnvironmentError(self.error or "the review store cannot be opened")
        deleted = store.delete_review(review_id)
        self.forget_review(review_id)
        return deleted
