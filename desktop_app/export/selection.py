"""What the window's review becomes when exported: the findings chosen, and the report.

No Qt. A `ReviewSnapshot` is a copy of what the review holds, section by
section (decisions applied, the reviewer's own findings included), made on
the GUI thread and then handed to the export job, so that nothing the window
changes meanwhile reaches a file half-way.

Three choices (`Scope`), and rejected findings never:

- `ACCEPTED`: accepted findings and the reviewer's own (what `margin review
  --out` exports, and the default)
- `WITH_PENDING`: everything not rejected
- `OWN`: only the reviewer's own findings (source "user")
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from typing import Any

from desktop_app.ai.provider import AnalysisResult, FailureKind, ProviderError, Usage
from desktop_app.document.model import Document
from desktop_app.export.document_comments import comment_count
from desktop_app.review.document_findings import DocumentFinding
from desktop_app.review.findings import Finding
from desktop_app.review.outcome import SectionOutcome
from desktop_app.review.report import ReviewRun, build_report
from desktop_app.review.status import SectionStatus
from desktop_app.store.review_state import ReviewState

_EPSILON = 1e-9  # the window hides findings below the minimum confidence by this rule


class Scope(StrEnum):
    ACCEPTED = "accepted"
    WITH_PENDING = "with-pending"
    OWN = "own"


def chosen(f: Finding | DocumentFinding, scope: Scope) -> bool:
    """Whether `scope` exports `f`. Rejected findings never go."""
    if f.decision == "rejected":
        return False
    if scope is Scope.OWN:
        return f.source == "user"
    if scope is Scope.WITH_PENDING:
        return True
    return f.decision == "accepted" or f.source == "user"


@dataclass(slots=True)
class SectionReview:
    """One section as the review holds it; `status` in the store's words."""

    findings: list[Finding] = field(default_factory=list)
    status: SectionStatus = SectionStatus.DONE  # done, failed, changed or not analysed
    model: str | None = None  # the model that gave the answer; None for the rules
    usage: Usage = field(default_factory=Usage)  # what that answer cost
    error: str | None = None  # why the last attempt failed

    def __post_init__(self) -> None:
        self.status = SectionStatus(self.status)  # the store's word, if given as text


@dataclass(slots=True)
class ExportCounts:
    by_scope: dict[Scope, int]  # findings each choice would export
    pending: int  # not decided yet (model and rules findings)
    rejected: int
    # The Word comments those findings become: a finding about several places or
    # occurrences is a comment on each (export/document_comments.py).
    comments: dict[Scope, int] = field(default_factory=lambda: dict.fromkeys(Scope, 0))

    def left_out(self, scope: Scope) -> str:
        """'3 pending and 2 rejected left out', or '' when nothing is."""
        parts = []
        if scope is Scope.ACCEPTED and self.pending:
            parts.append(f"{self.pending} pending")
        if scope is Scope.OWN:
            others = self.by_scope[Scope.WITH_PENDING] - self.by_scope[Scope.OWN]
            if others:
                parts.append(f"{others} not yours")
        if self.rejected:
            parts.append(f"{self.rejected} rejected")
        return " and ".join(parts) + " left out" if parts else ""


