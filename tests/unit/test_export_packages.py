"""Export of packages Word opens (or repairs) but a strict reader would not:
Strict Open XML, relationships to missing parts, damaged parts, huge headers.

Each copy is checked the way a user's tools would read it: our loader (same
sections), python-docx when the copy is transitional (it refuses Strict), and
an independent walk of the main part for each comment's range.
"""

from __future__ import annotations

import re
import struct
import subprocess
import sys
import zipfile
from pathlib import Path

import docx
import pytest
from lxml import etree

from desktop_app.document import load
from desktop_app.export.docx_comments import ExportError, export_problem, export_reviewed_docx
from tests.docx_factory import (
    CONTENT_TYPES,
    DOC_RELS,
    STRICT_RELS,
    STRICT_W,
    W_NS,
    p,
    raw_p,
    write_docx,
    write_strict_docx,
)
from tests.docx_inspect import inspect, w
from tests.export_helpers import at, by_title, export, sha256
from tests.hostile_docx import heavy_headers_docx

R_TYPES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
CORE_REL = ('<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/'
            'relationships/metadata/core-properties" Target="docProps/core.xml"/>')
ROOT_RELS_CORE = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns='
                  '"http://schemas.openxmlformats.org/package/2006/relationships"><Relationship '
                  f'Id="rId1" Type="{R_TYPES}/officeDocument" Target="word/document.xml"/>'
                  f'{CORE_REL}</Relationships>')
THEME_REL = f'<Relationship Id="rIdT" Type="{R_TYPES}/theme" Target="theme/theme1.xml"/>'
THEME = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><a:theme xmlns:a='
         '"http://schemas.openxmlformats.org/drawingml/2006/main" name="Office"><a:themeElements>'
         '<a:clrScheme name="Office"/></a:themeElements></a:theme>')
THEME_TYPE = "application/vnd.openxmlformats-officedocument.theme+xml"
BODY = (p("Findings", "berschrift1") + p("The pool was reduced from 60 to 4 connections.")
        + p("Second paragraph stays."))


def with_rels(*rels: str) -> str:
    return DOC_RELS.replace("</Relationships>", "".join(rels) + "</Relationships>")


def with_types(*overrides: tuple[str, str]) -> str:
    extra = "".join(f'<Override PartName="{n}" ContentType="{t}"/>' for n, t in overrides)
    return CONTENT_TYPES.replace("</Types>", extra + "</Types>")


def _central_entries(data: bytes):
    """(offset of each central directory header, its name)."""
    end = data.rindex(b"PK\x05\x06")
    count, _size, start = struct.unpack("<HLL", data[end + 10:end + 20])
    at_ = start
    for _ in range(count):
        nlen, elen, clen = struct.unpack("<HHH", data[at_ + 28:at_ + 34])
        yield at_, data[at_ + 46:at_ + 46 + nlen].decode()
        at_ += 46 + nlen + elen + clen


def break_crc(path: Path, name: str) -> None:
    """Make the stored checksum of `name` wrong (its bytes stay as they were)."""
    data = bytearray(path.read_bytes())
    info = zipfile.ZipFile(path).getinfo(name)
    for offset in (info.header_offset + 14,
                   next(o for o, n in _central_entries(bytes(data)) if n == name) + 16):
        crc = struct.unpack("<L", data[offset:offset + 4])[0]
        data[offset:offset + 4] = struct.pack("<L", crc ^ 0xDEADBEEF)
    path.write_bytes(bytes(data))


def break_data(path: Path, name: str) -> None:
    """Make `name`'s deflated bytes undecodable (an invalid block type)."""
    data = bytearray(path.read_bytes())
    info = zipfile.ZipFile(path).getinfo(name)
    nlen, elen = struct.unpack("<HH", data[info.header_offset + 26:info.header_offset + 30])
    start = info.header_offset + 30 + nlen + elen
    data[start:start + info.compress_size] = b"\xff" * info.compress_size
    path.write_bytes(bytes(data))


def check_copy(src: Path, out: Path, findings: list, *, transitional: bool = True) -> None:
    """The copy opens as the original does, with each finding a comment on its quote."""
    again, before = load(str(out)), load(str(src))
    assert [(s.title, s.text) for s in again.walk()] == [(s.title, s.text) for s in before.walk()]
    got = inspect(out)
    assert got.strict != transitional
    assert len(got.comments) == len(findings)
    for cid, text in got.comments.items():
        f = next(f for f in findings if f.issue in text)
        assert got.ranges[cid].closed and got.ranges[cid].text == f.quote
    if transitional:
        assert len(docx.Document(str(out)).comments) == len(findings)


