"""The document says which text is code (a code style, a monospaced font): the loader
carries it in the model, and the built-in reviewer leaves it alone (issue 14)."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.shared import Pt

from desktop_app.ai.local_reviewer import LocalProvider
from desktop_app.ai.provider import AnalysisRequest, CancelToken
from desktop_app.document import load
from desktop_app.document.model import ParagraphKind
from tests.unit.test_local_rules import GW

pytestmark = pytest.mark.usefixtures("report_like", "acronyms_without_gate")

PROSE = ("The support team reviewed the crash reports that customers sent in March. "
         "Each report was read by an engineer, who wrote down what the customer saw. ")
OOPS = "Oops: 0000 [#1] SMP"
TAG = "tag: Full Name <email address>"
SCM = "SCM: git git://anonscm.example.org/tools.git"
# One sentence of 70 words, and a slot left open: reported in any prose.
LONG = ("When the committee met again in the spring it went through every one of the "
        "proposals that the members had sent in over the winter months and after a long "
        "discussion about the costs and the benefits of each of them it decided that the "
        "two that were cheapest to carry out should be tried first in the smaller offices "
        "before anyone thought about the rest of the list at all.")
SLOT = "The agreement takes effect on [Insert date] for both parties."


def _doc() -> docx.document.Document:
    d = docx.Document()
    d.add_heading("Crash reports", 1)
    d.add_paragraph(PROSE * 3)
    return d


def _style(d: docx.document.Document, name: str, kind: WD_STYLE_TYPE,
           font: str | None = None) -> str:
    style = d.styles.add_style(name, kind)
    if font:
        style.font.name = font
    return name


def _findings(path: Path) -> list[tuple[str, str]]:
    """(rule, quote) of every finding, as `margin review` makes them."""
    doc = load(str(path))
    provider = LocalProvider.for_document(doc)
    out = []
    for section in doc.walk():
        request = AnalysisRequest(section.id, section.title, section.text, GW)
        out += [(rf.rule, rf.finding.quote) for rf in provider.review(request, CancelToken())]
    return out


def _rules(found: list[tuple[str, str]], rule: str, word: str) -> list[str]:
    return [q for r, q in found if r == rule and word in q]


# --- code paragraphs ----------------------------------------------------------------

@pytest.mark.parametrize("style", ["Preformatted Text", "HTML Preformatted"])
def test_a_kernel_oops_in_a_preformatted_paragraph_has_no_undefined_acronym(
        tmp_path: Path, style: str):
    d = _doc()
    d.add_paragraph(OOPS, style=_style(d, style, WD_STYLE_TYPE.PARAGRAPH))
    d.save(tmp_path / "oops.docx")
    assert _rules(_findings(tmp_path / "oops.docx"), "undefined-acronym", "SMP") == []


def test_the_same_oops_in_a_normal_paragraph_is_still_an_undefined_acronym(tmp_path: Path):
    d = _doc()
    _style(d, "Preformatted Text", WD_STYLE_TYPE.PARAGRAPH)  # defined, not used
    d.add_paragraph(OOPS)
    d.save(tmp_path / "oops.docx")
    assert _rules(_findings(tmp_path / "oops.docx"), "undefined-acronym", "SMP") == ["SMP"]


def _font_paragraph(d: docx.document.Document, text: str, font: str) -> None:
    run = d.add_paragraph().add_run(text)
    run.font.name = font
    run.font.size = Pt(10)


def test_a_sample_line_in_courier_new_has_no_placeholder(tmp_path: Path):
    d = _doc()
    _font_paragraph(d, TAG, "Courier New")
    d.save(tmp_path / "tag.docx")
    assert _rules(_findings(tmp_path / "tag.docx"), "placeholder", "email address") == []


@pytest.mark.parametrize("font", [None, "Monotype Corsiva"])
def test_the_same_sample_line_in_prose_or_a_script_font_is_still_a_placeholder(
        tmp_path: Path, font: str | None):
    d = _doc()
    if font:
        _font_paragraph(d, TAG, font)
    else:
        d.add_paragraph(TAG)
    d.save(tmp_path / "tag.docx")
    assert _rules(_findings(tmp_path / "tag.docx"), "placeholder", "email address") != []


# --- code runs inside prose ---------------------------------------------------------

def _inline(d: docx.document.Document, *, style: str | None = None, font: str | None = None
            ) -> None:
    p = d.add_paragraph("The package names its repository as ")
    run = p.add_run(SCM)
    if style:
        run.style = style
    if font:
        run.font.name = font
    p.add_run(" in its control file.")


@pytest.mark.parametrize("how", ["Source Text", "Consolas"])
def test_git_git_in_an_inline_code_run_is_no_repeated_word(tmp_path: Path, how: str):
    d = _doc()
    if how == "Consolas":
        _inline(d, font="Consolas")
    else:
        _inline(d, style=_style(d, how, WD_STYLE_TYPE.CHARACTER))
    d.save(tmp_path / "scm.docx")
    assert _rules(_findings(tmp_path / "scm.docx"), "repeated-word", "git git") == []


@pytest.mark.parametrize("font", [None, "Monotype Corsiva"])
def test_git_git_in_a_prose_run_or_a_script_font_is_still_a_repeated_word(
        tmp_path: Path, font: str | None):
    d = _doc()
    _inline(d, font=font)
    d.save(tmp_path / "scm.docx")
    assert _rules(_findings(tmp_path / "scm.docx"), "repeated-word", "git git") != []


def test_a_prose_sentence_that_starts_with_an_inline_command_is_still_overlong(
        tmp_path: Path):
    d = _doc()
    p = d.add_paragraph()
    p.add_run("make").font.name = "Consolas"
    p.add_run(" " + LONG[0].lower() + LONG[1:])
    d.save(tmp_path / "long.docx")
    assert _rules(_findings(tmp_path / "long.docx"), "overlong-sentence", "committee") != []


# --- a document typed in a monospaced font is prose ------------------------------------

def test_a_document_typed_all_in_courier_new_is_reviewed_as_prose(tmp_path: Path):
    d = docx.Document()
    d.styles["Normal"].font.name = "Courier New"
    d.add_heading("Minutes", 1)
    d.add_paragraph(PROSE)
    d.add_paragraph(LONG)
    d.add_paragraph(SLOT)
    d.save(tmp_path / "typewriter.docx")
    doc = load(str(tmp_path / "typewriter.docx"))
    assert all(not p.code for s in doc.walk() for p in s.paragraphs)
    found = _findings(tmp_path / "typewriter.docx")
    assert _rules(found, "overlong-sentence", "committee") != []
    assert _rules(found, "placeholder", "[Insert date]") != []


def test_a_document_typed_in_courier_run_by_run_is_reviewed_as_prose(tmp_path: Path):
    d = docx.Document()
    d.add_heading("Minutes", 1)
    for text in (PROSE, LONG, SLOT):
        _font_paragraph(d, text, "Courier New")
    d.save(tmp_path / "typewriter.docx")
    found = _findings(tmp_path / "typewriter.docx")
    assert _rules(found, "overlong-sentence", "committee") != []
    assert _rules(found, "placeholder", "[Insert date]") != []


def test_a_reference_mostly_in_code_styles_keeps_its_code(tmp_path: Path):
    """More than half code, all of it named so (an API reference: nodejs-events in the
    evaluation is 55 %): the names say code, whatever the share."""
    d = docx.Document()
    pre = _style(d, "Preformatted Text", WD_STYLE_TYPE.PARAGRAPH, "DejaVu Sans Mono")
    d.add_heading("Events", 1)
    d.add_paragraph("Emitters call listeners synchronously.")
    for _ in range(3):
        d.add_paragraph("const emitter = new EventEmitter(); emitter.on('event', () => {});",
                        style=pre)
    d.save(tmp_path / "api.docx")
    paras = [p for s in load(str(tmp_path / "api.docx")).walk() for p in s.paragraphs]
    assert [bool(p.code) for p in paras] == [False, True, True, True]


# --- the model carries the spans ------------------------------------------------------

def _layout(code: bool) -> docx.document.Document:
    """Prose with code in a body paragraph, a list item and table cells; `code`: formatted
    as code, else the same text plain."""
    d = _doc()
    mono = _style(d, "Source Text", WD_STYLE_TYPE.CHARACTER, "DejaVu Sans Mono")
    pre = _style(d, "Preformatted Text", WD_STYLE_TYPE.PARAGRAPH, "DejaVu Sans Mono")

    def runs(p, *parts: tuple[str, bool]) -> None:
        for text, is_code in parts:
            run = p.add_run(text)
            if is_code and code:
                run.style = mono

    runs(d.add_paragraph(), ("Type ", False), ("make install", True), (" and wait.", False))
    item = d.add_paragraph(style="List Bullet")
    item._p.get_or_add_pPr().append(parse_xml(  # numbered on the paragraph: a list item
        f'<w:numPr {nsdecls("w")}><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>'))
    runs(item, ("then ", False), ("  ls -l  ", True))
    d.add_paragraph("$ uname -a", style=pre if code else None)
    table = d.add_table(rows=1, cols=2)
    left, right = table.cell(0, 0), table.cell(0, 1)
    runs(left.paragraphs[0], ("Command", False))
    runs(left.add_paragraph(), ("run ", False), ("git log", True))
    right.paragraphs[0].text = "dpkg -l"
    if code:
        right.paragraphs[0].style = pre
    return d


def test_the_loader_carries_code_spans_in_paragraphs_and_sections(tmp_path: Path):
    _layout(True).save(tmp_path / "code.docx")
    _layout(False).save(tmp_path / "plain.docx")
    doc, plain = load(str(tmp_path / "code.docx")), load(str(tmp_path / "plain.docx"))
    # Text, kinds and anchors are as without the formatting.
    assert [(s.title, s.text) for s in doc.walk()] == [(s.title, s.text) for s in plain.walk()]
    paras = [p for s in doc.walk() for p in s.paragraphs]
    assert [p[:6] for p in paras] == [p[:6] for s in plain.walk() for p in s.paragraphs]
    assert all(not p.code for s in plain.walk() for p in s.paragraphs)
    code = {p.text: [p.text[a:b] for a, b in p.code] for p in paras if p.code}
    assert code == {"Type make install and wait.": ["make install"],
                    "then   ls -l  ": ["ls -l"],  # trimmed of its spaces
                    "$ uname -a": ["$ uname -a"],
                    "run git log": ["git log"],
                    "dpkg -l": ["dpkg -l"]}
    kinds = {p.text: p.kind for p in paras if p.code}
    assert kinds["then   ls -l  "] is ParagraphKind.LIST_ITEM
    assert kinds["run git log"] is ParagraphKind.TABLE_CELL
    (section,) = [s for s in doc.walk() if s.code_spans]
    assert [section.text[a:b] for a, b in section.code_spans] == [
        "make install", "ls -l", "$ uname -a", "git log", "dpkg -l"]
    assert "Command run git log | dpkg -l" in section.text


# --- code is not a heading ----------------------------------------------------------

def test_numbered_lines_of_a_code_sample_are_not_typed_headings(tmp_path: Path):
    # No styled headings: numbered lines become the sections, but not a code sample's
    # numbered lines ("1. Configure" in Preformatted Text).
    d = docx.Document()
    code = _style(d, "Preformatted Text", WD_STYLE_TYPE.PARAGRAPH)
    d.add_paragraph("1. Building")
    d.add_paragraph(PROSE * 2)
    for line in ("1. Configure", "2. Compile", "3. Install"):
        d.add_paragraph(line, style=code)
    d.add_paragraph(PROSE * 2)
    d.add_paragraph("2. Testing")
    d.add_paragraph(PROSE * 2)
    d.save(tmp_path / "build.docx")
    titles = [s.title for s in load(str(tmp_path / "build.docx")).walk()]
    assert titles == ["1. Building", "2. Testing"]
    # near miss: the same lines as prose are numbered headings
    d = docx.Document()
    d.add_paragraph("1. Building")
    d.add_paragraph(PROSE * 2)
    d.add_paragraph("2. Testing")
    d.add_paragraph(PROSE * 2)
    d.add_paragraph("3. Installing")
    d.add_paragraph(PROSE * 2)
    d.save(tmp_path / "plain.docx")
    assert [s.title for s in load(str(tmp_path / "plain.docx")).walk()] == [
        "1. Building", "2. Testing", "3. Installing"]


def test_a_keyword_line_in_code_is_not_a_typed_heading_of_a_long_section(tmp_path: Path):
    d = docx.Document()
    code = _style(d, "Preformatted Text", WD_STYLE_TYPE.PARAGRAPH)
    d.add_heading("Building", 1)
    d.add_paragraph(PROSE * 100)
    d.add_paragraph("CHAPTER 1", style=code)  # a sample of what the tool prints
    d.add_paragraph(PROSE * 100)
    d.add_paragraph("CHAPTER 2")
    d.add_paragraph(PROSE * 100)
    d.save(tmp_path / "long.docx")
    assert [s.title for s in load(str(tmp_path / "long.docx")).walk()] == [
        "Building", "CHAPTER 2"]
