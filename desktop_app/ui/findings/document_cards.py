"""Document-level findings as the findings pane shows them: a card each, its places listed.

A document-level finding is about several places ("47 minutes" in the
Summary, "94 minutes" in Impact). The pane's cards, decisions, filters, undo
and keyboard moves all work on `Finding`s, so each is shown as one: the same
id, words, severity and decision (a decision or an edit goes to the session,
which knows the id is a document-level one), and its places, each with its
section's title, as `Place`s the card and the text pane list.

A section finding about a pattern that recurs (its `quotes`) has places too,
all in its section: `occurrences` gives them, for Ctrl+J to step through.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from desktop_app.review.document_findings import DocumentFinding
from desktop_app.review.findings import Finding


@dataclass(frozen=True, slots=True)
class Place:
    section_id: str
    title: str  # the section's title
    quote: str
    anchored: bool
    start: int | None
    end: int | None
    changed: bool = False  # the section's text changed since the finding was made


def card(d: DocumentFinding) -> Finding:
    first = d.quotes[0].quote if d.quotes else ""
    return Finding(d.category, d.severity, d.confidence, first, d.issue, d.suggestion,
                   list(d.checkpoints), None, d.source,
                   all(q.anchored for q in d.quotes) if d.quotes else True, None, None, None,
                   d.decision, d.id)


def cards(findings: Sequence[DocumentFinding], titles: Mapping[str, str],
          changed: Mapping[str, Sequence[str]] | None = None
          ) -> tuple[list[Finding], dict[str, list[Place]]]:
    """The cards, in the order given, and each one's places."""
    changed = changed or {}
    places: dict[str, list[Place]] = {}
    for d in findings:
        moved = set(changed.get(d.id, ()))
        places[d.id] = [Place(q.section, " ".join(titles.get(q.section, q.section).split()),
                              q.quote, q.anchored, q.start, q.end, q.section in moved)
                        for q in d.quotes]
    return [card(d) for d in findings], places


def occurrences(f: Finding, title: str) -> list[Place]:
    """The places of a section finding about several occurrences (none for one passage)."""
    name = " ".join(title.split())
    return [Place(q.section, name, q.quote, q.anchored, q.start, q.end) for q in f.quotes]
