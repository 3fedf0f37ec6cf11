"""Uncaught errors: from a slot or a thread, logged once, one dialog, or stderr only.

pytest-qt and pytest hook sys.excepthook and threading.excepthook for each
test's call phase, so every test installs the reporter in its own body and
uninstalls it before it ends (`reporting`).
"""

from __future__ import annotations

import logging
import sys
import threading
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from desktop_app.diagnostics import error_dialog, error_hook
from desktop_app.diagnostics.error_dialog import REVIEW_SAVED, ErrorDialog
from desktop_app.diagnostics.error_hook import ErrorReporter
from desktop_app.diagnostics.log_setup import configure_logging, remove_logging

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def log_file(isolated_data_dir: Path) -> Iterator[Path]:
    path = configure_logging(isolated_data_dir)
    yield path
    remove_logging()


@contextmanager
def reporting(log_file: Path, *, dialogs: bool) -> Iterator[ErrorReporter]:
    hooks = (sys.excepthook, threading.excepthook, warnings.showwarning)
    reporter = error_hook.install(log_file, dialogs=dialogs)
    try:
        yield reporter
    finally:
        reporter.uninstall()
        dialog = reporter.dialog
        if dialog is not None:
            dialog.close()
        assert (sys.excepthook, threading.excepthook, warnings.showwarning) == hooks


def read(path: Path) -> str:
    for handler in logging.getLogger().handlers:
        handler.flush()
    return path.read_text(encoding="utf-8")


def raise_in_slot(message: str) -> None:
    def slot() -> None:
        raise ValueError(message)

    QTimer.singleShot(0, slot)


def raise_in_thread(message: str, name: str) -> None:
    def work() -> None:
        raise KeyError(message)

    thread = threading.Thread(target=work, name=name)
    thread.start()
    thread.join()


def error_dialogs() -> list[ErrorDialog]:
    return [w for w in QApplication.topLevelWidgets()
            if isinstance(w, ErrorDialog) and w.isVisible()]


def test_an_error_in_a_slot_is_logged_and_shown_once(qtbot, log_file: Path) -> None:
    with reporting(log_file, dialogs=True) as reporter:
        with qtbot.waitSignal(reporter.dialog_opened, timeout=5_000) as opened:
            raise_in_slot("the slot broke")
        dialog = opened.args[0]
        assert error_dialogs() == [dialog] and reporter.caught == 1
        assert "ValueError: the slot broke" in dialog.body.text()
        assert REVIEW_SAVED in dialog.body.text() and str(log_file) in dialog.body.text()
        assert not dialog.details.isVisible()
        qtbot.mouseClick(dialog.details_button, LEFT)
        assert dialog.details.isVisible()
        details = dialog.details.toPlainText()
        assert "Traceback (most recent call last)" in details
        assert 'raise ValueError(message)' in details and f"Log file: {log_file}" in details
    text = read(log_file)
    assert text.count("uncaught ValueError in thread MainThread") == 1
    assert "Traceback (most recent call last)" in text and "ValueError: the slot broke" in text


def test_an_error_in_a_thread_is_shown_on_the_gui_thread(qtbot, log_file: Path) -> None:
    with reporting(log_file, dialogs=True) as reporter:
        with qtbot.waitSignal(reporter.dialog_opened, timeout=5_000) as opened:
            raise_in_thread("no such section", "analysis-7")
        dialog = opened.args[0]
        assert dialog.thread() is QApplication.instance().thread()
        assert "KeyError: 'no such section'" in dialog.body.text()
        assert "raise KeyError(message)" in dialog.details.toPlainText()
        assert reporter.caught == 1
    text = read(log_file)
    assert text.count("uncaught KeyError in thread analysis-7") == 1
    assert "[analysis-7]" in text and "KeyError: 'no such section'" in text


