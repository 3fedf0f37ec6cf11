"""The reviewed copy: every comment on exactly its quote, the original untouched.

Each export is reopened (python-docx for the comments, a separate walk of
document.xml for the text between each comment's range markers) and checked
against the findings that went in.
"""

from __future__ import annotations

import errno
import zipfile
from pathlib import Path

import docx
import pytest
from lxml import etree

from desktop_app.document import load
from desktop_app.export.docx_comments import (
    ExportError,
    comment_text,
    default_output_path,
    export_reviewed_docx,
    select_for_export,
)
from desktop_app.export.package_writer import PackageCopy
from desktop_app.review.findings import Finding
from tests.docx_factory import DOC_RELS, WORD_MAIN, p, raw_p, table, write_docx
from tests.docx_inspect import inspect, marker_positions, w
from tests.export_helpers import at, by_title, export, sha256, unanchored

FOX = "The quick brown fox jumps over the lazy dog."


@pytest.fixture
def formatted(tmp_path: Path) -> Path:
    """python-docx built: a heading, then runs in bold, italic and colour."""
    d = docx.Document()
    d.add_heading("Findings", 1)
    para = d.add_paragraph()
    para.add_run("The quick ")
    bold = para.add_run("brown fox")
    bold.bold = True
    para.add_run(" jumps over ")
    italic = para.add_run("the lazy dog")
    italic.italic = True
    italic.font.color.rgb = docx.shared.RGBColor(0x11, 0x22, 0x33)
    para.add_run(".")
    d.add_paragraph("Second paragraph.")
    path = tmp_path / "formatted.docx"
    d.save(str(path))
    return path


def assert_each_on_its_quote(summary, inspection, findings: list[Finding]) -> None:
    """Comments in document order match the findings; each range holds its quote."""
    assert summary.comments == len(findings) == len(inspection.comments)
    by_issue = {f.issue: f for f in findings}
    for cid, text in inspection.comments.items():
        issue = text.split("] ", 1)[1].split("\n")[0]
        f = by_issue[issue]
        assert f.issue in text
        assert inspection.ranges[cid].closed
        assert inspection.ranges[cid].text == f.quote, (f.quote, inspection.ranges[cid].text)


def test_comments_cover_exactly_their_quotes_cutting_runs(formatted: Path):
    doc = load(str(formatted))
    sec = by_title(doc, "Findings")
    assert sec.text == FOX + "\nSecond paragraph."
    findings = [
        at(sec, "quick brown", "cuts a plain run and a bold run"),
        at(sec, "brown fox", "exactly one run"),
        at(sec, "o", "one character inside a bold run", nth=2),
        at(sec, "lazy dog.", "italic tail plus a whole run"),
        at(sec, "The quick brown fox jumps over the lazy dog.", "the whole paragraph"),
        at(sec, "x jumps over the l", "three runs, cut at both ends"),
    ]
    summary, got = export(formatted, {sec.id: findings})
    assert_each_on_its_quote(summary, got, findings)
    assert summary.on_quote == len(findings) and summary.widened == summary.on_heading == 0


def test_cut_runs_keep_their_formatting(formatted: Path):
    doc = load(str(formatted))
    sec = by_title(doc, "Findings")
    out = formatted.with_name("f-out.docx")
    export(formatted, [at(sec, "own f", "bold middle"), at(sec, "lazy", "italic head")], out)
    para = docx.Document(str(out)).paragraphs[1]
    runs = [(r.text, bool(r.bold), bool(r.italic),
             str(r.font.color.rgb) if r.font.color and r.font.color.type else None)
            for r in para.runs if r.text]
    assert runs == [
        ("The quick ", False, False, None),
        ("br", True, False, None), ("own f", True, False, None), ("ox", True, False, None),
        (" jumps over ", False, False, None),
        ("the ", False, True, "112233"), ("lazy", False, True, "112233"),
        (" dog", False, True, "112233"),
        (".", False, False, None),
    ]
    assert para.text == FOX


