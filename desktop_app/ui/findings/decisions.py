"""Deciding on findings from the keyboard: accept, reject, edit, add, undo, move on.

`DecisionController` owns the decision and navigation actions, the undo
stack, and the dialogs. Every change goes through a command on the stack
(undo_commands.py) and is saved by the window's `ReviewSession` as it is
made. Moving between findings crosses sections: the next finding after the
last one of a section is the first one of the next section that shows any.
"""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence, QUndoStack

from desktop_app.document import Section
from desktop_app.review.findings import Finding
from desktop_app.ui.findings.finding_dialog import FindingDialog
from desktop_app.ui.findings.model import shown_findings
from desktop_app.ui.findings.undo_commands import (
    add_command,
    decision_command,
    delete_command,
    edit_command,
)

if TYPE_CHECKING:
    from desktop_app.ui.window.main_window import MainWindow


def _action(parent: QObject, text: str, tip: str, *shortcuts: str) -> QAction:
    act = QAction(text, parent)
    act.setStatusTip(tip)
    if shortcuts:
        act.setShortcuts([QKeySequence(s) for s in shortcuts])
        native = QKeySequence.SequenceFormat.NativeText
        act.setToolTip(f"{tip} ({QKeySequence(shortcuts[0]).toString(native)})")
    else:
        act.setToolTip(tip)
    return act


