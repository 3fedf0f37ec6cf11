"""Several documents in one run: the Qt driver `margin review FOLDER` and the window's
Review Folder both run.

    run = FolderRun(storage, framework, prefs, fresh=False, batch=None)
    run.document_finished.connect(...)   # DocumentEntry, ReviewSession: write its report
    run.start(find_documents(paths).items)

Each document is opened off this thread (a `Job`), gets its own
`ReviewSession` (resumed from the store: the sections already answered for
this text and these settings are not asked again) and, for its sections, a
`SessionDriver`, exactly as a single document does. Every document shares
one provider, and so one pacer per model (ai/pacer.py): the sections of
several documents are in flight together, and a folder of small documents
goes at the quota's pace rather than one document at a time. Documents are
opened only while the sections in flight and queued stay under twice the
concurrency cap, so a thousand documents are not all held at once; one that
cannot be opened is listed with its reason and the others go on.

With `batch` settings, every document is opened first and their sections go
to Bedrock batch jobs (`folder_batch.BatchStage`); what a job could not answer,
and everything when there are too few records for a job, is then asked on
demand the same way.

A document is finished once its last section has an outcome:
`document_finished` is emitted with its session, which is closed after the
slot returns unless `keep_session` says the window shows it. `cancel` stops the
run (a batch job is stopped too); `stop` ends it at once, keeping what is done
(the window closes, `margin review` is interrupted): a batch job then runs on,
to be resumed by the next start.
"""

from __future__ import annotations

import logging
import time
from collections import Counter, deque
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import partial

from PySide6.QtCore import QObject, QTimer, Signal

from desktop_app.ai.batch import BatchSettings, SectionOutcome
from desktop_app.ai.context import DocumentContext
from desktop_app.ai.provider import ProviderError
from desktop_app.document import Document, DocumentError, Section, load
from desktop_app.review.findings import SEVERITIES
from desktop_app.review.frameworks import Framework
from desktop_app.review.status import SectionStatus
from desktop_app.session import (
    NoReviewer,
    ProviderSetup,
    ReviewPrefs,
    ReviewSession,
    Storage,
    choose_provider,
    review_context,
    visible_findings,
)
from desktop_app.session.batch import compare_costs, document_key, settle
from desktop_app.session.folder import DocumentEntry, DocumentState, FolderItem, FolderProgress
from desktop_app.workers.jobs import Job, JobRunner
from desktop_app.workers.session_driver import SessionDriver

log = logging.getLogger(__name__)  # counts and states: never document text

PROGRESS_MS = 1000  # the totals (ETA, pace) are refreshed this often while busy
MAX_OPEN = 64  # documents held at once, whatever their size
_TERMINAL = (SectionStatus.DONE, SectionStatus.FAILED, SectionStatus.CANCELLED)

SetupFactory = Callable[[Document, ReviewPrefs], ProviderSetup]


def _open(path: str, setup: ProviderSetup | None, factory: SetupFactory,
          prefs: ReviewPrefs) -> tuple[Document, ProviderSetup, bool, DocumentContext | None]:
    """On a worker: the document, the reviewer for it (chosen with the first), and the
    shared context its section requests carry (a second or so on a long document)."""
    doc = load(path)
    first = setup is None
    setup = factory(doc, prefs) if setup is None else setup.for_document(doc)
    return doc, setup, first, review_context(doc, setup, prefs)


@dataclass(slots=True)
class _Open:
    """A document this run holds open."""

    session: ReviewSession
    setup: ProviderSetup
    to_run: list[Section]
    pending: set[str] = field(default_factory=set)  # asked and not yet answered
    driver: SessionDriver | None = None
    opened_at: float = field(default_factory=time.monotonic)
    in_batch: bool = False
    checking: bool = False  # the passes over the whole document run