def test_comment_text_layout_and_special_characters(tmp_path: Path):
    text = "Fees & <charges> \"quoted\" 'single' 🦊 — مرحبا بالعالم — 你好世界 end."
    src = write_docx(tmp_path / "chars.docx", p("Head", "berschrift1") + p(text))
    sec = load(str(src)).sections[0]
    findings = [
        at(sec, "& <charges> \"quoted\"", "Ampersand & <tag> \"q\" 'a' 🦊", category="clarity",
           severity="major", suggestion="Use &amp; — not <", rewrite="fees and charges",
           checkpoints=("IR-03", "IR-05")),
        at(sec, "مرحبا بالعالم", "RTL: النص العربي", severity="minor", category="language"),
        at(sec, "你好世界", "CJK: 中文问题", severity="suggestion", category="", suggestion=""),
        at(sec, "🦊", "emoji alone"),
    ]
    summary, got = export(src, findings)
    assert_each_on_its_quote(summary, got, findings)
    texts = sorted(got.comments.values())
    assert ("[MAJOR · Clarity] Ampersand & <tag> \"q\" 'a' 🦊\nSuggestion: Use &amp; — not <\n"
            "Rewrite: fees and charges\nCheckpoints: IR-03, IR-05") in texts
    assert "[MINOR · Language] RTL: النص العربي\nSuggestion: Fix it." in texts
    assert "[SUGGESTION] CJK: 中文问题" in texts
    assert set(got.authors.values()) == {"Margin"}
    with zipfile.ZipFile(src.with_name("chars-out.docx")) as zf:
        etree.fromstring(zf.read("word/comments.xml"))  # well-formed, whatever went in


def test_a_fixed_source_date_makes_the_same_review_the_same_copy(tmp_path: Path, monkeypatch):
    """The comments' date is the clock's, and it changes how the comments part
    compresses: two exports a second apart could differ in size. With the
    reproducible-builds SOURCE_DATE_EPOCH set, every export is the same file."""
    src = write_docx(tmp_path / "dated.docx", p("Head", "berschrift1") + p(FOX))
    sec = load(str(src)).sections[0]
    findings = [at(sec, "brown fox", "An issue.", rewrite="red fox")]
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # 2026-01-01T00:00:00Z
    first, second = tmp_path / "one.docx", tmp_path / "two.docx"
    export(src, findings, first, tracked_rewrites=True)
    export(src, findings, second, tracked_rewrites=True)
    assert first.read_bytes() == second.read_bytes()
    with zipfile.ZipFile(first) as zf:
        comments = zf.read("word/comments.xml").decode()
        body = zf.read("word/document.xml").decode()
    assert 'w:date="2026-01-01T00:00:00Z"' in comments
    assert 'w:date="2026-01-01T00:00:00Z"' in body  # the tracked change too


def test_characters_xml_cannot_carry_are_dropped_not_fatal(tmp_path: Path):
    src = write_docx(tmp_path / "ctl.docx", p("Head", "berschrift1") + p("Plain text."))
    sec = load(str(src)).sections[0]
    f = at(sec, "Plain", "bell\x07 and\x00 nul")
    summary, got = export(src, [f])
    assert summary.comments == 1 and "bell and nul" in next(iter(got.comments.values()))


def test_quote_across_paragraphs_and_markers_placement(formatted: Path):
    doc = load(str(formatted))
    sec = by_title(doc, "Findings")
    f = at(sec, "dog.\nSecond", "spans two paragraphs")
    out = formatted.with_name("multi.docx")
    summary, got = export(formatted, [f], out)
    assert_each_on_its_quote(summary, got, [f])
    (cid,) = got.comments
    marks = marker_positions(got.document_xml)[cid]
    start, end, ref = marks["start"][0], marks["end"][0], marks["ref"][0]
    assert start.getparent() is not end.getparent()
    assert start.getparent().tag == end.getparent().tag == w("p")
    assert ref.getparent().getparent() is end.getparent()  # the reference follows the end


