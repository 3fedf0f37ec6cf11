"""File → Export Reviewed Copy…: the one export dialog a window may have open."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QSettings
from PySide6.QtWidgets import QWidget

from desktop_app.document import Document
from desktop_app.export.selection import ReviewSnapshot
from desktop_app.session import ReviewPrefs
from desktop_app.workers.jobs import JobRunner


class ExportPart(QObject):
    """Opens the dialog (raised again if it is open) and stops an upload at close."""

    def __init__(self, window: QWidget, runner: JobRunner, settings: QSettings) -> None:
        super().__init__(window)
        self._window = window
        self._runner = runner
        self._settings = settings
        self.dialog = None  # the ExportDialog open, if any

    def open(self, document: Document, review: Callable[[], ReviewSnapshot],
             prefs: ReviewPrefs) -> object:
        if self.dialog is not None:
            self.dialog.raise_()
            return self.dialog
        # Imported on first use: the dialog brings the export code and python-docx
        # (~100 ms), which the window's start-up has no need for.
        from desktop_app.ui.export.dialog import ExportDialog

        dialog = ExportDialog(document, review, self._settings, self._runner, self._window,
                              prefs=prefs)
        self.dialog = dialog
        dialog.finished.connect(self._closed)
        dialog.open()
        return dialog

    def _closed(self, _result: int) -> None:
        if self.dialog is not None:
            self.dialog.deleteLater()
            self.dialog = None

    def shutdown(self) -> None:
        """Stop an export still running (an S3 upload) before the window goes."""
        if self.dialog is not None and self.dialog.busy:
            self.dialog.cancel()
