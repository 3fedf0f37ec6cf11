"""Hard crashes: faulthandler writes to `logs/crash-<pid>.log`, the next start offers it.

A segfault or an abort in Qt kills the process before any Python handler
runs; faulthandler still writes the Python stack of every thread to a file
opened in advance. A clean exit removes the empty file, so a non-empty crash
log found at start-up means a run died. Each process has its own file: two
Margin windows must not delete (or overwrite) each other's evidence.
"""

from __future__ import annotations

import faulthandler
import logging
import os
import sys
from pathlib import Path
from typing import TextIO

from desktop_app.diagnostics.log_setup import logs_dir

PREVIOUS_NAME = "crash-previous.log"

log = logging.getLogger(__name__)

# faulthandler keeps only the file descriptor: the file object must outlive it,
# or the descriptor is closed (and perhaps reused) before the crash it is for.
_crash_file: TextIO | None = None


def crash_log_path(data_dir: Path, pid: int | None = None) -> Path:
    return logs_dir(data_dir) / f"crash-{os.getpid() if pid is None else pid}.log"


def enable_crash_log(data_dir: Path) -> Path | None:
    """Start recording fatal errors; returns the last crashed run's log if there is one.

    That log is moved aside to `crash-previous.log` first, so it is offered once.
    """
    global _crash_file
    folder = logs_dir(data_dir)
    crash = crash_log_path(data_dir)
    previous: Path | None = None
    try:
        folder.mkdir(parents=True, exist_ok=True)
        previous = _take_previous_crash(folder, crash)
        disable_crash_log()  # a second call re-targets rather than leaking a file
        _crash_file = open(crash, "w", encoding="utf-8")  # closed by disable_crash_log
        faulthandler.enable(_crash_file, all_threads=True)
    except OSError as err:
        # No crash log is a lost diagnostic, not a reason to refuse to start.
        log.warning("crash log unavailable at %s: %s", crash, err.strerror or err)
    return previous


def _take_previous_crash(folder: Path, own: Path) -> Path | None:
    """The newest non-empty crash log of another process, moved to crash-previous.log.

    Empty logs belong to runs still going, or to runs killed without a fault
    (kill -9, power cut): those of processes that are gone are swept away.
    """
    crashed: list[Path] = []
    for path in folder.glob("crash-*.log"):
        if path == own or path.name == PREVIOUS_NAME:
            continue
        try:
            if path.stat().st_size > 0:
                crashed.append(path)
            elif not _running(path):
                path.unlink()
        except OSError:
            continue  # in use by a live Margin on Windows, or already gone
    if not crashed:
        return None
    crashed.sort(key=lambda p: p.stat().st_mtime)
    previous = folder / PREVIOUS_NAME
    os.replace(crashed[-1], previous)
    for older in crashed[:-1]:
        older.unlink(missing_ok=True)  # one crash is offered; the log file has the rest
    log.warning("the previous run ended in a crash; its log is %s", previous)
    return previous


def _running(path: Path) -> bool:
    try:
        pid = int(path.stem.removeprefix("crash-"))
    except ValueError:
        return False
    if sys.platform == "win32":
        return True  # os.kill would terminate it there; an open file refuses unlink anyway
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process with that id
    return True


def disable_crash_log() -> None:
    """At a clean exit: stop faulthandler and remove the (empty) crash log."""
    global _crash_file
    if _crash_file is None:
        return
    faulthandler.disable()
    path = Path(_crash_file.name)
    _crash_file.close()
    _crash_file = None
    try:
        if path.stat().st_size == 0:
            path.unlink()
    except OSError:
        pass  # already gone: nothing to clean