def findings_for(src: Path):
    doc = load(str(src))
    sec = by_title(doc, "Findings")
    return doc, [at(sec, "from 60 to 4", "Say the intended value", rewrite="from 60 to 40"),
                 at(sec, "Second", "Second word")]


# -- Strict Open XML ----------------------------------------------------------------------


def test_a_strict_document_exports_and_stays_strict(tmp_path: Path):
    src = write_strict_docx(tmp_path / "strict.docx", BODY + raw_p(
        f'<w:r><w:t>The namespace {STRICT_W} is text here.</w:t></w:r>'))
    doc, findings = findings_for(src)
    assert doc.strict
    out = tmp_path / "strict (reviewed).docx"
    summary = export_reviewed_docx(src, doc, {doc.sections[0].id: findings}, out)
    assert summary.comments == 2 and summary.notes == []
    check_copy(src, out, findings, transitional=False)
    summary = export_reviewed_docx(src, doc, {doc.sections[0].id: findings}, out,
                                   tracked_rewrites=True)
    assert summary.comments == 2 and summary.tracked == 1
    assert "from 60 to 40 connections" in load(str(out)).sections[0].text
    with zipfile.ZipFile(out) as zf:
        main, comments = zf.read("word/document.xml"), zf.read("word/comments.xml")
        rels = zf.read("word/_rels/document.xml.rels").decode()
        assert zf.read("_rels/.rels") == zipfile.ZipFile(src).read("_rels/.rels")
        types = zf.read("[Content_Types].xml").decode()
    for part in (main, comments):
        assert W_NS.encode() not in part and R_TYPES.encode() not in part
        root = etree.fromstring(part)
        assert root.nsmap["w"] == STRICT_W
    assert f'Type="{STRICT_RELS}/comments" Target="comments.xml"' in rels
    assert ('PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-'
            'officedocument.wordprocessingml.comments+xml"') in types
    root = etree.fromstring(main)
    revisions = {el.tag for el in root.iter(f"{{{STRICT_W}}}del", f"{{{STRICT_W}}}ins")}
    assert revisions == {f"{{{STRICT_W}}}del", f"{{{STRICT_W}}}ins"}
    # only declarations were mapped: text naming a namespace is as it was
    assert f"The namespace {STRICT_W} is text here.".encode() in main
    with pytest.raises(Exception):  # noqa: B017 - python-docx refuses Strict, as before
        docx.Document(str(out))


def test_a_strict_document_keeps_its_own_comments(tmp_path: Path):
    own = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
           f'<w:comments xmlns:w="{W_NS}"><w:comment w:id="0" w:author="Priya">'
           '<w:p><w:r><w:t>Existing remark</w:t></w:r></w:p></w:comment></w:comments>')
    body = BODY.replace("<w:t xml:space=\"preserve\">Second", '<w:t xml:space="preserve">'
                        'Second').replace(p("Second paragraph stays."), raw_p(
                            '<w:commentRangeStart w:id="0"/><w:r><w:t>Second paragraph stays.'
                            '</w:t></w:r><w:commentRangeEnd w:id="0"/><w:r><w:commentReference '
                            'w:id="0"/></w:r>'))
    rel = f'<Relationship Id="rIdC" Type="{R_TYPES}/comments" Target="comments.xml"/>'
    src = write_strict_docx(tmp_path / "own.docx", body, doc_rels=with_rels(rel),
                            extra={"word/comments.xml": own})
    doc, findings = findings_for(src)
    out = tmp_path / "own (reviewed).docx"
    export_reviewed_docx(src, doc, {doc.sections[0].id: findings}, out)
    got = inspect(out)
    assert got.comments[0] == "Existing remark" and got.authors[0] == "Priya"
    assert got.ranges[0].text == "Second paragraph stays."
    assert sorted(got.comments) == [0, 1, 2]


STRICT_CORPUS = [
    "mammoth.js/test__test-data__strict-format.docx",
    "Open-XML-SDK/test__DocumentFormat.OpenXml.Tests.Assets__assets__TestFiles__Strict01.docx",
    "Open-XML-SDK/test__DocumentFormat.OpenXml.Tests.Assets__assets__TestDataStorage__"
    "O14ISOStrict__Word__eastAsianLayout-East Asian Typography Settings-vert-1.docx",
]


