"""Real documents: existing comments, revisions, footnotes, headers and images survive
an export, and every comment lands on its quote in every document that opens."""

from __future__ import annotations

import posixpath
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from desktop_app.document import DocumentError, load
from desktop_app.document.body import body_paragraphs
from desktop_app.document.text import careful_text, run_texts
from desktop_app.export.docx_comments import export_reviewed_docx
from desktop_app.export.offsets import layout
from desktop_app.review.findings import Finding
from tests.conftest import CORPUS, corpus_path
from tests.docx_inspect import inspect, w
from tests.export_helpers import at, sha256, unanchored

pytestmark = pytest.mark.corpus

WITH_COMMENTS = [
    "docx2python/tests__resources__comments.docx",
    "docx2python/tests__resources__test_file_with_comments.docx",
    "markitdown/packages__markitdown__tests__test_files__test_with_comment.docx",
    "python-docx/features__steps__test_files__comments-rich-para.docx",
    "docx-rs/fixtures__nested_comments__nested_comments.docx",
]
WITH_REVISIONS = [
    "Open-Xml-PowerTools/TestFiles__RA001-Tracked-Revisions-01.docx",
    "docx-rs/fixtures__del_in_ins__del_in_ins.docx",
    "poi/test-data__document__delins.docx",
]
WITH_PARTS = [  # footnotes, headers and footers, images
    "docx-rs/fixtures__footnotes__footnotes.docx",
    "poi/test-data__document__footnotes.docx",
    "docx4j/docs__headers_footers.docx",
    "Open-XML-SDK/test__DocumentFormat.OpenXml.Tests.Assets__assets__TestDataStorage__"
    "v2FxTestFiles__wordprocessing__footer & header__Business Plan for a Startup Business_July"
    ".docx",
    "poi/test-data__document__drawing.docx",
    "Open-XML-SDK/test__DocumentFormat.OpenXml.Tests.Assets__assets__TestFiles__complex2010.docx",
]
# Parts that export rewrites on purpose; everything else must read the same after.
REWRITTEN = {"word/document.xml", "word/comments.xml", "[Content_Types].xml",
             "word/_rels/document.xml.rels"}
_PARSER = etree.XMLParser(remove_blank_text=True, resolve_entities=False)


