"""What the tree says about each section's analysis, and the icon that shows it.

The statuses mirror the report's section states (done, failed, cancelled,
skipped) plus the ones only the window sees. Only "Not analysed" is used until
the analysis dispatcher drives `SectionTreeModel.set_status`.
"""

from __future__ import annotations

from enum import Enum

from PySide6.QtGui import QIcon

from desktop_app.ui.icons import painted_status_icon


class SectionStatus(str, Enum):
    NOT_ANALYSED = "not-analysed"
    QUEUED = "queued"
    RUNNING = "running"
    DONE = "done"
    FAILED = "failed"
    CANCELLED = "cancelled"
    SKIPPED = "skipped"
    CHANGED = "changed"  # the document changed since this section was analysed

    @property
    def label(self) -> str:
        return _LABELS[self]


_LABELS = {
    SectionStatus.NOT_ANALYSED: "Not analysed",
    SectionStatus.QUEUED: "Queued",
    SectionStatus.RUNNING: "Analysing…",
    SectionStatus.DONE: "Done",
    SectionStatus.FAILED: "Failed",
    SectionStatus.CANCELLED: "Cancelled",
    SectionStatus.SKIPPED: "Skipped",
    SectionStatus.CHANGED: "Changed",
}


def status_icon(status: SectionStatus) -> QIcon:
    """The state as a small drawn disc whose glyph (tick, cross, dash...) says it without
    colour; its colours come from the theme (icons.py)."""
    return painted_status_icon(status.value)
