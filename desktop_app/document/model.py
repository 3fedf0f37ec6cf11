"""The pure document model: a tree of sections over anchored paragraphs.

Nothing here knows about Qt or python-docx. A `Document` is immutable once
built; later layers (analysis, store, export) refer to sections by `id` and to
paragraphs by `anchor`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import Enum
from functools import partial
from typing import NamedTuple

# Word counts one word per CJK ideograph / kana / hangul syllable; elsewhere a
# word is a run of non-space characters.
_WORD_RE = re.compile(
    r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]"
    r"|[^\s\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]+"
)


def count_words(text: str) -> int:
    return len(_WORD_RE.findall(text))


class ParagraphKind(str, Enum):
    HEADING = "heading"
    BODY = "body"
    LIST_ITEM = "list"
    TABLE_CELL = "cell"
    TEXT_BOX = "textbox"


class Paragraph(NamedTuple):
    """One `w:p` as Word shows it with all tracked changes accepted.

    A named tuple rather than a frozen dataclass: as immutable, and built
    three times faster, which counts at one per paragraph of a long document.

    `anchor` is the paragraph's index in `document.anchors.paragraph_elements`
    order, so export can find the same `w:p` again in the original file.
    Table cells share a `row` number (unique per document) so that a table can
    be rendered and read row by row; `cell` is the column within the row.
    `code`: what the document formats as code (a code paragraph style, a code
    character style or a monospaced font; see code_spans.py), as sorted
    (start, end) offsets in `text`; a code paragraph is one span over its text.
    `quote`: the paragraph's style sets it apart as a quotation ("Quote", "Quotations",
    "Block Text"): maybe another author's words, maybe only indented text.
    """

    anchor: int
    text: str
    kind: ParagraphKind = ParagraphKind.BODY
    level: int = 0  # list indent level, or heading level for headings
    row: int = -1
    cell: int = -1
    code: tuple[tuple[int, int], ...] = ()
    quote: bool = False


# A Paragraph straight from its fields' tuple (all eight), without the named
# tuple's own `__new__`: the loader makes one per paragraph of a document.
new_paragraph = partial(tuple.__new__, Paragraph)


def all_code(para: Paragraph) -> bool:
    """Whether the document formats all the paragraph's text as code: a line of a
    sample ("1. Configure", "CHAPTER 1" printed by a tool) is never a heading."""
    code = para.code
    if not code:
        return False
    text, pos = para.text, 0
    for start, end in code:
        if text[pos:start].strip():
            return False
        pos = end
    return not text[pos:].strip()


class SectionOrigin(str, Enum):
    """How a section's boundary was found, for display and diagnostics."""

    STYLE = "style"  # heading/title style or direct outline level
    NUMBERED = "numbered"  # "1.2 Scope"-like paragraph typed by hand ("CHAPTER 3", "A.", "一、")
    BOLD = "bold"  # short bold paragraph typed by hand
    PREAMBLE = "preamble"  # text before the first heading, or after a table of contents
    PART = "part"  # size-bounded part of a document without structure
    CONTENTS = "contents"  # a table of contents: not content to review


@dataclass(slots=True)
class Section:
    id: str
    title: str
    level: int  # 0 = title / preamble / part, 1..9 heading levels
    origin: SectionOrigin
    heading_anchor: int | None  # the heading paragraph's anchor, if any
    paragraphs: list[Paragraph] = field(default_factory=list)  # body, heading excluded
    parent: Section | None = field(default=None, repr=False)
    children: list[Section] = field(default_factory=list, repr=False)
    _text: str | None = field(default=None, repr=False)
    _words: int | None = field(default=None, repr=False)

    @property
    def text(self) -> str:
        """The section's own body text (children excluded), tables row by row."""
        if self._text is None:
            self._text = "\n".join(block for block in iter_blocks(self.paragraphs))
        return self._text

    @property
    def cell_breaks(self) -> tuple[int, ...]:
        """Paragraph boundaries inside table cells, as offsets in `text` (see
        `cell_breaks`)."""
        return cell_breaks(self.paragraphs)

    @property
    def code_spans(self) -> tuple[tuple[int, int], ...]:
        """What the document formats as code (`Paragraph.code`), as sorted offsets in
        `text`."""
        return code_spans(self.paragraphs)

    @property
    def quote_spans(self) -> tuple[tuple[int, int], ...]:
        """The paragraphs styled as quotations (`Paragraph.quote`), as sorted offsets in
        `text`."""
        return quote_spans(self.paragraphs)

    @property
    def words(self) -> int:
        if self._words is None:  # per paragraph: the " | " between cells is not a word
            self._words = sum(count_words(p.text) for p in self.paragraphs)
        return self._words

    @property
    def reviewable(self) -> bool:
        """A table of contents repeats the headings: nothing in it to review."""
        return self.origin is not SectionOrigin.CONTENTS

    @property
    def parent_id(self) -> str | None:
        return self.parent.id if self.parent is not None else None

    def walk(self) -> Iterator[Section]:
        yield self
        for child in self.children:
            yield from child.walk()


