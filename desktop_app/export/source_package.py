"""The original .docx as export sees it: checked as opening checks it, read part by part.

Export parses only what it changes (the main document part, the comments part,
the main part's relationships and `[Content_Types].xml`) plus the small
relationships parts it must keep consistent; every other part is copied
unread. The zip directory goes through the same size and zip-bomb checks as
opening, and each part parsed goes through the same capped, DTD-refusing reader.

What export cannot work around raises `ExportError`; `export_problem` asks
exactly that at open, before anyone reviews a document whose copy cannot be
written. What it can work around (a part that is missing, damaged or left out)
is recorded in `notes`, in words.
"""

from __future__ import annotations

import hashlib
import posixpath
import zipfile
import zlib
from pathlib import Path

from lxml import etree

from desktop_app.document.errors import DocumentError
from desktop_app.document.package import (
    OFFICE_DOC_TYPES,
    WORD_MAIN_TYPES,
    Limits,
    _check_directory,
    _read_part,
    parse_xml,
)
from desktop_app.export.namespaces import to_transitional
from desktop_app.export.opc import EMPTY_RELS, ContentTypes, PartNames, RelsPart, rels_name

WORD_MAIN = WORD_MAIN_TYPES[0]
TRANSITIONAL_RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
STRICT_RELS = "http://purl.oclc.org/ooxml/officeDocument/relationships"
_MS_RELS = "http://schemas.microsoft.com/office/2006/relationships/"
# What a .docx cannot carry: Word leaves these out when it saves a .docm as .docx.
MACRO_RELS = tuple(_MS_RELS + t for t in ("vbaProject", "keyMapCustomizations",
                                          "attachedToolbars"))


class ExportError(Exception):
    """The reviewed copy cannot be written; the message says why, in plain words."""


class SourceUnreadable(ExportError):
    """The file itself cannot be read now (moved, permissions): not the document's fault."""


def _unwrap(err: DocumentError) -> str:
    reason = err.reason
    return reason.split(": ", 1)[1] if reason.startswith(("damaged: ", "unsafe XML: ",
                                                          "too large: ")) else reason


class SourcePackage:
    """Open with `SourcePackage(path)`; `close()` when done (or use `with`)."""

    def __init__(self, path: str | Path, sha256: str | None = None,
                 limits: Limits | None = None) -> None:
        self.path = Path(path)
        self.limits = limits or Limits()
        self.notes: list[str] = []
        try:
            self.fh = open(self.path, "rb")  # noqa: SIM115 - closed by close()
        except OSError as exc:
            raise SourceUnreadable(f"cannot read {self.path}: {exc.strerror or exc}") from exc
        try:
            self._open(sha256)
        except BaseException:
            self.fh.close()
            raise

    def __enter__(self) -> SourcePackage:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def close(self) -> None:
        zf = getattr(self, "zf", None)
        if zf is not None:
            zf.close()
        self.fh.close()

    # -- opening ----------------------------------------------------------------------

    def _open(self, sha256: str | None) -> None:
        self.strict = False  # known once the package relationships are read
        if sha256 is not None:
            digest = hashlib.sha256()
            for chunk in iter(lambda: self.fh.read(1 << 20), b""):
                digest.update(chunk)
            if digest.hexdigest() != sha256:
                raise ExportError("the document changed on disk since it was opened; "
                                  "open it again before exporting")
            self.fh.seek(0)
        try:
            self.zf = zipfile.ZipFile(self.fh)
        except (zipfile.BadZipFile, zlib.error, EOFError, ValueError, OSError) as exc:
            raise ExportError(f"the document cannot be read as a package ({exc})") from None
        try:
            _check_directory(self.zf, self.limits)
        except DocumentError as err:
            raise ExportError(err.reason) from None
        # zipfile keeps the last of two entries with one name; so does the copy.
        self.infos = {info.filename: info for info in self.zf.infolist()}
        self.names = PartNames(self.infos)
        types = self.names.find("[Content_Types].xml")
        if types is None:
            raise ExportError("the package has no [Content_Types].xml, which every Word "
                              "document has; Word cannot open such a copy either")
        self.types_name = types
        self.content_types = ContentTypes(self.parse(types))
        self._find_main()
        self.main_rels = self.rels(self.main) or RelsPart(
            rels_name(self.main), self.main, etree.fromstring(EMPTY_RELS))
        self._find_comments()

    def _find_main(self) -> None:
        self.package_rels = self.rels("")
        self.main, self.strict = None, False
        for rel in self.package_rels or ():
            if rel.type in OFFICE_DOC_TYPES and not rel.external:
                self.main = self.names.find(rel.part(""))
                self.strict = OFFICE_DOC_TYPES[rel.type]
                if self.main is None:
                    raise ExportError(f"its main document part {rel.part('')} is missing")
                break
        if self.main is None:  # opening falls back to the usual name; so does export
            self.main = self.names.find("word/document.xml")
            if self.main is None:
                raise ExportError("the package names no main document part")
            if self.package_rels is None:
                self.package_rels = RelsPart("_rels/.rels", "", etree.fromstring(EMPTY_RELS))
            self.package_rels.add(self.rel_type("officeDocument"), self.main)
            self.notes.append("the package did not name its main document part: "
                              f"{self.main} is named in the copy")
        self.main_type = self.content_types.of(self.main)
        if self.main_type is not None and self.main_type not in WORD_MAIN_TYPES and not (
                "wordprocessingml" in self.main_type and "main" in self.main_type):
            raise ExportError(f"its main part is {self.main_type}, not a Word document")

    def _find_comments(self) -> None:
        self.comments: str | None = None
        for rel in self.main_rels.of_type("/comments"):
            if not rel.external:
                self.comments = self.names.find(rel.part(self.main))
                if self.comments is not None:
                    break
        if self.comments is not None:
            # Read now: a damaged comments part is what export cannot work around
            # (the document's own comments would be lost), and it is known at open.
            self.comments_root = self.parse(self.comments, "the comments part")

    # -- reading ----------------------------------------------------------------------

    def rel_type(self, name: str) -> str:
        return f"{STRICT_RELS if self.strict else TRANSITIONAL_RELS}/{name}"

    def read(self, name: str) -> bytes:
        """One part, whole, capped as opening caps it; ExportError if it cannot be read."""
        try:
            return _read_part(self.zf, name, self.limits)
        except DocumentError as err:
            raise ExportError(_unwrap(err)) from None  # the reason names the part

    def parse(self, name: str, what: str | None = None) -> etree._Element:
        data = self.read(name)
        if self.strict:
            data = to_transitional(data)
        try:
            return parse_xml(data, what or name)
        except DocumentError as err:
            raise ExportError(_unwrap(err)) from None

    def rels(self, source: str) -> RelsPart | None:
        """The relationships of `source` ('' = the package), or None if it has none."""
        real = self.names.find(rels_name(source))
        if real is None:
            return None
        return RelsPart(real, source, self.parse(real))

    def main_root(self) -> etree._Element:
        return self.parse(self.main, "the main document part")

    def part_folder(self) -> str:
        return posixpath.dirname(self.main)


def export_problem(path: str | Path) -> str | None:
    """Why no reviewed copy can be written from `path`, or None if one can.

    Reads only the package's directory and the small parts export must change
    besides the body (which opening has read already): cheap enough for open.
    A file that cannot be read right now is not a problem of the document: the
    export says so if it still cannot when it runs.
    """
    try:
        with SourcePackage(path):
            return None
    except SourceUnreadable:
        return None
    except ExportError as err:
        return str(err)
