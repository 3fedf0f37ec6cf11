"""The analysis controller's provider: prepared off the GUI thread, replaced, closed.

A mixin of `AnalysisController`, kept apart because the provider has a life
of its own: the factory may read credentials or run a credential process, so
it runs as a `Job`, and only the latest preparation counts (a serial makes
the others stale). Settings that need another provider wait while an
analysis runs. The review records which provider answered; until one is
ready, a placeholder taken from the settings.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from desktop_app.document import Document, Section
from desktop_app.review.frameworks import Framework
from desktop_app.ui.providers import ProviderFactory, ProviderSetup
from desktop_app.ui.review_session import ReviewSession
from desktop_app.ui.settings import ReviewPrefs
from desktop_app.workers.jobs import Job, JobRunner

if TYPE_CHECKING:
    from PySide6.QtCore import SignalInstance

log = logging.getLogger(__name__)


class AnalysisProviderMixin:
    """Needs the attributes below, set up by `AnalysisController.__init__`."""

    runner: JobRunner
    session: ReviewSession
    provider_factory: ProviderFactory
    _prefs: ReviewPrefs
    _document: Document | None
    _setup: ProviderSetup | None
    _pending: list[tuple[list[Section], bool]]
    _serial: int
    _preparing: bool
    _busy: bool
    _prefs_deferred: bool
    _closed: bool

    if TYPE_CHECKING:  # AnalysisController's and the other mixins'
        provider_preparing: SignalInstance
        provider_ready: SignalInstance
        provider_failed: SignalInstance

        @property
        def framework(self) -> Framework | None: ...
        def analyse(self, sections: list[Section], force: bool = False) -> None: ...
        def _retire(self) -> None: ...
        def _make_dispatcher(self) -> None: ...

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

    def _apply_deferred_prefs(self) -> None:
        if self._closed or self._document is None:
            return
        if self._busy:  # a new run started meanwhile: wait for that one
            self._prefs_deferred = True
            return
        self.refresh_provider()

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
            close_provider(setup)
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
            close_provider(setup)


def close_provider(setup: ProviderSetup) -> None:
    close = getattr(setup.provider, "close", None)
    if callable(close):
        try:
            close()
        except Exception:  # noqa: BLE001 - closing must not break a window close
            log.exception("closing the provider failed")
