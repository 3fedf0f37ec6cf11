"""`margin review --out`: which findings go into the reviewed copy, and what is said.

Kept here rather than in cli_review so that the command only calls it.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from typing import TextIO

from desktop_app.document.model import Document
from desktop_app.export.docx_comments import (
    ExportError,
    export_reviewed_docx,
    select_for_export,
)
from desktop_app.review.report import ReviewRun
from desktop_app.review.status import SectionStatus


@dataclass(slots=True)
class CopyOutcome:
    """What `write_reviewed_copy` did: for the exit code, the index and the report."""

    path: str
    error: str | None = None  # why no copy was written; None when it was
    comments: int = 0
    pending_left_out: int = 0  # pending findings not exported (no --accept-all)
    notes: list[str] = field(default_factory=list)  # what the copy repaired or left out

    def to_json(self) -> dict:
        return {"path": self.path, "written": self.error is None, "error": self.error,
                "comments": self.comments, "pending_left_out": self.pending_left_out,
                "notes": list(self.notes)}


def write_reviewed_copy(source: str, doc: Document, run: ReviewRun, out: str, *,
                        accept_all: bool, quiet: bool, stderr: TextIO | None = None,
                        say_pending: bool = True) -> CopyOutcome:
    """Export accepted and user-written findings (all of them with `accept_all`).

    Says on stderr how many pending findings were left out (unless not
    `say_pending`: a run of many documents says it once), what the copy
    repaired or left out of the package, and, unless quiet, where the comments
    went. The outcome's `error` is None, or the reason it failed.
    """
    err = stderr or sys.stderr
    chosen, pending = {}, 0
    for sid, section in run.outcomes.items():
        if section.status.reported is SectionStatus.DONE:  # as the review holds them
            chosen[sid], skipped = select_for_export(run.visible(section.findings), accept_all)
            pending += skipped
    across, skipped = select_for_export(run.visible_document(), accept_all)  # type: ignore[arg-type]
    pending += skipped
    if pending and say_pending:
        print(f"margin: {pending} pending finding{'' if pending == 1 else 's'} not exported to "
              f"{out} (only accepted and your own findings are); use --accept-all to export "
              "every finding", file=err)
    outcome = CopyOutcome(out, pending_left_out=pending)
    try:
        summary = export_reviewed_docx(source, doc, chosen, out,
                                       document_findings=across)  # type: ignore[arg-type]
    except ExportError as exc:
        outcome.error = f"cannot write reviewed copy {out}: {exc}"
        return outcome
    except OSError as exc:
        outcome.error = f"cannot write reviewed copy {out}: {exc.strerror or exc}"
        return outcome
    outcome.comments = summary.comments
    outcome.notes = list(summary.notes)
    for note in summary.notes:  # what the copy differs in, besides the comments: always said
        print(f"margin: {out}: {note}", file=err)
    if not quiet:
        placed = f"{summary.on_quote} on their quote"
        if summary.widened:
            placed += f", {summary.widened} on the text around it"
        if summary.on_heading:
            placed += f", {summary.on_heading} on a section heading (no quote)"
        print(f"margin: wrote {out}: {summary.comments} comments ({placed})", file=err)
    return outcome
