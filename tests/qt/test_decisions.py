"""Deciding on findings: accept, reject, edit, own findings, undo/redo, filters, keys.

The built-in reviewer runs for real; every check of what was saved reads the
review store, and "persists" means a new window on the same data folder.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QTextCursor
from PySide6.QtTest import QTest

from desktop_app.store.reviews import ReviewStore
from desktop_app.ui.findings.model import EDITED_ROLE, FindingFilter
from desktop_app.ui.window.actions import shortcut_rows
from desktop_app.ui.window.main_window import MainWindow
from tests.qt.window_helpers import (
    analyse_all,
    new_window,
    open_ready,
    section,
    select,
    status_text,
)


@pytest.fixture
def reviewed(qtbot, flawed: Path):  # type: ignore[no-untyped-def]
    """A window with the flawed document analysed by the built-in reviewer."""
    w = new_window(qtbot)
    doc = open_ready(qtbot, w, flawed)
    analyse_all(qtbot, w)
    return w, doc


def store_of(window: MainWindow) -> tuple[ReviewStore, int]:
    session = window.review.session
    assert session.store is not None and session.review_id is not None
    return session.store, session.review_id


def stored_finding(window: MainWindow, finding_id: str):  # type: ignore[no-untyped-def]
    store, review_id = store_of(window)
    return store.finding(review_id, finding_id)


def rows(window: MainWindow) -> list:
    model = window.findings.model
    return [model.finding(r) for r in range(model.rowCount())]


def test_decisions_and_edits_persist_in_a_new_window(qtbot, reviewed, flawed: Path) -> None:
    window, doc = reviewed
    summary = section(doc, "Summary")
    select(window, summary)
    panel, d = window.findings, window.decisions
    assert len(rows(window)) >= 3
    panel.select_row(0)
    accepted = panel.selected_finding().id
    window.action["accept"].trigger()
    panel.select_row(1)
    rejected = panel.selected_finding().id
    window.action["reject"].trigger()
    panel.select_row(2)
    edited = panel.selected_finding()
    window.action["edit"].trigger()
    dialog = d.dialog
    assert dialog is not None and dialog.isVisible()
    dialog.issue.setPlainText("Two words repeat: say it once.")
    dialog.severity.setCurrentIndex(dialog.severity.findData("critical"))
    dialog.rewrite.setPlainText("")
    dialog.ok.click()
    assert d.dialog is None

    # Shown at once, on the card and in the text a screen reader gets.
    assert panel.model.finding(panel.model.row_of(accepted)).decision == "accepted"
    assert panel.model.index(panel.model.row_of(rejected)).data().endswith("(Rejected)")
    row = panel.model.row_of(edited.id)
    assert panel.model.index(row).data(EDITED_ROLE) is True
    assert "accepted" in window.model.index_for(summary.id, 2).data(Qt.ItemDataRole.ToolTipRole)
    window.close()

    again = new_window(qtbot)
    doc2 = open_ready(qtbot, again, flawed)
    assert all(status_text(again, s).startswith("Done · ") for s in doc2.walk())
    select(again, section(doc2, "Summary"))
    by_id = {f.id: f for f in rows(again)}
    assert by_id[accepted].decision == "accepted"
    assert by_id[rejected].decision == "rejected"
    assert by_id[edited.id].issue == "Two words repeat: say it once."
    assert by_id[edited.id].severity == "critical"
    assert by_id[edited.id].rewrite is None
    assert again.findings.model.index(again.findings.model.row_of(edited.id)).data(EDITED_ROLE)
    # The author's words are kept: the edit dialog can put them back.
    originals = again.review.session.originals(edited.id)
    assert originals["issue"] == edited.issue
    assert "Review restored: 4 of 4 sections done, 2 decisions." in (
        again.statusBar().currentMessage())
    assert "saved result" in again.findings.summary.text()


def test_undo_and_redo_are_saved(qtbot, reviewed) -> None:
    window, doc = reviewed
    select(window, section(doc, "Summary"))
    panel, d = window.findings, window.decisions
    panel.select_row(0)
    fid = panel.selected_finding().id
    window.action["accept"].trigger()
    assert stored_finding(window, fid).decision == "accepted"
    assert window.action["undo"].text().replace("&", "") == "Undo Accept Finding"

    # Undo from another section brings the finding back into view.
    select(window, section(doc, "Owners"))
    window.action["undo"].trigger()
    assert stored_finding(window, fid).decision == "pending"
    assert window.current_section().title == "Summary"
    assert panel.selected_finding().id == fid
    window.action["redo"].trigger()
    assert stored_finding(window, fid).decision == "accepted"

    # An edit, undone: the author's words again, and no edit kept.
    window.action["edit"].trigger()
    before = panel.selected_finding().issue
    d.dialog.issue.setPlainText("Shorter.")
    d.dialog.ok.click()
    assert stored_finding(window, fid).issue == "Shorter."
    window.action["undo"].trigger()
    assert stored_finding(window, fid).issue == before
    assert window.review.session.originals(fid) == {}
    window.action["undo"].trigger()  # and the accept before it
    assert stored_finding(window, fid).decision == "pending"
    assert not window.action["undo"].isEnabled()


def select_text(window: MainWindow, text: str) -> None:
    cursor = window.view.document().find(text)
    assert not cursor.isNull(), text
    window.view.setTextCursor(cursor)


def test_own_finding_on_a_selection_is_stored_with_its_offsets(qtbot, reviewed) -> None:
    window, doc = reviewed
    details = section(doc, "Details")
    select(window, details)
    assert window.action["add"] in window.view.selection_actions  # in the text's context menu
    select_text(window, "cause is described")
    window.view.setFocus()
    QTest.keySequence(window.view, QKeySequence("Ctrl+Alt+M"))
    dialog = window.decisions.dialog
    assert dialog is not None and dialog.windowTitle() == "Add Finding"
    assert "cause is described" in dialog.quote.text()
    assert not dialog.ok.isEnabled()  # an issue is required
    dialog.category.setCurrentText("Evidence")
    dialog.severity.setCurrentIndex(dialog.severity.findData("major"))
    dialog.issue.setPlainText("Which appendix? Name it.")
    dialog.suggestion.setPlainText("Say “Appendix B”.")
    dialog.ok.click()

    store, review_id = store_of(window)
    mine = [f for f in store.review_state(review_id).findings(details.id) if f.source == "user"]
    assert len(mine) == 1
    f = mine[0]
    assert (f.quote, f.category, f.severity, f.confidence) == (
        "cause is described", "evidence", "major", 1.0)
    assert details.text[f.start:f.end] == f.quote and f.anchored
    shown = window.findings.selected_finding()
    assert shown is not None and shown.id == f.id
    assert window.view.highlighted_text == "cause is described"
    assert window.action["delete"].isEnabled()

    # In a table: the offsets follow Section.text ("cell | cell" rows); a
    # selection across cells takes whole cells, as the view shows it.
    owners = section(doc, "Owners")
    select(window, owners)
    select_text(window, "alerts")
    start, end, quote = window.view.selected_passage()
    assert owners.text[start:end] == quote == "alerts"
    first = window.view.document().find("Fix")
    last = window.view.document().find("TBD")
    cursor = QTextCursor(window.view.document())
    cursor.setPosition(first.selectionStart())
    cursor.setPosition(last.selectionEnd(), QTextCursor.MoveMode.KeepAnchor)
    window.view.setTextCursor(cursor)
    start, end, quote = window.view.selected_passage()
    assert owners.text[start:end] == quote == "Fix alerts | TBD"

    # Deleting it (Delete in the findings list) is saved, and undone.
    select(window, details)
    window.findings.select_finding(f.id)
    window.findings.list.setFocus()
    QTest.keyClick(window.findings.list, Qt.Key.Key_Delete)
    assert all(x.source != "user" for x in store.review_state(review_id).findings(details.id))
    window.action["undo"].trigger()
    assert [x.id for x in store.review_state(review_id).findings(details.id)
            if x.source == "user"] == [f.id]


def test_adding_without_a_selection_says_what_to_do(qtbot, reviewed) -> None:
    window, doc = reviewed
    select(window, section(doc, "Details"))
    window.action["add"].trigger()
    assert window.decisions.dialog is None
    assert "Select the passage" in window.statusBar().currentMessage()


def test_filters_hide_and_show(qtbot, reviewed) -> None:
    window, doc = reviewed
    select(window, section(doc, "Summary"))
    panel = window.findings
    everything = rows(window)
    severities = {f.severity for f in everything}
    assert len(everything) >= 3 and len(severities) >= 2
    one = sorted(severities)[0]
    bar = panel.filters
    bar.severity.setCurrentIndex(bar.severity.findData(one))
    assert [f.id for f in rows(window)] == [f.id for f in everything if f.severity == one]
    assert "hidden by the filters" in panel.summary.text()
    assert bar.clear.isVisible()
    bar.reset()
    assert len(rows(window)) == len(everything)

    category = everything[0].category
    bar.set_categories([f.category for f in everything])
    bar.category.setCurrentIndex(bar.category.findData(category.lower()))
    assert {f.category for f in rows(window)} == {category}
    bar.reset()

    # Pending only: a decided finding leaves the list, the next one is selected.
    bar.decision.setCurrentIndex(bar.decision.findData("pending"))
    panel.select_row(0)
    second = rows(window)[1].id
    window.action["accept"].trigger()
    assert len(rows(window)) == len(everything) - 1
    assert panel.selected_finding().id == second
    bar.decision.setCurrentIndex(bar.decision.findData("accepted"))
    assert [f.decision for f in rows(window)] == ["accepted"]
    # Filters apply to every section; a section with none shown says so.
    select(window, section(doc, "Details"))
    assert panel.message.text() == "No finding here matches the filters."
    assert panel.model.filter == FindingFilter(decision="accepted")


def test_keyboard_next_finding_accept_and_undo(qtbot, reviewed) -> None:
    window, doc = reviewed
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    summary, details = section(doc, "Summary"), section(doc, "Details")
    select(window, summary)
    window.tree.setFocus()
    panel = window.findings
    QTest.keyClick(window.tree, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert panel.selected_row() == 0
    QTest.keyClick(window.tree, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    first = panel.selected_finding()
    assert first.decision == "accepted"
    assert stored_finding(window, first.id).decision == "accepted"
    QTest.keyClick(window.tree, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert panel.selected_row() == 1
    QTest.keyClick(window.tree, Qt.Key.Key_Backspace, Qt.KeyboardModifier.ControlModifier)
    assert panel.selected_finding().decision == "rejected"

    # Past the last finding of a section: the first of the next one that has any.
    count = panel.model.rowCount()
    panel.select_row(count - 1)
    QTest.keyClick(window.tree, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert window.current_section() is details and panel.selected_row() == 0
    QTest.keyClick(window.tree, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert window.current_section() is summary and panel.selected_row() == count - 1

    # Sections with Ctrl+Down / Ctrl+Up, from the text too; undo with Ctrl+Z.
    window.view.setFocus()
    QTest.keyClick(window.view, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert window.current_section() is details
    QTest.keyClick(window.view, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert window.current_section() is summary
    QTest.keyClick(window.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(window.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert stored_finding(window, first.id).decision == "pending"
    QTest.keyClick(window.view, Qt.Key.Key_Z,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert stored_finding(window, first.id).decision == "accepted"

    # F2 edits the selected finding.
    QTest.keyClick(window.view, Qt.Key.Key_F2)
    assert window.decisions.dialog is not None
    window.decisions.dialog.reject()
    assert window.decisions.dialog is None


def test_shortcuts_dialog_lists_the_actions_and_no_key_is_used_twice(qtbot) -> None:
    window = new_window(qtbot)
    window.action["shortcuts"].trigger()
    dialog = window.shortcuts_dialog
    assert dialog is not None and dialog.isVisible()
    listed = {(dialog.tree.topLevelItem(g).text(0), dialog.tree.topLevelItem(g).child(i).text(0),
               dialog.tree.topLevelItem(g).child(i).text(1))
              for g in range(dialog.tree.topLevelItemCount())
              for i in range(dialog.tree.topLevelItem(g).childCount())}
    native = QKeySequence.SequenceFormat.NativeText
    ctrl_return = QKeySequence("Ctrl+Return").toString(native)
    assert ("Findings", "Accept", f"{ctrl_return}, {QKeySequence('Ctrl+Enter').toString(native)}"
            ) in listed
    assert ("Findings list", "Delete My Finding", "Del") in listed
    texts = {text for _g, text, _k in listed}
    for name in ("Next Finding", "Previous Finding", "Next Section", "Previous Section",
                 "Reject", "Reset to Pending", "Edit", "Undo", "Redo", "Analyse Section",
                 "Keyboard Shortcuts", "Add Finding on Selection"):
        assert name in texts, name
    dialog.reject()

    # One key, one action, wherever the focus is.
    keys: dict[str, str] = {}
    for _group, text, combo in shortcut_rows():
        for key in combo.split(", "):
            assert key not in keys, f"{key}: {keys.get(key)} and {text}"
            keys[key] = text
