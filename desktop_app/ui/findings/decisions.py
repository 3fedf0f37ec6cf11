"""Deciding on findings: accept, reject, edit, add, undo, and moving from one to the next.

A part of the window, given the findings pane and the section text it works
on, and the session whose review it changes. It owns the undo stack and the
Edit / Add dialog. Every change is a command on the stack (undo_commands.py)
and is saved by the session as it is made; then `finding_changed` asks for
the section to be shown again everywhere. Moving between findings crosses
sections (`section_wanted`): the next finding after the last one of a section
is the first one of the next section that shows any.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QUndoStack

from desktop_app.document import Section
from desktop_app.review.findings import Finding
from desktop_app.session import WHOLE_DOCUMENT, ReviewSession, is_document_finding
from desktop_app.ui.findings.document_cards import cards
from desktop_app.ui.findings.finding_dialog import FindingDialog
from desktop_app.ui.findings.model import shown_findings
from desktop_app.ui.findings.panel import FindingsPanel
from desktop_app.ui.findings.undo_commands import (
    add_command,
    decision_command,
    delete_command,
    edit_command,
)
from desktop_app.ui.sections.text_view import SectionView

MAX_ISSUE_FROM_CHAT = 1200  # characters of a chat answer put into a new finding's issue


class Decisions(QObject):
    section_wanted = Signal(str)  # show this section (it holds the finding in question)
    finding_changed = Signal(str)  # a finding of this section changed: show it again
    message = Signal(str, int)  # for the status bar, and for how long (ms)

    def __init__(self, panel: FindingsPanel, view: SectionView,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.panel = panel
        self.view = view
        self.session: ReviewSession | None = None
        self.undo_stack = QUndoStack(self)
        self.dialog: FindingDialog | None = None  # the open Edit or Add dialog

    def set_session(self, session: ReviewSession | None) -> None:
        """Another review: its undo history is not this one's."""
        self.session = session
        self.undo_stack.clear()
        if self.dialog is not None:
            self.dialog.reject()

    # -- state ---------------------------------------------------------------------

    def selected(self) -> Finding | None:
        return self.panel.selected_finding()

    # -- the reviewer's actions -------------------------------------------------------

    def decide(self, decision: str) -> None:
        f = self.selected()
        if f is None:
            self.message.emit("Select a finding first.", 4000)
        elif f.decision != decision:
            self.undo_stack.push(decision_command(self, f, decision))

    def edit(self) -> None:
        f = self.selected()
        if f is None or self.dialog is not None or self.session is None:
            return
        across = is_document_finding(f.id)
        places = self.panel.model.places(f.id) if across else []
        quote = "  ·  ".join(f"{p.title}: “{p.quote}”" for p in places) if across else f.quote
        dialog = FindingDialog(self.panel.window(), quote, finding=f,
                               originals=self.session.originals(f.id), rewrite=not across)
        dialog.accepted.connect(lambda: self._edited(f, dialog.changes()))
        self._open(dialog)

    def _edited(self, finding: Finding, changes: dict[str, Any]) -> None:
        if changes:
            self.undo_stack.push(edit_command(self, finding, changes))

    def add_on_selection(self, issue: str = "") -> None:
        """Write a finding on the passage selected in the text (`issue`: to start from)."""
        section = self.view.section
        passage = self.view.selected_passage()
        if section is None or passage is None or self.session is None:
            self.message.emit(
                "Select the passage your finding is about in the section text first.", 5000)
            return
        if self.dialog is not None:
            return
        start, end, quote = passage
        categories = [f.category for _sid, f in self.session.results.all_findings()]
        dialog = FindingDialog(self.panel.window(), quote, categories=categories)
        if issue:
            dialog.issue.setPlainText(issue.strip()[:MAX_ISSUE_FROM_CHAT])
        dialog.accepted.connect(
            lambda: self._added(section, dialog.new_finding(quote, start, end)))
        self._open(dialog)

    def _added(self, section: Section, finding: Finding) -> None:
        finding.id = "u-" + uuid.uuid4().hex[:12]
        self.undo_stack.push(add_command(self, section.id, finding))

    def delete(self) -> None:
        f = self.selected()
        section = self.panel.section
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
        self._apply(finding_id, lambda s: s.set_decision(finding_id, decision))

    def apply_edit(self, finding_id: str, fields: dict[str, Any]) -> None:
        self._apply(finding_id, lambda s: s.edit(finding_id, fields))
        self.panel.refresh_cards()

    def apply_add(self, section_id: str, finding: Finding) -> None:
        if self.session is not None:
            self.session.add_user_finding(section_id, finding)
            self._show(section_id, finding.id, row=-1)

    def apply_delete(self, section_id: str, finding_id: str) -> None:
        if self.session is not None:
            row = self._row_if_shown(section_id, finding_id)
            self.session.delete_user_finding(finding_id)
            self._show(section_id, None, row)

    def _apply(self, finding_id: str, change: Callable[[ReviewSession], object]) -> None:
        found = self.session.locate(finding_id) if self.session is not None else None
        if found is None or self.session is None:
            return
        section_id = found[0]
        row = self._row_if_shown(section_id, finding_id)
        change(self.session)
        self._show(section_id, finding_id, row)

    def _row_if_shown(self, section_id: str, finding_id: str) -> int:
        if self.panel.group != section_id:
            return -1
        return self.panel.model.row_of(finding_id)

    def _show(self, section_id: str, finding_id: str | None, row: int) -> None:
        """Bring the changed finding into view; if the filters now hide it, the one
        that took its place is selected, ready for the next decision. `section_id` may
        be WHOLE_DOCUMENT."""
        if self.panel.group != section_id:
            self.section_wanted.emit(section_id)
        self.finding_changed.emit(section_id)
        panel = self.panel
        if finding_id is not None and panel.select_finding(finding_id):
            pass
        elif row >= 0 and panel.model.rowCount():
            panel.select_row(min(row, panel.model.rowCount() - 1))

    # -- moving around -------------------------------------------------------------

    def move_finding(self, step: int) -> None:
        panel = self.panel
        rows = panel.model.rowCount()
        row = panel.selected_row()
        target = (0 if step > 0 else rows - 1) if row < 0 else row + step
        if 0 <= target < rows:
            panel.select_row(target)
            return
        group = self._next_group_with_findings(step)
        if group is None:
            self.message.emit(
                "No more findings " + ("after this one." if step > 0 else "before this one."),
                3000)
            return
        self.section_wanted.emit(group)
        panel.select_row(0 if step > 0 else panel.model.rowCount() - 1)

    def _next_group_with_findings(self, step: int) -> str | None:
        """The next group (the whole document first, then the sections) that shows any."""
        if self.session is None:
            return None
        groups = self._groups()
        at = groups.index(self.panel.group) if self.panel.group in groups else -1
        order = groups[at + 1:] if step > 0 else list(reversed(groups[:max(at, 0)]))
        model = self.panel.model
        for gid in order:
            if shown_findings(self._findings_of(gid), model.min_confidence, model.filter):
                return gid
        return None

    def _findings_of(self, group: str) -> list[Finding]:
        assert self.session is not None
        if group == WHOLE_DOCUMENT:
            return cards(self.session.document_findings(), {})[0]
        return self.session.results.findings(group)

    def move_section(self, step: int) -> None:
        groups = self._groups()
        at = groups.index(self.panel.group) if self.panel.group in groups else -1
        target = at + step if at >= 0 else 1
        if 0 <= target < len(groups):
            self.section_wanted.emit(groups[target])

    def _groups(self) -> list[str]:
        """The "Whole document" group, then every section, in the tree's order."""
        if self.session is None:
            return []
        return [WHOLE_DOCUMENT, *(s.id for s in self.session.document.walk())]
