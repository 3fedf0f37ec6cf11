"""A red strip above the panes while the review cannot be saved, saying what and why
(or, once, that a damaged store was replaced)."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from desktop_app.ui.theme import theme

RETRY_SECONDS = 30


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def banner_text(error: str, unsaved: list[str], lost: list[str], review_open: bool) -> str:
    """Plain words: what is wrong, what is kept, what to do."""
    reason = error[:1].upper() + error[1:] if error else "The review cannot be saved"
    parts = [f"<b>Not saved.</b> {escape(reason)}."]
    if unsaved:
        parts.append(f"{_plural(len(unsaved), 'change')} kept in this window only "
                     f"(the last: {escape(unsaved[-1])}); Margin saves them as soon as it can "
                     f"and tries again every {RETRY_SECONDS} s.")
    elif not review_open:
        parts.append("Your work on this document is kept in this window only.")
    if lost:
        parts.append(f"{_plural(len(lost), 'change')} could not be saved at all "
                     "(the log says which).")
    return " ".join(parts)


class StoreBanner(QFrame):
    retry_requested = Signal()
    dismissed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("storeBanner")
        self.setAccessibleName("Not saved")
        self._restyle()
        theme().changed.connect(self._restyle)
        self.text = QLabel()
        self.text.setObjectName("storeBannerText")
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.retry = QPushButton("Retry Now")
        self.retry.setObjectName("storeRetryButton")
        self.retry.clicked.connect(self.retry_requested)
        self.dismiss = QPushButton("Dismiss")
        self.dismiss.setObjectName("storeDismissButton")
        self.dismiss.clicked.connect(self.dismissed)
        self.dismiss.clicked.connect(self.hide)
        self.dismiss.hide()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.retry, 0, Qt.AlignmentFlag.AlignVCenter)
        layout.addWidget(self.dismiss, 0, Qt.AlignmentFlag.AlignVCenter)
        self.hide()

    def show_problem(self, error: str, unsaved: list[str], lost: list[str],
                     review_open: bool) -> None:
        self.text.setText(banner_text(error, unsaved, lost, review_open))
        self.setToolTip("\n".join(["Waiting to be saved:", *unsaved]) if unsaved else "")
        self.retry.setVisible(bool(unsaved) or not review_open)
        self.dismiss.setVisible(False)
        self.setAccessibleDescription(self.text.text())
        self.show()

    def show_notice(self, notice: str) -> None:
        """Not a failure to save but something the reviewer must know (a damaged
        store was moved aside and a new one started); shown until dismissed."""
        text = notice[:1].upper() + notice[1:]
        self.text.setText(f"<b>Review store replaced.</b> {escape(text)}.")
        self.setToolTip("")
        self.retry.setVisible(False)
        self.dismiss.setVisible(True)
        self.setAccessibleDescription(self.text.text())
        self.show()

    def _restyle(self) -> None:
        background, border, ink = theme().colours().banner
        self.setStyleSheet(
            f"QFrame#storeBanner {{ background: {background}; border: 1px solid {border};"
            f" border-radius: 4px; }} QLabel {{ color: {ink}; background: transparent; }}")
