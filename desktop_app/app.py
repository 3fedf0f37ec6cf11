"""The windowed app: QApplication on a qasync event loop, and the main window."""

from __future__ import annotations

import asyncio
import gc
import logging
import sys
from pathlib import Path

# PySide6 before qasync: qasync picks its Qt binding from what is already imported.
from PySide6.QtWidgets import QApplication, QDialog, QWidget

# isort: split
import qasync  # must follow PySide6

from desktop_app import paths
from desktop_app.diagnostics.crash_log import disable_crash_log, enable_crash_log
from desktop_app.diagnostics.log_setup import configure_logging, log_startup
from desktop_app.runtime import favour_the_gui_thread, freeze_long_lived_objects
from desktop_app.workers.gc_guard import MainThreadGarbageCollector

log = logging.getLogger(__name__)


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
    from desktop_app.ui.common.icons import app_icon  # the GUI's, not the command line's

    app.setWindowIcon(app_icon())
    return app


def run_gui(path: str | None = None, *, error_dialogs: bool = True) -> int:
    """Show the main window (opening `path` if given) and run until it closes.

    `error_dialogs=False` (--no-error-dialogs) only logs unexpected errors.
    """
    # Before Qt starts: a crash while it does is worth a crash log too.
    data = paths.data_dir()
    log_file = configure_logging(data)
    previous_crash = enable_crash_log(data)
    app = create_application()
    favour_the_gui_thread()
    log_startup("window")
    # Imported here so `margin sections` and friends never build widgets.
    from desktop_app.diagnostics import error_hook
    from desktop_app.ui.window.main_window import MainWindow

    reporter = error_hook.install(log_file, dialogs=error_dialogs and error_hook.dialogs_wanted(),
                                  parent=app)
    try:
        loop = qasync.QEventLoop(app)
        asyncio.set_event_loop(loop)
        collector = MainThreadGarbageCollector(app)  # noqa: F841 - lives as long as the app
        window = MainWindow()
        window.show()
        if previous_crash is not None:
            offer_crash_log(window, previous_crash, reporter.dialogs)
        freeze_long_lived_objects()  # Qt, the window and our modules: never rescanned
        first = startup_document(path, window.recent_files(), paths.sample_document())
        if first:
            window.open_path(first)
        with loop:
            code = loop.run_forever()
        log.info("Margin closed normally")
        # Everything is saved by now: spare the interpreter's last cyclic sweep over
        # the window's objects at exit (~0.3-0.5 s measured in the self-test).
        gc.freeze()
    except Exception:
        log.exception("the window stopped on an error")
        raise
    finally:
        reporter.uninstall()
        disable_crash_log()  # a hard crash never gets here: its crash log stays
    return int(code) if isinstance(code, int) else 0


def offer_crash_log(window: QWidget, crash_log: Path, dialogs: bool) -> QDialog | None:
    """Last run died: say so, without blocking, with its crash log a click away."""
    if not dialogs:
        return None  # enable_crash_log has logged where it is
    from desktop_app.diagnostics.error_dialog import crash_offer

    box = crash_offer(crash_log, crash_log.parent, window)
    box.setObjectName("crashOffer")
    box.show()
    return box
