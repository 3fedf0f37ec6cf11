"""Findings → Earlier Findings…: what the current section's review said before.

A re-analysis replaces a section's findings, and a changed or removed section
leaves its old ones behind; the store keeps them all (store/history.py). This
shows them read-only, newest replacement first, with the decisions they had.
"""

from __future__ import annotations

from datetime import datetime
from html import escape
from itertools import groupby
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QTextBrowser, QVBoxLayout

from desktop_app.session import EARLIER_REASONS as REASONS
from desktop_app.session import EarlierFinding, StoreError
from desktop_app.ui.common.theme import theme

if TYPE_CHECKING:
    from desktop_app.ui.window.main_window import MainWindow

_DECISIONS = {"accepted": "✓ accepted", "rejected": "✗ rejected", "pending": "not decided"}


def local_time(when: str) -> str:
    try:
        return datetime.fromisoformat(when).astimezone().strftime("%d %b %Y, %H:%M")
    except ValueError:
        return when or "an unknown time"


def history_html(items: list[EarlierFinding]) -> str:
    colours = theme().colours()
    parts = []
    for (when, reason), group in groupby(items, key=lambda e: (e.when, e.reason)):
        found = list(group)
        count = f"{len(found)} finding{'s' * (len(found) != 1)}"
        parts.append(f"<h3>{escape(local_time(when))} · {count}</h3>"
                     f"<p><i>{escape(REASONS.get(reason, reason))}</i></p>")
        for e in found:
            f = e.finding
            badge = (f'<span style="background:{colours.severity.get(f.severity, "#888")};'
                     f'color:{colours.on_severity}">&nbsp;{escape(f.severity.upper())}&nbsp;'
                     f"</span>")
            lines = [f"{badge} <b>{escape(f.category)}</b> — "
                     f"{escape(_DECISIONS.get(f.decision, f.decision))}"
                     + (" · your own finding" if f.source == "user" else "")]
            if f.quote:
                lines.append(f"<i>“{escape(f.quote)}”</i>")
            lines.append(escape(f.issue))
            if f.suggestion:
                lines.append(f"Suggestion: {escape(f.suggestion)}")
            parts.append("<p>" + "<br>".join(lines) + "</p>")
    return "".join(parts)


class EarlierFindingsDialog(QDialog):
    def __init__(self, section_title: str, items: list[EarlierFinding], parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("earlierFindingsDialog")
        self.setWindowTitle(f"Earlier Findings — {section_title}")
        self.items = items
        intro = QLabel(f"{len(items)} earlier finding{'s' * (len(items) != 1)} for "
                       f"<b>{escape(section_title)}</b>, no longer shown with the section. "
                       "They are kept for reference and never exported.")
        intro.setWordWrap(True)
        self.text = QTextBrowser()
        self.text.setObjectName("earlierFindingsText")
        self.text.setAccessibleName("Earlier findings")
        self.text.setAccessibleDescription("Findings replaced by a later analysis or left "
                                           "behind by a change, newest first")
        self.text.setHtml(history_html(items))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)
        self.resize(620, 520)
        # A bound method, not a lambda: Qt drops the connection when the dialog goes.
        theme().changed.connect(self._restyle)

    def _restyle(self) -> None:
        self.text.setHtml(history_html(self.items))


class EarlierFindingsAction:
    """Owns the menu action; asks the store when triggered (history is rarely read)."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.action = QAction("Ear&lier Findings…", window)
        self.action.setObjectName("earlierFindingsAction")
        self.action.setShortcut(QKeySequence("Ctrl+H"))
        self.action.setStatusTip("Show the findings this section had before it was analysed "
                                 "again or changed")
        self.action.setEnabled(False)
        self.action.triggered.connect(self.open)
        window.addAction(self.action)
        window.document_loaded.connect(lambda _doc: self.action.setEnabled(True))

    def open(self) -> EarlierFindingsDialog | None:
        w = self.window
        section = w.view.section
        session = w.review.session
        if section is None or session is None:
            return None
        if session.review_id is None:
            w.statusBar().showMessage("No earlier findings: this review is not stored yet",
                                      8_000)
            return None
        try:
            items = session.earlier_findings(section.id)
        except StoreError as err:
            w.statusBar().showMessage(f"Earlier findings cannot be read: {err}", 10_000)
            return None
        if not items:
            w.statusBar().showMessage(f"No earlier findings for “{section.title}”: nothing "
                                      "has been replaced or left behind", 8_000)
            return None
        dialog = EarlierFindingsDialog(section.title, items, w)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog
