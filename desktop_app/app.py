"""The windowed app: QApplication on a qasync event loop, and the main window."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

# PySide6 before qasync: qasync picks its Qt binding from what is already imported.
from PySide6.QtWidgets import QApplication

import qasync  # noqa: I001 - must follow PySide6

from desktop_app import paths
from desktop_app.runtime import freeze_long_lived_objects
from desktop_app.workers.gc_guard import MainThreadGarbageCollector


def startup_document(path: str | None, recent: list[str], sample: Path) -> str | None:
    """What to open at start: the given file; else, on a first run, the sample."""
    if path:
        return path
    if not recent and sample.is_file():
        return str(sample)
    return None


def create_application(argv: list[str] | None = None) -> QApplication:
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv or sys.argv[:1])
    app.setApplicationName("Margin")
    app.setOrganizationName("Margin")
    app.setApplicationDisplayName("Margin")
    return app


def run_gui(path: str | None = None) -> int:
    """Show the main window (opening `path` if given) and run until it closes."""
    app = create_application()
    # Imported here so `margin sections` and friends never build widgets.
    from desktop_app.ui.main_window import MainWindow

    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    collector = MainThreadGarbageCollector(app)  # noqa: F841 - lives as long as the app
    window = MainWindow()
    window.show()
    freeze_long_lived_objects()  # Qt, the window and our modules: never rescanned
    first = startup_document(path, window.recent_files(), paths.sample_document())
    if first:
        window.open_path(first)
    with loop:
        code = loop.run_forever()
    return int(code) if isinstance(code, int) else 0
