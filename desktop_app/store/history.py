"""Findings a section no longer shows: replaced by a re-analysis, or left behind
when the section's text changed or the section went away. The store keeps them
(marked superseded, never deleted) so a reviewer can see what was said before."""

from __future__ import annotations

from dataclasses import dataclass

from desktop_app.review.findings import Finding
from desktop_app.store.db import Database
from desktop_app.store.review_rows import finding_from_row

REASONS = {
    "rerun": "replaced when the section was analysed again",
    "changed": "left behind when the section's text changed",
    "removed": "left behind when the section was removed from the document",
}


@dataclass(frozen=True)
class EarlierFinding:
    finding: Finding  # as the reviewer last saw it: edits applied, decision kept
    reason: str  # a key of REASONS
    when: str  # ISO 8601, UTC


def earlier_findings(db: Database, review_id: int, section_id: str) -> list[EarlierFinding]:
    """Newest first, in the order they were shown within one replacement."""
    rows = db.query(
        "SELECT * FROM findings WHERE review_id = ? AND section_id = ? AND superseded = 1"
        " ORDER BY superseded_at DESC, source = 'user', position, pk", (review_id, section_id))
    return [EarlierFinding(finding_from_row(row)[0], row["superseded_reason"] or "rerun",
                           row["superseded_at"] or "") for row in rows]


def earlier_counts(db: Database, review_id: int) -> dict[str, int]:
    """How many earlier findings each section has (sections with none are absent)."""
    return {row[0]: row[1] for row in db.query(
        "SELECT section_id, COUNT(*) FROM findings WHERE review_id = ? AND superseded = 1"
        " GROUP BY section_id", (review_id,))}