class FolderRun(QObject):
    document_opened = Signal(object, object)  # DocumentEntry, ReviewSession: before any work
    document_changed = Signal(object)  # DocumentEntry
    document_finished = Signal(object, object)  # DocumentEntry, ReviewSession or None
    sections_changed = Signal(object, object)  # ReviewSession, {section id: SectionStatus}
    section_failed = Signal(object, str, object)  # DocumentEntry, section id, ProviderError
    document_checked = Signal(object, object)  # DocumentEntry, [PassOutcome]: the passes ran
    progress_changed = Signal(object)  # FolderProgress
    provider_ready = Signal(object)  # ProviderSetup (the first document's)
    provider_failed = Signal(str)  # no reviewer can serve: nothing runs
    provider_unusable = Signal(object)  # a fatal ProviderError: the run stops
    notice = Signal(str)  # one line the user must read
    batch_changed = Signal(str)  # the batch job's state, in words
    finished = Signal(object)  # FolderProgress

    def __init__(self, storage: Storage, framework: Framework, prefs: ReviewPrefs, *,
                 provider_factory: SetupFactory = choose_provider, fresh: bool = False,
                 batch: BatchSettings | None = None,
                 only: dict[str, set[str]] | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.storage = storage
        self.framework = framework
        self.prefs = prefs
        self.provider_factory = provider_factory
        self.fresh = fresh
        self.batch_settings = batch
        # Resuming stored batch jobs only: per document path, the sections they hold
        # (nothing else is asked, and no new job is made).
        self.only = only
        self.setup: ProviderSetup | None = None
        self.entries: list[DocumentEntry] = []
        self.keep_session: Callable[[ReviewSession], bool] = lambda _s: False
        self.runner = JobRunner(self, max_threads=2)  # opening documents, batch steps
        self.batch_stage = None  # folder_batch.BatchStage, while a batch stage runs
        self.fatal: ProviderError | None = None
        self.no_reviewer = ""  # why no reviewer could be chosen
        self.started_at = time.monotonic()
        self._queue: deque[int] = deque()  # documents not opened yet
        self._loading: int | None = None
        self._open: dict[int, _Open] = {}
        self._ready: deque[int] = deque()  # opened, waiting for a driver
        self._by_key: dict[str, int] = {}
        self._batch_text = ""
        self._cancelled = False
        self._stopped = False
        self._started = False
        self._said: set[str] = set()  # notices given once for the whole run
        self._done = False
        self._timer = QTimer(self)
        self._timer.setInterval(PROGRESS_MS)
        self._timer.timeout.connect(self._emit_progress)

    # -- state -----------------------------------------------------------------------------

    @property
    def busy(self) -> bool:
        return self._started and not self._done

    @property
    def cancelled(self) -> bool:
        return self._cancelled

    def progress(self) -> FolderProgress:
        pace = None
        read = getattr(self.setup.provider, "pace_state", None) if self.setup else None
        if callable(read):
            pace = read()
        return FolderProgress.of(self.entries, self.started_at, self._batch_text, pace)

    def session_for(self, path: str) -> ReviewSession | None:
        """The session this run holds for the document at `path`, while it runs."""
        for index, held in self._open.items():
            if self.entries[index].path == path:
                return held.session
        return None

    # -- the run ------------------------------------------------------------------------------

    def start(self, items: list[FolderItem]) -> None:
        if self._started:
            raise RuntimeError("a FolderRun runs once")
        self._started = True
        self.started_at = time.monotonic()
        self.entries = [DocumentEntry(i, item) for i, item in enumerate(items)]
        self._queue.extend(range(len(items)))
        log.info("folder run: %d documents%s", len(items),
                 ", batch" if self.batch_settings else "")
        self._timer.start()
        self._emit_progress()
        QTimer.singleShot(0, self, self._pump)

    def cancel(self) -> None:
        """Ask nothing more; what runs is cancelled, a batch job stopped."""
        if self._cancelled or self._done:
            return
        self._cancelled = True
        while self._queue:
            self._drop(self._queue.popleft())
        while self._ready:
            self._finish(self._ready.popleft())
        if self.batch_stage is not None:
            self.batch_stage.cancel()
        for index, held in list(self._open.items()):
            if held.driver is not None:
                held.driver.cancel_all()  # the passes over the whole document too
                if not held.driver.busy and not held.checking:
                    self._finish(index)
            elif not held.in_batch:  # waiting for the others to open, or for a driver
                self._finish(index)
        self._check_done()

    def stop(self) -> None:
        """End now (closing, interrupted): what is done is kept, what runs is drained.
        A batch job runs on, and the next start resumes it."""
        if self._done or not self._started:
            self._done = True
            return
        self._stopped = self._cancelled = True
        if self.batch_stage is not None:
            self.batch_stage.detach()
        self.runner.shutdown()  # the open in flight, the batch step in flight
        if self.batch_stage is not None:
            self._end_batch_stage()
        for index, held in list(self._open.items()):
            if held.driver is not None:
                held.driver.shutdown()  # every answer that came is recorded
            self._finish(index)
        for index in list(self._queue) + ([self._loading] if self._loading is not None else []):
            self._drop(index)
        self._queue.clear()
        self._loading = None
        self._check_done()

    # -- opening ------------------------------------------------------------------------------

    def _outstanding(self) -> int:
        return sum(len(h.pending) for h in self._open.values() if h.driver is not None)

    def _target(self) -> int:
        """Sections in flight and queued the run aims for: twice the cap, so that the
        pacer always has the next request of some document ready."""
        return max(2, 2 * (self.setup.threads if self.setup is not None else 1))

    def _pump(self) -> None:
        if self._done or self._stopped:
            return
        while self._ready and (self._outstanding() < self._target() or not self._driving()):
            self._drive(self._ready.popleft())
        if self._cancelled or self._loading is not None or not self._queue:
            if (self.batch_settings is not None and not self._cancelled
                    and self._loading is None and not self._queue):
                self._start_batch()  # every document is open: one job for all of them
            self._check_done()
            return
        if self.batch_settings is None:
            if self.setup is None and self._open:
                return  # the first document chooses the reviewer
            if (self._outstanding() >= self._target() or self._ready
                    or len(self._open) >= MAX_OPEN):
                return
        self._load(self._queue.popleft())

    def _driving(self) -> bool:
        return any(h.driver is not None for h in self._open.values())

    def _load(self, index: int) -> None:
        entry = self.entries[index]
        entry.state = DocumentState.OPENING
        self._loading = index
        self.document_changed.emit(entry)
        job = Job(_open, entry.path, self.setup, self.provider_factory, self.prefs)
        job.signals.finished.connect(partial(self._opened, index))
        job.signals.failed.connect(partial(self._open_failed, index))
        self.runner.start(job)

    def _open_failed(self, index: int, exc: BaseException) -> None:
        if self._stopped:
            return  # reported after the run ended: listed as not opened
        self._loading = None
        entry = self.entries[index]
        if isinstance(exc, NoReviewer):
            self.no_reviewer = str(exc)
            self.provider_failed.emit(self.no_reviewer)
            self._drop(index)
            self.cancel()
            return
        if isinstance(exc, DocumentError):
            entry.reason = exc.reason
        else:  # a bug: said plainly (never a document's text), logged with its traceback
            log.error("opening a document failed", exc_info=exc)
            entry.reason = f"internal error ({type(exc).__name__}); see the log"
        entry.state = DocumentState.CANNOT_OPEN
        self.document_finished.emit(entry, None)
        self._emit_progress()
        self._pump()

    def _opened(self, index: int,
                value: tuple[Document, ProviderSetup, bool, DocumentContext | None]) -> None:
        doc, setup, first, context = value
        if self._stopped:
            if first:
                setup.close()
            return  # reported after the run ended: listed as not opened
        self._loading = None
        entry = self.entries[index]
        if first:
            self.setup = setup
            if self.batch_settings is not None and setup.offline:
                self.no_reviewer = ("batch inference needs Amazon Bedrock, and the built-in "
                                    f"reviewer was chosen ({setup.fallback or 'local'})")
                self.provider_failed.emit(self.no_reviewer)
                self._drop(index)
                self.cancel()
                return
            self.provider_ready.emit(setup)
        if self._cancelled:
            self._drop(index)
            self._check_done()
            return
        session = ReviewSession(doc, self.framework, self.storage, setup.identity)
        if session.review_id is None:
            entry.reason = f"the review store failed: {self.storage.error}"
            entry.state = DocumentState.CANNOT_OPEN
            session.close()
            self.document_finished.emit(entry, None)
            self._pump()
            return
        # Part of what decides an answer: set before the stored answers are looked at.
        session.set_context(context)
        stored = set() if self.fresh else set(session.reusable_ids())
        # Tables of contents are never reviewed (nor counted as work to do).
        sections = [s for s in doc.walk() if s.reviewable]
        wanted = self.only.get(entry.path) if self.only is not None else None
        held = _Open(session, setup, [s for s in sections if s.id not in stored
                                      and (wanted is None or s.id in wanted)])
        self._open[index] = held
        self._by_key[document_key(session)] = index
        entry.title, entry.total, entry.review_id = doc.title, len(sections), session.review_id
        entry.stored = len(sections) - len(held.to_run)
        entry.to_run = len(held.to_run)
        self.document_opened.emit(entry, session)
        self._count(index)
        if not held.to_run:
            self._check(index)
        elif self.batch_settings is not None:
            entry.state = DocumentState.WAITING  # until every document is open
            self.document_changed.emit(entry)
        else:
            self._ready.append(index)
        self._emit_progress()
        self._pump()

    def _drop(self, index: int) -> None:
        """Never opened: listed as cancelled."""
        entry = self.entries[index]
        if entry.state.finished:
            return
        entry.state = DocumentState.CANCELLED
        self.document_finished.emit(entry, None)

    # -- on demand ------------------------------------------------------------------------------

    def _drive(self, index: int, section_ids: list[str] | None = None) -> None:
        held = self._open[index]
        sections = held.to_run if section_ids is None else [
            s for s in held.to_run if s.id in section_ids]
        if not sections:
            self._check(index)
            return
        driver = self._driver(held)
        driver.sections_changed.connect(partial(self._on_sections, index))
        driver.run_finished.connect(partial(self._on_run_finished, index))
        driver.provider_unusable.connect(self._on_unusable)
        held.driver = driver
        held.pending = {s.id for s in sections}
        entry = self.entries[index]
        entry.state = DocumentState.RUNNING
        self.document_changed.emit(entry)
        driver.analyse(sections, force=self.fresh)

    def _driver(self, held: _Open) -> SessionDriver:
        driver = SessionDriver(self)
        driver.set_session(held.session)
        driver.set_provider(held.setup)
        return driver

    def _on_sections(self, index: int, statuses: dict[str, SectionStatus]) -> None:
        held = self._open.get(index)
        if held is None:
            return
        entry = self.entries[index]
        for sid, status in statuses.items():
            if status in _TERMINAL:
                held.pending.discard(sid)
            if status is SectionStatus.FAILED:
                outcome = held.session.outcome(sid)
                if outcome is not None and outcome.error is not None:
                    self.section_failed.emit(entry, sid, outcome.error)
        self._count(index)
        self.sections_changed.emit(held.session, statuses)
        self._pump()

    def _on_run_finished(self, index: int, _progress: object) -> None:
        # Not from inside the driver's own signal: it is shut down when the document ends.
        QTimer.singleShot(0, self, lambda: self._check(index))

    # -- the document as a whole ------------------------------------------------------------------

    def _check(self, index: int) -> None:
        """The sections have their outcomes: the passes over the whole document (the
        built-in cross-section checks, and the consistency pass if asked), as a single
        document's review runs them; then the document ends."""
        held = self._open.get(index)
        if held is None or held.checking:
            return
        if self._cancelled or self._stopped or self.fatal is not None:
            self._finish(index)
            return
        if held.driver is None:  # every section came from the store
            held.driver = self._driver(held)
        held.checking = True
        held.driver.document_check_finished.connect(partial(self._on_checked, index))
        why = held.driver.check_document(consistency=self.prefs.consistency, force=self.fresh)
        if why and why not in self._said:
            self._said.add(why)
            self.notice.emit(why)

    def _on_checked(self, index: int, outcomes: object) -> None:
        held = self._open.get(index)
        if held is None:
            return
        from desktop_app.session import PASS_LABELS

        entry = self.entries[index]
        for outcome in outcomes or []:  # type: ignore[attr-defined]
            if outcome.findings is None:
                entry.pass_failures.append(
                    f"the {PASS_LABELS[outcome.origin]} failed: "
                    f"{outcome.error.message if outcome.error else 'unknown error'}")
        self.document_checked.emit(entry, list(outcomes or []))  # type: ignore[call-overload]
        QTimer.singleShot(0, self, lambda: self._finish(index))

    def _on_unusable(self, error: ProviderError) -> None:
        if self.fatal is None:
            self.fatal = error
            self.provider_unusable.emit(error)
            self.cancel()

    # -- batch ------------------------------------------------------------------------------------

    def _start_batch(self) -> None:
        from desktop_app.workers.folder_batch import BatchStage

        waiting = {idx: held for idx, held in self._open.items()
                   if self.entries[idx].state is DocumentState.WAITING}
        if self.batch_stage is not None or not waiting or self.setup is None:
            return
        assert self.batch_settings is not None
        sessions = {document_key(h.session): h.session for h in waiting.values()}
        work = {document_key(h.session): h.to_run for h in waiting.values()}
        self.notice.emit(compare_costs(
            [(h.session.document, h.session.framework, h.to_run) for h in waiting.values()],
            list(self.setup.provider.models), self.prefs.bedrock.prices,
            max_tokens=self.prefs.bedrock.max_tokens, mode=self.prefs.context_mode).summary())
        stage = BatchStage(self.setup.provider, self.batch_settings, self.storage, self.runner,
                           self)
        stage.section_settled.connect(self._on_batch_section)
        stage.status_changed.connect(self._on_batch_status)
        stage.notice.connect(self.notice)
        stage.job_failed.connect(self._on_batch_failed)
        stage.finished.connect(self._on_batch_finished)
        self.batch_stage = stage
        for index, held in waiting.items():
            held.in_batch = True
            held.pending = {s.id for s in held.to_run}
            self.entries[index].state = DocumentState.BATCH
            self.document_changed.emit(self.entries[index])
            changed = {s.id: held.session.set_status(s.id, SectionStatus.QUEUED)
                       for s in held.to_run}
            self.sections_changed.emit(held.session, changed)
        stage.start(sessions, work, new_job=self.only is None)

    def _on_batch_status(self, text: str) -> None:
        self._batch_text = text
        self.batch_changed.emit(text)
        self._emit_progress()

    def _on_batch_section(self, outcome: SectionOutcome) -> None:
        index = self._by_key.get(outcome.document)
        held = self._open.get(index) if index is not None else None
        if held is None or self.setup is None or self.batch_stage is None:
            return
        status, again = settle(held.session, outcome, self.batch_stage.handle.model
                               if self.batch_stage.handle else "", self.setup.source_of)
        if again:
            self.batch_stage.ask_on_demand(outcome)
        else:
            held.pending.discard(outcome.section_id)
            if status is SectionStatus.FAILED and outcome.error is not None:
                self.section_failed.emit(self.entries[index], outcome.section_id,
                                         outcome.error)
        self._count(index)
        self.sections_changed.emit(held.session, {outcome.section_id: status})

    def _on_batch_failed(self, error: ProviderError, places: list[tuple[str, str]]) -> None:
        """The job failed as a whole: its sections fail with its reason, said once (not
        reviewed on demand instead: that would spend what nobody asked to spend)."""
        for key, sid in places:
            index = self._by_key.get(key)
            held = self._open.get(index) if index is not None else None
            if held is None:
                continue
            held.session.record_failure(sid, error)
            held.pending.discard(sid)
            self._count(index)
            self.sections_changed.emit(held.session, {sid: held.session.status(sid)})
        if error.fatal:
            self._on_unusable(error)
        else:
            self.notice.emit(error.message)

    def _on_batch_finished(self, on_demand: dict[str, list[str]]) -> None:
        self._end_batch_stage()
        for index, held in list(self._open.items()):
            if not held.in_batch:
                continue
            held.in_batch = False
            again = on_demand.get(document_key(held.session), [])
            if again and not self._cancelled:
                held.to_run = [s for s in held.to_run if s.id in set(again)]
                self.entries[index].state = DocumentState.QUEUED
                self.document_changed.emit(self.entries[index])
                self._ready.append(index)
            else:
                self._cancel_pending(held)
                self._check(index)
        self._pump()

    def _end_batch_stage(self) -> None:
        stage, self.batch_stage = self.batch_stage, None
        if stage is not None:
            stage.close()
            stage.deleteLater()

    def _cancel_pending(self, held: _Open) -> None:
        """Sections the run asked for and will not ask now: cancelled."""
        changed = {}
        for sid in held.pending:
            if held.session.status(sid).live:
                changed[sid] = held.session.set_status(sid, SectionStatus.CANCELLED)
        held.pending.clear()
        if changed:
            self.sections_changed.emit(held.session, changed)

    # -- documents' ends --------------------------------------------------------------------------

    def _count(self, index: int) -> None:
        held = self._open.get(index)
        entry = self.entries[index]
        if held is not None:
            s = held.session
            entry.done = s.count(SectionStatus.DONE)
            entry.failed = s.count(SectionStatus.FAILED)
            entry.cancelled = s.count(SectionStatus.CANCELLED)
        self.document_changed.emit(entry)

    def _finish(self, index: int) -> None:
        held = self._open.pop(index, None)
        if held is None:
            return
        if index in self._ready:
            self._ready.remove(index)
        if held.driver is not None:
            held.driver.shutdown()
            held.driver.deleteLater()
        self._cancel_pending(held)
        entry = self.entries[index]
        session = held.session
        session.count_seconds(time.monotonic() - held.opened_at)
        self._count(index)
        live = entry.total - entry.done - entry.failed
        if entry.failed or entry.pass_failures:
            entry.state = DocumentState.FAILED
        elif entry.cancelled or live > 0:
            entry.state = DocumentState.CANCELLED
        else:
            entry.state = DocumentState.DONE
        counts = Counter(f.severity for s in session.document.walk()
                         for f in visible_findings(session.results.findings(s.id),
                                                   self.prefs.min_confidence))
        entry.findings = {k: counts.get(k, 0) for k in SEVERITIES}
        provider = held.setup.provider
        run = session.review_run(provider.name, list(provider.models),
                                 getattr(provider, "region", None), started=datetime.now(UTC),
                                 prices=getattr(provider, "prices", None))
        entry.cost_usd = run.cost()
        log.info("folder run: document %d of %d finished (%s)", index + 1, len(self.entries),
                 entry.state.value)
        self.document_finished.emit(entry, session)
        if not self.keep_session(session):
            session.close()
        self._emit_progress()
        if not self._stopped:
            self._pump()

    def _check_done(self) -> None:
        if self._done or self._queue or self._loading is not None or self._open or self._ready:
            return
        if self.batch_stage is not None:
            return
        self._done = True
        self._timer.stop()
        progress = self.progress()
        self.progress_changed.emit(progress)
        log.info("folder run finished: %d of %d documents", progress.documents_finished,
                 progress.documents)
        self.finished.emit(progress)

    def _emit_progress(self) -> None:
        if not self._done:
            self.progress_changed.emit(self.progress())

    def shutdown(self) -> None:
        """At the end (or a close): stop if still running, then drain the runner."""
        self.stop()
        self.runner.shutdown()