def test_a_burst_of_errors_opens_one_dialog(qtbot, log_file: Path) -> None:
    with reporting(log_file, dialogs=True) as reporter:
        with qtbot.waitSignal(reporter.dialog_opened, timeout=5_000) as opened:
            for i in range(5):
                raise_in_thread(f"burst {i}", f"worker-{i}")
        dialog = opened.args[0]
        qtbot.waitUntil(lambda: dialog.extra_errors == 4, timeout=5_000)
        assert error_dialogs() == [dialog] and reporter.caught == 5
        assert dialog.more.text() == "4 more errors since; all are in the log."
        assert "KeyError: 'burst 4'" in dialog.details.toPlainText()
        # Once it is closed, the next error gets a dialog of its own.
        with qtbot.waitSignal(dialog.finished, timeout=5_000):
            dialog.reject()
        with qtbot.waitSignal(reporter.dialog_opened, timeout=5_000) as again:
            raise_in_slot("after the burst")
        assert again.args[0] is not dialog and len(error_dialogs()) == 1
    assert read(log_file).count("uncaught KeyError") == 5


def test_without_dialogs_an_error_is_one_stderr_line_and_a_traceback(
        qtbot, log_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with reporting(log_file, dialogs=False) as reporter:
        raise_in_thread("headless", "worker-1")
        qtbot.waitUntil(lambda: reporter.caught == 1)
        QApplication.processEvents()  # a queued dialog request, were there one, would run now
        assert error_dialogs() == [] and reporter.dialog is None
    lines = capsys.readouterr().err.splitlines()
    assert lines[0] == f"uncaught KeyError in thread worker-1 (log: {log_file})"
    assert lines[1] == "Traceback (most recent call last):" and lines[-1] == "KeyError: 'headless'"
    assert "KeyError: 'headless'" in read(log_file)


def test_the_environment_turns_dialogs_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(error_hook.NO_DIALOGS_ENV, raising=False)
    assert error_hook.dialogs_wanted()
    for value, wanted in (("1", False), ("yes", False), ("0", True), ("", True)):
        monkeypatch.setenv(error_hook.NO_DIALOGS_ENV, value)
        assert error_hook.dialogs_wanted() is wanted


def test_the_command_line_flag_turns_dialogs_off(monkeypatch: pytest.MonkeyPatch) -> None:
    import desktop_app.app
    from desktop_app.cli import main

    calls: list[tuple[str | None, bool]] = []
    monkeypatch.setattr(desktop_app.app, "run_gui",
                        lambda path, *, error_dialogs: calls.append((path, error_dialogs)) or 0)
    assert main(["--no-error-dialogs", "a.docx"]) == 0
    assert main(["b.docx"]) == 0
    assert calls == [("a.docx", False), ("b.docx", True)]


def test_open_log_folder_opens_the_folder_and_keeps_the_dialog(
        qtbot, log_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[Path] = []
    monkeypatch.setattr(error_dialog, "open_folder", opened.append)
    with reporting(log_file, dialogs=True) as reporter:
        with qtbot.waitSignal(reporter.dialog_opened, timeout=5_000) as shown:
            raise_in_slot("look at the log")
        dialog = shown.args[0]
        qtbot.mouseClick(dialog.folder_button, LEFT)
        assert opened == [log_file.parent] and dialog.isVisible()


def test_keyboard_interrupt_is_not_reported(qtbot, log_file: Path) -> None:
    seen: list[type[BaseException]] = []
    previous = sys.excepthook
    sys.excepthook = lambda t, v, tb: seen.append(t)
    try:
        with reporting(log_file, dialogs=True) as reporter:
            sys.excepthook(KeyboardInterrupt, KeyboardInterrupt(), None)
            assert reporter.caught == 0
    finally:
        sys.excepthook = previous
    assert seen == [KeyboardInterrupt]


def test_warnings_nobody_catches_go_to_the_log(log_file: Path) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("always")
        with reporting(log_file, dialogs=False):
            warnings.warn("a deprecated call", DeprecationWarning, stacklevel=1)
    assert "DeprecationWarning: a deprecated call" in read(log_file)


def test_an_open_error_dialog_does_not_keep_margin_running(qtbot, log_file: Path) -> None:
    """Closing the main window quits, even while a (parentless) error dialog is up:
    Qt counts only windows with WA_QuitOnClose when it decides the last one closed
    (and says so only inside exec(), hence the attribute is what is checked)."""
    with reporting(log_file, dialogs=True) as reporter:
        with qtbot.waitSignal(reporter.dialog_opened, timeout=5_000):
            raise_in_slot("while the window is open")
        [dialog] = error_dialogs()
        assert dialog.parent() is None
        assert not dialog.testAttribute(Qt.WidgetAttribute.WA_QuitOnClose)
