"""The review kept on disk: reopening a changed document, statistics, the reviews
list, and a store that refuses writes (nothing the reviewer did may be lost)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from desktop_app.session import SectionStatus
from desktop_app.store.db import StoreEnvironmentError
from desktop_app.store.reviews import ReviewStore
from desktop_app.ui.sections.model import Column
from desktop_app.ui.window.main_window import MainWindow
from tests.qt.review_doubles import ScriptedProvider, factory_for, make_flawed_docx
from tests.qt.window_helpers import (
    TIMEOUT,
    analyse_all,
    new_window,
    open_ready,
    section,
    select,
    status_text,
    visible_boxes,
)

DISK_FULL = "cannot save: the disk is full"


def break_store(monkeypatch, method: str):  # type: ignore[no-untyped-def]
    """Make `ReviewStore.<method>` fail as a full disk does; returns the repair.

    Not `monkeypatch.undo()`: that would also undo the isolated data folder.
    """
    original = getattr(ReviewStore, method)

    def full(*_args, **_kwargs):  # type: ignore[no-untyped-def]
        raise StoreEnvironmentError(DISK_FULL)

    monkeypatch.setattr(ReviewStore, method, full)
    return lambda: monkeypatch.setattr(ReviewStore, method, original)



def decide(window: MainWindow, title: str, row: int, decision: str) -> str:
    doc = window.document
    assert doc is not None
    select(window, section(doc, title))
    window.findings.select_row(row)
    finding = window.findings.selected_finding()
    assert finding is not None
    window.decisions.decide(decision)
    return finding.id


def findings_of(window: MainWindow, title: str) -> dict[str, str]:
    """id -> decision of a section's findings, as the window shows them."""
    doc = window.document
    assert doc is not None
    select(window, section(doc, title))
    model = window.findings.model
    return {model.finding(r).id: model.finding(r).decision for r in range(model.rowCount())}


def test_a_changed_document_marks_exactly_that_section_stale(qtbot, flawed: Path) -> None:
    window = new_window(qtbot)
    open_ready(qtbot, window, flawed)
    analyse_all(qtbot, window)
    accepted = decide(window, "Summary", 0, "accepted")
    rejected = decide(window, "Owners", 0, "rejected")
    before = {t: findings_of(window, t) for t in ("Summary", "Owners", "Details")}
    window.close()

    # Version 2 at the same path: only "Details" is rewritten (with a TODO).
    make_flawed_docx(flawed, details="Revenue fell by 5% in March. TODO: explain why.")
    again = new_window(qtbot)
    doc = open_ready(qtbot, again, flawed)
    details = section(doc, "Details")
    stale = [s.title for s in doc.walk()
             if again.review.status(s.id) is SectionStatus.CHANGED]
    assert stale == ["Details"]
    assert status_text(again, details) == "Changed"
    tooltip = again.model.index_for(details.id, Column.STATUS).data(Qt.ItemDataRole.ToolTipRole)
    assert "changed since your last review" in tooltip
    assert again.status_bar.review_notice.isVisible()
    assert again.status_bar.review_notice.text().startswith(
        "1 section changed since your last review")
    for title in ("Summary", "Owners", "Flawed report"):
        assert status_text(again, section(doc, title)).startswith("Done · ")
    assert findings_of(again, "Summary") == before["Summary"]
    assert findings_of(again, "Summary")[accepted] == "accepted"
    assert findings_of(again, "Owners")[rejected] == "rejected"

    select(again, details)
    panel = again.findings
    assert panel.model.rowCount() == 0  # its old findings are history now
    assert "changed since your last review" in panel.message.text()
    assert panel.analyse_button.isVisible()
    assert panel.analyse_button.text() == "Re-analyse this section"

    with qtbot.waitSignal(again.review.driver.run_finished, timeout=TIMEOUT):
        panel.analyse_button.click()
    assert status_text(again, details).startswith("Done · ")
    assert any("TODO" in panel.model.index(r).data() for r in range(panel.model.rowCount()))
    assert findings_of(again, "Summary")[accepted] == "accepted"  # untouched by the re-run