def test_markers_are_schema_plausible(formatted: Path):
    doc = load(str(formatted))
    sec = by_title(doc, "Findings")
    findings = [at(sec, "quick", "a"), at(sec, "brown fox jumps", "b"), at(sec, "Second", "c"),
                unanchored("d")]
    _, got = export(formatted, {sec.id: findings})
    root = etree.fromstring(got.document_xml)
    order = {el: i for i, el in enumerate(root.iter())}
    marks = marker_positions(root)
    assert set(marks) == set(got.comments)
    for _cid, m in marks.items():
        assert len(m["start"]) == len(m["end"]) == len(m["ref"]) == 1
        start, end, ref = m["start"][0], m["end"][0], m["ref"][0]
        assert start.getparent().tag == w("p") and end.getparent().tag == w("p")
        run = ref.getparent()
        assert run.tag == w("r") and run.getparent() is end.getparent()
        assert order[start] < order[end] < order[ref]
        assert run.find(w("rPr")).find(w("rStyle")).get(w("val")) == "CommentReference"
    # the comments part is related from the document and typed in [Content_Types].xml
    with zipfile.ZipFile(formatted.with_name("formatted-out.docx")) as zf:
        assert "comments+xml" in zf.read("[Content_Types].xml").decode()
        assert "relationships/comments" in zf.read("word/_rels/document.xml.rels").decode()


def test_without_a_quote_on_the_heading_or_the_first_paragraph(tmp_path: Path):
    body = p("Untitled intro text.") + p("Scope", "berschrift1") + p("Scope body.")
    src = write_docx(tmp_path / "h.docx", body)
    doc = load(str(src))
    intro, scope = list(doc.walk())
    stale = at(scope, "Scope body", "offsets point nowhere")
    stale.quote = "not there at all"
    findings = {intro.id: [unanchored("intro issue")],
                scope.id: [unanchored("scope issue"), stale]}
    summary, got = export(src, findings, doc=doc)
    assert summary.on_heading == 3 and summary.on_quote == 0
    by_text = {t.split("] ", 1)[1].split("\n")[0]: got.ranges[c].text
               for c, t in got.comments.items()}
    assert by_text == {"intro issue": "Untitled intro text.", "scope issue": "Scope",
                       "offsets point nowhere": "Scope"}


def test_stale_offsets_are_corrected_from_the_quote(formatted: Path):
    doc = load(str(formatted))
    sec = by_title(doc, "Findings")
    f = at(sec, "lazy dog", "moved")
    f.start, f.end = 0, 8  # no longer select the quote
    summary, got = export(formatted, [f])
    assert summary.on_quote == 1
    assert next(iter(got.ranges.values())).text == "lazy dog"


TRACKED = raw_p(
    '<w:r><w:t xml:space="preserve">The budget was </w:t></w:r>'
    '<w:del w:id="1" w:author="A"><w:r><w:delText>rejected</w:delText></w:r></w:del>'
    '<w:ins w:id="2" w:author="A"><w:r><w:t>approved today</w:t></w:r></w:ins>'
    '<w:r><w:t xml:space="preserve"> on </w:t></w:r>'
    '<w:moveFrom w:id="3" w:author="A"><w:r><w:t>Monday</w:t></w:r></w:moveFrom>'
    '<w:moveTo w:id="4" w:author="A"><w:r><w:t>Friday</w:t></w:r></w:moveTo>'
    '<w:r><w:rPr><w:vanish/></w:rPr><w:t>hidden note</w:t></w:r>'
    '<w:r><w:t>. Done.</w:t></w:r>'
)


