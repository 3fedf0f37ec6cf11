"""Help → Keyboard Shortcuts: read from the window's actions, so it never drifts."""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QMainWindow,
    QMenu,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)


def _clean(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip(".…")


def keys_text(action: QAction) -> str:
    native = QKeySequence.SequenceFormat.NativeText
    return ", ".join(s.toString(native) for s in action.shortcuts() if not s.isEmpty())


def shortcut_rows(window: QMainWindow, extra: dict[str, list[QAction]] | None = None
                  ) -> list[tuple[str, str, str]]:
    """(group, action, keys) for every action with a shortcut: the menus in menu-bar
    order, then `extra` groups (actions that live on one widget), then the rest."""
    rows: list[tuple[str, str, str]] = []
    seen: set[int] = set()

    def add(group: str, action: QAction) -> None:
        if id(action) in seen or action.isSeparator():
            return
        seen.add(id(action))
        keys = keys_text(action)
        if keys:
            rows.append((group, _clean(action.text()), keys))

    def walk(group: str, menu: QMenu) -> None:
        for action in menu.actions():
            sub = action.menu()
            if isinstance(sub, QMenu):
                walk(group, sub)
            else:
                add(group, action)

    for top in window.menuBar().actions():
        menu = top.menu()
        if isinstance(menu, QMenu):
            walk(_clean(top.text()), menu)
    for group, actions in (extra or {}).items():
        for action in actions:
            add(group, action)
    for action in window.actions():
        add("Other", action)
    return rows


class ShortcutsDialog(QDialog):
    def __init__(self, rows: list[tuple[str, str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shortcutsDialog")
        self.setWindowTitle("Keyboard Shortcuts")
        self.resize(520, 560)
        self.tree = QTreeWidget()
        self.tree.setObjectName("shortcutsTable")
        self.tree.setHeaderLabels(["Action", "Keys"])
        self.tree.setRootIsDecorated(False)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.header().setStretchLastSection(False)
        groups: dict[str, QTreeWidgetItem] = {}
        for group, text, keys in rows:
            heading = groups.get(group)
            if heading is None:
                heading = groups[group] = QTreeWidgetItem([group, ""])
                font = heading.font(0)
                font.setBold(True)
                heading.setFont(0, font)
                self.tree.addTopLevelItem(heading)
                heading.setFirstColumnSpanned(True)  # only once it is in the tree
            QTreeWidgetItem(heading, [text, keys])
        self.tree.expandAll()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree)
        layout.addWidget(buttons)