def test_statistics_follow_the_review(qtbot, flawed: Path) -> None:
    provider = ScriptedProvider()
    window = new_window(qtbot)
    window.provider_factory = factory_for(provider)
    doc = open_ready(qtbot, window, flawed)
    panel = window.statistics
    assert window.action["statistics"].isChecked() and panel.isVisible()

    refreshes: list[int] = []
    changes: list[str] = []
    original = window.refresh_statistics

    def counting() -> None:
        refreshes.append(1)
        original()

    window.statistics.refresh_timer.timeout.disconnect()
    window.statistics.refresh_timer.timeout.connect(counting)
    window.review.driver.sections_changed.connect(changes.extend)
    analyse_all(qtbot, window)
    decide(window, "Summary", 0, "accepted")
    decide(window, "Details", 0, "rejected")
    qtbot.waitUntil(lambda: panel.stats is not None
                    and panel.stats.findings_by_decision["rejected"] == 1)
    # Throttled: far fewer repaints than changes.
    assert len(refreshes) < len(changes)

    session = window.review.session
    stored = session.store.statistics(session.review_id, window.prefs.bedrock.prices)
    shown = panel.stats
    assert shown == stored
    n = len(list(doc.walk()))
    assert (shown.sections_done, shown.sections_total, shown.findings_total) == (n, n, n)
    assert shown.findings_by_severity["major"] == n
    assert shown.findings_by_decision == {"pending": n - 2, "accepted": 1, "rejected": 1}
    assert panel.chart.segments() == [("done", n), ("failed", 0), ("changed", 0), ("to do", 0)]
    assert shown.usage_by_model["scripted-1"].requests == n
    details = panel.details.text()
    assert f"<b>{n}</b> findings" in details and "✓ 1 accepted" in details
    assert "scripted-1" in details and "Estimated cost:</b> $0.00" in details  # no tokens

    # Time spent is counted and saved with the review.
    session.count_seconds(150.0)
    window.refresh_statistics()
    assert panel.time.text() == "Time spent: 2 min"  # counted, not saved yet
    session.save_seconds()
    window.refresh_statistics()
    assert panel.time.text() == "Time spent: 2 min"
    assert session.store.statistics(session.review_id).seconds_spent == pytest.approx(150.0)

    # View → Statistics hides the panel, and the window remembers.
    window.action["statistics"].trigger()
    assert not panel.isVisible()
    window.close()
    again = new_window(qtbot)
    assert not again.action["statistics"].isChecked() and not again.statistics.isVisible()


def test_reviews_list_opens_and_deletes(qtbot, flawed: Path, tmp_path: Path) -> None:
    other = make_flawed_docx(tmp_path / "other.docx", details="Costs rose by 2% in April.")
    window = new_window(qtbot)
    open_ready(qtbot, window, flawed)
    analyse_all(qtbot, window)
    open_ready(qtbot, window, other)
    select(window, section(window.document, "Summary"))
    window.action["analyse_section"].trigger()
    qtbot.waitUntil(lambda: status_text(window, section(window.document, "Summary"))
                    .startswith("Done"))

    window.action["reviews"].trigger()
    dialog = window.reviews_dialog
    assert dialog is not None and dialog.isVisible()
    listed = {Path(r.path).name: r for r in dialog.reviews()}
    assert set(listed) == {"flawed.docx", "other.docx"}
    assert (listed["flawed.docx"].sections_done, listed["flawed.docx"].sections_total) == (4, 4)
    assert (listed["other.docx"].sections_done, listed["other.docx"].sections_total) == (1, 4)
    assert dialog.table.topLevelItem(0).text(2) in ("4 / 4", "1 / 4")
    assert dialog.selected().path == str(other)  # the open document's review is selected

    # Delete the review of the other document, after a confirmation.
    dialog.select_review(listed["flawed.docx"].review_id)
    dialog.delete_button.click()
    box = dialog.box
    assert box is not None and "flawed.docx" in box.text()
    delete = next(b for b in box.buttons() if b.text() == "Delete")
    delete.click()
    assert [Path(r.path).name for r in dialog.reviews()] == ["other.docx"]
    store: ReviewStore = window.review.session.store
    assert [Path(r.path).name for r in store.list_reviews()] == ["other.docx"]

    # A file that is gone: said plainly, nothing opens.
    other_path = Path(dialog.reviews()[0].path)
    moved = other_path.with_name("moved.docx")
    other_path.rename(moved)
    dialog.open_button.click()
    assert dialog.box is not None and "not there any more" in dialog.box.text()
    dialog.box.close()
    moved.rename(other_path)

    # Open: the document again, with its review.
    with qtbot.waitSignal(window.document_loaded, timeout=TIMEOUT):
        dialog.open_button.click()
    assert window.reviews_dialog is None or not window.reviews_dialog.isVisible()
    assert status_text(window, section(window.document, "Summary")).startswith("Done")


def test_deleting_the_open_review_starts_a_fresh_one(qtbot, flawed: Path) -> None:
    window = new_window(qtbot)
    doc = open_ready(qtbot, window, flawed)
    analyse_all(qtbot, window)
    window.show_reviews()
    dialog = window.reviews_dialog
    dialog.confirm_delete()
    next(b for b in dialog.box.buttons() if b.text() == "Delete").click()
    assert window.review.session.review_id is not None
    assert all(status_text(window, s) == "Not analysed" for s in doc.walk())
    (fresh,) = window.review.session.store.list_reviews()
    assert (fresh.sections_done, fresh.findings) == (0, 0)
    assert dialog.reviews() == [fresh]
    dialog.reject()


