"""Driving the main window in tests: open, analyse, select, read the tree."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from desktop_app.document import Document, Section
from desktop_app.ui.sections.model import Column
from desktop_app.ui.window.main_window import MainWindow

TIMEOUT = 10_000


def new_window(qtbot) -> MainWindow:  # type: ignore[no-untyped-def]
    w = MainWindow()
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return w


def open_ready(qtbot, window: MainWindow, path) -> Document:  # type: ignore[no-untyped-def]
    """Open `path` and wait until the reviewer for it is prepared."""
    with qtbot.waitSignal(window.review.provider_ready, timeout=TIMEOUT):
        with qtbot.waitSignal(window.document_loaded, timeout=TIMEOUT) as loaded:
            window.open_path(path)
    doc: Document = loaded.args[0]
    return doc


def analyse_all(qtbot, window: MainWindow) -> object:  # type: ignore[no-untyped-def]
    """Analyse All, and the check of the whole document that follows it."""
    with qtbot.waitSignal(window.review.driver.run_finished, timeout=TIMEOUT) as blocker:
        window.action["analyse_all"].trigger()
    wait_for_check(qtbot, window)
    return blocker.args[0]


def wait_for_check(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    """The passes over the whole document that Analyse All started, if any, have ended."""
    driver = window.review.driver
    if driver.checking:
        with qtbot.waitSignal(driver.document_check_finished, timeout=TIMEOUT):
            pass


def section(doc: Document, title: str) -> Section:
    return next(s for s in doc.walk() if s.title == title)


def status_text(window: MainWindow, s: Section) -> str:
    """The status cell as a screen reader says it ("Done · 4"); the cell shows its icon
    and the count."""
    return window.model.index_for(s.id, Column.STATUS).data(Qt.ItemDataRole.AccessibleTextRole)


def select(window: MainWindow, s: Section) -> None:
    window.tree.setCurrentIndex(window.model.index_for(s.id))


def visible_boxes(window) -> list[QMessageBox]:  # type: ignore[no-untyped-def]
    return [b for b in window.findChildren(QMessageBox) if b.isVisible()]
