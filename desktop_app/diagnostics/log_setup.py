"""The log file: `<data folder>/logs/margin.log`, rotated, with credentials scrubbed.

Everything at INFO and above from every logger goes to the file; warnings and
errors are also echoed on stderr, as Python does when nothing is configured,
so a terminal still shows them. Our own code logs counts, ids and file names,
never section text or quotes (PRODUCT.md §4).
"""

from __future__ import annotations

import logging
import platform
import sys
from logging.handlers import RotatingFileHandler
from pathlib import Path

from desktop_app.diagnostics.redaction import RedactingFilter

LOG_NAME = "margin.log"
MAX_BYTES = 1_000_000
BACKUPS = 3
FORMAT = "%(asctime)s %(levelname)-7s %(name)s [%(threadName)s] %(message)s"

# botocore at DEBUG logs whole request bodies, which are document text; urllib3
# and s3transfer chatter at INFO. Ours are the only INFO messages worth keeping.
QUIET_LOGGERS = ("botocore", "boto3", "urllib3", "s3transfer")

log = logging.getLogger(__name__)
_saved_levels: dict[str, int] = {}  # what configure_logging changed, for remove_logging


class _RotatingFile(RotatingFileHandler):
    def doRollover(self) -> None:
        try:
            super().doRollover()
        except OSError:
            # Windows refuses to rename a file another Margin has open: keep
            # writing to this one rather than failing every record from now on.
            if self.stream is None:
                self.stream = self._open()


class _StderrEcho(logging.Handler):
    """Like Python's last-resort handler: finds `sys.stderr` at each record, so it
    follows redirection and survives a windowed build, where stderr is None."""

    def emit(self, record: logging.LogRecord) -> None:
        stream = sys.stderr
        if stream is None:
            return
        try:
            stream.write(self.format(record) + "\n")
            stream.flush()
        except Exception:
            self.handleError(record)


def logs_dir(data_dir: Path) -> Path:
    return data_dir / "logs"


def configure_logging(data_dir: Path, *, echo_stderr: bool = True) -> Path | None:
    """Send logging to `<data_dir>/logs/margin.log`; returns that path.

    Calling it again with the same folder changes nothing; with another folder
    the file moves there (tests point every run at a temporary folder). None
    when the file cannot be opened: Margin still starts, logging to stderr only.
    """
    path = logs_dir(data_dir) / LOG_NAME
    root = logging.getLogger()
    current = _our_handlers(root)
    if any(isinstance(h, _RotatingFile) and Path(h.baseFilename) == path for h in current):
        return path
    remove_logging()
    handlers: list[logging.Handler] = []
    problem: OSError | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        file_handler = _RotatingFile(path, maxBytes=MAX_BYTES, backupCount=BACKUPS,
                                     encoding="utf-8", errors="backslashreplace")
        file_handler.setFormatter(logging.Formatter(FORMAT))
        handlers.append(file_handler)
    except OSError as err:
        problem = err
    if echo_stderr:
        echo = _StderrEcho(logging.WARNING)
        echo.setFormatter(logging.Formatter("%(message)s"))
        handlers.append(echo)
    redacting = RedactingFilter()
    for handler in handlers:
        handler.addFilter(redacting)
        handler.set_name("margin")  # how remove_logging and a second call find ours
        root.addHandler(handler)
    for name, level in [("", logging.INFO), *((n, logging.WARNING) for n in QUIET_LOGGERS)]:
        logger = logging.getLogger(name)
        _saved_levels.setdefault(name, logger.level)
        logger.setLevel(level)
    if problem is not None:
        log.warning("no log file: %s: %s", path, problem.strerror or problem)
        return None
    return path


def remove_logging() -> None:
    """Detach and close our handlers and put the levels back (tests, a new data folder)."""
    root = logging.getLogger()
    for handler in _our_handlers(root):
        root.removeHandler(handler)
        handler.close()
    while _saved_levels:
        name, level = _saved_levels.popitem()
        logging.getLogger(name).setLevel(level)


def current_log_file() -> Path | None:
    for handler in _our_handlers(logging.getLogger()):
        if isinstance(handler, _RotatingFile):
            return Path(handler.baseFilename)
    return None


def _our_handlers(root: logging.Logger) -> list[logging.Handler]:
    return [h for h in root.handlers if h.get_name() == "margin"]


def log_startup(what: str) -> None:
    """One line that says which build is running where: versions, not user data."""
    from desktop_app import __version__

    qt = ""
    qt_core = sys.modules.get("PySide6.QtCore")
    if qt_core is not None:  # only when already loaded: never import Qt just to log it
        qt = f", PySide6 {sys.modules['PySide6'].__version__}, Qt {qt_core.qVersion()}"
    frozen = ", frozen" if getattr(sys, "frozen", False) else ""
    # uname only: platform.platform() scans the interpreter binary for the libc version.
    system = f"{platform.system()} {platform.release()} {platform.machine()}"
    log.info("Margin %s %s started: Python %s%s, %s%s", __version__, what,
             platform.python_version(), qt, system, frozen)
