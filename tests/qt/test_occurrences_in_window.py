"""A section finding about a pattern that recurs, in the window: every occurrence is
marked in the text, Ctrl+J steps through them, and a reopened window has them back."""

from __future__ import annotations

from pathlib import Path

from desktop_app.review.findings import Finding
from desktop_app.ui.window.main_window import MainWindow
from tests.qt.window_helpers import analyse_all, new_window, open_ready, section, select
from tests.unit.review_store_helpers import make_doc

TIMELINE = ("The change was approved at 09:00. Customers called all morning and the "
            "support desk answered each of them in turn. The alert was acknowledged late. "
            "The rollback was initiated at 10:38. The owner of the follow-up is TBD.")
PASSIVES = ["The change was approved", "The alert was acknowledged",
            "The rollback was initiated"]


def write(path: Path) -> Path:
    # The report states figures: passives are raised only in a report of results.
    make_doc(path, [("Timeline", TIMELINE), ("Impact", "Customers saw errors for an hour: 12% "
                                                       "of orders failed. Refunds to the "
                                                       "customers came to $4,200 that week.")])
    return path


def select_folded(window: MainWindow) -> Finding:
    model = window.findings.model
    row = next(r for r in range(model.rowCount()) if model.finding(r).quotes)
    window.findings.select_row(row)
    finding = window.findings.selected_finding()
    assert finding is not None and finding.quotes
    return finding


def test_every_occurrence_is_marked_and_ctrl_j_steps_through_them(qtbot, tmp_path) -> None:
    path = write(tmp_path / "timeline.docx")
    window = new_window(qtbot)
    doc = open_ready(qtbot, window, path)
    analyse_all(qtbot, window)
    select(window, section(doc, "Timeline"))
    finding = select_folded(window)
    assert [q.quote for q in finding.quotes] == PASSIVES

    # Selected: all three marked, the first one shown (and first among the marks).
    view = window.view
    assert view.highlighted_texts == PASSIVES
    assert window.action["next_place"].isEnabled()
    assert "Place 1 of 3" in window.status_bar.currentMessage()

    for shown in (1, 2, 0):  # Ctrl+J: the next one shown, the others still marked
        window.action["next_place"].trigger()
        assert view.highlighted_text == PASSIVES[shown]
        assert sorted(view.highlighted_texts) == sorted(PASSIVES)
        assert f"Place {shown + 1} of 3" in window.status_bar.currentMessage()
        current = window.tree.current_section()
        assert current is not None and current.title == "Timeline"
        assert window.findings.selected_finding().id == finding.id  # still selected

    # A finding about one passage marks only that passage.
    model = window.findings.model
    single = next(r for r in range(model.rowCount()) if not model.finding(r).quotes)
    window.findings.select_row(single)
    assert view.highlighted_texts == [model.finding(single).quote]

    # The window closed and opened again: the occurrences come back from the store.
    window.close()
    again = new_window(qtbot)
    doc = open_ready(qtbot, again, path)
    select(again, section(doc, "Timeline"))
    back = select_folded(again)
    assert back.id == finding.id and back.quotes == finding.quotes
    assert again.view.highlighted_texts == PASSIVES
    again.action["next_place"].trigger()
    assert again.view.highlighted_text == PASSIVES[1]
