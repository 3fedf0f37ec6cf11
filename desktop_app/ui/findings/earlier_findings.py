"""Findings → Earlier Findings…: what the current section's review said before.

A re-analysis replaces a section's findings, and a changed or removed section
leaves its old ones behind; the store keeps them all (store/history.py). This
shows them read-only, newest replacement first, with the decisions they had.
"""

from __future__ import annotations

from datetime import datetime
from html import escape
from itertools import groupby

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop_app.document import Section
from desktop_app.session import EARLIER_REASONS as REASONS
from desktop_app.session import EarlierFinding, ReviewSession, StoreError
from desktop_app.ui.common.theme import theme

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


def show_earlier_findings(parent: QWidget, section: Section | None,
                          session: ReviewSession | None) -> str:
    """Open the dialog for `section`; or say, for the status bar, why there is none.
    The store is asked only now: history is rarely read."""
    if section is None or session is None:
        return ""
    if session.review_id is None:
        return "No earlier findings: this review is not stored yet"
    try:
        items = session.earlier_findings(section.id)
    except StoreError as err:
        return f"Earlier findings cannot be read: {err}"
    if not items:
        return (f"No earlier findings for “{section.title}”: nothing has been replaced or "
                "left behind")
    dialog = EarlierFindingsDialog(section.title, items, parent)
    dialog.finished.connect(dialog.deleteLater)
    dialog.open()
    return ""
