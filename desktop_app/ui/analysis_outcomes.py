"""The analysis controller's per-section outcomes: status, results saved, then shown.

A mixin of `AnalysisController`, kept apart because this is where the
dispatcher's signals become what the tree and the findings pane read, and
where the stored review feeds the same state when a document is opened. An
answer is saved before it is shown, one per turn of the event loop, so that
ten arriving together do not hold the GUI for ten store writes; the run's end
is announced only after its last answer is in.
"""

from __future__ import annotations

from collections import deque
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer

from desktop_app.ai.provider import AnalysisResult, ProviderError
from desktop_app.document import Document
from desktop_app.review.frameworks import Framework
from desktop_app.ui.providers import LOCAL_LABEL, ProviderSetup, short_model
from desktop_app.ui.review_results import (
    STORED_DONE,
    STORED_FAILED,
    STORED_STALE,
    ReviewResults,
)
from desktop_app.ui.review_session import ReviewSession, SafeCache
from desktop_app.ui.section_status import SectionStatus

if TYPE_CHECKING:
    from PySide6.QtCore import QObject, SignalInstance

    from desktop_app.workers.dispatcher import Progress

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


def source_label(model: str | None) -> str:
    """How an answer's source is named: the model, or the built-in reviewer."""
    return short_model(model) if model else LOCAL_LABEL


class AnalysisOutcomesMixin:
    """Needs the attributes below, set up by `AnalysisController.__init__`."""

    results: ReviewResults
    session: ReviewSession
    _document: Document | None
    _setup: ProviderSetup | None
    _status: dict[str, SectionStatus]
    _arrivals: deque[tuple[str, AnalysisResult | ProviderError, Framework | None]]
    _finished_run: Progress | None
    _arrival_timer: QTimer
    _cache: SafeCache | None

    if TYPE_CHECKING:  # AnalysisController's (a QObject) and the other mixins'
        section_changed: SignalInstance
        run_finished: SignalInstance
        review_opened: SignalInstance

        @property
        def framework(self) -> Framework | None: ...
        def sender(self) -> QObject: ...
        def _provider_identity(self) -> tuple[str, list[str], str | None]: ...
        def _update_busy(self, apply_deferred: bool = True) -> None: ...

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

    def stored_status(self, section_id: str) -> SectionStatus | None:
        outcome = self.results.get(section_id)
        return STORED_STATUS.get(outcome.stored) if outcome is not None else None

    # -- the dispatcher's signals ---------------------------------------------------------

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
        # The result cache's writes of the answers that came in since the last turn:
        # one commit for all of them, before the answers are saved in the review.
        if self._cache is not None:
            self._cache.flush()
        if self._arrivals:
            self._record(*self._arrivals.popleft())
        if self._arrivals:
            self._arrival_timer.start()
        elif self._finished_run is not None:
            progress, self._finished_run = self._finished_run, None
            self.run_finished.emit(progress)

    def _take_all_arrivals(self) -> None:
        self._arrival_timer.stop()
        if self._cache is not None:
            self._cache.flush()
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
