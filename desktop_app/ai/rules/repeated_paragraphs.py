"""A paragraph repeated in several sections: its findings reported once. No Qt.

Documents assembled from pieces often carry one paragraph twice (a summary
pasted into two sections). Every rule then finds the same thing in each copy,
and the reader gets the same finding twice. The first copy keeps it, saying
where else the paragraph stands; the later copies' identical findings (same
rule, same place in the paragraph, same words) are dropped. Short lines (a
table label, a heading repeated per section) are not "a paragraph" here:
their findings are each a place to fix.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from desktop_app.ai.rules.base import Hit
from desktop_app.ai.rules.document import SectionInfo
from desktop_app.document.model import count_words

MIN_WORDS = 12  # a paragraph of prose, not a label


def _paragraph(text: str, start: int, end: int) -> tuple[int, str] | None:
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    line_end = len(text) if line_end < 0 else line_end
    if end > line_end:
        return None  # across paragraphs: not one paragraph's finding
    paragraph = text[line_start:line_end]
    return (line_start, paragraph) if count_words(paragraph) >= MIN_WORDS else None


def report_once(sections: Sequence[SectionInfo], hits: list[list[Hit]]) -> list[list[Hit]]:
    """One rule's hits per section (in document order), without the repeats of a
    finding on a repeated paragraph; the first one names the other sections."""
    first: dict[tuple, tuple[int, int]] = {}  # finding -> (section, index in its hits)
    also: dict[tuple[int, int], list[str]] = {}
    out: list[list[Hit]] = []
    for i, (info, section_hits) in enumerate(zip(sections, hits, strict=True)):
        kept: list[Hit] = []
        for hit in section_hits:
            if hit.start is None or hit.end is None:
                kept.append(hit)
                continue
            found = _paragraph(info.text, hit.start, hit.end)
            if found is None:
                kept.append(hit)
                continue
            line_start, paragraph = found
            key = (paragraph, hit.start - line_start, hit.end - line_start, hit.issue)
            where = first.get(key)
            if where is not None and where[0] != i:
                also.setdefault(where, []).append(info.title)
                continue
            first.setdefault(key, (i, len(kept)))
            kept.append(hit)
        out.append(kept)
    for (i, k), titles in also.items():
        named = ", ".join(f'"{t}"' for t in dict.fromkeys(titles))
        later = "a later section" if len(titles) == 1 else f"{len(titles)} later sections"
        hit = out[i][k]
        out[i][k] = replace(hit, issue=f"{hit.issue} The same paragraph appears again in "
                                       f"{later} ({named}): reported once, here.")
    return out
