"""The main window without a mouse: F6 / Shift+F6 between the panes, Ctrl+1..4 to one.

F6 and Shift+F6 go round the section tree, the section text and the side
pane (once it has findings, or shows the chat); Ctrl+1, Ctrl+2 and Ctrl+3 go
straight to the tree, the text and the findings, Ctrl+4 (or Ctrl+Shift+C) to
the chat. The window's Tab order and screen-reader names are set where the
window is built (main_window.py), over every part.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from desktop_app.ui.chat.chat_tab import ChatTab
from desktop_app.ui.findings.panel import FindingsPanel

FOCUS = Qt.FocusReason.ShortcutFocusReason


class Panes:
    def __init__(self, tree: QWidget, text: QWidget, findings: FindingsPanel,
                 chat: ChatTab) -> None:
        self.tree, self.text, self.findings, self.chat = tree, text, findings, chat

    def side_target(self) -> QWidget:
        """What takes the focus in the side pane: the chat's question box, or the findings
        (the list; without one, the button that would fill it; else the filters)."""
        if self.chat.showing_chat:
            return self.chat.panel.input
        f = self.findings
        for widget in (f.list, f.analyse_button, f.retry_button):
            if not widget.isHidden() and widget.isEnabled():
                return widget
        return f.filters.severity

    def targets(self) -> list[QWidget]:
        """Where F6 goes: the tree, the text, and the side pane while it has findings or
        the chat to work with (Ctrl+3 reaches an empty findings pane's buttons)."""
        side = self.side_target()
        has_work = side is self.findings.list or side is self.chat.panel.input
        return [self.tree, self.text, side] if has_work else [self.tree, self.text]

    def pane_of(self, widget: QWidget | None) -> int:
        for index, pane in enumerate((self.tree, self.text, self.chat.tabs)):
            if widget is not None and (widget is pane or pane.isAncestorOf(widget)):
                return index
        return -1

    def cycle(self, step: int, focused: QWidget | None) -> None:
        """F6 (step 1) and Shift+F6 (step -1): the next or previous pane, round again."""
        targets = self.targets()
        current = self.pane_of(focused)
        if 0 <= current < len(targets):
            target = targets[(current + step) % len(targets)]
        else:  # from the toolbar, or from a side pane F6 passes by: the first or last pane
            target = targets[0] if step > 0 else targets[-1]
        target.setFocus(FOCUS)

    def go_tree(self) -> None:
        self.tree.setFocus(FOCUS)

    def go_text(self) -> None:
        self.text.setFocus(FOCUS)

    def go_findings(self) -> None:
        self.chat.show_findings()
        self.side_target().setFocus(FOCUS)
