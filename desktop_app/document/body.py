"""One walk over `w:body`: which `w:p` elements count, in which order.

The order defined here *is* the paragraph anchor: the loader numbers the
paragraphs it yields, and export walks the original file with the same
function to find paragraph N again. Change it and stored anchors break.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial
from typing import NamedTuple

from lxml import etree

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"


def w(tag: str) -> str:
    return f"{{{W_NS}}}{tag}"


P, TBL, TR, TC, SDT, SDT_CONTENT = w("p"), w("tbl"), w("tr"), w("tc"), w("sdt"), w("sdtContent")
CUSTOM_XML, INS, MOVE_TO, TXBX = w("customXml"), w("ins"), w("moveTo"), w("txbxContent")
DEL, MOVE_FROM, TR_PR = w("del"), w("moveFrom"), w("trPr")
BODY = w("body")
MC_FALLBACK = f"{{{MC_NS}}}Fallback"
# Containers whose block-level children are read as if they stood in place.
_TRANSPARENT = frozenset({CUSTOM_XML, INS, MOVE_TO})
# The body's children that may hold paragraphs besides `w:p` itself.
_WITHIN = (TBL, SDT, CUSTOM_XML, INS, MOVE_TO)


class Slot(NamedTuple):
    """Where a yielded paragraph sits: table row/cell, or inside a text box."""

    element: etree._Element
    row: int = -1
    cell: int = -1
    textbox: bool = False


# A Slot straight from its fields' tuple, without the named tuple's own
# `__new__` (a Python function): this runs once per paragraph of a document.
_slot = partial(tuple.__new__, Slot)


class _RowCounter:
    __slots__ = ("n",)

    def __init__(self) -> None:
        self.n = -1

    def next(self) -> int:
        self.n += 1
        return self.n


def body_paragraphs(body: etree._Element, with_textboxes: bool = True) -> Iterator[Slot]:
    """Yield every anchored paragraph of the body in document order.

    Text-box paragraphs come right after the paragraph that holds the box.
    Deleted table rows (tracked) are skipped, as Word shows them once accepted.
    `with_textboxes=False` is a fast path for documents that have none.
    """
    return _blocks(body.iterchildren(), -1, -1, False, _RowCounter(), with_textboxes)


def paragraphs_within(body: etree._Element) -> Iterator[Slot]:
    """What `body_paragraphs(body, with_textboxes=False)` yields for paragraphs that
    are not children of the body (in tables, content controls, ...), in order.

    With the body's own `w:p` children, in document order, they are all it
    yields: a loader that has the paragraphs in document order already need
    only place the few that sit in tables (a generator step per paragraph of
    the handbook costs ~14 ms, 5% of opening it).
    """
    return _blocks(body.iterchildren(*_WITHIN), -1, -1, False, _RowCounter(), False)


def _blocks(
    children: Iterator[etree._Element], row: int, cell: int, textbox: bool, rows: _RowCounter,
    tb: bool
) -> Iterator[Slot]:
    for child in children:
        tag = child.tag
        if tag == P:
            yield _slot((child, row, cell, textbox))
            if tb:
                for box in textboxes(child):
                    yield from _blocks(box.iterchildren(), -1, -1, True, rows, tb)
        elif tag == TBL:
            yield from _table(child, textbox, rows, tb)
        elif tag == SDT:
            content = child.find(SDT_CONTENT)
            if content is not None:
                yield from _blocks(content.iterchildren(), row, cell, textbox, rows, tb)
        elif tag in _TRANSPARENT:
            yield from _blocks(child.iterchildren(), row, cell, textbox, rows, tb)


def _children(parent: etree._Element, tag: str) -> Iterator[etree._Element]:
    """Children with `tag`, looking through content controls and customXml."""
    for child in parent.iterchildren():
        if child.tag == tag:
            yield child
        elif child.tag == SDT:
            content = child.find(SDT_CONTENT)
            if content is not None:
                yield from _children(content, tag)
        elif child.tag == CUSTOM_XML:
            yield from _children(child, tag)


def _row_deleted(tr: etree._Element) -> bool:
    props = tr.find(TR_PR)
    return props is not None and props.find(DEL) is not None


def _table(tbl: etree._Element, textbox: bool, rows: _RowCounter, tb: bool) -> Iterator[Slot]:
    for tr in _children(tbl, TR):
        if _row_deleted(tr):
            continue
        row = rows.next()
        for ci, tc in enumerate(_children(tr, TC)):
            yield from _blocks(tc.iterchildren(), row, ci, textbox, rows, tb)


def textboxes(el: etree._Element) -> Iterator[etree._Element]:
    """Outermost `w:txbxContent` under `el`, skipping `mc:Fallback` duplicates."""
    for child in el.iterchildren():
        tag = child.tag
        if tag == TXBX:
            yield child
        elif tag == MC_FALLBACK or not isinstance(tag, str):
            continue
        else:
            yield from textboxes(child)


def find_body(root: etree._Element) -> etree._Element | None:
    return root.find(BODY)
