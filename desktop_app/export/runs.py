"""Find the run where a paragraph offset falls, cutting the run there if needed.

Offsets count the text as the loader reads it (`document.text.run_texts`), so
deleted, moved-away and hidden runs take no room and are never cut.
"""

from __future__ import annotations

import copy

from lxml import etree

from desktop_app.document.body import P, w
from desktop_app.document.text import RunText, run_texts

RPR, T = w("rPr"), w("t")
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


class Boundary:
    """An element to put a range marker before (start) or after (end).

    `exact` is False when the offset fell inside a run that cannot be cut, and
    the boundary was widened to the whole run.
    """

    __slots__ = ("element", "exact")

    def __init__(self, element: etree._Element, exact: bool) -> None:
        self.element = element
        self.exact = exact


def start_boundary(p: etree._Element, offset: int) -> Boundary | None:
    """The run where the text from `offset` on begins, cut off at `offset`."""
    pos = 0
    for seg in run_texts(p):
        length = len(seg.text)
        if pos <= offset < pos + length:
            if offset == pos:
                return Boundary(seg.element, True)
            if seg.pieces is None:
                return Boundary(seg.element, False)
            return Boundary(split_run(seg, offset - pos)[1], True)
        pos += length
    return None


def end_boundary(p: etree._Element, offset: int) -> Boundary | None:
    """The run where the text up to `offset` ends, cut off at `offset`."""
    pos = 0
    for seg in run_texts(p):
        length = len(seg.text)
        if pos < offset <= pos + length:
            if offset == pos + length:
                return Boundary(seg.element, True)
            if seg.pieces is None:
                return Boundary(seg.element, False)
            return Boundary(split_run(seg, offset - pos)[0], True)
        pos += length
    return None


def split_run(seg: RunText, at: int) -> tuple[etree._Element, etree._Element]:
    """Cut a run in two at text offset `at` (0 < at < len); both keep its rPr.

    The right half is a deep copy of the run (attributes and formatting), then
    each half drops the content the other keeps. A w:t cut in the middle keeps
    its head on the left and its tail on the right. Empty-text children at the
    cut (bookmarks of fields, drawings) stay on the left.
    """
    run = seg.element
    assert seg.pieces is not None and 0 < at < len(seg.text)
    widths = {el: len(text) for el, text in seg.pieces}
    right = copy.deepcopy(run)
    left_kids = [c for c in run if c.tag != RPR]
    right_kids = [c for c in right if c.tag != RPR]
    pos, going_right = 0, False
    for lk, rk in zip(left_kids, right_kids, strict=True):
        width = widths.get(lk, 0)
        if going_right or (width and pos >= at):
            going_right = True
            run.remove(lk)
        elif width and pos + width > at:  # only a w:t is wider than one character
            cut = at - pos
            lk.text, rk.text = (lk.text or "")[:cut], (lk.text or "")[cut:]
            lk.set(XML_SPACE, "preserve")
            rk.set(XML_SPACE, "preserve")
            going_right = True
        else:
            right.remove(rk)
        pos += width
    run.addnext(right)
    return run, right


def paragraph_of(el: etree._Element) -> etree._Element | None:
    """The nearest enclosing w:p."""
    parent = el.getparent()
    while parent is not None and parent.tag != P:
        parent = parent.getparent()
    return parent


def top_level(el: etree._Element, p: etree._Element) -> etree._Element:
    """The ancestor of `el` (or `el`) that is a direct child of `p`."""
    while el.getparent() is not p:
        el = el.getparent()
    return el
