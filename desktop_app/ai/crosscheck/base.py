"""What every cross-section check shares: the document's lines, places and findings. No Qt.

A check reads `CheckInput` (each section's id, title and text, in document
order, with the text's lines and their offsets computed once) and returns
`Flag`s: one problem, the places involved as offsets into each section's text
(so each quote is verbatim by construction), the words of the finding, and a
sort key. `check_document` (in `__init__`) turns them into `DocumentFinding`s.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from desktop_app.ai.provider import Cancelled, CancelToken
from desktop_app.document.model import Document, Section, SectionOrigin

CELL_JOINT = " | "  # how a table row's cells are joined in a section's text
MAX_QUOTE = 200  # characters of a quote: the sentence around the point, clipped

_SENTENCE_END = re.compile(r"[.!?;](?=\s+[\"'\u201c\u2018(]?[A-Z0-9])")
_TOC_TITLE = re.compile(r"\b(?:contents|table of figures|list of (?:figures|tables|illustrations)"
                        r"|index)\b", re.IGNORECASE)
# A table-of-contents line: an entry, a tab or dot leaders, a page number at the end.
_TOC_LINE = re.compile(r"(?:\t|\.{3,}|\u2026|\s{3,})\s*(?:[ivxlc]+|\d+(?:[-\u2013]\d+)?)\s*$"
                       r"|[^\d\s-]\d{1,3}-\d{1,3}\s*$")


@dataclass(frozen=True, slots=True)
class Line:
    start: int  # offset of the line in its section's text
    text: str

    @property
    def end(self) -> int:
        return self.start + len(self.text)


@dataclass(slots=True)
class SectionText:
    id: str
    title: str
    text: str
    order: int
    level: int
    preamble: bool
    lines: list[Line] = field(default_factory=list)
    parent: SectionText | None = field(default=None, repr=False)

    def ancestors(self) -> Iterator[SectionText]:
        node = self.parent
        while node is not None:
            yield node
            node = node.parent

    @property
    def is_toc(self) -> bool:
        return bool(_TOC_TITLE.search(self.title)) and len(self.title) < 60


@dataclass(slots=True)
class CheckInput:
    sections: list[SectionText]
    title: str = ""
    cancel: CancelToken | None = None

    def checkpoint(self) -> None:
        """Raise `Cancelled` if the reviewer cancelled; called between sections."""
        if self.cancel is not None and self.cancel.cancelled:
            raise Cancelled("cross-section checks")

    def walk(self) -> Iterator[SectionText]:
        for section in self.sections:
            self.checkpoint()
            yield section

    @classmethod
    def from_document(cls, doc: Document, cancel: CancelToken | None = None) -> CheckInput:
        return cls.from_sections(list(doc.walk()), title=doc.title, cancel=cancel)

    @classmethod
    def from_sections(cls, sections: Sequence[Section], title: str = "",
                      cancel: CancelToken | None = None) -> CheckInput:
        out: list[SectionText] = []
        by_id: dict[str, SectionText] = {}
        for order, s in enumerate(sections):
            text = s.text
            lines, pos = [], 0
            for raw in text.split("\n"):
                lines.append(Line(pos, raw))
                pos += len(raw) + 1
            item = SectionText(s.id, s.title, text, order, s.level,
                               s.origin == SectionOrigin.PREAMBLE, lines,
                               by_id.get(s.parent.id) if s.parent is not None else None)
            by_id[s.id] = item
            out.append(item)
        return cls(out, title=title, cancel=cancel)


@dataclass(frozen=True, slots=True)
class Place:
    section: SectionText
    start: int  # offsets of the quote in the section's text
    end: int

    @property
    def quote(self) -> str:
        return self.section.text[self.start:self.end]


@dataclass(slots=True)
class Flag:
    """One problem a check found, before it becomes a `DocumentFinding`."""

    check: str
    places: list[Place]
    issue: str
    suggestion: str
    label: str  # what it is about, in a few words, for "and 3 more like this: ..."
    severity: str | None = None
    confidence: float | None = None

    @property
    def order(self) -> tuple[int, int]:
        first = min(self.places, key=lambda p: (p.section.order, p.start))
        return first.section.order, first.start


def is_toc_line(line: str) -> bool:
    """An entry of a table of contents: "3.1 Scope\t12", "Figure 2 .... 7", "INTRODUCTION3-1"."""
    tail = line.rstrip()
    if len(line) >= 160 or not tail or not (tail[-1].isdigit() or tail[-1] in "ivxlc"):
        return False
    return bool(_TOC_LINE.search(tail[-40:]))


def cells(line: Line) -> Iterator[Line]:
    """The cells of a table row (a plain line is one cell), with their offsets."""
    pos = 0
    while True:
        joint = line.text.find(CELL_JOINT, pos)
        end = len(line.text) if joint < 0 else joint
        yield Line(line.start + pos, line.text[pos:end])
        if joint < 0:
            return
        pos = joint + len(CELL_JOINT)


def sentence_around(section: SectionText, start: int, end: int) -> Place:
    """The sentence holding [start, end) within its line (or cell), clipped to MAX_QUOTE."""
    text = section.text
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    joint = text.rfind(CELL_JOINT, line_start, start)
    if joint >= 0:
        line_start = joint + len(CELL_JOINT)
    joint = text.find(CELL_JOINT, end, line_end)
    if joint >= 0:
        line_end = joint
    s = line_start
    for m in _SENTENCE_END.finditer(text, line_start, start):
        s = m.end()
    m = _SENTENCE_END.search(text, end, line_end)
    e = m.end() if m else line_end
    # Clip around the point, at word boundaries.
    if e - s > MAX_QUOTE:
        half = max(0, (MAX_QUOTE - (end - start)) // 2)
        lo, hi = max(s, start - half), min(e, end + half)
        if lo > s:
            space = text.find(" ", lo, start)
            lo = space + 1 if space >= 0 else lo
        if hi < e:
            space = text.rfind(" ", end, hi)
            hi = space if space >= 0 else hi
        s, e = lo, hi
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return Place(section, s, e)


def clip(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "\u2026"


def where(section: SectionText) -> str:
    """A section as the issue names it: its title in quotes."""
    return f"\u201c{clip(section.title, 70)}\u201d"
