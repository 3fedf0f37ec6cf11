"""Accepted rewrites as real tracked changes: w:del around the quote, w:ins with the rewrite."""

from __future__ import annotations

import re
from pathlib import Path

import docx
import pytest
from lxml import etree

from desktop_app.document import load
from desktop_app.export.tracked_changes import revision_date
from tests.docx_factory import p, raw_p, write_docx
from tests.docx_inspect import w
from tests.export_helpers import at, export

ISO_Z = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$")


@pytest.fixture
def report_doc(tmp_path: Path) -> Path:
    d = docx.Document()
    d.add_heading("Summary", 1)
    para = d.add_paragraph("The outage lasted ")
    bold = para.add_run("47 minutes in total")
    bold.bold = True
    para.add_run(", and customers & staff <both> noticed.")
    d.add_paragraph("Second paragraph stays.")
    path = tmp_path / "report.docx"
    d.save(str(path))
    return path


def revisions(xml: bytes) -> tuple[list[etree._Element], list[etree._Element]]:
    root = etree.fromstring(xml)
    return list(root.iter(w("del"))), list(root.iter(w("ins")))


def test_rewrite_becomes_a_deletion_and_an_insertion(report_doc: Path):
    sec = load(str(report_doc)).sections[0]
    f = at(sec, "lasted 47 minutes", "vague", rewrite="lasted 47 minutes & <more> 🦊")
    summary, got = export(report_doc, [f], tracked_rewrites=True, author="Ana Reviewer")
    assert summary.tracked == 1 and summary.rewrites_untracked == 0
    (deletion,), (insertion,) = revisions(got.document_xml)
    assert "".join(t.text for t in deletion.iter(w("delText"))) == "lasted 47 minutes"
    assert not list(deletion.iter(w("t")))
    assert "".join(insertion.itertext()) == "lasted 47 minutes & <more> 🦊"
    for el in (deletion, insertion):
        assert el.get(w("author")) == "Ana Reviewer" and ISO_Z.match(el.get(w("date")))
    assert deletion.get(w("id")) != insertion.get(w("id"))
    assert deletion.getnext() is insertion and deletion.getparent().tag == w("p")
    # the comment covers both; its reference is not part of the change
    (cid,) = got.comments
    assert got.ranges[cid].deleted == "lasted 47 minutes"
    assert got.ranges[cid].text == "lasted 47 minutes & <more> 🦊"
    assert got.authors[cid] == "Ana Reviewer"
    # deleted runs keep their formatting; the insertion is formatted like the first one
    runs = list(deletion.iter(w("r")))
    assert runs[0].find(w("rPr")) is None and runs[1].find(w("rPr")).find(w("b")) is not None
    # accepting every change gives the rewritten text
    reread = load(str(report_doc.with_name("report-out.docx"))).sections[0].text
    assert reread == sec.text.replace("lasted 47 minutes", "lasted 47 minutes & <more> 🦊")


def test_revision_ids_are_unique_beside_existing_revisions(tmp_path: Path):
    body = p("Head", "berschrift1") + raw_p(
        '<w:r><w:t xml:space="preserve">The budget was </w:t></w:r>'
        '<w:del w:id="41" w:author="A"><w:r><w:delText>rejected</w:delText></w:r></w:del>'
        '<w:ins w:id="42" w:author="A"><w:r><w:t>approved</w:t></w:r></w:ins>'
        '<w:r><w:t xml:space="preserve"> on Friday by the board.</w:t></w:r>')
    src = write_docx(tmp_path / "tc.docx", body)
    sec = load(str(src)).sections[0]
    findings = [at(sec, "Friday", "a", rewrite="Monday"),
                at(sec, "board", "b", rewrite="committee\tnow\nnext line")]
    summary, got = export(src, findings, tracked_rewrites=True)
    assert summary.tracked == 2
    dels, inss = revisions(got.document_xml)
    ids = [int(e.get(w("id"))) for e in dels + inss]
    assert len(ids) == len(set(ids)) == 6 and min(ids) == 41 and sorted(ids)[2] > 42
    new_ins = inss[-1]
    kids = [c.tag for c in new_ins.find(w("r")) if c.tag != w("rPr")]
    assert kids == [w("t"), w("tab"), w("t"), w("br"), w("t")]
    assert load(str(src.with_name("tc-out.docx"))).sections[0].text == (
        "The budget was approved on Monday by the committee\tnow\nnext line.")


def test_rewrites_that_cannot_be_tracked_stay_in_the_comment(tmp_path: Path):
    body = p("Head", "berschrift1") + raw_p(
        '<w:r><w:t xml:space="preserve">See </w:t></w:r>'
        '<w:hyperlink w:anchor="x"><w:r><w:t>the manual</w:t></w:r></w:hyperlink>'
        '<w:r><w:t xml:space="preserve"> for the steps</w:t></w:r>'
        '<w:r><w:footnoteReference w:id="1"/></w:r><w:r><w:t> now.</w:t></w:r>'
    ) + p("Next paragraph.")
    src = write_docx(tmp_path / "nt.docx", body)
    sec = load(str(src)).sections[0]
    findings = [at(sec, "See the manual", "link", rewrite="Read the guide"),
                at(sec, "steps now", "footnote mark inside", rewrite="steps"),
                at(sec, "now.\nNext", "two paragraphs", rewrite="x"),
                at(sec, "for the", "plain", rewrite="about the"),
                at(sec, "the steps", "overlaps the plain one", rewrite="y")]
    summary, got = export(src, findings, tracked_rewrites=True)
    assert summary.comments == 5 and summary.tracked == 1 and summary.rewrites_untracked == 4
    dels, inss = revisions(got.document_xml)
    assert len(dels) == len(inss) == 1
    assert "".join(dels[0].itertext()) == "for the"
    assert all("Rewrite: " in text for text in got.comments.values())
    xml = got.document_xml.decode()
    assert '<w:footnoteReference w:id="1"/>' in xml


def test_without_the_flag_nothing_is_tracked(report_doc: Path):
    sec = load(str(report_doc)).sections[0]
    summary, got = export(report_doc, [at(sec, "47 minutes", "x", rewrite="an hour")])
    assert summary.tracked == 0
    assert revisions(got.document_xml) == ([], [])


def test_revision_date_is_iso_utc_without_fraction():
    assert ISO_Z.match(revision_date())
