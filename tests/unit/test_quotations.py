"""Quotations the document sets apart by style and introduces with a colon: the loader
carries the style in the model, and the built-in reviewer leaves the quoted author's
acronyms and spelling alone (issue 14: heldout-44's DICOM standard quoted in NiBabel,
heldout-60's report quoted in fetchmail's FAQ)."""

from __future__ import annotations

from pathlib import Path

import docx

from desktop_app.ai.rules.document import SectionInfo
from desktop_app.document import load
from tests.unit.test_local_rules import FILLER, SPELLS_OUT, make_index, review_section

ACR, SV = "undefined-acronym", "spelling-variant"
INTRO = "There's a stalling problem that can cause this symptom. Brian Boutel writes:"
QUOTED = ("Turning the timestamps off restores normal behaviour, and the SOP Instance "
          "is read at once.")


def test_the_loader_marks_paragraphs_of_a_quotation_style(tmp_path: Path) -> None:
    d = docx.Document()
    d.add_heading("Stalls", 1)
    d.add_paragraph(INTRO)
    d.add_paragraph(QUOTED, style="Quote")
    d.add_paragraph("Back to our own text. " + FILLER)
    d.save(str(tmp_path / "q.docx"))
    (section,) = [s for s in load(str(tmp_path / "q.docx")).walk() if s.title == "Stalls"]
    assert [p.quote for p in section.paragraphs] == [False, True, False]
    (span,) = section.quote_spans
    assert section.text[span[0]:span[1]] == QUOTED


def _findings(text: str, quotes: tuple[tuple[int, int], ...], rule: str) -> list[str]:
    prose = ("Our text", "The behavior of the server and the behavior of the client are "
                         "set apart. " + FILLER)
    index = make_index(prose, SectionInfo("s1", "Stalls", text, quotes=quotes), SPELLS_OUT)
    return [rf.finding.quote for s in index.sections for rf in review_section(index, s.id)
            if rf.rule == rule]


def test_an_introduced_quotation_keeps_its_acronyms_and_its_spelling() -> None:
    text = f"{INTRO}\n{QUOTED}\n{FILLER}"
    start = text.index(QUOTED)
    quoted = ((start, start + len(QUOTED)),)
    assert _findings(text, quoted, ACR) == []
    assert _findings(text, quoted, SV) == []
    # near misses: the same words unstyled are the author's, and so are they in a
    # paragraph of that style nobody introduces (Sphinx indents text with it)
    assert _findings(text, (), ACR) == ["SOP"]
    assert _findings(text, (), SV) == ["behaviour"]
    plain = f"There's a stalling problem that can cause this symptom.\n{QUOTED}\n{FILLER}"
    start = plain.index(QUOTED)
    assert _findings(plain, ((start, start + len(QUOTED)),), SV) == ["behaviour"]
