"""File > Export…: the window's side of the export dialog."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence

if TYPE_CHECKING:
    from desktop_app.ui.export.dialog import ExportDialog
    from desktop_app.ui.window.main_window import MainWindow


class ExportAction:
    """Owns the Export action and the one export dialog a window may have open."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.dialog: ExportDialog | None = None
        self.action = QAction("&Export Reviewed Copy…", window)
        self.action.setObjectName("exportAction")
        self.action.setShortcut(QKeySequence("Ctrl+E"))
        self.action.setStatusTip("Write a copy of the document with the findings as Word "
                                 "comments, and reports")
        self.action.setEnabled(False)
        self.action.triggered.connect(self.open)
        window.document_loaded.connect(lambda _doc: self.action.setEnabled(True))

    def open(self) -> ExportDialog | None:
        w = self.window
        doc = w.document
        if doc is None:
            return None
        if self.dialog is not None:
            self.dialog.raise_()
            return self.dialog
        # Imported on first use: the dialog brings the export code and python-docx
        # (~100 ms), which the window's start-up has no need for.
        from desktop_app.ui.export.dialog import ExportDialog
        from desktop_app.ui.export.source import snapshot_of

        dialog = ExportDialog(doc, lambda: snapshot_of(w.review),
                              w._settings, w.runner, w, prefs=w.prefs)
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
