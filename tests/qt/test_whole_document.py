"""The window's "Whole document" group: the findings that span sections, decided like any.

The built-in reviewer runs for real on a report with flaws planted across
sections (tests/cross_section_docs.py); Analyse All ends with the
cross-section checks, whose findings are listed under "Whole document" at the
top of the tree, with the same accept, reject, edit and undo, the same keys,
their places side by side in the text pane, Ctrl+J to each place in its
section, and kept across a reopen.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from desktop_app.session import WHOLE_DOCUMENT, SectionStatus
from desktop_app.ui.sections.model import Column
from desktop_app.ui.window.main_window import MainWindow
from tests.cross_section_docs import ISSUES, write
from tests.qt.window_helpers import TIMEOUT, analyse_all, new_window, open_ready


@pytest.fixture
def planted(tmp_path: Path) -> Path:
    return write(tmp_path / "planted.docx")


def whole_row(window: MainWindow, column: int = Column.TITLE):  # type: ignore[no-untyped-def]
    return window.model.index_for(WHOLE_DOCUMENT, column)


def cards(window: MainWindow) -> list:
    model = window.findings.model
    return [model.finding(r) for r in range(model.rowCount())]


def show_whole(window: MainWindow) -> None:
    window.tree.select_section(WHOLE_DOCUMENT)
    assert window.findings.group == WHOLE_DOCUMENT


def test_the_whole_document_group_lists_decides_and_keeps_its_findings(
        qtbot, planted: Path) -> None:
    window = new_window(qtbot)
    doc = open_ready(qtbot, window, planted)
    assert whole_row(window).data() == "Whole document"
    assert window.model.status_for(WHOLE_DOCUMENT) is SectionStatus.NOT_ANALYSED
    analyse_all(qtbot, window)  # then the cross-section checks, on their own
    assert window.model.status_for(WHOLE_DOCUMENT) is SectionStatus.DONE
    assert whole_row(window, Column.STATUS).data() == str(len(ISSUES))

    show_whole(window)
    assert window.findings.title.text() == "Whole document"
    shown = cards(window)
    assert {next(k for k in ISSUES if k in f.issue) for f in shown} == set(ISSUES)
    assert "across sections" in window.findings.summary.text()

    # A finding's places side by side in the text pane, each section named.
    window.findings.select_row(0)
    first = window.findings.selected_finding()
    places = window.findings.model.places(first.id)
    text = window.view.toPlainText()
    for place in places:
        assert place.title in text and place.quote in text

    # Accept, undo, edit: through the session, as for any finding.
    window.action["accept"].trigger()
    session = window.review.session
    assert session.locate(first.id)[1].decision == "accepted"
    assert window.findings.selected_finding().decision == "accepted"
    window.action["undo"].trigger()
    assert session.locate(first.id)[1].decision == "pending"
    window.action["redo"].trigger()
    window.action["edit"].trigger()
    dialog = window.decisions.dialog
    assert dialog is not None and dialog.rewrite.isHidden()  # no rewrite of several places
    dialog.issue.setPlainText("Fix this across the sections.")
    dialog.accept()
    assert session.locate(first.id)[1].issue == "Fix this across the sections."
    assert session.originals(first.id)["issue"] == first.issue

    # Ctrl+J: each place in its section, the quote marked there.
    window.action["next_place"].trigger()
    current = window.tree.current_section()
    assert current is not None and current.id == places[0].section_id
    assert window.view.highlighted_text == places[0].quote
    window.action["next_place"].trigger()
    if len(places) > 1:
        assert window.tree.current_section().id == places[1].section_id
        assert window.view.highlighted_text == places[1].quote

    # Alt+Up from the first section's findings reaches back to the whole document's.
    window.tree.select_section(next(iter(doc.walk())).id)
    window.findings.select_row(0) if window.findings.model.rowCount() else None
    for _ in range(20):
        if window.findings.group == WHOLE_DOCUMENT:
            break
        window.action["previous_finding"].trigger()
    assert window.findings.group == WHOLE_DOCUMENT

    window.close()
    again = new_window(qtbot)
    open_ready(qtbot, again, planted)
    show_whole(again)
    kept = {f.id: f for f in cards(again)}
    assert kept[first.id].decision == "accepted"
    assert kept[first.id].issue == "Fix this across the sections."
    assert again.model.status_for(WHOLE_DOCUMENT) is SectionStatus.DONE


def test_check_consistency_runs_as_a_job_and_says_when_it_is_done(qtbot, planted: Path) -> None:
    window = new_window(qtbot)
    open_ready(qtbot, window, planted)
    show_whole(window)
    assert window.findings.analyse_button.isVisible()  # "Check consistency", never run yet
    assert window.action["check_consistency"].isEnabled()
    with qtbot.waitSignal(window.review.driver.document_check_finished, timeout=TIMEOUT):
        window.action["check_consistency"].trigger()
        assert window.review.driver.checking  # a job: the window stays responsive
        assert window.action["cancel_all"].isEnabled()
    assert len(cards(window)) == len(ISSUES)
    assert "Whole document checked" in window.status_bar.currentMessage()
    # Asked with the built-in reviewer, the consistency pass says what it needs; the free
    # checks, unchanged since, are not run again.
    window.prefs.consistency = True
    with qtbot.waitSignal(window.review.driver.document_check_finished, timeout=TIMEOUT):
        window.action["check_consistency"].trigger()
        assert "needs Amazon Bedrock" in window.status_bar.currentMessage()


def test_a_pass_that_breaks_is_a_failure_of_that_pass(qtbot, planted: Path, monkeypatch) -> None:
    import desktop_app.ai.crosscheck as crosscheck

    def broken(*_args, **_kwargs):  # type: ignore[no-untyped-def]
        raise ValueError("a check met something it did not expect")

    monkeypatch.setattr(crosscheck, "check_document", broken)
    window = new_window(qtbot)
    open_ready(qtbot, window, planted)
    with qtbot.waitSignal(window.review.driver.document_check_finished, timeout=TIMEOUT):
        window.action["check_consistency"].trigger()
    assert window.model.status_for(WHOLE_DOCUMENT) is SectionStatus.FAILED
    show_whole(window)
    assert window.findings.failure.isVisible()
    assert "cross-section checks failed" in window.findings.failure_text.text()
    assert "a check met something" not in window.findings.failure_text.text()  # no repr
    tip = whole_row(window, Column.STATUS).data(Qt.ItemDataRole.ToolTipRole)
    assert "failed" in tip


def test_esc_cancels_a_check_of_the_whole_document(qtbot, planted: Path, monkeypatch) -> None:
    import threading

    import desktop_app.ai.crosscheck as crosscheck
    from desktop_app.ai.provider import Cancelled

    started = threading.Event()

    def slow(_doc, _framework=None, cancel=None):  # type: ignore[no-untyped-def]
        started.set()
        while not cancel.wait(0.01):
            pass
        raise Cancelled()

    monkeypatch.setattr(crosscheck, "check_document", slow)
    window = new_window(qtbot)
    open_ready(qtbot, window, planted)
    window.action["check_consistency"].trigger()
    qtbot.waitUntil(started.is_set, timeout=TIMEOUT)
    assert window.model.status_for(WHOLE_DOCUMENT) is SectionStatus.RUNNING
    with qtbot.waitSignal(window.review.driver.document_check_finished,
                          timeout=TIMEOUT) as finished:
        window.action["cancel_all"].trigger()
    assert finished.args == [None]
    assert "cancelled" in window.status_bar.currentMessage()
    assert window.model.status_for(WHOLE_DOCUMENT) is SectionStatus.NOT_ANALYSED
    assert not window.review.busy
