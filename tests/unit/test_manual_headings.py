"""Headings typed by hand inside long sections become subsections (issue 18)."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop_app.document import SectionOrigin, load
from desktop_app.document.manual import LONG_WORDS
from tests.docx_factory import p, raw_p, write_docx

SENTENCE = ("The standing trustee reviews each case file and records what was found, "
            "who was told and when the matter was closed. ")


def body_text(words: int, tag: str = "") -> str:
    """Paragraphs of running text, about `words` long."""
    per = len(SENTENCE.split()) * 4
    return "".join(p(f"{tag}{SENTENCE * 4}") for _ in range(max(1, words // per)))


def outline(doc) -> list[tuple[int, str]]:
    return [(s.level, s.title) for s in doc.walk()]


def mixed_handbook(chunk: int = 600) -> str:
    """A styled chapter, then one styled heading over a long stretch typed by hand."""
    return (
        p("CHAPTER 1 – INTRODUCTION", "berschrift1")
        + p("A.\tPURPOSE", "berschrift2") + body_text(200)
        + p("CHAPTER 2 – ADMINISTRATION", "berschrift1") + body_text(100)
        + p("A.\tINITIAL REVIEW", bold=True) + body_text(chunk)
        + p("1.\tCONFLICTS OF INTEREST", bold=True) + body_text(chunk)
        + p("2.\tSCHEDULES AND PETITION", bold=True) + body_text(chunk)
        + p("B.\tMEETING OF CREDITORS", bold=True) + body_text(chunk)
        + p("1.\tPRESIDING OFFICER", bold=True) + body_text(chunk)
        + p("CHAPTER 3", bold=True) + p("BUDGETS") + p("CHAPTER 3 – BUDGETS", bold=True)
        + p("A.\tPURPOSE", bold=True) + body_text(chunk)
    )


def test_typed_headings_in_a_long_styled_section_become_its_subsections(tmp_path: Path):
    doc = load(str(write_docx(tmp_path / "h.docx", mixed_handbook())))
    assert outline(doc) == [
        (1, "CHAPTER 1 – INTRODUCTION"),
        (2, "A. PURPOSE"),
        (1, "CHAPTER 2 – ADMINISTRATION"),
        (2, "A. INITIAL REVIEW"),  # "A." is at level 2 where the styled headings put it
        (3, "1. CONFLICTS OF INTEREST"),  # a scheme met under "A.": one level down
        (3, "2. SCHEDULES AND PETITION"),
        (2, "B. MEETING OF CREDITORS"),
        (3, "1. PRESIDING OFFICER"),
        (1, "CHAPTER 3 – BUDGETS"),  # a sibling of the styled chapters; the cover line is text
        (2, "A. PURPOSE"),  # repeated titles are fine
    ]
    found = [s for s in doc.walk() if s.origin is SectionOrigin.NUMBERED]
    assert len(found) == 7
    ids = [s.id for s in doc.walk()]
    assert len(set(ids)) == len(ids)
    chapter2 = doc.sections[1]
    assert [c.title for c in chapter2.children] == ["A. INITIAL REVIEW", "B. MEETING OF CREDITORS"]
    assert "CHAPTER 3" in list(doc.walk())[-3].text  # the cover page stays as text
    assert all(s.words < LONG_WORDS for s in doc.walk())


def test_ids_of_typed_headings_are_stable_and_leave_styled_ids_alone(tmp_path: Path):
    first = [s.id for s in load(str(write_docx(tmp_path / "a.docx", mixed_handbook()))).walk()]
    again = [s.id for s in load(str(write_docx(tmp_path / "b.docx", mixed_handbook()))).walk()]
    assert first == again
    # An edit far away: a new styled section at the start renumbers nothing.
    edited = load(str(write_docx(
        tmp_path / "c.docx", p("Foreword", "berschrift1") + p("A short note.") + mixed_handbook())))
    assert [s.id for s in edited.walk()][1:] == first
    # A styled "A. PURPOSE" and a typed one share a title, not an id; the styled
    # one's id is the one it had before typed headings were looked for.
    styled = next(s for s in load(str(write_docx(tmp_path / "d.docx", mixed_handbook()))).walk()
                  if s.title == "A. PURPOSE")
    assert styled.origin is SectionOrigin.STYLE and styled.id == first[1]


def test_a_short_section_keeps_its_typed_headings_as_text(tmp_path: Path):
    body = (p("Scope", "berschrift1") + p("A.\tBACKGROUND", bold=True) + body_text(300)
            + p("B.\tMETHOD", bold=True) + body_text(300))
    doc = load(str(write_docx(tmp_path / "s.docx", body)))
    assert outline(doc) == [(1, "Scope")]


def test_lists_sentences_and_closing_lines_are_not_headings(tmp_path: Path):
    body = (
        p("Procedures", "berschrift1") + body_text(1500)
        # A numbered list: its items follow one another with no text between.
        + p("1.\tOPEN THE VALVE", bold=True) + p("2.\tCLOSE THE DOOR", bold=True)
        + p("3.\tCALL THE DUTY OFFICER", bold=True) + body_text(1500)
        + p("1.\tThe trustee must file a report within thirty days;")  # a sentence
        + body_text(500)
        + p("U.S. Department of Justice", bold=True)  # a last line with nothing under it
    )
    doc = load(str(write_docx(tmp_path / "l.docx", body)))
    assert outline(doc) == [(1, "Procedures")]


@pytest.mark.parametrize("lines,titles", [
    (["Article 1", "Article 2", "Article 3"], ["Article 1", "Article 2", "Article 3"]),
    (["Appendix A – Forms", "Appendix B – Rates"], ["Appendix A – Forms", "Appendix B – Rates"]),
    (["Box 1. Reading the tables", "Box 2. Method"], ["Box 1. Reading the tables",
                                                      "Box 2. Method"]),
    (["一、总则", "二、范围", "三、职责"], ["一、总则", "二、范围", "三、职责"]),
    (["I. BACKGROUND", "II. FINDINGS", "III. REMEDIES"],
     ["I. BACKGROUND", "II. FINDINGS", "III. REMEDIES"]),
])
def test_numbering_schemes_typed_by_hand(tmp_path: Path, lines: list[str], titles: list[str]):
    # Plain text, no bold: the numbering scheme itself is the evidence.
    words = LONG_WORDS // len(lines) + 200
    body = p("Report", "berschrift1") + "".join(p(line) + body_text(words) for line in lines)
    doc = load(str(write_docx(tmp_path / "k.docx", body)))
    assert [s.title for s in doc.walk()] == ["Report", *titles]
    assert all(s.level == 2 for s in list(doc.walk())[1:])


def test_plain_numbered_headings_count_on_in_order(tmp_path: Path):
    # Neither bold nor capitals: accepted because "1.", "2.", "3." count on, and
    # "2.1" sits under "2".
    parts = ["1. Background", "2. Method", "2.1 Interviews", "3. Findings"]
    body = p("Review", "berschrift1") + "".join(p(line) + body_text(900) for line in parts)
    doc = load(str(write_docx(tmp_path / "n.docx", body)))
    assert outline(doc) == [(1, "Review"), (2, "1. Background"), (2, "2. Method"),
                            (3, "2.1 Interviews"), (2, "3. Findings")]


def test_bold_lines_in_a_long_unnumbered_section(tmp_path: Path):
    body = (p("Press review", "berschrift1") + body_text(200)
            + p("Vedomosti", bold=True) + p("Moody's rates the water company", bold=True)
            + body_text(1500)
            + p("Strategy of entry", bold=True) + body_text(1500)
            + p("Main risks", bold=True) + body_text(1500))
    doc = load(str(write_docx(tmp_path / "b.docx", body)))
    # Two bold lines one after the other: the one next to the text is the heading.
    assert outline(doc) == [(1, "Press review"), (2, "Moody's rates the water company"),
                            (2, "Strategy of entry"), (2, "Main risks")]
    assert all(s.origin is SectionOrigin.BOLD for s in list(doc.walk())[1:])


def test_typed_siblings_of_the_section_heading_follow_it(tmp_path: Path):
    # The long section's own heading is "Article 1"; "Article 2" is its sibling, not its child.
    body = (p("Part I", "berschrift1") + p("Article 1: Definitions", "berschrift2")
            + body_text(1700) + p("Article 2: Obligations of the parties") + body_text(1700))
    doc = load(str(write_docx(tmp_path / "a.docx", body)))
    assert outline(doc) == [(1, "Part I"), (2, "Article 1: Definitions"),
                            (2, "Article 2: Obligations of the parties")]


def test_headings_typed_in_a_document_without_styles_still_use_the_fallback(tmp_path: Path):
    # No heading styles: the numbered fallback of before, then long sections refined.
    body = (p("1. Introduction") + body_text(300) + p("2. Findings") + body_text(200)
            + p("A.\tFIRST FINDING", bold=True) + body_text(1800)
            + p("B.\tSECOND FINDING", bold=True) + body_text(1800))
    doc = load(str(write_docx(tmp_path / "f.docx", body, styles="")))
    assert outline(doc) == [(1, "1. Introduction"), (1, "2. Findings"), (1, "A. FIRST FINDING"),
                            (1, "B. SECOND FINDING")]


def test_raw_runs_bold_through_a_character_style(tmp_path: Path):
    styles_ = ('<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name '
               'w:val="Normal"/></w:style><w:style w:type="paragraph" w:styleId="H1"><w:name '
               'w:val="heading 1"/></w:style><w:style w:type="character" w:styleId="Strong">'
               '<w:name w:val="Strong"/><w:rPr><w:b/></w:rPr></w:style>')

    def strong(text: str) -> str:
        return raw_p(f'<w:r><w:rPr><w:rStyle w:val="Strong"/></w:rPr><w:t>{text}</w:t></w:r>')

    body = (p("Annual report", "H1") + strong("Revenue") + body_text(1800)
            + strong("Costs") + body_text(1800))
    doc = load(str(write_docx(tmp_path / "c.docx", body, styles=styles_)))
    assert [s.title for s in doc.walk()] == ["Annual report", "Revenue", "Costs"]