@pytest.mark.corpus
@pytest.mark.parametrize("rel", STRICT_CORPUS)
def test_the_corpus_strict_documents_export(rel: str, tmp_path: Path):
    from tests.conftest import corpus_path
    from tests.unit.test_export_corpus import one_finding_per_section

    src = corpus_path(rel)
    doc = load(str(src))
    assert doc.strict
    findings = one_finding_per_section(doc, rewrite="Changed.")
    before = inspect(src)
    out = tmp_path / "copy.docx"
    summary = export_reviewed_docx(src, doc, findings, out, tracked_rewrites=True)
    assert summary.comments == sum(len(v) for v in findings.values())
    got = inspect(out)
    assert got.strict
    assert {c: t for c, t in got.comments.items() if c in before.comments} == before.comments
    assert len(got.comments) == len(before.comments) + summary.comments
    quoted = {f.issue: f.quote for fs in findings.values() for f in fs if f.anchored}
    for cid, text in got.comments.items():
        issue = text.split("] ", 1)[-1].split("\n")[0]
        if cid not in before.comments and issue in quoted:
            rng = got.ranges[cid]
            assert (rng.deleted_by.get("Margin") or rng.text) == quoted[issue]
    again = load(str(out))  # the rewrites are tracked changes, read as accepted
    assert again.paragraph_count == doc.paragraph_count
    assert len(list(again.walk())) == len(list(doc.walk()))


# -- relationships to missing parts -------------------------------------------------------


@pytest.mark.corpus
def test_invalid_doc_props_exports_without_its_missing_properties(tmp_path: Path):
    from tests.conftest import corpus_path

    src = corpus_path("Open-XML-SDK/test__DocumentFormat.OpenXml.Tests.Assets__assets__"
                      "TestFiles__InvalidDocProps.docx")
    with pytest.raises(KeyError):
        docx.Document(str(src))  # what the old export stumbled on
    doc = load(str(src))
    sec = doc.sections[0]
    quote = sec.text.split()[0]
    summary, got = export(src, {sec.id: [at(sec, quote, "first word")]}, tmp_path / "c.docx",
                          doc=doc)
    assert got.ranges[next(iter(got.comments))].text == quote
    assert summary.notes == [
        "docProps/core.xml is missing from the document; the reference to it from the "
        "package was left out of the copy",
        "docProps/app.xml is missing from the document; the reference to it from the package "
        "was left out of the copy"]
    assert docx.Document(str(tmp_path / "c.docx")).core_properties is not None
    # every .xml defaults to the main document type there: the comments part says its own
    with zipfile.ZipFile(tmp_path / "c.docx") as zf:
        assert b'PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-' \
               b'officedocument.wordprocessingml.comments+xml"' in zf.read("[Content_Types].xml")


def test_missing_image_core_properties_and_a_hyperlink_stored_as_a_part(tmp_path: Path):
    image = f'<Relationship Id="rIdI" Type="{R_TYPES}/image" Target="media/image1.png"/>'
    link = (f'<Relationship Id="rIdL" Type="{R_TYPES}/hyperlink" '
            'Target="https://example.com/runbook"/>')
    body = BODY + raw_p('<w:hyperlink r:id="rIdL"><w:r><w:t>the runbook</w:t></w:r>'
                        '</w:hyperlink>')
    src = write_docx(tmp_path / "dangling.docx", body, doc_rels=with_rels(image, link),
                     root_rels=ROOT_RELS_CORE)
    with pytest.raises(KeyError):
        docx.Document(str(src))
    doc, findings = findings_for(src)
    out = tmp_path / "dangling (reviewed).docx"
    summary = export_reviewed_docx(src, doc, {doc.sections[0].id: findings}, out)
    check_copy(src, out, findings)
    assert sorted(summary.notes) == sorted([
        "docProps/core.xml is missing from the document; the reference to it from the package "
        "was left out of the copy",
        "word/media/image1.png is missing from the document; the reference to it from "
        "word/document.xml was left out of the copy",
        "a link to https://example.com/runbook was stored as if it were a part of the "
        "document; the copy has it as a web link"])
    part = docx.Document(str(out)).part
    assert part.rels["rIdL"].is_external and part.rels["rIdL"].target_ref == (
        "https://example.com/runbook")
    assert "rIdI" not in part.rels


# -- damaged parts ------------------------------------------------------------------------


def themed(tmp_path: Path, name: str = "themed.docx") -> Path:
    return write_docx(tmp_path / name, BODY, doc_rels=with_rels(THEME_REL),
                      content_types=with_types(("/word/theme/theme1.xml", THEME_TYPE)),
                      extra={"word/theme/theme1.xml": THEME})


