"""Work on a thread pool, reported back through Qt signals: the one job base and runner.

The superqt pattern: a job (`JobBase`) is a `QRunnable` that owns a
`JobSignals` QObject, a cancel token and the guard that keeps a late emit
from failing once the app is gone. Its work never sees Qt; it returns a value
or raises, and the job turns that into `finished(result)`, `failed(error)` or
`cancelled()`, delivered on the thread the signals object lives in (the GUI
thread). Jobs never touch widgets. `Job` runs a plain callable;
`AnalysisJob` (a section) and `ChatJob` (a streamed answer) are the others.

A `JobRunner` keeps a reference to every job until its last signal has been
delivered (a runnable nobody holds may be collected with its signals object
while queued signals are on their way), and lets go of it afterwards, on its
own thread, so that thousands of analysis jobs do not pile up in memory. The
dispatcher runs its jobs on one too.
"""

from __future__ import annotations

import itertools
import logging
import time
import weakref
from collections.abc import Callable
from functools import partial
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from desktop_app.ai.provider import Cancelled, CancelToken

log = logging.getLogger(__name__)

_runners: weakref.WeakSet[JobRunner] = weakref.WeakSet()


class JobSignals(QObject):
    started = Signal()
    finished = Signal(object)  # what `work()` returned
    failed = Signal(object)  # what it raised (a subclass may say it in its own terms)
    cancelled = Signal()  # cancelled before it started, or it stopped at a cancel


class JobBase(QRunnable):
    """One piece of work on a pool thread, reported through `self.signals`.

    Subclasses write `work()` (and, to report a failure in their own terms,
    `failure()`); `run()` turns what it does into exactly one of `finished`,
    `failed` or `cancelled`, after `started`. Long work checks `self.token` (or
    `is_cancelled`) between steps and raises `Cancelled` there. The signals
    object lives on the thread that made the job, so its slots run there.

    Connect to `job.signals` before handing the job to `JobRunner.start`:
    a signal emitted before anyone is connected is gone.
    """

    signals_class: type[JobSignals] = JobSignals

    def __init__(self) -> None:
        super().__init__()
        # The runner, not the pool, deletes the C++ runnable, on its own thread:
        # see JobRunner._flush for why.
        self.setAutoDelete(False)
        self.signals = self.signals_class()
        self.token = CancelToken()
        self.submitted_at = 0.0  # perf_counter when handed over (the benchmarks read these)
        self.started_at = 0.0  # when a pool thread picked it up
        self.reported_at = 0.0  # just before `finished`

    def cancel(self) -> None:
        """Ask the job to stop: not to start, or to end at its next check."""
        self.token.cancel()

    @property
    def is_cancelled(self) -> bool:
        return self.token.cancelled

    def work(self) -> Any:
        raise NotImplementedError

    def failure(self, exc: BaseException) -> object:
        """What `failed` carries for `exc`."""
        return exc

    def run(self) -> None:
        self.started_at = time.perf_counter()
        if self.token.cancelled:
            self.emit(self.signals.cancelled)
            return
        self.emit(self.signals.started)
        try:
            result = self.work()
        except Cancelled:
            self.emit(self.signals.cancelled)
        except BaseException as exc:  # every failure is reported; none may escape a pool thread
            self.emit(self.signals.failed, self.failure(exc))
        else:
            self.reported_at = time.perf_counter()
            self.emit(self.signals.finished, result)

    def emit(self, signal: Any, *args: Any) -> None:
        """Emit, unless the signals object is gone: the app quit while this work was
        in flight, and nobody is left to tell."""
        try:
            signal.emit(*args)
        except RuntimeError:
            pass


class Job(JobBase):
    """One call of `fn(*args, **kwargs)`; `failed` carries the exception it raised."""

    def __init__(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> None:
        super().__init__()
        self.fn = fn
        self.args = args
        self.kwargs = kwargs

    def work(self) -> Any:
        return self.fn(*self.args, **self.kwargs)


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
        self._jobs: dict[int, JobBase] = {}
        self._tickets = itertools.count()
        # Reported jobs whose pool thread may not have returned from run() yet.
        self._retired: list[JobBase] = []
        _runners.add(self)

    @property
    def active(self) -> int:
        """Jobs started and not yet reported back (queued or running)."""
        return len(self._jobs)

    def start(self, job: JobBase, priority: int = 0) -> JobBase:
        """Queue `job`; connect to `job.signals` before calling this."""
        job.submitted_at = time.perf_counter()
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

    def cancel(self, job: JobBase) -> bool:
        """Cancel `job`: a queued one is taken back and reports `cancelled` here (True);
        a running one is asked to stop and reports when it does."""
        job.cancel()
        # A job taken back from the queue never runs, so report for it here.
        if self.pool.tryTake(job):
            job.signals.cancelled.emit()
            return True
        return False

    @Slot()
    def cancel_all(self) -> None:
        """Cancel every job: queued ones report `cancelled`, running ones end at their
        next check (a plain `Job` cannot check: it finishes)."""
        for job in list(self._jobs.values()):
            self.cancel(job)

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
