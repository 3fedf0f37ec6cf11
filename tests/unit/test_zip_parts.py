"""Reading one zip entry as export copies it: in bounded chunks, checked, never trusted."""

from __future__ import annotations

import io
import zipfile

import pytest

from desktop_app.export.zip_parts import CHUNK, PartStream, PartUnreadable

MB = 1024 * 1024


def zipped(data: bytes, method: int = zipfile.ZIP_DEFLATED) -> tuple[io.BytesIO, zipfile.ZipInfo]:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", method) as zf:
        zf.writestr("part.xml", data)
    buf.seek(0)
    return buf, zipfile.ZipFile(buf).getinfo("part.xml")


def test_a_part_that_unpacks_hugely_comes_in_chunks_of_at_most_a_megabyte():
    data = b"<w:p/>" * (30 * MB // 6)  # ~30 KB deflated
    buf, info = zipped(data)
    stream = PartStream(buf, info)
    sizes = [len(chunk) for chunk in stream]
    assert max(sizes) <= CHUNK and sum(sizes) == len(data) and stream.crc_ok


@pytest.mark.parametrize("method", [zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED])
def test_a_wrong_checksum_still_gives_every_byte_and_says_so(method):
    data = b"<a:theme/>" * 50_000
    buf, info = zipped(data, method)
    info.CRC ^= 1
    stream = PartStream(buf, info)
    assert b"".join(stream) == data and not stream.crc_ok


def test_a_directory_that_understates_a_size_is_caught():
    buf, info = zipped(b"x" * 10 * MB)
    info.file_size = MB  # what the zip-bomb check measured
    with pytest.raises(PartUnreadable, match="more than the zip directory declares"):
        b"".join(PartStream(buf, info))


def test_truncated_and_damaged_entries_are_unreadable_not_crashes():
    buf, info = zipped(bytes(range(256)) * 4000)
    cut = io.BytesIO(buf.getvalue()[: info.header_offset + 30 + len(info.filename) + 100])
    with pytest.raises(PartUnreadable, match="truncated"):
        b"".join(PartStream(cut, info))
    raw = bytearray(buf.getvalue())
    start = info.header_offset + 30 + len(info.filename)
    raw[start:start + 4] = b"\xff\xff\xff\xff"  # an invalid deflate block type
    with pytest.raises(PartUnreadable, match="corrupt"):
        b"".join(PartStream(io.BytesIO(bytes(raw)), info))
    raw = bytearray(buf.getvalue())
    raw[info.header_offset:info.header_offset + 4] = b"JUNK"
    with pytest.raises(PartUnreadable, match="local header"):
        b"".join(PartStream(io.BytesIO(bytes(raw)), info))
    info.flag_bits |= 0x1
    with pytest.raises(PartUnreadable, match="encrypted"):
        b"".join(PartStream(buf, info))
