"""Patterns the blind judgement of heldout-11 (info pages, a licence, essays, a
maintainer's guide, C sources) found wrong in the acronym, placeholder and repeated-
word rules: names taken for abbreviations, definitions in place not seen, code read as
prose, samples and jokes read as unfilled slots, a command line read as a doubled
word. Each with the near miss the rule must still report."""

from __future__ import annotations

import pytest

from desktop_app.ai.rules import text as rules_text
from tests.unit.test_local_rules import FILLER, PAGE, hits, make_index, quotes, review_section

ACR = "undefined-acronym"

# --- acronyms that are names or symbols -------------------------------------------------


@pytest.mark.parametrize("text", [
    "Make sure the bug is listed in the NEWS file before the release.",
    "This only works if you are not using a VPATH build configuration.",
    "Code which deals with the values returned by operating system calls (for example "
    "handling of ENOENT) is only lightly tested.",
    "Python began as a successor of a language called ABC in the Netherlands.",
    "A binary file is one containing at least one ASCII NUL character.",
    "The address '0' is valid as a starting point so that '0;/QRX/' can match QRX in the "
    "first line of the buffer.",
    "Set the QXZ variable before you run the build script.",
])
def test_names_of_files_variables_symbols_and_languages_are_not_acronyms(text):
    assert quotes(f"{text}\n{FILLER}", ACR) == []


def test_a_symbol_named_once_as_such_is_a_name_throughout_the_document():
    # "Spelling of ASCII NUL": the first use says "a NUL", the next "The ASCII NUL
    # character" - one use names it for the whole document.
    text = ("Strings are sequences of characters terminated by a NUL. The ASCII NUL "
            "character has the numerical value zero.")
    assert quotes(f"{text}\n{FILLER}", ACR) == []


@pytest.mark.usefixtures("acronyms_without_gate")
@pytest.mark.parametrize("text, expected", [
    # an abbreviation near those signals is still one
    ("Make sure the QXZ approves the NEWS file before the release.", ["QXZ"]),
    ("Funds were handled by the EBRDX in the region last year.", ["EBRDX"]),
    ("The PMO decided the budget for next year.", ["PMO"]),
])
def test_abbreviations_beside_those_signals_are_still_reported(text, expected):
    assert quotes(f"{text}\n{FILLER}", ACR) == expected


@pytest.mark.usefixtures("acronyms_without_gate")
def test_an_errno_name_needs_a_passage_about_system_calls():
    assert quotes(f"The ENOENT board met in May to decide the budget.\n{FILLER}", ACR) == [
        "ENOENT"]


# --- definitions in place ---------------------------------------------------------------


@pytest.mark.parametrize("text, later", [
    ("In 2001, the Python Software Foundation (PSF, see https://www.example.org/) was "
     "formed. The PSF owns the rights.", "Python Software Foundation (PSF)"),
    ("Guido continued his work at the Corporation for National Research Initiatives "
     "(CNRI, see https://www.example.org) in Reston. CNRI released several versions.",
     "Corporation for National Research Initiatives (CNRI)"),
    ("CRs are removed only from the CR/LF (carriage return/line feed) pair ending the "
     "line.", "carriage return (CR)"),
    ("The Quick Xeno Zone (http://example.org/) is not just for Perl. Any language can "
     "output QXZ.", "Quick Xeno Zone (QXZ)"),
])
def test_definitions_in_place_are_recognised(text, later):
    # The document defines it again later: the first use must not be "spelled out only
    # later".
    index = make_index(("Intro", f"{text}\n{FILLER}"), ("Terms", f"The {later} is used."))
    assert [rf for rf in review_section(index, "s0") if rf.rule == ACR] == []


@pytest.mark.usefixtures("acronyms_without_gate")
def test_a_citation_in_parentheses_is_not_a_definition():
    text = ("The QXZ rates rose. Figures from the Quarterly Xeno Zone survey (QXZ, 1999) "
            "agree.")
    found = hits(f"{text}\n{FILLER}", ACR)
    assert [f.quote for f in found] == ["QXZ"]


