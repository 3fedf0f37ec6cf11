"""Findings pinned to quotes, and an export read back, for the export tests."""

from __future__ import annotations

import hashlib
from pathlib import Path

from desktop_app.document import Document, Section, load
from desktop_app.export.docx_comments import ExportSummary, export_reviewed_docx
from desktop_app.review.findings import Finding
from tests.docx_inspect import Inspection, inspect


def at(section: Section, quote: str, issue: str = "The issue.", *, nth: int = 0,
       severity: str = "major", category: str = "clarity", suggestion: str = "Fix it.",
       rewrite: str | None = None, checkpoints: tuple[str, ...] = (), fid: str = "",
       source: str = "model", decision: str = "accepted") -> Finding:
    """A finding anchored on the `nth` occurrence of `quote` in the section text."""
    start = -1
    for _ in range(nth + 1):
        start = section.text.index(quote, start + 1)
    return Finding(category, severity, 0.9, quote, issue, suggestion, list(checkpoints),
                   rewrite=rewrite, source=source, anchored=True, start=start,
                   end=start + len(quote), decision=decision,
                   id=fid or "f-" + _digest(section.id, quote, str(nth), issue))


def unanchored(issue: str, quote: str = "not in the text") -> Finding:
    return Finding("structure", "minor", 0.7, quote, issue, "", id="u-" + _digest(issue))


def _digest(*parts: str) -> str:
    return hashlib.blake2b("\x00".join(parts).encode(), digest_size=4).hexdigest()


def by_title(doc: Document, title: str) -> Section:
    return next(s for s in doc.walk() if s.title == title)


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def export(src: Path, findings: dict[str, list[Finding]] | list[Finding], out: Path | None = None,
           doc: Document | None = None, **kw) -> tuple[ExportSummary, Inspection]:
    """Export `findings` (a list goes to the document's first section) and read it back."""
    doc = doc or load(str(src))
    if isinstance(findings, list):
        findings = {next(doc.walk()).id: findings}
    out = out or src.with_name(src.stem + "-out.docx")
    summary = export_reviewed_docx(src, doc, findings, out, **kw)
    return summary, inspect(out)
