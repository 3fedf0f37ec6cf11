"""A paragraph repeated in several sections: its findings reported once. No Qt.

Documents assembled from pieces often carry one paragraph twice (a summary
pasted into two sections). Every rule then finds the same thing in each copy,
and the reader gets the same finding twice. The first copy keeps it, saying
where else the paragraph stands; the later copies' identical findings (same
rule, same place in the paragraph, same words) are dropped. Short lines (a
table label, a heading repeated per section) are not "a paragraph" here:
their findings are each a place to fix. Twin sections (same title, same
text) are one cache entry (`store.results.cache_key`) and so keep the same
findings each.
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
    finding on a repeated paragraph; the first one names the other sections.

    Twin sections (same title and text) share one cache entry, so they must get the
    same answer: a twin of the first copy keeps the finding, with the same words."""
    twin_of: dict[tuple[str, str], int] = {}
    twins = [twin_of.setdefault((info.title, info.text), i) for i, info in enumerate(sections)]
    first: dict[tuple, int] = {}  # finding -> the twin class that keeps it
    also: dict[tuple, dict[int, str]] = {}  # finding -> the other sections, by twin class
    keys: list[list[tuple | None]] = []
    out: list[list[Hit]] = []
    for i, (info, section_hits) in enumerate(zip(sections, hits, strict=True)):
        kept: list[Hit] = []
        kept_keys: list[tuple | None] = []
        for hit in section_hits:
            found = None
            if hit.start is not None and hit.end is not None:
                found = _paragraph(info.text, hit.start, hit.end)
            if found is None:
                kept.append(hit)
                kept_keys.append(None)
                continue
            line_start, paragraph = found
            key = (paragraph, hit.start - line_start, hit.end - line_start, hit.issue)
            owner = first.setdefault(key, twins[i])
            if owner != twins[i]:
                also.setdefault(key, {}).setdefault(twins[i], info.title)
                continue
            kept.append(hit)
            kept_keys.append(key)
        out.append(kept)
        keys.append(kept_keys)
    if not also:
        return out
    for i, section_keys in enumerate(keys):
        for k, key in enumerate(section_keys):
            others = also.get(key) if key is not None else None
            if not others:
                continue
            named = ", ".join(f'"{t}"' for t in dict.fromkeys(others.values()))
            where = "another section" if len(others) == 1 else f"{len(others)} other sections"
            hit = out[i][k]
            out[i][k] = replace(hit, issue=f"{hit.issue} The same paragraph is also in "
                                           f"{where} ({named}): reported here only.")
    return out
