"""Opening a document off the GUI thread: only the latest open may change the window."""

from __future__ import annotations

import logging
import os
from pathlib import Path

from PySide6.QtCore import QObject, Signal

import desktop_app.document as document_api
from desktop_app.document import Document, DocumentError, RefusalKind
from desktop_app.workers.jobs import Job, JobRunner

log = logging.getLogger(__name__)


def _load_document(path: str) -> Document:
    # Looked up at call time, so tests can replace `desktop_app.document.load`.
    return document_api.load(path)


class DocumentOpener(QObject):
    opening = Signal(str)  # the file's name
    opened = Signal(object, str)  # Document, its full path
    refused = Signal(str, str, str)  # what happened, why (for the reviewer), the full path
    missing = Signal(str)  # the full path of a file that is not there (any more)

    def __init__(self, runner: JobRunner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._serial = 0
        self._stopped = False

    def open(self, path: str | os.PathLike[str]) -> None:
        """Load `path` on a worker thread; `opened` or `refused` follows."""
        full = os.path.abspath(os.fspath(path))
        self._serial += 1
        serial = self._serial
        job = Job(_load_document, full)
        job.signals.finished.connect(lambda doc: self._loaded(serial, full, doc))
        job.signals.failed.connect(lambda exc: self._failed(serial, full, exc))
        self._stopped = False
        self.opening.emit(Path(full).name)
        self._runner.start(job)

    def stop(self) -> None:
        """Loads still on their way change nothing (the window closes)."""
        self._serial += 1
        self._stopped = True

    def _loaded(self, serial: int, path: str, doc: Document) -> None:
        if serial != self._serial or self._stopped:
            return  # a newer open superseded this one, or the window is gone
        # The file's name only: folders can name people, and the text never goes to the log.
        log.info("opened %s: %d sections, %d words", Path(path).name,
                 sum(1 for _ in doc.walk()), doc.words)
        self.opened.emit(doc, path)

    def _failed(self, serial: int, path: str, exc: BaseException) -> None:
        if serial != self._serial or self._stopped:
            return
        name = Path(path).name
        if isinstance(exc, DocumentError):
            log.info("refused %s: %s", name, exc.kind.name)
            if exc.kind is RefusalKind.NOT_FOUND:
                self.missing.emit(path)
            self.refused.emit(f"Margin cannot open “{name}”.", exc.reason, path)
        else:
            log.error("opening %s failed", name, exc_info=exc)
            self.refused.emit(f"Margin could not open “{name}”.",
                              f"Margin could not open {name}: {str(exc) or type(exc).__name__}",
                              path)
