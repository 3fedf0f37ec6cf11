"""Document-level findings in the reviewed copy: one Word comment on each of their quotes.

A finding about several places ("47 minutes in the Summary, 94 in Impact")
becomes one comment per place, each on its own quote (or, unanchored, on its
section's heading, as any finding without a quote), each with the issue
verbatim and a line naming the other sections involved, so that a reader who
meets one comment knows where to look for the rest.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from desktop_app.review.document_findings import DocumentFinding
from desktop_app.review.findings import Finding


def elsewhere(d: DocumentFinding, section_id: str, titles: Mapping[str, str]) -> str:
    """'Also in: “Impact”, “Timeline”.' for the quote of `d` in `section_id`."""
    others = [sid for sid in d.sections if sid != section_id]
    if others:
        return "Also in: " + ", ".join(f"“{' '.join(titles.get(s, s).split())}”"
                                       for s in others) + "."
    if sum(1 for q in d.quotes if q.section == section_id) > 1:
        return "Also at another passage of this section."
    return ""


def quote_findings(findings: Sequence[DocumentFinding], titles: Mapping[str, str]
                   ) -> tuple[dict[str, list[Finding]], dict[str, str]]:
    """(section id -> one finding per quote placed there; finding id -> the line naming
    the other places). The ids are the document finding's with the quote's number."""
    by_section: dict[str, list[Finding]] = {}
    notes: dict[str, str] = {}
    for d in findings:
        for number, q in enumerate(d.quotes, 1):
            f = Finding(d.category, d.severity, d.confidence, q.quote, d.issue, d.suggestion,
                        list(d.checkpoints), None, d.source, q.anchored, q.quote_original,
                        q.start, q.end, d.decision, f"{d.id}#{number}")
            by_section.setdefault(q.section, []).append(f)
            note = elsewhere(d, q.section, titles)
            if note:
                notes[f.id] = note
    return by_section, notes
