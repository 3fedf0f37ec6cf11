"""File > Export… in the window: accepted findings become comments in a new copy."""

from __future__ import annotations

from pathlib import Path

import docx

from tests.qt.review_doubles import make_flawed_docx
from tests.qt.window_helpers import analyse_all, new_window, open_ready, section, select

TIMEOUT = 20_000


def test_export_action_writes_the_accepted_findings_as_comments(qtbot, tmp_path: Path) -> None:
    window = new_window(qtbot)
    assert not window.action["export"].isEnabled()  # nothing to export before a document
    source = make_flawed_docx(tmp_path / "flawed.docx")
    original = source.read_bytes()
    doc = open_ready(qtbot, window, source)
    assert window.action["export"].isEnabled()
    analyse_all(qtbot, window)
    select(window, section(doc, "Summary"))
    window.findings.select_row(0)
    accepted = window.findings.selected_finding()
    window.action["accept"].trigger()

    window.action["export"].trigger()
    dialog = window.export.dialog
    assert dialog is not None and dialog.isVisible()
    out = tmp_path / "out" / "flawed (reviewed).docx"
    dialog.path_edit.setText(str(out))
    with qtbot.waitSignal(dialog.exported, timeout=TIMEOUT):
        dialog.export_button.click()

    comments = list(docx.Document(str(out)).comments)
    assert len(comments) == 1
    assert accepted.issue in comments[0].text
    assert source.read_bytes() == original  # the original is never touched
    dialog.close()
    qtbot.waitUntil(lambda: window.export.dialog is None, timeout=TIMEOUT)
