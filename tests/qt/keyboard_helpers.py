"""Driving a window from the keyboard in tests: Tab walks, shortcuts, mnemonics, names."""

from __future__ import annotations

import re
from collections import Counter

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QKeySequence
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QComboBox, QWidget


def wait_active(qtbot, window: QWidget) -> None:  # type: ignore[no-untyped-def]
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def focused() -> QWidget | None:
    """The focused widget, counting an editable combo's or a spin box's line edit as it."""
    widget = QApplication.focusWidget()
    parent = widget.parentWidget() if widget is not None else None
    if isinstance(parent, (QComboBox, QAbstractSpinBox)):
        return parent
    return widget


def tab_walk(qtbot, steps: int, backwards: bool = False) -> list[QWidget | None]:  # type: ignore[no-untyped-def]
    """Press Tab (or Shift+Tab) `steps` times; where the focus went after each."""
    key = Qt.Key.Key_Backtab if backwards else Qt.Key.Key_Tab
    modifier = (Qt.KeyboardModifier.ShiftModifier if backwards
                else Qt.KeyboardModifier.NoModifier)
    walked = []
    for _ in range(steps):
        qtbot.keyClick(QApplication.focusWidget(), key, modifier)
        walked.append(focused())
    return walked


def press(qtbot, keys: str) -> QWidget | None:  # type: ignore[no-untyped-def]
    """Type a shortcut where the focus is; the widget focused afterwards."""
    combo = QKeySequence(keys)[0]
    qtbot.keyClick(QApplication.focusWidget(), combo.key(), combo.keyboardModifiers())
    return focused()


def name_of(widget: QWidget) -> str:
    """What a screen reader announces: the accessible name, set or taken from a label."""
    interface = QAccessible.queryAccessibleInterface(widget)
    return interface.text(QAccessible.Text.Name) if interface is not None else ""


def mnemonic_clashes(texts: list[str]) -> dict[str, list[str]]:
    """Alt+letter keys that more than one of `texts` claims ("&&" is a literal "&")."""
    letters = {}
    for text in texts:
        match = re.search(r"(?<!&)&([^&\s])", text.replace("&&", ""))
        if match:
            letters[text] = match.group(1).lower()
    counts = Counter(letters.values())
    return {letter: [t for t, lt in letters.items() if lt == letter]
            for letter, n in counts.items() if n > 1}
