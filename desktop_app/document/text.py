"""The text of one `w:p` as Word shows it with all changes accepted."""

from __future__ import annotations

from lxml import etree

from desktop_app.document.body import MC_FALLBACK, MOVE_FROM, TXBX, w

T, TAB, BR, CR, NBH = w("t"), w("tab"), w("br"), w("cr"), w("noBreakHyphen")
R, RPR, VANISH, PPR, DEL, TABS = w("r"), w("rPr"), w("vanish"), w("pPr"), w("del"), w("tabs")
_TEXT_TAGS = (T, TAB, BR, CR, NBH)
# Skipped whole in the careful walk: moved-away text, the compatibility
# fallback copy of a drawing, nested text boxes (they are paragraphs of their
# own), and paragraph properties. Deleted text sits in w:delText, never w:t.
_SKIP = frozenset({MOVE_FROM, MC_FALLBACK, TXBX, PPR, DEL, w("instrText"), w("delText")})
_FALSE = ("0", "false", "off")
_VAL = w("val")


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
