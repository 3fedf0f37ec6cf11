"""Safe opening of a .docx package: every refusal has a plain reason.

Only a regular file is opened (a named pipe or a device would block or never
end), and its size is known before a byte is read. Nothing is inflated
before the zip directory has been checked against the limits, every part is
read with a hard cap (a directory can lie about sizes), and XML is parsed
with entity expansion, DTD loading and network access off. A DTD inside any
part read is refused outright, whatever its encoding or the padding before
it: the parser itself reports it (Word never writes one).
"""

from __future__ import annotations

import hashlib
import os
import posixpath
import stat
import zipfile
import zlib
from dataclasses import dataclass, replace
from typing import BinaryIO

from lxml import etree

from desktop_app.document.errors import DocumentError, RefusalKind

MB = 1024 * 1024
MAX_FILE_BYTES = 200 * MB  # on disk
MAX_UNPACKED_BYTES = 1024 * MB  # the whole package, as the zip directory declares it
MAX_PART_BYTES = 256 * MB  # any one XML part we actually read
# The main part: the lxml tree and the section tree take ~15 times its size
# (80 MB for the 872-page handbook's 5.2 MB), so 32 MB (~5,000 pages) bounds
# opening at ~0.5 GB. Many tiny paragraphs cost more than their bytes: at most
# 60,000 (~6,000 pages; the handbook has 8,152).
MAX_BODY_BYTES = 32 * MB
MAX_PARAGRAPHS = 60_000
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
    max_body_bytes: int = MAX_BODY_BYTES
    max_paragraphs: int = MAX_PARAGRAPHS


@dataclass(slots=True)
class Package:
    """The parts of a Word package that section extraction needs."""

    document_xml: bytes
    styles_xml: bytes | None
    core_xml: bytes | None
    strict: bool
    sha256: str = ""  # of the file as read, from the same open file


def refuse(kind: RefusalKind, reason: str) -> DocumentError:
    return DocumentError(kind, reason)


def parse_xml(data: bytes, part: str) -> etree._Element:
    """Parse one part, refusing DTDs and reporting damage by part name.

    The parser reads any encoding and any padding before a DOCTYPE; it never
    loads or expands entities, and whether the part declared a DTD is read
    from what it parsed, not guessed from the first bytes.
    """
    try:
        root = etree.fromstring(data, _PARSER)
    except etree.XMLSyntaxError as exc:
        msg = exc.msg or ""
        if "depth" in msg:
            raise refuse(
                RefusalKind.DAMAGED, f"damaged: {part} nests elements too deeply to be read"
            ) from None
        if "entity" in msg.lower():  # an amplification guard tripped, a reference loop...
            raise _unsafe(part) from None
        if "Resource limit exceeded" in msg or "XML_PARSE_HUGE" in msg:
            raise refuse(
                RefusalKind.TOO_LARGE,
                f"too large: {part} holds a run of text or a name over 10 MB, more than "
                "Margin reads",
            ) from None
        line = f" (line {exc.lineno})" if getattr(exc, "lineno", None) else ""
        raise refuse(RefusalKind.DAMAGED, f"damaged: {part} is not well-formed XML{line}") from None
    info = root.getroottree().docinfo
    if info.doctype or info.internalDTD is not None or info.externalDTD is not None:
        raise _unsafe(part)
    return root


def _unsafe(part: str) -> DocumentError:
    return refuse(
        RefusalKind.UNSAFE_XML,
        f"unsafe XML: {part} declares a DTD or XML entities, which Word documents never "
        "contain; it was not read",
    )


def _sniff_non_zip(fh: BinaryIO, head: bytes) -> DocumentError:
    if head.startswith(OLE_MAGIC):
        fh.seek(0)
        blob = fh.read()  # (the file's size is within the limit: checked first)
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
    fh = _open_regular_file(path)
    with fh:
        size = os.fstat(fh.fileno()).st_size
        if size == 0:
            raise refuse(RefusalKind.EMPTY, "the file is empty (0 bytes)")
        if size > limits.max_file_bytes:
            raise refuse(
                RefusalKind.TOO_LARGE,
                f"too large: {size // MB} MB, over the {limits.max_file_bytes // MB} MB limit",
            )
        try:
            head = fh.read(8)
        except OSError as exc:
            raise refuse(RefusalKind.UNREADABLE,
                         f"cannot read it ({exc.strerror or exc})") from None
        if not head.startswith(b"PK"):
            raise _sniff_non_zip(fh, head)
        fh.seek(0)
        try:
            zf = zipfile.ZipFile(fh)
        except (zipfile.BadZipFile, zlib.error, EOFError, ValueError, OSError):
            raise refuse(
                RefusalKind.DAMAGED,
                "damaged: the file is truncated or corrupt (its ZIP directory cannot be read)",
            ) from None
        with zf:
            package = _read_package(zf, limits)
        package.sha256 = _sha256(fh)
        return package


