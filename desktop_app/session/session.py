"""One document's review: the one object the window and `margin review` both drive.

Qt-free (Anki's `Collection` habit: one core, several front ends). A session is
made per document and framework, cheaply: it opens the stored review
(reconciled with the document as it is now) and restores what it holds. Then
everything the review learns goes through it: each section's status, answers
and failures (saved, then held), decisions, edits, the reviewer's own
findings, time spent and chat. Writes go to the shared `Storage`, whose one
policy keeps what the store refuses and writes it later. The statistics,
the report and the export snapshot are read from here.

An answer is saved before it is shown. The analysis thread that got it saves it
(`save_answer`, on the storage's second connection) and the session's thread
then only holds it (`record_result(..., saved=)`); where that thread could not
(something else waits to be written first, a store in memory, a failure),
`record_result` saves it as it always did. A change the reviewer made to the
section between the two (a decision on its earlier findings) is in the store
after the answer, and the store's copy of the section, read again, has both.

Sessions of several documents may share one `Storage` and one provider (its
limiter then paces all their requests); the Qt side (`workers/session_driver.py`)
runs a session's analyses on a dispatcher.
"""

from __future__ import annotations

import copy
import logging
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from desktop_app.ai.prices import Price
from desktop_app.ai.provider import (
    AnalysisResult,
    ContextMode,
    ProviderError,
    Usage,
    context_identity,
)
from desktop_app.document import Document
from desktop_app.export.selection import ReviewSnapshot, SectionReview
from desktop_app.review.document_findings import DocumentFinding
from desktop_app.review.facts import Fact
from desktop_app.review.findings import Finding
from desktop_app.review.frameworks import Framework
from desktop_app.review.outcome import SectionOutcome
from desktop_app.review.report import ReviewRun
from desktop_app.review.status import SectionStatus
from desktop_app.session.chat import ChatLog
from desktop_app.session.document_pass import DocumentPass, PassOutcome
from desktop_app.session.document_results import (
    WHOLE_DOCUMENT,
    copy_document_finding,
    is_document_finding,
)
from desktop_app.session.results import ReviewResults, copy_finding
from desktop_app.session.reviewer import ProviderIdentity, source_label
from desktop_app.session.statistics import leave_out, statistics_from_memory
from desktop_app.session.storage import Storage
from desktop_app.store.db import StoreError
from desktop_app.store.history import EarlierFinding, earlier_findings
from desktop_app.store.results import framework_identity, section_hash
from desktop_app.store.review_state import ReviewState, ReviewStatistics, SectionRecord
from desktop_app.store.reviews import ReviewStore

if TYPE_CHECKING:
    from desktop_app.ai.context import DocumentContext
    from desktop_app.ai.estimate import Estimate

log = logging.getLogger(__name__)


@dataclass(slots=True)
class RunEstimate:
    """The estimate shown before a run, and the review's totals when the run began: the
    statistics show what the run actually cost beside what was estimated."""

    estimate: Estimate
    usage_before: Usage
    cost_before: float | None

    def actual(self, usage: Usage, cost: float | None) -> tuple[Usage, float | None]:
        """What was spent since the run began, from the review's totals now."""
        b = self.usage_before
        spent = Usage(usage.requests - b.requests, usage.retries - b.retries,
                      usage.input_tokens - b.input_tokens, usage.output_tokens - b.output_tokens,
                      usage.cache_read_tokens - b.cache_read_tokens,
                      usage.cache_write_tokens - b.cache_write_tokens)
        money = None if cost is None or self.cost_before is None else cost - self.cost_before
        return spent, money


@dataclass(frozen=True, slots=True)
class SavedAnswer:
    """An answer an analysis thread saved (`ReviewSession.save_answer`): the review it
    went to, the section as the store held it right after, and the section's count of
    changes then (the session's thread reads the section again if it changed since)."""

    review_id: int
    record: SectionRecord | None  # None: the store did not take it (a text since changed)
    changes: tuple[int, int]


