"""A second, independent reader: LibreOffice opens the reviewed copy headlessly.

It prints the comments into a PDF (as PDF annotations, and in the page margin on
LibreOffice 7.6+ where `ExportNotesInMargin` exists) and re-saves the copy as
.docx, from which each comment's range is read back. Skipped when `soffice` is
not installed, unless MARGIN_REQUIRE_LIBREOFFICE=1 (CI), where that fails.
Debian: libreoffice-writer-nogui, poppler-utils (pdftotext).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import zlib
from pathlib import Path

import docx
import pytest
from lxml import etree

from desktop_app.document import load
from desktop_app.export.docx_comments import export_reviewed_docx
from tests.docx_factory import p, raw_p, write_docx
from tests.docx_inspect import inspect, w
from tests.export_helpers import at

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
PDF_NOTES = ('pdf:writer_pdf_Export:{"ExportNotes":{"type":"boolean","value":"true"},'
             '"ExportNotesInMargin":{"type":"boolean","value":"true"}}')


@pytest.fixture(scope="module")
def soffice() -> str:
    if SOFFICE is None:
        if os.environ.get("MARGIN_REQUIRE_LIBREOFFICE") == "1":
            pytest.fail("soffice is required (MARGIN_REQUIRE_LIBREOFFICE=1) but not on PATH: "
                        "install libreoffice-writer-nogui")
        pytest.skip("LibreOffice (soffice) is not installed; CI installs "
                    "libreoffice-writer-nogui and sets MARGIN_REQUIRE_LIBREOFFICE=1")
    return SOFFICE


def convert(soffice: str, src: Path, target: str, outdir: Path, profile: Path) -> Path:
    """soffice --convert-to, with a private profile so that runs never share state."""
    proc = subprocess.run(
        [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
         "--convert-to", target, "--outdir", str(outdir), str(src)],
        capture_output=True, text=True, timeout=180)
    ext = target.split(":", 1)[0]
    out = outdir / f"{src.stem}.{ext}"
    assert proc.returncode == 0 and out.exists(), proc.stdout + proc.stderr
    return out


def _pdf_string(raw: bytes) -> str:
    """A PDF string token, <hex> or (literal), decoded (UTF-16 with a BOM, else Latin-1)."""
    if raw.startswith(b"<"):
        data = bytes.fromhex(re.sub(rb"\s", b"", raw[1:-1]).decode())
    else:
        data, body, i = bytearray(), raw[1:-1], 0
        escapes = {ord("n"): b"\n", ord("r"): b"\r", ord("t"): b"\t", ord("b"): b"\b",
                   ord("f"): b"\f"}
        while i < len(body):
            c = body[i]
            if c == 0x5C and i + 1 < len(body):  # backslash
                n = body[i + 1]
                octal = re.match(rb"[0-7]{1,3}", body[i + 1:i + 4])
                if octal:
                    data.append(int(octal.group(), 8) & 0xFF)
                    i += 1 + len(octal.group())
                    continue
                data += escapes.get(n, bytes([n]))
                i += 2
                continue
            data.append(c)
            i += 1
        data = bytes(data)
    if data.startswith(b"\xfe\xff"):
        return data[2:].decode("utf-16-be", errors="replace")
    return data.decode("latin-1")


_CONTENTS = re.compile(rb"/Contents\s*(<[0-9A-Fa-f\s]*>|\((?:\\.|[^\\()]|\([^()]*\))*\))", re.S)


def pdf_annotation_texts(pdf: bytes) -> list[str]:
    """Every /Contents string, also inside Flate-compressed object streams."""
    chunks = [pdf]
    for m in re.finditer(rb"stream\r?\n(.*?)\r?\nendstream", pdf, re.S):
        try:
            chunks.append(zlib.decompress(m.group(1)))
        except zlib.error:
            continue
    return [_pdf_string(m.group(1)) for chunk in chunks for m in _CONTENTS.finditer(chunk)]


@pytest.fixture(scope="module")
def exported(tmp_path_factory) -> tuple[Path, dict[int, str], dict[int, str]]:
    """A copy with comments on plain, bold, linked and inserted text, and one rewrite."""
    tmp = tmp_path_factory.mktemp("lo")
    body = (p("Payment outage", "berschrift1")
            + p("Customers & staff saw <errors> for 47 minutes 🦊 — مرحبا — 你好.", bold=False)
            + raw_p('<w:r><w:t xml:space="preserve">See </w:t></w:r>'
                    '<w:hyperlink w:anchor="x"><w:r><w:t>the runbook</w:t></w:r></w:hyperlink>'
                    '<w:r><w:t xml:space="preserve"> and </w:t></w:r>'
                    '<w:ins w:id="1" w:author="Priya" w:date="2024-03-20T10:00:00Z"><w:r>'
                    '<w:t>the new alert route</w:t></w:r></w:ins><w:r><w:t>.</w:t></w:r>')
            + p("The pool was reduced from 60 to 4 connections per pod."))
    src = write_docx(tmp / "outage.docx", body)
    doc = load(str(src))
    sec = doc.sections[0]
    findings = [
        at(sec, "staff saw <errors>", "Ampersand & <angle> survive 🦊", severity="major"),
        at(sec, "مرحبا — 你好", "RTL and CJK: النص 中文", severity="minor"),
        at(sec, "the runbook", "Link text commented", severity="suggestion"),
        at(sec, "new alert route", "Inserted text commented", severity="critical"),
        at(sec, "from 60 to 4", "Say the intended value", rewrite="from 60 to 40"),
    ]
    out = tmp / "outage (reviewed).docx"
    summary = export_reviewed_docx(src, doc, {sec.id: findings}, out, tracked_rewrites=True)
    assert summary.tracked == 1 and summary.on_quote == 5
    got = inspect(out)
    ranges = {cid: (r.deleted_by.get("Margin") or r.text) for cid, r in got.ranges.items()}
    return out, got.comments, ranges


def test_libreoffice_prints_every_comment_into_the_pdf(soffice, exported, tmp_path):
    out, comments, _ = exported
    pdf = convert(soffice, out, PDF_NOTES, tmp_path / "pdf", tmp_path / "profile")
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF")
    notes = "\n".join(pdf_annotation_texts(data))
    page_text = ""
    if shutil.which("pdftotext"):  # comments in the margin, where LibreOffice can
        page_text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                                   text=True, timeout=60).stdout
    for text in comments.values():
        issue = text.split("] ", 1)[1].split("\n")[0]
        assert issue in notes or issue in page_text, issue


def test_libreoffice_reads_the_same_ranges_and_the_tracked_change(soffice, exported, tmp_path):
    out, comments, ranges = exported
    again = convert(soffice, out, "docx:MS Word 2007 XML", tmp_path / "docx",
                    tmp_path / "profile")
    got = inspect(again)
    theirs = {text.split("\n")[0]: (r.deleted_by.get("Margin") or r.text)
              for cid, text in got.comments.items() for r in [got.ranges[cid]]}
    ours = {text.split("\n")[0]: ranges[cid] for cid, text in comments.items()}
    assert theirs == ours
    root = etree.fromstring(got.document_xml)
    authors = {(el.tag, el.get(w("author"))) for el in root.iter(w("ins"), w("del"))}
    assert (w("del"), "Margin") in authors and (w("ins"), "Margin") in authors
    assert (w("ins"), "Priya") in authors  # the document's own revision too
    assert "Payment outage" in docx.Document(str(again)).paragraphs[0].text


def convert_all(soffice: str, sources: list[Path], target: str, outdir: Path,
                profile: Path) -> list[Path]:
    """One soffice run for several files: its start-up is most of the cost."""
    proc = subprocess.run(
        [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
         "--convert-to", target, "--outdir", str(outdir), *map(str, sources)],
        capture_output=True, text=True, timeout=300)
    outs = [outdir / f"{src.stem}.{target.split(':', 1)[0]}" for src in sources]
    assert proc.returncode == 0 and all(o.exists() for o in outs), proc.stdout + proc.stderr
    return outs


def _ranges(got) -> dict[str, str]:
    """Margin's comments: first line -> the text it covers (or deletes, for a rewrite)."""
    return {text.split("\n")[0]: (got.ranges[cid].deleted_by.get("Margin") or got.ranges[cid].text)
            for cid, text in got.comments.items()
            if got.authors[cid] == "Margin" and cid in got.ranges}


