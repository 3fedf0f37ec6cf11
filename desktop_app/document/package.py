"""Safe opening of a .docx package: every refusal has a plain reason.

Nothing is inflated before the zip directory has been checked against the
limits, every part is read with a hard cap (a directory can lie about sizes),
and XML is parsed with entity expansion, DTD loading and network access off.
A DTD inside a Word part is refused outright: Word never writes one.
"""

from __future__ import annotations

import os
import posixpath
import zipfile
import zlib
from dataclasses import dataclass

from lxml import etree

from desktop_app.document.errors import DocumentError, RefusalKind

MB = 1024 * 1024
MAX_FILE_BYTES = 200 * MB  # on disk
MAX_UNPACKED_BYTES = 1024 * MB  # the whole package, as the zip directory declares it
MAX_PART_BYTES = 256 * MB  # any one XML part we actually read
MAX_RATIO = 200  # compression ratio past which a large entry is a zip bomb

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
OFFICE_DOC_TYPES = {
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument": False,
    "http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument": True,  # Strict
}
WORD_MAIN_TYPES = (
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
    "application/vnd.ms-word.document.macroEnabled.main+xml",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
    "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
)
OTHER_OFFICE = {
    "spreadsheetml": "an Excel workbook",
    "presentationml": "a PowerPoint presentation",
    "ms-excel": "an Excel workbook",
    "ms-powerpoint": "a PowerPoint presentation",
    "themeManager": "an Office theme",
    "visio": "a Visio drawing",
}
# Strict OOXML uses other namespace URIs for the same vocabulary; mapping them
# lets one reader serve both.
STRICT_TO_TRANSITIONAL = (
    (b"http://purl.oclc.org/ooxml/wordprocessingml/main",
     b"http://schemas.openxmlformats.org/wordprocessingml/2006/main"),
    (b"http://purl.oclc.org/ooxml/officeDocument/relationships",
     b"http://schemas.openxmlformats.org/officeDocument/2006/relationships"),
)

# Comments and processing instructions are kept (dropping them costs ~10% of
# the parse on a large body); every walker skips non-element nodes anyway.
_PARSER = etree.XMLParser(
    resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False,
)


@dataclass(frozen=True, slots=True)
class Limits:
    max_file_bytes: int = MAX_FILE_BYTES
    max_unpacked_bytes: int = MAX_UNPACKED_BYTES
    max_part_bytes: int = MAX_PART_BYTES


@dataclass(slots=True)
class Package:
    """The parts of a Word package that section extraction needs."""

    document_xml: bytes
    styles_xml: bytes | None
    core_xml: bytes | None
    strict: bool


def refuse(kind: RefusalKind, reason: str) -> DocumentError:
    return DocumentError(kind, reason)


def parse_xml(data: bytes, part: str) -> etree._Element:
    """Parse one part, refusing DTDs and reporting damage by part name."""
    head = data[:4096]
    if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
        raise refuse(
            RefusalKind.UNSAFE_XML,
            f"unsafe XML: {part} declares a DTD or XML entities, which Word documents "
            "never contain; it was not read",
        )
    try:
        return etree.fromstring(data, _PARSER)
    except etree.XMLSyntaxError as exc:
        if "depth" in (exc.msg or ""):
            raise refuse(
                RefusalKind.DAMAGED, f"damaged: {part} nests elements too deeply to be read"
            ) from None
        line = f" (line {exc.lineno})" if getattr(exc, "lineno", None) else ""
        raise refuse(RefusalKind.DAMAGED, f"damaged: {part} is not well-formed XML{line}") from None


def _sniff_non_zip(path: str, head: bytes) -> DocumentError:
    if head.startswith(OLE_MAGIC):
        with open(path, "rb") as fh:
            blob = fh.read()
        if "EncryptedPackage".encode("utf-16-le") in blob or "EncryptionInfo".encode(
            "utf-16-le"
        ) in blob:
            return refuse(
                RefusalKind.ENCRYPTED,
                "password-protected: the document is encrypted; open it in Word, remove "
                "the password (File > Info > Protect Document) and save it again",
            )
        if "WordDocument".encode("utf-16-le") in blob:
            return refuse(
                RefusalKind.LEGACY_DOC,
                "legacy .doc: this is a Word 97-2003 document; save it as .docx in Word "
                "or LibreOffice first",
            )
        return refuse(
            RefusalKind.NOT_WORD,
            "not a Word document: it is an older Office (OLE) file, not a .docx",
        )
    if head.startswith(b"{\\rtf"):
        what = "an RTF file; save it as .docx first"
    elif head.startswith(b"%PDF"):
        what = "a PDF file"
    elif head.lstrip().startswith(b"<"):
        what = "an XML or HTML file, not a .docx package"
    else:
        what = "not a ZIP package as every .docx is"
    return refuse(RefusalKind.NOT_WORD, f"not a Word document: {what}")


def _check_directory(zf: zipfile.ZipFile, limits: Limits) -> None:
    total = 0
    for info in zf.infolist():
        total += info.file_size
        if info.file_size > 50 * MB and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise refuse(
                RefusalKind.TOO_LARGE,
                f"too large: {info.filename} would unpack to {info.file_size // MB} MB from "
                f"{max(info.compress_size, 1) // 1024} KB (a zip bomb?)",
            )
    if total > limits.max_unpacked_bytes:
        raise refuse(
            RefusalKind.TOO_LARGE,
            f"too large: it would unpack to {total // MB} MB, over the "
            f"{limits.max_unpacked_bytes // MB} MB limit",
        )


