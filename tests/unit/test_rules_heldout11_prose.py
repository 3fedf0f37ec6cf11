"""Patterns the blind round heldout-11 (info pages, policies, essays, a design note, a
licence) found wrong or noisy in the overlong-sentence and vague-wording rules, each
with the near miss the rule must still catch: a table cell's paragraphs read as one
sentence, quotations and built-to-read licence sentences counted as the author's long
sentences, and "a lot of" flagged in prose where nobody expects a figure."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from desktop_app.ai.local_reviewer import LocalProvider, RuleFinding
from desktop_app.ai.provider import AnalysisRequest, CancelToken
from desktop_app.ai.rules import SectionContext, SectionInfo
from desktop_app.ai.rules.text import sentences
from desktop_app.document import load
from desktop_app.document.model import Paragraph, ParagraphKind, cell_breaks, iter_blocks
from tests.export_helpers import export
from tests.unit.test_local_rules import GW, make_index, quotes

# The vague-wording and passive-voice rules run only in documents that report results
# (test_rules_precision.py); these tests are about their patterns, on short texts.
pytestmark = pytest.mark.usefixtures("report_like")

# --- a table cell's paragraphs and list items are sentence boundaries ----------------

LEAD_IN = "There are a few steps which are clearly decoupled at the interface level:"
STEPS = ["parse the stylesheet and generate a DOM tree",
         "take the stylesheet tree and build a compiled version of it (the compilation phase)",
         "take the input and generate a DOM tree",
         "process the stylesheet against the input tree and generate an output tree",
         "serialize the output tree"]
NOTES = ["A few things should be noted here:",
         "the steps 1/ 3/ and 5/ are optional: the DOM representing the stylesheet and input "
         "can be created by other means, not just by parsing serialized XML documents, and "
         "similarly the result tree DOM can be made available to other processes without "
         "being serialized."]
# One sentence of 62 words: overlong wherever it stands.
REALLY_LONG = ("Be that as it may, the approach I will take for this document is to explain some "
               "idioms and practices in use in the source code, and leave it up to the reader's "
               "engineering judgement to decide which considerations apply to the code they are "
               "working on, and whether or not there is sufficient reason to ignore the guidance "
               "in current circumstances.")


def _cell_page(path: Path, extra: str | None = None) -> Path:
    """A page converted from HTML: its body in a one-cell layout table, a heading, a
    lead-in, a numbered list and a bulleted one inside the cell."""
    d = docx.Document()
    d.add_heading("The XSLT processing steps", 1)
    cell = d.add_table(rows=1, cols=1).cell(0, 0)
    cell.paragraphs[0].text = LEAD_IN
    for step in STEPS:
        cell.add_paragraph(step, style="List Number")
    cell.add_paragraph(NOTES[0])
    cell.add_paragraph(NOTES[1], style="List Bullet")
    if extra:
        cell.add_paragraph(extra)
    d.save(path)
    return path


def _review(path: Path) -> list[tuple[str, str, RuleFinding]]:
    """(section id, section text, finding) for every finding, as `margin review` runs."""
    doc = load(str(path))
    provider = LocalProvider.for_document(doc)
    found = []
    for section in doc.walk():
        request = AnalysisRequest(section.id, section.title, section.text, GW)
        found += [(section.id, section.text, rf)
                  for rf in provider.review(request, CancelToken())]
    return found


def test_a_lead_in_and_its_numbered_steps_in_a_table_cell_are_not_one_long_sentence(
        tmp_path: Path):
    doc = load(str(_cell_page(tmp_path / "cell.docx")))
    # The text the rules and the AI see is unchanged: the cell's paragraphs joined.
    (text,) = [s.text for s in doc.walk() if LEAD_IN in s.text]
    assert f"{LEAD_IN} {STEPS[0]} {STEPS[1]}" in text
    found = _review(tmp_path / "cell.docx")
    assert [rf.finding.quote for _, _, rf in found if rf.rule == "overlong-sentence"] == []


def test_a_long_sentence_in_one_paragraph_of_the_cell_is_still_flagged_and_exported(
        tmp_path: Path):
    src = _cell_page(tmp_path / "cell-long.docx", extra=REALLY_LONG)
    ((section_id, text, rf),) = [x for x in _review(src) if x[2].rule == "overlong-sentence"]
    f = rf.finding
    assert f.quote == REALLY_LONG  # the paragraph, no more
    assert f"{len(REALLY_LONG.split())} words" in f.issue
    assert text[f.start:f.end] == f.quote
    summary, got = export(src, {section_id: [f]})
    assert summary.on_quote == 1
    (cid,) = got.comments
    assert got.ranges[cid].text == REALLY_LONG  # the comment covers exactly its quote


def test_cell_breaks_mark_each_later_paragraph_of_a_cell_and_nothing_else():
    paragraphs = [
        Paragraph(0, "Before the table.", ParagraphKind.BODY),
        Paragraph(1, "Lead-in:", ParagraphKind.TABLE_CELL, row=0, cell=0),
        Paragraph(2, "first step", ParagraphKind.TABLE_CELL, row=0, cell=0),
        Paragraph(3, "", ParagraphKind.TABLE_CELL, row=0, cell=0),  # empty: not joined
        Paragraph(4, "second step", ParagraphKind.TABLE_CELL, row=0, cell=0),
        Paragraph(5, "Other cell", ParagraphKind.TABLE_CELL, row=0, cell=1),
        Paragraph(6, "One paragraph", ParagraphKind.TABLE_CELL, row=1, cell=0),
    ]
    text = "\n".join(iter_blocks(paragraphs))
    assert text == ("Before the table.\nLead-in: first step second step | Other cell\n"
                    "One paragraph")
    breaks = cell_breaks(paragraphs)
    assert [text[b:b + 6] for b in breaks] == ["first ", "second"]


def test_sentences_end_at_a_cell_paragraph_boundary_without_a_full_stop():
    text = "Its content follows: the current document the current node | next cell"
    at = text.index("the current node")
    assert [s.text for s in sentences(text)] == [
        "Its content follows: the current document the current node", "next cell"]
    assert [s.text for s in sentences(text, (text.index("the current doc"), at))] == [
        "Its content follows:", "the current document", "the current node", "next cell"]


def test_a_part_of_a_section_gets_the_breaks_that_fall_in_it_and_an_edit_drops_them():
    text = "Lead-in: step one\nLead-in again: step two"
    info = SectionInfo("s0", "Steps", text, 1, False,
                       breaks=(text.index("step one"), text.index("step two")))
    index = make_index(info)
    part = text[text.index("Lead-in again"):]
    ctx = SectionContext(section_id="s0", title="Steps", text=part, framework=GW,
                         index=index, base=text.index(part))
    assert [s.text for s in ctx.sentences] == ["Lead-in again:", "step two"]
    # Text that is not the indexed section's (edited since): no stale boundaries.
    other = SectionContext(section_id="s0", title="Steps", text="Lead-in: changed text",
                           framework=GW, index=index, base=0)
    assert [s.text for s in other.sentences] == ["Lead-in: changed text"]
    assert index.with_section("s0", "Steps", "New text.").section("s0").breaks == ()


# --- overlong: what the author cannot or need not shorten ------------------------------

QUOTATION = ("Henry Spencer's sixth commandment is also apposite here: If a function be "
             "advertised to return an error code in the event of difficulties, thou shalt "
             "check for that code, yea, even though the checks triple the size of thy code and "
             "produce aches in thy typing fingers, for if thou thinkest \"it cannot happen to "
             "me\", the gods shall surely punish thee for thy arrogance.")
PREAMBLE = ("Our General Public Licenses are designed to make sure that you have the freedom to "
            "distribute copies of free software (and charge for this service if you wish), "
            "that you receive source code or can get it if you want it, that you can change "
            "the software or use pieces of it in new free programs; and that you know you can "
            "do these things.")
LIST_LEAD_IN = ("7. You may place library facilities that are a work based on the Library "
                "side-by-side in a single library together with other library facilities not "
                "covered by this License, and distribute such a combined library, provided "
                "that the separate distribution of the work based on the Library and of the "
                "other library facilities is otherwise permitted, and provided that you do "
                "these two things:")


@pytest.mark.parametrize("sentence", [QUOTATION, PREAMBLE, LIST_LEAD_IN])
def test_quotations_parallel_clauses_and_list_lead_ins_are_not_overlong(sentence):
    assert len(sentence.split()) > 60
    assert quotes(f"{sentence}\na) Accompany the combined library.", "overlong-sentence") == []


@pytest.mark.parametrize("sentence", [
    # a colon before a capital, but no source named: the author's own sentence
    "If the value of bottom is non-negative, then the text will be placed at the greater "
    "of: The value of bottom, the extent of the descent of the last line of the block "
    "above it, the margin set for the page as a whole in the section properties, or the "
    "height of the header part measured from the top edge of the page plus its spacing.",
    # a colon at the end, but it announces no list: the lead-in to a code sample
    "You may sense that a lexicon (to use a non-committal catch-all term for a collection "
    "of things you know how to say, regardless of whether they're phrases or words) "
    "consisting of functions expressed as above would make for rather long-winded and "
    "repetitive code -- even if you wisely rewrote this, as most people eventually do, to "
    "have quantification be a function called like:",
    # alternatives chained with "or in the absence of": not parallel subordinate clauses
    "Meetings of stockholders shall be presided over by the Chairperson of the Board, if "
    "any, or in his or her absence by the Vice Chairperson of the Board, if any, or in the "
    "absence of the foregoing persons by the Chief Executive Officer, or in the absence of "
    "the foregoing persons by the President, or in the absence of the foregoing persons by "
    "a Vice President.",
])
def test_long_sentences_near_those_patterns_are_still_overlong(sentence):
    assert len(sentence.split()) > 50
    assert quotes(sentence, "overlong-sentence") == [sentence]


def test_parallel_clauses_and_list_lead_ins_beyond_the_hard_ceiling_are_overlong():
    long_parallel = (
        "The licence is designed to make sure that you have the freedom to distribute "
        "copies of free software and charge for them, that you receive the source code or "
        "can get it from the distributor, that you can change the software or use pieces of "
        "it in new programs, that you can find out which parts changed and when, that you "
        "can hand your changes on to others under the same terms, that you can run every "
        "program for any purpose at home or at work, and that you know you can do them.")
    long_lead_in = LIST_LEAD_IN.replace("these two things:", "") + (
        "and provided that the combined library carries a notice of its parts, where each "
        "part is found and which licence each part is under, and then one of the following "
            "two things:")
    for sentence in (long_parallel, long_lead_in):
        assert len(sentence.split()) > 90
        assert len(quotes(sentence, "overlong-sentence")) == 1


# --- vague amounts: where a figure is expected (the gate: test_rules_precision.py) -----

# A survey report: its prose states measured results (percentages, money).
FIGURES = ("Of the 212 facilities surveyed, 41% reported staff shortages in 2023. "
           "Weekend cover cost $1,200 per shift on average. "
           "Turnover fell to 18% after the training programme started. "
           "The managers we interviewed ran their rosters on paper.")


def test_a_vague_amount_in_a_document_that_reports_figures_is_flagged():
    text = "Quite a lot of reports were not actually bugs; for these the user got an answer."
    assert quotes(text, "vague-wording", ("Results", FIGURES)) == ["Quite a lot of reports"]


@pytest.mark.parametrize("text, expected", [
    ("Diagnosis took a lot of time.", "a lot of time"),
    ("The fees rose and a lot of time was lost.", "a lot of time"),
    ("The migration needed a large number of manual steps.",
     "a large number of manual steps"),
])
def test_a_vague_amount_in_a_reported_result_is_flagged(text, expected):
    assert quotes(text, "vague-wording") == [expected]


def test_appropriately_in_a_procedure_step_is_not_flagged_but_in_a_recommendation_is():
    step = ("Update the 'Fixed Release' field of these bugs appropriately and make sure the "
            "'Assigned to' field is populated.")
    assert quotes(step, "vague-wording", title="13 Making Releases") == []
    assert quotes(step, "vague-wording", title="Recommendations") == ["appropriately"]
    # the adjective still leaves open what to do
    assert quotes("Take appropriate action when the pool is exhausted.",
                  "vague-wording") == ["appropriate action"]


def test_a_vague_quantity_whose_members_are_listed_later_in_the_sentence_is_not_flagged():
    listed = ("Some unprivileged daemons that need to be able to write to some files on disk "
              "ran as daemon.daemon (portmap, atd, lambdamoo, mon, and others).")
    assert quotes(listed, "vague-wording") == []
    # near miss: a parenthesis that lists nothing
    assert quotes("Some customers were charged twice (see the log).",
                  "vague-wording") == ["Some customers"]


