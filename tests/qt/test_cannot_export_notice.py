"""A document whose reviewed copy cannot be made is named as such when it is opened."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from desktop_app.ui.main_window import MainWindow
from tests.docx_factory import DOC_RELS, p, write_docx
from tests.qt.window_helpers import open_ready

COMMENTS_REL = ('<Relationship Id="rIdC" Type="http://schemas.openxmlformats.org/officeDocument/'
                '2006/relationships/comments" Target="comments.xml"/>')


def damaged_comments(path: Path) -> Path:
    return write_docx(path, p("Scope", "berschrift1") + p("The the system is fast."),
                      doc_rels=DOC_RELS.replace("</Relationships>",
                                                COMMENTS_REL + "</Relationships>"),
                      extra={"word/comments.xml": "<w:comments><w:comment"})


def test_the_window_says_on_opening_that_no_copy_can_be_made(qtbot, window: MainWindow,
                                                               tmp_path: Path) -> None:
    open_ready(qtbot, window, damaged_comments(tmp_path / "damaged.docx"))
    qtbot.waitUntil(lambda: window.export.problem_box is not None, timeout=10_000)
    box = window.export.problem_box
    assert box.isVisible() and box.objectName() == "cannotExportBox"
    assert "cannot write a reviewed copy" in box.text() and "damaged.docx" in box.text()
    assert box.informativeText().startswith("The comments part is not well-formed XML")
    assert window.export.action.isEnabled()  # the review and its dialog still work
    box.button(QMessageBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: window.export.problem_box is None)


def test_no_notice_for_a_document_that_exports(qtbot, window: MainWindow, flawed: Path) -> None:
    doc = open_ready(qtbot, window, flawed)
    qtbot.waitUntil(lambda: window.export.checked == doc.path, timeout=10_000)
    assert window.export.problem is None and window.export.problem_box is None
