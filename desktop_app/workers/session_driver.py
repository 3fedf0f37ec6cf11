"""Runs a review session's analyses: the thin Qt layer the window and `margin review` share.

    driver = SessionDriver()
    driver.set_session(session)        # a ReviewSession (Qt-free)
    driver.set_provider(setup)         # a ProviderSetup; may be shared by several drivers
    driver.sections_changed.connect(...)   # {section id: SectionStatus}: read the session
    driver.analyse(sections)

It builds a `Dispatcher` for the session's framework and the provider, and
turns the dispatcher's signals into the session's state: a status change at
once, an answer or a failure recorded in the session one per turn of the event
loop, and the run's end only after its last answer is in. Each answer is
saved by the job that got it, on its thread (`ReviewSession.save_answer`), so
that this thread only holds and shows it; one it could not save is saved here,
on its turn. What
changed is announced once a turn, for every section at once (`sections_changed`):
Analyse All queues a hundred sections in one click, and a signal each, with
the window's work for each, was most of that click. The result cache's rows
are written apart from the answers, a few seconds' worth in one commit:
each commit used to wait for the disk (now a syncer thread does,
store/db.py), and one per answer on top of the review's own doubled the time
each answer held the thread (bench/window_bench.py). The review has every
answer meanwhile.

A new session or provider (or `refresh`, for a new framework) retires the
dispatcher: it is cancelled and drained, what its jobs reported meanwhile is
recorded in the session it belongs to, and only then is it silenced, so that
no late signal lands in the next review. `Dispatcher` is imported on first
use: it pulls in the anchoring, which the window does not need to open.
"""

from __future__ import annotations

import logging
import weakref
from collections import deque
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

from desktop_app.ai.provider import AnalysisResult, ProviderError
from desktop_app.document import Section
from desktop_app.review.status import SectionStatus
from desktop_app.session import (
    CONSISTENCY,
    RULES,
    PassOutcome,
    ProviderSetup,
    ReviewSession,
    SavedAnswer,
)
from desktop_app.workers.jobs import JobRunner

if TYPE_CHECKING:
    from desktop_app.workers.dispatcher import Dispatcher, Progress
    from desktop_app.workers.document_check_job import DocumentCheckJob

log = logging.getLogger(__name__)

_DRAIN_MS = 30_000
CACHE_WRITE_MS = 3_000  # the result cache's rows wait at most this long to be written


