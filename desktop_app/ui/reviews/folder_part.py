"""The window's folder review: a `FolderRun` over many documents, beside the document shown.

A part with no widgets: given the window's `Storage` (one store per process),
it starts a run (File → Review Folder…), resumes the batch jobs the store
holds open when the window starts, says how the run goes in one line for the
status bar, and lends the session of a document the run holds to the window
when the reviewer opens that document (`session_for`), so that it opens into
its own review while the folder keeps running, with its results arriving
live. `shown` is the window's current session: the run keeps it open when
that document ends. `shutdown` (the window closes) keeps what is done: a batch
job runs on in Bedrock, and the next start resumes it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from desktop_app.ai.batch import BatchSettings
from desktop_app.ai.pacer import describe
from desktop_app.document import Document
from desktop_app.review.frameworks import Framework
from desktop_app.review.progress_printer import format_eta
from desktop_app.session import (
    ProviderFactory,
    ReviewPrefs,
    ReviewSession,
    Storage,
    StoreError,
)
from desktop_app.session.batch import poll_overrides
from desktop_app.session.folder import DocumentEntry, FolderItem, FolderProgress
from desktop_app.workers.folder_batch import stored_job_documents
from desktop_app.workers.folder_run import FolderRun

log = logging.getLogger(__name__)


def progress_line(p: FolderProgress) -> str:
    """"Folder: 3 of 30 documents · 120 of 400 sections · 2 failed · ETA 2m" """
    sections = f"{p.sections_finished} of {p.sections_total}{'+' if p.unopened else ''}"
    parts = [f"Folder: {p.documents_finished} of {p.documents} documents",
             f"{sections} sections"]
    if p.sections_failed:
        parts.append(f"{p.sections_failed} failed")
    if p.documents_finished < p.documents and not p.batch:
        parts.append(format_eta(p.eta_seconds))
    pace = describe(p.pace)  # type: ignore[arg-type]
    if pace:
        parts.append(pace)
    if p.batch:
        parts.append(p.batch)
    return " · ".join(parts)


class FolderReview(QObject):
    started = Signal()  # a run began (the Reviews list shows it)
    document_changed = Signal(object)  # DocumentEntry
    sections_changed = Signal(object, object)  # ReviewSession, {section id: SectionStatus}
    status_changed = Signal(str)  # the run in one line; "" when there is none
    message = Signal(str)  # what the reviewer must read (the minimum, an estimate)
    busy_changed = Signal(bool)
    finished = Signal(object)  # FolderProgress

    def __init__(self, storage: Storage, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.storage = storage
        self.run: FolderRun | None = None
        self.shown: ReviewSession | None = None  # the window's session: kept open
        self.last: FolderProgress | None = None
        self.mode = ""  # "on demand" | "batch"
        self.folder = ""  # what was reviewed, in words

    @property
    def busy(self) -> bool:
        return self.run is not None and self.run.busy

    @property
    def entries(self) -> list[DocumentEntry]:
        return list(self.run.entries) if self.run is not None else []

    # -- runs ---------------------------------------------------------------------------

    def start(self, items: list[FolderItem], framework: Framework, prefs: ReviewPrefs,
              factory: ProviderFactory, batch: BatchSettings | None = None,
              folder: str = "", only: dict[str, set[str]] | None = None) -> bool:
        """Review `items`; False while another run goes on. `only`: resume stored batch
        jobs, asking nothing else (per path, their sections)."""
        if self.busy or not items:
            return False
        self._drop_run()
        run = FolderRun(self.storage, framework, prefs, provider_factory=factory,
                        batch=batch, only=only, parent=self)
        run.keep_session = lambda session: session is self.shown
        run.document_changed.connect(self.document_changed)
        run.document_finished.connect(lambda entry, _s: self.document_changed.emit(entry))
        run.sections_changed.connect(self.sections_changed)
        run.progress_changed.connect(self._on_progress)
        run.notice.connect(self.message)
        run.provider_failed.connect(lambda reason: self.message.emit(
            f"The folder cannot be reviewed: {reason}"))
        run.provider_unusable.connect(lambda error: self.message.emit(
            f"The folder review stopped: {error.message}"))
        run.finished.connect(self._on_finished)
        self.run = run
        self.mode = "batch" if batch is not None else "on demand"
        self.folder = folder or (Path(items[0].path).parent.name if items else "")
        log.info("folder review: %d documents, %s", len(items), self.mode)
        run.start(items)
        self.busy_changed.emit(True)
        self.started.emit()
        return True

    def resume_stored(self, framework_named: Callable[[str], Framework | None],
                      prefs: ReviewPrefs, factory: ProviderFactory) -> int:
        """At start: the batch jobs the store holds open, collected into their reviews
        (their documents opened again from where they were). How many were found."""
        try:
            stored = stored_job_documents(self.storage)
        except StoreError as err:
            self.message.emit(f"The stored batch jobs cannot be read: {err}")
            return 0
        if not stored or self.busy:
            return 0
        handle, framework_name, paths = stored[0]
        framework = framework_named(framework_name)
        missing = [p for p in paths.values() if not Path(p).is_file()]
        if framework is None or not paths or missing:
            what = (f"its framework “{framework_name}” is not available" if framework is None
                    else f"{len(missing)} of its documents are not where they were")
            self.message.emit(f"Batch job {handle.job_name} cannot be resumed: {what}.")
            return len(stored)
        from desktop_app.ai.batch import BatchSettings as Settings

        try:
            settings = Settings.create(_prefix_of(handle.input_uri, handle.job_name),
                                       handle.role_arn, min_records=1, **poll_overrides())
        except ValueError as err:
            self.message.emit(f"Batch job {handle.job_name} cannot be resumed: {err}")
            return len(stored)
        items = [FolderItem(path, Path(path).name) for path in paths.values()]
        only: dict[str, set[str]] = {}
        for ref in handle.records.values():
            only.setdefault(str(Path(paths[ref.document]).absolute()), set()).add(
                ref.section_id)
        self.message.emit(f"Resuming batch job {handle.job_name} ({len(items)} documents).")
        self.start(items, framework, prefs, factory, settings, folder=handle.job_name,
                   only=only)
        return len(stored)

    def cancel(self) -> None:
        """The reviewer's Cancel: nothing more is asked; a batch job is stopped."""
        if self.run is not None:
            self.run.cancel()

    def shutdown(self) -> None:
        """The window closes: what is done is kept; a batch job runs on, for the next
        start to collect."""
        run = self.run
        if run is not None:
            run.shutdown()
            if run.setup is not None:
                run.setup.close()

    def session_for(self, document: Document, framework: Framework) -> ReviewSession | None:
        """The session the run holds for this document (the same file, the same
        content, the same framework), while it runs."""
        if self.run is None:
            return None
        session = self.run.session_for(document.path)
        if (session is None or session.document.sha256 != document.sha256
                or session.framework.name != framework.name):
            return None
        return session

    def holds(self, session: ReviewSession) -> bool:
        """Whether the run still works on this session (the window must not close it)."""
        return self.run is not None and self.run.session_for(session.document.path) is session

    # -- internals ----------------------------------------------------------------------

    def _on_progress(self, progress: FolderProgress) -> None:
        self.last = progress
        self.status_changed.emit(progress_line(progress))

    def _on_finished(self, progress: FolderProgress) -> None:
        self.last = progress
        failed = progress.documents_failed
        self.status_changed.emit("")
        self.message.emit(
            f"Folder review finished: {progress.documents_finished} of {progress.documents} "
            f"documents, {progress.sections_finished} of {progress.sections_total} sections"
            + (f"; {failed} document{'s' if failed != 1 else ''} with failures" if failed
               else "") + ".")
        run = self.run
        if run is not None and run.setup is not None:
            run.setup.close()
        self.busy_changed.emit(False)
        self.finished.emit(progress)

    def _drop_run(self) -> None:
        run, self.run = self.run, None
        if run is not None:
            run.shutdown()
            run.deleteLater()


def _prefix_of(input_uri: str, job_name: str) -> str:
    """s3://bucket/prefix/JOB/records.jsonl -> s3://bucket/prefix"""
    head, _, _ = input_uri.partition(f"/{job_name}/")
    return head
