"""Map character offsets in `Section.text` back to (paragraph anchor, offset).

`Section.text` is built by `model.iter_blocks`: one line per paragraph, one per
table row with cells joined by " | " and the paragraphs of a cell by " ". The
layout below walks the paragraphs the same way and records where each one's
text starts, so an offset lands on exactly the paragraph the loader read.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from desktop_app.document.model import Paragraph, Section
from desktop_app.review.findings import Finding

_LINE, _CELL, _IN_CELL = "\n", " | ", " "


@dataclass(frozen=True, slots=True)
class Point:
    anchor: int  # the paragraph's anchor
    offset: int  # a character offset in that paragraph's text


@dataclass(frozen=True, slots=True)
class Span:
    start: int  # where the paragraph's text starts in the section text
    para: Paragraph

    @property
    def end(self) -> int:
        return self.start + len(self.para.text)


class LayoutMismatch(ValueError):
    """The paragraphs do not rebuild `Section.text`: offsets cannot be trusted."""


def layout(section: Section) -> list[Span]:
    """Every paragraph whose text is part of `section.text`, with its start offset."""
    spans: list[Span] = []
    pos, lines = 0, 0
    paras, i, n = section.paragraphs, 0, len(section.paragraphs)
    while i < n:
        p = paras[i]
        if p.row < 0:
            if p.text:
                pos += len(_LINE) if lines else 0
                lines += 1
                spans.append(Span(pos, p))
                pos += len(p.text)
            i += 1
            continue
        cells: dict[int, list[Paragraph]] = {}
        while i < n and paras[i].row == p.row:
            if paras[i].text:
                cells.setdefault(paras[i].cell, []).append(paras[i])
            i += 1
        if not cells:
            continue
        pos += len(_LINE) if lines else 0
        lines += 1
        for k, (_, parts) in enumerate(sorted(cells.items())):
            pos += len(_CELL) if k else 0
            for j, q in enumerate(parts):
                pos += len(_IN_CELL) if j else 0
                spans.append(Span(pos, q))
                pos += len(q.text)
    text = section.text
    if pos != len(text) or any(text[s.start:s.end] != s.para.text for s in spans):
        raise LayoutMismatch(f"section {section.id}: paragraphs do not rebuild its text")
    return spans


def locate(spans: list[Span], start: int, end: int) -> tuple[Point, Point] | None:
    """The first and last character of [start, end) as paragraph points.

    A range that begins or ends on a separator (line break, cell joint) is
    narrowed to the paragraph text inside it; None if no text is left.
    """
    if not spans or start >= end:
        return None
    starts = [s.start for s in spans]
    i = bisect_right(starts, start) - 1  # last span starting at or before `start`
    if i < 0 or start >= spans[i].end:
        i += 1  # on a separator (or before the first span): the next paragraph
    j = bisect_right(starts, end - 1) - 1  # last span starting before `end`
    if i >= len(spans) or j < i:
        return None
    first, last = spans[i], spans[j]
    a = max(start, first.start) - first.start
    b = min(end, last.end) - last.start
    if first is last and a >= b:
        return None
    return Point(first.para.anchor, a), Point(last.para.anchor, b)


def quote_range(section: Section, finding: Finding) -> tuple[int, int] | None:
    """[start, end) of an anchored finding's quote in the section text, checked.

    Offsets that no longer select the quote (a stale result) are replaced by the
    occurrence of the quote nearest to them; a quote not in the text gives None.
    """
    quote = finding.quote
    if not finding.anchored or not quote or not quote.strip():
        return None
    text = section.text
    start, end = finding.start, finding.end
    if start is not None and end is not None and text[start:end] == quote and start < end:
        return start, end
    hits, at = [], text.find(quote)
    while at >= 0:
        hits.append(at)
        at = text.find(quote, at + 1)
    if not hits:
        return None
    best = min(hits, key=lambda h: abs(h - (start or 0)))
    return best, best + len(quote)