class SessionDriver(QObject):
    sections_changed = Signal(object)  # {section id: its SectionStatus now}, once a turn
    progress_changed = Signal(object)  # Progress
    run_finished = Signal(object)  # Progress, once its last answer is recorded
    busy_changed = Signal(bool)
    provider_unusable = Signal(object)  # a fatal ProviderError: every queued job cancelled
    provider_wanted = Signal()  # asked to analyse with no provider: it waits for one
    # The passes over the whole document (cross-section checks, consistency):
    document_check_started = Signal()
    document_check_progress = Signal(str)  # what is being checked now
    document_changed = Signal()  # the document-level findings changed: read the session
    document_check_finished = Signal(object)  # [PassOutcome] recorded; None: cancelled

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session: ReviewSession | None = None
        self.setup: ProviderSetup | None = None
        self._dispatcher: Dispatcher | None = None
        self._waiting: list[tuple[list[Section], bool]] = []  # until a provider is given
        self._busy = False
        self._closed = False
        self._arrivals: deque[tuple[str, AnalysisResult | ProviderError, object]] = deque()
        self._finished_run: Progress | None = None  # announced once the arrivals are in
        self._arrival_timer = QTimer(self)
        self._arrival_timer.setSingleShot(True)
        self._arrival_timer.setInterval(0)
        self._arrival_timer.timeout.connect(self._take_arrival)
        self._changed: dict[str, SectionStatus] = {}  # announced at the end of the turn
        self._announce_timer = QTimer(self)
        self._announce_timer.setSingleShot(True)
        self._announce_timer.setInterval(0)
        self._announce_timer.timeout.connect(self._announce_changes)
        self._cache_timer = QTimer(self)  # writes the result cache's rows, now and then
        self._cache_timer.setSingleShot(True)
        self._cache_timer.setInterval(CACHE_WRITE_MS)
        self._cache_timer.timeout.connect(self._flush_cache)
        self._checks = JobRunner(self, max_threads=1)  # the passes over the whole document
        self._check: DocumentCheckJob | None = None
        self._check_serial = 0
        self._check_done: list[PassOutcome] = []

    # -- state ----------------------------------------------------------------------

    @property
    def dispatcher(self) -> Dispatcher | None:
        return self._dispatcher

    @property
    def busy(self) -> bool:
        return self._busy

    @property
    def checking(self) -> bool:
        """A pass over the whole document is running."""
        return self._check is not None

    @property
    def waiting(self) -> bool:
        """Analyses asked for wait for a provider."""
        return bool(self._waiting)

    # -- configuration ----------------------------------------------------------------

    def set_session(self, session: ReviewSession | None) -> None:
        """Analyse for another review; what waited for a provider is forgotten, and a
        check of the previous document stops (what it finished is recorded)."""
        self.retire()
        self._waiting.clear()
        if session is not self.session:
            self.cancel_check()
        self.session = session
        self._renew()

    def set_provider(self, setup: ProviderSetup | None) -> None:
        """Analyse with another provider; what waited for one runs now."""
        self.retire()
        self.setup = setup
        self._renew()
        if setup is not None:
            waiting, self._waiting = self._waiting, []
            for sections, force in waiting:
                self.analyse(sections, force)

    def refresh(self) -> None:
        """The session's framework changed: a new dispatcher for it."""
        self.retire()
        self._renew()

    def _renew(self) -> None:
        if self.session is not None and self.setup is not None and not self._closed:
            self._make_dispatcher()

    def drop_waiting(self) -> None:
        self._waiting.clear()

    # -- analysis ---------------------------------------------------------------------

    def analyse(self, sections: list[Section], force: bool = False) -> None:
        if self._closed or self.session is None or not sections:
            return
        if self._dispatcher is None:
            if self.setup is None:
                self._waiting.append((list(sections), force))
                self.provider_wanted.emit()
                return
            self._make_dispatcher()
        assert self._dispatcher is not None
        self._dispatcher.analyse(list(sections), force)
        self._update_busy()

    def retry_failed(self) -> None:
        if self.session is not None:
            self.analyse(self.session.sections_with(SectionStatus.FAILED))

    def cancel(self, section_ids: list[str]) -> None:
        if self._dispatcher is not None:
            for sid in section_ids:
                self._dispatcher.cancel(sid)
        self._announce_changes()  # the reviewer sees a cancel at once

    def cancel_all(self) -> None:
        self._waiting.clear()
        if self._dispatcher is not None:
            self._dispatcher.cancel_all()
        self.cancel_check()
        self._announce_changes()

    def shutdown(self) -> None:
        """At the end: cancel and drain; every answer that came is recorded."""
        self._closed = True
        self._waiting.clear()
        self.retire()
        self.cancel_check()
        if not self._checks.shutdown(_DRAIN_MS):
            log.error("the document check still runs %d ms after cancel", _DRAIN_MS)
        QCoreApplication.sendPostedEvents(self, 0)

    def uncached(self, sections: list[Section]) -> list[Section]:
        """The sections an analysis would send to the provider (the others are answered
        from the result cache): what the estimate before Analyse All counts."""
        if self._dispatcher is None and self.session is not None and self.setup is not None:
            self._make_dispatcher()
        d = self._dispatcher
        return d.uncached(sections) if d is not None else list(sections)

    # -- the document as a whole ---------------------------------------------------------

    def check_document(self, *, consistency: bool, force: bool = False) -> str:
        """Run the cross-section checks and, with `consistency` and Bedrock, the
        consistency pass, as one job; `document_check_finished` follows (also when
        nothing needed to run). A pass whose inputs did not change since it last
        succeeded is not run again unless `force`. Returns why the consistency pass
        cannot run ("" when it can, or was not asked for)."""
        from desktop_app.workers.document_check_job import CheckPlan, DocumentCheckJob

        session, setup = self.session, self.setup
        if self._closed or session is None or self._check is not None:
            return ""
        passes = session.passes
        rules = "" if (not force and passes.up_to_date(RULES)) else passes.inputs(RULES)
        why, consistency_inputs, facts = "", "", ()
        if consistency:
            provider = setup.provider if setup is not None else None
            if setup is None or setup.offline or not hasattr(provider, "check_consistency"):
                why = "the consistency pass needs Amazon Bedrock (the built-in reviewer's " \
                      "cross-section checks ran)"
            elif not (facts := tuple(session.facts())):
                why = ("the consistency pass reads the sections' key facts: analyse the "
                       "sections with Amazon Bedrock first")
            elif force or not passes.up_to_date(CONSISTENCY):
                consistency_inputs = passes.inputs(CONSISTENCY)
        plan = CheckPlan(session.document, session.framework, rules, consistency_inputs,
                         setup.provider if consistency_inputs and setup else None, facts)
        self._check_done = []
        if not plan.origins:
            QTimer.singleShot(0, self, lambda: self.document_check_finished.emit([]))
            return why
        job = DocumentCheckJob(plan)
        # A serial, not the job, in the slots: job -> signals -> slot -> job would be a
        # cycle through C++ that the garbage collector cannot see.
        self._check_serial += 1
        serial = self._check_serial
        job.signals.pass_done.connect(lambda outcome: self._on_pass(session, outcome))
        job.signals.progress.connect(self.document_check_progress)
        job.signals.finished.connect(lambda _done: self._end_check(serial, False))
        job.signals.failed.connect(lambda exc: self._check_failed(serial, exc))
        job.signals.cancelled.connect(lambda: self._end_check(serial, True))
        self._check = job
        self._checks.start(job)
        self.document_check_started.emit()
        self._update_busy()
        return why

    def cancel_check(self) -> None:
        if self._check is not None:
            self._checks.cancel(self._check)

    def _on_pass(self, session: ReviewSession, outcome: PassOutcome) -> None:
        changed = session.record_pass(outcome)
        self._check_done.append(outcome)
        if session is self.session:
            for sid in changed:
                self._note(sid, session.status(sid))
            self._announce_changes()
            self.document_changed.emit()

    def _check_failed(self, serial: int, exc: object) -> None:
        log.error("the document check failed: %s", type(exc).__name__)  # a bug: the passes
        self._end_check(serial, False)  # report their own failures

    def _end_check(self, serial: int, cancelled: bool) -> None:
        if serial != self._check_serial or self._check is None:
            return
        self._check = None
        done, self._check_done = self._check_done, []
        self._update_busy()
        self.document_check_finished.emit(None if cancelled and not done else done)

    # -- the dispatcher -------------------------------------------------------------------

    def _make_dispatcher(self) -> None:
        from desktop_app.workers.dispatcher import Dispatcher

        session, setup = self.session, self.setup
        assert session is not None and setup is not None
        d = Dispatcher(setup.provider, session.framework,
                       cache=session.storage.result_cache(),  # type: ignore[arg-type]
                       max_threads=setup.threads, document_title=session.document.title,
                       context=session.context if not setup.offline else None,
                       facts=not setup.offline, presave=session.save_answer, parent=self)
        d.section_state_changed.connect(self._on_state)
        # A weak reference: the dispatcher holding a strong one to itself through its own
        # signal would be a cycle through C++ that the garbage collector cannot see.
        d.section_finished.connect(partial(self._arrive_answer, weakref.ref(d)))
        d.section_failed.connect(self._arrive)
        d.progress_changed.connect(self.progress_changed)
        d.run_finished.connect(self._on_run_finished)
        d.provider_unusable.connect(self.provider_unusable)
        self._dispatcher = d

    def retire(self) -> None:
        """Cancel and drain the dispatcher; its sections end up as the review had them."""
        d, self._dispatcher = self._dispatcher, None
        if d is None:
            return
        d.cancel_all()
        if not d.shutdown(_DRAIN_MS):
            log.error("analysis jobs still running %d ms after cancel", _DRAIN_MS)
        # Deliver what the jobs reported while draining (results are kept,
        # cancellations shown), then silence the old dispatcher for good.
        QCoreApplication.sendPostedEvents(d, 0)
        d.blockSignals(True)
        d.cache = None
        self._take_all_arrivals()  # saved in the review they belong to, before any switch
        session = self.session
        if session is not None:
            for sid, state in list(d.states.items()):
                if state.live:  # a job that never got to report
                    self._note(sid, session.set_status(sid, SectionStatus.CANCELLED))
        self._flush_cache()
        self._announce_changes()
        d.deleteLater()
        self._update_busy()

    def _update_busy(self) -> None:
        busy = ((self._dispatcher is not None and self._dispatcher.busy)
                or self._check is not None or self._finished_run is not None)
        if busy != self._busy:
            self._busy = busy
            self.busy_changed.emit(busy)

    # -- its signals ------------------------------------------------------------------------

    def _on_state(self, sid: str, status: SectionStatus) -> None:
        if status in (SectionStatus.DONE, SectionStatus.FAILED):
            return  # announced with its outcome, once it is recorded
        if self.session is not None:
            self._note(sid, self.session.set_status(sid, status))

    def _note(self, sid: str, status: SectionStatus) -> None:
        self._changed[sid] = status
        if not self._announce_timer.isActive():
            self._announce_timer.start()

    def _announce_changes(self) -> None:
        self._announce_timer.stop()
        if self._changed:
            changed, self._changed = self._changed, {}
            self.sections_changed.emit(changed)

    def _arrive(self, sid: str, outcome: AnalysisResult | ProviderError,
                saved: object = None) -> None:
        self._arrivals.append((sid, outcome, saved))
        if not self._arrival_timer.isActive():
            self._arrival_timer.start()

    def _take_arrival(self) -> None:
        if self._arrivals:
            self._record(*self._arrivals.popleft())
        self._announce_changes()  # this turn's: no need to wait for the next
        if self._arrivals:
            self._arrival_timer.start()
        else:
            self._announce_end()

    def _take_all_arrivals(self) -> None:
        self._arrival_timer.stop()
        while self._arrivals:
            self._record(*self._arrivals.popleft())
        self._announce_changes()
        self._announce_end()

    def _flush_cache(self) -> None:
        self._cache_timer.stop()
        if self.session is not None:
            self.session.storage.flush_cache()

    def _arrive_answer(self, dispatcher: weakref.ref[Dispatcher], sid: str,
                       result: AnalysisResult) -> None:
        d = dispatcher()
        self._arrive(sid, result, d.take_saved(sid) if d is not None else None)

    def _record(self, sid: str, outcome: AnalysisResult | ProviderError,
                saved: object = None) -> None:
        """Saved first (or kept to be saved), then announced."""
        session = self.session
        if session is None:
            return
        if isinstance(outcome, ProviderError):
            session.record_failure(sid, outcome)
        else:
            source = self.setup.source_of(outcome.model) if self.setup is not None else ""
            revision = session.passes.revision
            session.record_result(sid, outcome, source,
                                  saved if isinstance(saved, SavedAnswer) else None)
            if not self._cache_timer.isActive():
                self._cache_timer.start()  # its row, with the others of the next seconds
            if session.passes.revision != revision:  # merged with a document-level finding
                self.document_changed.emit()
        self._note(sid, session.status(sid))

    def _on_run_finished(self, progress: Progress) -> None:
        self._finished_run = progress
        if not self._arrivals:
            self._announce_end()
        # Otherwise still busy: the last answers are being recorded, and the run ends
        # (not busy) only once they are in (`_announce_end`).

    def _announce_end(self) -> None:
        self._announce_changes()  # first: what the run did, then that it is over
        if self._finished_run is not None:
            progress, self._finished_run = self._finished_run, None
            self._flush_cache()  # the run's answers, for the next run to find
            self.run_finished.emit(progress)
        # After run_finished: a whole-document check started from it keeps the driver
        # busy, so the window does not hear "idle" then "busy" again in one turn (two
        # rounds of action updates: most of the ~25 ms turn that ended a run).
        self._update_busy()
