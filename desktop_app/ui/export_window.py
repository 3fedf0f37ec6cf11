"""File > Export…: the window's side of the export dialog.

When a document is opened, whether a reviewed copy can be made of it is asked
at once (off the GUI thread: it reads a few small parts of the package), so
that a reviewer learns it before doing the work, not when exporting.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMessageBox

from desktop_app.workers.jobs import Job

if TYPE_CHECKING:
    from desktop_app.document.model import Document
    from desktop_app.ui.export_dialog import ExportDialog
    from desktop_app.ui.main_window import MainWindow


log = logging.getLogger(__name__)


def _export_problem(path: str) -> str | None:
    from desktop_app.export.source_package import export_problem

    return export_problem(path)


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
        self.problem: str | None = None  # why the open document's copy cannot be made
        self.checked: str | None = None  # the path whose check has come back
        self.problem_box: QMessageBox | None = None
        window.document_loaded.connect(self._loaded)

    def _loaded(self, doc: Document) -> None:
        self.action.setEnabled(True)
        self.problem = None
        job = Job(_export_problem, doc.path)
        job.signals.finished.connect(lambda problem: self._checked(doc, problem))
        job.signals.failed.connect(lambda exc: log.error("export check failed", exc_info=exc))
        self.window.runner.start(job)

    def _checked(self, doc: Document, problem: str | None) -> None:
        if self.window.document is not doc:
            return  # another document was opened meanwhile
        self.checked = doc.path
        if problem is None:
            return
        self.problem = problem
        box = QMessageBox(self.window)
        box.setObjectName("cannotExportBox")
        box.setIcon(QMessageBox.Icon.Information)
        box.setWindowTitle("No reviewed copy")
        box.setText(f"Margin can review “{Path(doc.path).name}”, but cannot write a reviewed "
                    "copy of it with comments.")
        box.setInformativeText(f"{problem[:1].upper()}{problem[1:]}. You can still review it; "
                               "your findings are kept as usual.")
        box.setStandardButtons(QMessageBox.StandardButton.Ok)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.setWindowModality(Qt.WindowModality.WindowModal)
        box.finished.connect(lambda _r: setattr(self, "problem_box", None))
        self.problem_box = box
        box.open()  # never exec(): the window keeps running

    def open(self) -> ExportDialog | None:
        w = self.window
        doc = w.document
        if doc is None:
            return None
        if self.dialog is not None:
            self.dialog.raise_()
            return self.dialog
        # Imported on first use: the dialog brings the export code, which the
        # window's start-up has no need for.
        from desktop_app.ui.export_dialog import ExportDialog
        from desktop_app.ui.export_source import snapshot_from_analysis

        dialog = ExportDialog(doc, lambda: snapshot_from_analysis(doc, w.analysis),
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
