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

The controller here is the window's API and state; its parts are mixins, one
a module: `analysis_provider` (preparing and replacing the provider),
`analysis_dispatch` (building and retiring the dispatcher) and
`analysis_outcomes` (per-section status, the stored review, saving results).
"""

from __future__ import annotations

from collections import deque
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from desktop_app.ai.provider import AnalysisResult, ProviderError
from desktop_app.document import Document, Section
from desktop_app.review.frameworks import Framework
from desktop_app.ui.analysis_dispatch import AnalysisDispatchMixin
from desktop_app.ui.analysis_outcomes import AnalysisOutcomesMixin
from desktop_app.ui.analysis_provider import AnalysisProviderMixin
from desktop_app.ui.providers import ProviderFactory, ProviderSetup, default_provider_factory
from desktop_app.ui.review_results import ReviewResults
from desktop_app.ui.review_session import ReviewSession, SafeCache
from desktop_app.ui.section_status import SectionStatus
from desktop_app.ui.settings import ReviewPrefs
from desktop_app.workers.jobs import JobRunner

if TYPE_CHECKING:  # the dispatcher (and the anchoring it pulls in) loads on first analysis
    from desktop_app.workers.dispatcher import Dispatcher, Progress


class AnalysisController(QObject, AnalysisProviderMixin, AnalysisDispatchMixin,
                         AnalysisOutcomesMixin):
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
