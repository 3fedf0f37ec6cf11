"""Analysis in the window: actions, statuses, progress, findings, retry, cancel, close.

The built-in reviewer runs for real on a python-docx document; failures,
blocking and fatal errors come from a scripted provider injected through
`MainWindow.provider_factory`.
"""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from desktop_app.ai.provider import FailureKind, ProviderError
from desktop_app.document import Document, Section
from desktop_app.session import SectionStatus
from desktop_app.ui.common.icons import status_pixmap_icon
from desktop_app.ui.common.severity import LABELS
from desktop_app.ui.sections.model import Column
from desktop_app.ui.window.main_window import MainWindow
from tests.qt.review_doubles import SERVICE_DOWN, ScriptedProvider, factory_for, make_flawed_docx
from tests.qt.window_helpers import TIMEOUT, open_ready, wait_for_check


def section(doc: Document, title: str) -> Section:
    return next(s for s in doc.walk() if s.title == title)


def status_text(window: MainWindow, s: Section) -> str:
    """As a screen reader says it ("Done · 4")."""
    return window.model.index_for(s.id, Column.STATUS).data(Qt.ItemDataRole.AccessibleTextRole)


def select(window: MainWindow, s: Section) -> None:
    window.tree.setCurrentIndex(window.model.index_for(s.id))


def run(qtbot, window: MainWindow, trigger) -> object:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(window.review.driver.run_finished, timeout=TIMEOUT) as blocker:
        trigger()
    wait_for_check(qtbot, window)  # Analyse All checks the whole document after
    return blocker.args[0]


def test_analyse_all_with_the_builtin_reviewer(qtbot, window: MainWindow, flawed: Path) -> None:
    doc = open_ready(qtbot, window, flawed)
    sections = list(doc.walk())
    notice = window.status_bar.provider_notice
    assert notice.isVisible()
    assert "Built-in reviewer (offline) — no AWS credentials found" in notice.text()
    assert "Settings…" in notice.text()

    values: list[tuple[int, int]] = []
    window.status_bar.analysis_progress.valueChanged.connect(
        lambda v: values.append((v, window.status_bar.analysis_progress.maximum())))
    progress = run(qtbot, window, window.action["analyse_all"].trigger)
    assert progress.total == progress.done == len(sections)

    done_icon = status_pixmap_icon(SectionStatus.DONE).cacheKey()  # drawn once, as pixmaps
    for s in sections:
        assert status_text(window, s).startswith("Done · ")
        icon = window.model.index_for(s.id, Column.STATUS).data(Qt.ItemDataRole.DecorationRole)
        assert icon.cacheKey() == done_icon
    # The bar counted up to the total, then went away with its text.
    assert values and values[-1] == (len(sections), len(sections))
    assert not window.status_bar.analysis_progress.isVisible()
    assert not window.status_bar.analysis_label.isVisible()

    summary = section(doc, "Summary")
    select(window, summary)
    panel = window.findings
    rows = [panel.model.index(r) for r in range(panel.model.rowCount())]
    texts = [i.data() for i in rows]
    assert len(rows) >= 3
    assert status_text(window, summary) == f"Done · {len(rows)}"
    assert all(t.split(" · ")[0] in LABELS.values() for t in texts)
    assert any("TODO" in t for t in texts)
    assert any('"the" is repeated' in t for t in texts)
    assert panel.list.isVisible() and not panel.failure.isVisible()

    # Selecting a finding marks its quote in the section text.
    for row in range(len(rows)):
        panel.select_row(row)
        finding = panel.selected_finding()
        assert window.view.highlighted_text == finding.quote
    todo = next(r for r, t in enumerate(texts) if 'A "TODO" note' in t)
    panel.select_row(todo)
    assert window.view.highlighted_text == "TODO: add numbers."
    panel.list.clearSelection()
    assert window.view.highlighted_text == ""

    # A quote in a table cell is found in the rendered table too.
    select(window, section(doc, "Owners"))
    tbd = next(r for r in range(panel.model.rowCount())
               if panel.model.finding(r).quote == "TBD")
    panel.select_row(tbd)
    assert window.view.highlighted_text == "TBD"


def test_reanalysing_comes_from_the_cache_unless_forced(
    qtbot, window: MainWindow, flawed: Path
) -> None:
    provider = ScriptedProvider()
    window.provider_factory = factory_for(provider)
    doc = open_ready(qtbot, window, flawed)
    n = len(list(doc.walk()))
    run(qtbot, window, window.action["analyse_all"].trigger)
    assert provider.calls == n
    progress = run(qtbot, window, window.action["analyse_all"].trigger)
    assert provider.calls == n and progress.cached == n  # nothing asked again
    select(window, section(doc, "Details"))
    assert "saved result" in window.findings.summary.text()
    run(qtbot, window, window.action["reanalyse"].trigger)  # force: ask again
    assert provider.calls == n + 1


