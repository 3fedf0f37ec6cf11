"""Write the reviewed copy's package: the changed parts from memory, the rest streamed.

Every part export did not change is copied in 1 MB chunks as it is stored, so
memory stays flat whatever the parts unpack to. The package is kept
consistent: a relationship to a part that is missing (or was left out) is
dropped, or, for a hyperlink stored as if it were a part, written as the web
link it is; a part whose checksum is wrong is carried over as it reads (and,
for XML, only if it still parses); a part that cannot be unpacked at all is
left out with its relationships. Each such repair is a note, in words.

A write that fails (disk full) closes the half-written zip without a second
error and leaves the removal of the file to the caller (`atomic_target`).
"""

from __future__ import annotations

import contextlib
import zipfile
from collections.abc import Iterator
from pathlib import Path

from lxml import etree

from desktop_app.export.opc import RelsPart, rels_name
from desktop_app.export.source_package import ExportError, SourcePackage
from desktop_app.export.zip_parts import PartStream, PartUnreadable

_XML_SUFFIXES = (".xml", ".rels", ".vml")


class _Discard:
    """An lxml parser target that keeps nothing: checks well-formedness in flat memory."""

    def start(self, *_a: object) -> None: ...
    def end(self, *_a: object) -> None: ...
    def data(self, *_a: object) -> None: ...
    def close(self) -> None: ...


def _well_formed(chunks: Iterator[bytes]) -> bool:
    parser = etree.XMLParser(target=_Discard(), resolve_entities=False, no_network=True,
                             load_dtd=False, huge_tree=False)
    try:
        for chunk in chunks:
            parser.feed(chunk)
        parser.close()
    except etree.XMLSyntaxError:
        return False
    return True


