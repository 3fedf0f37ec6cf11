"""What a session holds of the review of the document as a whole (no Qt).

The document-level findings in document order, with the pass that made each
(`rules`: the built-in cross-section checks; `consistency`: the Bedrock pass),
the author's values of the fields the reviewer edited, the sections changed
since each was made, how each pass last went, and which section findings a
document-level finding absorbed. Filled from the store's `DocumentRecord`;
when the store cannot take a write the same changes are made here.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Any

from desktop_app.review.document_findings import DocumentFinding
from desktop_app.store.review_state import DocumentRecord, PassRecord

WHOLE_DOCUMENT = "#document"  # the group a document-level finding belongs to (not a section)


def is_document_finding(finding_id: str) -> bool:
    return finding_id.startswith("d-")


def copy_document_finding(d: DocumentFinding) -> DocumentFinding:
    return replace(d, quotes=[replace(q) for q in d.quotes], checkpoints=list(d.checkpoints))


def keep_originals(originals: dict[str, Any], author: object,
                   fields: Mapping[str, Any]) -> None:
    """Note in `originals` the author's value of each field `fields` edits (kept from the
    first edit on); a field edited back to the author's value is no edit any more."""
    for name, value in fields.items():
        first = originals.get(name, getattr(author, name))
        if value == first:
            originals.pop(name, None)
        else:
            originals.setdefault(name, first)


class DocumentResults:
    def __init__(self) -> None:
        self.findings: list[DocumentFinding] = []
        self.origins: dict[str, str] = {}
        self.originals: dict[str, dict[str, Any]] = {}
        self.changed: dict[str, list[str]] = {}
        self.passes: dict[str, PassRecord] = {}
        self.absorbed: dict[str, str] = {}  # section finding id -> document finding id

    def clear(self) -> None:
        self.restore(DocumentRecord())

    def restore(self, record: DocumentRecord) -> None:
        self.findings = [copy_document_finding(d) for d in record.findings]
        self.origins = dict(record.origins)
        self.originals = {k: dict(v) for k, v in record.originals.items()}
        self.changed = {k: list(v) for k, v in record.changed.items()}
        self.passes = dict(record.passes)
        self.absorbed = dict(record.absorbed)

    def set(self, findings: Sequence[tuple[str, DocumentFinding]], absorbed: Mapping[str, str],
            changed: Mapping[str, list[str]], passes: Sequence[PassRecord]) -> None:
        """What the review holds after a pass (or a section answer met these findings)."""
        kept = {d.id for _, d in findings}
        self.findings = [copy_document_finding(d) for _, d in findings]
        self.origins = {d.id: origin for origin, d in findings}
        self.originals = {k: v for k, v in self.originals.items() if k in kept}
        self.changed = {k: list(v) for k, v in changed.items() if k in kept and v}
        self.absorbed = dict(absorbed)
        for p in passes:
            self.passes[p.origin] = p

    def with_origins(self) -> list[tuple[str, DocumentFinding]]:
        return [(self.origins.get(d.id, "rules"), d) for d in self.findings]

    def get(self, finding_id: str) -> DocumentFinding | None:
        return next((d for d in self.findings if d.id == finding_id), None)

    def put(self, finding: DocumentFinding) -> None:
        """Replace the finding with this id (the store's fresh copy)."""
        for i, d in enumerate(self.findings):
            if d.id == finding.id:
                self.findings[i] = finding
                return

    def set_decision(self, finding_id: str, decision: str) -> DocumentFinding | None:
        found = self.get(finding_id)
        if found is None:
            return None
        fresh = copy_document_finding(found)
        fresh.decision = decision
        self.put(fresh)
        return fresh

    def edit(self, finding_id: str, fields: dict[str, Any]) -> DocumentFinding | None:
        """The store's edit rules: the author's values kept aside, an edit back is none."""
        found = self.get(finding_id)
        if found is None:
            return None
        fresh = copy_document_finding(found)
        originals = dict(self.originals.get(finding_id, {}))
        keep_originals(originals, found, fields)
        for name, value in fields.items():
            setattr(fresh, name, value)
        if originals:
            self.originals[finding_id] = originals
        else:
            self.originals.pop(finding_id, None)
        self.put(fresh)
        return fresh