class DecisionController(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.w = window
        self.undo_stack = QUndoStack(self)
        self.dialog: FindingDialog | None = None  # the open Edit or Add dialog
        a = _action
        self.accept_action = a(self, "&Accept", "Accept the selected finding",
                               "Ctrl+Return", "Ctrl+Enter")
        self.reject_action = a(self, "&Reject", "Reject the selected finding", "Ctrl+Backspace")
        self.reset_action = a(self, "Reset to &Pending", "Undecide the selected finding",
                              "Ctrl+Shift+Backspace")
        self.edit_action = a(self, "&Edit…", "Change the selected finding's words or severity",
                             "F2")
        self.add_action = a(self, "Add Finding on &Selection…",
                            "Write your own finding on the text selected in the section",
                            "Ctrl+Alt+M")
        self.delete_action = a(self, "&Delete My Finding", "Delete a finding you wrote",
                               "Delete")
        # Delete only where it cannot surprise: in the findings list.
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.next_finding_action = a(self, "&Next Finding",
                                     "Select the next finding, into the next section", "Alt+Down")
        self.previous_finding_action = a(self, "Pre&vious Finding",
                                         "Select the previous finding", "Alt+Up")
        self.next_section_action = a(self, "Next &Section", "Show the next section", "Ctrl+Down")
        self.previous_section_action = a(self, "Previous S&ection", "Show the previous section",
                                         "Ctrl+Up")
        self.undo_action = self.undo_stack.createUndoAction(self, "&Undo")
        self.undo_action.setShortcuts([QKeySequence("Ctrl+Z")])
        self.redo_action = self.undo_stack.createRedoAction(self, "&Redo")
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        for act, slot in ((self.accept_action, lambda: self.decide("accepted")),
                          (self.reject_action, lambda: self.decide("rejected")),
                          (self.reset_action, lambda: self.decide("pending")),
                          (self.edit_action, self.edit),
                          (self.add_action, self.add_on_selection),
                          (self.delete_action, self.delete),
                          (self.next_finding_action, lambda: self.move_finding(1)),
                          (self.previous_finding_action, lambda: self.move_finding(-1)),
                          (self.next_section_action, lambda: self.move_section(1)),
                          (self.previous_section_action, lambda: self.move_section(-1))):
            act.triggered.connect(lambda _checked=False, s=slot: s())
        for act in self.window_actions():
            window.addAction(act)  # shortcuts work whatever pane has the focus
        panel = window.findings
        panel.list.addActions([self.accept_action, self.reject_action, self.reset_action,
                               self.edit_action, self.delete_action])
        panel.finding_activated.connect(lambda _f: self.edit())
        window.view.selection_actions = [self.add_action]

    def window_actions(self) -> list[QAction]:
        return [self.accept_action, self.reject_action, self.reset_action, self.edit_action,
                self.add_action, self.next_finding_action, self.previous_finding_action,
                self.next_section_action, self.previous_section_action, self.undo_action,
                self.redo_action]

    # -- state ---------------------------------------------------------------------

    def selected(self) -> Finding | None:
        return self.w.findings.selected_finding()

    def update_actions(self) -> None:
        f = self.selected()
        for act, off in ((self.accept_action, "accepted"), (self.reject_action, "rejected"),
                         (self.reset_action, "pending")):
            act.setEnabled(f is not None and f.decision != off)
        self.edit_action.setEnabled(f is not None)
        self.delete_action.setEnabled(f is not None and f.source == "user")
        has_doc = self.w.document is not None and bool(self.w.document.sections)
        self.add_action.setEnabled(has_doc and self.w.view.section is not None)
        for act in (self.next_finding_action, self.previous_finding_action,
                    self.next_section_action, self.previous_section_action):
            act.setEnabled(has_doc)

    def clear(self) -> None:
        """Another review: its undo history is not this one's."""
        self.undo_stack.clear()
        if self.dialog is not None:
            self.dialog.reject()

    # -- the reviewer's actions -------------------------------------------------------

    def decide(self, decision: str) -> None:
        f = self.selected()
        if f is None:
            self.w.statusBar().showMessage("Select a finding first.", 4000)
        elif f.decision != decision:
            self.undo_stack.push(decision_command(self, f, decision))

    def edit(self) -> None:
        f = self.selected()
        if f is None or self.dialog is not None:
            return
        dialog = FindingDialog(self.w, f.quote, finding=f,
                               originals=self.w.review.session.originals(f.id))
        dialog.accepted.connect(lambda: self._edited(f, dialog.changes()))
        self._open(dialog)

    def _edited(self, finding: Finding, changes: dict[str, Any]) -> None:
        if changes:
            self.undo_stack.push(edit_command(self, finding, changes))

    def add_on_selection(self) -> None:
        section = self.w.view.section
        passage = self.w.view.selected_passage()
        if section is None or passage is None:
            self.w.statusBar().showMessage(
                "Select the passage your finding is about in the section text first.", 5000)
            return
        if self.dialog is not None:
            return
        start, end, quote = passage
        categories = [f.category for _sid, f in self.w.review.session.results.all_findings()]
        dialog = FindingDialog(self.w, quote, categories=categories)
        dialog.accepted.connect(
            lambda: self._added(section, dialog.new_finding(quote, start, end)))
        self._open(dialog)

    def _added(self, section: Section, finding: Finding) -> None:
        finding.id = "u-" + uuid.uuid4().hex[:12]
        self.undo_stack.push(add_command(self, section.id, finding))

    def delete(self) -> None:
        f = self.selected()
        section = self.w.current_section()
        if f is not None and f.source == "user" and section is not None:
            self.undo_stack.push(delete_command(self, section.id, f))

    def _open(self, dialog: FindingDialog) -> None:
        self.dialog = dialog
        dialog.finished.connect(lambda _r: self._closed(dialog))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.open()

    def _closed(self, dialog: FindingDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()

    # -- what the commands do (the Applier protocol) ---------------------------------------

    def apply_decision(self, finding_id: str, decision: str) -> None:
        self._apply(finding_id, lambda: self.w.review.session.set_decision(finding_id,
                                                                             decision))

    def apply_edit(self, finding_id: str, fields: dict[str, Any]) -> None:
        self._apply(finding_id, lambda: self.w.review.session.edit(finding_id, fields))
        self.w.findings.refresh_cards()

    def apply_add(self, section_id: str, finding: Finding) -> None:
        self.w.review.session.add_user_finding(section_id, finding)
        self._show(section_id, finding.id, row=-1)

    def apply_delete(self, section_id: str, finding_id: str) -> None:
        row = self._row_if_shown(section_id, finding_id)
        self.w.review.session.delete_user_finding(finding_id)
        self._show(section_id, None, row)

    def _apply(self, finding_id: str, change: Any) -> None:
        found = self.w.review.session.results.locate(finding_id)
        if found is None:
            return
        section_id = found[0]
        row = self._row_if_shown(section_id, finding_id)
        change()
        self._show(section_id, finding_id, row)

    def _row_if_shown(self, section_id: str, finding_id: str) -> int:
        current = self.w.current_section()
        if current is None or current.id != section_id:
            return -1
        return self.w.findings.model.row_of(finding_id)

    def _show(self, section_id: str, finding_id: str | None, row: int) -> None:
        """Bring the changed finding into view; if the filters now hide it, the one
        that took its place is selected, ready for the next decision."""
        current = self.w.current_section()
        if current is None or current.id != section_id:
            self.w.select_section(section_id)
        self.w.refresh_section(section_id)
        panel = self.w.findings
        if finding_id is not None and panel.select_finding(finding_id):
            pass
        elif row >= 0 and panel.model.rowCount():
            panel.select_row(min(row, panel.model.rowCount() - 1))
        self.update_actions()

    # -- moving around -------------------------------------------------------------

    def move_finding(self, step: int) -> None:
        panel = self.w.findings
        rows = panel.model.rowCount()
        row = panel.selected_row()
        target = (0 if step > 0 else rows - 1) if row < 0 else row + step
        if 0 <= target < rows:
            panel.select_row(target)
            return
        section = self._next_section_with_findings(step)
        if section is None:
            self.w.statusBar().showMessage(
                "No more findings " + ("after this one." if step > 0 else "before this one."),
                3000)
            return
        self.w.select_section(section.id)
        panel.select_row(0 if step > 0 else panel.model.rowCount() - 1)

    def _next_section_with_findings(self, step: int) -> Section | None:
        sections = self._sections()
        current = self.w.current_section()
        at = next((i for i, s in enumerate(sections) if s is current), -1)
        order = sections[at + 1:] if step > 0 else list(reversed(sections[:max(at, 0)]))
        model = self.w.findings.model
        for s in order:
            if shown_findings(self.w.review.session.results.findings(s.id), model.min_confidence,
                              model.filter):
                return s
        return None

    def move_section(self, step: int) -> None:
        sections = self._sections()
        current = self.w.current_section()
        at = next((i for i, s in enumerate(sections) if s is current), -1)
        target = at + step if at >= 0 else 0
        if 0 <= target < len(sections):
            self.w.select_section(sections[target].id)

    def _sections(self) -> list[Section]:
        doc = self.w.document
        return list(doc.walk()) if doc is not None else []
