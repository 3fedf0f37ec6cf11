"""Hostile documents (issue 11): named pipes, huge bodies, DTDs however hidden."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from desktop_app.document import DocumentError, RefusalKind, load
from desktop_app.document.package import MAX_BODY_BYTES, MAX_PARAGRAPHS
from tests.docx_factory import NS_DECL, document_xml, p, write_docx


def refusal(path: Path | str, **limits: int) -> DocumentError:
    with pytest.raises(DocumentError) as info:
        load(str(path), **limits)
    return info.value


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_named_pipe_is_refused_at_once_not_waited_on(tmp_path: Path):
    pipe = tmp_path / "report.docx"
    os.mkfifo(pipe)
    # In a child process: a loader that opened the pipe would wait for a writer forever.
    start = time.monotonic()
    proc = subprocess.run([sys.executable, "-m", "desktop_app", "sections", str(pipe)],
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 3
    assert proc.stderr == (f"margin: cannot open {pipe}: not a regular file: it is a named "
                           "pipe, not a document saved on disk\n")
    assert time.monotonic() - start < 30


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
def test_a_device_is_refused_without_reading_it():
    err = refusal("/dev/zero")  # endless: read, it would exhaust memory
    assert err.kind is RefusalKind.UNREADABLE and "it is a device" in err.reason


def test_a_text_part_over_the_limit_is_refused_before_it_is_inflated(tmp_path: Path):
    body = "".join(p(f"Paragraph {i} of a long record.") for i in range(4000))
    path = write_docx(tmp_path / "big.docx", body)
    err = refusal(path, max_body_bytes=100_000)
    assert err.kind is RefusalKind.TOO_LARGE
    assert err.reason.startswith("too large: its text unpacks to ")
    assert "over the 97 KB Margin reads" in err.reason and "split it" in err.reason
    assert err.reason.startswith("too large: its text unpacks to 336 KB")


def test_a_body_past_the_default_limit_is_refused_by_its_declared_size(tmp_path: Path):
    # The report's 200 MB body of 969,000 paragraphs took 12 s and 1.6 GB; one
    # just past the default limit is refused on what the zip directory declares.
    unit = "<w:p><w:r><w:t>x</w:t></w:r></w:p>"
    body = unit * (MAX_BODY_BYTES // len(unit) + 1000)
    path = tmp_path / "huge.docx"
    write_docx(path, body)
    start = time.monotonic()
    err = refusal(path)
    assert err.kind is RefusalKind.TOO_LARGE
    assert err.reason == ("too large: its text unpacks to 33 MB, over the 32 MB Margin reads "
                          "(about 4,800 pages); split it into smaller documents")
    assert time.monotonic() - start < 5  # never inflated, let alone parsed
    assert MAX_PARAGRAPHS < (MAX_BODY_BYTES // len(unit))  # tiny paragraphs: capped too


@pytest.mark.parametrize("careful", [False, True])
def test_too_many_paragraphs_is_too_large(tmp_path: Path, careful: bool):
    hidden = '<w:r><w:rPr><w:vanish/></w:rPr><w:t>x</w:t></w:r>' if careful else ""
    body = "".join(f"<w:p><w:r><w:t>{i}</w:t></w:r>{hidden}</w:p>" for i in range(150))
    path = write_docx(tmp_path / "many.docx", body)
    err = refusal(path, max_paragraphs=100)
    assert err.kind is RefusalKind.TOO_LARGE
    assert err.reason.startswith("too large: more than 100 paragraphs")
    assert len(list(load(str(path), max_paragraphs=150).walk())) == 1


def test_one_huge_paragraph_is_too_large_not_malformed(tmp_path: Path):
    text = "word " * (11 * 1024 * 1024 // 5)  # one 11 MB run: over libxml2's 10 MB a node
    path = write_docx(tmp_path / "one.docx", f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>")
    err = refusal(path)
    assert err.kind is RefusalKind.TOO_LARGE
    assert "holds a run of text or a name over 10 MB" in err.reason


def _with_dtd(padding: str = "") -> str:
    return ('<?xml version="1.0" encoding="UTF-8"?>' + padding
            + '<!DOCTYPE d [<!ENTITY xxe "INJECTED">]>'
            + f"<w:document {NS_DECL}><w:body><w:p><w:r><w:t>a &xxe; b</w:t></w:r></w:p>"
            "</w:body></w:document>")


@pytest.mark.parametrize("case", ["padded", "utf-16", "utf-16 padded"])
def test_a_dtd_is_refused_however_it_is_hidden(tmp_path: Path, case: str):
    padding = "<!--" + " " * 5000 + "-->" if "padded" in case else ""  # past 4,096 bytes
    doc = _with_dtd(padding)
    data: str | bytes = doc
    if "utf-16" in case:
        data = doc.replace('encoding="UTF-8"', 'encoding="UTF-16"').encode("utf-16")
    path = write_docx(tmp_path / "dtd.docx", "", document=data)  # type: ignore[arg-type]
    err = refusal(path)
    assert err.kind is RefusalKind.UNSAFE_XML and "the main document part" in err.reason


@pytest.mark.parametrize("part", ["docProps/core.xml", "word/styles.xml"])
def test_a_dtd_in_any_part_read_is_refused(tmp_path: Path, part: str):
    xml = ('<?xml version="1.0" encoding="UTF-8"?><!--' + " " * 5000 + '-->'
           '<!DOCTYPE x [<!ENTITY e "E">]>'
           '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/'
           'metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">'
           '<dc:title>&e;</dc:title></cp:coreProperties>')
    plain = write_docx(tmp_path / "plain.docx", p("Text."))
    path = tmp_path / "part.docx"
    with zipfile.ZipFile(plain) as src, zipfile.ZipFile(path, "w") as dst:
        for item in src.infolist():
            if item.filename != part:
                dst.writestr(item.filename, src.read(item))
        dst.writestr(part, xml)
    err = refusal(path)
    assert err.kind is RefusalKind.UNSAFE_XML and part.split("/")[-1] in err.reason


def test_an_ordinary_document_still_opens(tmp_path: Path):
    path = write_docx(tmp_path / "ok.docx", "", document=document_xml(p("Fine.")))
    assert load(str(path)).sections[0].text == "Fine."


@pytest.mark.parametrize("own_text", [False, True])
def test_text_in_an_embedded_chunk_is_named_not_called_empty(tmp_path: Path, own_text: bool):
    html = "<html><body><h1>Findings</h1><p>The pump failed twice.</p></body></html>"
    rels = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
            'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http'
            '://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target='
            '"styles.xml"/><Relationship Id="chunk1" Type="http://schemas.openxmlformats.org/'
            'officeDocument/2006/relationships/aFChunk" Target="chunk.html"/></Relationships>')
    body = (p("Introduction written in Word.") if own_text else "") + '<w:altChunk r:id="chunk1"/>'
    plain = write_docx(tmp_path / "plain.docx", body)
    path = tmp_path / "chunk.docx"
    with zipfile.ZipFile(plain) as src, zipfile.ZipFile(path, "w") as dst:
        for item in src.infolist():
            if item.filename != "word/_rels/document.xml.rels":
                dst.writestr(item.filename, src.read(item))
        dst.writestr("word/_rels/document.xml.rels", rels)
        dst.writestr("word/chunk.html", html)
    err = refusal(path)
    assert err.kind is RefusalKind.UNSUPPORTED
    some = "part of its text" if own_text else "its text"
    assert err.reason.startswith(f"not supported: {some} is in an embedded chunk (altChunk")
    assert "open it in Word, save it, and open the saved copy" in err.reason
