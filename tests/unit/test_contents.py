"""Tables of contents are a section of their own, never content, never swallowing text."""

from __future__ import annotations

from pathlib import Path

from desktop_app.document import SectionOrigin, load
from tests.docx_factory import DEFAULT_STYLES, p, raw_p, write_docx

TOC_STYLES = DEFAULT_STYLES + (
    '<w:style w:type="paragraph" w:styleId="TOCHeading"><w:name w:val="TOC Heading"/>'
    '<w:basedOn w:val="berschrift1"/><w:pPr><w:outlineLvl w:val="9"/></w:pPr></w:style>'
    '<w:style w:type="paragraph" w:styleId="Verzeichnis1"><w:name w:val="toc 1"/>'
    '<w:basedOn w:val="Standard"/></w:style>'
)
BODY = "The outage began at 09:12 when the primary database stopped accepting writes. " * 3


def outline(doc) -> list[tuple[int, str, str]]:
    return [(s.level, s.title, s.origin.value) for s in doc.walk()]


def field_toc(entries: list[str]) -> str:
    """A TOC field as Word writes it: begin and instruction in the first entry, end in the last."""
    out = []
    for i, entry in enumerate(entries):
        runs = ""
        if i == 0:
            runs += ('<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText '
                     'xml:space="preserve"> TOC \\o "1-3" \\h \\z \\u </w:instrText></w:r>'
                     '<w:r><w:fldChar w:fldCharType="separate"/></w:r>')
        runs += (f'<w:r><w:t>{entry}</w:t></w:r><w:r><w:tab/></w:r>'
                 '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGEREF '
                 '_Toc1 \\h </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/>'
                 f'</w:r><w:r><w:t>{i + 2}</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>')
        if i == len(entries) - 1:
            runs += '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
        out.append(raw_p(runs))
    return "".join(out)


def test_a_toc_field_under_a_styled_heading_keeps_only_its_entries(tmp_path: Path):
    body = (p("Incident report", "Titel") + p("Table of Contents", "berschrift1")
            + field_toc(["Summary", "Timeline", "Causes"])
            + p(BODY)  # typed after the table, before the first chapter
            + p("Summary", "berschrift1") + p(BODY)
            + p("Timeline", "berschrift1") + p(BODY))
    doc = load(str(write_docx(tmp_path / "f.docx", body)))
    assert outline(doc) == [
        (0, "Incident report", "style"),
        (1, "Table of Contents", "contents"),
        (1, "After the contents", "preamble"),
        (1, "Summary", "style"),
        (1, "Timeline", "style"),
    ]
    toc = doc.sections[0].children[0]
    assert toc.text.splitlines() == ["Summary\t2", "Timeline\t3", "Causes\t4"]
    assert not toc.reviewable and all(s.reviewable for s in doc.walk() if s is not toc)
    assert doc.sections[0].children[1].text == BODY  # not swallowed by the table


def test_toc_styles_and_heading_style_outside_any_field(tmp_path: Path):
    body = (p("Prepared by the platform team.")
            + p("Contents", "TOCHeading")
            + p("Introduction\t1", "Verzeichnis1") + p("Scope\t2", "Verzeichnis1")
            + p("Introduction", "berschrift1") + p(BODY))
    doc = load(str(write_docx(tmp_path / "s.docx", body, styles=TOC_STYLES)))
    assert outline(doc) == [
        (0, "Before the first heading", "preamble"),
        (1, "Contents", "contents"),
        (1, "Introduction", "style"),
    ]
    assert doc.sections[0].text == "Prepared by the platform team."


def test_a_content_control_of_the_table_of_contents_gallery(tmp_path: Path):
    sdt = ('<w:sdt><w:sdtPr><w:docPartObj><w:docPartGallery w:val="Table of Contents"/>'
           '<w:docPartUnique/></w:docPartObj></w:sdtPr><w:sdtContent>'
           + p("Inhalt") + p("Einleitung 1") + p("Methode 2")
           + "</w:sdtContent></w:sdt>")
    body = sdt + p("Einleitung", "berschrift1") + p(BODY)
    doc = load(str(write_docx(tmp_path / "c.docx", body)))
    assert outline(doc) == [(1, "Inhalt", "contents"), (1, "Einleitung", "style")]


def test_a_table_typed_by_hand_with_dot_leaders_and_no_title(tmp_path: Path):
    body = (p("Draft for comment.")
            + p("1. Background ................ 3") + p("2. Method .................... 5")
            + p("3. Findings .................. 9")
            + p("1. Background") + p(BODY * 4) + p("2. Method") + p(BODY * 4))
    doc = load(str(write_docx(tmp_path / "t.docx", body, styles="")))
    # No heading styles: the numbered lines are headings as before, but the
    # leader lines that repeat them are the table, not three empty sections.
    assert outline(doc) == [
        (0, "Before the first heading", "preamble"),
        (1, "Contents", "contents"),
        (1, "1. Background", "numbered"),
        (1, "2. Method", "numbered"),
    ]
    assert doc.sections[1].text.startswith("1. Background ....")


def test_a_typed_table_with_page_numbers_glued_on_and_a_cover_page_after(tmp_path: Path):
    # The handbook's tables: "A. PURPOSE1-1", chapter lines without numbers, then a
    # chapter's cover page ("CHAPTER 1", "INTRODUCTION") before its styled heading.
    body = (p("Handbook for Trustees") + p("Table of Contents")
            + p("CHAPTER 1 - INTRODUCTION") + p("A. PURPOSE1-1") + p("B. ROLE1-2")
            + p("CHAPTER 2 - APPOINTMENT") + p("A. ELIGIBILITY2-1")
            + p("") + p("CHAPTER 1") + p("INTRODUCTION")
            + p("CHAPTER 1 – INTRODUCTION", "berschrift1") + p(BODY))
    doc = load(str(write_docx(tmp_path / "h.docx", body)))
    assert outline(doc) == [
        (0, "Before the first heading", "preamble"),
        (1, "Table of Contents", "contents"),
        (1, "CHAPTER 1 – INTRODUCTION", "style"),
    ]
    toc = doc.sections[1]
    assert toc.text.splitlines()[-2:] == ["CHAPTER 1", "INTRODUCTION"]  # a cover, not text


def test_a_short_list_ending_in_numbers_is_not_a_table_of_contents(tmp_path: Path):
    body = (p("Budget", "berschrift1") + p("Contents")  # a heading-like word, then a list
            + p("Paper 12") + p("Ink 4") + p(BODY))
    doc = load(str(write_docx(tmp_path / "n.docx", body)))
    assert outline(doc) == [(1, "Budget", "style")]
    assert all(s.origin is not SectionOrigin.CONTENTS for s in doc.walk())


def test_chat_and_the_built_in_reviewer_never_read_a_table_of_contents(tmp_path: Path):
    from desktop_app.ai.retrieval import document_passages
    from desktop_app.ai.rules.document import DocumentIndex

    body = (p("Table of Contents", "berschrift1") + field_toc(["Summary", "Timeline"])
            + p("Summary", "berschrift1") + p(BODY) + p("Timeline", "berschrift1") + p(BODY))
    doc = load(str(write_docx(tmp_path / "c.docx", body)))
    toc = doc.sections[0]
    assert toc.origin is SectionOrigin.CONTENTS
    assert all(passage.section_id != toc.id for passage in document_passages(doc))
    assert DocumentIndex.from_document(doc).section(toc.id) is None