@pytest.mark.corpus
def test_libreoffice_reads_strict_and_repaired_copies_as_we_wrote_them(soffice, tmp_path):
    """The corpus's Strict files, a Strict file made here, InvalidDocProps (missing
    properties parts) and packages broken here (a missing image, a hyperlink stored
    as a part, a theme with a wrong checksum): LibreOffice opens each copy and
    reads every comment on the text we put it on, and the tracked rewrites."""
    from tests.conftest import corpus_path
    from tests.docx_factory import write_strict_docx
    from tests.unit.test_export_corpus import one_finding_per_section
    from tests.unit.test_export_packages import (
        BODY,
        R_TYPES,
        ROOT_RELS_CORE,
        break_crc,
        themed,
        with_rels,
    )
    from tests.unit.test_export_packages import STRICT_CORPUS as strict_files

    made = tmp_path / "made"
    made.mkdir()
    sources = [corpus_path(rel) for rel in strict_files] + [corpus_path(
        "Open-XML-SDK/test__DocumentFormat.OpenXml.Tests.Assets__assets__TestFiles__"
        "InvalidDocProps.docx")]
    sources.append(write_strict_docx(made / "strict-made.docx", BODY))
    sources.append(write_docx(made / "dangling.docx", BODY + raw_p(
        '<w:hyperlink r:id="rIdL"><w:r><w:t>the runbook</w:t></w:r></w:hyperlink>'),
        doc_rels=with_rels(
            f'<Relationship Id="rIdI" Type="{R_TYPES}/image" Target="media/image1.png"/>',
            f'<Relationship Id="rIdL" Type="{R_TYPES}/hyperlink" Target="https://example.com/"/>'),
        root_rels=ROOT_RELS_CORE))
    theme = themed(made, "theme-crc.docx")
    break_crc(theme, "word/theme/theme1.xml")
    sources.append(theme)
    copies, ours = [], {}
    for i, src in enumerate(sources):
        doc = load(str(src))
        out = tmp_path / "copies" / f"copy{i}.docx"
        summary = export_reviewed_docx(src, doc, one_finding_per_section(doc, "Changed."), out,
                                       tracked_rewrites=True)
        assert summary.comments > 0
        copies.append(out)
        ours[out.stem] = (_ranges(inspect(out)), summary.tracked)
    for again in convert_all(soffice, copies, "docx:MS Word 2007 XML", tmp_path / "lo",
                             tmp_path / "profile"):
        got = inspect(again)
        ranges, tracked = ours[again.stem]
        assert _ranges(got) == ranges, again.stem
        root = etree.fromstring(got.document_xml)
        margin_dels = [el for el in root.iter(w("del")) if el.get(w("author")) == "Margin"]
        assert len(margin_dels) == tracked, again.stem


def test_libreoffice_reads_one_comment_per_quote_of_a_document_finding(soffice, env, tmp_path):
    """Issue 13: a finding spanning sections is one comment on each of its quotes, each
    with the issue verbatim; LibreOffice reads those comments on the same ranges."""
    import json

    from tests.cross_section_docs import write
    from tests.e2e.cli import margin

    source = write(tmp_path / "planted.docx")
    out, report = tmp_path / "planted (reviewed).docx", tmp_path / "r.json"
    proc = margin(["review", str(source), "--provider", "local", "--accept-all",
                   "--out", str(out), "--report", str(report)], env)
    assert proc.returncode == 0, proc.stderr
    found = json.loads(report.read_text())["document_findings"]
    assert found and any(len(d["quotes"]) >= 2 for d in found)
    again = inspect(convert(soffice, out, "docx:MS Word 2007 XML", tmp_path / "docx",
                            tmp_path / "profile"))
    for d in found:
        places = sorted(again.ranges[cid].text for cid, text in again.comments.items()
                        if d["issue"] in text and cid in again.ranges)
        assert places == sorted(q["quote"] for q in d["quotes"]), d["issue"]
