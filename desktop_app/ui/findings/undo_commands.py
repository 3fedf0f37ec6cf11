"""The reviewer's changes as undoable commands.

Each command writes to the review (through `ReviewSession`, which saves it at
once) in `redo()` and writes the opposite in `undo()`, so Undo and Redo are
saved like any other change. A command then asks for its finding to be shown,
so undoing a decision made three sections back shows it there.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtGui import QUndoCommand

from desktop_app.review.findings import Finding
from desktop_app.session import copy_finding


class Applier(Protocol):
    """What the commands change: the window's review (see decisions.py)."""

    def apply_decision(self, finding_id: str, decision: str) -> None: ...
    def apply_edit(self, finding_id: str, fields: dict[str, Any]) -> None: ...
    def apply_add(self, section_id: str, finding: Finding) -> None: ...
    def apply_delete(self, section_id: str, finding_id: str) -> None: ...


_VERBS = {"accepted": "Accept Finding", "rejected": "Reject Finding",
          "pending": "Reset Finding to Pending"}


class _Command(QUndoCommand):
    def __init__(self, text: str, do: Callable[[], None], undo: Callable[[], None]) -> None:
        super().__init__(text)
        self._do = do
        self._undo = undo

    def redo(self) -> None:
        self._do()

    def undo(self) -> None:
        self._undo()


def decision_command(target: Applier, finding: Finding, decision: str) -> QUndoCommand:
    fid, before = finding.id, finding.decision
    return _Command(_VERBS.get(decision, "Decide"),
                    lambda: target.apply_decision(fid, decision),
                    lambda: target.apply_decision(fid, before))


def edit_command(target: Applier, finding: Finding, changes: dict[str, Any]) -> QUndoCommand:
    fid = finding.id
    before = {name: getattr(finding, name) for name in changes}
    after = dict(changes)
    return _Command("Edit Finding", lambda: target.apply_edit(fid, after),
                    lambda: target.apply_edit(fid, before))


def add_command(target: Applier, section_id: str, finding: Finding) -> QUndoCommand:
    kept = copy_finding(finding)  # with its id: undo and redo act on the same finding
    return _Command("Add Finding", lambda: target.apply_add(section_id, copy_finding(kept)),
                    lambda: target.apply_delete(section_id, kept.id))


def delete_command(target: Applier, section_id: str, finding: Finding) -> QUndoCommand:
    kept = copy_finding(finding)
    return _Command("Delete Finding", lambda: target.apply_delete(section_id, kept.id),
                    lambda: target.apply_add(section_id, copy_finding(kept)))
