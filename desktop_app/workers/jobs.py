"""Run plain callables on a thread pool and report back through Qt signals.

The superqt pattern: a `Job` is a `QRunnable` that owns a `JobSignals` QObject.
The callable never sees Qt; it returns a value or raises, and the job turns
that into `finished(result)` or `failed(exception)`, delivered on the thread
the signals object lives in (the GUI thread). Jobs never touch widgets.

A `JobRunner` keeps a reference to every job until its last signal has been
delivered (a runnable nobody holds may be collected with its signals object
while queued signals are on their way), and lets go of it afterwards, on the
GUI thread, so that thousands of analysis jobs do not pile up in memory.
"""

from __future__ import annotations

import itertools
import logging
import threading
import weakref
from collections.abc import Callable
from functools import partial
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)

_runners: weakref.WeakSet[JobRunner] = weakref.WeakSet()


class JobSignals(QObject):
    started = Signal()
    finished = Signal(object)  # the callable's return value
    failed = Signal(object)  # the exception it raised
    cancelled = Signal()  # cancelled before it started running


class Job(QRunnable):
    """One call of `fn(*args, **kwargs)` on a pool thread.

    Connect to `job.signals` before handing the job to `JobRunner.start`:
    a signal emitted before anyone is connected is gone.
    """

    def __init__(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> None:
        super().__init__()
        # The runner, not the pool, deletes the C++ runnable, on the GUI thread:
        # see JobRunner._flush for why.
        self.setAutoDelete(False)
        self.fn = fn
        self.args = args
        self.kwargs = kwargs
        self.signals = JobSignals()
        self._cancel = threading.Event()

    def cancel(self) -> None:
        """Ask the job not to run. A job already running is not interrupted."""
        self._cancel.set()

    @property
    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    def run(self) -> None:
        if self._cancel.is_set():
            self.signals.cancelled.emit()
            return
        self.signals.started.emit()
        try:
            result = self.fn(*self.args, **self.kwargs)
        except BaseException as exc:  # every failure is reported; none may escape a pool thread
            self.signals.failed.emit(exc)
        else:
            self.signals.finished.emit(result)


class JobRunner(QObject):
    """Starts jobs on a `QThreadPool` and holds them until they report back."""

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        pool: QThreadPool | None = None,
        max_threads: int | None = None,
    ) -> None:
        super().__init__(parent)
        self.pool = pool if pool is not None else QThreadPool(self)
        if max_threads is not None:
            self.pool.setMaxThreadCount(max_threads)
        # By ticket, not by job: after run() the job's C++ half is gone, and
        # id() values are reused. Insertion-ordered, so cancels go in start order.
        self._jobs: dict[int, Job] = {}
        self._tickets = itertools.count()
        # Reported jobs whose pool thread may not have returned from run() yet.
        self._retired: list[Job] = []
        _runners.add(self)

    @property
    def active(self) -> int:
        """Jobs started and not yet reported back (queued or running)."""
        return len(self._jobs)

    def start(self, job: Job, priority: int = 0) -> Job:
        """Queue `job`; connect to `job.signals` before calling this."""
        ticket = next(self._tickets)
        self._jobs[ticket] = job
        # Connected after the caller's slots, so they run before the release.
        # A ticket, not a closure over the job: job -> signals -> connection ->
        # job would be a cycle through C++ that the garbage collector cannot see.
        release = partial(self._release, ticket)
        job.signals.finished.connect(release)
        job.signals.failed.connect(release)
        job.signals.cancelled.connect(release)
        self.pool.start(job, priority)
        return job

    @Slot()
    def cancel_all(self) -> None:
        """Cancel every queued job (each reports `cancelled`); running ones finish."""
        for job in list(self._jobs.values()):
            job.cancel()
            # A job taken back from the queue never runs, so report for it here.
            if self.pool.tryTake(job):
                job.signals.cancelled.emit()

    def shutdown(self, timeout_ms: int = 30_000) -> bool:
        """Cancel queued jobs and wait for running ones. False if some still run."""
        self.cancel_all()
        self.pool.clear()
        done = self.pool.waitForDone(timeout_ms)
        if not done:
            log.error("jobs still running %d ms after shutdown was asked", timeout_ms)
            return False
        # Every job has returned. Their last signals may still be queued: the
        # receivers must expect late arrivals (MainWindow ignores stale loads).
        self._retired.extend(self._jobs.values())
        self._jobs.clear()
        self._flush()
        return True

    def _release(self, ticket: int, *_outcome: object) -> None:
        # The signal arrives here while the pool thread may still be inside
        # run(), so the job cannot go yet: it is retired, and freed once every
        # pool thread is idle.
        job = self._jobs.pop(ticket, None)
        if job is not None:
            self._retired.append(job)
        if self.pool.activeThreadCount() == 0:
            self._flush()

    def _flush(self) -> None:
        """Free retired jobs; only call when no pool thread is inside run().

        PySide's QThreadPool.start keeps a reference from the pool to the
        Python runnable, and drops it only when the C++ runnable is deleted.
        With autoDelete the pool deletes it on the pool thread, and PySide
        6.11 then sometimes keeps the reference anyway (a job leaked in about
        one run in five of test_jobs_are_freed_once_reported). Deleting it
        here, on this thread, after run() has returned, is deterministic, and
        the signals QObject dies on the thread it belongs to.
        """
        retired, self._retired = self._retired, []
        for job in retired:
            if shiboken6.isValid(job):
                shiboken6.delete(job)


def live_runners() -> list[JobRunner]:
    """Every JobRunner not yet garbage-collected (for test teardown)."""
    return list(_runners)
