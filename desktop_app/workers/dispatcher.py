"""The analysis dispatcher: sections in, per-section signals and progress out.

One `AnalysisJob` per section, run by a `JobRunner` (workers/jobs.py: it
holds each job until it has reported and frees it on this thread). The
dispatcher lives on the GUI (or CLI main) thread, answers unchanged sections
from the result cache, and turns job signals into the per-section state (one
`SectionStatus`) that the session driver records for the window and `margin
review`. The provider does the retries, fallbacks and pacing; the pool only
bounds the threads. While a run is busy the provider's pace (plain data:
throttled or not, the requests and tokens per minute settled on) is read once
a second and carried on `Progress`, so both front ends can say what Bedrock
is doing and the ETA follows the pace. Given a `presave`, each job saves its
answer before reporting it, and `saved` holds what that returned until the
answer's receiver takes it (`take_saved`). A job that has its answer and is
saving it no longer counts against the concurrency: its successor starts
then, on a spare thread (the pool has one per job for this), so that a wave of
answers saved one after another does not hold back the next wave's requests.

Queued sections wait here, not in the pool: the pool gets a job only when a
thread is free. Handing it all of them at once starts ten workers while the
GUI thread is still submitting the rest, and the two fight over the GIL
(measured: the submitting call went from 15 to 50 ms). It also makes
cancelling a queued section a plain removal.
"""

from __future__ import annotations

import logging
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from desktop_app.ai.context import DocumentContext
from desktop_app.ai.pacer import PaceState
from desktop_app.ai.provider import AnalysisResult, Provider, ProviderError, context_identity
from desktop_app.document.model import Section
from desktop_app.review.findings import assign_ids
from desktop_app.review.frameworks import Framework
from desktop_app.review.status import SectionStatus
from desktop_app.store.results import ResultCache, cache_key, framework_identity, section_hash
from desktop_app.workers.analysis_job import AnalysisJob, SectionTask
from desktop_app.workers.jobs import JobRunner

log = logging.getLogger(__name__)  # counts, ids and error kinds: never section text


TERMINAL = (SectionStatus.DONE, SectionStatus.FAILED, SectionStatus.CANCELLED)
PACE_POLL_MS = 1000  # how often a busy run reads the provider's pace


@dataclass(slots=True)
class Progress:
    total: int = 0
    done: int = 0
    failed: int = 0
    cancelled: int = 0
    running: int = 0
    cached: int = 0
    started_at: float = field(default_factory=time.monotonic)
    pace: PaceState | None = None  # the provider's pacing, when it has any

    @property
    def finished(self) -> int:
        return self.done + self.failed + self.cancelled

    @property
    def eta_seconds(self) -> float | None:
        """Remaining time; None until something finished (or a pace is known).

        While the account's quota sets the pace (Bedrock throttles, or requests
        wait for the pace): the sections left at the rate the pacer settled on.
        Otherwise the pace of the run so far.
        """
        live = self.finished - self.cached  # cache answers are instant: leave them out
        remaining = self.total - self.finished
        if remaining <= 0:
            return 0.0
        pace = self.pace
        if pace is not None and pace.limiting and pace.sends_per_minute:
            return remaining / (pace.sends_per_minute / 60)
        if live <= 0:
            return None
        elapsed = time.monotonic() - self.started_at
        return elapsed / live * remaining