def test_a_used_before_definition_finding_quotes_only_a_real_definition():
    # An address before "(CNRI)" is not its long form; the real one comes later.
    index = make_index(
        ("Intro", f"Versions were released by CNRI in Reston.\n{PAGE}"),
        ("Licence", "Reston, VA 20191 (CNRI) and its licensees agree.\n"
                    "The Corporation for National Research Initiatives (CNRI) is a "
                    "non-profit."),
    )
    found = [rf.finding for rf in review_section(index, "s0") if rf.rule == ACR]
    assert [f.quote for f in found] == ["CNRI"]
    assert "Corporation for National Research Initiatives (CNRI)" in found[0].issue
    assert "Reston" not in found[0].issue.split("as")[-1]


def test_a_perl_module_path_is_not_a_glossary_definition():
    index = make_index(
        ("Contents", f"Parsing QTP\nCallbacks\n{FILLER}"),
        ("Parsing QTP", f"Tests print QXZ results for each run.\n{FILLER}"),
        ("Callbacks", "QTP::Parser also supports callbacks.\nQXZ: Quick Xenon Zapper, "
                      "the format."),
    )
    assert [rf for rf in review_section(index, "s0") if rf.rule == ACR] == []
    found = [rf.finding for rf in review_section(index, "s1") if rf.rule == ACR]
    assert [f.quote for f in found] == ["QXZ"]  # QTP: a heading's name, then a module's
    assert "Quick Xenon Zapper" in found[0].issue
    assert all("Parser" not in f.issue for f in found)


def test_an_acronym_used_in_an_earlier_paragraph_than_its_definition_is_still_reported():
    index = make_index(
        ("Intro", f"The PMO meets weekly.\n{PAGE}"),
        ("Roles", "The Project Management Office (PMO) owns the plan."),
    )
    found = [rf.finding for rf in review_section(index, "s0") if rf.rule == ACR]
    assert [f.quote for f in found] == ["PMO"]


# --- code is not prose ------------------------------------------------------------------


PATCH = ("This patch should apply to release 4.2.23.\n"
         "Index: locate/locate.c\n"
         + "=" * 67 + "\n"
         "RCS file: /cvsroot/findutils/findutils/locate/locate.c,v\n"
         "retrieving revision 1.58.2.2\n"
         "diff -u -p -r1.58.2.2 locate.c\n"
         "--- locate/locate.c\t22 Apr 2007 16:57:42 -0000\t1.58.2.2\n"
         "+++ locate/locate.c\t28 May 2007 10:18:16 -0000\n"
         "@@ -124,9 +124,9 @@ extern int err")

COMMENT = ("/* Version history:\n"
           "   1.0  30 Oct 2004  First version\n"
           "   1.4  11 Dec 2005  Add hack to avoid MSDOS end-of-line conversions\n"
           " */\n"
           "#if defined(MSDOS) || defined(OS2)\n"
           "#endif")


def test_a_patch_header_and_a_c_comment_are_code_lines():
    lines = rules_text.code_lines(PATCH)
    coded = {PATCH[s:e] for s, e in lines}
    assert "RCS file: /cvsroot/findutils/findutils/locate/locate.c,v" in coded
    assert "This patch should apply to release 4.2.23." not in coded
    coded = {COMMENT[s:e] for s, e in rules_text.code_lines(COMMENT)}
    assert "   1.4  11 Dec 2005  Add hack to avoid MSDOS end-of-line conversions" in coded
    lits = rules_text.literals_of(COMMENT)
    at = COMMENT.index("MSDOS")
    assert lits.covers(at, at + 5, quotes=False)


@pytest.mark.parametrize("text", [PATCH, COMMENT])
def test_acronyms_in_patches_and_c_comments_are_not_reported(text):
    assert quotes(f"{text}\n{FILLER}", ACR) == []


@pytest.mark.usefixtures("acronyms_without_gate")
def test_a_stray_comment_opener_in_prose_does_not_hide_the_text_after_it():
    text = "/* marks a comment in C.\n" + "The QXZ approves every change.\n" * 3
    assert quotes(f"{text}{FILLER}", ACR) == ["QXZ"]


