"""Where uncaught errors go: the log, stderr, and one dialog on the GUI thread.

`install()` replaces `sys.excepthook` (the main thread, and Qt slots, whose
exceptions PySide hands to it), `threading.excepthook` and
`warnings.showwarning`. Every error is logged with its traceback on the thread
that raised it, so the log has it even if the GUI is wedged; the dialog is
requested through a queued signal and shown on the GUI thread. While one
dialog is open, further errors are counted into it, not stacked.

Set MARGIN_NO_ERROR_DIALOGS=1 (or pass --no-error-dialogs) for automated
runs: errors are then logged and echoed on stderr only.
"""

from __future__ import annotations

import logging
import os
import sys
import threading
import traceback
import warnings
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, Signal

if TYPE_CHECKING:
    from desktop_app.diagnostics.error_dialog import ErrorDialog

NO_DIALOGS_ENV = "MARGIN_NO_ERROR_DIALOGS"

log = logging.getLogger(__name__)
warnings_log = logging.getLogger("py.warnings")


def dialogs_wanted() -> bool:
    """False when MARGIN_NO_ERROR_DIALOGS is set to anything but 0/false/no/off."""
    value = os.environ.get(NO_DIALOGS_ENV, "").strip().lower()
    return value in ("", "0", "false", "no", "off")


class ErrorReporter(QObject):
    error_caught = Signal(str, str)  # summary, traceback: emitted on any thread, shown on ours
    dialog_opened = Signal(object)  # the ErrorDialog just shown

    def __init__(self, log_file: Path | None, *, dialogs: bool,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.log_file = log_file
        self.dialogs = dialogs
        self.caught = 0  # errors reported since install, from any thread
        self.dialog: ErrorDialog | None = None
        self._closed_dialog: ErrorDialog | None = None
        self._lock = threading.Lock()
        self._saved: tuple[Any, Any, Any] | None = None
        # Queued even from the GUI thread: an excepthook can run in the middle of
        # a paint or a layout, no place to open a window.
        self.error_caught.connect(self._show, Qt.ConnectionType.QueuedConnection)

    # -- hooks ---------------------------------------------------------------------

    def install(self) -> ErrorReporter:
        if self._saved is None:
            self._saved = (sys.excepthook, threading.excepthook, warnings.showwarning)
            sys.excepthook = self._sys_hook
            threading.excepthook = self._thread_hook
            warnings.showwarning = self._show_warning
        return self

    def uninstall(self) -> None:
        """Put back the hooks found at install (tests rely on this)."""
        if self._saved is not None:
            sys.excepthook, threading.excepthook, warnings.showwarning = self._saved
            self._saved = None

    def _sys_hook(self, exc_type: type[BaseException], exc: BaseException,
                  tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt) and self._saved is not None:
            self._saved[0](exc_type, exc, tb)  # Ctrl+C in a terminal is not a bug report
            return
        self.report(exc_type, exc, tb, threading.current_thread().name)

    def _thread_hook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_type is SystemExit:
            return  # threading's own hook ignores it too
        name = args.thread.name if args.thread is not None else "an unknown thread"
        self.report(args.exc_type, args.exc_value or args.exc_type(), args.exc_traceback, name)

    def _show_warning(self, message: Warning | str, category: type[Warning], filename: str,
                      lineno: int, file: Any = None, line: str | None = None) -> None:
        # Warnings would otherwise go to a stderr nobody sees in a windowed app.
        text = warnings.formatwarning(message, category, filename, lineno, line)
        warnings_log.warning("%s", text.rstrip())

    # -- reporting -----------------------------------------------------------------

    def report(self, exc_type: type[BaseException], exc: BaseException,
               tb: TracebackType | None, thread_name: str) -> None:
        """Log one uncaught error (any thread) and ask the GUI thread to show it."""
        summary = "".join(traceback.format_exception_only(exc_type, exc)).strip()
        details = "".join(traceback.format_exception(exc_type, exc, tb))
        where = f" (log: {self.log_file})" if self.log_file else ""
        log.error("uncaught %s in thread %s%s", exc_type.__name__, thread_name, where,
                  exc_info=(exc_type, exc, tb))
        with self._lock:
            self.caught += 1
        if self.dialogs:
            try:
                self.error_caught.emit(summary, details)
            except RuntimeError:  # the reporter's C++ side is gone: the app is exiting
                pass

    def _show(self, summary: str, details: str) -> None:
        try:
            if self.dialog is not None:
                self.dialog.add_error(summary, details)
                return
            from desktop_app.diagnostics.error_dialog import error_dialog

            self.dialog = error_dialog(summary, details, self.log_file)
            self.dialog.finished.connect(self._dialog_closed)
            self.dialog.show()
            self.dialog_opened.emit(self.dialog)
        except Exception:
            # Never raise from here: the excepthook would bring us straight back.
            log.exception("the error dialog could not be shown")

    def _dialog_closed(self) -> None:
        # Keep the wrapper until the next dialog: dropping the last reference here
        # would delete the dialog inside its own finished signal. WA_DeleteOnClose
        # frees it on the next turn of the loop.
        self._closed_dialog, self.dialog = self.dialog, None


def install(log_file: Path | None, *, dialogs: bool | None = None,
            parent: QObject | None = None) -> ErrorReporter:
    """Create a reporter (dialogs per MARGIN_NO_ERROR_DIALOGS unless given) and hook it in."""
    wanted = dialogs_wanted() if dialogs is None else dialogs
    return ErrorReporter(log_file, dialogs=wanted, parent=parent).install()
