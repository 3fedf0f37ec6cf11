"""Without a mouse: every action in a menu, key actions with unclashing shortcuts, mnemonics,
names for screen readers, the Tab order, and F6 / Ctrl+1..4 between the panes."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QComboBox, QMenu, QWidget

from desktop_app.ui.window.main_window import MainWindow
from tests.qt.keyboard_helpers import (
    mnemonic_clashes,
    name_of,
    press,
    tab_walk,
    wait_active,
)
from tests.qt.review_doubles import make_flawed_docx
from tests.qt.window_helpers import analyse_all, new_window, open_ready, section, select

PORTABLE = QKeySequence.SequenceFormat.PortableText


@pytest.fixture
def reviewed(qtbot, tmp_path: Path) -> MainWindow:  # type: ignore[no-untyped-def]
    """An analysed document, "Summary" shown with its first finding selected, focus in the tree."""
    window = new_window(qtbot)
    window.resize(1280, 800)  # wide enough for the whole toolbar (narrower: its » menu)
    doc = open_ready(qtbot, window, make_flawed_docx(tmp_path / "flawed.docx"))
    analyse_all(qtbot, window)
    select(window, section(doc, "Summary"))
    window.findings.select_row(0)
    wait_active(qtbot, window)
    window.tree.setFocus()
    qtbot.waitUntil(window.tree.hasFocus)
    return window


def menu_actions(menu: QMenu) -> list[QAction]:
    found = []
    for action in menu.actions():
        sub = action.menu()
        if isinstance(sub, QMenu):
            found += menu_actions(sub)
        elif not action.isSeparator():
            found.append(action)
    return found


def all_menu_actions(window: MainWindow) -> list[QAction]:
    return [a for top in window.menuBar().actions() if isinstance(top.menu(), QMenu)
            for a in menu_actions(top.menu())]


def test_every_action_is_in_a_menu(reviewed: MainWindow) -> None:
    in_menus = {id(a) for a in all_menu_actions(reviewed)}
    # The list's own context menu (Menu key) holds the finding actions, Delete among them.
    in_menus |= {id(a) for a in reviewed.findings.list.actions()}
    missing = [a.text() for a in reviewed.findChildren(QAction)
               if a.text() and not a.isSeparator() and a.menu() is None
               and id(a) not in in_menus
               and a is not reviewed.review_toolbar.toggleViewAction()]
    assert missing == []


def test_menus_have_distinct_mnemonics(reviewed: MainWindow) -> None:
    bar = reviewed.menuBar()
    titles = [a.text() for a in bar.actions()]
    assert all("&" in t for t in titles), titles
    assert not mnemonic_clashes(titles)
    for top in bar.actions():
        items = [a.text() for a in menu_actions(top.menu()) if a.isVisible()
                 and a.parent() is not reviewed.recent_menu]
        assert all("&" in t for t in items), (top.text(), items)
        assert not mnemonic_clashes(items), top.text()
    # A label's Alt+letter must not take a menu's: Alt+F is the File menu.
    labels = [w.text() for w in reviewed.findChildren(QWidget)
              if hasattr(w, "buddy") and w.buddy() is not None and w.isVisible()]
    assert not mnemonic_clashes(titles + labels)


def test_key_actions_have_shortcuts_and_none_is_used_twice(reviewed: MainWindow) -> None:
    keyed = ("open", "quit", "settings", "export", "reviews", "shortcuts", "analyse_section",
             "analyse_all", "cancel_all", "statistics", "chat", "next_pane", "previous_pane",
             "go_sections", "go_text", "go_findings", "accept", "reject", "reset", "edit", "add",
             "next_finding", "previous_finding", "next_section", "previous_section", "undo",
             "redo")
    key_actions = [reviewed.action[key] for key in keyed]
    for action in key_actions:
        assert not action.shortcut().isEmpty(), action.text()
    owners: dict[str, list[str]] = defaultdict(list)
    for action in reviewed.findChildren(QAction):
        if action.isEnabled():
            for key in action.shortcuts():
                owners[key.toString(PORTABLE)].append(action.text())
    clashes = {key: names for key, names in owners.items() if len(names) > 1}
    assert clashes == {}


def test_focusable_widgets_have_names(qtbot, reviewed: MainWindow) -> None:  # type: ignore[no-untyped-def]
    reviewed.refresh_statistics()
    named = [reviewed.tree, reviewed.view, reviewed.findings.list, reviewed.chat.panel.input,
             reviewed.chat.panel.conversation, reviewed.statistics.scroller,
             reviewed.statistics.chart, reviewed.status_bar.analysis_progress,
             reviewed.status_bar.progress,
             reviewed.framework_picker.clear, reviewed.findings.filters.clear]
    for widget in named:
        assert widget.accessibleName(), widget.objectName() or type(widget).__name__
    assert "Findings by severity" in reviewed.statistics.chart.accessibleDescription()

    def unnamed() -> list[str]:
        return [f"{type(w).__name__} {w.objectName()}" for w in reviewed.findChildren(QWidget)
                if w.isVisible() and w.focusPolicy() & Qt.FocusPolicy.TabFocus
                and w.focusProxy() is None and not name_of(w)]

    assert unnamed() == []
    reviewed.chat.show_chat()  # the chat's controls, shown now
    assert unnamed() == []


def test_tab_walks_the_window_in_reading_order(qtbot, reviewed: MainWindow) -> None:  # type: ignore[no-untyped-def]
    f, p = reviewed.findings, reviewed.framework_picker
    expected = [reviewed.view, reviewed.chat.tabs.tabBar(), f.filters.severity,
                f.filters.category, f.filters.decision, f.list, reviewed.statistics.scroller,
                p.combo, p.guidelines, reviewed.tree]
    assert tab_walk(qtbot, len(expected)) == expected
    assert tab_walk(qtbot, len(expected), backwards=True) == [
        *reversed(expected[:-1]), reviewed.tree]


def test_f6_and_ctrl_digits_move_between_panes(qtbot, reviewed: MainWindow) -> None:  # type: ignore[no-untyped-def]
    w = reviewed
    assert press(qtbot, "F6") is w.view
    assert press(qtbot, "F6") is w.findings.list
    assert press(qtbot, "F6") is w.tree
    assert press(qtbot, "Shift+F6") is w.findings.list
    assert press(qtbot, "Shift+F6") is w.view
    assert press(qtbot, "Ctrl+1") is w.tree
    assert press(qtbot, "Ctrl+3") is w.findings.list
    assert press(qtbot, "Ctrl+4") is w.chat.panel.input
    assert w.chat.tabs.currentWidget() is w.chat.panel
    assert press(qtbot, "Ctrl+2") is w.view
    assert press(qtbot, "F6") is w.chat.panel.input  # the side pane shows the chat now
    assert press(qtbot, "Ctrl+3") is w.findings.list
    assert w.chat.tabs.currentIndex() == 0


def test_finding_editor_tab_order(qtbot, reviewed: MainWindow) -> None:  # type: ignore[no-untyped-def]
    reviewed.action["edit"].trigger()
    dialog = reviewed.decisions.dialog
    assert dialog is not None
    wait_active(qtbot, dialog)
    qtbot.waitUntil(dialog.issue.hasFocus)
    cancel = dialog.buttons.button(dialog.buttons.StandardButton.Cancel)
    expected = [dialog.suggestion, dialog.rewrite, dialog.ok, cancel, dialog.severity,
                dialog.issue]  # the category stays the author's: disabled, skipped
    assert tab_walk(qtbot, len(expected)) == expected
    assert not mnemonic_clashes([b.text() for b in dialog.buttons.buttons()]
                                + [label.text() for label in dialog.findChildren(type(dialog.quote))
                                   if label.buddy() is not None])
    dialog.reject()


def test_settings_dialog_tab_order_and_mnemonics(qtbot, reviewed: MainWindow) -> None:  # type: ignore[no-untyped-def]
    from desktop_app.ui.settings.dialog import SettingsDialog

    dialog = SettingsDialog(reviewed.prefs, reviewed.runner, reviewed)
    qtbot.addWidget(dialog)
    dialog.show()
    wait_active(qtbot, dialog)
    dialog.tabs.tabBar().setFocus()
    qtbot.waitUntil(dialog.tabs.tabBar().hasFocus)
    ok, cancel = (dialog.buttons.button(b) for b in (dialog.buttons.StandardButton.Ok,
                                                      dialog.buttons.StandardButton.Cancel))
    expected = [dialog.provider, dialog.profile, dialog.region, dialog.endpoint, dialog.models,
                dialog.models_default, dialog.models_fetch, dialog.concurrency,
                dialog.temperature, dialog.max_tokens, dialog.timeout, dialog.test_button,
                dialog.test_output, ok, cancel, dialog.tabs.tabBar()]
    assert tab_walk(qtbot, len(expected)) == expected
    for page in range(dialog.tabs.count()):
        dialog.tabs.setCurrentIndex(page)
        shown = [w for w in dialog.findChildren(QWidget) if w.isVisible()]
        texts = [w.text() for w in shown if hasattr(w, "text") and not isinstance(w, QComboBox)
                 and isinstance(w.text(), str) and (not hasattr(w, "buddy") or w.buddy())]
        assert not mnemonic_clashes(texts), page
    dialog.reject()


def test_export_dialog_tab_order(qtbot, reviewed: MainWindow) -> None:  # type: ignore[no-untyped-def]
    reviewed.action["export"].trigger()
    dialog = reviewed.export.dialog
    assert dialog is not None
    wait_active(qtbot, dialog)
    first = dialog.scope_buttons[next(iter(dialog.scope_buttons))]
    first.setFocus()
    qtbot.waitUntil(first.hasFocus)
    expected = [dialog.path_edit, dialog.browse_button, dialog.tracked,
                *dialog.report_boxes.values(), dialog.author, dialog.initials,
                dialog.upload_box, dialog.open_after, dialog.export_button,
                dialog.close_button]  # the bucket and prefix wait for the upload box
    walked = tab_walk(qtbot, len(expected))
    assert walked == expected, [focused_name(w) for w in walked]
    dialog.reject()


def focused_name(widget: QWidget | None) -> str:
    return "" if widget is None else (widget.objectName() or name_of(widget)
                                      or type(widget).__name__)


def test_accessible_names_come_from_labels_or_are_set(qapp) -> None:  # type: ignore[no-untyped-def]
    """The helper the tests rely on reads what a screen reader would."""
    from PySide6.QtWidgets import QFormLayout, QLineEdit

    form_owner = QWidget()
    form = QFormLayout(form_owner)
    labelled, bare = QLineEdit(), QLineEdit()
    form.addRow("&Bucket:", labelled)
    form.addRow(bare)
    assert name_of(labelled) == "Bucket:"
    assert name_of(bare) == ""
    assert mnemonic_clashes(["&File", "&Edit", "Fra&mework:", "&&Co"]) == {}
    assert mnemonic_clashes(["&File", "&Framework:"]) == {"f": ["&File", "&Framework:"]}


def test_framework_can_be_chosen_from_the_review_menu(qtbot, reviewed: MainWindow) -> None:  # type: ignore[no-untyped-def]
    """The toolbar's list, for the keyboard and for windows too narrow to show it."""
    combo = reviewed.framework_picker.combo
    menu = reviewed.framework_menu
    assert menu.menuAction() in reviewed.findChild(QMenu, "reviewMenu").actions()
    menu.aboutToShow.emit()
    items = menu.actions()
    assert [a.text().split(" ", 1)[1] for a in items] == [combo.itemText(i)
                                                         for i in range(combo.count())]
    assert [a.isChecked() for a in items].index(True) == combo.currentIndex()
    assert not mnemonic_clashes([a.text() for a in items])
    other = next(i for i in range(combo.count()) if i != combo.currentIndex())
    with qtbot.waitSignal(reviewed.framework_picker.framework_changed):
        items[other].trigger()
    assert combo.currentIndex() == other


def test_panes_before_any_finding(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """F6 passes an empty findings pane by; Ctrl+3 still reaches its Analyse button."""
    window = new_window(qtbot)
    doc = open_ready(qtbot, window, make_flawed_docx(tmp_path / "flawed.docx"))
    # A section the built-in reviewer finds fault with (the title has nothing to fault).
    select(window, section(doc, "Summary"))
    wait_active(qtbot, window)
    window.tree.setFocus()
    qtbot.waitUntil(window.tree.hasFocus)
    assert press(qtbot, "F6") is window.view
    assert press(qtbot, "F6") is window.tree
    assert press(qtbot, "Ctrl+3") is window.findings.analyse_button
    assert press(qtbot, "Shift+F6") is window.view
    press(qtbot, "Ctrl+3")
    assert press(qtbot, "F6") is window.tree
    # Space on the focused button analyses the section, as a click would.
    press(qtbot, "Ctrl+3")
    with qtbot.waitSignal(window.review.driver.run_finished, timeout=10_000):
        qtbot.keyClick(window.findings.analyse_button, Qt.Key.Key_Space)
    assert window.findings.model.rowCount() > 0