def one_finding_per_section(doc, rewrite: str | None = None) -> dict[str, list[Finding]]:
    """A quote from the middle of each section's first paragraph, and one without a quote.

    Not in a table of contents: it is never reviewed, so no finding is ever there
    (and LibreOffice rebuilds a TOC field's text, comments and all, when it saves).
    """
    out: dict[str, list[Finding]] = {}
    for sec in doc.walk():
        if not sec.reviewable:
            continue
        spans = [s for s in layout(sec) if len(s.para.text.strip()) >= 3]
        fs = [unanchored(f"no quote in {sec.id}")]
        if spans:
            t = spans[0].para.text
            quote = t[len(t) // 3: max(len(t) // 3 + 1, 2 * len(t) // 3)]
            if quote.strip():
                fs.insert(0, at(sec, quote, f"quote in {sec.id}", rewrite=rewrite))
        out[sec.id] = fs
    return out


def export_copy(src: Path, tmp_path: Path, findings=None, **kw):
    doc = load(str(src))
    findings = findings if findings is not None else one_finding_per_section(doc)
    out = tmp_path / "out.docx"
    before = sha256(src)
    summary = export_reviewed_docx(src, doc, findings, out, **kw)
    assert sha256(src) == before
    return doc, findings, summary, out


def related_parts(zf: zipfile.ZipFile) -> set[str]:
    """Parts some relationship points to: the ones Word reads (orphans are dropped on save)."""
    names, found = set(zf.namelist()), set()
    for rels in (n for n in names if n.endswith(".rels")):
        base = posixpath.dirname(posixpath.dirname(rels))  # "word/_rels/x.rels" -> "word"
        for rel in etree.fromstring(zf.read(rels)):
            if rel.get("TargetMode") == "External":
                continue
            target = rel.get("Target", "")
            path = target.lstrip("/") if target.startswith("/") else posixpath.normpath(
                posixpath.join(base, target))
            found.add(path)
    return (found | {n for n in names if n.endswith(".rels")}) & names


def canonical(data: bytes) -> bytes:
    return etree.tostring(etree.fromstring(data, _PARSER), method="c14n")


@pytest.mark.parametrize("rel", WITH_COMMENTS)
def test_existing_comments_survive_with_their_ids_and_ranges(rel: str, tmp_path: Path):
    src = corpus_path(rel)
    before = inspect(src)
    assert before.comments, "the corpus file should carry comments"
    doc, findings, summary, out = export_copy(src, tmp_path)
    after = inspect(out)
    for cid, text in before.comments.items():
        assert after.comments[cid] == text and after.authors[cid] == before.authors[cid]
        if cid in before.ranges:
            assert after.ranges[cid].text == before.ranges[cid].text
    new = set(after.comments) - set(before.comments)
    assert len(new) == summary.comments == sum(len(v) for v in findings.values())
    assert len(after.comments) == len(before.comments) + len(new)  # ids never collide
    quoted = {f.issue: f.quote for fs in findings.values() for f in fs if f.anchored}
    for cid in new:
        issue = after.comments[cid].split("] ", 1)[1].split("\n")[0]
        if issue in quoted:
            assert after.ranges[cid].text == quoted[issue]


@pytest.mark.parametrize("rel", WITH_REVISIONS)
def test_existing_tracked_changes_survive(rel: str, tmp_path: Path):
    src = corpus_path(rel)
    with zipfile.ZipFile(src) as zf:
        root = etree.fromstring(zf.read("word/document.xml"))
    counts = {t: len(list(root.iter(w(t)))) for t in ("ins", "del", "delText")}
    assert counts["ins"] + counts["del"] > 0
    doc, findings, summary, out = export_copy(src, tmp_path)
    after_root = etree.fromstring(inspect(out).document_xml)
    assert {t: len(list(after_root.iter(w(t)))) for t in counts} == counts
    again = load(str(out))
    assert [(s.title, s.text) for s in again.walk()] == [(s.title, s.text) for s in doc.walk()]
    # and with tracked rewrites, the new revisions get ids no revision had
    _, _, summary, out = export_copy(src, tmp_path, one_finding_per_section(doc, "Changed."),
                                     tracked_rewrites=True)
    tracked_root = etree.fromstring(inspect(out).document_xml)
    ids = [e.get(w("id")) for t in ("ins", "del") for e in tracked_root.iter(w(t))]
    assert len(ids) == len(set(ids)) == counts["ins"] + counts["del"] + 2 * summary.tracked


@pytest.mark.parametrize("rel", WITH_PARTS)
def test_other_parts_survive_unchanged(rel: str, tmp_path: Path):
    src = corpus_path(rel)
    _, _, summary, out = export_copy(src, tmp_path)
    assert summary.comments > 0
    with zipfile.ZipFile(src) as old, zipfile.ZipFile(out) as new:
        new_names = set(new.namelist())
        assert any(n.startswith(("word/media/", "word/footnotes", "word/header"))
                   for n in related_parts(old))
        for name in sorted(related_parts(old)):
            if name in REWRITTEN or name.endswith("/"):
                continue
            assert name in new_names, name
            a, b = old.read(name), new.read(name)
            if name.endswith((".xml", ".rels")):
                assert canonical(a) == canonical(b), name
            else:
                assert a == b, name  # images and other binaries byte for byte


def loadable_corpus() -> list[Path]:
    if not CORPUS.is_dir():
        return []
    return sorted(CORPUS.rglob("*.docx"))


@pytest.mark.slow
def test_every_corpus_document_exports_with_comments_on_their_quotes(tmp_path: Path):
    corpus_path()  # skip (or fail in CI) without the corpus
    exported = 0
    for src in loadable_corpus():
        try:
            doc = load(str(src))
        except DocumentError:
            continue
        findings = one_finding_per_section(doc, rewrite="Changed.")
        keep = list(findings)[:25]  # enough sections to meet every structure, in bounded time
        findings = {k: findings[k] for k in keep}
        out = tmp_path / f"{exported}.docx"
        summary = export_reviewed_docx(src, doc, findings, out, tracked_rewrites=True)
        exported += 1
        got = inspect(out)
        assert summary.comments == sum(len(v) for v in findings.values()) == len(
            [c for c in got.comments if got.authors[c] == "Margin"]), src.name
        quoted = {f.issue: f.quote for fs in findings.values() for f in fs if f.anchored}
        for cid, text in got.comments.items():
            issue = text.split("] ", 1)[-1].split("\n")[0]
            if got.authors[cid] != "Margin" or issue not in quoted:
                continue
            rng = got.ranges[cid]
            seen = rng.deleted_by.get("Margin") or rng.text
            assert seen == quoted[issue], (src.name, issue, seen)
    assert exported >= 120  # every document that opens, Strict and damaged ones too


@pytest.mark.slow
def test_run_texts_read_every_paragraph_like_careful_text():
    corpus_path()
    for src in loadable_corpus():
        try:
            with zipfile.ZipFile(src) as zf:
                root = etree.fromstring(zf.read("word/document.xml"), _PARSER)
        except (KeyError, zipfile.BadZipFile, etree.XMLSyntaxError, ValueError, OSError):
            continue
        body = root.find(w("body"))
        if body is None:
            continue
        for slot in body_paragraphs(body):
            segs = run_texts(slot.element)
            assert "".join(s.text for s in segs) == careful_text(slot.element), src.name
            for s in segs:
                if s.pieces is not None:
                    assert "".join(t for _, t in s.pieces) == s.text
