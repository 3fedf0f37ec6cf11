"""A section too long for one request, cut into parts between blocks. No Qt.

The same cut as the analysis job's (`workers/analysis_job.split_parts`, which
should import it from here once `workers/` is next touched): the estimate
must count the requests the job will make.
"""

from __future__ import annotations

from desktop_app.document.model import Section, iter_blocks
from desktop_app.review.findings import Finding
from desktop_app.review.merge import merge_findings

MAX_PART_CHARS = 48_000  # ~12k tokens of section text per request


def split_parts(section: Section, limit: int | None = None) -> tuple[str, ...]:
    """The section text in parts of at most `limit` characters, cut between blocks."""
    limit = limit or MAX_PART_CHARS
    text = section.text
    if len(text) <= limit:
        return (text,)
    parts, current, size = [], [], 0
    for block in iter_blocks(section.paragraphs):
        if current and size + len(block) + 1 > limit:
            parts.append("\n".join(current))
            current, size = [], 0
        current.append(block)
        size += len(block) + 1
    if current:
        parts.append("\n".join(current))
    return tuple(parts)


def merge_parts(section_id: str, findings: list[Finding]) -> list[Finding]:
    """Findings of a section analysed in parts, duplicates merged (one passage, one
    issue: one finding, keeping the widest quote). Overlapping findings that are not
    nested stay as they came: a section's answer makes no document-level finding."""
    for i, f in enumerate(findings):
        f.id = f"part-{i}"
    merged = merge_findings({section_id: findings})
    apart = {k for k, v in merged.absorbed.items() if v.startswith("d-")}
    kept = merged.sections[section_id] + [f for f in findings if f.id in apart]
    kept.sort(key=lambda f: (f.start is None, f.start or 0))
    for f in kept:
        f.id = ""
    return kept
