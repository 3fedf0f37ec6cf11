"""Where a section of a review stands: one vocabulary from the dispatcher to the report.

Defined once, here in the pure core, and carried as this type everywhere: the
dispatcher's signals, the session, the section tree, the store and the report.
The values are the words the store has always written (`"stale"` for a section
whose text changed since its answer) and the JSON report prints
(`done | failed | cancelled | skipped`), so nothing on disk changes.
"""

from __future__ import annotations

from enum import StrEnum


class SectionStatus(StrEnum):
    NOT_ANALYSED = "not-analysed"
    QUEUED = "queued"
    RUNNING = "running"
    DONE = "done"
    FAILED = "failed"
    CANCELLED = "cancelled"
    SKIPPED = "skipped"  # the report's word for a section this run left alone
    CHANGED = "stale"  # the text changed since its answer; the store's word is "stale"
    REMOVED = "removed"  # the document no longer has it (the store keeps its history)

    @property
    def label(self) -> str:
        """How the window names it."""
        return _LABELS[self]

    @property
    def live(self) -> bool:
        """Waiting for, or in, a worker."""
        return self in (SectionStatus.QUEUED, SectionStatus.RUNNING)

    @property
    def settled(self) -> bool:
        """A verdict the review keeps: what a cancelled re-run leaves in place."""
        return self in (SectionStatus.DONE, SectionStatus.FAILED, SectionStatus.CHANGED)

    @property
    def reported(self) -> SectionStatus:
        """What the `margin.review/1` report says: done, failed, cancelled or skipped."""
        if self in (SectionStatus.DONE, SectionStatus.FAILED, SectionStatus.CANCELLED):
            return self
        return SectionStatus.SKIPPED


_LABELS = {
    SectionStatus.NOT_ANALYSED: "Not analysed",
    SectionStatus.QUEUED: "Queued",
    SectionStatus.RUNNING: "Analysing…",
    SectionStatus.DONE: "Done",
    SectionStatus.FAILED: "Failed",
    SectionStatus.CANCELLED: "Cancelled",
    SectionStatus.SKIPPED: "Skipped",
    SectionStatus.CHANGED: "Changed",
    SectionStatus.REMOVED: "Removed",
}
