"""The window's review: the current session, its provider, and the driver that runs it.

One per window, no widgets. It keeps one `Storage` for the window's life; a
`ReviewSession` per document and framework (opened with the document: the
stored review, reconciled and restored); the provider, prepared off the GUI
thread as a `Job` whenever a document opens or Settings change (only the
latest preparation counts); and one `SessionDriver`, given the session and
the provider, whose signals the window's parts listen to. Settings that need
another provider wait while an analysis runs. The review records which
provider answered; until one is ready, a placeholder taken from the settings.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, QTimer, Signal

from desktop_app.document import Document, Section
from desktop_app.review.frameworks import Framework
from desktop_app.session import (
    NoReviewer,
    ProviderFactory,
    ProviderIdentity,
    ProviderSetup,
    ReviewPrefs,
    ReviewSession,
    SectionStatus,
    Storage,
    choose_provider,
    review_context,
)
from desktop_app.workers.jobs import Job, JobRunner
from desktop_app.workers.session_driver import SessionDriver

if TYPE_CHECKING:
    from desktop_app.ai.context import DocumentContext

log = logging.getLogger(__name__)


class SessionSource(Protocol):
    """Lends the session of a document it works on (a folder review), so that the window
    shows that very review, its results arriving live, instead of a second copy."""

    def session_for(self, document: Document, framework: Framework) -> ReviewSession | None: ...

    def holds(self, session: ReviewSession) -> bool: ...


class ReviewController(QObject):
    provider_preparing = Signal()
    provider_ready = Signal(object)  # ProviderSetup
    provider_failed = Signal(str)  # the factory could not build a provider: why
    session_opened = Signal(object)  # the ReviewSession now shown (again), or None
    save_state_changed = Signal()  # the store took or refused a write (see `storage`)
    estimate_ready = Signal(object, object)  # Estimate, the sections it counts
    estimate_failed = Signal(str)

    def __init__(self, runner: JobRunner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.storage = Storage()
        self.storage.listeners.append(self.save_state_changed.emit)
        self.driver = SessionDriver(self)
        self.driver.provider_wanted.connect(self._on_provider_wanted)
        self.driver.busy_changed.connect(self._on_busy_changed)
        self.provider_factory: ProviderFactory = choose_provider
        self.session_source: SessionSource | None = None
        self.session: ReviewSession | None = None
        self._prefs = ReviewPrefs()
        self._document: Document | None = None
        self._framework: Framework | None = None
        self._guidelines = ""
        self._setup: ProviderSetup | None = None
        self._context: DocumentContext | None = None  # the document's, with this provider
        self._serial = 0  # only the latest provider preparation counts
        self._estimate_serial = 0
        self._preparing = False
        self._prefs_deferred = False
        self._closed = False

    # -- state --------------------------------------------------------------------

    @property
    def setup(self) -> ProviderSetup | None:
        return self._setup

    @property
    def busy(self) -> bool:
        return self.driver.busy

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
        return (self.session.status(section_id) if self.session is not None
                else SectionStatus.NOT_ANALYSED)

    def count(self, status: SectionStatus) -> int:
        return self.session.count(status) if self.session is not None else 0

    # -- configuration --------------------------------------------------------------

    def set_document(self, document: Document | None) -> None:
        """Forget the previous document's review and prepare a provider for this one."""
        self.driver.set_session(None)  # first: what it drains belongs to the old review
        self._drop_provider()
        self._document = document
        self._open_session()
        if document is not None:
            self._prepare_provider()

    def set_framework(self, framework: Framework, guidelines: str | None = None) -> None:
        """The framework (and guidelines text, if given) for the next analyses."""
        if guidelines is not None:
            self._guidelines = guidelines
        renamed = self._framework is None or self._framework.name != framework.name
        self._framework = framework
        if renamed and self._document is not None:
            self._open_session()  # another framework: another review
        else:
            self._update_session()

    def set_guidelines(self, text: str) -> None:
        if text != self._guidelines:
            self._guidelines = text
            self._update_session()

    def set_prefs(self, prefs: ReviewPrefs) -> bool:
        """Use new settings. False if they wait for the running analysis to end."""
        changed = ((prefs.provider, prefs.bedrock, prefs.context)
                   != (self._prefs.provider, self._prefs.bedrock, self._prefs.context))
        self._prefs = prefs
        if not changed or self._document is None:
            return True
        if self.busy:
            self._prefs_deferred = True
            return False
        self.refresh_provider()
        return True

    def refresh_provider(self) -> None:
        """Prepare the provider again (a new factory, or credentials that changed)."""
        self._drop_provider()
        if self._document is not None and not self._closed:
            self._prepare_provider()

    # -- analysis -------------------------------------------------------------------

    def analyse(self, sections: list[Section], force: bool = False) -> None:
        if self._closed or self._document is None or not sections:
            return
        if self.session is None:
            self.provider_failed.emit("no review framework is available")
            return
        self.driver.analyse(sections, force)

    def cancel(self, section_ids: list[str]) -> None:
        self.driver.cancel(section_ids)

    def cancel_all(self) -> None:
        self.driver.cancel_all()

    def retry_failed(self) -> None:
        self.driver.retry_failed()

    def check_document(self, *, consistency: bool | None = None, force: bool = False) -> str:
        """The passes over the whole document (see `SessionDriver.check_document`);
        `consistency` None: as Settings say. Returns why the consistency pass cannot run."""
        if self._closed or self.session is None:
            return ""
        wanted = self._prefs.consistency if consistency is None else consistency
        return self.driver.check_document(consistency=wanted, force=force)

    @property
    def costs_money(self) -> bool:
        """The reviewer is a model that bills per token (Amazon Bedrock)."""
        setup = self._setup
        return setup is not None and not setup.offline and setup.provider.name == "bedrock"

    def estimate(self, sections: list[Section], *, consistency: bool = False) -> None:
        """What analysing `sections` would cost (those the result cache answers left out),
        made off the GUI thread: `estimate_ready` or `estimate_failed` follows."""
        session, setup = self.session, self._setup
        if session is None or setup is None:
            self.estimate_failed.emit("the reviewer is not ready yet")
            return
        to_ask = self.driver.uncached(sections)
        config = self._prefs.bedrock
        models = list(setup.provider.models) or list(config.models)
        self._estimate_serial += 1
        serial = self._estimate_serial
        job = Job(session.estimate_run, models, to_ask, consistency=consistency,
                  prices=config.prices, max_tokens=config.max_tokens)
        job.signals.finished.connect(
            lambda e: serial == self._estimate_serial and self.estimate_ready.emit(e, to_ask))
        job.signals.failed.connect(
            lambda exc: serial == self._estimate_serial and self.estimate_failed.emit(
                f"the estimate could not be made ({type(exc).__name__})"))
        self.runner.start(job)

    # -- saving ---------------------------------------------------------------------

    def retry_saving(self) -> bool:
        """Write what waits; True when everything is saved. A review that opens only
        now is shown again, with everything done meanwhile."""
        session = self.session
        if session is None:
            return self.storage.retry()
        had_review = session.review_id is not None
        if not session.retry():
            return False
        if not had_review:
            self.session_opened.emit(session)
        return True

    def forget_review(self, review_id: int) -> None:
        """Its data was deleted; the document stays open, with a fresh review if it
        was this one."""
        if self.session is not None and self.session.forget_review(review_id):
            self.session_opened.emit(self.session)
        elif self.session is None:
            self.storage.forget_review(review_id)

    def shutdown(self) -> None:
        """At window close: cancel, drain, close the provider and the store."""
        if self._closed:
            return
        self._closed = True
        self.driver.shutdown()
        self._drop_provider()
        if self.session is not None:
            self.session.close()  # kept, closed: what it shows stays readable
        self.storage.close()

    # -- the session -------------------------------------------------------------------

    def _identity(self) -> ProviderIdentity:
        if self._setup is not None:
            return self._setup.identity
        return ProviderIdentity.placeholder(self._prefs)

    def _open_session(self) -> None:
        self.driver.set_session(None)
        source = self.session_source
        if self.session is not None:
            if source is None or not source.holds(self.session):
                self.session.close()  # one a folder review still works on, it closes
            self.session = None
        framework = self.framework
        if self._document is not None and framework is not None:
            lent = source.session_for(self._document, framework) if source else None
            self.session = lent or ReviewSession(self._document, framework, self.storage,
                                                 self._identity())
            if self._context is not None and self.session.context is None:
                self.session.set_context(self._context)
        self.driver.set_session(self.session)
        self.session_opened.emit(self.session)

    def _update_session(self) -> None:
        """Same review, other guidelines or provider: the review says so, and the
        next analysis uses them (results drained first belong to the old ones)."""
        self.driver.retire()
        framework = self.framework
        if self.session is not None and framework is not None:
            self.session.context = self._context  # recorded with the identity, just below
            self.session.update_identity(self._identity(), framework)
        self.driver.refresh()

    # -- the provider ------------------------------------------------------------------

    def _prepare_provider(self) -> None:
        self._serial += 1
        serial = self._serial
        self._preparing = True
        self.provider_preparing.emit()
        job = Job(_prepare, self.provider_factory, self._document, self._prefs)
        job.signals.finished.connect(lambda ready: self._on_provider(serial, *ready))
        job.signals.failed.connect(lambda exc: self._on_provider_failed(serial, exc))
        self.runner.start(job)

    def _on_provider(self, serial: int, setup: ProviderSetup,
                     context: DocumentContext | None) -> None:
        if serial != self._serial or self._closed:
            setup.close()
            return
        self._preparing = False
        self._setup = setup
        self._context = context
        self._update_session()
        self.driver.set_provider(setup)  # analyses asked for meanwhile start now
        self.provider_ready.emit(setup)

    def _on_provider_failed(self, serial: int, exc: BaseException) -> None:
        if serial != self._serial or self._closed:
            return
        self._preparing = False
        self.driver.drop_waiting()
        if isinstance(exc, NoReviewer):
            log.error("no reviewer: %s", exc)
        else:
            log.error("preparing the reviewer failed", exc_info=exc)
        self.provider_failed.emit(str(exc) or type(exc).__name__)

    def ensure_provider(self) -> None:
        """A reviewer is wanted: prepare one unless it is ready or being prepared."""
        self._on_provider_wanted()

    def _on_provider_wanted(self) -> None:
        if self._setup is None and not self._preparing and self._document is not None:
            self._prepare_provider()  # the last attempt failed: try again now

    def _drop_provider(self) -> None:
        self._serial += 1  # a preparation in flight is now stale
        self._preparing = False
        self.driver.set_provider(None)  # drained first: its jobs use the provider
        setup, self._setup = self._setup, None
        self._context = None
        if setup is not None:
            setup.close()

    def _on_busy_changed(self, busy: bool) -> None:
        if not busy and self._prefs_deferred:
            self._prefs_deferred = False
            # Not from inside the dispatcher's own signal: after it returns.
            QTimer.singleShot(0, self, self._apply_deferred_prefs)

    def _apply_deferred_prefs(self) -> None:
        if self._closed or self._document is None:
            return
        if self.busy:  # a new run started meanwhile: wait for that one
            self._prefs_deferred = True
            return
        self.refresh_provider()


def _prepare(factory: ProviderFactory, document: Document,
             prefs: ReviewPrefs) -> tuple[ProviderSetup, DocumentContext | None]:
    """On a worker thread: the reviewer, and the context its requests carry. The passes
    over the whole document are imported here too: left to the end of Analyse All, their
    first import held the GUI thread for 130 ms (bench/window_bench.py)."""
    import desktop_app.ai.consistency  # noqa: F401
    import desktop_app.ai.crosscheck  # noqa: F401

    setup = factory(document, prefs)
    try:
        return setup, review_context(document, setup, prefs)
    except BaseException:
        setup.close()
        raise
