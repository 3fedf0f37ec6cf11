"""`load_document`: a .docx file -> `Document`, in one pass over the body."""

from __future__ import annotations

import hashlib
import os

from lxml import etree

from desktop_app.document.body import body_paragraphs, find_body, w
from desktop_app.document.errors import DocumentError, RefusalKind
from desktop_app.document.model import Document, Paragraph, ParagraphKind
from desktop_app.document.outline import (
    HEADING_MAX_CHARS,
    Item,
    apply_fallback_headings,
    build_tree,
    clean_title,
    split_into_parts,
)
from desktop_app.document.package import Limits, open_package, parse_xml
from desktop_app.document.styles import TITLE_LEVEL, StyleLevels, outline_value
from desktop_app.document.text import (
    all_bold,
    careful_text,
    fast_text,
    mark_deleted,
    scan_paragraphs,
    tabs_to_text,
)

_PPR, _PSTYLE, _OUTLINE, _NUMPR, _ILVL = w("pPr"), w("pStyle"), w("outlineLvl"), w("numPr"), w(
    "ilvl"
)
_VAL = w("val")
DC_TITLE = "{http://purl.org/dc/elements/1.1/}title"
# Markers in the raw XML that need the careful (slower) text walk.
_CAREFUL_MARKERS = (b"moveFrom", b"vanish", b"AlternateContent", b"txbxContent")


def load_document(path: str, **limits: int) -> Document:
    path = os.fspath(path)
    pkg = open_package(path, Limits(**limits))
    sha = _sha256(path)
    data = pkg.document_xml
    one_pass = can_scan(data)
    tabs_are_text = False
    if one_pass:  # cheaper to scan; the original bytes are what export reads
        rewritten = tabs_to_text(data)
        if rewritten is not None:
            data, tabs_are_text = rewritten, True
    root = parse_xml(data, "the main document part")
    body = find_body(root)
    if body is None:
        raise DocumentError(RefusalKind.DAMAGED, "damaged: the document has no body")
    styles = StyleLevels(parse_xml(pkg.styles_xml, "styles.xml") if pkg.styles_xml else None)

    scanned = None
    if one_pass:  # and so none of the markers below is present
        careful = has_boxes = may_delete_marks = False
        scanned = scan_paragraphs(body, tabs_are_text=tabs_are_text)
    else:
        careful = any(m in data for m in _CAREFUL_MARKERS)
        has_boxes = b"txbxContent" in data
        may_delete_marks = b"w:del " in data or b"moveFrom" in data
    walk = (body, has_boxes, styles, careful, may_delete_marks)
    items, any_heading, count = _walk(*walk, scanned)
    if scanned is not None and count != len(scanned):  # a container only one walk enters
        items, any_heading, count = _walk(*walk, None)

    doc_title = _core_title(pkg.core_xml) or _title_from(items) or _stem(path)
    if any_heading or apply_fallback_headings(items):
        sections = build_tree(items)
    else:
        sections = split_into_parts([it.para for it in items], "")
    if not sections:
        raise DocumentError(
            RefusalKind.EMPTY,
            "empty: the document has no text to review (only empty paragraphs, images or fields)",
        )
    return Document(path, sha, doc_title, sections, count, pkg.strict)


def can_scan(data: bytes) -> bool:
    """Whether one pass over the body gives what the per-paragraph walk would.

    Not when text needs the careful walk, when a tracked deletion may drop a
    row or a paragraph, or when tracked formatting changes (`w:pPrChange`)
    carry old paragraph properties the pass would read as current.
    """
    return not (any(m in data for m in _CAREFUL_MARKERS) or b"w:del " in data
                or b"moveFrom" in data or b"pPrChange" in data)


def _walk(body: etree._Element, has_boxes: bool, styles: StyleLevels, careful: bool,
          may_delete_marks: bool, scanned: list[tuple] | None) -> tuple[list[Item], bool, int]:
    """Paragraphs as items (heading level or None); returns (items, any heading, count)."""
    items: list[Item] = []
    any_heading = False
    anchor = -1
    for slot in body_paragraphs(body, with_textboxes=has_boxes):
        anchor += 1
        p = slot.element
        if scanned is not None:
            if anchor >= len(scanned):
                return items, any_heading, anchor + 1  # mismatch: the caller walks again
            text, style_id, direct_level, list_level = scanned[anchor]
        else:
            text = careful_text(p) if careful else fast_text(p)
            if may_delete_marks and mark_deleted(p) and not text.strip():
                continue  # a wholly deleted paragraph is gone once changes are accepted
            style_id, direct_level, list_level = _paragraph_props(p)
        heading = None
        if not slot.textbox and text.strip():
            heading = direct_level if direct_level is not None else styles.level(style_id)
            if heading == -1:
                heading = None
        if heading is not None:
            any_heading = True
            kind = ParagraphKind.HEADING
        elif slot.row >= 0:
            kind = ParagraphKind.TABLE_CELL
        elif slot.textbox:
            kind = ParagraphKind.TEXT_BOX
        elif list_level is not None:
            kind = ParagraphKind.LIST_ITEM
        else:
            kind = ParagraphKind.BODY
        para = Paragraph(
            anchor, text, kind, heading if heading is not None else (list_level or 0),
            slot.row, slot.cell,
        )
        item = Item(para, heading)
        if not any_heading and len(text) <= HEADING_MAX_CHARS and text.strip():
            item.bold = all_bold(p)  # only needed if the document turns out to have no headings
        items.append(item)
    return items, any_heading, anchor + 1


def _paragraph_props(p: etree._Element) -> tuple[str | None, int | None, int | None]:
    """(style id, direct outline level, list level) from the paragraph's pPr.

    The schema puts pPr first, so looking at child 0 beats a find() per paragraph.
    """
    if not len(p) or p[0].tag != _PPR:
        return None, None, None
    style_id = direct = list_level = None
    for child in p[0]:
        tag = child.tag
        if tag == _PSTYLE:
            style_id = child.get(_VAL)
        elif tag == _OUTLINE:
            direct = outline_value(child)
        elif tag == _NUMPR:
            ilvl = child.find(_ILVL)
            try:
                list_level = int(ilvl.get(_VAL, "0")) if ilvl is not None else 0
            except ValueError:
                list_level = 0
    return style_id, direct, list_level


def _core_title(core_xml: bytes | None) -> str | None:
    if not core_xml:
        return None
    try:
        root = parse_xml(core_xml, "docProps/core.xml")
    except DocumentError:
        return None  # a damaged metadata part should not refuse the document
    el = root.find(DC_TITLE)
    title = (el.text or "").strip() if el is not None else ""
    return clean_title(title) if title else None


def _title_from(items: list[Item]) -> str | None:
    first_heading = None
    for it in items:
        if it.heading == TITLE_LEVEL:
            return clean_title(it.para.text)
        if it.heading is not None and first_heading is None:
            first_heading = clean_title(it.para.text)
    return first_heading


def _stem(path: str) -> str:
    return os.path.splitext(os.path.basename(path))[0]


def _sha256(path: str) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()
