"""The analysis controller's dispatcher: built for a provider and framework, retired whole.

A mixin of `AnalysisController`, kept apart because replacing a dispatcher
is the delicate step: the old one is cancelled and drained, what its jobs
reported meanwhile is delivered and saved in the review it belongs to, and
only then is it silenced, so that no late signal lands in the next review.
`Dispatcher` is imported on first use: it pulls in the anchoring, which the
window does not need to open.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QCoreApplication, QObject, QTimer

from desktop_app.document import Document
from desktop_app.review.frameworks import Framework
from desktop_app.ui.providers import ProviderSetup
from desktop_app.ui.review_session import ReviewSession, SafeCache
from desktop_app.ui.section_status import SectionStatus

if TYPE_CHECKING:
    from PySide6.QtCore import SignalInstance

    from desktop_app.ai.provider import AnalysisResult, ProviderError
    from desktop_app.workers.dispatcher import Dispatcher, Progress

log = logging.getLogger(__name__)

_LIVE = (SectionStatus.QUEUED, SectionStatus.RUNNING)
_DRAIN_MS = 30_000


class AnalysisDispatchMixin:
    """Needs the attributes below, set up by `AnalysisController.__init__`."""

    session: ReviewSession
    _cache: SafeCache | None
    _document: Document | None
    _setup: ProviderSetup | None
    _dispatcher: Dispatcher | None
    _status: dict[str, SectionStatus]
    _busy: bool
    _prefs_deferred: bool

    if TYPE_CHECKING:  # AnalysisController's (a QObject) and the other mixins'
        section_changed: SignalInstance
        progress_changed: SignalInstance
        busy_changed: SignalInstance
        provider_unusable: SignalInstance

        @property
        def framework(self) -> Framework | None: ...
        def stored_status(self, section_id: str) -> SectionStatus | None: ...
        def _on_state(self, sid: str, state: str) -> None: ...
        def _on_finished(self, sid: str, result: AnalysisResult) -> None: ...
        def _on_failed(self, sid: str, error: ProviderError) -> None: ...
        def _on_run_finished(self, progress: Progress) -> None: ...
        def _take_all_arrivals(self) -> None: ...
        def _apply_deferred_prefs(self) -> None: ...

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
                       parent=cast(QObject, self))
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

    def _update_busy(self, apply_deferred: bool = True) -> None:
        busy = self._dispatcher is not None and self._dispatcher.busy
        if busy != self._busy:
            self._busy = busy
            self.busy_changed.emit(busy)
        if not busy and apply_deferred and self._prefs_deferred:
            self._prefs_deferred = False
            # Not from inside the dispatcher's own signal: after it returns.
            QTimer.singleShot(0, cast(QObject, self), self._apply_deferred_prefs)
