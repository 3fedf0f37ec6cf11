"""What the "Whole document" group says: its status, count, tooltip and failure. No widgets.

Read from the session: how each pass over the whole document last went
(the built-in cross-section checks; the Bedrock consistency pass), whether
the document changed since, and the findings shown.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop_app.session import (
    CONSISTENCY,
    PASS_LABELS,
    RULES,
    ReviewSession,
    SectionStatus,
    short_model,
    visible_findings,
)
from desktop_app.ui.findings.document_cards import cards


@dataclass(frozen=True, slots=True)
class DocumentState:
    status: SectionStatus  # not analysed (never checked), running, done, failed, changed
    note: str  # the tree's count
    tooltip: str
    summary: str  # the pane's line about the passes
    failure: str  # a pass that failed, with why ("" if none)
    checked: bool  # some pass ran


def _when(iso: str) -> str:
    return iso[11:16] + " UTC" if len(iso) >= 16 else iso


def document_state(session: ReviewSession | None, checking: bool,
                   min_confidence: float) -> DocumentState:
    if session is None:
        return DocumentState(SectionStatus.NOT_ANALYSED, "", "", "", "", False)
    passes = session.passes
    ran = [(o, passes.last(o)) for o in (RULES, CONSISTENCY) if passes.last(o) is not None]
    shown = visible_findings(cards(session.document_findings(), {})[0], min_confidence)
    said = []
    for origin, record in ran:
        assert record is not None
        if record.status == "failed":
            said.append(f"{PASS_LABELS[origin]} failed at {_when(record.ran_at)}")
        else:
            by = f" by {short_model(record.model)}" if record.model else ""
            said.append(f"{PASS_LABELS[origin]}{by} at {_when(record.ran_at)}")
    failed = [(o, r) for o, r in ran if r is not None and r.status == "failed"]
    failure = "\n".join(f"The {PASS_LABELS[o]} failed: {r.error or 'no reason given'}"
                        for o, r in failed if r is not None)
    stale = any(passes.stale(o) for o, _ in ran)
    if stale:
        said.append("the document changed since")
    if checking:
        status = SectionStatus.RUNNING
    elif not ran:
        status = SectionStatus.NOT_ANALYSED
    elif failed:
        status = SectionStatus.FAILED
    elif stale:
        status = SectionStatus.CHANGED
    else:
        status = SectionStatus.DONE
    note = str(len(shown)) if ran or shown else ""
    count = f"{len(shown)} finding{'s' * (len(shown) != 1)} across sections"
    tooltip = "; ".join([count, *said]) if ran else "Not checked yet: Review → Check Consistency"
    return DocumentState(status, note, tooltip, " · ".join(said), failure, bool(ran))
