"""The comments part: the document's own comments kept as they are, ours appended.

A comment is written as Word writes one: paragraphs styled CommentText, the
first opening with the annotation reference mark; a tab becomes `w:tab` and
each line its own paragraph. Ids go above every id the comments part and
the body already use (the body may still mark a comment whose entry was lost).
"""

from __future__ import annotations

from lxml import etree

from desktop_app.document.body import W_NS, w
from desktop_app.export.opc import serialize
from desktop_app.export.runs import XML_SPACE

R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"
REL_TYPE = "/comments"  # after .../officeDocument/2006/relationships or the Strict equivalent
COMMENT = w("comment")
_NSMAP = {"w": W_NS, "r": R_NS}
_ID, _AUTHOR, _INITIALS, _DATE = w("id"), w("author"), w("initials"), w("date")
_MAX_ID = 2**31 - 1  # ST_DecimalNumber as Word reads it


def _el(parent: etree._Element, tag: str, **attrs: str) -> etree._Element:
    el = etree.SubElement(parent, w(tag))  # the part's own prefix for w, whatever it is
    for key, value in attrs.items():
        el.set(w(key), value)
    return el


class CommentsPart:
    def __init__(self, root: etree._Element | None, reserved: set[int]) -> None:
        """`root`: the existing `w:comments` (transitional namespaces), or None for a new part."""
        self.root = root if root is not None else etree.Element(w("comments"), nsmap=_NSMAP)
        self.used = set(reserved)
        for el in self.root.iter(COMMENT):
            value = el.get(_ID, "")
            if value.lstrip("-").isdigit():
                self.used.add(int(value))
        self.added: list[int] = []

    def _next_id(self) -> int:
        top = max(self.used, default=-1) + 1
        if top <= _MAX_ID:
            return top
        return next(i for i in range(len(self.used) + 1) if i not in self.used)

    def add(self, text: str, author: str, initials: str, date: str) -> int:
        cid = self._next_id()
        self.used.add(cid)
        self.added.append(cid)
        comment = _el(self.root, "comment", id=str(cid), author=author, initials=initials,
                      date=date)
        for i, line in enumerate(text.split("\n")):
            p = _el(comment, "p")
            _el(_el(p, "pPr"), "pStyle", val="CommentText")
            if i == 0:
                mark = _el(p, "r")
                _el(_el(mark, "rPr"), "rStyle", val="CommentReference")
                _el(mark, "annotationRef")
            if line:
                run = _el(p, "r")
                for j, chunk in enumerate(line.split("\t")):
                    if j:
                        _el(run, "tab")
                    if chunk:
                        t = _el(run, "t")
                        t.set(XML_SPACE, "preserve")
                        t.text = chunk
        return cid

    def to_bytes(self) -> bytes:
        return serialize(self.root)
