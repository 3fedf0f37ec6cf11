"""The window's analysis: provider, dispatcher, result cache and per-section state.

One `AnalysisController` per window. It prepares the provider off the GUI
thread when a document is opened or Settings change, builds a `Dispatcher`
for that provider and the chosen framework, and turns the dispatcher's signals
into per-section status and results that the tree and the findings pane read.
A new dispatcher replaces the old one (cancelled and drained first) whenever
the document, the provider or the framework changes. Its `ReviewSession`
holds the window's one Database: the stored review of the document and
framework is opened (and restored) with the document, and every result is
saved there before the window shows it.
"""

from __future__ import annotations

import logging
from collections import deque
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

from desktop_app.ai.provider import AnalysisResult, ProviderError
from desktop_app.document import Document, Section
from desktop_app.review.frameworks import Framework
from desktop_app.ui.providers import (
    LOCAL_LABEL,
    ProviderFactory,
    ProviderSetup,
    default_provider_factory,
    short_model,
)
from desktop_app.ui.review_results import (
    STORED_DONE,
    STORED_FAILED,
    STORED_STALE,
    ReviewResults,
)
from desktop_app.ui.review_session import ReviewSession, SafeCache
from desktop_app.ui.section_status import SectionStatus
from desktop_app.ui.settings import ReviewPrefs
from desktop_app.workers.jobs import Job, JobRunner

if TYPE_CHECKING:  # the dispatcher (and the anchoring it pulls in) loads on first analysis
    from desktop_app.workers.dispatcher import Dispatcher, Progress

log = logging.getLogger(__name__)

STATE_STATUS = {
    "not analysed": SectionStatus.NOT_ANALYSED,
    "queued": SectionStatus.QUEUED,
    "running": SectionStatus.RUNNING,
    "done": SectionStatus.DONE,
    "failed": SectionStatus.FAILED,
    "cancelled": SectionStatus.CANCELLED,
}
# What the tree shows for a section the stored review has an answer (or a verdict) for.
STORED_STATUS = {
    STORED_DONE: SectionStatus.DONE,
    STORED_FAILED: SectionStatus.FAILED,
    STORED_STALE: SectionStatus.CHANGED,
}
_LIVE = (SectionStatus.QUEUED, SectionStatus.RUNNING)
_DRAIN_MS = 30_000


def source_label(model: str | None) -> str:
    """How an answer's source is named: the model, or the built-in reviewer."""
    return short_model(model) if model else LOCAL_LABEL


