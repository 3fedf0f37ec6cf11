"""Documents, answers and an open store for the review store tests."""

from __future__ import annotations

from pathlib import Path

from desktop_app.ai.provider import AnalysisResult, Usage
from desktop_app.document import load
from desktop_app.document.model import Document, Section
from desktop_app.review.findings import Finding
from desktop_app.store.results import section_hash
from tests.docx_factory import p, write_docx

FRAMEWORK_ID = "General writing quality@0123456789abcdef"
FRAMEWORK = "General writing quality"
MODEL = "global.anthropic.claude-sonnet-4-5-20250929-v1:0"


def make_doc(path: Path, sections: list[tuple[str, str]]) -> Document:
    """A .docx with one Heading 1 and one body paragraph per (title, text)."""
    body = "".join(p(title, "berschrift1") + p(text) for title, text in sections)
    return load(str(write_docx(path, body)))


def by_title(doc: Document, title: str) -> Section:
    return next(s for s in doc.walk() if s.title == title)


def hash_of(section: Section) -> str:
    return section_hash(section.title, section.text)


def finding(quote: str, issue: str = "Unclear.", severity: str = "minor",
            category: str = "clarity") -> Finding:
    return Finding(category=category, severity=severity, confidence=0.8, quote=quote,
                   issue=issue, suggestion="Say it plainly.", checkpoints=["clarity"])


def answer(*findings: Finding, model: str | None = MODEL, usage: Usage | None = None,
           from_cache: bool = False) -> AnalysisResult:
    return AnalysisResult(list(findings), model,
                          usage or Usage(requests=1, input_tokens=1000, output_tokens=200),
                          seconds=0.5, from_cache=from_cache)
