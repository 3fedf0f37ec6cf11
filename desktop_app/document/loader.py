"""`load_document`: a .docx file -> `Document`, in one pass over the body."""

from __future__ import annotations

import gc
import os
from collections.abc import Iterator
from contextlib import contextmanager
from itertools import compress, count, repeat
from operator import attrgetter, is_not

from lxml import etree

from desktop_app.document.body import (
    DEL,
    MC_NS,
    MOVE_FROM,
    TXBX,
    body_paragraphs,
    find_body,
    w,
)
from desktop_app.document.code_spans import mark_code, runs_may_be_code
from desktop_app.document.contents import mark_contents, settle_after_contents
from desktop_app.document.errors import DocumentError, RefusalKind
from desktop_app.document.manual import Formatting, refine_long_sections
from desktop_app.document.model import Document, ParagraphKind, new_paragraph
from desktop_app.document.outline import (
    HEADING_MAX_CHARS,
    Item,
    apply_fallback_headings,
    build_tree,
    clean_title,
    split_into_parts,
)
from desktop_app.document.package import (
    Limits,
    Package,
    open_package,
    parse_xml,
    too_many_paragraphs,
)
from desktop_app.document.scan_items import scanned_items, table_cells
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
_P = w("p")
_FIGURES = (w("drawing"), w("pict"), w("object"))
DC_TITLE = "{http://purl.org/dc/elements/1.1/}title"
# Enum members bound once: looking one up on its class costs ~10 plain attribute
# reads on Python 3.11, and the walk does it for every paragraph.
_HEADING, _CELL, _TEXT_BOX, _LIST_ITEM, _BODY = (
    ParagraphKind.HEADING, ParagraphKind.TABLE_CELL, ParagraphKind.TEXT_BOX,
    ParagraphKind.LIST_ITEM, ParagraphKind.BODY)
_TEXT_OF, _HEADING_OF = attrgetter("para.text"), attrgetter("heading")  # (passes in C)
# Elements whose text needs the careful (slower) walk, and all that rule out one pass.
_CAREFUL = frozenset({MOVE_FROM, w("vanish"), f"{{{MC_NS}}}AlternateContent", TXBX})
_MARKERS = _CAREFUL | {DEL, w("pPrChange")}
_ALT_CHUNK, _TEXT = w("altChunk"), w("t")


def load_document(path: str, **limits: int) -> Document:
    with _cyclic_gc_paused():
        return _load(os.fspath(path), **limits)


@contextmanager
def _cyclic_gc_paused() -> Iterator[None]:
    """The cyclic garbage collector off while a document is read.

    Reading allocates an item, a paragraph and an element proxy per paragraph
    that all live to the end, and every collection the allocations trigger
    walks them all again for nothing: ~3% of opening the handbook. (Another
    thread's collector is off meanwhile too; it is only put back on if it was.)
    """
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