def test_a_store_failure_is_shown_and_the_decision_stays(qtbot, flawed: Path,
                                                         monkeypatch) -> None:
    window = new_window(qtbot)
    doc = open_ready(qtbot, window, flawed)
    analyse_all(qtbot, window)

    repair = break_store(monkeypatch, "set_decision")
    fid = decide(window, "Summary", 0, "accepted")
    banner = window.banner
    assert banner.isVisible()
    assert "the disk is full" in banner.text.text()
    assert "1 change kept in this window only" in banner.text.text()
    assert banner.retry.isVisible()
    assert window.banner.retry_timer.isActive()
    # The decision is there for the reviewer to see, and to build on.
    assert window.findings.selected_finding().decision == "accepted"
    assert findings_of(window, "Summary")[fid] == "accepted"
    second = decide(window, "Summary", 1, "rejected")
    assert "2 changes kept" in banner.text.text()
    window.refresh_statistics()
    assert window.statistics.stats.findings_by_decision["accepted"] == 1
    assert "not saved yet" in window.statistics.details.text()
    assert not visible_boxes(window)  # nothing blocks the work

    # Closing now asks; cancelling keeps the window and the changes.
    window.close()
    assert window.isVisible()
    box = window.banner.close_box
    assert box is not None and "2 changes" in box.text()
    box.button(box.StandardButton.Cancel).click()
    qtbot.waitUntil(lambda: window.banner.close_box is None)

    # Space again: Retry writes both, in order, and the banner goes.
    repair()
    window.banner.retry.click()
    assert not banner.isVisible() and not window.banner.retry_timer.isActive()
    store, review_id = window.review.session.store, window.review.session.review_id
    assert store.finding(review_id, fid).decision == "accepted"
    assert store.finding(review_id, second).decision == "rejected"
    window.close()
    assert not window.isVisible()
    assert doc is not None


def test_results_are_kept_when_the_store_refuses_them(qtbot, flawed: Path,
                                                      monkeypatch) -> None:
    window = new_window(qtbot)
    doc = open_ready(qtbot, window, flawed)

    repair = break_store(monkeypatch, "record_result")
    analyse_all(qtbot, window)
    assert all(status_text(window, s).startswith("Done · ") for s in doc.walk())
    assert window.banner.isVisible()
    # Every section's answer, and the cross-section checks that follow Analyse All.
    assert f"{len(list(doc.walk())) + 1} changes kept" in window.banner.text.text()
    fid = decide(window, "Summary", 0, "accepted")  # waits behind the results
    repair()
    assert window.review.session.retry()
    window.close()

    again = new_window(qtbot)
    open_ready(qtbot, again, flawed)
    assert findings_of(again, "Summary")[fid] == "accepted"


def test_a_store_that_cannot_open_is_said_once_and_the_work_goes_on(
        qtbot, flawed: Path, tmp_path: Path, monkeypatch) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the data folder should be")
    monkeypatch.setenv("MARGIN_DATA_DIR", str(blocker / "data"))
    window = new_window(qtbot)
    doc = open_ready(qtbot, window, flawed)
    assert window.banner.isVisible()
    assert "Cannot open" in window.banner.text.text()
    assert "kept in this window only" in window.banner.text.text()
    analyse_all(qtbot, window)
    assert all(status_text(window, s).startswith("Done · ") for s in doc.walk())
    fid = decide(window, "Summary", 0, "accepted")
    assert window.findings.selected_finding().decision == "accepted"

    # The reviewer makes room for the folder: Retry saves everything done.
    blocker.unlink()
    blocker.mkdir()
    window.banner.retry.click()
    assert not window.banner.isVisible()
    assert all(status_text(window, s).startswith("Done · ") for s in doc.walk())
    assert findings_of(window, "Summary")[fid] == "accepted"
    store, review_id = window.review.session.store, window.review.session.review_id
    assert store.finding(review_id, fid).decision == "accepted"
    window.close()


def test_a_damaged_store_is_replaced_and_the_window_says_so(
        qtbot, flawed: Path, isolated_data_dir: Path) -> None:
    broken = isolated_data_dir / "margin.sqlite3"
    broken.write_bytes(b"this is not a database" * 100)
    window = new_window(qtbot)
    open_ready(qtbot, window, flawed)
    assert window.banner.isVisible()
    said = window.banner.text.text()
    (aside,) = isolated_data_dir.glob("margin.sqlite3.damaged-*")
    assert "damaged" in said and aside.name in said and "new store" in said
    assert aside.read_bytes() == b"this is not a database" * 100
    assert not window.banner.retry.isVisible()
    analyse_all(qtbot, window)
    fid = decide(window, "Summary", 0, "accepted")
    store, review_id = window.review.session.store, window.review.session.review_id
    assert store.finding(review_id, fid).decision == "accepted"  # the new store saves
    assert window.banner.isVisible()  # until the reviewer has read it
    window.banner.dismiss.click()
    assert not window.banner.isVisible()
    window.close()
