"""A list model over one section's findings, filtered by minimum confidence."""

from __future__ import annotations

from html import escape
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from desktop_app.review.findings import Finding
from desktop_app.review.frameworks import Framework
from desktop_app.ui.review_results import visible_findings
from desktop_app.ui.severity import severity_label

AnyIndex = QModelIndex | QPersistentModelIndex

FINDING_ROLE = Qt.ItemDataRole.UserRole + 1
CHECKPOINTS_ROLE = Qt.ItemDataRole.UserRole + 2  # [(id, title or "")]


def confidence_text(confidence: float) -> str:
    return f"{round(confidence * 100)} %"


class FindingsModel(QAbstractListModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._all: list[Finding] = []
        self._shown: list[Finding] = []
        self._framework: Framework | None = None
        self._min_confidence = 0.0

    # -- contents -------------------------------------------------------------

    def set_findings(self, findings: list[Finding], framework: Framework | None = None) -> None:
        self.beginResetModel()
        self._all = findings
        self._framework = framework
        self._shown = visible_findings(self._all, self._min_confidence)
        self.endResetModel()

    def set_min_confidence(self, value: float) -> None:
        if value == self._min_confidence:
            return
        self._min_confidence = value
        self.set_findings(self._all, self._framework)

    @property
    def min_confidence(self) -> float:
        return self._min_confidence

    @property
    def findings(self) -> list[Finding]:
        """Every finding given, hidden ones included (the list passed in)."""
        return self._all

    @property
    def framework(self) -> Framework | None:
        return self._framework

    @property
    def total(self) -> int:
        return len(self._all)

    @property
    def hidden(self) -> int:
        return len(self._all) - len(self._shown)

    def finding(self, row: int) -> Finding | None:
        return self._shown[row] if 0 <= row < len(self._shown) else None

    def row_of(self, finding_id: str) -> int:
        return next((i for i, f in enumerate(self._shown) if f.id == finding_id), -1)

    def checkpoints(self, finding: Finding) -> list[tuple[str, str]]:
        out = []
        for cid in finding.checkpoints:
            cp = self._framework.checkpoint(cid) if self._framework else None
            out.append((cid, cp.title if cp else ""))
        return out

    # -- Qt -------------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._shown)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        finding = self.finding(index.row()) if index.isValid() else None
        if finding is None:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            # What a screen reader says, and what copy or type-ahead sees.
            return (f"{severity_label(finding.severity)} · {finding.category} · "
                    f"{confidence_text(finding.confidence)}: {finding.issue}")
        if role == FINDING_ROLE:
            return finding
        if role == CHECKPOINTS_ROLE:
            return self.checkpoints(finding)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(finding)
        return None

    def _tooltip(self, finding: Finding) -> str | None:
        lines = []
        for cid, title in self.checkpoints(finding):
            lines.append(f"<b>{escape(cid)}</b> {escape(title)}" if title else escape(cid))
        if finding.quote_original:
            lines.append(f"<i>Quoted by the model as:</i> “{escape(finding.quote_original)}”")
        if not finding.anchored:
            lines.append("<i>This quote was not found in the section text.</i>")
        return "<br>".join(lines) or None
