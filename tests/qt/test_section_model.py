"""The tree model follows the pure Section tree, and Qt's model checker agrees."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtTest import QAbstractItemModelTester

from desktop_app.document import Document, Paragraph, Section, SectionOrigin
from desktop_app.session import SectionStatus
from desktop_app.ui.sections.model import Column, SectionTreeModel
from tests.qt.documents import make_tree


@pytest.fixture
def model(qapp) -> SectionTreeModel:  # type: ignore[no-untyped-def]
    return SectionTreeModel()


def test_qt_model_tester_finds_nothing_wrong(model: SectionTreeModel) -> None:
    # Warning mode: every complaint is a qWarning, which qt_log_level_fail turns
    # into a test failure (Fatal would abort the whole run instead).
    tester = QAbstractItemModelTester(
        model, QAbstractItemModelTester.FailureReportingMode.Warning
    )
    model.set_document(make_tree())
    model.set_status("scope", SectionStatus.RUNNING)
    model.set_status("terms", "done")
    model.set_document(None)
    model.set_document(make_tree())
    assert tester is not None


def test_rows_follow_the_section_tree(model: SectionTreeModel) -> None:
    doc = make_tree()
    model.set_document(doc)
    assert model.rowCount() == 2
    intro = model.index(0, 0)
    assert intro.data() == "Introduction"
    assert model.rowCount(intro) == 1
    scope = model.index(0, 0, intro)
    assert scope.data() == "Scope & <limits>"
    terms = model.index(0, 0, scope)
    assert terms.data() == "Terms"
    assert model.parent(terms) == scope
    assert model.parent(scope) == intro
    assert not model.parent(intro).isValid()
    assert model.rowCount(terms) == 0
    assert model.rowCount(model.index(0, Column.WORDS, intro)) == 0
    assert model.index(1, 0).data() == "Results"


def test_index_for_and_section_for_round_trip(model: SectionTreeModel) -> None:
    doc = make_tree()
    model.set_document(doc)
    for section in doc.walk():
        index = model.index_for(section.id)
        assert index.isValid()
        assert model.section_for(index) is section
        assert index.data(Qt.ItemDataRole.DisplayRole) == section.title
        parent = model.parent(index)
        assert model.section_for(parent) is section.parent
        status_cell = model.index_for(section.id, Column.STATUS)
        assert status_cell.row() == index.row() and status_cell.column() == Column.STATUS
    assert not model.index_for("no-such-section").isValid()
    assert model.section_for(QModelIndex()) is None


def test_columns_words_and_status(model: SectionTreeModel) -> None:
    doc = make_tree()
    model.set_document(doc)
    results = model.index_for("results")
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Title"
    assert model.headerData(1, Qt.Orientation.Horizontal) == "Words"
    # The status column is an icon and a count wide: its header says what it is in a tip.
    assert model.headerData(2, Qt.Orientation.Horizontal) == ""
    assert model.headerData(2, Qt.Orientation.Horizontal,
                            Qt.ItemDataRole.ToolTipRole).startswith("Status")
    words = results.siblingAtColumn(Column.WORDS)
    assert words.data() == "2"
    assert words.data(Qt.ItemDataRole.TextAlignmentRole) & Qt.AlignmentFlag.AlignRight
    status = results.siblingAtColumn(Column.STATUS)
    assert status.data() == ""  # no findings to count: the icon says it
    assert status.data(Qt.ItemDataRole.AccessibleTextRole) == "Not analysed"
    assert not status.data(Qt.ItemDataRole.DecorationRole).isNull()
    model.set_status("results", SectionStatus.DONE, "4", "4 findings")
    assert status.data() == "4"
    assert status.data(Qt.ItemDataRole.AccessibleTextRole) == "Done · 4"
    assert status.data(Qt.ItemDataRole.ToolTipRole) == "Done: 4 findings"
    tip = model.index_for("scope").data(Qt.ItemDataRole.ToolTipRole)
    assert "Scope &amp; &lt;limits&gt;" in tip  # a rich-text tooltip, escaped
    assert "Heading level 2" in tip


def test_set_status_changes_exactly_one_cell(qtbot, model: SectionTreeModel) -> None:
    model.set_document(make_tree())
    with qtbot.waitSignal(model.dataChanged) as blocker:
        model.set_status("terms", SectionStatus.FAILED)
    top_left, bottom_right, roles = blocker.args
    expected = model.index_for("terms", Column.STATUS)
    assert top_left == expected and bottom_right == expected
    assert Qt.ItemDataRole.DisplayRole in roles
    assert expected.data(Qt.ItemDataRole.AccessibleTextRole) == "Failed"
    assert model.status_for("terms") is SectionStatus.FAILED
    assert model.status_for("scope") is SectionStatus.NOT_ANALYSED
    # Same status again, or an unknown section: nothing to repaint.
    with qtbot.assertNotEmitted(model.dataChanged):
        model.set_status("terms", "failed")
        model.set_status("unknown", "done")


def test_many_status_changes_in_one_turn_are_told_once_per_sibling_run(
        qtbot, model: SectionTreeModel) -> None:
    """Analyse All queues every section in one turn: the views hear of it in one
    dataChanged per parent, not one per section."""
    doc = make_tree()
    model.set_document(doc)
    ids = [s.id for s in doc.walk()]
    parents = {s.parent.id if s.parent is not None else None for s in doc.walk()}
    seen: list[tuple] = []
    model.dataChanged.connect(lambda tl, br, roles: seen.append((tl, br)))
    for sid in ids:
        model.set_status(sid, SectionStatus.QUEUED)
    assert seen == []  # not yet: once the event loop turns
    qtbot.waitUntil(lambda: len(seen) == len(parents))
    covered = {model.section_for(model.index(r, Column.STATUS, tl.parent())).id
               for tl, br in seen for r in range(tl.row(), br.row() + 1)}
    assert covered == set(ids)
    spoken = Qt.ItemDataRole.AccessibleTextRole
    assert all(model.index_for(sid, Column.STATUS).data(spoken) == "Queued" for sid in ids)


def test_answers_for_far_apart_rows_repaint_only_their_rows(
        qtbot, model: SectionTreeModel) -> None:
    """Two answers in one turn, for the first section and the last: the views hear of
    those two cells, not of every row between (which a view measures, row by row)."""
    sections = [Section(f"s{i}", f"Section {i}", 1, SectionOrigin.STYLE, None,
                        [Paragraph(i, "Text.")]) for i in range(40)]
    model.set_document(Document("/tmp/fake.docx", "0" * 64, "Long", sections, 40))
    seen: list[tuple[int, int]] = []
    model.dataChanged.connect(lambda tl, br, roles: seen.append((tl.row(), br.row())))
    for sid in ("s0", "s1", "s2", "s39"):
        model.set_status(sid, SectionStatus.DONE)
    qtbot.waitUntil(lambda: len(seen) == 2)
    assert sorted(seen) == [(0, 2), (39, 39)]


def test_a_new_document_resets_statuses(qtbot, model: SectionTreeModel) -> None:
    model.set_document(make_tree())
    model.set_status("intro", "done")
    with qtbot.waitSignals([model.modelAboutToBeReset, model.modelReset]):
        model.set_document(make_tree())
    assert model.status_for("intro") is SectionStatus.NOT_ANALYSED


def test_unknown_status_is_refused(model: SectionTreeModel) -> None:
    model.set_document(make_tree())
    with pytest.raises(ValueError):
        model.set_status("intro", "finished-ish")


def test_status_icons_follow_a_theme_switch(qtbot, model: SectionTreeModel) -> None:
    """The icons are stored in the model's items (painting calls no Python): a
    switch to dark must draw them again in the dark theme's colours."""
    from tests.qt.theme_helpers import dark_scheme

    model.set_document(make_tree())
    model.set_status("terms", SectionStatus.DONE, "2")
    cell = model.index_for("terms", Column.STATUS)
    light = cell.data(Qt.ItemDataRole.DecorationRole).cacheKey()
    with dark_scheme(qtbot):
        qtbot.waitUntil(lambda: cell.data(Qt.ItemDataRole.DecorationRole).cacheKey() != light)
        assert cell.data() == "2"  # the note stays
    qtbot.waitUntil(lambda: cell.data(Qt.ItemDataRole.DecorationRole).cacheKey() == light)