def test_a_failed_section_shows_why_and_retry_works(
    qtbot, window: MainWindow, flawed: Path
) -> None:
    provider = ScriptedProvider()
    provider.error = SERVICE_DOWN
    window.provider_factory = factory_for(provider)
    doc = open_ready(qtbot, window, flawed)
    assert window.status_bar.provider_notice.text().startswith("Scripted test reviewer")
    summary = section(doc, "Summary")
    select(window, summary)
    run(qtbot, window, window.action["analyse_section"].trigger)

    assert status_text(window, summary) == "Failed"
    tooltip = window.model.index_for(summary.id, Column.STATUS).data(
        Qt.ItemDataRole.ToolTipRole)
    assert "HTTP 503" in tooltip
    panel = window.findings
    assert panel.failure.isVisible()
    assert "service is unavailable (HTTP 503)" in panel.failure_text.text()
    assert panel.retry_button.isEnabled()
    assert window.action["retry_failed"].isEnabled()
    assert not panel.list.isVisible()

    provider.error = None  # the fault is gone
    run(qtbot, window, lambda: qtbot.mouseClick(panel.retry_button, Qt.MouseButton.LeftButton))
    assert status_text(window, summary) == "Done · 1"
    assert not panel.failure.isVisible()
    assert panel.model.rowCount() == 1
    assert panel.model.index(0).data().startswith("Major · clarity · 90 %: Issue in Summary")
    assert not window.action["retry_failed"].isEnabled()


def test_retry_failed_reruns_every_failed_section(
    qtbot, window: MainWindow, flawed: Path
) -> None:
    provider = ScriptedProvider()
    provider.error = SERVICE_DOWN
    window.provider_factory = factory_for(provider)
    doc = open_ready(qtbot, window, flawed)
    progress = run(qtbot, window, window.action["analyse_all"].trigger)
    sections = list(doc.walk())
    assert progress.failed == len(sections)
    assert all(status_text(window, s) == "Failed" for s in sections)
    provider.error = None
    progress = run(qtbot, window, window.action["retry_failed"].trigger)
    assert progress.done == len(sections)
    assert all(status_text(window, s) == "Done · 1" for s in sections)


def test_a_fatal_provider_error_says_what_to_fix(
    qtbot, window: MainWindow, flawed: Path
) -> None:
    provider = ScriptedProvider()
    provider.error = ProviderError(
        FailureKind.ACCESS_DENIED,
        "scripted-1: access denied; enable the model in the Bedrock console", fatal=True)
    window.provider_factory = factory_for(provider, threads=1)
    open_ready(qtbot, window, flawed)
    run(qtbot, window, window.action["analyse_all"].trigger)
    qtbot.waitUntil(lambda: window._fatal_box is not None and window._fatal_box.isVisible())
    box = window._fatal_box
    assert box.windowModality() == Qt.WindowModality.WindowModal
    assert "access denied" in box.informativeText()
    assert "Model access" in box.informativeText()  # what to do about it
    box.button(QMessageBox.StandardButton.Close).click()
    qtbot.waitUntil(lambda: not box.isVisible())


def test_cancel_while_running(qtbot, window: MainWindow, flawed: Path) -> None:
    provider = ScriptedProvider()
    provider.gate = threading.Event()  # never set: every call waits until cancelled
    window.provider_factory = factory_for(provider, threads=2)
    doc = open_ready(qtbot, window, flawed)
    sections = list(doc.walk())
    window.action["analyse_all"].trigger()
    qtbot.waitUntil(lambda: sum(status_text(window, s) == "Analysing…" for s in sections) == 2)
    assert window.status_bar.analysis_progress.isVisible()
    assert "0 / 4 sections" in window.status_bar.analysis_label.text()
    assert window.action["cancel_all"].isEnabled()
    assert not window.framework_picker.isEnabled()  # the framework cannot change mid-run
    assert window.action["cancel_all"].shortcut().toString() == "Esc"
    with qtbot.waitSignal(window.review.driver.run_finished, timeout=TIMEOUT) as blocker:
        window.action["cancel_all"].trigger()
    assert blocker.args[0].cancelled == len(sections)
    assert all(status_text(window, s) == "Cancelled" for s in sections)
    assert not window.status_bar.analysis_progress.isVisible()
    assert not window.action["cancel_all"].isEnabled()
    assert window.framework_picker.isEnabled()
    select(window, sections[1])
    assert "cancelled" in window.findings.message.text()
    assert window.findings.analyse_button.isVisible()