def iter_blocks(paragraphs: list[Paragraph]) -> Iterator[str]:
    """Lines of readable text: one per paragraph, one per table row.

    Cells of a row are joined with " | ", paragraphs inside one cell with " ".
    """
    for block, _, _, _ in _blocks(paragraphs):
        yield block


def cell_breaks(paragraphs: list[Paragraph]) -> tuple[int, ...]:
    """Where, in the text `iter_blocks` makes of `paragraphs` (blocks joined by "\n"),
    a paragraph of a table cell starts after another paragraph of the same cell.

    The text joins them with a space, so a reader of the text alone sees one run of
    words: a lead-in and the numbered steps below it in a page laid out in a table
    read as one 100-word sentence. These offsets keep the paragraph boundaries
    without changing the text (offsets, quotes and anchors stay as they are)."""
    out: list[int] = []
    pos = 0
    for block, breaks, _, _ in _blocks(paragraphs):
        out.extend(pos + b for b in breaks)
        pos += len(block) + 1
    return tuple(out)


def code_spans(paragraphs: list[Paragraph]) -> tuple[tuple[int, int], ...]:
    """The paragraphs' `code` spans as offsets in the text `iter_blocks` makes of them
    (blocks joined by "\n"), sorted."""
    if not any(p.code for p in paragraphs):
        return ()
    out: list[tuple[int, int]] = []
    pos = 0
    for block, _, code, _ in _blocks(paragraphs):
        out.extend((pos + a, pos + b) for a, b in code)
        pos += len(block) + 1
    return tuple(out)


def quote_spans(paragraphs: list[Paragraph]) -> tuple[tuple[int, int], ...]:
    """The quotation paragraphs' text as offsets in the text `iter_blocks` makes of the
    paragraphs (a table's row is one block, never a quotation)."""
    if not any(p.quote for p in paragraphs):
        return ()
    out: list[tuple[int, int]] = []
    pos = 0
    for block, _, _, quote in _blocks(paragraphs):
        if quote:
            out.append((pos, pos + len(block)))
        pos += len(block) + 1
    return tuple(out)


def _blocks(paragraphs: list[Paragraph]
            ) -> Iterator[tuple[str, list[int], tuple[tuple[int, int], ...], bool]]:
    """Each block's text, with the offsets in it where a cell's second, third ...
    paragraph starts, the code spans in it, and whether it is a quotation."""
    i, n = 0, len(paragraphs)
    while i < n:
        p = paragraphs[i]
        if p.row < 0:
            if p.text:
                yield p.text, [], p.code, p.quote
            i += 1
            continue
        cells: dict[int, list[Paragraph]] = {}
        row = p.row
        while i < n and paragraphs[i].row == row:
            q = paragraphs[i]
            if q.text:
                cells.setdefault(q.cell, []).append(q)
            i += 1
        if not cells:
            continue
        texts: list[str] = []
        breaks: list[int] = []
        code: list[tuple[int, int]] = []
        pos = 0
        for _, parts in sorted(cells.items()):
            if texts:
                pos += len(" | ")
            for k, part in enumerate(parts):
                if k:
                    pos += 1  # the space joining two paragraphs of one cell
                    breaks.append(pos)
                code.extend((pos + a, pos + b) for a, b in part.code)
                pos += len(part.text)
            texts.append(" ".join(q.text for q in parts))
        yield " | ".join(texts), breaks, tuple(code), False


@dataclass(slots=True)
class Document:
    path: str
    sha256: str
    title: str
    sections: list[Section]  # roots, in document order
    paragraph_count: int  # number of anchored paragraphs in the body
    strict: bool = False  # ISO/IEC 29500 Strict package (read, namespaces mapped)
    # Anchors of the paragraphs that hold a picture, chart or embedded object: a
    # section whose only content is a screenshot has no text, yet is not empty.
    figures: frozenset[int] = frozenset()

    def has_figure(self, section: Section) -> bool:
        figures = self.figures
        return bool(figures) and any(p.anchor in figures for p in section.paragraphs)

    def walk(self) -> Iterator[Section]:
        """All sections, flat, in document order."""
        for root in self.sections:
            yield from root.walk()

    def section(self, section_id: str) -> Section | None:
        for s in self.walk():
            if s.id == section_id:
                return s
        return None

    @property
    def words(self) -> int:
        return sum(s.words for s in self.walk())
