"""What the tree says about each section's analysis, and the dot that shows it.

The statuses mirror the report's section states (done, failed, cancelled,
skipped) plus the ones only the window sees. Only "Not analysed" is used until
the analysis dispatcher drives `SectionTreeModel.set_status`.
"""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap


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

# (fill, outline): hollow grey for "nothing yet", solid colours for outcomes.
_DOTS: dict[SectionStatus, tuple[str | None, str]] = {
    SectionStatus.NOT_ANALYSED: (None, "#9aa0a6"),
    SectionStatus.QUEUED: (None, "#4f7fd1"),
    SectionStatus.RUNNING: ("#9dbcf0", "#4f7fd1"),
    SectionStatus.DONE: ("#3c9a5f", "#2e7a4a"),
    SectionStatus.FAILED: ("#d24c3f", "#a83a30"),
    SectionStatus.CANCELLED: ("#c4c7cc", "#8d939a"),
    SectionStatus.SKIPPED: ("#e6e8eb", "#9aa0a6"),
    SectionStatus.CHANGED: ("#e5a736", "#b98320"),
}

_icons: dict[SectionStatus, QIcon] = {}


def status_icon(status: SectionStatus) -> QIcon:
    """A small round dot; drawn, not loaded, so it needs no resource files."""
    icon = _icons.get(status)
    if icon is None:
        icon = QIcon()
        for size in (16, 32):  # 32 for high-DPI screens
            icon.addPixmap(_dot(status, size))
        _icons[status] = icon
    return icon


def _dot(status: SectionStatus, size: int) -> QPixmap:
    fill, outline = _DOTS[status]
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    pen = QPen(QColor(outline))
    pen.setWidthF(size / 10)
    painter.setPen(pen)
    painter.setBrush(QColor(fill) if fill else Qt.BrushStyle.NoBrush)
    inset = size * 0.25
    painter.drawEllipse(QRectF(inset, inset, size - 2 * inset, size - 2 * inset))
    painter.end()
    return pixmap