def test_cancel_one_section(qtbot, window: MainWindow, flawed: Path) -> None:
    provider = ScriptedProvider()
    provider.gate = threading.Event()
    window.provider_factory = factory_for(provider, threads=1)
    doc = open_ready(qtbot, window, flawed)
    first, second = list(doc.walk())[:2]
    window.action["analyse_all"].trigger()
    qtbot.waitUntil(lambda: status_text(window, first) == "Analysing…")
    select(window, second)  # still queued
    assert window.action["cancel_section"].isEnabled()
    window.action["cancel_section"].trigger()
    assert status_text(window, second) == "Cancelled"
    assert status_text(window, first) == "Analysing…"
    run(qtbot, window, provider.gate.set)
    assert status_text(window, first) == "Done · 1"


def test_closing_while_analysis_runs_cancels_and_drains(
    qtbot, window: MainWindow, flawed: Path
) -> None:
    provider = ScriptedProvider()
    provider.gate = threading.Event()
    window.provider_factory = factory_for(provider)
    doc = open_ready(qtbot, window, flawed)
    window.action["analyse_all"].trigger()
    # Jobs start from the next turn of the event loop: let it run until one has.
    qtbot.waitUntil(lambda: provider.started.acquire(blocking=False), timeout=5_000)
    window.close()  # returns: the running jobs saw the cancel
    assert not window.isVisible()
    assert window.review.driver.dispatcher is None
    assert window.runner.active == 0
    assert all(window.review.status(s.id) is SectionStatus.CANCELLED for s in doc.walk())


def test_opening_another_document_resets_the_analysis(
    qtbot, window: MainWindow, flawed: Path, tmp_path: Path
) -> None:
    doc = open_ready(qtbot, window, flawed)
    run(qtbot, window, window.action["analyse_all"].trigger)
    first_dispatcher = window.review.driver.dispatcher
    # Another text: a document with the same bytes would find the same review.
    other = make_flawed_docx(tmp_path / "other.docx", details="Costs rose by 2% in April.")
    doc2 = open_ready(qtbot, window, other)
    assert window.review.driver.dispatcher is not first_dispatcher
    assert all(status_text(window, s) == "Not analysed" for s in doc2.walk())
    assert len(window.review.session.results) == 0
    select(window, section(doc2, "Summary"))
    assert window.findings.message.text() == "Not analysed yet."
    assert doc is not doc2


def test_analyse_selected_sections(qtbot, window: MainWindow, flawed: Path) -> None:
    provider = ScriptedProvider()
    window.provider_factory = factory_for(provider)
    doc = open_ready(qtbot, window, flawed)
    title, summary, details, owners = list(doc.walk())
    selection = window.tree.selectionModel()
    window.tree.setCurrentIndex(window.model.index_for(summary.id))
    selection.select(window.model.index_for(owners.id),
                     selection.SelectionFlag.Select | selection.SelectionFlag.Rows)
    assert [s.title for s in window.selected_sections()] == ["Summary", "Owners"]
    run(qtbot, window, window.action["analyse_selected"].trigger)
    assert provider.calls == 2
    assert status_text(window, details) == "Not analysed"
    assert status_text(window, owners) == "Done · 1"


def test_minimum_confidence_hides_findings(qtbot, window: MainWindow, flawed: Path) -> None:
    doc = open_ready(qtbot, window, flawed)
    run(qtbot, window, window.action["analyse_all"].trigger)
    summary = section(doc, "Summary")
    select(window, summary)
    total = window.findings.model.rowCount()
    confidences = [window.findings.model.finding(r).confidence for r in range(total)]
    prefs = window.prefs
    prefs_high = type(prefs)(**{**{f: getattr(prefs, f) for f in prefs.__slots__},
                                "min_confidence": 0.9})
    window.apply_prefs(prefs_high)
    shown = sum(c >= 0.9 for c in confidences)
    assert 0 < shown < total
    assert window.findings.model.rowCount() == shown
    assert f"{total - shown} hidden below min confidence 90 %" in window.findings.summary.text()
    assert status_text(window, summary) == f"Done · {shown}"


