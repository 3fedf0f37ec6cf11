"""Refusing bad documents: a specific reason, quickly, never expanding entities."""

from __future__ import annotations

import time
import zipfile
from pathlib import Path

import pytest

from desktop_app.document import DocumentError, RefusalKind, load
from tests.docx_factory import NS_DECL, document_xml, p, write_docx

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def refusal(path: Path, **limits: int) -> DocumentError:
    with pytest.raises(DocumentError) as info:
        load(str(path), **limits)
    return info.value


def test_missing_file(tmp_path: Path):
    err = refusal(tmp_path / "nope.docx")
    assert err.kind is RefusalKind.NOT_FOUND and "no such file" in err.reason


def test_empty_file(tmp_path: Path):
    path = tmp_path / "empty.docx"
    path.write_bytes(b"")
    assert refusal(path).kind is RefusalKind.EMPTY


def test_text_file_renamed(tmp_path: Path):
    path = tmp_path / "notes.docx"
    path.write_text("just some notes\n")
    err = refusal(path)
    assert err.kind is RefusalKind.NOT_WORD and "not a Word document" in err.reason


def test_legacy_doc_renamed(tmp_path: Path):
    path = tmp_path / "old.docx"
    path.write_bytes(OLE_MAGIC + b"\0" * 504 + "WordDocument".encode("utf-16-le") + b"\0" * 600)
    err = refusal(path)
    assert err.kind is RefusalKind.LEGACY_DOC and ".doc" in err.reason


def test_encrypted_package(tmp_path: Path):
    path = tmp_path / "locked.docx"
    path.write_bytes(
        OLE_MAGIC + b"\0" * 504 + "EncryptionInfo".encode("utf-16-le") + b"\0" * 64
        + "EncryptedPackage".encode("utf-16-le") + b"\0" * 600
    )
    err = refusal(path)
    assert err.kind is RefusalKind.ENCRYPTED and "password" in err.reason


def test_truncated_zip(tmp_path: Path):
    good = write_docx(tmp_path / "good.docx", p("Hello world. " * 200))
    data = good.read_bytes()
    cut = tmp_path / "cut.docx"
    cut.write_bytes(data[: len(data) // 2])
    err = refusal(cut)
    assert err.kind is RefusalKind.DAMAGED and "truncated" in err.reason


def test_corrupted_part_inside_a_valid_directory(tmp_path: Path):
    good = write_docx(tmp_path / "good.docx", p("Hello world. " * 200))
    data = bytearray(good.read_bytes())
    with zipfile.ZipFile(good) as zf:
        info = zf.getinfo("word/document.xml")
    start = info.header_offset + 30 + len(info.filename) + len(info.extra) + 5
    data[start:start + 40] = b"\xff" * 40  # garble the deflate stream, keep the directory
    bad = tmp_path / "bad.docx"
    bad.write_bytes(bytes(data))
    assert refusal(bad).kind is RefusalKind.DAMAGED


def test_missing_main_part(tmp_path: Path):
    path = write_docx(tmp_path / "x.docx", "")
    stripped = tmp_path / "stripped.docx"
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(stripped, "w") as dst:
        for item in src.infolist():
            if item.filename != "word/document.xml":
                dst.writestr(item, src.read(item))
    err = refusal(stripped)
    assert err.kind is RefusalKind.DAMAGED and "word/document.xml" in err.reason


def test_a_zip_that_is_not_an_office_package(tmp_path: Path):
    path = tmp_path / "photos.docx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("holiday.txt", "not a document")
    assert refusal(path).kind is RefusalKind.NOT_WORD


def test_spreadsheet_renamed(tmp_path: Path):
    path = write_docx(
        tmp_path / "sheet.docx", p("x"),
        main_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
    )
    err = refusal(path)
    assert err.kind is RefusalKind.NOT_WORD and "Excel" in err.reason


def test_malformed_xml(tmp_path: Path):
    path = write_docx(tmp_path / "m.docx", "", document=document_xml(p("ok"))[:-30])
    err = refusal(path)
    assert err.kind is RefusalKind.DAMAGED and "not well-formed" in err.reason


def test_zip_bomb_refused_before_inflating(tmp_path: Path):
    path = tmp_path / "bomb.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        with zf.open("word/media/zeros.bin", "w", force_zip64=True) as fh:
            chunk = b"\0" * (1 << 20)
            for _ in range(80):
                fh.write(chunk)
    start = time.perf_counter()
    err = refusal(path)
    assert err.kind is RefusalKind.TOO_LARGE and "zip bomb" in err.reason
    assert time.perf_counter() - start < 1.0


def test_total_unpacked_size_limit(tmp_path: Path):
    path = write_docx(tmp_path / "big.docx", p("word " * 5000))
    err = refusal(path, max_unpacked_bytes=10_000)
    assert err.kind is RefusalKind.TOO_LARGE and "unpack" in err.reason


def test_a_directory_that_lies_about_sizes_is_caught_while_reading(tmp_path: Path):
    path = write_docx(tmp_path / "lie.docx", p("word " * 20000))
    err = refusal(path, max_part_bytes=50_000)
    assert err.kind is RefusalKind.TOO_LARGE


def test_oversized_file(tmp_path: Path):
    path = write_docx(tmp_path / "f.docx", p("hello"))
    err = refusal(path, max_file_bytes=100)
    assert err.kind is RefusalKind.TOO_LARGE and "MB" in err.reason


def _doc_with_prolog(prolog: str, body_text: str) -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>' + prolog
        + f"<w:document {NS_DECL}><w:body><w:p><w:r><w:t>{body_text}</w:t></w:r></w:p>"
        "</w:body></w:document>"
    )


def test_billion_laughs_is_never_expanded(tmp_path: Path):
    entities = '<!ENTITY lol "lol">' + "".join(
        f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10 if i > 1 else "&lol;" * 10}">'
        for i in range(1, 10)
    )
    doc = _doc_with_prolog(f"<!DOCTYPE lolz [{entities}]>", "&lol9;")
    path = write_docx(tmp_path / "laughs.docx", "", document=doc)
    start = time.perf_counter()
    err = refusal(path)
    assert err.kind is RefusalKind.UNSAFE_XML
    assert time.perf_counter() - start < 1.0


