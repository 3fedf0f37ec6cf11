"""Package bookkeeping for export: part names, relationships, content types.

Part names in a package are case-insensitive URIs; zip entry names are what
is stored. `PartNames` maps one to the other. A relationships part and
`[Content_Types].xml` are small XML files parsed (safely, capped) only when
export must read or change them, and serialized back only when changed.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

from lxml import etree

REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
_REL = f"{{{REL_NS}}}Relationship"
_OVERRIDE, _DEFAULT = f"{{{CT_NS}}}Override", f"{{{CT_NS}}}Default"
EMPTY_RELS = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
              b'<Relationships xmlns="' + REL_NS.encode() + b'"/>')


def rels_name(part: str) -> str:
    """'word/document.xml' -> 'word/_rels/document.xml.rels'; '' (the package) -> '_rels/.rels'."""
    folder, base = posixpath.split(part)
    return posixpath.join(folder, "_rels", base + ".rels")


def serialize(root: etree._Element) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


class PartNames:
    """The zip's entry names, looked up as part names (case-insensitive, %-decoded)."""

    def __init__(self, names: Iterable[str]) -> None:
        self.by_key: dict[str, str] = {}
        for name in names:
            if not name.endswith("/"):
                self.by_key[name.lower()] = name  # zipfile too keeps the last of duplicates

    def find(self, part: str) -> str | None:
        return self.by_key.get(part.lower()) or self.by_key.get(unquote(part).lower())

    def __contains__(self, part: str) -> bool:
        return self.find(part) is not None

    def free_name(self, folder: str, stem: str, ext: str) -> str:
        name, n = posixpath.join(folder, stem + ext), 0
        while name in self:
            n += 1
            name = posixpath.join(folder, f"{stem}{n}{ext}")
        return name


@dataclass(slots=True)
class Relationship:
    element: etree._Element
    id: str
    type: str
    target: str  # as written
    external: bool

    def part(self, source: str) -> str:
        """The part name the target resolves to, from the source part's folder."""
        target = urlsplit(self.target).path if "#" in self.target else self.target
        if target.startswith("/"):
            return posixpath.normpath(target.lstrip("/"))
        return posixpath.normpath(posixpath.join(posixpath.dirname(source), target)).lstrip("/")


class RelsPart:
    """One relationships part, parsed; `changed` once anything was added or removed."""

    def __init__(self, name: str, source: str, root: etree._Element) -> None:
        self.name = name
        self.source = source
        self.root = root
        self.changed = False

    def __iter__(self) -> Iterator[Relationship]:
        for el in list(self.root.iter(_REL)):
            yield Relationship(el, el.get("Id") or "", el.get("Type") or "",
                               el.get("Target") or "", el.get("TargetMode") == "External")

    def of_type(self, suffix: str) -> Iterator[Relationship]:
        return (rel for rel in self if rel.type.endswith(suffix))

    def remove(self, rel: Relationship) -> None:
        rel.element.getparent().remove(rel.element)
        self.changed = True

    def make_external(self, rel: Relationship) -> None:
        rel.element.set("TargetMode", "External")
        self.changed = True

    def add(self, rtype: str, target: str) -> str:
        ids = {rel.id for rel in self}
        n = len(ids) + 1
        while f"rId{n}" in ids:
            n += 1
        el = etree.SubElement(self.root, _REL)
        el.set("Id", f"rId{n}")
        el.set("Type", rtype)
        el.set("Target", target)
        self.changed = True
        return f"rId{n}"

    def to_bytes(self) -> bytes:
        return serialize(self.root)


class ContentTypes:
    """`[Content_Types].xml`: a part's type by override, else by its extension's default."""

    def __init__(self, root: etree._Element) -> None:
        self.root = root
        self.changed = False

    def _override(self, part: str) -> etree._Element | None:
        key = "/" + part.lower()
        for el in self.root.iter(_OVERRIDE):
            if (el.get("PartName") or "").lower() == key:
                return el
        return None

    def of(self, part: str) -> str | None:
        el = self._override(part)
        if el is not None:
            return el.get("ContentType")
        ext = part.rsplit(".", 1)[-1].lower() if "." in part else ""
        for el in self.root.iter(_DEFAULT):
            if (el.get("Extension") or "").lower() == ext:
                return el.get("ContentType")
        return None

    def set(self, part: str, content_type: str) -> None:
        if self.of(part) == content_type and self._override(part) is not None:
            return
        el = self._override(part)
        if el is None:
            el = etree.SubElement(self.root, _OVERRIDE)
            el.set("PartName", "/" + part)
        el.set("ContentType", content_type)
        self.changed = True

    def forget(self, part: str) -> None:
        el = self._override(part)
        if el is not None:
            el.getparent().remove(el)
            self.changed = True

    def to_bytes(self) -> bytes:
        return serialize(self.root)
