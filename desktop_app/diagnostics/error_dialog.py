"""The one dialog for things that went wrong: an uncaught error, or last run's crash.

It never blocks: shown with `show()`, the event loop (and the review's saving)
keeps running behind it. Details stay folded until asked for.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QFontDatabase
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.diagnostics.redaction import redact

log = logging.getLogger(__name__)

REVIEW_SAVED = ("Your review is intact: every finding and decision is saved the moment it is "
                "made.")
_CRASH_TEXT_LIMIT = 200_000  # characters of a crash log shown; its end matters most


def open_folder(folder: Path) -> None:
    if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))):
        log.warning("could not open %s in the file manager", folder)


class ErrorDialog(QDialog):
    def __init__(self, title: str, headline: str, body: str, details: str, log_folder: Path,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("errorDialog")
        self.setWindowTitle(title)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        # Often parentless (an error can come before or after the window): closing
        # the main window must still quit Margin while this is open.
        self.setAttribute(Qt.WidgetAttribute.WA_QuitOnClose, False)
        self.log_folder = log_folder
        self.extra_errors = 0

        self.headline = QLabel(f"<b>{_escape(headline)}</b>")
        self.body = QLabel(body)
        self.body.setTextFormat(Qt.TextFormat.RichText)
        self.body.setWordWrap(True)
        self.body.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.more = QLabel()  # "2 more errors …", while the dialog is open
        self.more.setObjectName("moreErrors")
        self.more.hide()
        self.details = QPlainTextEdit(redact(details))
        self.details.setObjectName("errorDetails")
        self.details.setReadOnly(True)
        self.details.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.details.setMinimumHeight(220)
        self.details.hide()

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.details_button = QPushButton("Show Details")
        self.details_button.setCheckable(True)
        self.details_button.toggled.connect(self._toggle_details)
        self.folder_button = QPushButton("Open Log Folder")
        self.folder_button.clicked.connect(lambda: open_folder(self.log_folder))
        # ActionRole: these two act without closing the dialog.
        buttons.addButton(self.details_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.folder_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        for widget in (self.headline, self.body, self.more, self.details):
            layout.addWidget(widget)
        layout.addWidget(buttons)
        self.setMinimumWidth(480)

    def add_error(self, summary: str, details: str) -> None:
        """Another error while this one is shown: counted and appended, not a new dialog."""
        self.extra_errors += 1
        n = self.extra_errors
        self.more.setText(f"{n} more error{'s' if n != 1 else ''} since; all are in the log.")
        self.more.show()
        self.details.appendPlainText(f"\n--- then: {redact(summary)}\n{redact(details)}")

    def _toggle_details(self, shown: bool) -> None:
        self.details.setVisible(shown)
        self.details_button.setText("Hide Details" if shown else "Show Details")
        self.adjustSize()


def error_dialog(summary: str, details: str, log_file: Path | None,
                 parent: QWidget | None = None) -> ErrorDialog:
    where = f"The details are in the log: {log_file}" if log_file else "No log file is available."
    body = f"{_escape(redact(summary))}<br><br>{REVIEW_SAVED}<br><br>{_escape(where)}"
    text = details + (f"\nLog file: {log_file}\n" if log_file else "")
    folder = log_file.parent if log_file else Path.home()
    return ErrorDialog("Margin: unexpected error", "Something went wrong in Margin.", body,
                       text, folder, parent)


def crash_offer(crash_log: Path, log_folder: Path, parent: QWidget | None = None) -> ErrorDialog:
    """'Margin closed unexpectedly last time', with the crash log under Show Details."""
    try:
        text = crash_log.read_text(encoding="utf-8", errors="replace")[-_CRASH_TEXT_LIMIT:]
    except OSError as err:
        text = f"(the crash log {crash_log} cannot be read: {err.strerror or err})"
    body = (f"Everything up to your last change was saved.<br><br>The crash report is kept in "
            f"{_escape(str(log_folder))}; Show Details shows it.")
    return ErrorDialog("Margin closed unexpectedly", "Margin closed unexpectedly last time.",
                       body, f"{crash_log}\n\n{text}", log_folder, parent)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