def test_tracked_changes_and_hidden_text_are_skipped_like_the_loader(tmp_path: Path):
    src = write_docx(tmp_path / "tc.docx", p("Head", "berschrift1") + TRACKED)
    doc = load(str(src))
    sec = doc.sections[0]
    assert sec.text == "The budget was approved today on Friday. Done."
    findings = [at(sec, "was approved", "into an insertion"),
                at(sec, "approved", "the start of an insertion"),
                at(sec, "oved tod", "inside an insertion"),
                at(sec, "today on Fri", "insertion to move"),
                at(sec, "Friday. Do", "across hidden text")]
    summary, got = export(src, findings)
    assert_each_on_its_quote(summary, got, findings)
    xml = got.document_xml.decode()
    assert "<w:delText>rejected</w:delText>" in xml and "hidden note" in xml
    assert ">Monday</w:t></w:r></w:moveFrom>" in xml
    root = etree.fromstring(got.document_xml)
    for ref in root.iter(w("commentReference")):  # never part of a revision
        assert all(a.tag not in (w("ins"), w("del"), w("moveTo")) for a in ref.iterancestors())


def test_hyperlinks_content_controls_and_fields(tmp_path: Path):
    body = p("Head", "berschrift1") + raw_p(
        '<w:r><w:t xml:space="preserve">See </w:t></w:r>'
        '<w:hyperlink w:anchor="x"><w:r><w:t>the manual</w:t></w:r></w:hyperlink>'
        '<w:r><w:t xml:space="preserve"> and </w:t></w:r>'
        '<w:sdt><w:sdtPr><w:alias w:val="Owner"/></w:sdtPr><w:sdtContent>'
        '<w:r><w:t>Jane Roe</w:t></w:r></w:sdtContent></w:sdt>'
        '<w:r><w:t xml:space="preserve"> on </w:t></w:r>'
        '<w:fldSimple w:instr=" DATE "><w:r><w:t>1 May</w:t></w:r></w:fldSimple>'
        '<w:r><w:t xml:space="preserve">, page </w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText>'
        '</w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>7</w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t>.</w:t></w:r>')
    src = write_docx(tmp_path / "links.docx", body)
    sec = load(str(src)).sections[0]
    assert sec.text == "See the manual and Jane Roe on 1 May, page 7."
    findings = [at(sec, "the manual", "whole link"), at(sec, "manual", "inside a link"),
                at(sec, "See the", "into a link"), at(sec, "Jane Roe", "whole control"),
                at(sec, "Roe on 1", "control to field"), at(sec, "page 7.", "complex field")]
    summary, got = export(src, findings)
    assert_each_on_its_quote(summary, got, findings)
    root = etree.fromstring(got.document_xml)
    for ref in root.iter(w("commentReference")):
        assert ref.getparent().getparent().tag == w("p")  # never inside a link or control
    link = next(root.iter(w("hyperlink")))
    assert [r.tag for r in link.iter(w("commentRangeStart"))] and "".join(
        link.itertext()) == "the manual"
    # a range over a whole link is hoisted out of it
    whole = next(c for c, t in got.comments.items() if "whole link" in t)
    start = next(e for e in root.iter(w("commentRangeStart")) if e.get(w("id")) == str(whole))
    assert start.getparent().tag == w("p")


