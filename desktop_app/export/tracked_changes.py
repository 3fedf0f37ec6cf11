"""An accepted rewrite as a real tracked change: the quote deleted, the rewrite inserted.

Works on a quote that is already marked as a comment range (so the range
markers say exactly which runs are the quote): the runs between them move into
a `w:del` (their `w:t` become `w:delText`) and a `w:ins` with the rewrite,
formatted like the first deleted run, follows. Only plain text runs that are
direct children of one paragraph are changed; anything else (hyperlinks, fields,
footnote marks, hidden text, other revisions) is left alone and the rewrite
stays in the comment only.
"""

from __future__ import annotations

import copy
import itertools
import os
import re
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime

from lxml import etree

from desktop_app.document.body import W_NS, w
from desktop_app.export.markers import RANGE_END, RANGE_START, w_element
from desktop_app.export.runs import XML_SPACE
from desktop_app.export.xmltext import xml_safe

R, RPR, T, VANISH = w("r"), w("rPr"), w("t"), w("vanish")
DEL_TEXT, INSTR, DEL_INSTR = w("delText"), w("instrText"), w("delInstrText")
_W_ID, _AUTHOR, _DATE = w("id"), w("author"), w("date")
_ALL_IDS = etree.XPath("//@w:id", namespaces={"w": W_NS})
# What a run may hold and still be deleted as "the quote".
_PLAIN_RUN = frozenset(w(t) for t in (
    "rPr", "t", "tab", "br", "cr", "noBreakHyphen", "softHyphen", "lastRenderedPageBreak"))
# Zero-width markers that may sit between the quote's runs.
_MARKERS = frozenset(w(t) for t in (
    "bookmarkStart", "bookmarkEnd", "commentRangeStart", "commentRangeEnd", "proofErr",
    "permStart", "permEnd"))


def revision_ids(*roots: etree._Element, floor: int = 0) -> Iterator[int]:
    """Fresh ids above every `w:id` in the given parts (comments, bookmarks, revisions)
    and above `floor` (the highest id in the parts that were only scanned)."""
    top = floor
    for root in roots:
        for value in _ALL_IDS(root):
            if value.lstrip("-").isdigit():
                top = max(top, int(value))
    return itertools.count(top + 1)


_PREFIX = re.compile(rb"""xmlns:([A-Za-z_][\w.\-]*)\s*=\s*["'](?:%s|%s)["']""" % (
    re.escape(W_NS.encode()), re.escape(b"http://purl.oclc.org/ooxml/wordprocessingml/main")))


def highest_w_id(chunks: Iterable[bytes]) -> int:
    """The highest `w:id` in a part read as a stream, in flat memory (0 if none).

    The parts export copies unread (headers, footers, notes) may hold revisions
    too; ids must stay unique across the document. The prefix bound to the
    WordprocessingML namespace is read from the declarations as they come.
    """
    top, tail, ids = 0, b"", None
    prefixes: set[bytes] = set()
    for chunk in chunks:
        data = tail + chunk
        found = {m.group(1) for m in _PREFIX.finditer(data)} - prefixes
        if found:
            prefixes |= found
            names = b"|".join(re.escape(p) for p in sorted(prefixes))
            ids = re.compile(rb"(?<![\w.:-])(?:%s):id\s*=\s*[\"'](\d{1,10})[\"']" % names)
        if ids is not None:
            for m in ids.finditer(data):
                top = max(top, int(m.group(1)))
        tail = data[-256:]  # an attribute cut by the chunk boundary is seen whole next time
    return top


def revision_date(moment: datetime | None = None) -> str:
    """The date of the comments and tracked changes a copy gets: now, or the
    reproducible-builds convention's SOURCE_DATE_EPOCH when it is set, so that the
    same review exported twice is the same file byte for byte (a timestamp changes
    how the comments part compresses, and so the copy's size)."""
    if moment is None:
        epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
        moment = (datetime.fromtimestamp(int(epoch), UTC) if epoch.isdigit()
                  else datetime.now(UTC))
    moment = moment.astimezone(UTC).replace(microsecond=0)
    return moment.isoformat().replace("+00:00", "Z")


def _quote_runs(p: etree._Element, comment_id: int) -> tuple[etree._Element, list] | None:
    """(range start marker, elements between the markers) if all are plain runs."""
    cid = str(comment_id)
    start = next((c for c in p if c.tag == RANGE_START and c.get(_W_ID) == cid), None)
    if start is None:
        return None
    between = []
    for el in start.itersiblings():
        if el.tag == RANGE_END and el.get(_W_ID) == cid:
            break
        between.append(el)
    else:
        return None  # the range ends in another paragraph or inside a container
    runs = [el for el in between if el.tag == R]
    if not runs:
        return None
    for el in between:
        if el.tag == R:
            if any(c.tag not in _PLAIN_RUN for c in el):
                return None
            rpr = el.find(RPR)
            if rpr is not None and rpr.find(VANISH) is not None:
                return None
        elif el.tag not in _MARKERS:
            return None
    return start, between


def _rewrite_run(text: str, rpr: etree._Element | None) -> etree._Element:
    run = w_element("w:r")
    if rpr is not None:
        run.append(copy.deepcopy(rpr))
    for i, line in enumerate(text.split("\n")):
        if i:
            run.append(w_element("w:br"))
        for j, chunk in enumerate(line.split("\t")):
            if j:
                run.append(w_element("w:tab"))
            if chunk:
                t = w_element("w:t", attrs={XML_SPACE: "preserve"})
                t.text = chunk
                run.append(t)
    return run


def track_rewrite(p: etree._Element, comment_id: int, rewrite: str, author: str, date: str,
                  ids: Iterator[int]) -> bool:
    """Replace the quote of comment `comment_id` in `p` by `rewrite`, as a revision.

    Returns False, changing nothing, when the quote is not plain runs of `p`.
    """
    found = _quote_runs(p, comment_id)
    text = xml_safe(rewrite.replace("\r\n", "\n").replace("\r", "\n"))
    if found is None or not text:
        return False
    start, between = found
    runs = [el for el in between if el.tag == R]
    rpr = runs[0].find(RPR)
    deletion = w_element("w:del", attrs={_W_ID: str(next(ids)), _AUTHOR: author, _DATE: date})
    start.addnext(deletion)
    for el in between:
        deletion.append(el)  # moves it
    for run in runs:
        for child in run:
            if child.tag == T:
                child.tag = DEL_TEXT
            elif child.tag == INSTR:
                child.tag = DEL_INSTR
    insertion = w_element("w:ins", attrs={_W_ID: str(next(ids)), _AUTHOR: author, _DATE: date})
    insertion.append(_rewrite_run(text, rpr))
    deletion.addnext(insertion)
    return True