class PackageCopy:
    """What changes between the original and the copy, and the writing of it."""

    def __init__(self, src: SourcePackage) -> None:
        self.src = src
        self.replaced: dict[str, bytes] = {}  # entry name -> its new bytes
        self.added: dict[str, bytes] = {}  # new entry name -> bytes
        self.dropped: dict[str, str] = {}  # entry name -> why it was left out
        self.must_keep = {src.main, src.types_name, src.main_rels.name}
        if src.comments:
            self.must_keep.add(src.comments)
        self._rels: dict[str, RelsPart | None] = {"": src.package_rels, src.main: src.main_rels}

    def drop(self, name: str, why: str) -> None:
        self.dropped[name] = why

    # -- relationships ----------------------------------------------------------------

    def _rels_of(self, source: str) -> RelsPart | None:
        if source not in self._rels:
            try:
                self._rels[source] = self.src.rels(source)
            except ExportError as err:
                real = self.src.names.find(rels_name(source))
                if real is not None:
                    self.drop(real, f"the relationships of {source} were left out: {err}")
                self._rels[source] = None
        return self._rels[source]

    def _added(self, part: str) -> str | None:
        return next((name for name in self.added if name.lower() == part.lower()), None)

    def _settle_relationships(self) -> None:
        """Walk the package from its root; no relationship may point at a missing part."""
        todo, seen = [""], {""}
        while todo:
            source = todo.pop()
            rels = self._rels_of(source)
            if rels is None:
                continue
            for rel in rels:
                if rel.external:
                    continue
                target = rel.part(source)
                real = self.src.names.find(target) or self._added(target)
                if real is not None and real not in self.dropped:
                    if real not in seen:
                        seen.add(real)
                        todo.append(real)
                    continue
                if real is not None:  # left out on purpose: its note says why
                    rels.remove(rel)
                elif rel.type.endswith("/hyperlink"):
                    rels.make_external(rel)
                    self.src.notes.append(f"a link to {rel.target} was stored as if it were a "
                                          "part of the document; the copy has it as a web link")
                else:
                    rels.remove(rel)
                    self.src.notes.append(f"{target} is missing from the document; the "
                                          f"reference to it from {source or 'the package'} "
                                          "was left out of the copy")
        for name in list(self.dropped):
            self.src.content_types.forget(name)
            own = self.src.names.find(rels_name(name))
            if own is not None and own not in self.dropped:
                self.dropped[own] = ""  # the relationships of a part that is gone
        for rels in self._rels.values():
            if rels is not None and rels.changed:
                real = self.src.names.find(rels.name)
                if real is None:
                    self.added[rels.name] = rels.to_bytes()
                else:
                    self.replaced[real] = rels.to_bytes()
        if self.src.content_types.changed:
            self.replaced[self.src.types_name] = self.src.content_types.to_bytes()

    # -- writing ----------------------------------------------------------------------

    def write(self, target: Path) -> None:
        """Write the copy to `target`, leaving out (with a note) parts that cannot be read."""
        while True:
            self._settle_relationships()
            try:
                self._write_once(target)
                return
            except PartUnreadable as exc:
                if exc.name in self.must_keep or exc.name in self.dropped:
                    raise ExportError(f"{exc.name} cannot be read: {exc.reason}") from None
                self.drop(exc.name, f"{exc.name} is damaged ({exc.reason}) and was left out "
                          "of the copy")

    def notes(self) -> list[str]:
        return list(dict.fromkeys(self.src.notes + [why for why in self.dropped.values() if why]))

    def _entries(self) -> Iterator[zipfile.ZipInfo]:
        last = self.src.infos
        for info in self.src.zf.infolist():
            if last.get(info.filename) is info and info.filename not in self.dropped:
                yield info

    def _write_once(self, target: Path) -> None:
        with open(target, "wb") as fh:
            zout = zipfile.ZipFile(fh, "w", zipfile.ZIP_DEFLATED)
            try:
                for info in self._entries():
                    if info.filename in self.replaced:
                        zout.writestr(_like(info), self.replaced[info.filename])
                    else:
                        self._copy(zout, info)
                for name, data in self.added.items():
                    zout.writestr(_like(self.src.infos[self.src.main], name), data)
            except BaseException:
                _close_quietly(zout)
                raise
            zout.close()  # the central directory: a full disk shows here too

    def _copy(self, zout: zipfile.ZipFile, info: zipfile.ZipInfo) -> None:
        stream = PartStream(self.src.fh, info)
        chunks = iter(stream)
        first = next(chunks, None)  # header and first bytes read before the entry starts
        if info.is_dir():
            zout.writestr(_like(info), b"")
            return
        with zout.open(_like(info), "w") as out:
            if first is not None:
                out.write(first)
            for chunk in chunks:
                out.write(chunk)
        if stream.crc_ok:
            return
        name = info.filename
        if name.lower().endswith(_XML_SUFFIXES) and not _well_formed(iter(PartStream(
                self.src.fh, info))):
            raise PartUnreadable(name, "its checksum is wrong and it is not well-formed XML")
        self.src.notes.append(f"{name}'s checksum did not match its contents; it was carried "
                              "over as it reads")


def _like(info: zipfile.ZipInfo, name: str | None = None) -> zipfile.ZipInfo:
    """A fresh entry with `info`'s name (or `name`) and date, deflated unless the
    original was stored or barely shrank (images, embedded packages: deflating
    them again costs time and saves nothing)."""
    out = zipfile.ZipInfo(name or info.filename, date_time=info.date_time)
    stored = name is None and (info.compress_type == zipfile.ZIP_STORED
                               or info.compress_size >= 0.97 * info.file_size > 0)
    out.compress_type = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
    out.external_attr = info.external_attr if name is None else 0o644 << 16
    return out


def _close_quietly(zout: zipfile.ZipFile) -> None:
    """After a failed write: release the zip without the second error (and without
    `ZipFile.__del__` trying again later, which printed a traceback on a full disk)."""
    with contextlib.suppress(Exception):
        zout.close()
    zout.fp = None  # whatever close() managed, __del__ must not write again