class Dispatcher(QObject):
    section_state_changed = Signal(str, object)  # section id, SectionStatus
    section_finished = Signal(str, object)  # section id, AnalysisResult
    section_failed = Signal(str, object)  # section id, ProviderError
    progress_changed = Signal(object)  # Progress
    provider_unusable = Signal(object)  # a fatal ProviderError: every queued job cancelled
    run_finished = Signal(object)  # Progress, when nothing is queued or running

    def __init__(self, provider: Provider, framework: Framework, *,
                 cache: ResultCache | None = None, max_threads: int = 8,
                 document_title: str = "", context: DocumentContext | None = None,
                 facts: bool = False,
                 presave: Callable[[str, AnalysisResult], object] | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.presave = presave  # runs on the job's thread (AnalysisJob)
        self.saved: dict[str, object] = {}  # section id -> what presave returned
        self.provider = provider
        self.framework = framework
        self.cache = cache
        self.document_title = document_title
        self.context = context  # shared by every request; part of the answers' identity
        self.facts = facts  # ask each section for its key facts too
        # The jobs run on a JobRunner, which holds each until it has reported and
        # frees it on this thread (workers/jobs.py); the dispatcher keeps the
        # sections' side: what waits for a thread, what runs, what came back.
        self.threads = max(1, max_threads)  # sections requesting at once
        self.runner = JobRunner(self, max_threads=self.threads * (2 if presave else 1))
        self.pool = self.runner.pool
        self._saving: set[str] = set()  # answered, saving (`presave`): not requesting
        self.states: dict[str, SectionStatus] = {}
        self.errors: dict[str, ProviderError] = {}
        self.progress = Progress()
        self._jobs: dict[str, AnalysisJob] = {}  # handed to the runner, not yet reported
        self._pending: OrderedDict[str, SectionTask] = OrderedDict()  # waiting for a thread
        self._tasks: dict[str, SectionTask] = {}
        self._keys: dict[str, tuple[str, str, str, str]] = {}
        # Sections whose text another job is asking about right now (`SafeCache.claim`):
        # they take that answer from the cache when it is in (key -> section ids).
        self._waiting: dict[str, list[str]] = {}
        self._claimed: dict[str, str] = {}  # section id -> the key its job asks for
        self._forced: set[str] = set()  # re-analysed on purpose: never from the cache
        if callable(getattr(cache, "on_release", None)):
            cache.on_release(self._released)  # type: ignore[union-attr]
        self._framework_id = framework_identity(framework)
        self.pickup_seconds: list[float] = []  # submit -> job running, for the benchmark
        self.reported_at: dict[str, float] = {}  # job's result emit time, for the benchmark
        self._pace_timer = QTimer(self)
        self._pace_timer.setInterval(PACE_POLL_MS)
        self._pace_timer.timeout.connect(self._poll_pace)
        self._pump_timer = QTimer(self)  # the next queued section, next turn (`_pump`)
        self._pump_timer.setSingleShot(True)
        self._pump_timer.setInterval(0)
        self._pump_timer.timeout.connect(self._pump)

    # -- public API ------------------------------------------------------

    def analyse(self, sections: list[Section], force: bool = False) -> None:
        """Queue these sections; unchanged ones come from the cache unless forced."""
        if not self.busy:
            self.progress = Progress()
        provider_id = self.provider_id()
        cached_before = self.progress.cached
        tasks: list[tuple[SectionTask, str, str]] = []
        for section in sections:
            if section.id in self._pending or section.id in self._jobs:
                continue
            if not section.reviewable:  # a table of contents: nothing in it to review
                continue
            task = SectionTask.from_section(section)
            sec_hash = section_hash(task.title, task.text)
            tasks.append((task, sec_hash, cache_key(sec_hash, self._framework_id, provider_id)))
        # One query for the whole run where the cache can (a query a section was
        # measured at ~0.6 ms each on the GUI thread). A key met again reads again,
        # so that no two sections share one result object.
        get_many = getattr(self.cache, "get_many", None)
        batch = callable(get_many) and not force
        found = get_many([key for _, _, key in tasks]) if batch else {}
        taken: set[str] = set()
        for task, sec_hash, key in tasks:
            if task.section_id in self._pending or task.section_id in self._jobs:
                continue  # named twice in `sections`
            self._tasks[task.section_id] = task
            self._keys[task.section_id] = (key, sec_hash, self._framework_id, provider_id)
            if force:
                self._forced.add(task.section_id)
            else:
                self._forced.discard(task.section_id)
            self.progress.total += 1
            self.errors.pop(task.section_id, None)
            if force or self.cache is None:
                cached = None
            elif batch and key not in taken:
                taken.add(key)
                cached = found.pop(key, None)
            else:
                cached = self.cache.get(key)
            if cached is not None:
                cached.from_cache = True
                # The cache is keyed by text, so that an unchanged or moved section
                # costs nothing; the answer may have been made for a twin section
                # of the same text. Ids are the section's own (the same as before
                # for the same section): two sections never share a finding id.
                assign_ids(task.section_id, cached.findings)
                self.progress.cached += 1
                self._finish(task.section_id, cached)
                continue
            self._submit(task)
        log.info("analysis started: %d sections (%d answered from the cache), provider %s",
                 len(sections), self.progress.cached - cached_before, self.provider.name)
        self._emit_progress()
        # Jobs start from the next turn on, one a turn: a started thread competes
        # for the GIL at once, and the click that queued the sections returns first.
        self._pump_timer.start()

    def provider_id(self) -> str:
        """What, besides the text and the framework, decides an answer."""
        return context_identity(self.provider.cache_identity(), self.context) or ""

    def uncached(self, sections: list[Section]) -> list[Section]:
        """The sections `analyse` would ask the provider about (the rest it answers from
        the cache): what an estimate counts. One query."""
        has = getattr(self.cache, "has_many", None)
        if not callable(has):
            return list(sections)
        provider_id = self.provider_id()
        keys = {s.id: cache_key(section_hash(s.title, s.text), self._framework_id, provider_id)
                for s in sections}
        found = has(list(keys.values()))
        return [s for s in sections if keys[s.id] not in found]

    def retry_failed(self) -> None:
        failed = [sid for sid, st in self.states.items() if st is SectionStatus.FAILED]
        if not self.busy:
            self.progress = Progress()
        for sid in failed:
            self.progress.total += 1
            self.errors.pop(sid, None)
            self._submit(self._tasks[sid])
        self._pump()
        self._emit_progress()

    @Slot(str)
    def cancel(self, section_id: str) -> None:
        if self._pending.pop(section_id, None) is not None:
            self._on_cancelled(section_id)
            return
        for key, sids in list(self._waiting.items()):
            if section_id in sids:
                sids.remove(section_id)
                if not sids:
                    del self._waiting[key]
                self._on_cancelled(section_id)
                return
        job = self._jobs.get(section_id)
        if job is not None:
            self.runner.cancel(job)  # reports at once if no thread had picked it up

    @Slot()
    def cancel_all(self) -> None:
        waiting = [sid for sids in self._waiting.values() for sid in sids]
        for sid in list(self._pending) + waiting + list(self._jobs):
            self.cancel(sid)

    @property
    def busy(self) -> bool:
        return bool(self._jobs or self._pending or self._waiting)

    def shutdown(self, timeout_ms: int = 30_000) -> bool:
        """Cancel everything and wait for running jobs; False if some did not stop."""
        self.cancel_all()
        stopped = self.runner.shutdown(timeout_ms)
        for sid in list(self._claimed):  # never leave another document's section waiting
            self._release(sid)
        return stopped

    # -- internals -------------------------------------------------------

    def _submit(self, task: SectionTask) -> None:
        self._pending[task.section_id] = task
        self._set_state(task.section_id, SectionStatus.QUEUED)

    def _pump(self) -> None:
        """Hand a queued section to the pool if it has an idle thread; the next on
        the next turn of the event loop. Ten jobs started at once hold the GIL
        together while they build their first requests (~85 ms of GUI stall in
        bench/window_bench.py); the pacer spaces requests 8 ms apart anyway,
        so starting them a turn apart costs no throughput."""
        if self._pending and self._requesting() < self.threads:
            sid, task = self._pending.popitem(last=False)
            key = self._keys[sid][0] if sid in self._keys else ""
            if key and sid not in self._forced and self._answered_meanwhile(sid, key):
                self._pump_timer.start()  # the next queued section, next turn
                return
            claim = getattr(self.cache, "claim", None)
            if key and callable(claim) and sid not in self._forced:
                if not claim(key):
                    self._waiting.setdefault(key, []).append(sid)
                    self._pump_timer.start()  # the next queued section, next turn
                    return
                self._claimed[sid] = key
            job = AnalysisJob(task, self.provider, self.framework, self.document_title,
                              self.context, self.facts, self.presave)
            signals = job.signals
            signals.started.connect(partial(self._on_started, sid))
            signals.answered.connect(partial(self._on_answered, sid))
            signals.finished.connect(partial(self._on_finished, sid))
            signals.failed.connect(partial(self._on_failed, sid))
            signals.cancelled.connect(partial(self._on_cancelled, sid))
            self._jobs[sid] = job
            self.runner.start(job)
            if self._pending and self._requesting() < self.threads:
                self._pump_timer.start()

    def _requesting(self) -> int:
        return len(self._jobs) - len(self._saving)

    def _on_answered(self, sid: str) -> None:
        if sid in self._jobs:
            self._saving.add(sid)
            self._pump_timer.start()  # its successor, next turn

    def _set_state(self, sid: str, state: SectionStatus) -> None:
        self.states[sid] = state
        self.section_state_changed.emit(sid, state)

    def _on_started(self, sid: str) -> None:
        job = self._jobs.get(sid)
        if job is not None:
            self.pickup_seconds.append(job.started_at - job.submitted_at)
        self.progress.running += 1
        self._set_state(sid, SectionStatus.RUNNING)
        self._emit_progress()

    def take_saved(self, sid: str) -> object:
        """What the job's `presave` returned for the answer just reported (None: none)."""
        return self.saved.pop(sid, None)

    def _on_finished(self, sid: str, result: AnalysisResult) -> None:
        job = self._jobs.get(sid)
        if job is not None and job.saved is not None:
            self.saved[sid] = job.saved
        self._retire(sid, was_running=True)
        if self.cache is not None:
            key, sec_hash, fw_id, prov_id = self._keys[sid]
            self.cache.put(key, sec_hash, fw_id, prov_id, result)
        self._finish(sid, result)
        self._release(sid)  # after the put: a section waiting for it takes this answer
        self._emit_progress()

    def _release(self, sid: str) -> None:
        key = self._claimed.pop(sid, None)
        if key is not None:
            self.cache.release(key)  # type: ignore[union-attr]

    def _released(self, key: str) -> None:
        """Another job's request for `key` is over: its answer is in the cache (each
        waiting section takes it, as from the cache), or it failed (they ask)."""
        sids = self._waiting.pop(key, None)
        if not sids:
            return
        for sid in sids:
            cached = self.cache.get(key) if self.cache is not None else None
            if cached is not None:
                self._finish_cached(sid, cached)
            else:
                self._pending[sid] = self._tasks[sid]
                self._pending.move_to_end(sid, last=False)
        self._pump_timer.start()
        self._emit_progress()

    def _answered_meanwhile(self, sid: str, key: str) -> bool:
        """A twin section (the same text, in another document of a folder run) was
        answered after this one was queued: take that answer rather than ask again."""
        answered = getattr(self.cache, "answered", None)
        if not callable(answered) or not answered(key):
            return False
        cached = self.cache.get(key)  # type: ignore[union-attr]
        if cached is None:
            return False
        self._finish_cached(sid, cached)
        self._emit_progress()
        return True

    def _finish_cached(self, sid: str, cached: AnalysisResult) -> None:
        cached.from_cache = True
        assign_ids(sid, cached.findings)
        self.progress.cached += 1
        self._finish(sid, cached)

    def _finish(self, sid: str, result: AnalysisResult) -> None:
        self.progress.done += 1
        self._set_state(sid, SectionStatus.DONE)
        self.section_finished.emit(sid, result)

    def _on_failed(self, sid: str, error: ProviderError) -> None:
        self._retire(sid, was_running=True)
        self._release(sid)
        self.errors[sid] = error
        log.info("section %s failed (%s%s): %s", sid, error.kind.value,
                 ", fatal" if error.fatal else "", error.message)
        self.progress.failed += 1
        self._set_state(sid, SectionStatus.FAILED)
        self.section_failed.emit(sid, error)
        if error.fatal:
            self.cancel_all()
            self.provider_unusable.emit(error)
        self._emit_progress()

    def _on_cancelled(self, sid: str) -> None:
        job = self._jobs.get(sid)
        was_running = job is not None and job.started_at > 0
        self._retire(sid, was_running=was_running)
        self._release(sid)
        self.progress.cancelled += 1
        self._set_state(sid, SectionStatus.CANCELLED)
        self._emit_progress()

    def _retire(self, sid: str, was_running: bool) -> None:
        job = self._jobs.pop(sid, None)
        self._saving.discard(sid)
        if job is None:
            return
        self.reported_at[sid] = job.reported_at
        if was_running and job.started_at > 0:
            self.progress.running = max(0, self.progress.running - 1)
        # Its thread is free (the runner lets go of the job after this): the next
        # section starts next turn. Ten answers often arrive in one turn, and starting
        # their ten successors in it too (~0.5 ms each) made that turn a stall.
        self._pump_timer.start()

    def _pace(self) -> PaceState | None:
        read = getattr(self.provider, "pace_state", None)  # the built-in reviewer has none
        return read() if callable(read) else None

    @Slot()
    def _poll_pace(self) -> None:
        if not self.busy:
            self._pace_timer.stop()
            return
        pace = self._pace()
        if pace != self.progress.pace:
            self.progress.pace = pace
            self.progress_changed.emit(self.progress)

    def _emit_progress(self) -> None:
        if self.busy:
            self.progress.pace = self._pace()
            if not self._pace_timer.isActive():
                self._pace_timer.start()
        self.progress_changed.emit(self.progress)
        if not self.busy:
            self._pace_timer.stop()
            p = self.progress
            log.info("analysis finished: %d done (%d from the cache), %d failed, %d cancelled",
                     p.done, p.cached, p.failed, p.cancelled)
            self.run_finished.emit(self.progress)