def test_tables_tabs_and_text_boxes(tmp_path: Path):
    textbox = (
        "<w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing><wps:txbx>"
        "<w:txbxContent>" + p("Boxed note text") + "</w:txbxContent></wps:txbx></w:drawing>"
        "</mc:Choice><mc:Fallback><w:pict><v:textbox><w:txbxContent>" + p("Boxed note text")
        + "</w:txbxContent></v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r>")
    body = (p("Results", "berschrift1") + table([["Metric", "Value"], ["Uptime", "99.5%"]])
            + raw_p('<w:r><w:t xml:space="preserve">Anchor paragraph </w:t></w:r>' + textbox)
            + raw_p("<w:r><w:t>Name</w:t><w:tab/><w:t>Value</w:t></w:r>"))
    src = write_docx(tmp_path / "tb.docx", body)
    sec = load(str(src)).sections[0]
    findings = [at(sec, "Uptime", "cell"), at(sec, "99.5", "cell part"),
                at(sec, "note", "in the text box"), at(sec, "e\tVal", "across a tab")]
    summary, got = export(src, findings)
    assert_each_on_its_quote(summary, got, findings)
    across = at(sec, "Uptime | 99", "two cells")
    into_box = at(sec, "graph \nBoxed", "body into a text box")
    summary, got = export(src, [across, into_box])
    texts = {t.split("] ", 1)[1].split("\n")[0]: got.ranges[c].text
             for c, t in got.comments.items()}
    assert texts["two cells"] == "Uptime\n99"  # from the first cell into the second
    assert texts["body into a text box"] == "graph "  # a range never leaves its story
    assert summary.on_quote == 2


def test_unsplittable_run_widens_to_the_run(tmp_path: Path):
    ruby = ('<w:r><w:ruby><w:rubyPr/><w:rt><w:r><w:t>kan</w:t></w:r></w:rt><w:rubyBase>'
            '<w:r><w:t>KANJI</w:t></w:r></w:rubyBase></w:ruby></w:r>')
    body = p("Head", "berschrift1") + raw_p('<w:r><w:t xml:space="preserve">Word </w:t></w:r>'
                                            + ruby + '<w:r><w:t> end.</w:t></w:r>')
    src = write_docx(tmp_path / "ruby.docx", body)
    sec = load(str(src)).sections[0]
    assert sec.text == "Word kanKANJI end."
    f = at(sec, "Word kanK", "into a ruby")
    summary, got = export(src, [f])
    assert summary.widened == 1 and summary.on_quote == 0
    assert next(iter(got.ranges.values())).text == "Word kanKANJI"


def test_the_original_is_never_touched(formatted: Path, tmp_path: Path):
    before = sha256(formatted)
    doc = load(str(formatted))
    sec = by_title(doc, "Findings")
    out = default_output_path(formatted)
    assert out == formatted.with_name("formatted (reviewed).docx")
    export_reviewed_docx(formatted, doc, {sec.id: [at(sec, "quick", "x")]}, out,
                         tracked_rewrites=True)
    assert sha256(formatted) == before and out.exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no temp left
    with pytest.raises(ExportError, match="overwrite the original"):
        export_reviewed_docx(formatted, doc, {}, formatted)
    with pytest.raises(ExportError, match=r"\.docx"):
        export_reviewed_docx(formatted, doc, {}, tmp_path / "x.doc")
    changed = docx.Document(str(formatted))  # changed since it was opened
    changed.add_paragraph("Added later.")
    changed.save(str(formatted))
    with pytest.raises(ExportError, match="changed on disk"):
        export_reviewed_docx(formatted, doc, {}, tmp_path / "y.docx")


def test_a_failed_write_leaves_no_file(formatted: Path, monkeypatch: pytest.MonkeyPatch):
    doc = load(str(formatted))
    out = formatted.with_name("never.docx")
    real_copy = PackageCopy._copy

    def disk_full(self, zout, info):
        real_copy(self, zout, info)  # some of the copy is on disk already
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(PackageCopy, "_copy", disk_full)
    with pytest.raises(OSError, match="No space"):
        export_reviewed_docx(formatted, doc, {}, out)
    assert not out.exists()
    assert sorted(p.name for p in formatted.parent.iterdir()) == ["formatted.docx"]