class ReviewSession:
    def __init__(self, document: Document, framework: Framework, storage: Storage,
                 identity: ProviderIdentity) -> None:
        self.document = document
        self.framework = framework
        self.storage = storage
        self.identity = identity
        self.results = ReviewResults()
        self.chat = ChatLog(self)
        self.review_id: int | None = None
        self.state: ReviewState | None = None  # what the review held when it last opened
        self.titles = {s.id: s.title for s in document.walk()}
        self.hashes = {s.id: section_hash(s.title, s.text) for s in document.walk()}
        self.opened = datetime.now(UTC)  # when this session began (a run's report says so)
        self.unsaved_seconds = 0.0  # time spent, counted but not written yet
        # What batch jobs billed for this session's sections: section id -> (model, usage).
        self.batch_usage: dict[str, tuple[str | None, Usage]] = {}
        self.closed = False
        # What each section request carries of the rest of the document (built once,
        # off the GUI thread, by whoever prepares the provider); None: the section alone.
        self.context: DocumentContext | None = None
        self.estimate: RunEstimate | None = None  # the last one shown before a run
        self.passes = DocumentPass(self)  # the review of the document as a whole
        # Writes made from the session's thread, by section (and for the whole review):
        # an answer saved elsewhere meanwhile is read again from the store.
        self._changes: dict[str | None, int] = {}
        self.reopen()

    # -- the review -------------------------------------------------------------------

    @property
    def store(self) -> ReviewStore | None:
        return self.storage.store

    @property
    def healthy(self) -> bool:
        """Everything saved, in a review that is open."""
        return not self.storage.unsaved and self.review_id is not None

    def reopen(self) -> ReviewState | None:
        """Open the stored review and restore what it holds (it may have been deleted,
        or written at last after the store was down); None while the store cannot."""
        state = self.open_review()
        self.results.clear()
        if state is not None:
            self.results.restore(state, self.framework, source_label)
        return state

    def open_review(self) -> ReviewState | None:
        """Open (or start) the stored review; restores nothing."""
        store = self.storage.open()
        if store is None:
            return None
        i = self.identity
        try:
            state = store.open_or_create_review(
                self.document, framework_identity(self.framework), self.framework.name,
                i.name, list(i.models), provider_identity=self.provider_identity)
        except StoreError as err:
            if not self.storage.fall_back_to_memory(err):
                self.storage.set_error(err)
                return None
            return self.open_review()  # in memory, for this run
        self.review_id = state.review_id
        self.state = state
        return state

    def update_identity(self, identity: ProviderIdentity,
                        framework: Framework | None = None) -> None:
        """The provider is known now (or the guidelines changed): the review says so."""
        self.identity = identity
        if framework is not None:
            self.framework = framework
        if self.review_id is not None and not self.storage.unsaved:
            self.open_review()

    @property
    def provider_identity(self) -> str | None:
        """What, besides the text and the framework, decides an answer: the provider's
        identity and the shared context the requests carry."""
        return context_identity(self.identity.cache_identity, self.context)

    def set_context(self, context: DocumentContext | None) -> None:
        """The context every section request carries from now on; the review records it
        (answers made with another context are kept, but not up to date)."""
        before = self.provider_identity
        self.context = context
        if self.provider_identity != before and self.review_id is not None \
                and not self.storage.unsaved:
            self.open_review()

    def forget_review(self, review_id: int) -> bool:
        """A review's data was deleted; True if it was this one (then a fresh one starts)."""
        self.storage.forget_review(review_id)
        if self.review_id != review_id:
            return False
        self.review_id = None
        self.unsaved_seconds = 0.0
        self.reopen()
        return True

    def retry(self) -> bool:
        """Write what waits; True when everything is saved. A review that could not be
        opened before is opened now and shows what it holds, this session's work
        included."""
        had_review = self.review_id is not None
        if not had_review:
            self.open_review()
        if not self.storage.retry():
            return False
        if not had_review and self.review_id is not None:
            self.reopen()
        return True

    def close(self) -> None:
        """The reviewer moves on: the time spent is written, the rest stays queued."""
        if self.closed:
            return
        self.save_seconds()
        self.storage.drop_unopened(self)
        self.closed = True

    def reusable_ids(self) -> list[str]:
        """Sections the review already answered for this text and these settings."""
        return self.state.reusable_ids() if self.state is not None else []

    # -- sections -----------------------------------------------------------------------

    def status(self, section_id: str) -> SectionStatus:
        return self.results.status(section_id)

    def count(self, status: SectionStatus) -> int:
        return self.results.count(status)

    def outcome(self, section_id: str) -> SectionOutcome | None:
        return self.results.get(section_id)

    def sections_with(self, status: SectionStatus) -> list:  # list[Section], document order
        return [s for s in self.document.walk() if self.results.status(s.id) is status]

    def set_status(self, section_id: str, status: SectionStatus) -> SectionStatus:
        """From the dispatcher (queued, running, cancelled); what it became."""
        return self.results.set_status(section_id, status)

    def save_answer(self, section_id: str, result: AnalysisResult) -> SavedAnswer | None:
        """On the analysis thread that got `result`, before handing it over: saved now,
        so that `record_result` (given what this returns) only holds it. None when it
        was not saved here (`Storage.write_elsewhere` says when): `record_result` saves
        it then, with the one policy. Touches nothing the session's thread reads."""
        if self.closed:
            return None
        sec_hash = self.hashes.get(section_id, "")

        def write(store: ReviewStore, review_id: int) -> tuple[tuple[int, int], Any]:
            record = store.record_result(review_id, section_id, sec_hash, result)
            return self._count(section_id), record

        done = self.storage.write_elsewhere(self, write)
        if done is None:
            return None
        review_id, (changes, record) = done
        return SavedAnswer(review_id, record, changes)

    def record_result(self, section_id: str, result: AnalysisResult, source: str,
                      saved: SavedAnswer | None = None) -> None:
        """Saved first (here, or by the analysis thread: `saved`), then held (and shown
        by the caller)."""
        if saved is not None and saved.review_id == self.review_id:
            record = saved.record
            if record is not None and saved.changes != self._count(section_id):
                record = self._reread(section_id)  # None (refused as stale) stays None
        else:
            sec_hash = self.hashes.get(section_id, "")
            record = self._write(f"the findings of {self._title(section_id)}",
                                 lambda s, rid: s.record_result(rid, section_id, sec_hash,
                                                                result), section_id)
        self.results.set_result(section_id, result, self.framework, source, record)
        self.passes.meet(section_id)  # one finding, one place: document-level ones absorb

    def _count(self, section_id: str) -> tuple[int, int]:
        return self._changes.get(section_id, 0), self._changes.get(None, 0)

    def _reread(self, section_id: str) -> SectionRecord | None:
        """The section as the store holds it, after an answer saved elsewhere and the
        changes made here since; None (the answer merged in memory, as when the store
        did not take it) while some of those wait to be written, or it cannot be read."""
        if self.storage.unsaved or self.store is None or self.review_id is None:
            return None
        try:
            return self.store.section(self.review_id, section_id)
        except StoreError as err:
            self.storage.set_error(err)
            return None

    def record_batch_usage(self, section_id: str, model: str | None, usage: Usage) -> None:
        """What a batch job billed for the section's records: logged apart from on-demand
        calls (batch prices), whatever became of the answer."""
        if not usage.requests and not (usage.input_tokens or usage.output_tokens):
            return
        held = self.batch_usage.get(section_id)
        total = Usage()
        if held is not None:
            total.add(held[1])
        total.add(usage)
        self.batch_usage[section_id] = (model, total)
        self._write(f"the batch usage of {self._title(section_id)}",
                    lambda s, rid: s.record_batch_usage(rid, section_id, model, usage),
                    section_id)

    def record_failure(self, section_id: str, error: ProviderError) -> None:
        sec_hash = self.hashes.get(section_id, "")
        self._write(f"the failure of {self._title(section_id)}",
                    lambda s, rid: s.record_failure(rid, section_id, sec_hash, error),
                    section_id)
        self.results.set_error(section_id, error)

    # -- the reviewer's work ---------------------------------------------------------------

    def set_decision(self, finding_id: str, decision: str) -> Finding | None:
        if is_document_finding(finding_id):
            return self.passes.set_decision(finding_id, decision)  # type: ignore[return-value]
        where = self._where(finding_id)
        if self.results.set_decision(finding_id, decision) is None:
            return None
        return self._refresh(finding_id, self._write(
            f"your decision on a finding in {where}",
            lambda s, rid: s.set_decision(rid, finding_id, decision), self._section_of(finding_id)))

    def edit(self, finding_id: str, fields: dict[str, Any]) -> Finding | None:
        if is_document_finding(finding_id):
            return self.passes.edit(finding_id, fields)  # type: ignore[return-value]
        where = self._where(finding_id)
        if not fields or self.results.edit(finding_id, fields) is None:
            return None
        return self._refresh(finding_id, self._write(
            f"your edit of a finding in {where}",
            lambda s, rid: s.edit_finding(rid, finding_id, **fields), self._section_of(finding_id)))

    def originals(self, finding_id: str) -> dict[str, Any]:
        if is_document_finding(finding_id):
            return dict(self.results.document.originals.get(finding_id, {}))
        return self.results.originals(finding_id)

    def locate(self, finding_id: str) -> tuple[str, Finding | DocumentFinding] | None:
        """(section id, or WHOLE_DOCUMENT for a document-level finding; the finding)."""
        if is_document_finding(finding_id):
            found = self.results.document.get(finding_id)
            return (WHOLE_DOCUMENT, found) if found is not None else None
        return self.results.locate(finding_id)

    # -- the document as a whole ---------------------------------------------------------

    def document_findings(self) -> list[DocumentFinding]:
        """The document-level findings the review holds, in document order."""
        return list(self.results.document.findings)

    def facts(self) -> list[Fact]:
        """Every analysed section's key facts, in document order (what the consistency
        pass reads)."""
        out: list[Fact] = []
        for section in self.document.walk():
            outcome = self.results.get(section.id)
            if outcome is not None and outcome.result is not None:
                for fact in outcome.result.facts:
                    out.append(Fact.from_dict({**fact.to_dict(), "section_id": section.id}))
        return out

    def record_pass(self, outcome: PassOutcome) -> set[str]:
        """A pass over the whole document ended; the sections whose findings changed."""
        return self.passes.record(outcome)

    def add_user_finding(self, section_id: str, finding: Finding) -> Finding:
        f = copy_finding(finding)
        f.source = "user"
        f.id = f.id or "u-" + uuid.uuid4().hex[:12]  # fixed here: a retry writes the same id
        self.results.put_finding(section_id, f)
        stored = self._write(f"your finding in {self._title(section_id)}",
                             lambda s, rid: s.add_user_finding(rid, section_id, f), section_id)
        return self._refresh(f.id, stored) or f

    def delete_user_finding(self, finding_id: str) -> None:
        where, section_id = self._where(finding_id), self._section_of(finding_id)
        self.results.remove_finding(finding_id)
        self._write(f"the deletion of your finding in {where}",
                    lambda s, rid: s.delete_user_finding(rid, finding_id), section_id)

    def earlier_findings(self, section_id: str) -> list[EarlierFinding]:
        """What the section showed before (replaced, or left behind); raises StoreError."""
        db = self.storage.db
        if db is None or self.review_id is None:
            raise StoreError("this review is not stored yet")
        return earlier_findings(db, self.review_id, section_id)

    # -- time --------------------------------------------------------------------------------

    def count_seconds(self, seconds: float) -> None:
        """Time spent on the review; written by `save_seconds`."""
        if seconds > 0 and not self.closed:
            self.unsaved_seconds += seconds

    def save_seconds(self) -> None:
        """Write the time counted; time spent while no review could open is not kept."""
        seconds, self.unsaved_seconds = self.unsaved_seconds, 0.0
        if seconds > 0 and self.review_id is not None:
            self._write("the time spent", lambda s, rid: s.add_seconds(rid, seconds))

    def remember_estimate(self, estimate: Estimate,
                          prices: Mapping[str, Price] | None = None) -> None:
        """A run starts after `estimate` was shown: keep it, with the totals so far."""
        numbers, _ = self.statistics(prices)
        self.estimate = RunEstimate(estimate, numbers.usage, numbers.estimated_cost_usd)

    def estimate_run(self, models: list[str], sections: list | None = None, *,
                     consistency: bool = False, prices: Mapping[str, Price] | None = None,
                     max_tokens: int = 4096) -> Estimate:
        """Tokens and cost of analysing `sections` (default: all) with this session's
        context, key facts asked for; calls nothing. Safe off the GUI thread."""
        from desktop_app.ai.estimate import estimate_review

        return estimate_review(self.document, self.framework, models, context=self.context,
                               mode=None if self.context is not None else ContextMode.SECTION,
                               facts=True, consistency=consistency, sections=sections,
                               prices=prices, max_tokens=max_tokens)

    # -- numbers, report, export ---------------------------------------------------------

    def statistics(self, prices: Mapping[str, Price] | None = None
                   ) -> tuple[ReviewStatistics, bool]:
        """The review's numbers, and whether they are counted from memory: the store's,
        unless some changes wait to be saved (then what the reviewer sees, with the
        tokens, cost and time the store gave last)."""
        stored: ReviewStatistics | None = None
        if self.store is not None and self.review_id is not None:
            try:
                stored = self.store.statistics(self.review_id, prices)
            except StoreError as err:
                log.error("statistics unavailable: %s", err)
        contents = [s.id for s in self.document.walk() if not s.reviewable]
        if stored is not None and not self.storage.unsaved:
            return leave_out(stored, contents, self.results), False
        ids = [s.id for s in self.document.walk() if s.reviewable]
        return statistics_from_memory(self.results, ids, stored), True

    def review_run(self, provider_name: str, models: list[str], region: str | None, *,
                   started: datetime, min_confidence: float = 0.0, accept_all: bool = False,
                   prices: dict | None = None) -> ReviewRun:
        """This session's outcomes as a `margin.review/1` run (`build_report`)."""
        run = ReviewRun(self.document, provider_name, models, region, self.framework.name,
                        min_confidence=min_confidence, accept_all=accept_all, prices=prices,
                        started=started)
        run.outcomes = {sid: o for sid, o in self.results.items()}
        for model, usage in self.batch_usage.values():
            run.batch_usage_by_model.setdefault(model or "", Usage()).add(usage)
        run.document_findings = [copy_document_finding(d) for d in self.document_findings()]
        run.document_usage = self.passes.run_usage()
        run.finished = datetime.now(UTC)
        return run

    def snapshot(self, *, provider_name: str = "local", models: list[str] | None = None,
                 region: str | None = None, min_confidence: float = 0.0,
                 prices: dict | None = None) -> ReviewSnapshot:
        """Copies of every section's findings, with how its analysis went: what the
        export writes, exactly as the reviewer sees it (saved or still waiting)."""
        sections: dict[str, SectionReview] = {}
        for sid, outcome in self.results.items():
            result = outcome.result
            status = (SectionStatus.FAILED if outcome.error is not None and result is None
                      else outcome.stored)
            if result is not None and status is SectionStatus.NOT_ANALYSED:
                status = SectionStatus.DONE  # an answer the store did not take yet
            sections[sid] = SectionReview(
                findings=[copy_finding(f) for f in outcome.findings], status=status,
                model=result.model if result is not None else None,
                usage=copy.copy(result.usage) if result is not None else Usage(),
                error=outcome.error.message if outcome.error is not None else None)
        batch: dict[str, Usage] = {}
        if self.store is not None and self.review_id is not None:
            try:  # what batch jobs billed for this review (at batch prices)
                batch = dict(self.store.statistics(self.review_id, prices).batch_usage_by_model)
            except StoreError as err:
                log.error("batch usage unavailable: %s", err)
        return ReviewSnapshot(self.document, sections, self.framework.name, provider_name,
                              list(models or []), region, min_confidence, prices=prices,
                              batch_usage_by_model=batch,
                              document_findings=[copy_document_finding(d)
                                                 for d in self.document_findings()])

    # -- internals -----------------------------------------------------------------------------

    def _write(self, what: str, write: Any, section_id: str | None = None) -> Any:
        """Through the storage's policy; counted as a change of `section_id` (None: of
        any section: a pass over the whole document, the time spent), once written or
        kept, so that an answer saved elsewhere before it is read again."""
        try:
            return self.storage.write(self, what, write)
        finally:
            self._changes[section_id] = self._changes.get(section_id, 0) + 1

    def _section_of(self, finding_id: str) -> str | None:
        found = self.results.locate(finding_id)
        return found[0] if found is not None else None

    def _refresh(self, finding_id: str, stored: Finding | None) -> Finding | None:
        """The store's copy replaces the one changed in memory."""
        found = self.results.locate(finding_id)
        if found is None:
            return None
        if stored is not None:
            self.results.put_finding(found[0], stored)
            return stored
        return found[1]

    def _title(self, section_id: str) -> str:
        return f"“{self.titles.get(section_id, section_id)}”"

    def _where(self, finding_id: str) -> str:
        found = self.results.locate(finding_id)
        return self._title(found[0]) if found is not None else "this review"