def test_a_theme_with_a_wrong_checksum_is_carried_over_as_it_reads(tmp_path: Path):
    src = themed(tmp_path)
    break_crc(src, "word/theme/theme1.xml")
    with pytest.raises(zipfile.BadZipFile):
        docx.Document(str(src))
    doc, findings = findings_for(src)
    out = tmp_path / "themed (reviewed).docx"
    summary = export_reviewed_docx(src, doc, {doc.sections[0].id: findings}, out)
    check_copy(src, out, findings)
    with zipfile.ZipFile(out) as zf:
        assert zf.testzip() is None and zf.read("word/theme/theme1.xml") == THEME.encode()
    assert summary.notes == ["word/theme/theme1.xml's checksum did not match its contents; it "
                             "was carried over as it reads"]


@pytest.mark.parametrize("damage", ["crc and garbage", "undecodable"])
def test_a_part_that_cannot_be_read_is_left_out_with_its_relationship(tmp_path: Path, damage):
    if damage == "undecodable":
        src = themed(tmp_path)
        break_data(src, "word/theme/theme1.xml")
    else:
        src = write_docx(tmp_path / "themed.docx", BODY, doc_rels=with_rels(THEME_REL),
                         content_types=with_types(("/word/theme/theme1.xml", THEME_TYPE)),
                         extra={"word/theme/theme1.xml": THEME[:-20] + "\x00garbage"})
        break_crc(src, "word/theme/theme1.xml")
    doc, findings = findings_for(src)
    out = tmp_path / "themed (reviewed).docx"
    summary = export_reviewed_docx(src, doc, {doc.sections[0].id: findings}, out)
    check_copy(src, out, findings)
    with zipfile.ZipFile(out) as zf:
        assert "word/theme/theme1.xml" not in zf.namelist() and zf.testzip() is None
        assert b"theme" not in zf.read("word/_rels/document.xml.rels")
        assert b"theme1" not in zf.read("[Content_Types].xml")
    (note,) = summary.notes
    assert note.startswith("word/theme/theme1.xml is damaged (") and note.endswith(
        ") and was left out of the copy")


@pytest.mark.parametrize("what, damage, reason", [
    ("comments", "<w:comments><w:comment", "the comments part is not well-formed XML"),
    ("types", None, "the package has no [Content_Types].xml"),
    ("comments crc", "", "word/comments.xml cannot be unpacked (Bad CRC-32"),
])
def test_what_export_must_change_is_still_verified_and_known_at_open(tmp_path: Path, what,
                                                                      damage, reason):
    src = tmp_path / "x.docx"
    rel = f'<Relationship Id="rIdC" Type="{R_TYPES}/comments" Target="comments.xml"/>'
    write_docx(src, BODY, doc_rels=with_rels(rel), extra={"word/comments.xml": (
        damage if what == "comments" else f'<w:comments xmlns:w="{W_NS}"/>')})
    if what == "comments crc":
        break_crc(src, "word/comments.xml")
    elif what == "types":
        with zipfile.ZipFile(src) as zin:
            parts = {i.filename: zin.read(i) for i in zin.infolist()}
        del parts["[Content_Types].xml"]
        with zipfile.ZipFile(src, "w") as zout:
            for name, data in parts.items():
                zout.writestr(name, data)
    doc = load(str(src))  # the document itself opens and can be reviewed
    assert export_problem(src).startswith(reason)
    out = tmp_path / "out.docx"
    with pytest.raises(ExportError, match=re.escape(reason)):
        export_reviewed_docx(src, doc, {}, out)
    assert not out.exists()


def test_revision_ids_stay_above_those_in_parts_export_does_not_parse(tmp_path: Path):
    header = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
              f'<x:hdr xmlns:x="{W_NS}"><x:p><x:ins x:id="500" x:author="A"><x:r><x:t>Draft'
              '</x:t></x:r></x:ins></x:p></x:hdr>')
    rel = f'<Relationship Id="rIdH" Type="{R_TYPES}/header" Target="header1.xml"/>'
    htype = "application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"
    src = write_docx(tmp_path / "h.docx", BODY, doc_rels=with_rels(rel),
                     content_types=with_types(("/word/header1.xml", htype)),
                     extra={"word/header1.xml": header})
    doc, findings = findings_for(src)
    summary, got = export(src, {doc.sections[0].id: findings}, tmp_path / "h-out.docx", doc=doc,
                          tracked_rewrites=True)
    assert summary.tracked == 1
    root = etree.fromstring(got.document_xml)
    ids = sorted(int(el.get(w("id"))) for el in root.iter(w("ins"), w("del")))
    assert len(ids) == 2 and ids[0] > 500


