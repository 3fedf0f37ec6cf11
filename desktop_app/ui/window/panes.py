"""The main window without a mouse: names for screen readers, the Tab order, pane focus.

Tab follows the screen, top to bottom and left to right: the toolbar's
framework controls, the "not saved" banner, the section tree, the section
text, then the side pane (its Findings/Chat tabs, the filters, the findings,
the statistics; or the chat). F6 and Shift+F6 jump between the panes (the side
pane once it has findings, or shows the chat); Ctrl+1, Ctrl+2 and Ctrl+3 go
straight to the tree, the text and the findings, Ctrl+4 (or Ctrl+Shift+C) to
the chat.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from desktop_app.ui.window.main_window import MainWindow

_FOCUS = Qt.FocusReason.ShortcutFocusReason


def tab_chain(*widgets: QWidget) -> None:
    """Tab visits `widgets` in this order (hidden or disabled ones are skipped by Qt)."""
    for first, second in zip(widgets, widgets[1:], strict=False):
        QWidget.setTabOrder(first, second)


def name_widgets(w: MainWindow) -> None:
    """Names (and, where the name is not enough, descriptions) for assistive technology."""
    named: list[tuple[QWidget, str, str]] = [
        (w.tree, "Sections", "The document's sections with their word counts and analysis "
         "status. Ctrl+R analyses the current one."),
        (w.findings.list, "Findings", "The current section's findings. Ctrl+Enter accepts, "
         "Ctrl+Backspace rejects, F2 edits, Alt+Down and Alt+Up move between findings."),
        (w.findings.retry_button, "Retry the analysis", ""),
        (w.findings.analyse_button, "Analyse this section", ""),
        (w.chat.tabs, "Findings and chat", ""),
        (w.chat.panel.conversation, "Chat transcript", ""),
        (w.chat.panel.input, "Question", "Enter sends the question; Shift+Enter starts a "
         "new line."),
        (w.statistics.scroller, "Statistics", "The review's numbers: sections done, findings "
         "by severity, decisions, categories, tokens and estimated cost."),
        (w.progress, "Opening the document", ""),
        (w.analysis_progress, "Analysis progress", ""),
        (w.analysis_label, "Analysis progress text", ""),
        (w.summary, "Document summary", ""),
        (w.review_notice, "Review notice", ""),
        (w.framework_picker.combo, "Review framework", ""),
        (w.framework_picker.guidelines, "Guidelines", ""),
        (w.framework_picker.clear, "Clear the guidelines", ""),
        (w.review_toolbar, "Review toolbar", ""),
        (w.banner.retry, "Retry saving now", ""),
    ]
    for widget, name, description in named:
        widget.setAccessibleName(name)
        if description:
            widget.setAccessibleDescription(description)


def set_tab_order(w: MainWindow) -> None:
    p, f, chat = w.framework_picker, w.findings, w.chat.panel
    # The tab widget, not its tab bar: it stands in the chain for its bar (focus proxy).
    tab_chain(p.combo, p.guidelines, p.clear, w.banner.retry, w.tree, w.view,
              w.chat.tabs, f.filters.severity, f.filters.category, f.filters.decision,
              f.filters.clear, f.retry_button, f.analyse_button, f.list, w.statistics.scroller,
              chat.section_button, chat.document_button, chat.clear_button, chat.conversation,
              chat.input, chat.send_button, chat.stop_button)


# -- panes --------------------------------------------------------------------------------


def _side_target(w: MainWindow) -> QWidget:
    """What takes the focus in the side pane: the chat's question box, or the findings
    (the list; without one, the button that would fill it; else the filters)."""
    if w.chat.tabs.currentWidget() is w.chat.panel:
        return w.chat.panel.input
    f = w.findings
    for widget in (f.list, f.analyse_button, f.retry_button):
        if not widget.isHidden() and widget.isEnabled():
            return widget
    return f.filters.severity


def pane_targets(w: MainWindow) -> list[QWidget]:
    """Where F6 goes: the tree, the text, and the side pane while it has findings or the
    chat to work with (Ctrl+3 reaches an empty findings pane's buttons)."""
    side = _side_target(w)
    has_work = side is w.findings.list or side is w.chat.panel.input
    return [w.tree, w.view, side] if has_work else [w.tree, w.view]


def _pane_of(w: MainWindow, widget: QWidget | None) -> int:
    side = w.chat.tabs
    for index, pane in enumerate((w.tree, w.view, side)):
        if widget is not None and (widget is pane or pane.isAncestorOf(widget)):
            return index
    return -1


def cycle_panes(w: MainWindow, step: int) -> None:
    """F6 (step 1) and Shift+F6 (step -1): the next or previous pane, round again."""
    targets = pane_targets(w)
    current = _pane_of(w, w.focusWidget())
    if 0 <= current < len(targets):
        target = targets[(current + step) % len(targets)]
    else:  # from the toolbar, or from a side pane F6 passes by: the first or last pane
        target = targets[0] if step > 0 else targets[-1]
    target.setFocus(_FOCUS)


def focus_findings(w: MainWindow) -> None:
    w.chat.tabs.setCurrentIndex(0)
    _side_target(w).setFocus(_FOCUS)


def build_pane_actions(w: MainWindow) -> list[QAction]:
    """Next Pane, Previous Pane, and the Go To actions, for the View menu."""
    specs = (("Ne&xt Pane", "F6", lambda: cycle_panes(w, 1)),
             ("Previous Pa&ne", "Shift+F6", lambda: cycle_panes(w, -1)),
             ("Go to Secti&ons", "Ctrl+1", lambda: w.tree.setFocus(_FOCUS)),
             ("Go to &Text", "Ctrl+2", lambda: w.view.setFocus(_FOCUS)),
             ("Go to &Findings", "Ctrl+3", lambda: focus_findings(w)))
    actions = []
    for text, keys, slot in specs:
        action = QAction(text, w)
        action.setShortcut(QKeySequence(keys))
        action.triggered.connect(lambda _checked=False, s=slot: s())
        actions.append(action)
    return actions
