"""File → Export Reviewed Copy…: the one export dialog a window may have open, and
whether a reviewed copy can be made of the document at all.

When a document is opened, whether a reviewed copy can be made of it is asked
at once (off the GUI thread: it reads a few small parts of the package), so
that a reviewer learns it before doing the work, not when exporting.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QSettings, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop_app.document import Document
from desktop_app.export.selection import ReviewSnapshot
from desktop_app.session import ReviewPrefs
from desktop_app.workers.jobs import Job, JobRunner

log = logging.getLogger(__name__)


def _export_problem(path: str) -> str | None:
    from desktop_app.export.source_package import export_problem

    return export_problem(path)


class ExportPart(QObject):
    """Opens the dialog (raised again if it is open) and stops an upload at close."""

    def __init__(self, window: QWidget, runner: JobRunner, settings: QSettings) -> None:
        super().__init__(window)
        self._window = window
        self._runner = runner
        self._settings = settings
        self._document: Document | None = None  # the one whose check counts
        self.dialog = None  # the ExportDialog open, if any
        self.problem: str | None = None  # why the open document's copy cannot be made
        self.checked: str | None = None  # the path whose check has come back
        self.problem_box: QMessageBox | None = None

    def check(self, document: Document) -> None:
        """Ask now whether a reviewed copy of `document` can be written; say so if not."""
        self._document, self.problem = document, None
        job = Job(_export_problem, document.path)
        job.signals.finished.connect(lambda problem: self._checked(document, problem))
        job.signals.failed.connect(lambda exc: log.error("export check failed", exc_info=exc))
        self._runner.start(job)

    def _checked(self, document: Document, problem: str | None) -> None:
        if document is not self._document:
            return  # another document was opened meanwhile
        self.checked = document.path
        if problem is None:
            return
        self.problem = problem
        box = QMessageBox(self._window)
        box.setObjectName("cannotExportBox")
        box.setIcon(QMessageBox.Icon.Information)
        box.setWindowTitle("No reviewed copy")
        box.setText(f"Margin can review “{Path(document.path).name}”, but cannot write a "
                    "reviewed copy of it with comments.")
        box.setInformativeText(f"{problem[:1].upper()}{problem[1:]}. You can still review it; "
                               "your findings are kept as usual.")
        box.setStandardButtons(QMessageBox.StandardButton.Ok)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.setWindowModality(Qt.WindowModality.WindowModal)
        box.finished.connect(lambda _r: setattr(self, "problem_box", None))
        self.problem_box = box
        box.open()  # never exec(): the window keeps running

    def open(self, document: Document, review: Callable[[], ReviewSnapshot],
             prefs: ReviewPrefs) -> object:
        if self.dialog is not None:
            self.dialog.raise_()
            return self.dialog
        # Imported on first use: the dialog brings the export code, which the
        # window's start-up has no need for.
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
        self._document = None
        if self.dialog is not None and self.dialog.busy:
            self.dialog.cancel()
