"""Read an exported .docx back: each comment's text and the text its range covers.

Independent of the export code on purpose: it walks the main part in order,
collecting the visible text (deletions, moved-away and hidden runs, and
alternate-content fallbacks skipped, like the loader) between each
`w:commentRangeStart` and its `w:commentRangeEnd`. Comments are read with
python-docx; python-docx cannot open Strict Open XML, so for a Strict package
they are read here from the comments part its relationships name, with the
Strict namespaces mapped (`document_xml` is then the mapped main part).
"""

from __future__ import annotations

import posixpath
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import docx
from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
STRICT = ((b"http://purl.oclc.org/ooxml/wordprocessingml/main", W.encode()),
          (b"http://purl.oclc.org/ooxml/officeDocument/relationships",
           b"http://schemas.openxmlformats.org/officeDocument/2006/relationships"))
MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"


def w(tag: str) -> str:
    return f"{{{W}}}{tag}"


_SKIP = {w("del"), w("moveFrom"), MC_FALLBACK, w("instrText"), w("pPr")}
_TEXT = {w("t"): None, w("tab"): "\t", w("br"): "\n", w("cr"): "\n", w("noBreakHyphen"): "-"}


@dataclass
class Anchored:
    text: str = ""  # visible text inside the range (paragraph breaks as "\n")
    deleted_by: dict[str, str] = field(default_factory=dict)  # author -> deleted text inside
    closed: bool = False

    @property
    def deleted(self) -> str:
        return "".join(self.deleted_by.values())


@dataclass
class Inspection:
    comments: dict[int, str]  # id -> comment text (python-docx)
    authors: dict[int, str]
    ranges: dict[int, Anchored] = field(default_factory=dict)
    document_xml: bytes = b""
    strict: bool = False


def _targets(zf: zipfile.ZipFile, source: str) -> list[tuple[str, str]]:
    """(relationship type, part name) of `source`'s relationships ('' = the package)."""
    folder, base = posixpath.split(source)
    rels = posixpath.join(folder, "_rels", base + ".rels")
    if rels not in zf.namelist():
        return []
    out = []
    for rel in etree.fromstring(zf.read(rels)).iter(f"{{{REL_NS}}}Relationship"):
        if rel.get("TargetMode") == "External":
            continue
        target = rel.get("Target", "")
        part = target.lstrip("/") if target.startswith("/") else posixpath.normpath(
            posixpath.join(folder, target))
        out.append((rel.get("Type", ""), part))
    return out


def _unstrict(data: bytes) -> bytes:
    for old, new in STRICT:
        data = data.replace(old, new)
    return data


def _strict_comments(zf: zipfile.ZipFile, main: str) -> tuple[dict[int, str], dict[int, str]]:
    comments, authors = {}, {}
    for rtype, part in _targets(zf, main):
        if not rtype.endswith("/comments"):
            continue
        for c in etree.fromstring(_unstrict(zf.read(part))).iter(w("comment")):
            cid = int(c.get(w("id")))
            paras = []
            for p in c.iter(w("p")):
                paras.append("".join((t.text or "") if t.tag == w("t") else "\t"
                                     for t in p.iter(w("t"), w("tab"))))
            comments[cid], authors[cid] = "\n".join(paras), c.get(w("author"), "")
    return comments, authors


def _hidden(run: etree._Element) -> bool:
    rpr = run.find(w("rPr"))
    vanish = rpr.find(w("vanish")) if rpr is not None else None
    return vanish is not None and vanish.get(w("val"), "1") not in ("0", "false", "off")


def inspect(path: Path) -> Inspection:
    with zipfile.ZipFile(path) as zf:
        main = next(part for rtype, part in _targets(zf, "")
                    if rtype.endswith("/officeDocument"))
        strict = b"purl.oclc.org/ooxml/officeDocument" in zf.read("_rels/.rels")
        xml = zf.read(main)
        if strict:
            comments, authors = _strict_comments(zf, main)
            xml = _unstrict(xml)
    if not strict:
        wdoc = docx.Document(str(path))
        comments = {c.comment_id: c.text for c in wdoc.comments}
        authors = {c.comment_id: c.author for c in wdoc.comments}
    result = Inspection(comments, authors, document_xml=xml, strict=strict)
    open_ids: list[int] = []

    def walk(el: etree._Element, deleted: str | None) -> None:
        for child in el.iterchildren():
            tag = child.tag
            if not isinstance(tag, str):
                continue
            if tag == w("commentRangeStart"):
                cid = int(child.get(w("id")))
                result.ranges[cid] = Anchored()
                open_ids.append(cid)
            elif tag == w("commentRangeEnd"):
                cid = int(child.get(w("id")))
                if cid in open_ids:
                    open_ids.remove(cid)
                    result.ranges[cid].closed = True
            elif tag == w("delText") or (tag in _TEXT and deleted is not None):
                piece = child.text or "" if tag in (w("delText"), w("t")) else _TEXT[tag]
                for cid in open_ids:
                    by = result.ranges[cid].deleted_by
                    by[deleted or ""] = by.get(deleted or "", "") + piece
            elif tag == w("del"):
                walk(child, child.get(w("author"), ""))
            elif tag == w("txbxContent"):  # a story of its own: outer ranges do not see it
                outer = open_ids[:]
                open_ids.clear()
                walk(child, deleted)
                open_ids[:] = outer
            elif tag in _SKIP:
                continue
            elif tag == w("r") and _hidden(child):
                continue
            elif tag in _TEXT:
                piece = _TEXT[tag] if tag != w("t") else (child.text or "")
                if tag == w("br") and child.get(w("type")) in ("page", "column"):
                    piece = " "
                for cid in open_ids:
                    result.ranges[cid].text += piece
            elif tag == w("p"):
                for cid in open_ids:  # a paragraph break inside a range
                    result.ranges[cid].text += "\n"
                walk(child, deleted)
            else:
                walk(child, deleted)

    root = etree.fromstring(xml)
    walk(root.find(w("body")), None)
    return result


def marker_positions(xml: bytes | etree._Element) -> dict[int, dict[str, list[etree._Element]]]:
    """id -> {'start': [...], 'end': [...], 'ref': [...]} elements for every comment id."""
    root = etree.fromstring(xml) if isinstance(xml, bytes) else xml
    out: dict[int, dict[str, list[etree._Element]]] = {}
    for key, tag in (("start", "commentRangeStart"), ("end", "commentRangeEnd"),
                     ("ref", "commentReference")):
        for el in root.iter(w(tag)):
            marks = out.setdefault(int(el.get(w("id"))), {"start": [], "end": [], "ref": []})
            marks[key].append(el)
    return out