def _read_part(zf: zipfile.ZipFile, name: str, limits: Limits) -> bytes:
    try:
        with zf.open(name) as fh:
            data = fh.read(limits.max_part_bytes + 1)
    except (zipfile.BadZipFile, zlib.error, EOFError, ValueError) as exc:
        raise refuse(RefusalKind.DAMAGED, f"damaged: {name} cannot be unpacked ({exc})") from None
    except NotImplementedError as exc:
        raise refuse(RefusalKind.DAMAGED, f"damaged: {name} uses {exc}") from None
    except RuntimeError as exc:  # zipfile's "encrypted, password required"
        raise refuse(RefusalKind.ENCRYPTED, f"password-protected: {name} ({exc})") from None
    if len(data) > limits.max_part_bytes:
        raise refuse(
            RefusalKind.TOO_LARGE,
            f"too large: {name} unpacks to more than {limits.max_part_bytes // MB} MB",
        )
    return data


def _rel_targets(rels_xml: bytes, part: str, base: str) -> list[tuple[str, str]]:
    root = parse_xml(rels_xml, part)
    out = []
    for rel in root.iter(f"{{{REL_NS}}}Relationship"):
        target = rel.get("Target") or ""
        if rel.get("TargetMode") == "External" or not target:
            continue
        path = target.lstrip("/") if target.startswith("/") else posixpath.join(base, target)
        out.append((rel.get("Type") or "", posixpath.normpath(path)))
    return out


def _content_type(ct_xml: bytes | None, part: str) -> str | None:
    if ct_xml is None:
        return None
    root = parse_xml(ct_xml, "[Content_Types].xml")
    for override in root.iter(f"{{{CT_NS}}}Override"):
        if (override.get("PartName") or "").lstrip("/").lower() == part.lower():
            return override.get("ContentType")
    ext = part.rsplit(".", 1)[-1].lower()
    for default in root.iter(f"{{{CT_NS}}}Default"):
        if (default.get("Extension") or "").lower() == ext:
            return default.get("ContentType")
    return None


def _check_main_type(content_type: str | None, part: str) -> None:
    if content_type is None or content_type in WORD_MAIN_TYPES:
        return
    if "wordprocessingml" in content_type and "main" in content_type:
        return
    for marker, what in OTHER_OFFICE.items():
        if marker in content_type:
            raise refuse(RefusalKind.NOT_WORD, f"not a Word document: it is {what}")
    raise refuse(
        RefusalKind.NOT_WORD, f"not a Word document: its main part {part} is {content_type}"
    )


def open_package(path: str, limits: Limits = Limits()) -> Package:
    try:
        size = os.path.getsize(path)
        with open(path, "rb") as fh:
            head = fh.read(8)
    except FileNotFoundError:
        raise refuse(RefusalKind.NOT_FOUND, "no such file") from None
    except IsADirectoryError:
        raise refuse(RefusalKind.UNREADABLE, "it is a folder, not a file") from None
    except OSError as exc:
        raise refuse(RefusalKind.UNREADABLE, f"cannot read it ({exc.strerror or exc})") from None
    if size == 0:
        raise refuse(RefusalKind.EMPTY, "the file is empty (0 bytes)")
    if size > limits.max_file_bytes:
        raise refuse(
            RefusalKind.TOO_LARGE,
            f"too large: {size // MB} MB, over the {limits.max_file_bytes // MB} MB limit",
        )
    if not head.startswith(b"PK"):
        raise _sniff_non_zip(path, head)
    try:
        zf = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, zlib.error, EOFError, ValueError, OSError):
        raise refuse(
            RefusalKind.DAMAGED,
            "damaged: the file is truncated or corrupt (its ZIP directory cannot be read)",
        ) from None
    with zf:
        return _read_package(zf, limits)


def _read_package(zf: zipfile.ZipFile, limits: Limits) -> Package:
    _check_directory(zf, limits)
    names = {n.lower(): n for n in zf.namelist()}

    def read(name: str) -> bytes | None:
        real = names.get(name.lower())
        return _read_part(zf, real, limits) if real else None

    ct_xml = read("[Content_Types].xml")
    rels = read("_rels/.rels")
    main, strict = None, False
    if rels is not None:
        if b"purl.oclc.org/ooxml" in rels:
            strict = True
        for rtype, target in _rel_targets(rels, "_rels/.rels", ""):
            if rtype in OFFICE_DOC_TYPES:
                main, strict = target, OFFICE_DOC_TYPES[rtype]
                break
    if main is None:
        if "word/document.xml" in names:
            main = "word/document.xml"
        elif ct_xml is None and rels is None:
            raise refuse(RefusalKind.NOT_WORD, "not a Word document: a ZIP file, but not an "
                         "Office package")
        else:
            raise refuse(RefusalKind.DAMAGED, "damaged: the package names no main document part")
    _check_main_type(_content_type(ct_xml, main), main)
    document_xml = read(main)
    if document_xml is None:
        raise refuse(RefusalKind.DAMAGED, f"damaged: the main document part {main} is missing")

    base = posixpath.dirname(main)
    part_rels = read(posixpath.join(base, "_rels", posixpath.basename(main) + ".rels"))
    styles_name = posixpath.join(base, "styles.xml")
    if part_rels is not None:
        for rtype, target in _rel_targets(part_rels, f"{main}.rels", base):
            if rtype.endswith("/styles"):
                styles_name = target
                break
    styles_xml = read(styles_name)
    core_xml = read("docProps/core.xml")
    if strict:
        document_xml = _map_strict(document_xml)
        styles_xml = _map_strict(styles_xml) if styles_xml is not None else None
    return Package(document_xml, styles_xml, core_xml, strict)


def _map_strict(data: bytes) -> bytes:
    for old, new in STRICT_TO_TRANSITIONAL:
        data = data.replace(old, new)
    return data
