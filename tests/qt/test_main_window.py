"""The main window: open, refuse, drop, remember — with the real loader."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import QMessageBox

import desktop_app.document as document_api
from desktop_app.document import Document
from desktop_app.ui.sections.model import Column
from desktop_app.ui.window.main_window import MainWindow
from tests.qt.documents import make_docx, make_tree


@pytest.fixture
def report(tmp_path: Path) -> Path:
    return make_docx(tmp_path / "q3-review.docx")


def open_and_wait(qtbot, window: MainWindow, path: Path) -> Document:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(window.document_loaded, timeout=10_000) as blocker:
        window.open_path(path)
    doc: Document = blocker.args[0]
    return doc


def tree_titles(window: MainWindow) -> list[str]:
    model = window.model
    titles: list[str] = []

    def visit(parent, depth: int) -> None:  # type: ignore[no-untyped-def]
        for row in range(model.rowCount(parent)):
            index = model.index(row, 0, parent)
            titles.append("  " * depth + index.data())
            visit(index, depth + 1)

    from PySide6.QtCore import QModelIndex

    visit(QModelIndex(), 0)
    return titles


def visible_boxes(window: MainWindow) -> list[QMessageBox]:
    return [b for b in window.findChildren(QMessageBox) if b.isVisible()]


def test_opening_a_docx_fills_the_tree_and_shows_the_first_section(
    qtbot, window: MainWindow, report: Path
) -> None:
    doc = open_and_wait(qtbot, window, report)
    assert tree_titles(window) == [
        "Whole document",  # the findings that span sections, first
        "Quarterly review",
        "  Scope",
        "    Method",
        "  Findings",
    ]
    assert doc.title == "Quarterly review"
    assert window.windowTitle() == "Quarterly review — q3-review.docx"
    sections = list(doc.walk())
    assert window.status_bar.summary.text() == f"{len(sections)} sections · {doc.words:,} words"
    assert not window.status_bar.progress.isVisible()
    # The first section is selected and shown.
    assert window.tree.currentIndex() == window.model.index_for(sections[0].id)
    assert window.view.section is sections[0]
    # Every section's text reaches the view, the table cells included.
    method = window.model.index_for(sections[2].id)
    window.tree.setCurrentIndex(method)
    text = window.view.toPlainText()
    for expected in ("Method", "We read every incident ticket.", "Interviews with on-call staff",
                     "Owner", "Due", "Platform team", "June"):
        assert expected in text
    scope = window.model.index_for(sections[1].id)
    window.tree.setCurrentIndex(scope)
    assert "payment service & its <ledger>." in window.view.toPlainText()
    assert scope.siblingAtColumn(Column.STATUS).data(
        Qt.ItemDataRole.AccessibleTextRole) == "Not analysed"


def test_the_window_stays_responsive_while_loading(
    qtbot, window: MainWindow, report: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_load = document_api.load
    gate = threading.Event()
    entered = threading.Event()

    def slow_load(path: str) -> Document:
        entered.set()
        assert gate.wait(10)
        return real_load(path)

    monkeypatch.setattr(document_api, "load", slow_load)
    window.open_path(report)
    qtbot.waitUntil(entered.is_set)
    # The GUI thread is free: it repaints and answers while the job waits.
    assert window.status_bar.progress.isVisible()
    assert window.statusBar().currentMessage() == "Opening q3-review.docx…"
    window.tree.setFocus()
    qtbot.keyClick(window.tree, Qt.Key.Key_Down)
    with qtbot.waitSignal(window.document_loaded, timeout=10_000):
        gate.set()
    assert not window.status_bar.progress.isVisible()
    assert window.statusBar().currentMessage() == ""


def test_a_refused_document_shows_why_and_keeps_the_open_one(
    qtbot, window: MainWindow, report: Path, tmp_path: Path
) -> None:
    doc = open_and_wait(qtbot, window, report)
    before_title = window.windowTitle()
    fake = tmp_path / "notes.docx"
    fake.write_text("just some notes, not a Word document\n", encoding="utf-8")
    with qtbot.waitSignal(window.document_refused, timeout=10_000) as blocker:
        window.open_path(fake)
    reason = blocker.args[0]
    assert reason and "Traceback" not in reason
    qtbot.waitUntil(lambda: len(visible_boxes(window)) == 1)
    box = visible_boxes(window)[0]
    assert box.informativeText() == reason
    assert "notes.docx" in box.text()
    assert box.windowModality() == Qt.WindowModality.WindowModal
    # The previous document is untouched.
    assert window.document is doc
    assert window.model.document is doc
    assert window.windowTitle() == before_title
    assert tree_titles(window)[1] == "Quarterly review"
    assert not window.status_bar.progress.isVisible()
    assert str(fake) not in window.recent_files()
    box.button(QMessageBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: not visible_boxes(window))


def test_an_unexpected_error_is_a_dialog_not_a_crash(
    qtbot, window: MainWindow, report: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken_load(path: str) -> Document:
        raise RuntimeError("parser exploded")

    monkeypatch.setattr(document_api, "load", broken_load)
    with qtbot.waitSignal(window.document_refused) as blocker:
        window.open_path(report)
    assert blocker.args[0] == "Margin could not open q3-review.docx: parser exploded"
    qtbot.waitUntil(lambda: len(visible_boxes(window)) == 1)
    box = visible_boxes(window)[0]
    assert "parser exploded" in box.informativeText()
    box.close()
    assert window.document is None


def test_a_missing_recent_file_is_dropped_from_the_list(
    qtbot, window: MainWindow, report: Path
) -> None:
    open_and_wait(qtbot, window, report)
    assert window.recent_files() == [str(report)]
    report.unlink()
    with qtbot.waitSignal(window.document_refused):
        window.recent_menu.actions()[0].trigger()
    assert window.recent_files() == []
    for box in visible_boxes(window):
        box.close()


def test_only_the_latest_open_changes_the_window(
    qtbot, window: MainWindow, report: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_load = document_api.load
    gate = threading.Event()
    slow = str(report.with_name("slow.docx"))
    make_docx(Path(slow))

    def load(path: str) -> Document:
        if path == slow:
            assert gate.wait(10)
            return make_tree()
        return real_load(path)

    monkeypatch.setattr(document_api, "load", load)
    loaded: list[Document] = []
    window.document_loaded.connect(loaded.append)
    window.open_path(slow)
    doc = open_and_wait(qtbot, window, report)
    gate.set()
    qtbot.waitUntil(lambda: window.runner.active == 0)
    assert loaded == [doc]
    assert window.document is doc
    assert window.recent_files() == [str(report)]


def drop_event(path: Path) -> tuple[QDragEnterEvent, QDropEvent, QMimeData]:
    # The events only point at the mime data: the caller must keep it alive.
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    args = (Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier)
    enter = QDragEnterEvent(QPointF(50, 50).toPoint(), *args)
    drop = QDropEvent(QPointF(50, 50), *args)
    return enter, drop, mime


def test_dropping_a_docx_opens_it(qtbot, window: MainWindow, report: Path) -> None:
    enter, drop, _mime = drop_event(report)
    QCoreApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    with qtbot.waitSignal(window.document_loaded, timeout=10_000) as blocker:
        QCoreApplication.sendEvent(window, drop)
    assert drop.isAccepted()
    assert blocker.args[0].path == str(report)


def test_a_file_dropped_on_the_text_or_the_tree_reaches_the_window(
    qtbot, window: MainWindow, report: Path
) -> None:
    for target in (window.view.viewport(), window.tree.viewport()):
        enter, drop, _mime = drop_event(report)
        QCoreApplication.sendEvent(target, enter)
        assert enter.isAccepted()
        with qtbot.waitSignal(window.document_loaded, timeout=10_000):
            QCoreApplication.sendEvent(target, drop)


def test_a_drop_without_a_local_file_is_refused(qtbot, window: MainWindow) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl("https://example.com/report.docx")])
    enter = QDragEnterEvent(QPointF(5, 5).toPoint(), Qt.DropAction.CopyAction, mime,
                            Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QCoreApplication.sendEvent(window, enter)
    assert not enter.isAccepted()
    assert window.runner.active == 0


def test_recent_files_persist_across_windows(qtbot, report: Path, tmp_path: Path) -> None:
    other = make_docx(tmp_path / "Other & more.docx")
    first = MainWindow()
    qtbot.addWidget(first)
    open_and_wait(qtbot, first, report)
    open_and_wait(qtbot, first, other)
    open_and_wait(qtbot, first, report)  # moves to the top, not listed twice
    first.close()

    second = MainWindow()
    qtbot.addWidget(second)
    assert second.recent_files() == [str(report), str(other)]
    entries = [a for a in second.recent_menu.actions() if a.data()]
    assert [a.data() for a in entries] == [str(report), str(other)]
    assert entries[1].text() == "&2 Other && more.docx"
    assert second.action["clear_recent"].isEnabled()
    second.action["clear_recent"].trigger()
    assert second.recent_files() == []
    assert not second.action["clear_recent"].isEnabled()
    second.close()

    third = MainWindow()
    qtbot.addWidget(third)
    assert third.recent_files() == []


def test_recent_list_keeps_the_last_ten(qtbot, tmp_path: Path) -> None:
    window = MainWindow()
    qtbot.addWidget(window)
    paths = [str(tmp_path / f"doc{n}.docx") for n in range(12)]
    for path in paths:
        window.recent.add(path)
    assert window.recent_files() == paths[::-1][:10]


def test_geometry_and_splitter_persist(qtbot) -> None:
    first = MainWindow()
    qtbot.addWidget(first)
    first.show()
    qtbot.waitExposed(first)
    # Smaller than the offscreen screen (800x600), which restoreGeometry respects.
    first.resize(640, 480)
    first.splitter.setSizes([170, 290, 180])
    qtbot.waitUntil(lambda: first.splitter.sizes()[0] == 170)
    sizes = first.splitter.sizes()
    first.close()

    second = MainWindow()
    qtbot.addWidget(second)
    second.show()
    qtbot.waitExposed(second)
    assert (second.width(), second.height()) == (640, 480)
    assert second.splitter.sizes() == sizes


def test_first_run_shares_tree_text_and_findings(qtbot, window: MainWindow) -> None:
    tree, text, findings = window.splitter.sizes()
    total = tree + text + findings
    assert 0.2 < tree / total < 0.3
    assert 0.4 < text / total < 0.5
    assert 0.25 < findings / total < 0.35


def test_keyboard(qtbot, window: MainWindow, report: Path) -> None:
    assert window.action["open"].shortcut() == QKeySequence(QKeySequence.StandardKey.Open)
    assert window.action["quit"].shortcut() == QKeySequence("Ctrl+Q")
    open_and_wait(qtbot, window, report)
    window.activateWindow()
    qtbot.waitUntil(lambda: window.tree.hasFocus())
    window.action["next_pane"].trigger()
    qtbot.waitUntil(lambda: window.view.hasFocus())
    window.action["next_pane"].trigger()
    qtbot.waitUntil(lambda: window.tree.hasFocus())
    # Arrow keys walk the tree, and the view follows.
    qtbot.keyClick(window.tree, Qt.Key.Key_Down)
    assert window.view.section is window.model.section_for(window.tree.currentIndex())
    assert window.view.section is not None and window.view.section.title == "Scope"


def test_quit_closes_the_window_and_drains_jobs(
    qtbot, window: MainWindow, report: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    gate = threading.Event()
    entered = threading.Event()

    def slow_load(path: str) -> Document:
        entered.set()
        gate.wait(10)
        return make_tree()

    monkeypatch.setattr(document_api, "load", slow_load)
    loaded: list[Document] = []
    window.document_loaded.connect(loaded.append)
    window.open_path(report)
    qtbot.waitUntil(entered.is_set)
    threading.Timer(0.05, gate.set).start()  # lets the job end while close() waits
    window.action["quit"].trigger()
    assert not window.isVisible()
    assert window.runner.active == 0
    QCoreApplication.processEvents()
    assert loaded == []  # a result that arrives after closing changes nothing


def test_about_box(qtbot, window: MainWindow) -> None:
    from desktop_app.ui.common.about_dialog import AboutDialog

    window.action["about"].trigger()
    qtbot.waitUntil(lambda: any(d.isVisible() for d in window.findChildren(AboutDialog)))
    box = window.findChild(AboutDialog)
    assert box.windowTitle() == "About Margin"
    assert box.windowModality() == Qt.WindowModality.WindowModal
    box.close()


def test_section_titles_get_the_room_in_the_tree(qtbot, tmp_path: Path) -> None:
    """At the default size a chapter's title reads to its end, not "CHAPTER 1 – IN…":
    the status is an icon and a count, the full title is in the tooltip."""
    import docx

    title = "CHAPTER 1 – INTRODUCTION"
    d = docx.Document()
    d.add_heading(title, level=1)
    d.add_paragraph("Some words. " * 200)
    d.add_heading("1.1 Terms of reference", level=2)
    d.add_paragraph("More words.")
    path = tmp_path / "chapters.docx"
    d.save(str(path))
    window = MainWindow()
    qtbot.addWidget(window)
    window.resize(1280, 800)  # the default size
    window.show()
    qtbot.waitExposed(window)
    open_and_wait(qtbot, window, path)
    header = window.tree.header()
    room = header.sectionSize(Column.TITLE)
    others = header.sectionSize(Column.WORDS) + header.sectionSize(Column.STATUS)
    assert room > 1.5 * others
    chapter = window.model.index(1, Column.TITLE)  # under the "Whole document" row
    margins = 8  # the item's text margins, both sides
    shown = window.tree.fontMetrics().elidedText(
        title, Qt.TextElideMode.ElideRight, window.tree.visualRect(chapter).width() - margins)
    assert shown == title
    assert title in chapter.data(Qt.ItemDataRole.ToolTipRole)


def test_the_icons_the_first_answers_show_are_drawn_while_the_window_idles(
        qtbot, monkeypatch, flawed) -> None:  # type: ignore[no-untyped-def]
    """Drawing the status icons and encoding the severity icons for the summary cost
    ~20 ms on the GUI thread; done in idle time once a document is open, not in
    the wave of its first answers (bench/window_bench.py)."""
    from desktop_app.review.findings import SEVERITIES
    from desktop_app.session import SectionStatus
    from desktop_app.ui.chat.message import MessageView
    from desktop_app.ui.common import icon_engine, icons
    from tests.qt.window_helpers import new_window, open_ready

    monkeypatch.setattr(icons, "_status_pixmap_icons", {})
    monkeypatch.setattr(icon_engine, "_html_cache", {})
    window = new_window(qtbot)
    qtbot.wait(300)
    assert len(icons._status_pixmap_icons) < len(SectionStatus)  # no document yet
    open_ready(qtbot, window, flawed)
    qtbot.waitUntil(lambda: len(icons._status_pixmap_icons) == len(SectionStatus)
                    and len(icon_engine._html_cache) == len(SEVERITIES), timeout=5_000)
    # The chat's first messages were built off screen too: nothing shows of them.
    qtbot.wait(100)
    conversation = window.chat.panel.conversation
    assert conversation.views == [] and conversation._list.findChildren(MessageView) == []
