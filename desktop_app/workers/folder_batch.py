"""The batch half of a folder run: review sessions' sections as Bedrock batch jobs.

    stage = BatchStage(provider, settings, storage, runner)
    stage.section_settled.connect(...)   # ai.batch.SectionOutcome, on this thread
    stage.finished.connect(...)          # {document key: [section ids to ask on demand]}
    stage.start(sessions, work)          # {key: ReviewSession}, {key: [Section]}

First the jobs the store holds open for these documents are resumed (a
restart, or the same command run again after a kill: no second job is made
for them); then the sections still to review go into one new job, unless they
are too few for Bedrock's minimum, in which case they are left to on-demand
calls with a notice. Each step (upload, create, poll, collect, stop) is a
`Job` on the run's runner, so this thread never waits on AWS. The handle is
stored the moment the records are uploaded and again when the job has its ARN;
its state as it is polled. What the job answered is settled section by
section; records it could not answer are handed back to be asked on demand.

`cancel` stops the job (StopModelInvocationJob); `detach` only stops
watching (the window closes, a run is interrupted): the job runs on in
Bedrock and the store keeps it open for the next start to collect.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import replace

from PySide6.QtCore import QObject, Signal

from desktop_app.ai.batch import (
    BatchDocument,
    BatchJobs,
    BatchSettings,
    JobHandle,
    JobStatus,
    SectionOutcome,
    TooFewRecords,
)
from desktop_app.ai.provider import Cancelled, CancelToken, FailureKind, ProviderError
from desktop_app.document import Section
from desktop_app.session import ReviewSession, Storage, StoreError
from desktop_app.session.batch import batch_document, handle_documents, job_extra
from desktop_app.workers.jobs import Job, JobRunner

log = logging.getLogger(__name__)


def describe_status(name: str, status: JobStatus) -> str:
    """"batch job margin-…: InProgress, 40 of 120 records" """
    counts = ""
    if status.total:
        counts = f", {status.processed or 0} of {status.total} records"
        if status.errors:
            counts += f" ({status.errors} failed)"
    return f"batch job {name}: {status.state.value}{counts}"


class BatchStage(QObject):
    section_settled = Signal(object)  # ai.batch.SectionOutcome
    status_changed = Signal(str)  # the job's state in words
    notice = Signal(str)  # what the user must read (the minimum, a handle not stored)
    job_failed = Signal(object, object)  # ProviderError, [(document key, section id)]
    finished = Signal(object)  # {document key: [section ids to ask on demand]}
    _polled = Signal(str, object)  # job name, JobStatus: from the polling thread

    def __init__(self, provider: object, settings: BatchSettings, storage: Storage,
                 runner: JobRunner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.jobs = BatchJobs(provider, settings)  # type: ignore[arg-type]
        self.settings = settings
        self.storage = storage
        self.runner = runner
        self.token = CancelToken()
        self.handle: JobHandle | None = None  # the job being worked on
        self.created = 0  # jobs this stage created (not resumed)
        self.resumed = 0
        self.unanswered = 0  # sections handed back to be asked on demand
        self._sessions: dict[str, ReviewSession] = {}
        self._work: dict[str, list[Section]] = {}
        self._resumable: list[JobHandle] = []
        self._on_demand: dict[str, list[str]] = {}
        self._cancelled = False
        self._detached = False
        self._running = False
        self._new_job_done = False
        self._last_state: dict[str, str] = {}
        self._polled.connect(self._on_polled)

    @property
    def running(self) -> bool:
        return self._running

    # -- the stage ---------------------------------------------------------------------

    def start(self, sessions: dict[str, ReviewSession], work: dict[str, list[Section]], *,
              new_job: bool = True) -> None:
        """Resume the store's open jobs for these documents, then (`new_job`) submit one
        for the sections of `work` they do not hold."""
        self._new_job_done = not new_job
        self._sessions = dict(sessions)
        self._work = {k: list(v) for k, v in work.items() if v}
        self._running = True
        try:
            stored = self.storage.batch_jobs(open_only=True)
        except StoreError as err:
            stored = []
            self.notice.emit(f"the batch jobs in the review store cannot be read ({err}): "
                             "none is resumed")
        for job in stored:
            try:
                handle = JobHandle.from_json(job.handle)
            except ValueError as err:
                log.error("stored batch job %s: %s", job.job_name, err)
                continue
            keys = set(handle.documents)
            if keys and keys <= set(self._sessions):
                self._resumable.append(handle)
        self._next()

    def cancel(self) -> None:
        """Stop the job (it is stopped in Bedrock once the step in flight returns)."""
        self._cancelled = True
        self.token.cancel()

    def detach(self) -> None:
        """Stop watching; the job runs on and stays open in the store."""
        self._detached = True
        self.token.cancel()

    def close(self) -> None:
        self.jobs.close()

    def _next(self) -> None:
        """The next job: one to resume, then a new one for what is left; then done."""
        if self._cancelled or self._detached:
            self._finish()
            return
        if self._resumable:
            handle = self._resumable.pop(0)
            self.resumed += 1
            self.notice.emit(f"resuming batch job {handle.job_name} (stored by an earlier run)")
            self._take_over(handle)
            self._watch(handle)
            return
        if not self._new_job_done:
            self._new_job_done = True
            documents = self._documents_left()
            if documents:
                self._prepare(documents)
                return
        self._finish()

    def _take_over(self, handle: JobHandle) -> None:
        """The job's sections are its own: none goes into a new job."""
        for key, sid in {(ref.document, ref.section_id) for ref in handle.records.values()}:
            self._work[key] = [s for s in self._work.get(key, []) if s.id != sid]

    def _documents_left(self) -> list[BatchDocument]:
        return [batch_document(self._sessions[key], sections)
                for key, sections in self._work.items() if sections and key in self._sessions]

    def _finish(self) -> None:
        if not self._running:
            return
        self._running = False
        self.handle = None
        on_demand, self._on_demand = self._on_demand, {}
        if self.unanswered and not (self._cancelled or self._detached):
            n = self.unanswered
            self.notice.emit(f"{n} section{'s' if n != 1 else ''} the batch job could not "
                             "answer (error records, damaged lines) are reviewed on demand")
        self.finished.emit(on_demand)

    # -- steps ---------------------------------------------------------------------------

    def _step(self, fn: Callable[..., object], done: Callable[[object], None],
              failed: Callable[[BaseException], None], *args: object) -> None:
        job = Job(fn, *args)
        job.signals.finished.connect(done)
        job.signals.failed.connect(failed)
        # A step that stopped at a cancel (polling) reports `cancelled`, not `failed`.
        job.signals.cancelled.connect(lambda: failed(Cancelled()))
        self.runner.start(job)

    def _prepare(self, documents: list[BatchDocument]) -> None:
        self.status_changed.emit(f"uploading the batch records of {len(documents)} "
                                 f"document{'s' if len(documents) != 1 else ''}")
        sessions = [self._sessions[d.key] for d in documents]
        self._step(self.jobs.prepare, lambda h: self._prepared(h, sessions),
                   lambda exc: self._prepare_failed(exc, documents), documents)

    def _prepare_failed(self, exc: BaseException, documents: list[BatchDocument]) -> None:
        if isinstance(exc, TooFewRecords):
            self.notice.emit(exc.message)
            for d in documents:  # every one of them, on demand
                self._on_demand.setdefault(d.key, []).extend(s.section_id for s in d.sections)
            self._work.clear()
            self._next()
            return
        self._whole_job_failed(exc, [(d.key, s.section_id) for d in documents
                                     for s in d.sections])
        self._next()

    def _prepared(self, handle: object, sessions: list[ReviewSession]) -> None:
        assert isinstance(handle, JobHandle)
        handle = replace(handle, extra=job_extra(sessions))
        self.handle = handle
        self._store(handle)
        self._work.clear()
        if self._cancelled:
            # Nothing was created in Bedrock yet: nothing to stop; the records stay in S3.
            self._close_job(handle, "Cancelled", "cancelled before the job was created")
            self._next()
            return
        if self._detached:  # stored: the next start creates the job and collects it
            self._next()
            return
        self.status_changed.emit(f"creating batch job {handle.job_name}")
        self._step(self.jobs.submit, self._submitted, self._job_error, handle)

    def _submitted(self, handle: object) -> None:
        assert isinstance(handle, JobHandle)
        self.created += 1
        self.handle = handle
        self._store(handle)
        self._watch(handle)

    def _watch(self, handle: JobHandle) -> None:
        self.handle = handle
        if self._cancelled:
            self._stop(handle)
            return
        if self._detached:
            self._next()
            return
        if not handle.job_arn:  # prepared before a crash, never created (or not stored)
            self._step(self.jobs.submit, self._submitted, self._job_error, handle)
            return
        self.status_changed.emit(f"batch job {handle.job_name}: waiting for Bedrock")
        name = handle.job_name
        self._step(self.jobs.wait, lambda status: self._ended(handle, status), self._job_error,
                   handle, self.token, lambda status: self._polled.emit(name, status))

    def _on_polled(self, name: str, status: JobStatus) -> None:
        self.status_changed.emit(describe_status(name, status))
        if self._last_state.get(name) != status.state.value:
            self._last_state[name] = status.state.value
            try:
                self.storage.set_batch_state(name, status.state.value, status.message)
            except StoreError as err:
                log.error("batch job %s: state not stored: %s", name, err)

    def _ended(self, handle: JobHandle, status: object) -> None:
        assert isinstance(status, JobStatus)
        if self._detached or self._cancelled:
            self._next()  # the job is over: the next start collects it
            return
        if status.state.has_output:
            self.status_changed.emit(describe_status(handle.job_name, status) + ": collecting")
        documents = self._job_documents(handle)
        self._step(self.jobs.collect, lambda _outcome: self._collected(handle, status),
                   self._job_error, handle, documents, self.token,
                   self.section_settled.emit)

    def _job_documents(self, handle: JobHandle) -> list[BatchDocument]:
        """The job's sections as the documents hold them now (a changed one's answer no
        longer applies: collect says so, and it is asked on demand)."""
        wanted: dict[str, set[str]] = {}
        for ref in handle.records.values():
            wanted.setdefault(ref.document, set()).add(ref.section_id)
        documents = []
        for key, ids in wanted.items():
            session = self._sessions.get(key)
            if session is not None:
                sections = [s for s in session.document.walk() if s.id in ids]
                documents.append(batch_document(session, sections))
        return documents

    def _collected(self, handle: JobHandle, status: JobStatus) -> None:
        self._close_job(handle, status.state.value, status.message)
        self.status_changed.emit(describe_status(handle.job_name, status) + ": collected")
        self._next()

    def _job_error(self, exc: BaseException) -> None:
        handle = self.handle
        if isinstance(exc, Cancelled):
            if self._cancelled and handle is not None and handle.job_arn:
                self._stop(handle)
                return
            self._next()  # detached: the job runs on, open in the store
            return
        if handle is not None:
            message = exc.message if isinstance(exc, ProviderError) else str(exc)
            self._close_job(handle, "Failed", message)
            places = sorted({(r.document, r.section_id) for r in handle.records.values()})
        else:
            places = []
        self._whole_job_failed(exc, places)
        self._next()

    def _whole_job_failed(self, exc: BaseException,
                          places: Sequence[tuple[str, str]]) -> None:
        if not isinstance(exc, ProviderError):
            log.error("batch step failed", exc_info=exc)
            exc = ProviderError(FailureKind.INTERNAL, f"the batch job failed: "
                                f"{type(exc).__name__}; see the log")
        self.job_failed.emit(exc, list(places))

    def _stop(self, handle: JobHandle) -> None:
        self.status_changed.emit(f"stopping batch job {handle.job_name}")
        self._step(self.jobs.stop, lambda status: self._stopped(handle, status),
                   lambda exc: self._stop_failed(handle, exc), handle)

    def _stopped(self, handle: JobHandle, status: object) -> None:
        state = status.state.value if isinstance(status, JobStatus) else "Stopping"
        self._close_job(handle, state, "stopped: the review was cancelled")
        self.status_changed.emit(f"batch job {handle.job_name}: stopped")
        self._next()

    def _stop_failed(self, handle: JobHandle, exc: BaseException) -> None:
        message = exc.message if isinstance(exc, ProviderError) else type(exc).__name__
        self.notice.emit(f"batch job {handle.job_name} could not be stopped ({message}): it "
                         "may still run, and be billed, in Bedrock")
        self._next()

    # -- the store ---------------------------------------------------------------------------

    def _store(self, handle: JobHandle) -> None:
        try:
            self.storage.save_batch_job(handle.job_name, handle.to_json(), handle.job_arn)
        except StoreError as err:
            self.notice.emit(f"batch job {handle.job_name} could not be stored ({err}): if "
                             "this run stops early, it cannot be resumed")

    def _close_job(self, handle: JobHandle, state: str, message: str) -> None:
        try:
            self.storage.set_batch_state(handle.job_name, state, message, open=False)
        except StoreError as err:
            log.error("batch job %s: state not stored: %s", handle.job_name, err)

    # -- for the run ---------------------------------------------------------------------------

    def ask_on_demand(self, outcome: SectionOutcome) -> None:
        """A section the job could not answer: the run asks it on demand afterwards."""
        self.unanswered += 1
        self._on_demand.setdefault(outcome.document, []).append(outcome.section_id)


def stored_job_documents(storage: Storage) -> list[tuple[JobHandle, str, dict[str, str]]]:
    """(handle, framework name, {document key: path}) of every open job the store holds
    (for the window's start: a job to resume); raises StoreError."""
    found = []
    for job in storage.batch_jobs(open_only=True):
        try:
            handle = JobHandle.from_json(job.handle)
        except ValueError as err:
            log.error("stored batch job %s: %s", job.job_name, err)
            continue
        framework, paths = handle_documents(handle)
        found.append((handle, framework, paths))
    return found
