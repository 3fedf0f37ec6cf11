"""Comment range markers: where `w:commentRangeStart/End` and the reference go.

Markers go beside the boundary runs. When a run is the first (or last) thing
in a hyperlink, tracked insertion, content control or simple field, the marker
moves out to stand beside that container instead, so that in the common case
all three are children of the `w:p`; otherwise it stays inside, where the
schema allows range markup too. The reference run always goes after the
container that holds the range end, never inside a hyperlink or an insertion.
"""

from __future__ import annotations

from lxml import etree

from desktop_app.document.body import W_NS, P, w
from desktop_app.export.runs import top_level

PPR, R, RPR = w("pPr"), w("r"), w("rPr")
RANGE_START, RANGE_END, REFERENCE = w("commentRangeStart"), w("commentRangeEnd"), w(
    "commentReference")
_CONTAINERS = frozenset(w(t) for t in (
    "hyperlink", "ins", "smartTag", "customXml", "sdtContent", "sdt", "fldSimple", "moveTo",
    "dir", "bdo"))
# Parents in which range markup is valid (EG_PContent and run-level track changes).
_MARKER_PARENTS = (_CONTAINERS - {w("sdt")}) | {P}
_W_ID = w("id")


def w_element(tag: str, attrs: dict[str, str] | None = None) -> etree._Element:
    """A WordprocessingML element: `w_element("w:r")`, attributes by their Clark names."""
    prefix, _, local = tag.partition(":")
    assert prefix == "w", tag
    el = etree.Element(w(local), nsmap={"w": W_NS})
    for key, value in (attrs or {}).items():
        el.set(key, value)
    return el


def _is_property(el: etree._Element) -> bool:
    tag = el.tag
    if not isinstance(tag, str):
        return True  # XML comments and processing instructions
    local = etree.QName(tag).localname
    return local.endswith("Pr") or local == "fldData"


def _hoist(el: etree._Element, p: etree._Element, first: bool) -> etree._Element:
    while True:
        parent = el.getparent()
        if parent is None or parent is p or parent.tag not in _CONTAINERS:
            return el
        content = [c for c in parent if not _is_property(c)]
        if not content or (content[0] if first else content[-1]) is not el:
            return el
        el = parent


def _marker(tag: str, comment_id: int) -> etree._Element:
    return w_element(f"w:{etree.QName(tag).localname}", attrs={_W_ID: str(comment_id)})


def reference_run(comment_id: int) -> etree._Element:
    run = w_element("w:r")
    rpr = w_element("w:rPr")
    rpr.append(w_element("w:rStyle", attrs={w("val"): "CommentReference"}))
    run.append(rpr)
    run.append(_marker(REFERENCE, comment_id))
    return run


def mark_range(start_p: etree._Element, start_el: etree._Element, end_p: etree._Element,
               end_el: etree._Element, comment_id: int) -> bool:
    """Put the range around start_el..end_el; False (nothing changed) if it cannot."""
    first = _hoist(start_el, start_p, True)
    last = _hoist(end_el, end_p, False)
    if first.getparent().tag not in _MARKER_PARENTS or last.getparent().tag not in _MARKER_PARENTS:
        return False
    first.addprevious(_marker(RANGE_START, comment_id))
    end = _marker(RANGE_END, comment_id)
    last.addnext(end)
    top_level(end, end_p).addnext(reference_run(comment_id))
    return True


def mark_paragraph(p: etree._Element, comment_id: int) -> None:
    """Put the range around the whole paragraph (always possible)."""
    ppr = p.find(PPR)
    if ppr is not None:
        ppr.addnext(_marker(RANGE_START, comment_id))
    else:
        p.insert(0, _marker(RANGE_START, comment_id))
    p.append(_marker(RANGE_END, comment_id))
    p.append(reference_run(comment_id))


def comment_ids_in(root: etree._Element) -> set[int]:
    """Comment ids the part already uses in markers (even for comments that are gone)."""
    ids = set()
    for el in root.iter(RANGE_START, RANGE_END, REFERENCE):
        value = el.get(_W_ID, "")
        if value.lstrip("-").isdigit():
            ids.add(int(value))
    return ids
