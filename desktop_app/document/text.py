"""The text of one `w:p` as Word shows it with all changes accepted."""

from __future__ import annotations

from typing import NamedTuple

from lxml import etree

from desktop_app.document.body import MC_FALLBACK, MOVE_FROM, TXBX, P, w
from desktop_app.document.styles import outline_value as outline_level

T, TAB, BR, CR, NBH = w("t"), w("tab"), w("br"), w("cr"), w("noBreakHyphen")
R, RPR, VANISH, PPR, DEL, TABS = w("r"), w("rPr"), w("vanish"), w("pPr"), w("del"), w("tabs")
PSTYLE, OUTLINE, NUMPR, ILVL = w("pStyle"), w("outlineLvl"), w("numPr"), w("ilvl")
_TEXT_TAGS = (T, TAB, BR, CR, NBH)
# Skipped whole in the careful walk: moved-away text, the compatibility
# fallback copy of a drawing, nested text boxes (they are paragraphs of their
# own), and paragraph properties. Deleted text sits in w:delText, never w:t.
_SKIP = frozenset({MOVE_FROM, MC_FALLBACK, TXBX, PPR, DEL, w("instrText"), w("delText")})
_FALSE = ("0", "false", "off")
_VAL = w("val")
_B, _RSTYLE = w("b"), w("rStyle")


def _piece(el: etree._Element) -> str:
    tag = el.tag
    if tag == T:
        return el.text or ""
    if tag == TAB:
        return "\t"
    if tag == NBH:
        return "-"
    return "\n" if el.get(w("type")) not in ("page", "column") else " "


def fast_text(p: etree._Element) -> str:
    """For documents with no hidden text, moves, text boxes or fallbacks."""
    out = []
    for el in p.iter(_TEXT_TAGS):
        text = el.text
        if text is not None:  # only w:t carries text; skip the tag lookup for it
            out.append(text)
        elif el.tag != TAB or el.getparent().tag != TABS:  # w:tabs/w:tab is a tab stop
            out.append(_piece(el))
    return "".join(out)


def scan_paragraphs(body: etree._Element, *, tabs_are_text: bool = False,
                    max_paragraphs: int = 1 << 62) -> list[list] | None:
    """[text, style id, direct outline level, list level, the `w:p`] of every `w:p`,
    in one pass.

    For bodies that need no careful walk: one C-level iterator over the
    paragraphs, their properties and their text instead of several lookups
    per paragraph (the handbook: 8,152 paragraphs in ~60 instead of ~110 ms).
    Everything comes out in document order, so each element belongs to the
    paragraph yielded last. Tab stops (`w:tabs/w:tab`) always carry `w:val`;
    a tab character in a run never does. The caller rules out `w:pPrChange`,
    whose old properties would be read as current. `tabs_are_text`: the
    caller already turned run tabs into `<w:t>\t</w:t>` (see `tabs_to_text`),
    so the ~2 tab stops per paragraph need not be visited at all. None when
    the body has more than `max_paragraphs` (the caller refuses it). The
    element is kept: the iteration made its proxy anyway, and the caller
    needs it (a second walk to find it again cost ~14 ms on the handbook).
    """
    tags = (P, PSTYLE, OUTLINE, ILVL, NUMPR, T, BR, CR, NBH) + (() if tabs_are_text else (TAB,))
    rows: list[list] = []
    row: list = ["", None, None, None, None]  # catches anything before the first w:p
    parts: list[str] = []
    for el in body.iter(*tags):
        text = el.text
        if text is not None:
            parts.append(text)
            continue
        tag = el.tag
        if tag == P:
            if len(rows) >= max_paragraphs:
                return None
            row[0] = "".join(parts)
            parts = []
            row = ["", None, None, None, el]
            rows.append(row)
        elif tag == PSTYLE:
            row[1] = el.get(_VAL)
        elif tag == OUTLINE:
            row[2] = outline_level(el)
        elif tag == NUMPR:
            row[3] = 0 if row[3] is None else row[3]
        elif tag == ILVL:
            row[3] = _int(el.get(_VAL), 0)
        elif tag != TAB or el.get(_VAL) is None:
            parts.append(_piece(el))
    row[0] = "".join(parts)
    return rows


_W_PREFIX_DECL = b'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def tabs_to_text(data: bytes) -> bytes | None:
    """`<w:tab/>` in runs written as `<w:t>\t</w:t>`, or None if the prefix is not `w`.

    A run tab never has attributes and a tab stop always has (w:val, w:pos),
    so the bytes tell them apart; the text is the same either way.
    """
    if _W_PREFIX_DECL not in data[:8192]:
        return None
    return data.replace(b"<w:tab/>", b"<w:t>\t</w:t>")


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


