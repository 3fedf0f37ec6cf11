"""A list model over one section's findings, filtered by minimum confidence and
by the reviewer's severity, category and decision filters."""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from desktop_app.review.findings import Finding
from desktop_app.review.frameworks import Framework
from desktop_app.session import visible_findings
from desktop_app.ui.common.severity import severity_icon, severity_label

AnyIndex = QModelIndex | QPersistentModelIndex

FINDING_ROLE = Qt.ItemDataRole.UserRole + 1
CHECKPOINTS_ROLE = Qt.ItemDataRole.UserRole + 2  # [(id, title or "")]
EDITED_ROLE = Qt.ItemDataRole.UserRole + 3  # bool: the reviewer changed the author's words
PLACES_ROLE = Qt.ItemDataRole.UserRole + 4  # [Place]: a document-level finding's places

DECISION_LABELS = {"pending": "Pending", "accepted": "Accepted", "rejected": "Rejected"}


def confidence_text(confidence: float) -> str:
    return f"{round(confidence * 100)} %"


_ROOT = QModelIndex()  # the invalid index: rowCount's parent for the list itself


@dataclass(frozen=True, slots=True)
class FindingFilter:
    """What the filter bar lets through; "" lets everything through."""

    severity: str = ""
    category: str = ""
    decision: str = ""

    @property
    def active(self) -> bool:
        return bool(self.severity or self.category or self.decision)

    def matches(self, f: Finding) -> bool:
        return ((not self.severity or f.severity == self.severity)
                and (not self.category or f.category.lower() == self.category.lower())
                and (not self.decision or f.decision == self.decision))


def shown_findings(findings: list[Finding], min_confidence: float,
                   flt: FindingFilter) -> list[Finding]:
    """What the list shows, in the order of the text."""
    return [f for f in visible_findings(findings, min_confidence) if flt.matches(f)]


class FindingsModel(QAbstractListModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._all: list[Finding] = []
        self._shown: list[Finding] = []
        self._framework: Framework | None = None
        self._edited: set[str] = set()
        self._places: dict[str, list[Any]] = {}  # finding id -> its places (whole document)
        self._min_confidence = 0.0
        self._filter = FindingFilter()

    # -- contents -------------------------------------------------------------

    def set_findings(self, findings: list[Finding], framework: Framework | None = None,
                     edited: set[str] | None = None,
                     places: dict[str, list[Any]] | None = None) -> None:
        self.beginResetModel()
        self._all = findings
        self._framework = framework
        self._edited = set(edited or ())
        self._places = dict(places or {})
        self._shown = shown_findings(self._all, self._min_confidence, self._filter)
        self.endResetModel()

    def update_findings(self, findings: list[Finding], edited: set[str] | None = None,
                        places: dict[str, list[Any]] | None = None) -> bool:
        """New copies of the same findings (a decision, an edit): changed in place,
        keeping the selection and the scroll position. False (and reset) when the
        list itself changes."""
        shown = shown_findings(findings, self._min_confidence, self._filter)
        if [f.id for f in shown] != [f.id for f in self._shown]:
            self.set_findings(findings, self._framework, edited, places)
            return False
        self._all, self._shown = findings, shown
        self._edited = set(edited or ())
        self._places = dict(places or {})
        if shown:
            self.dataChanged.emit(self.index(0), self.index(len(shown) - 1))
        return True

    def set_min_confidence(self, value: float) -> None:
        if value == self._min_confidence:
            return
        self._min_confidence = value
        self.set_findings(self._all, self._framework, self._edited, self._places)

    def set_filter(self, flt: FindingFilter) -> None:
        if flt == self._filter:
            return
        self._filter = flt
        self.set_findings(self._all, self._framework, self._edited, self._places)

    @property
    def filter(self) -> FindingFilter:
        return self._filter

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
        """Below the minimum confidence."""
        return len(self._all) - len(visible_findings(self._all, self._min_confidence))

    @property
    def filtered(self) -> int:
        """Above the minimum confidence, hidden by the filters."""
        return len(self._all) - self.hidden - len(self._shown)

    def finding(self, row: int) -> Finding | None:
        return self._shown[row] if 0 <= row < len(self._shown) else None

    def places(self, finding_id: str) -> list[Any]:
        return list(self._places.get(finding_id, []))

    def row_of(self, finding_id: str) -> int:
        return next((i for i, f in enumerate(self._shown) if f.id == finding_id), -1)

    def checkpoints(self, finding: Finding) -> list[tuple[str, str]]:
        out = []
        for cid in finding.checkpoints:
            cp = self._framework.checkpoint(cid) if self._framework else None
            out.append((cid, cp.title if cp else ""))
        return out

    # -- Qt -------------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._shown)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        finding = self.finding(index.row()) if index.isValid() else None
        if finding is None:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            # What a screen reader says, and what copy or type-ahead sees.
            decision = "" if finding.decision == "pending" else (
                f" ({DECISION_LABELS.get(finding.decision, finding.decision)})")
            return (f"{severity_label(finding.severity)} · {finding.category} · "
                    f"{confidence_text(finding.confidence)}: {finding.issue}{decision}")
        if role == Qt.ItemDataRole.DecorationRole:
            return severity_icon(finding.severity)
        if role == FINDING_ROLE:
            return finding
        if role == EDITED_ROLE:
            return finding.id in self._edited
        if role == PLACES_ROLE:
            return self._places.get(finding.id)
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
        if finding.id in self._places:
            if not finding.anchored:
                lines.append("<i>A quote was not found in its section's text.</i>")
        elif not finding.anchored:
            lines.append("<i>This quote was not found in the section text.</i>")
        return "<br>".join(lines) or None
