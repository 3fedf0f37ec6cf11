"""Findings about several passages in the reviewed copy: a Word comment on each passage.

A document-level finding ("47 minutes in the Summary, 94 in Impact") becomes
one comment per place, each on its own quote (or, unanchored, on its section's
heading, as any finding without a quote), each with the issue verbatim and a
line naming the other sections involved, so that a reader who meets one
comment knows where to look for the rest.

A section finding about a pattern that recurs (the built-in reviewer folds
the repeats of one pattern in a section into one finding listing each
occurrence) keeps its full comment on its first occurrence, with a line
saying how many more are marked; each other occurrence gets a short comment
that names the issue and points to the full one ("Same as the comment on
“The change was approved” (2 of 3): ..."). Repeating the whole comment at
every occurrence would fill Word's comment pane with copies of one suggestion
(and its rewrite) that the reviewer would answer or resolve one by one; the
short one still reads on its own next to its passage. A pattern met hundreds
of times is marked at its first `MAX_OCCURRENCES`, the full comment saying so.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Any

from desktop_app.review.document_findings import DocumentFinding
from desktop_app.review.findings import Finding, Quote

MAX_OCCURRENCES = 25  # comments for one section finding, its own included
_QUOTE_CHARS = 50  # the first occurrence, as the short comments name it
_ISSUE_CHARS = 140  # the issue, as the short comments repeat it


def elsewhere(d: DocumentFinding, section_id: str, titles: Mapping[str, str]) -> str:
    """'Also in: “Impact”, “Timeline”.' for the quote of `d` in `section_id`."""
    others = [sid for sid in d.sections if sid != section_id]
    if others:
        return "Also in: " + ", ".join(f"“{' '.join(titles.get(s, s).split())}”"
                                       for s in others) + "."
    if sum(1 for q in d.quotes if q.section == section_id) > 1:
        return "Also at another passage of this section."
    return ""


def on_quote(f: Finding | DocumentFinding, q: Quote, fid: str, **words: Any) -> Finding:
    """`f` as a finding about the one passage `q`, with the id `fid` (and, for its
    comment, other `words`: issue, suggestion, checkpoints). Never a rewrite: that
    is for the finding's own quote."""
    placed = Finding(f.category, f.severity, f.confidence, q.quote, f.issue, f.suggestion,
                     list(f.checkpoints), None, f.source, q.anchored, q.quote_original,
                     q.start, q.end, f.decision, fid)
    return replace(placed, **words) if words else placed


def quote_findings(findings: Sequence[DocumentFinding], titles: Mapping[str, str]
                   ) -> tuple[dict[str, list[Finding]], dict[str, str]]:
    """(section id -> one finding per quote placed there; finding id -> the line naming
    the other places). The ids are the document finding's with the quote's number."""
    by_section: dict[str, list[Finding]] = {}
    notes: dict[str, str] = {}
    for d in findings:
        for number, q in enumerate(d.quotes, 1):
            f = on_quote(d, q, f"{d.id}#{number}")
            by_section.setdefault(q.section, []).append(f)
            note = elsewhere(d, q.section, titles)
            if note:
                notes[f.id] = note
    return by_section, notes


def occurrence_findings(findings_by_section: Mapping[str, Sequence[Finding]]
                        ) -> tuple[dict[str, list[Finding]], dict[str, str]]:
    """Each section's findings, those about several occurrences followed by one short
    finding per other anchored occurrence (id: the finding's with the occurrence's
    number); and finding id -> the line its full comment ends with."""
    out: dict[str, list[Finding]] = {}
    notes: dict[str, str] = {}
    for sid, findings in findings_by_section.items():
        placed: list[Finding] = []
        for f in findings:
            placed.append(f)
            others = _other_occurrences(f)
            if not others:
                continue
            shown = others[:MAX_OCCURRENCES - 1]
            total = len(f.quotes)
            for number, q in shown:
                placed.append(on_quote(f, q, f"{f.id}#{number}", issue=short_issue(
                    f, number, total), suggestion="", checkpoints=[]))
            notes[f.id] = _marked(len(shown), len(others))
        out[sid] = placed
    return out, notes


def _other_occurrences(f: Finding) -> list[tuple[int, Quote]]:
    """(number, quote) of each anchored occurrence of `f` but the one it is on."""
    return [(n, q) for n, q in enumerate(f.quotes, 1)
            if q.anchored and (q.start, q.quote) != (f.start, f.quote)]


def comment_count(f: Finding | DocumentFinding) -> int:
    """How many Word comments exporting `f` writes: one per place of a document
    finding; a section finding's own, and one per other occurrence up to
    `MAX_OCCURRENCES` in all (what the export dialog counts)."""
    if isinstance(f, DocumentFinding):
        return max(1, len(f.quotes))
    return 1 + min(MAX_OCCURRENCES - 1, len(_other_occurrences(f)))


def short_issue(f: Finding, number: int, total: int) -> str:
    """'Same as the comment on “The change was approved” (2 of 3): <the issue, short>'."""
    return (f"Same as the comment on “{_cut(f.quote, _QUOTE_CHARS)}” ({number} of {total}): "
            f"{_cut(_first_clause(f.issue), _ISSUE_CHARS)}")


def _marked(shown: int, others: int) -> str:
    if shown == others:
        return f"Also marked at {others} more place{'s' if others > 1 else ''} in this section."
    return (f"Also marked at the next {shown} of {others} more places in this section "
            "(the rest are listed in the review).")


def _first_clause(issue: str) -> str:
    """The issue without the list of places a folded finding quotes ('…: "a", "b".')."""
    sentence = issue.split(". ", 1)[0].rstrip(".")
    for cut in (': "', ': “', ' (also "'):
        sentence = sentence.split(cut, 1)[0]
    return sentence + "."


def _cut(text: str, limit: int) -> str:
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    return text[:limit - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"