def test_external_entity_is_never_resolved(tmp_path: Path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-CONTENT")
    doc = _doc_with_prolog(
        f'<!DOCTYPE d [<!ENTITY xxe SYSTEM "file://{secret}">]>', "before &xxe; after"
    )
    path = write_docx(tmp_path / "xxe.docx", "", document=doc)
    err = refusal(path)
    assert err.kind is RefusalKind.UNSAFE_XML
    assert "TOP-SECRET" not in err.reason


def test_entities_stay_unexpanded_even_past_the_dtd_check():
    """Defence in depth: the parser itself never resolves entities."""
    from lxml import etree

    from desktop_app.document.package import _PARSER

    root = etree.fromstring(
        b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY e "EXPANDED">]><d>&e;</d>', _PARSER
    )
    assert "EXPANDED" not in etree.tostring(root).decode()


def test_strict_ooxml_is_read(tmp_path: Path):
    strict_ns = "http://purl.oclc.org/ooxml/wordprocessingml/main"
    doc = document_xml(p("Strict heading", outline=0) + p("Strict body.")).replace(
        "http://schemas.openxmlformats.org/wordprocessingml/2006/main", strict_ns
    )
    path = write_docx(tmp_path / "strict.docx", "", document=doc)
    # Strict packages also name their relationships in the purl.oclc.org namespace.
    rels = (
        '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
        '2006/relationships"><Relationship Id="rId1" Type="http://purl.oclc.org/ooxml/'
        'officeDocument/relationships/officeDocument" Target="word/document.xml"/>'
        "</Relationships>"
    )
    rewritten = tmp_path / "strict2.docx"
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(rewritten, "w") as dst:
        for item in src.infolist():
            data = rels if item.filename == "_rels/.rels" else src.read(item)
            dst.writestr(item.filename, data)
    loaded = load(str(rewritten))
    assert loaded.strict
    assert [s.title for s in loaded.walk()] == ["Strict heading"]
    assert loaded.sections[0].text == "Strict body."


def test_deeply_nested_xml_is_refused_quickly(tmp_path: Path):
    depth = 50_000
    doc = (
        f'<?xml version="1.0"?><w:document {NS_DECL}><w:body>' + "<w:sdt><w:sdtContent>" * depth
        + p("deep") + "</w:sdtContent></w:sdt>" * depth + "</w:body></w:document>"
    )
    path = write_docx(tmp_path / "deep.docx", "", document=doc)
    start = time.perf_counter()
    err = refusal(path)
    assert err.kind is RefusalKind.DAMAGED and "too deeply" in err.reason
    assert time.perf_counter() - start < 5.0