class AnalysisController(QObject):
    section_changed = Signal(str)  # a section's status or outcome changed
    progress_changed = Signal(object)  # Progress
    run_finished = Signal(object)  # Progress
    busy_changed = Signal(bool)
    provider_preparing = Signal()
    provider_ready = Signal(object)  # ProviderSetup
    provider_failed = Signal(str)  # the factory could not build a provider: why
    provider_unusable = Signal(object)  # a fatal ProviderError from a job
    review_opened = Signal(object)  # ReviewState, or None when the store cannot give it
    save_state_changed = Signal()  # the store took or refused a write (see `session`)

    def __init__(self, runner: JobRunner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.results = ReviewResults()
        self.session = ReviewSession(self.results)
        self.session.listeners.append(self.save_state_changed.emit)
        self.provider_factory: ProviderFactory = default_provider_factory
        self._cache: SafeCache | None = None
        self._prefs = ReviewPrefs()
        self._document: Document | None = None
        self._framework: Framework | None = None
        self._guidelines = ""
        self._setup: ProviderSetup | None = None
        self._dispatcher: Dispatcher | None = None
        self._status: dict[str, SectionStatus] = {}
        self._pending: list[tuple[list[Section], bool]] = []
        self._serial = 0  # only the latest provider preparation counts
        self._preparing = False
        self._busy = False
        self._prefs_deferred = False
        self._closed = False
        # Answers waiting to be saved and shown, one per turn of the event loop:
        # ten that arrive together must not hold the GUI for ten store writes.
        self._arrivals: deque[tuple[str, AnalysisResult | ProviderError, Framework | None]] = (
            deque())
        self._finished_run: Progress | None = None  # announced once the arrivals are in
        self._arrival_timer = QTimer(self)
        self._arrival_timer.setSingleShot(True)
        self._arrival_timer.setInterval(0)
        self._arrival_timer.timeout.connect(self._take_arrival)

    # -- state --------------------------------------------------------------------

    @property
    def setup(self) -> ProviderSetup | None:
        return self._setup

    @property
    def dispatcher(self) -> Dispatcher | None:
        return self._dispatcher

    @property
    def busy(self) -> bool:
        return self._busy

    @property
    def prefs(self) -> ReviewPrefs:
        return self._prefs

    @property
    def framework(self) -> Framework | None:
        """The framework analyses use, guidelines included."""
        if self._framework is None:
            return None
        return self._framework.with_guidelines(self._guidelines) if self._guidelines else (
            self._framework)

    def status(self, section_id: str) -> SectionStatus:
        return self._status.get(section_id, SectionStatus.NOT_ANALYSED)

    def count(self, status: SectionStatus) -> int:
        return sum(1 for s in self._status.values() if s is status)

    @property
    def store_error(self) -> str:
        """Why the last write to the store failed; "" when all is saved."""
        return self.session.error

    # -- configuration --------------------------------------------------------------

    def set_document(self, document: Document | None) -> None:
        """Forget the previous document's analysis and prepare a provider for this one."""
        self._retire()
        self._drop_provider()
        self._pending.clear()
        self.results.clear()
        self._status.clear()
        self._document = document
        if document is not None:
            self._open_review()
            self._prepare_provider()

    def refresh_provider(self) -> None:
        """Prepare the provider again (a new factory, or credentials that changed)."""
        self._retire()
        self._drop_provider()
        if self._document is not None and not self._closed:
            self._prepare_provider()

    def set_prefs(self, prefs: ReviewPrefs) -> bool:
        """Use new settings. False if they wait for the running analysis to end."""
        changed = (prefs.provider, prefs.bedrock) != (self._prefs.provider, self._prefs.bedrock)
        self._prefs = prefs
        if not changed or self._document is None:
            return True
        if self._busy:
            self._prefs_deferred = True
            return False
        self.refresh_provider()
        return True

    def set_framework(self, framework: Framework, guidelines: str | None = None) -> None:
        """The framework (and guidelines text, if given) for the next analyses."""
        had_dispatcher = self._dispatcher is not None
        self._retire()  # first: results drained from it belong to the old framework
        if guidelines is not None:
            self._guidelines = guidelines
        renamed = self._framework is None or self._framework.name != framework.name
        self._framework = framework
        if renamed and self._document is not None:
            self._open_review()  # another framework: another review
        else:
            self._update_identity()
        if had_dispatcher:
            self._make_dispatcher()

    def set_guidelines(self, text: str) -> None:
        if text == self._guidelines:
            return
        had_dispatcher = self._dispatcher is not None
        self._retire()
        self._guidelines = text
        self._update_identity()
        if had_dispatcher:
            self._make_dispatcher()

    # -- analysis -------------------------------------------------------------------

    def analyse(self, sections: list[Section], force: bool = False) -> None:
        if self._closed or self._document is None or not sections:
            return
        if self._dispatcher is None:
            self._pending.append((list(sections), force))  # runs once the provider is ready
            if self._setup is None and not self._preparing:
                self._prepare_provider()  # the last attempt failed: try again now
            elif self._setup is not None and self.framework is None:
                self._pending.clear()
                self.provider_failed.emit("no review framework is available")
            return
        self._dispatcher.analyse(list(sections), force)
        self._update_busy()

    def retry(self, section: Section) -> None:
        self.analyse([section], force=True)

    def failed_sections(self) -> list[Section]:
        if self._document is None:
            return []
        return [s for s in self._document.walk() if self.status(s.id) is SectionStatus.FAILED]

    def retry_failed(self) -> None:
        self.analyse(self.failed_sections())

    def cancel(self, section_ids: list[str]) -> None:
        if self._dispatcher is not None:
            for sid in section_ids:
                self._dispatcher.cancel(sid)

    def cancel_all(self) -> None:
        self._pending.clear()
        if self._dispatcher is not None:
            self._dispatcher.cancel_all()

    def shutdown(self) -> None:
        """At window close: cancel, drain, close the provider and the store."""
        if self._closed:
            return
        self._closed = True
        self._serial += 1
        self._pending.clear()
        self._retire()
        self._drop_provider()
        self.session.close()
        self._cache = None

    # -- the stored review ------------------------------------------------------------

    def _open_review(self) -> None:
        """Open (or start) the stored review and restore what it holds."""
        document, framework = self._document, self.framework
        if document is None or framework is None:
            return
        name, models, identity = self._provider_identity()
        state = self.session.open(document, framework, name, models, identity)
        self.results.clear()
        self._status.clear()
        if state is not None:
            self.results.restore(state, framework, source_label)
            for sid, record in state.sections.items():
                status = STORED_STATUS.get(record.status)
                if status is not None:
                    self._status[sid] = status
        self.review_opened.emit(state)

    def reopen_review(self) -> None:
        """Open the document's review again (its data was deleted: a fresh one)."""
        self._open_review()

    def _provider_identity(self) -> tuple[str, list[str], str | None]:
        """The provider as the review records it; a placeholder until one is prepared
        (the real one is written when it is ready, before any result)."""
        if self._setup is not None:
            p = self._setup.provider
            return p.name, list(p.models), p.cache_identity()
        if self._prefs.provider == "local":
            return "local", [], None
        return self._prefs.provider, list(self._prefs.bedrock.models), None

    def _update_identity(self) -> None:
        framework = self.framework
        if self._document is not None and framework is not None:
            self.session.update_identity(framework, *self._provider_identity())

    def stored_status(self, section_id: str) -> SectionStatus | None:
        outcome = self.results.get(section_id)
        return STORED_STATUS.get(outcome.stored) if outcome is not None else None

    # -- the provider ---------------------------------------------------------------

    def _prepare_provider(self) -> None:
        self._serial += 1
        serial = self._serial
        document, prefs = self._document, self._prefs
        self._preparing = True
        self.provider_preparing.emit()
        job = Job(self.provider_factory, document, prefs)
        job.signals.finished.connect(lambda setup: self._on_provider(serial, setup))
        job.signals.failed.connect(lambda exc: self._on_provider_failed(serial, exc))
        self.runner.start(job)

    def _on_provider(self, serial: int, setup: ProviderSetup) -> None:
        if serial != self._serial or self._closed:
            _close_provider(setup)
            return
        self._preparing = False
        self._setup = setup
        self._update_identity()
        self._make_dispatcher()
        self.provider_ready.emit(setup)
        pending, self._pending = self._pending, []
        for sections, force in pending:
            self.analyse(sections, force)

    def _on_provider_failed(self, serial: int, exc: BaseException) -> None:
        if serial != self._serial or self._closed:
            return
        self._preparing = False
        self._pending.clear()
        log.error("preparing the reviewer failed", exc_info=exc)
        self.provider_failed.emit(str(exc) or type(exc).__name__)

    def _drop_provider(self) -> None:
        self._serial += 1  # a preparation in flight is now stale
        self._preparing = False
        setup, self._setup = self._setup, None
        if setup is not None:
            _close_provider(setup)

    # -- the dispatcher ---------------------------------------------------------------

    def _open_cache(self) -> SafeCache | None:
        if self._cache is None:
            # Analysis still works without it; results are then asked for again.
            self._cache = self.session.result_cache()
        return self._cache

    def _make_dispatcher(self) -> None:
        from desktop_app.workers.dispatcher import Dispatcher

        framework = self.framework
        if self._setup is None or framework is None or self._document is None:
            return
        d = Dispatcher(self._setup.provider, framework,
                       cache=self._open_cache(),  # type: ignore[arg-type]
                       max_threads=self._setup.threads, document_title=self._document.title,
                       parent=self)
        d.section_state_changed.connect(self._on_state)
        d.section_finished.connect(self._on_finished)
        d.section_failed.connect(self._on_failed)
        d.progress_changed.connect(self.progress_changed)
        d.run_finished.connect(self._on_run_finished)
        d.provider_unusable.connect(self.provider_unusable)
        self._dispatcher = d

    def _retire(self) -> None:
        """Cancel and drain the current dispatcher; its sections end up cancelled."""
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
        for sid, status in list(self._status.items()):
            if status in _LIVE:  # a job that never got to report
                self._status[sid] = self.stored_status(sid) or SectionStatus.CANCELLED
                self.section_changed.emit(sid)
        d.deleteLater()
        self._update_busy(apply_deferred=False)

    def _on_state(self, sid: str, state: str) -> None:
        status = STATE_STATUS.get(state, SectionStatus.NOT_ANALYSED)
        if status is SectionStatus.CANCELLED:
            # A cancelled re-run leaves what the review already had.
            status = self.stored_status(sid) or status
        self._status[sid] = status
        if status is SectionStatus.QUEUED:
            self.results.clear_error(sid)
        if status not in (SectionStatus.DONE, SectionStatus.FAILED):
            self.section_changed.emit(sid)
        # Done and failed are announced with their outcome, once it is saved.

    def _on_finished(self, sid: str, result: AnalysisResult) -> None:
        sender = self.sender()
        self._arrive(sid, result, getattr(sender, "framework", None) or self.framework)

    def _on_failed(self, sid: str, error: ProviderError) -> None:
        self._arrive(sid, error, None)

    def _arrive(self, sid: str, outcome: AnalysisResult | ProviderError,
                framework: Framework | None) -> None:
        self._arrivals.append((sid, outcome, framework))
        if not self._arrival_timer.isActive():
            self._arrival_timer.start()

    def _take_arrival(self) -> None:
        if self._arrivals:
            self._record(*self._arrivals.popleft())
        if self._arrivals:
            self._arrival_timer.start()
        elif self._finished_run is not None:
            progress, self._finished_run = self._finished_run, None
            self.run_finished.emit(progress)

    def _take_all_arrivals(self) -> None:
        self._arrival_timer.stop()
        while self._arrivals:
            self._record(*self._arrivals.popleft())
        if self._finished_run is not None:
            progress, self._finished_run = self._finished_run, None
            self.run_finished.emit(progress)

    def _record(self, sid: str, outcome: AnalysisResult | ProviderError,
                framework: Framework | None) -> None:
        """Saved first (or kept to be saved), then shown."""
        if isinstance(outcome, ProviderError):
            self.session.record_failure(sid, outcome)
        else:
            offline = self._setup is not None and self._setup.offline
            source = short_model(outcome.model) if outcome.model else (
                LOCAL_LABEL if offline else "")
            self.session.record_result(sid, outcome, framework, source)  # type: ignore[arg-type]
        self.section_changed.emit(sid)

    def _on_run_finished(self, progress: Progress) -> None:
        if self._arrivals:
            self._finished_run = progress  # announced with the last answer shown
        else:
            self.run_finished.emit(progress)
        self._update_busy()

    def _update_busy(self, apply_deferred: bool = True) -> None:
        busy = self._dispatcher is not None and self._dispatcher.busy
        if busy != self._busy:
            self._busy = busy
            self.busy_changed.emit(busy)
        if not busy and apply_deferred and self._prefs_deferred:
            self._prefs_deferred = False
            # Not from inside the dispatcher's own signal: after it returns.
            QTimer.singleShot(0, self, self._apply_deferred_prefs)

    def _apply_deferred_prefs(self) -> None:
        if self._closed or self._document is None:
            return
        if self._busy:  # a new run started meanwhile: wait for that one
            self._prefs_deferred = True
            return
        self.refresh_provider()


def _close_provider(setup: ProviderSetup) -> None:
    close = getattr(setup.provider, "close", None)
    if callable(close):
        try:
            close()
        except Exception:  # noqa: BLE001 - closing must not break a window close
            log.exception("closing the provider failed")
