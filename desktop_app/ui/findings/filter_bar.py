"""The findings filter bar: severity, category and decision, in one compact row."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QSizePolicy, QToolButton, QWidget

from desktop_app.review.findings import DECISIONS, SEVERITIES
from desktop_app.ui.common.severity import severity_icon, severity_label
from desktop_app.ui.findings.model import DECISION_LABELS, FindingFilter

_ALL = ""


def _combo(name: str, everything: str, items: list[tuple[str, str]], tip: str,
           accessible: str) -> QComboBox:
    combo = QComboBox()
    combo.setObjectName(name)
    combo.setToolTip(tip)
    combo.setAccessibleName(accessible)  # no label beside it: the name says what it filters
    # Three share the pane's width, whatever it is; a narrow pane elides their text.
    combo.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
    combo.setMinimumWidth(56)
    combo.addItem(everything, _ALL)
    for label, value in items:
        combo.addItem(label, value)
    return combo


class FilterBar(QWidget):
    filter_changed = Signal(object)  # FindingFilter

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findingsFilterBar")
        self.severity = _combo("severityFilter", "All severities",
                               [(severity_label(s), s) for s in SEVERITIES],
                               "Show only findings of this severity", "Severity filter")
        for row, severity in enumerate(SEVERITIES, start=1):
            self.severity.setItemIcon(row, severity_icon(severity))
        self.category = _combo("categoryFilter", "All categories", [],
                               "Show only findings of this category", "Category filter")
        self.decision = _combo("decisionFilter", "All decisions",
                               [(DECISION_LABELS[d], d) for d in DECISIONS],
                               "Show only pending, accepted or rejected findings",
                               "Decision filter")
        self.clear = QToolButton()
        self.clear.setObjectName("clearFiltersButton")
        self.clear.setText("✕")
        self.clear.setAutoRaise(True)
        self.clear.setToolTip("Show every finding")
        self.clear.setAccessibleName("Clear the filters")
        self.clear.clicked.connect(self.reset)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        for combo in (self.severity, self.category, self.decision):
            layout.addWidget(combo, 1)
            combo.currentIndexChanged.connect(self._changed)
        layout.addWidget(self.clear)
        self.clear.setVisible(False)

    def current(self) -> FindingFilter:
        return FindingFilter(self.severity.currentData() or _ALL,
                             self.category.currentData() or _ALL,
                             self.decision.currentData() or _ALL)

    def set_filter(self, flt: FindingFilter) -> None:
        if flt.category and self.category.findData(flt.category) < 0:
            self.category.addItem(flt.category.capitalize(), flt.category)
        for combo, value in ((self.severity, flt.severity), (self.category, flt.category),
                             (self.decision, flt.decision)):
            combo.setCurrentIndex(max(0, combo.findData(value)))

    def set_categories(self, categories: list[str]) -> None:
        """The categories the review has so far; the chosen one stays chosen."""
        chosen = self.category.currentData() or _ALL
        wanted = sorted({c.lower() for c in categories if c} | ({chosen} if chosen else set()))
        present = [self.category.itemData(i) for i in range(1, self.category.count())]
        if present == wanted:
            return
        self.category.blockSignals(True)
        while self.category.count() > 1:
            self.category.removeItem(1)
        for c in wanted:
            self.category.addItem(c.capitalize(), c)
        self.category.setCurrentIndex(max(0, self.category.findData(chosen)))
        self.category.blockSignals(False)

    def reset(self) -> None:
        self.set_filter(FindingFilter())

    def _changed(self) -> None:
        flt = self.current()
        self.clear.setVisible(flt.active)
        self.filter_changed.emit(flt)
