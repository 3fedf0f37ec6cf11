"""Section extraction: headings from styles, fallbacks, text as Word shows it."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from desktop_app.document import ParagraphKind, SectionOrigin, load
from desktop_app.document.outline import PART_WORDS, PREAMBLE_TITLE
from tests.docx_factory import p, raw_p, table, write_docx


def outline(doc) -> list[tuple[int, str]]:
    return [(s.level, s.title) for s in doc.walk()]


def test_localized_and_custom_heading_styles_found_through_outline_level(tmp_path: Path):
    body = (
        p("Jahresbericht", "Titel")
        + p("Einleitung", "berschrift1") + p("Text eins.")
        + p("Hintergrund", "berschrift2") + p("Text zwei.")
        + p("Eigenes Kapitel", "Kapitel") + p("Text drei.")  # basedOn Heading 1
        + p("Eigenes Unterkapitel", "Unterkapitel") + p("Text vier.")  # own outline level 2
        + p("Ein Zitat, kein Titel.", "Zitat")
    )
    doc = load(str(write_docx(tmp_path / "de.docx", body)))
    assert outline(doc) == [
        (0, "Jahresbericht"),
        (1, "Einleitung"),
        (2, "Hintergrund"),
        (1, "Eigenes Kapitel"),
        (2, "Eigenes Unterkapitel"),
    ]
    chapter = doc.section(next(s.id for s in doc.walk() if s.title == "Eigenes Kapitel"))
    assert chapter.parent.title == "Jahresbericht"
    assert [c.title for c in chapter.children] == ["Eigenes Unterkapitel"]
    assert doc.title == "Jahresbericht"
    assert "Ein Zitat, kein Titel." in doc.sections[0].children[-1].children[0].text


def test_direct_outline_level_overrides_style(tmp_path: Path):
    body = p("Intro text.") + p("Made a heading by hand", outline=0) + p("Body.") + p(
        "Demoted", "berschrift1", outline=9) + p("More body.")
    doc = load(str(write_docx(tmp_path / "o.docx", body)))
    assert outline(doc) == [(0, PREAMBLE_TITLE), (1, "Made a heading by hand")]
    assert "Demoted" in doc.sections[1].text


def test_text_before_first_heading_is_its_own_section(tmp_path: Path):
    body = p("") + p("Prepared by: QA team") + p("Scope", "berschrift1") + p("Details.")
    doc = load(str(write_docx(tmp_path / "pre.docx", body)))
    first = doc.sections[0]
    assert first.origin is SectionOrigin.PREAMBLE and first.title == PREAMBLE_TITLE
    assert first.text == "Prepared by: QA team"
    assert doc.sections[1].title == "Scope"


def test_numbered_headings_without_heading_styles(tmp_path: Path):
    body = (
        p("1. Introduction") + p("This report covers the outage.")
        + p("1.1 Scope") + p("Only the payment service.")
        + p("2. Findings") + p("The cache was cold.")
        + p("A. Appendix") + p("Raw logs.")
        + p("3. Do the thing now.")  # a numbered sentence, not a heading
    )
    doc = load(str(write_docx(tmp_path / "num.docx", body, styles="")))
    assert outline(doc) == [
        (1, "1. Introduction"), (2, "1.1 Scope"), (1, "2. Findings"), (1, "A. Appendix"),
    ]
    assert all(s.origin is SectionOrigin.NUMBERED for s in doc.walk())
    assert "3. Do the thing now." in doc.sections[-1].text


def test_short_bold_paragraphs_become_headings_when_nothing_else(tmp_path: Path):
    body = (
        p("Opening words before any heading.")
        + p("Background", bold=True) + p("Some background text that runs on.")
        + p("What we found", bold=True) + p("The findings.")
        + p("This whole sentence is bold but ends with a period.", bold=True)
    )
    doc = load(str(write_docx(tmp_path / "bold.docx", body, styles="")))
    assert [s.title for s in doc.walk()] == [PREAMBLE_TITLE, "Background", "What we found"]
    assert doc.sections[1].origin is SectionOrigin.BOLD


def test_structureless_document_is_split_into_titled_parts(tmp_path: Path):
    sentence = "The committee reviewed the budget line by line and agreed on changes. "
    paras = [p(f"Paragraph {i}. " + sentence * 6) for i in range(60)]
    doc = load(str(write_docx(tmp_path / "flat.docx", "".join(paras), styles="")))
    parts = list(doc.walk())
    assert len(parts) > 3
    assert all(s.origin is SectionOrigin.PART for s in parts)
    assert parts[0].title.startswith("Part 1: Paragraph 0.")
    assert parts[1].title.startswith("Part 2: Paragraph")
    assert all(s.words <= PART_WORDS + 100 for s in parts)
    assert sum(s.words for s in parts) == doc.words


def test_tracked_changes_accepted_insertions_in_deletions_out(tmp_path: Path):
    body = raw_p(
        '<w:r><w:t xml:space="preserve">The budget was </w:t></w:r>'
        '<w:del w:id="1" w:author="A"><w:r><w:delText>rejected</w:delText></w:r></w:del>'
        '<w:ins w:id="2" w:author="A"><w:r><w:t>approved</w:t></w:r></w:ins>'
        '<w:r><w:t xml:space="preserve"> on </w:t></w:r>'
        '<w:moveFrom w:id="3" w:author="A"><w:r><w:t>Monday</w:t></w:r></w:moveFrom>'
        '<w:moveTo w:id="4" w:author="A"><w:r><w:t>Friday</w:t></w:r></w:moveTo>'
        '<w:r><w:rPr><w:vanish/></w:rPr><w:t>hidden note</w:t></w:r>'
        '<w:r><w:t>.</w:t></w:r>'
    ) + raw_p(  # a paragraph deleted whole, mark included
        '<w:pPr><w:rPr><w:del w:id="5" w:author="A"/></w:rPr></w:pPr>'
        '<w:del w:id="6" w:author="A"><w:r><w:delText>Gone.</w:delText></w:r></w:del>'
    ) + p("Kept.")
    doc = load(str(write_docx(tmp_path / "tc.docx", body, styles="")))
    assert doc.sections[0].text == "The budget was approved on Friday.\nKept."


def test_tables_row_by_row_text_boxes_content_controls_hyperlinks(tmp_path: Path):
    textbox = (
        "<w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing><wps:txbx>"
        "<w:txbxContent>" + p("Boxed note") + "</w:txbxContent></wps:txbx></w:drawing>"
        "</mc:Choice><mc:Fallback><w:pict><v:textbox><w:txbxContent>" + p("Boxed note")
        + "</w:txbxContent></v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r>"
    )
    body = (
        p("Results", "berschrift1")
        + table([["Metric", "Value"], ["Uptime", "99.5%"]])
        + raw_p('<w:r><w:t xml:space="preserve">See </w:t></w:r><w:hyperlink r:id="rId9">'
                "<w:r><w:t>the dashboard</w:t></w:r></w:hyperlink><w:r><w:t>.</w:t></w:r>")
        + "<w:sdt><w:sdtPr/><w:sdtContent>" + p("Inside a content control.")
        + "</w:sdtContent></w:sdt>"
        + raw_p('<w:r><w:t xml:space="preserve">Anchor paragraph </w:t></w:r>' + textbox)
        + raw_p("<w:r><w:t>Name</w:t><w:tab/><w:t>Value</w:t></w:r>")
    )
    doc = load(str(write_docx(tmp_path / "mix.docx", body)))
    (sec,) = doc.sections
    assert sec.text.splitlines() == [
        "Metric | Value",
        "Uptime | 99.5%",
        "See the dashboard.",
        "Inside a content control.",
        "Anchor paragraph ",
        "Boxed note",  # once: the mc:Fallback copy is not read twice
        "Name\tValue",
    ]
    kinds = [para.kind for para in sec.paragraphs]
    assert kinds.count(ParagraphKind.TABLE_CELL) == 4
    assert ParagraphKind.TEXT_BOX in kinds


def test_anchors_number_every_paragraph_in_document_order(tmp_path: Path):
    body = p("Intro.") + p("Head", "berschrift1") + table([["a", "b"]]) + p("End.")
    doc = load(str(write_docx(tmp_path / "a.docx", body)))
    anchors = [para.anchor for s in doc.walk() for para in s.paragraphs]
    heading_anchors = [s.heading_anchor for s in doc.walk() if s.heading_anchor is not None]
    assert sorted(anchors + heading_anchors) == list(range(doc.paragraph_count))
    assert doc.paragraph_count == 5


def test_ids_stable_across_loads_and_local_edits(tmp_path: Path):
    def build(name: str, middle_text: str, extra: str = "") -> list[str]:
        body = (
            p("Summary", "berschrift1") + p("Short.")
            + p("Method", "berschrift1") + p(middle_text)
            + extra
            + p("Notes", "berschrift1") + p("First notes.")
            + p("Notes", "berschrift1") + p("Second notes, same title.")
        )
        return [s.id for s in load(str(write_docx(tmp_path / name, body))).walk()]

    first = build("v1.docx", "We interviewed five people.")
    assert first == build("v1-again.docx", "We interviewed five people.")
    assert len(set(first)) == len(first)  # duplicate titles still get distinct ids
    edited = build("v2.docx", "We interviewed seven people and read the logs.")
    assert edited == first
    inserted = build("v3.docx", "We interviewed five people.", p("Risks", "berschrift1"))
    assert [i for i in inserted if i in first] == first


def test_python_docx_document_with_english_heading_styles(tmp_path: Path):
    d = docx.Document()
    d.add_heading("Quarterly review", 0)
    d.add_paragraph("Intro paragraph.")
    d.add_heading("Revenue", 1)
    d.add_paragraph("Revenue grew.")
    d.add_heading("By region", 2)
    d.add_paragraph("North led.")
    path = tmp_path / "pd.docx"
    d.save(path)
    doc = load(str(path))
    assert outline(doc) == [(0, "Quarterly review"), (1, "Revenue"), (2, "By region")]
    assert doc.sections[0].children[0].children[0].text == "North led."
    assert doc.sections[0].words == 2


@pytest.mark.parametrize("text,words", [("one two  three", 3), ("日本語の文", 5), ("", 0)])
def test_word_count_counts_cjk_characters(text: str, words: int):
    from desktop_app.document import count_words

    assert count_words(text) == words


@pytest.mark.parametrize("extra", ["", "<w:r><w:rPr><w:vanish/></w:rPr><w:t>hidden</w:t></w:r>"])
def test_xml_comments_and_processing_instructions_are_ignored(tmp_path: Path, extra: str):
    # `extra` switches the loader to its careful text walk; both paths must agree.
    body = ("<!-- generator note --><?mso-application progid?>" + p("Head", "berschrift1")
            + "<w:p><!-- c --><w:r><!-- c2 --><w:t>Body</w:t><?pi y?></w:r>" + extra + "</w:p>")
    doc = load(str(write_docx(tmp_path / "c.docx", body)))
    assert [(s.title, s.text) for s in doc.walk()] == [("Head", "Body")]