@dataclass(slots=True)
class ReviewSnapshot:
    document: Document
    sections: dict[str, SectionReview]  # section id -> what the review holds
    framework_name: str = ""
    provider_name: str = "local"  # bedrock | local
    models: list[str] = field(default_factory=list)
    region: str | None = None
    min_confidence: float = 0.0  # findings below it are hidden in the window: not exported
    seconds_spent: float = 0.0
    prices: dict | None = None
    # What Bedrock batch jobs billed for this review, by model (at batch prices).
    batch_usage_by_model: dict[str, Usage] = field(default_factory=dict)
    document_findings: list[DocumentFinding] = field(default_factory=list)

    @classmethod
    def from_findings(cls, document: Document,
                      findings_by_section: Mapping[str, list[Finding]],
                      **kwargs: Any) -> ReviewSnapshot:
        """Sections with findings count as done; the rest as not analysed."""
        sections = {sid: SectionReview([_copy(f) for f in found])
                    for sid, found in findings_by_section.items()}
        return cls(document, sections, **kwargs)

    @classmethod
    def from_review_state(cls, document: Document, state: ReviewState, *,
                          min_confidence: float = 0.0, region: str | None = None,
                          prices: dict | None = None) -> ReviewSnapshot:
        """A stored review, for the sections this document still has."""
        present = {s.id for s in document.walk()}
        sections = {
            sid: SectionReview([_copy(f) for f in record.findings], record.status,
                               record.model, record.usage, record.error)
            for sid, record in state.sections.items()
            if sid in present and record.status is not SectionStatus.REMOVED}
        return cls(document, sections, state.framework_name, state.provider_name,
                   list(state.models), region, min_confidence, state.seconds_spent, prices,
                   [_copy_document(d) for d in state.document.findings])

    def visible(self, section_id: str) -> list[Finding]:
        """The section's findings the window shows (at or above the minimum confidence)."""
        record = self.sections.get(section_id)
        if record is None:
            return []
        return [f for f in record.findings if f.confidence >= self.min_confidence - _EPSILON]

    def _all_visible(self) -> Iterator[tuple[str, Finding | DocumentFinding]]:
        for section in self.document.walk():
            for f in self.visible(section.id):
                yield section.id, f
        for d in self.visible_document():
            yield "", d

    def visible_document(self) -> list[DocumentFinding]:
        """The document-level findings the window shows."""
        return [d for d in self.document_findings
                if d.confidence >= self.min_confidence - _EPSILON]

    def counts(self) -> ExportCounts:
        by_scope = dict.fromkeys(Scope, 0)
        comments = dict.fromkeys(Scope, 0)
        pending = rejected = 0
        for _sid, f in self._all_visible():
            n = comment_count(f)
            for scope in Scope:
                if chosen(f, scope):
                    by_scope[scope] += 1
                    comments[scope] += n
            if f.decision == "rejected":
                rejected += 1
            elif f.decision == "pending" and f.source != "user":
                pending += 1
        return ExportCounts(by_scope, pending, rejected, comments)

    def select(self, scope: Scope) -> dict[str, list[Finding]]:
        """Section id -> copies of the section findings to export, in document order."""
        out: dict[str, list[Finding]] = {}
        for sid, f in self._all_visible():
            if isinstance(f, Finding) and chosen(f, scope):
                out.setdefault(sid, []).append(_copy(f))
        return out

    def select_document(self, scope: Scope) -> list[DocumentFinding]:
        """Copies of the document-level findings to export (a comment on each quote)."""
        return [_copy_document(d) for d in self.visible_document() if chosen(d, scope)]

    def review_run(self, finished: datetime | None = None) -> ReviewRun:
        """The review as a `ReviewRun` for `build_report`.

        A section holding findings is reported done with them (also a stale one,
        or one whose re-run failed), so that the report lists every finding the
        reviewed copy may carry; a failed section without findings is reported
        failed with its reason; one never analysed is skipped.
        """
        finished = finished or datetime.now(UTC)
        run = ReviewRun(self.document, self.provider_name, list(self.models), self.region,
                        self.framework_name, min_confidence=self.min_confidence,
                        prices=self.prices,
                        started=finished - timedelta(seconds=max(0.0, self.seconds_spent)))
        run.finished = finished
        run.batch_usage_by_model = dict(self.batch_usage_by_model)
        run.document_findings = [_copy_document(d) for d in self.document_findings]
        for section in self.document.walk():
            record = self.sections.get(section.id)
            if record is None:
                continue
            if record.findings or record.status in (SectionStatus.DONE, SectionStatus.CHANGED):
                findings = [_copy(f) for f in record.findings]
                result = AnalysisResult(findings, record.model, record.usage)
                run.outcomes[section.id] = SectionOutcome(SectionStatus.DONE, result=result,
                                                          findings=findings)
            elif record.status is SectionStatus.FAILED:
                error = ProviderError(FailureKind.INTERNAL, record.error or "the analysis failed",
                                      model=record.model)
                run.outcomes[section.id] = SectionOutcome(SectionStatus.FAILED, error=error)
        return run

    def report(self, finished: datetime | None = None) -> dict[str, Any]:
        """The `margin.review/1` report: every finding shown, with its decision."""
        return build_report(self.review_run(finished))


def _copy(f: Finding) -> Finding:
    return Finding.from_dict(f.to_dict())


def _copy_document(d: DocumentFinding) -> DocumentFinding:
    return DocumentFinding.from_dict(d.to_dict())
