"""Help → Keyboard Shortcuts: the rows come from the window's action table
(ui/window/actions.py: `shortcut_rows`), so the list never drifts from the menus."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)


class ShortcutsDialog(QDialog):
    def __init__(self, rows: Iterable[tuple[str, str, str]],
                 parent: QWidget | None = None) -> None:
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
