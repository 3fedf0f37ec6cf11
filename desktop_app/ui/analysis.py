"""The window's analysis: provider, dispatcher, result cache and per-section state.

One `AnalysisController` per window. It prepares the provider off the GUI
thread when a document is opened or Settings change, builds a `Dispatcher`
for that provider and the chosen framework, and turns the dispatcher's signals
into per-section status and results that the tree and the findings pane read.
A new dispatcher replaces the old one (cancelled and drained first) whenever
the document, the provider or the framework changes.
"""

from __future__ import annotations

import logging
import math
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

from desktop_app import paths
from desktop_app.ai.provider import AnalysisResult, ProviderError
from desktop_app.document import Document, Section
from desktop_app.review.frameworks import Framework
from desktop_app.store.db import Database, StoreError
from desktop_app.store.results import ResultCache
from desktop_app.ui.providers import (
    LOCAL_LABEL,
    ProviderFactory,
    ProviderSetup,
    default_provider_factory,
    short_model,
)
from desktop_app.ui.review_results import ReviewResults
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
_LIVE = (SectionStatus.QUEUED, SectionStatus.RUNNING)
_DRAIN_MS = 30_000


def eta_text(seconds: float | None) -> str:
    if seconds is None:
        return ""
    if seconds < 10:
        return "a few seconds left"
    if seconds < 90:
        return f"about {int(math.ceil(seconds / 5) * 5)} s left"
    return f"about {round(seconds / 60)} min left"


def progress_text(p: Progress) -> str:
    """"7 / 16 sections · 1 failed · about 40 s left"."""
    parts = [f"{p.finished} / {p.total} section{'s' if p.total != 1 else ''}"]
    if p.failed:
        parts.append(f"{p.failed} failed")
    if p.cancelled:
        parts.append(f"{p.cancelled} cancelled")
    if p.finished < p.total:
        eta = eta_text(p.eta_seconds)
        if eta:
            parts.append(eta)
    return " · ".join(parts)


class AnalysisController(QObject):
    section_changed = Signal(str)  # a section's status or outcome changed
    progress_changed = Signal(object)  # Progress
    run_finished = Signal(object)  # Progress
    busy_changed = Signal(bool)
    provider_preparing = Signal()
    provider_ready = Signal(object)  # ProviderSetup
    provider_failed = Signal(str)  # the factory could not build a provider: why
    provider_unusable = Signal(object)  # a fatal ProviderError from a job

    def __init__(self, runner: JobRunner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.results = ReviewResults()
        self.provider_factory: ProviderFactory = default_provider_factory
        self.store_error = ""  # why results are not cached, when the store cannot open
        self._db: Database | None = None
        self._cache: ResultCache | None = None
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
        self._framework = framework
        if had_dispatcher:
            self._make_dispatcher()

    def set_guidelines(self, text: str) -> None:
        if text == self._guidelines:
            return
        had_dispatcher = self._dispatcher is not None
        self._retire()
        self._guidelines = text
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
        if self._db is not None:
            self._db.close()
            self._db = self._cache = None

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

    def _open_cache(self) -> ResultCache | None:
        if self._cache is None and not self.store_error:
            try:
                self._db = Database(paths.data_dir())
                self._cache = ResultCache(self._db)
            except StoreError as err:
                # Analysis still works; results are simply not kept between runs.
                self.store_error = str(err)
                log.error("result cache unavailable: %s", err)
        return self._cache

    def _make_dispatcher(self) -> None:
        from desktop_app.workers.dispatcher import Dispatcher

        framework = self.framework
        if self._setup is None or framework is None or self._document is None:
            return
        d = Dispatcher(self._setup.provider, framework, cache=self._open_cache(),
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
        for sid, status in list(self._status.items()):
            if status in _LIVE:  # a job that never got to report
                self._status[sid] = SectionStatus.CANCELLED
                self.section_changed.emit(sid)
        d.deleteLater()
        self._update_busy(apply_deferred=False)

    def _on_state(self, sid: str, state: str) -> None:
        status = STATE_STATUS.get(state, SectionStatus.NOT_ANALYSED)
        self._status[sid] = status
        if status is SectionStatus.QUEUED:
            self.results.clear_error(sid)
        self.section_changed.emit(sid)

    def _on_finished(self, sid: str, result: AnalysisResult) -> None:
        sender = self.sender()
        framework = getattr(sender, "framework", None) or self.framework
        offline = self._setup is not None and self._setup.offline
        source = short_model(result.model) if result.model else (LOCAL_LABEL if offline else "")
        self.results.set_result(sid, result, framework, source)  # type: ignore[arg-type]
        self.section_changed.emit(sid)

    def _on_failed(self, sid: str, error: ProviderError) -> None:
        self.results.set_error(sid, error)
        self.section_changed.emit(sid)

    def _on_run_finished(self, progress: Progress) -> None:
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
