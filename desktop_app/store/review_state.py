"""Plain snapshots the review store hands out: nothing here talks to SQLite.

Every object is a fresh copy made from the database after a write succeeded;
changing one changes nothing stored, and the store keeps no reference to it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from desktop_app.ai.provider import Usage
from desktop_app.review.document_findings import DocumentFinding
from desktop_app.review.facts import Fact
from desktop_app.review.findings import Finding
from desktop_app.review.status import SectionStatus

# What a section of a stored review can be; the column holds the enum's value.
SECTION_STATUSES = (SectionStatus.NOT_ANALYSED, SectionStatus.DONE, SectionStatus.FAILED,
                    SectionStatus.CHANGED, SectionStatus.REMOVED)
EDITABLE_FIELDS = ("issue", "suggestion", "rewrite", "severity")
CHAT_ROLES = ("user", "assistant")


@dataclass(slots=True)
class SectionRecord:
    """One section of a review as stored: status, last answer, current findings."""

    section_id: str
    title: str
    level: int
    position: int  # document order at the last open
    section_hash: str
    status: SectionStatus  # one of SECTION_STATUSES
    error: str | None = None  # why the last attempt failed (status FAILED)
    model: str | None = None  # the model that gave the stored answer
    usage: Usage = field(default_factory=Usage)  # what the stored answer cost
    analysed_at: str | None = None  # ISO 8601 UTC
    # True when the stored answer was made with the review's current framework
    # and provider settings: a run with the same settings need not ask again.
    up_to_date: bool = False
    # current, edits applied: the answer's in its order, then the reviewer's own
    findings: list[Finding] = field(default_factory=list)
    # finding id -> the author's values of the fields the reviewer edited
    originals: dict[str, dict[str, Any]] = field(default_factory=dict)
    facts: list[Fact] = field(default_factory=list)  # the stored answer's key facts
    # model and rules findings a document-level finding absorbed (it carries their quote)
    absorbed: list[Finding] = field(default_factory=list)

    @property
    def reusable(self) -> bool:
        """Done, for this text, with these settings: answer it from the store."""
        return self.status is SectionStatus.DONE and self.up_to_date


@dataclass(slots=True)
class SectionChanges:
    """How the document differs from the one the review last saw (section ids)."""

    unchanged: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)  # text changed: now stale
    added: list[str] = field(default_factory=list)  # new, or back after removal
    removed: list[str] = field(default_factory=list)

    @property
    def any(self) -> bool:
        return bool(self.changed or self.added or self.removed)


@dataclass(slots=True)
class PassRecord:
    """How a document-level pass last went: the built-in cross-section checks ("rules")
    or the Bedrock consistency pass ("consistency")."""

    origin: str  # rules | consistency
    status: str  # done | failed
    ran_at: str  # ISO 8601 UTC
    error: str | None = None
    model: str | None = None
    inputs: str = ""  # a digest of what it read: the same inputs need no new call
    document_sha256: str = ""  # the document it read
    findings: int = 0  # what it found (before merging)


@dataclass(slots=True)
class DocumentRecord:
    """The review of the document as a whole, as stored: its findings and passes."""

    findings: list[DocumentFinding] = field(default_factory=list)  # current, edits applied
    origins: dict[str, str] = field(default_factory=dict)  # finding id -> the pass that made it
    originals: dict[str, dict[str, Any]] = field(default_factory=dict)  # id -> author's values
    changed: dict[str, list[str]] = field(default_factory=dict)  # id -> sections changed since
    passes: dict[str, PassRecord] = field(default_factory=dict)  # origin -> its last run
    absorbed: dict[str, str] = field(default_factory=dict)  # section finding id -> document id


@dataclass(slots=True)
class ReviewState:
    """Everything the window needs to restore a review."""

    review_id: int
    document_id: int
    created: bool  # a new review: nothing to restore
    framework_name: str
    framework_identity: str
    provider_name: str
    provider_identity: str
    models: list[str]
    seconds_spent: float
    sections: dict[str, SectionRecord]  # document order; removed sections last
    changes: SectionChanges = field(default_factory=SectionChanges)
    content_changed: bool = False  # the file's bytes differ from the last open
    previous_path: str | None = None  # the review was found by content at another path
    document: DocumentRecord = field(default_factory=DocumentRecord)

    def section(self, section_id: str) -> SectionRecord | None:
        return self.sections.get(section_id)

    def findings(self, section_id: str) -> list[Finding]:
        record = self.sections.get(section_id)
        return list(record.findings) if record is not None else []

    def status(self, section_id: str) -> SectionStatus | None:
        record = self.sections.get(section_id)
        return record.status if record is not None else None

    def reusable_ids(self) -> list[str]:
        return [sid for sid, r in self.sections.items() if r.reusable]

    def needs_analysis(self) -> list[str]:
        """Sections of the current document without a usable answer, in order."""
        return [sid for sid, r in self.sections.items()
                if r.status is not SectionStatus.REMOVED and not r.reusable]

    @property
    def total(self) -> int:
        return sum(1 for r in self.sections.values() if r.status is not SectionStatus.REMOVED)

    @property
    def done(self) -> int:
        return sum(1 for r in self.sections.values() if r.status is SectionStatus.DONE)


@dataclass(slots=True)
class PastFinding:
    """A finding kept as history: its section changed, went away, or a re-run dropped it."""

    finding: Finding
    section_id: str
    section_hash: str  # the section text it was made on
    reason: str  # changed | removed | rerun
    superseded_at: str


@dataclass(slots=True)
class ReviewSummary:
    """A line of the review list."""

    review_id: int
    document_id: int
    document_title: str
    path: str
    sha256: str
    framework_name: str
    provider_name: str
    models: list[str]
    created: str
    updated: str
    sections_done: int
    sections_total: int  # removed sections not counted
    findings: int  # current findings
    seconds_spent: float


@dataclass(slots=True)
class ChatMessage:
    id: int
    role: str  # user | assistant
    text: str
    section_id: str | None  # None: about the whole document
    created: str
    complete: bool = True  # False: an answer that was stopped or cut off
    model: str | None = None
    citations: list[str] = field(default_factory=list)  # section ids the answer drew on
    review_id: int | None = None


@dataclass(slots=True)
class ReviewStatistics:
    """Numbers for the statistics panel; every mapping is ready to chart."""

    findings_by_severity: dict[str, int]  # every severity, zeros included, severest first
    findings_by_category: dict[str, int]  # most frequent first
    findings_by_decision: dict[str, int]  # pending, accepted, rejected
    findings_by_source: dict[str, int]  # model, rules, user
    findings_by_section: dict[str, int]  # section id -> count, document order
    sections_total: int
    sections_done: int
    sections_failed: int
    sections_stale: int
    sections_not_analysed: int
    sections_removed: int
    usage_by_model: dict[str, Usage]  # every on-demand request paid for, re-runs and chat too
    cost_by_model: dict[str, float | None]  # USD; None when the price is unknown
    estimated_cost_usd: float | None  # on demand and batch; None when a price is unknown
    seconds_spent: float
    # What Bedrock batch jobs billed, at batch prices (half the on-demand price).
    batch_usage_by_model: dict[str, Usage] = field(default_factory=dict)
    batch_cost_by_model: dict[str, float | None] = field(default_factory=dict)
    document_findings: int = 0  # document-level findings (counted in the totals above too)

    @property
    def findings_total(self) -> int:
        return sum(self.findings_by_severity.values())

    @property
    def usage(self) -> Usage:
        """On-demand calls only (`batch_usage` is what batch jobs billed)."""
        total = Usage()
        for usage in self.usage_by_model.values():
            total.add(usage)
        return total

    @property
    def batch_usage(self) -> Usage:
        total = Usage()
        for usage in self.batch_usage_by_model.values():
            total.add(usage)
        return total
