"""Where a finding's quote stands in the section view.

`Finding.start/end` are offsets into `Section.text` (paragraphs joined by
newlines, table rows as "cell | cell"), while the view renders the section as
HTML: a heading and a meta line first, tables as real tables, whitespace
collapsed. The offsets are mapped paragraph by paragraph: each paragraph's span
in `Section.text` (mirroring `iter_blocks`) is paired, in order, with the
rendered block showing the same words, then aligned character by character.
The same alignment read backwards turns a selection in the view into offsets
into `Section.text` (the reviewer's own findings).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from PySide6.QtGui import QTextCursor, QTextDocument

from desktop_app.document import Paragraph, Section
from desktop_app.ui.sections.section_html import HEADER_BLOCKS


def paragraph_spans(paragraphs: list[Paragraph]) -> list[tuple[int, int, int]]:
    """(paragraph index, start, end) of every paragraph with text, in `Section.text`."""
    spans: list[tuple[int, int, int]] = []
    pos, first = 0, True
    i, n = 0, len(paragraphs)
    while i < n:
        para = paragraphs[i]
        if para.row < 0:
            if para.text:
                pos += 0 if first else 1  # the "\n" between blocks
                first = False
                spans.append((i, pos, pos + len(para.text)))
                pos += len(para.text)
            i += 1
            continue
        cells: dict[int, list[int]] = {}
        row = para.row
        while i < n and paragraphs[i].row == row:
            if paragraphs[i].text:
                cells.setdefault(paragraphs[i].cell, []).append(i)
            i += 1
        if not cells:
            continue
        pos += 0 if first else 1
        first = False
        for k, (_cell, members) in enumerate(sorted(cells.items())):
            pos += 3 if k else 0  # " | " between cells
            for m, index in enumerate(members):
                pos += 1 if m else 0  # " " between paragraphs of one cell
                text = paragraphs[index].text
                spans.append((index, pos, pos + len(text)))
                pos += len(text)
    return spans


def _words(text: str) -> str:
    return " ".join(text.split())  # also splits on U+2028 (<br>) and U+00A0


def _align(source: str, shown: str) -> list[int]:
    """For each index of `source` (and its end), the index in `shown`.

    `shown` is `source` as HTML renders it: runs of whitespace collapsed to one
    space, leading and trailing whitespace dropped, line breaks as U+2028.
    """
    out = [0] * (len(source) + 1)
    j = 0
    for i, ch in enumerate(source):
        if ch.isspace():
            out[i] = j
            if j < len(shown) and shown[j].isspace() and (i == 0 or not source[i - 1].isspace()):
                j += 1
            continue
        while j < len(shown) and shown[j] != ch and shown[j].isspace():
            j += 1
        out[i] = min(j, len(shown))
        if j < len(shown):
            j += 1
    out[len(source)] = j
    return out


class QuoteLocator:
    """Maps `Section.text` offsets to positions in the view's QTextDocument.

    Build one per rendered section (it reads every block once).
    """

    def __init__(self, section: Section, document: QTextDocument) -> None:
        self._document = document
        self._starts: list[int] = []  # span starts in Section.text, ascending
        # start, end (in Section.text), block position, paragraph text, block text
        self._spans: list[tuple[int, int, int, str, str]] = []
        blocks = []
        block = document.begin()
        while block.isValid():
            blocks.append(block)
            block = block.next()
        self._body_start = blocks[HEADER_BLOCKS].position() if len(blocks) > HEADER_BLOCKS else 0
        b = HEADER_BLOCKS
        for index, start, end in paragraph_spans(section.paragraphs):
            text = section.paragraphs[index].text
            wanted = _words(text)
            if not wanted:
                continue
            k = b
            while k < len(blocks) and _words(blocks[k].text()) != wanted:
                k += 1
            if k == len(blocks):
                continue  # not rendered as expected: leave this paragraph unmapped
            self._starts.append(start)
            self._spans.append((start, end, blocks[k].position(), text, blocks[k].text()))
            b = k + 1
        self._aligned: dict[int, list[int]] = {}
        self._positions = [span[2] for span in self._spans]  # ascending, like the blocks

    def _alignment(self, span: tuple[int, int, int, str, str]) -> list[int]:
        aligned = self._aligned.get(span[0])
        if aligned is None:
            aligned = self._aligned[span[0]] = _align(span[3], span[4])
        return aligned

    def _position(self, offset: int, is_end: bool) -> int | None:
        if not self._spans:
            return None
        i = bisect_right(self._starts, offset) - 1
        if is_end and i >= 0 and self._spans[i][0] == offset and i > 0:
            i -= 1  # an end offset belongs to the span it closes
        if i < 0:
            return self._spans[0][2] if not is_end else None
        start, end, pos, source, shown = self._spans[i]
        if offset > end:  # between paragraphs (a separator): snap to an edge
            if not is_end:
                if i + 1 < len(self._spans):
                    return self._spans[i + 1][2]
                return None
            offset = end
        return pos + self._alignment(self._spans[i])[offset - start]

    def offsets(self, first: int, last: int) -> tuple[int, int] | None:
        """The `Section.text` offsets of the view's positions `first:last` (a
        selection), trimmed of surrounding whitespace; None when it holds no text
        of the section (the heading shown above it, say)."""
        start = self._offset(first, is_end=False)
        end = self._offset(last, is_end=True)
        if start is None or end is None or end <= start:
            return None
        return start, end

    def _offset(self, position: int, is_end: bool) -> int | None:
        i = bisect_right(self._positions, position) - 1
        inside = i >= 0 and position <= self._positions[i] + len(self._spans[i][4])
        if not inside:  # between blocks, or in the heading: snap to the nearest text
            if is_end:
                return self._spans[i][1] if i >= 0 else None
            return self._spans[i + 1][0] if i + 1 < len(self._spans) else None
        span = self._spans[i]
        start, _end, pos, source, _shown = span
        k = min(bisect_left(self._alignment(span), position - pos), len(source))
        if is_end:
            while k > 0 and source[k - 1].isspace():
                k -= 1
        else:
            while k < len(source) and source[k].isspace():
                k += 1
        return start + k

    def cursor(self, start: int | None, end: int | None, quote: str = "") -> QTextCursor | None:
        """A cursor selecting the passage, or None when it cannot be found.

        Offsets first; without them (an unanchored finding), the quote's first
        verbatim occurrence in the section body.
        """
        if start is not None and end is not None and end > start:
            a = self._position(start, is_end=False)
            b = self._position(end, is_end=True)
            if a is not None and b is not None and b > a:
                cursor = QTextCursor(self._document)
                cursor.setPosition(a)
                cursor.setPosition(b, QTextCursor.MoveMode.KeepAnchor)
                return cursor
        if quote.strip():
            found = self._document.find(quote.strip(), self._body_start,
                                        QTextDocument.FindFlag.FindCaseSensitively)
            if not found.isNull():
                return found
        return None
