"""Read one zip entry in chunks, checking it as we go, and say what was wrong.

zipfile raises on a bad checksum only after the last chunk, and drops that
chunk; it also trusts the sizes the directory declares. Export copies every
part it does not change, including damaged ones (a wrong CRC in the theme),
so it reads entries itself: the local header, then the stored or deflated
bytes, never more than the directory declared (that is what the zip-bomb
check at opening measured), with the CRC compared at the end.
"""

from __future__ import annotations

import struct
import zipfile
import zlib
from collections.abc import Iterator
from typing import BinaryIO

CHUNK = 1 << 20
_LOCAL_HEADER = struct.Struct("<4s2B4HL2L2H")  # zipfile's own layout (30 bytes)
_LOCAL_MAGIC = b"PK\x03\x04"


class PartUnreadable(Exception):
    """The entry's bytes cannot be unpacked at all; the message says why."""

    def __init__(self, name: str, reason: str) -> None:
        super().__init__(f"{name}: {reason}")
        self.name = name
        self.reason = reason


class PartStream:
    """Iterate over an entry's unpacked bytes; afterwards `crc_ok` says if they matched."""

    def __init__(self, fh: BinaryIO, info: zipfile.ZipInfo) -> None:
        self.fh = fh
        self.info = info
        self.crc_ok = True

    def __iter__(self) -> Iterator[bytes]:
        info = self.info
        if info.flag_bits & 0x1:
            raise PartUnreadable(info.filename, "it is encrypted")
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise PartUnreadable(info.filename, f"compression method {info.compress_type} "
                                 "is not used by Word")
        self.fh.seek(info.header_offset)
        header = self.fh.read(_LOCAL_HEADER.size)
        if len(header) != _LOCAL_HEADER.size or header[:4] != _LOCAL_MAGIC:
            raise PartUnreadable(info.filename, "its local header is missing or damaged")
        fields = _LOCAL_HEADER.unpack(header)
        pos = info.header_offset + _LOCAL_HEADER.size + fields[-2] + fields[-1]
        inflate = (zlib.decompressobj(-zlib.MAX_WBITS)
                   if info.compress_type == zipfile.ZIP_DEFLATED else None)
        remaining, produced, crc, full = info.compress_size, 0, 0, False
        while True:
            if inflate is not None and (inflate.unconsumed_tail or full):
                raw = inflate.unconsumed_tail  # b"" when inflate may still hold output
            elif remaining > 0:
                self.fh.seek(pos)
                raw = self.fh.read(min(CHUNK, remaining))
                if not raw:
                    raise PartUnreadable(info.filename, "the file ends inside it (truncated)")
                pos += len(raw)
                remaining -= len(raw)
            else:
                break
            if inflate is None:
                data = raw
            else:
                # At most a chunk at a time (1 MB of deflate can unpack to 1 GB), and
                # never more than the directory declared, plus one byte to notice.
                limit = min(CHUNK, max(info.file_size - produced, 0) + 1)
                try:
                    data = inflate.decompress(raw, limit)
                except zlib.error as exc:
                    raise PartUnreadable(info.filename, f"its data is corrupt ({exc})") from None
                full = len(data) == limit
            produced += len(data)
            if produced > info.file_size:
                raise PartUnreadable(info.filename, "it unpacks to more than the zip directory "
                                     "declares")
            crc = zlib.crc32(data, crc)
            if data:
                yield data
            if inflate is not None and inflate.eof:
                break
        if produced != info.file_size:
            raise PartUnreadable(info.filename, f"it unpacks to {produced} bytes, not the "
                                 f"{info.file_size} the zip directory declares")
        self.crc_ok = crc == info.CRC
