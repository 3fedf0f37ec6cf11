"""Edit a finding's words and severity, or write a finding of your own."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.review.findings import SEVERITIES, Finding
from desktop_app.ui.common.severity import severity_icon, severity_label
from desktop_app.ui.common.tab_order import tab_chain

_QUOTE_CHARS = 400
DEFAULT_CATEGORIES = ("clarity", "accuracy", "completeness", "consistency", "evidence",
                      "structure", "style")


def _text_box(name: str, text: str, lines: int) -> QPlainTextEdit:
    box = QPlainTextEdit(text)
    box.setObjectName(name)
    box.setTabChangesFocus(True)  # Tab moves on, as in any form
    box.setFixedHeight(box.fontMetrics().lineSpacing() * lines + 14)
    return box


class FindingDialog(QDialog):
    """`finding` given: edit it (issue, suggestion, rewrite, severity). Without: a new one."""

    def __init__(self, parent: QWidget | None, quote: str, *, finding: Finding | None = None,
                 originals: dict[str, Any] | None = None,
                 categories: list[str] | None = None, rewrite: bool = True) -> None:
        """`rewrite` False: no Rewrite field (a finding about several places has none)."""
        super().__init__(parent)
        self.finding = finding
        self._with_rewrite = rewrite
        self._originals = dict(originals or {})
        editing = finding is not None
        self.setObjectName("editFindingDialog" if editing else "addFindingDialog")
        self.setWindowTitle("Edit Finding" if editing else "Add Finding")
        self.setMinimumWidth(460)

        shown = " ".join(quote.split())
        if len(shown) > _QUOTE_CHARS:
            shown = shown[: _QUOTE_CHARS - 1] + "…"
        self.quote = QLabel(f"“{shown}”" if shown else "No quote: about the section as a whole")
        self.quote.setObjectName("findingQuote")
        self.quote.setWordWrap(True)
        self.quote.setTextFormat(Qt.TextFormat.PlainText)
        self.quote.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        italic = self.quote.font()
        italic.setItalic(True)
        self.quote.setFont(italic)

        self.category = QComboBox()
        self.category.setObjectName("categoryEdit")
        self.category.setEditable(True)
        names = sorted({c.lower() for c in (categories or [])} | set(DEFAULT_CATEGORIES))
        self.category.addItems(names)
        self.category.setCurrentText(finding.category if finding else "clarity")
        self.category.setEnabled(not editing)  # the author's category stays
        self.severity = QComboBox()
        self.severity.setObjectName("severityEdit")
        for s in SEVERITIES:
            self.severity.addItem(severity_icon(s), severity_label(s), s)
        self.severity.setCurrentIndex(SEVERITIES.index(finding.severity) if finding else 2)
        self.issue = _text_box("issueEdit", finding.issue if finding else "", 3)
        self.suggestion = _text_box("suggestionEdit", finding.suggestion if finding else "", 3)
        self.rewrite = _text_box("rewriteEdit", (finding.rewrite or "") if finding else "", 2)
        self.rewrite.setPlaceholderText("Optional: the quote as it should read")

        form = QFormLayout()
        form.addRow("Quote:", self.quote)
        form.addRow("&Category:", self.category)
        form.addRow("Se&verity:", self.severity)
        form.addRow("&Issue:", self.issue)
        form.addRow("&Suggestion:", self.suggestion)
        form.addRow("&Rewrite:", self.rewrite)
        form.setRowVisible(self.rewrite, rewrite)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText("Save" if editing else "Add Finding")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.restore: QPushButton | None = None
        if editing and self._originals:
            self.restore = self.buttons.addButton("Restore Original",
                                                  QDialogButtonBox.ButtonRole.ResetRole)
            self.restore.setObjectName("restoreOriginalButton")
            self.restore.setToolTip("Put back the words of the finding's author")
            self.restore.clicked.connect(self._restore_original)

        self.quote.setAccessibleName("Quote")
        for widget, name in ((self.category, "Category"), (self.severity, "Severity"),
                             (self.issue, "Issue"), (self.suggestion, "Suggestion"),
                             (self.rewrite, "Rewrite")):
            widget.setAccessibleName(name)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        # The form top to bottom, then Save (or Add Finding) before Cancel, whatever
        # order the platform shows the buttons in.
        tab_chain(self.category, self.severity, self.issue, self.suggestion, self.rewrite,
                  self.ok, self.buttons.button(QDialogButtonBox.StandardButton.Cancel),
                  *([self.restore] if self.restore is not None else []))
        self.issue.textChanged.connect(self._check)
        self._check()
        self.issue.setFocus()

    def _check(self) -> None:
        self.ok.setEnabled(bool(self.issue.toPlainText().strip()))

    def _restore_original(self) -> None:
        o = self._originals
        if "severity" in o:
            self.severity.setCurrentIndex(max(0, self.severity.findData(o["severity"])))
        for name, box in (("issue", self.issue), ("suggestion", self.suggestion),
                          ("rewrite", self.rewrite)):
            if name in o:
                box.setPlainText(o[name] or "")

    def values(self) -> dict[str, Any]:
        """What the form says, in the store's fields."""
        rewrite = self.rewrite.toPlainText().strip()
        values = {
            "severity": self.severity.currentData(),
            "issue": self.issue.toPlainText().strip(),
            "suggestion": self.suggestion.toPlainText().strip(),
            "rewrite": rewrite or None,
        }
        if not self._with_rewrite:
            del values["rewrite"]
        return values

    def changes(self) -> dict[str, Any]:
        """Editing: only the fields that differ from the finding."""
        if self.finding is None:
            return self.values()
        return {k: v for k, v in self.values().items() if getattr(self.finding, k) != v}

    def new_finding(self, quote: str, start: int | None, end: int | None) -> Finding:
        v = self.values()
        category = self.category.currentText().strip().lower() or "note"
        return Finding(category=category, severity=v["severity"], confidence=1.0, quote=quote,
                       issue=v["issue"], suggestion=v["suggestion"], rewrite=v["rewrite"],
                       source="user", anchored=start is not None, start=start, end=end)