def test_existing_comment_ids_are_never_reused_even_orphans(tmp_path: Path):
    body = (p("Head", "berschrift1")
            + raw_p('<w:commentRangeStart w:id="7"/><w:r><w:t>Old text</w:t></w:r>'
                    '<w:commentRangeEnd w:id="7"/><w:r><w:commentReference w:id="7"/></w:r>'))
    src = write_docx(tmp_path / "orphan.docx", body)  # id 7 marked, but no comments part
    sec = load(str(src)).sections[0]
    findings = [at(sec, "Old", f"n{i}") for i in range(9)]
    summary, got = export(src, findings)
    ids = sorted(got.comments)
    assert 7 not in ids and len(set(ids)) == 9
    assert all(got.ranges[i].text == "Old" for i in ids)


def test_select_for_export_and_comment_text():
    f = [Finding("c", "minor", 0.5, "q", f"i{n}", "", decision=d, source=s)
         for n, (d, s) in enumerate([("accepted", "model"), ("pending", "rules"),
                                     ("rejected", "model"), ("pending", "user"),
                                     ("rejected", "user")])]
    chosen, pending = select_for_export(f)
    assert [x.issue for x in chosen] == ["i0", "i3"] and pending == 1
    chosen, pending = select_for_export(f, accept_all=True)
    assert [x.issue for x in chosen] == ["i0", "i1", "i3"] and pending == 0
    g = Finding("clarity", "critical", 1, "q", "Line one\r\nline two", "s", ["A"], rewrite="r")
    assert comment_text(g) == ("[CRITICAL · Clarity] Line one\nline two\nSuggestion: s\n"
                               "Rewrite: r\nCheckpoints: A")


def test_sections_not_in_the_document_are_reported_skipped(formatted: Path):
    doc = load(str(formatted))
    summary, got = export(formatted, {"gone-123": [unanchored("lost")]}, doc=doc)
    assert summary.comments == 0 and summary.skipped == [("u-" + summary.skipped[0][0][2:],
                                                          "section gone-123 is not in this "
                                                          "document")]
    assert got.comments == {}


VBA_REL = "http://schemas.microsoft.com/office/2006/relationships/vbaProject"


@pytest.mark.parametrize("main_type", [
    "application/vnd.ms-word.document.macroEnabled.main+xml",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
])
def test_macro_enabled_documents_and_templates_export_as_plain_documents(tmp_path: Path,
                                                                         main_type: str):
    """Word's Save As .docx: the copy is a document, and macros (which a .docx
    cannot carry) are left out, with a note."""
    macro = "macroEnabled" in main_type
    rels = DOC_RELS.replace("</Relationships>", f'<Relationship Id="rIdV" Type="{VBA_REL}" '
                            'Target="vbaProject.bin"/></Relationships>') if macro else DOC_RELS
    src = write_docx(tmp_path / "m.docm", p("Head", "berschrift1") + p("Body text."),
                     main_type=main_type, doc_rels=rels,
                     extra={"word/vbaProject.bin": b"\xd0\xcf macros"} if macro else None)
    doc = load(str(src))
    sec = doc.sections[0]
    summary, got = export(src, [at(sec, "Body", "on the body")], tmp_path / "m.docx", doc=doc)
    assert got.ranges[next(iter(got.comments))].text == "Body"
    assert docx.Document(str(tmp_path / "m.docx")).part.content_type == WORD_MAIN
    with zipfile.ZipFile(tmp_path / "m.docx") as zf:
        assert "word/vbaProject.bin" not in zf.namelist()
        assert b"vbaProject" not in zf.read("word/_rels/document.xml.rels")
    macros = "the document's macros were left out: a .docx cannot carry them"
    assert (macros in summary.notes) == macro
    assert ("the template was written as a document (.docx)" in summary.notes) != macro


def test_reopened_export_loads_to_the_same_sections(formatted: Path):
    doc = load(str(formatted))
    sec = by_title(doc, "Findings")
    out = formatted.with_name("again.docx")
    export(formatted, [at(sec, "brown fox", "x"), at(sec, "lazy", "y")], out)
    again = load(str(out))
    assert [(s.title, s.text) for s in again.walk()] == [(s.title, s.text) for s in doc.walk()]
    assert inspect(out).comments  # still there on a second read
