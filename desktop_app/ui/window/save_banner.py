"""Saving, as the reviewer sees it: a red strip above the panes while the review cannot
be saved (what and why, Retry, and a retry every 30 s), or once, until
dismissed, that a damaged store was replaced; and the question asked before
closing a window whose changes could not be saved.

A part of the window: told the store's state (`show_state`), it says
`retry_requested` (its button, its timer) and leaves the saving to the session.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QMessageBox, QPushButton, QWidget

from desktop_app.session import Storage
from desktop_app.ui.common.theme import theme

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


class SaveBanner(QFrame):
    retry_requested = Signal()
    dismissed = Signal()  # the reviewer has read the store's notice
    close_anyway = Signal()  # the reviewer closes without the changes that wait
    close_again = Signal()  # Try Again in the close question: close once more

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.close_box: QMessageBox | None = None
        self.retry_timer = QTimer(self)
        self.retry_timer.setInterval(RETRY_SECONDS * 1000)
        self.retry_timer.timeout.connect(self.retry_requested)
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

    def show_state(self, storage: Storage, review_open: bool, document_open: bool) -> None:
        """Shown while something is not saved (or a document's review cannot open)."""
        problem = bool(storage.unsaved or storage.lost or (
            storage.error and document_open and not review_open))
        if problem:
            self.show_problem(storage.error, storage.unsaved, storage.lost, review_open)
            if storage.unsaved and not self.retry_timer.isActive():
                self.retry_timer.start()
        else:
            self.retry_timer.stop()
            if storage.notice:
                self.show_notice(storage.notice)
            else:
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

    def ask_to_close(self, storage: Storage) -> None:
        """Changes cannot be saved: the reviewer decides (once; the box is window-modal)."""
        if self.close_box is not None:
            return
        box = QMessageBox(self.window())
        box.setObjectName("unsavedCloseBox")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle("Changes not saved")
        box.setText(f"{_plural(len(storage.unsaved), 'change')} to this review could not be "
                    "saved.")
        box.setInformativeText(f"{storage.error}.\n\nIf you close now, they are lost. Free some "
                               "space (or fix what the message says), then try again.")
        retry = box.addButton("Try Again", QMessageBox.ButtonRole.AcceptRole)
        close = box.addButton("Close Without Saving", QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        # After the box is gone: closing again may need to ask again.
        retry.clicked.connect(lambda: QTimer.singleShot(0, self.close_again.emit))
        close.clicked.connect(self.close_anyway)
        box.finished.connect(lambda _r: setattr(self, "close_box", None))
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.setWindowModality(Qt.WindowModality.WindowModal)
        self.close_box = box
        box.open()