def _open_regular_file(path: str) -> BinaryIO:
    """The file open for reading, if it is a regular file; refused at once otherwise.

    Opened without blocking, then checked on the open descriptor: a named
    pipe (or one swapped in after a check by name) never blocks the caller.
    """
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except FileNotFoundError:
        raise refuse(RefusalKind.NOT_FOUND, "no such file") from None
    except IsADirectoryError:
        raise refuse(RefusalKind.UNREADABLE, "it is a folder, not a file") from None
    except OSError as exc:
        raise refuse(RefusalKind.UNREADABLE, f"cannot read it ({exc.strerror or exc})") from None
    try:
        mode = os.fstat(fd).st_mode
    except OSError as exc:
        os.close(fd)
        raise refuse(RefusalKind.UNREADABLE, f"cannot read it ({exc.strerror or exc})") from None
    if not stat.S_ISREG(mode):
        os.close(fd)
        if stat.S_ISDIR(mode):
            raise refuse(RefusalKind.UNREADABLE, "it is a folder, not a file")
        what = ("a named pipe" if stat.S_ISFIFO(mode) else "a socket" if stat.S_ISSOCK(mode)
                else "a device")
        raise refuse(RefusalKind.UNREADABLE,
                     f"not a regular file: it is {what}, not a document saved on disk")
    return os.fdopen(fd, "rb")


def _sha256(fh: BinaryIO) -> str:
    h = hashlib.sha256()
    fh.seek(0)
    for chunk in iter(lambda: fh.read(1 << 20), b""):
        h.update(chunk)
    return h.hexdigest()


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
    real_main = names.get(main.lower())
    if real_main is None:
        raise refuse(RefusalKind.DAMAGED, f"damaged: the main document part {main} is missing")
    document_xml = _read_body(zf, real_main, limits)

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


def _read_body(zf: zipfile.ZipFile, name: str, limits: Limits) -> bytes:
    """The main part, refused before it is inflated if its declared size is over the
    limit, and while it is if the directory understated it."""
    cap = min(limits.max_body_bytes, limits.max_part_bytes)
    declared = zf.getinfo(name).file_size
    if declared > cap:
        raise _body_too_large(cap, declared)
    try:
        return _read_part(zf, name, replace(limits, max_part_bytes=cap))
    except DocumentError as err:
        if err.kind is RefusalKind.TOO_LARGE:  # the directory said less than it holds
            raise _body_too_large(cap) from None
        raise


def _body_too_large(cap: int, size: int | None = None) -> DocumentError:
    what = f"its text unpacks to {_size(size, up=True)}" if size else "its text is larger"
    return refuse(
        RefusalKind.TOO_LARGE,
        f"too large: {what}, over the {_size(cap)} Margin reads (about "
        f"{cap * 150 // MB:,} pages); split it into smaller documents",  # ~150 pages a MB
    )


def too_many_paragraphs(cap: int) -> DocumentError:
    return refuse(
        RefusalKind.TOO_LARGE,
        f"too large: more than {cap:,} paragraphs (about {cap // 10:,} pages), more than "
        "Margin reads; split it into smaller documents",
    )


def _size(size: int, *, up: bool = False) -> str:
    """In whole MB (or KB); `up` rounds up, so that a size over a limit never reads as it."""
    unit, name = (MB, "MB") if size >= MB else (1024, "KB")
    return f"{max(1, -(-size // unit) if up else size // unit)} {name}"


def _map_strict(data: bytes) -> bytes:
    for old, new in STRICT_TO_TRANSITIONAL:
        data = data.replace(old, new)
    return data