def test_unchanged_parts_are_copied_byte_for_byte(tmp_path: Path):
    src = themed(tmp_path)
    doc, findings = findings_for(src)
    out = tmp_path / "copy.docx"
    export_reviewed_docx(src, doc, {doc.sections[0].id: findings}, out)
    with zipfile.ZipFile(src) as old, zipfile.ZipFile(out) as new:
        for name in ("word/styles.xml", "word/theme/theme1.xml", "_rels/.rels"):
            assert old.read(name) == new.read(name)
        assert old.namelist() == [n for n in new.namelist() if n != "word/comments.xml"]


# -- bounded memory -----------------------------------------------------------------------

EXPORT_IN_A_CHILD = """
import resource, sys
from pathlib import Path
limit = 1024 * 1024 * 1024  # python-docx needed about 1.4 GB for this file
resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
from desktop_app.document import load
from desktop_app.export.docx_comments import export_reviewed_docx
from tests.export_helpers import at
src, out = Path(sys.argv[1]), Path(sys.argv[2])
doc = load(str(src))
sec = doc.sections[0]
export_reviewed_docx(src, doc, {sec.id: [at(sec, "few words", "vague")]}, out)
# VmHWM, not ru_maxrss: that one keeps the parent's peak across fork and exec
print(next(int(line.split()[1]) // 1024 for line in open("/proc/self/status")
           if line.startswith("VmHWM")))
"""


@pytest.mark.skipif(sys.platform != "linux", reason="RLIMIT_AS and /proc/self/status: Linux")
def test_huge_headers_do_not_make_export_use_gigabytes(tmp_path: Path):
    """Two 30 MB headers in a ~100 KB file: each under the zip-bomb check, together
    what python-docx built into a 1.4 GB tree (the issue's 166 KB file took 2 GB, and
    bench/export_memory_bench.py measures bigger ones). Export streams them unread."""
    src = heavy_headers_docx(tmp_path / "heavy.docx", parts=2, part_mb=30)
    assert src.stat().st_size < 150_000
    before = sha256(src)
    out = tmp_path / "heavy (reviewed).docx"
    proc = subprocess.run([sys.executable, "-c", EXPORT_IN_A_CHILD, str(src), str(out)],
                          capture_output=True, text=True, timeout=120,
                          cwd=Path(__file__).resolve().parents[2])
    assert proc.returncode == 0, proc.stderr[-2000:]
    # Opening the file alone peaks at ~25 MB, the export at ~32 MB: parts go through
    # in 1 MB chunks. Reading each part whole (30 MB) would be well over this.
    assert int(proc.stdout) < 64, f"peak {proc.stdout.strip()} MB"
    assert sha256(src) == before
    with zipfile.ZipFile(out) as zf:
        assert [i.file_size for i in zf.infolist() if "header" in i.filename] == [
            i.file_size for i in zipfile.ZipFile(src).infolist() if "header" in i.filename]
    with zipfile.ZipFile(out) as zf:  # not python-docx: it would build the trees again
        assert zf.read("word/comments.xml").count(b"<w:comment ") == 1


def test_a_comments_part_that_is_missing_is_made_anew(tmp_path: Path):
    rel = f'<Relationship Id="rIdC" Type="{R_TYPES}/comments" Target="comments.xml"/>'
    src = write_docx(tmp_path / "gone.docx", BODY, doc_rels=with_rels(rel))
    doc, findings = findings_for(src)
    out = tmp_path / "gone (reviewed).docx"
    summary = export_reviewed_docx(src, doc, {doc.sections[0].id: findings}, out)
    check_copy(src, out, findings)  # python-docx refuses two comments relationships
    assert summary.notes == ["the comments part word/comments.xml is missing; the copy has a "
                             "new one"]
    with zipfile.ZipFile(out) as zf:
        assert zf.read("word/_rels/document.xml.rels").count(b"/comments") == 1


def test_a_rewritten_part_that_would_not_parse_is_never_written(tmp_path: Path, monkeypatch):
    """The check after the rewrite: here a comment loses its reference run."""
    from desktop_app.export import annotate

    src = write_docx(tmp_path / "x.docx", BODY)
    doc, findings = findings_for(src)
    real = annotate.mark_range

    def no_reference(*args):
        placed = real(*args)
        p = args[2]
        for ref in list(p.iter(w("commentReference"))):
            ref.getparent().remove(ref)
        return placed

    monkeypatch.setattr(annotate, "mark_range", no_reference)
    out = tmp_path / "out.docx"
    with pytest.raises(ExportError, match=r"own check \(comment \d+ is not marked exactly once"):
        export_reviewed_docx(src, doc, {doc.sections[0].id: findings}, out)
    assert not out.exists()