def _load(path: str, **limits: int) -> Document:
    limit = Limits(**limits)
    pkg = open_package(path, limit)
    sha = pkg.sha256
    styles = StyleLevels(parse_xml(pkg.styles_xml, "styles.xml") if pkg.styles_xml else None)
    code_runs = runs_may_be_code(pkg.document_xml, styles)
    root, tabs_are_text = _parse_main(pkg)
    body = find_body(root)
    if body is None:
        raise DocumentError(RefusalKind.DAMAGED, "damaged: the document has no body")

    _refuse_alt_chunks(body)
    present = markers_in(body)
    items = None
    careful = has_boxes = may_delete_marks = False
    if can_scan(present):  # and so none of the markers is present
        scanned = scan_paragraphs(body, tabs_are_text=tabs_are_text,
                                  max_paragraphs=limit.max_paragraphs)
        if scanned is None:
            raise too_many_paragraphs(limit.max_paragraphs)
        cells = table_cells(body, scanned)
        if cells is not None:
            items, any_heading = scanned_items(scanned, cells, styles)
            count = len(items)
        del scanned
    else:
        careful = bool(present & _CAREFUL)
        has_boxes = TXBX in present
        may_delete_marks = DEL in present or MOVE_FROM in present
    if items is None:  # the markers, or a paragraph only one of the walks enters
        items, any_heading, count = _walk(body, has_boxes, styles, careful, may_delete_marks,
                                          limit.max_paragraphs)

    mark_code(items, styles, body, code_runs, careful)
    _mark_quotes(items, styles.quote_paragraph_styles)
    doc_title = _core_title(pkg.core_xml) or _title_from(items) or _stem(path)
    fmt = Formatting(styles)
    top = _top_level(items)
    texts = list(map(_TEXT_OF, items))
    tails = mark_contents(items, texts, body, styles.toc_styles, top)
    if not any_heading:
        _mark_bold(items)
    if any_heading or apply_fallback_headings(items) or tails is not None:
        refine_long_sections(items, texts, fmt, top)
        if tails:
            settle_after_contents(items, tails, fmt)
        sections = build_tree(items)
    else:
        sections = split_into_parts([it.para for it in items], "")
    if not sections:
        raise DocumentError(
            RefusalKind.EMPTY,
            "empty: the document has no text to review (only empty paragraphs, images or fields)",
        )
    figures = figure_anchors(body, items)
    # The items' list and the texts' (64 KB each on the handbook) go before the
    # tree, as the XML bytes did (see `_parse_main`): a block that large freed
    # after the tree's ~1e5 small ones makes glibc consolidate them all at once.
    del items, texts
    return Document(path, sha, doc_title, sections, count, pkg.strict, figures)


def _parse_main(pkg: Package) -> tuple[etree._Element, bool]:
    """The main part parsed, and whether run tabs were turned into text.

    Run tabs become text first: the one-pass scan then need not visit them,
    and every walk reads `<w:t>\t</w:t>` as it reads `<w:tab/>`. (Export reads
    the file.) The part's bytes are let go as soon as they are parsed, before
    the tree: freed after it, they were the first large block glibc got back,
    and it consolidated the tree's ~1e5 small blocks (and gave memory back to
    the system) there and then, ~35 ms inside the open of the handbook. Let
    go first, that work falls where it does for a bare
    `etree.fromstring(zf.read(...))`: at the next large allocation, whoever
    makes it (see bench/open_bench.py). Also 10 MB less at the peak.
    """
    data = tabs_to_text(pkg.document_xml)
    tabs_are_text = data is not None
    if data is None:
        data = pkg.document_xml
    pkg.document_xml = b""  # this copy and `data` are the only references
    return parse_xml(data, "the main document part"), tabs_are_text


def _refuse_alt_chunks(body: etree._Element) -> None:
    """Text pasted in as a whole HTML, MHT, RTF or text file (`w:altChunk`) is not
    WordprocessingML: Word turns it into paragraphs only when it opens the file.
    Reading it would need a converter per format, and comments could not be
    anchored in it; Word itself converts it for good on Save."""
    chunks = sum(1 for _ in body.iter(_ALT_CHUNK))  # (free when there is none)
    if chunks:
        several = f"{chunks} embedded chunks" if chunks > 1 else "an embedded chunk"
        some = "part of its text" if next(body.iter(_TEXT), None) is not None else "its text"
        raise DocumentError(
            RefusalKind.UNSUPPORTED,
            f"not supported: {some} is in {several} (altChunk: HTML or other text pasted in "
            "whole), which Word converts only when it opens the file; open it in Word, save "
            "it, and open the saved copy")


def markers_in(body: etree._Element) -> frozenset[str]:
    """Which of the elements that call for the paragraph-by-paragraph walk occur.

    Free when they are absent: lxml knows a name the document never uses
    matches nothing (five byte searches of a 5 MB body cost ~5% of an open).
    """
    return frozenset(tag for tag in _MARKERS if next(body.iter(tag), None) is not None)


def can_scan(present: frozenset[str]) -> bool:
    """Whether one pass over the body gives what the per-paragraph walk would.

    Not when text needs the careful walk, when a tracked deletion may drop a
    row or a paragraph, or when tracked formatting changes (`w:pPrChange`)
    carry old paragraph properties the pass would read as current.
    """
    return not present