def test_guidelines_and_framework_reach_the_dispatcher(
    qtbot, window: MainWindow, flawed: Path, tmp_path: Path
) -> None:
    open_ready(qtbot, window, flawed)
    combo = window.framework_picker.combo
    names = [combo.itemText(i) for i in range(combo.count())]
    assert "Investigation report" in names
    combo.setCurrentIndex(names.index("Investigation report"))
    assert window.review.driver.dispatcher.framework.name == "Investigation report"
    guide = tmp_path / "house-style.md"
    guide.write_text("Always name the owner of an action.\n", encoding="utf-8")
    window.attach_guidelines(str(guide))
    qtbot.waitUntil(lambda: "house-style.md" in window.framework_picker.guidelines.text())
    framework = window.review.driver.dispatcher.framework
    assert framework.guidelines == "Always name the owner of an action."
    assert not window.framework_picker.clear.isHidden()
    window.action["clear_guidelines"].trigger()
    assert window.review.driver.dispatcher.framework.guidelines == ""
    assert window.framework_picker.guidelines.text() == "Guidelines…"

    # Both are remembered for the next window.
    combo.setCurrentIndex(names.index("Investigation report"))
    window.attach_guidelines(str(guide))
    qtbot.waitUntil(lambda: window.prefs.guidelines == str(guide))
    window.close()
    again = MainWindow()
    qtbot.addWidget(again)
    assert again.framework_picker.current().name == "Investigation report"
    qtbot.waitUntil(lambda: "house-style.md" in again.framework_picker.guidelines.text())
    again.close()


def test_unreadable_guidelines_are_refused_plainly(
    qtbot, window: MainWindow, tmp_path: Path
) -> None:
    bad = tmp_path / "notes.pdf"
    bad.write_bytes(b"%PDF-1.4")
    window.attach_guidelines(str(bad))

    def box() -> QMessageBox | None:
        found = [b for b in window.findChildren(QMessageBox) if b.isVisible()]
        return found[0] if found else None

    qtbot.waitUntil(lambda: box() is not None)
    assert "notes.pdf" in box().text()
    assert ".docx, .md or .txt" in box().informativeText()
    box().close()
    assert window.framework_picker.guidelines.text() == "Guidelines…"


def test_a_provider_that_cannot_be_prepared_is_reported_and_retried(
    qtbot, window: MainWindow, flawed: Path
) -> None:
    provider = ScriptedProvider()
    attempts: list[int] = []

    def factory(document, prefs):  # type: ignore[no-untyped-def]
        attempts.append(1)
        if len(attempts) == 1:
            raise RuntimeError("the AWS config file is unreadable")
        return factory_for(provider)(document, prefs)

    window.provider_factory = factory
    with qtbot.waitSignal(window.review.provider_failed, timeout=TIMEOUT):
        window.open_path(flawed)
    qtbot.waitUntil(lambda: window._fatal_box is not None and window._fatal_box.isVisible())
    assert "AWS config file is unreadable" in window._fatal_box.informativeText()
    assert "No reviewer" in window.status_bar.provider_notice.text()
    window._fatal_box.close()
    # Asking again prepares the reviewer again, then runs what was asked.
    run(qtbot, window, window.action["analyse_all"].trigger)
    assert len(attempts) == 2 and provider.calls == 4


def test_a_new_result_clears_the_stale_highlight(qtbot, window: MainWindow, flawed: Path) -> None:
    provider = ScriptedProvider()
    window.provider_factory = factory_for(provider)
    doc = open_ready(qtbot, window, flawed)
    select(window, section(doc, "Summary"))
    run(qtbot, window, window.action["analyse_section"].trigger)
    window.findings.select_row(0)
    assert window.view.highlighted_text == "The the report"
    run(qtbot, window, window.action["reanalyse"].trigger)  # the same finding again: kept
    assert window.findings.selected_finding() is not None
    assert window.view.highlighted_text == "The the report"
    provider.take = " (second opinion)"
    run(qtbot, window, window.action["reanalyse"].trigger)  # a different answer
    assert window.findings.selected_finding() is None
    assert window.view.highlighted_text == ""


def test_a_table_of_contents_is_left_out_of_analyse_all(qtbot, window: MainWindow,
                                                        tmp_path: Path) -> None:
    from tests.docx_factory import p, write_docx

    body = (p("Contents") + p("Timeline\t2") + p("Causes\t3") + p("Actions\t4")
            + "".join(p(t, "berschrift1") + p(f"What happened: {t.lower()} in detail.")
                      for t in ("Timeline", "Causes", "Actions")))
    doc = open_ready(qtbot, window, write_docx(tmp_path / "toc.docx", body))
    toc = section(doc, "Contents")
    assert not toc.reviewable
    progress = run(qtbot, window, window.action["analyse_all"].trigger)
    assert progress.total == progress.done == 3
    assert window.review.session.status(toc.id) is SectionStatus.NOT_ANALYSED
    select(window, toc)
    panel = window.findings
    assert panel.message.text().startswith("A table of contents")
    assert not panel.analyse_button.isVisible()
    # Nothing left "to do": the table is not a section to review.
    qtbot.waitUntil(lambda: window.statistics.chart.describe().startswith("Sections: 3 done."),
                    timeout=TIMEOUT)
