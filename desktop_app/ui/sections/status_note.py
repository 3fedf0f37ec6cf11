"""What the section tree says about a section's analysis: its status, a short note
(the findings shown) and a tooltip that explains both. No widgets."""

from __future__ import annotations

from desktop_app.session import SectionOutcome, SectionStatus, visible_findings


def status_note(status: SectionStatus, outcome: SectionOutcome | None,
                min_confidence: float) -> tuple[SectionStatus, str, str]:
    """(status, note, tooltip): the note is the number of findings shown ("4")."""
    note = tooltip = ""
    found = outcome.findings if outcome is not None else []
    if status is SectionStatus.DONE and outcome is not None:
        shown = visible_findings(found, min_confidence)
        note = str(len(shown))
        tooltip = f"{len(shown)} finding{'s' if len(shown) != 1 else ''}"
        if len(found) > len(shown):
            tooltip += f" ({len(found) - len(shown)} more below the minimum confidence)"
        decided = [f for f in shown if f.decision != "pending"]
        if decided:
            accepted = sum(f.decision == "accepted" for f in decided)
            tooltip += (f"; {accepted} accepted, {len(decided) - accepted} rejected, "
                        f"{len(shown) - len(decided)} to decide")
    elif status is SectionStatus.FAILED and outcome is not None and outcome.error is not None:
        tooltip = outcome.error.message
    elif status is SectionStatus.CHANGED:
        tooltip = ("The text changed since your last review; its earlier findings are "
                   "kept as history. Analyse it again.")
    if status is not SectionStatus.DONE and found:  # the reviewer's own, say
        note = str(len(visible_findings(found, min_confidence)))
    return status, note, tooltip