def _walk(body: etree._Element, has_boxes: bool, styles: StyleLevels, careful: bool,
          may_delete_marks: bool, max_paragraphs: int) -> tuple[list[Item], bool, int]:
    """Paragraphs as items (heading level or None), one `w:p` at a time, for bodies
    the scan cannot read; returns (items, any heading, count)."""
    items: list[Item] = []
    any_heading = False
    anchor = -1
    level_of = styles.level_of_id
    default_style = styles.default_style
    for p, row, cell, in_box in body_paragraphs(body, with_textboxes=has_boxes):
        anchor += 1
        if anchor >= max_paragraphs:
            raise too_many_paragraphs(max_paragraphs)
        text = careful_text(p) if careful else fast_text(p)
        if may_delete_marks and mark_deleted(p) and not text.strip():
            continue  # a wholly deleted paragraph is gone once changes are accepted
        style_id, direct_level, list_level = _paragraph_props(p)
        heading = None
        if not in_box and text and not text.isspace():
            if direct_level is not None:
                heading = direct_level
            else:
                heading = level_of(style_id if style_id is not None else default_style)
            if heading == -1:
                heading = None
        if heading is not None:
            any_heading = True
            kind = _HEADING
        elif row >= 0:
            kind = _CELL
        elif in_box:
            kind = _TEXT_BOX
        elif list_level is not None:
            kind = _LIST_ITEM
        else:
            kind = _BODY
        para = new_paragraph(
            (anchor, text, kind, heading if heading is not None else (list_level or 0), row, cell,
             (), False))
        items.append(Item(para, heading, p, style_id))
    return items, any_heading, anchor + 1


def figure_anchors(body: etree._Element, items: list[Item]) -> frozenset[int]:
    """The anchors of the paragraphs holding a drawing (picture, chart, shape), a VML
    picture or an embedded object. Free when there is none (see `markers_in`)."""
    holders = {next(el.iterancestors(_P), None) for el in body.iter(*_FIGURES)}
    holders.discard(None)
    if not holders:
        return frozenset()
    # The items hold the paragraphs' elements, so lxml hands back the same proxies.
    return frozenset(it.para.anchor for it in items if it.element in holders)


def _mark_quotes(items: list[Item], quote_styles: frozenset[str]) -> None:
    """Set `quote` on the body paragraphs of a quotation style (see Paragraph.quote)."""
    if not quote_styles:
        return
    for it in items:
        if it.style in quote_styles and it.heading is None and it.para.row < 0:
            it.para = new_paragraph((*it.para[:7], True))


def _mark_bold(items: list[Item]) -> None:
    """Short lines wholly bold: the fallback headings of a document without any.

    Only then: looked up for every short line, it cost ~1 ms of every open.
    """
    for it in items:
        text = it.para.text
        if text and not text.isspace() and len(text) <= HEADING_MAX_CHARS:
            it.bold = all_bold(it.element)


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


def _top_level(items: list[Item]) -> int:
    """The level of the document's top headings (below a Title), 1 without any."""
    return min(filter(None, map(_HEADING_OF, items)), default=1)


def _core_title(core_xml: bytes | None) -> str | None:
    if not core_xml:
        return None
    try:
        root = parse_xml(core_xml, "docProps/core.xml")
    except DocumentError as err:
        if err.kind is RefusalKind.UNSAFE_XML:  # a copy written back would carry it on
            raise
        return None  # a damaged metadata part should not refuse the document
    el = root.find(DC_TITLE)
    title = (el.text or "").strip() if el is not None else ""
    return clean_title(title) if title else None


def _title_from(items: list[Item]) -> str | None:
    """The Title-styled heading, else the first heading (found in C: a pass per document)."""
    headings = list(map(_HEADING_OF, items))
    if TITLE_LEVEL in headings:
        return clean_title(items[headings.index(TITLE_LEVEL)].para.text)
    first = next(compress(count(), map(is_not, headings, repeat(None))), None)
    return clean_title(items[first].para.text) if first is not None else None


def _stem(path: str) -> str:
    return os.path.splitext(os.path.basename(path))[0]
