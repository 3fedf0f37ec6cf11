"""Findings → Earlier Findings: what a changed section's review said before."""

from __future__ import annotations

from pathlib import Path

from desktop_app.store.history import earlier_counts
from desktop_app.ui.findings.earlier_findings import EarlierFindingsDialog
from tests.qt.review_doubles import make_flawed_docx
from tests.qt.window_helpers import TIMEOUT, analyse_all, new_window, open_ready, section, select


def shown_ids(window) -> dict[str, str]:  # type: ignore[no-untyped-def]
    model = window.findings.model
    return {model.finding(r).id: model.finding(r).issue for r in range(model.rowCount())}


def test_a_changed_sections_old_findings_can_be_read(qtbot, flawed: Path) -> None:
    window = new_window(qtbot)
    doc = open_ready(qtbot, window, flawed)
    analyse_all(qtbot, window)
    select(window, section(doc, "Details"))
    old = shown_ids(window)
    assert old, "the flawed Details section has findings to leave behind"
    window.findings.select_row(0)
    window.decisions.decide("rejected")
    window.close()

    make_flawed_docx(flawed, details="Revenue fell by 5% in March. TODO: explain why.")
    again = new_window(qtbot)
    doc = open_ready(qtbot, again, flawed)
    select(again, section(doc, "Summary"))
    again.action["earlier_findings"].trigger()
    assert not again.findChildren(EarlierFindingsDialog)  # nothing replaced there
    assert "No earlier findings" in again.statusBar().currentMessage()

    details = section(doc, "Details")
    select(again, details)
    again.action["earlier_findings"].trigger()
    (dialog,) = again.findChildren(EarlierFindingsDialog)
    qtbot.addWidget(dialog)
    assert {e.finding.id for e in dialog.items} == set(old)
    assert {e.reason for e in dialog.items} == {"changed"}
    text = dialog.text.toPlainText()
    assert "left behind when the section's text changed" in text
    assert "✗ rejected" in text  # the decision it had is kept with it
    for issue in old.values():
        assert issue in text
    assert dialog.windowTitle() == "Earlier Findings — Details"

    # Analysing the new text does not bring the old findings back, nor lose them.
    with qtbot.waitSignal(again.review.driver.run_finished, timeout=TIMEOUT):
        again.findings.analyse_button.click()
    assert not set(shown_ids(again)) & set(old)
    session = again.review.session
    assert earlier_counts(session.storage.db, session.review_id)[details.id] >= len(old)


def test_the_action_is_in_the_findings_menu_with_a_key(qtbot) -> None:
    window = new_window(qtbot)
    menu = window.menuBar().findChild(type(window.menuBar().actions()[0].menu()), "findingsMenu")
    assert window.action["earlier_findings"] in menu.actions()
    assert window.action["earlier_findings"].shortcut().toString() == "Ctrl+H"
    assert not window.action["earlier_findings"].isEnabled()  # no document yet