@pytest.mark.usefixtures("acronyms_without_gate")
def test_an_acronym_in_a_web_address_does_not_make_it_a_name_in_code():
    text = ("See https://www.example.org/QXZ/rules for the rules.\n"
            f"The QXZ approves every change.\n{FILLER}")
    assert quotes(text, ACR) == ["QXZ"]


# --- one phrase, one finding ------------------------------------------------------------


@pytest.mark.usefixtures("acronyms_without_gate")
def test_two_acronyms_of_one_phrase_are_one_finding_naming_both():
    found = hits(f"The group is used by various QXZs and QYWs.\n{FILLER}", ACR)
    assert len(found) == 1
    assert '"QXZ" and "QYW"' in found[0].issue
    assert [q.quote for q in found[0].quotes] == ["QXZ", "QYW"]


@pytest.mark.usefixtures("acronyms_without_gate")
def test_two_acronyms_in_different_clauses_are_two_findings():
    found = hits(f"The QXZ met. Later the QYW approved it.\n{FILLER}", ACR)
    assert [f.quote for f in found] == ["QXZ", "QYW"]


# --- placeholders meant to stay ---------------------------------------------------------


def test_a_sample_to_copy_cut_into_the_next_part_is_still_a_sample():
    # A document without headings is cut into parts: the instruction ends one part,
    # the sample's slot starts the next.
    index = make_index(
        ("Part 5: This section", f"{FILLER}\nHere is a sample; alter the names:\n"
                                 "Yoyodyne, Inc., hereby disclaims all copyright interest."),
        ("Part 6: <signature of Ty Coon>", "<signature of Ty Coon>, 1 April 1990\n"
                                           "That's all there is to it!"),
    )
    assert [rf for rf in review_section(index, "s1") if rf.rule == "placeholder"] == []


def test_a_slot_after_an_unrelated_previous_section_is_still_reported():
    index = make_index(
        ("Scope", f"{FILLER}\nThe team reviews the plan each quarter."),
        ("Sign-off", "Approved by <name of approver> on 1 April 2024."),
    )
    found = [rf.finding for rf in review_section(index, "s1") if rf.rule == "placeholder"]
    assert [f.quote for f in found] == ["<name of approver>"]


def test_a_quoted_file_name_in_a_list_of_files_is_not_a_placeholder():
    text = ("'THANKS' Thanks for people who contributed to the package. 'TODO' Mainly "
            "obsolete. Please add bugs to the tracker instead.")
    assert quotes(f"{text}\n{FILLER}", "placeholder") == []


@pytest.mark.parametrize("text, expected", [
    ("Owner: 'TODO' until the board decides.", ["TODO"]),  # quoted alone: still a marker
    ("The 'README' file explains it. TODO: confirm the refund figures.",
     ["TODO: confirm the refund figures."]),
])
def test_unquoted_or_lone_markers_are_still_reported(text, expected):
    assert quotes(f"{text}\n{FILLER}", "placeholder") == expected


def test_a_slot_in_a_question_the_document_asks_is_not_unfilled():
    text = ("Why not just use <insert other build config tool here>?\n"
            "There are many reasons, but the major one is portability.")
    assert quotes(f"{text}\n{FILLER}", "placeholder") == []


def test_a_slot_in_a_statement_is_still_unfilled():
    text = "Send the report to <insert name here> by Friday.\nThe team will review it."
    assert quotes(f"{text}\n{FILLER}", "placeholder") == ["<insert name here>"]


# --- repeated words ---------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "prove -b t/this_fails.t t/so_does_this.t",
    "Copy lib/a.pm a/b.pm to the tree.",
])
def test_path_fragments_of_a_command_line_are_not_doubled_words(text):
    assert quotes(f"{text}\n{FILLER}", "repeated-word") == []


@pytest.mark.parametrize("text, expected", [
    ("It is installed on the the systems of every user.", ["the the"]),
    ("Run the tests in t. The the results follow.", ["The the"]),
    ("He supplied fixes and and an enhancement.", ["and and"]),
])
def test_doubled_words_beside_punctuation_are_still_reported(text, expected):
    assert quotes(f"{text}\n{FILLER}", "repeated-word") == expected