def careful_text(p: etree._Element) -> str:
    parts: list[str] = []
    _collect(p, parts)
    return "".join(parts)


def _hidden(run: etree._Element) -> bool:
    rpr = run.find(RPR)
    if rpr is None:
        return False
    vanish = rpr.find(VANISH)
    return vanish is not None and vanish.get(_VAL, "1") not in _FALSE


def _collect(el: etree._Element, parts: list[str]) -> None:
    for child in el.iterchildren():
        tag = child.tag
        if not isinstance(tag, str) or tag in _SKIP:
            continue
        if tag == R:
            if _hidden(child):
                continue
            for sub in child.iterchildren():
                if sub.tag in _TEXT_TAGS:
                    parts.append(_piece(sub))
                elif isinstance(sub.tag, str) and sub.tag not in _SKIP and len(sub):
                    _collect(sub, parts)  # mc:AlternateContent etc. inside a run
        elif tag in _TEXT_TAGS:
            parts.append(_piece(child))
        else:
            _collect(child, parts)


def mark_deleted(p: etree._Element) -> bool:
    """The paragraph mark itself is a tracked deletion (merges with the next)."""
    ppr = p.find(PPR)
    if ppr is None:
        return False
    rpr = ppr.find(RPR)
    return rpr is not None and (rpr.find(DEL) is not None or rpr.find(w("moveFrom")) is not None)


def all_bold(p: etree._Element) -> bool:
    """Every run that carries text is bold (direct formatting)."""
    seen = False
    for run in p.iter(R):
        if run.find(T) is None:
            continue
        seen = True
        rpr = run.find(RPR)
        b = rpr.find(w("b")) if rpr is not None else None
        if b is None or b.get(_VAL, "1") in _FALSE:
            return False
    return seen


def runs_bold(p: etree._Element, paragraph_bold: bool, bold_run_styles: frozenset[str]) -> bool:
    """Every run that carries text shows bold: its own `w:b`, else its character
    style's, else the paragraph style's (`paragraph_bold`)."""
    if not paragraph_bold and next(p.iter(_B, _RSTYLE), None) is None:
        return False  # one search in C instead of a look at every run
    seen = False
    for run in p.iter(R):
        if run.find(T) is None:
            continue
        seen = True
        bold = paragraph_bold
        rpr = run.find(RPR)
        if rpr is not None:
            b = rpr.find(_B)
            if b is not None:
                bold = b.get(_VAL, "1") not in _FALSE
            elif bold_run_styles:
                rstyle = rpr.find(_RSTYLE)
                bold = bold or (rstyle is not None and rstyle.get(_VAL) in bold_run_styles)
        if not bold:
            return False
    return seen


class RunText(NamedTuple):
    """One run as `careful_text` reads it, for mapping text offsets back to runs.

    `pieces` pairs each direct text child (w:t, w:tab, ...) with its text, so a
    run can be cut inside; it is None when some text comes from nested markup
    (ruby, alternate content) or from a text element outside any run, which
    cannot be cut safely.
    """

    element: etree._Element
    text: str
    pieces: tuple[tuple[etree._Element, str], ...] | None


def run_texts(p: etree._Element) -> list[RunText]:
    """The runs of a paragraph with the text each adds, in the order of `careful_text`.

    Joined, the texts equal `careful_text(p)`; deleted, moved-away and hidden
    runs are left out exactly as there. Used by export, never by the loader.
    """
    out: list[RunText] = []
    _run_texts(p, out)
    return out


def _run_texts(el: etree._Element, out: list[RunText]) -> None:
    for child in el.iterchildren():
        tag = child.tag
        if not isinstance(tag, str) or tag in _SKIP:
            continue
        if tag == R:
            if _hidden(child):
                continue
            parts: list[str] = []
            pieces: list[tuple[etree._Element, str]] = []
            nested = False
            for sub in child.iterchildren():
                if sub.tag in _TEXT_TAGS:
                    piece = _piece(sub)
                    parts.append(piece)
                    pieces.append((sub, piece))
                elif isinstance(sub.tag, str) and sub.tag not in _SKIP and len(sub):
                    before = len(parts)
                    _collect(sub, parts)
                    nested = nested or any(parts[before:])
            out.append(RunText(child, "".join(parts), None if nested else tuple(pieces)))
        elif tag in _TEXT_TAGS:
            out.append(RunText(child, _piece(child), None))
        else:
            _run_texts(child, out)
