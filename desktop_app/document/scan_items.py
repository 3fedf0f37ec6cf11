"""The one-pass scan's rows (`text.scan_paragraphs`) as the loader's items.

The scan has each paragraph's element already; only the few paragraphs in
tables need a walk to place them (`table_cells`), where the loader used to
walk the whole body again for every paragraph's element and cell (~14 ms
of opening the handbook, 8,152 paragraphs).
"""

from __future__ import annotations

from operator import itemgetter

from lxml import etree

from desktop_app.document.body import W_NS, paragraphs_within
from desktop_app.document.model import ParagraphKind, new_paragraph
from desktop_app.document.outline import Item
from desktop_app.document.styles import StyleLevels

_COUNT_OWN_PARAGRAPHS = etree.XPath("count(w:p)", namespaces={"w": W_NS})
_ELEMENT = itemgetter(4)  # of a scanned row
_NO_CELL = (-1, -1)
# Enum members bound once: looking one up on its class is slow on Python 3.11.
_HEADING, _CELL, _LIST_ITEM, _BODY = (
    ParagraphKind.HEADING, ParagraphKind.TABLE_CELL, ParagraphKind.LIST_ITEM, ParagraphKind.BODY)
_NO_LEVEL = -1  # an outline level that says "body text"


def table_cells(body: etree._Element, scanned: list[list]) -> dict[int, tuple[int, int]] | None:
    """{anchor: (row, cell)} of the scanned paragraphs that sit in tables, or None
    when the scan's paragraphs are not exactly those `body_paragraphs` yields.

    The walk yields a subset of the `w:p` elements in document order (the
    body's own, and those it finds in tables, content controls, ...): as many
    as the scan saw is the same sequence. Only the few below the body's
    children are walked to; the body's own `w:p` are counted in C.
    """
    within = list(paragraphs_within(body))
    if int(_COUNT_OWN_PARAGRAPHS(body)) + len(within) != len(scanned):
        return None
    cells: dict[int, tuple[int, int]] = {}
    if within:
        elements = list(map(_ELEMENT, scanned))
        i = -1
        for slot in within:
            i = elements.index(slot.element, i + 1)  # (in C; the same proxy: kept alive)
            if slot.row >= 0:
                cells[i] = (slot.row, slot.cell)
    return cells


def scanned_items(scanned: list[list], cells: dict[int, tuple[int, int]], styles: StyleLevels
                  ) -> tuple[list[Item], bool]:
    """The scan's paragraphs as items (heading level or None); and whether any is a heading.

    As the loader's walk makes them, but the scan path rules text boxes out.
    (Taking the rows apart into columns and building the items with `map`
    was measured too: no faster, the two objects per paragraph are the cost.)
    """
    items: list[Item] = []
    append = items.append
    any_heading = False
    level_of = styles.level_of_id  # a dict's get: no call of our own per paragraph
    default_style = styles.default_style
    cell_of = cells.get
    for anchor, (text, style_id, direct_level, list_level, p) in enumerate(scanned):
        heading = None
        if text and not text.isspace():  # (no stripped copy made)
            heading = direct_level if direct_level is not None else level_of(
                style_id if style_id is not None else default_style)
            if heading == _NO_LEVEL:
                heading = None
        row, cell = cell_of(anchor, _NO_CELL)
        if heading is not None:
            any_heading = True
            kind = _HEADING
        elif row >= 0:
            kind = _CELL
        elif list_level is not None:
            kind = _LIST_ITEM
        else:
            kind = _BODY
        append(Item(new_paragraph(
            (anchor, text, kind, heading if heading is not None else (list_level or 0), row,
             cell, (), False)), heading, p, style_id))
    return items, any_heading
