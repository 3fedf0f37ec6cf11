"""Heldout-12a (issue 14): never-defined acronyms only where the document's own practice
asks for them; names and glossary entries are not abbreviations to define; markers in
text that teaches them are not placeholders. Each case with its near miss."""

from __future__ import annotations

import pytest

from tests.unit.test_local_rules import (
    FILLER,
    PAGE,
    SPELLS_OUT,
    hits,
    make_index,
    quotes,
    review_section,
)

# The vague-wording and passive-voice rules run only in documents that report results
# (test_rules_precision.py); these tests are about their patterns, on short texts.
pytestmark = pytest.mark.usefixtures("report_like")

ACR = "undefined-acronym"


def test_a_document_that_spells_out_none_is_not_told_to_define_one():
    text = "Bash sends SIGINT to the job; the GNOME and ROX desktops read the XDG paths."
    assert quotes(text, ACR, ("Intro", FILLER)) == []


def test_a_document_that_spells_out_its_acronyms_is_told_of_the_one_it_does_not():
    (f,) = hits("The SPI report is due in May.", ACR, SPELLS_OUT)
    assert f.quote == "SPI" and "spells out 4 other abbreviations" in f.issue


def test_three_definitions_are_not_yet_a_practice():
    three = ("Terms", "The Quality Review Board (QRB) works with the Field Service Unit "
                      "(FSU) and the Data Steering Group (DSG).")
    assert quotes("The SPI report is due in May.", ACR, three) == []


def test_used_before_its_definition_is_reported_without_any_practice():
    index = make_index(("Preface", f"It replaces the format of the LZMA SDK.\n{PAGE}"),
                       ("Filters", "The Lempel-Ziv-Markov chain algorithm (LZMA) is used."))
    (f,) = [rf.finding for rf in review_section(index, "s0") if rf.rule == ACR]
    assert f.quote == "LZMA" and "before it is defined" in f.issue


def test_names_joined_to_dollar_or_colon_are_not_abbreviations():
    text = "It reads commands from the file named by $ENV and prints FILENAME:LINENO first."
    assert quotes(text, ACR, SPELLS_OUT) == []


def test_a_capitals_word_in_a_hyphenated_name_is_not_an_abbreviation():
    assert quotes("Text in Shift-JIS is converted.", ACR, SPELLS_OUT) == []
    # near miss: a prefix in lower case keeps the acronym ("non-FOSS")
    assert quotes("Only non-QXZ targets are listed.", ACR, SPELLS_OUT) == ["QXZ"]


def test_a_pair_of_acronyms_in_a_glossary_line_defines_both():
    glossary = "LGTM/SGTM: Looks/Sounds good to me.\nQA: Quality assurance."
    assert quotes(glossary, ACR, SPELLS_OUT) == []


def test_glossary_entries_naming_each_other_are_not_used_before_definition():
    glossary = ("BE: Big Endian - The opposite of LE.\n"
                "Code cache: Chunk of bytes storing compiled JS code.\n"
                "JS: JavaScript - A programming language.\n"
                "LE: Little Endian - The opposite of BE.")
    assert quotes(glossary, ACR, SPELLS_OUT) == []
    # near miss: a paragraph of prose before the glossary still owes the definition
    index = make_index(("Intro", "Byte order is LE here."), ("Glossary", glossary))
    assert [rf.finding.quote for rf in review_section(index, "s0") if rf.rule == ACR] == ["LE"]


def test_a_table_cell_after_a_bar_is_not_a_definition():
    index = make_index(("Intro", "The REPL starts at once."),
                       ("Support", "REPL | partial\nQXZ | Quarterly Xeno Zone"))
    found = [rf.finding for rf in review_section(index, "s0") if rf.rule == ACR]
    assert all("partial" not in f.issue for f in found)


def test_a_glossary_entry_is_not_vague_wording():
    assert quotes("ASAP: As Soon As Possible.", "vague-wording") == []
    # near miss: a deadline in prose, or a note line, is still vague
    assert quotes("NOTE: fix the reports ASAP.", "vague-wording") == ["ASAP"]


TODO_TUTORIAL = ("Wrap the failing test in a TODO block:\n"
                 "    TODO: {\n        local $TODO = 'not done';\n    }\n"
                 "The output says # TODO for each one. Do not use TODO tests to hide bugs.")


def test_the_marker_a_tutorial_teaches_is_not_a_placeholder():
    assert quotes(TODO_TUTORIAL, "placeholder", title="Testing") == []
    # ... nor where a later section names the feature in prose
    later = "Do not be tempted to use TODO tests as a way to avoid fixing bugs."
    assert quotes(later, "placeholder", ("Testing", TODO_TUTORIAL), title="Notes") == []


def test_a_real_todo_note_is_still_a_placeholder():
    assert quotes("TODO: write this section.", "placeholder", title="Results") != []
    assert quotes("The launch is on [INSERT DATE].", "placeholder") != []
    # a "TODO" heading over notes, without code, is work left to do
    notes = "TODO: check the totals.\nTODO: add the owners.\nTODO: send it out."
    assert quotes(notes, "placeholder", title="TODO") != []


def test_question_marks_in_pasted_tool_output_are_not_open_questions():
    trace = ("The program crashed with this backtrace:\n"
             "#0  0x0804a2b1 in ?? ()\n#1  0x0804a3c0 in main () at prog.c:12")
    assert quotes(trace, "placeholder") == []
    # near miss: "???" alone in prose is still an open question
    assert quotes("The budget for next year is ??? at this point.", "placeholder") == ["???"]


def test_a_slot_in_the_description_of_a_format_is_not_a_placeholder():
    text = "Each line of the file has the form Name <email>, one maintainer per line."
    assert quotes(text, "placeholder") == []
    # near miss: a slot in a letter to fill in is still one
    assert quotes("Dear <name>, thank you for your order.", "placeholder") == ["<name>"]
    assert quotes("Fill in this form and send it to <name>.", "placeholder") == ["<name>"]
