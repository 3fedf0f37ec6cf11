"""Heldout-13 (issue 14): sample data and a tool's output are not prose; numbers in
code and data are not compared with prose numbers; symbols, key names and pointer
diagrams are not placeholders; a quotation keeps its source's spelling; a passive
subject is never cut to an adjective. Each case with the near miss still flagged."""

from __future__ import annotations

import pytest

from tests.unit.test_local_rules import SPELLS_OUT, quotes

# The vague-wording and passive-voice rules run only in documents that report results
# (test_rules_precision.py); these tests are about their patterns, on short texts.
pytestmark = pytest.mark.usefixtures("report_like")

REP = "repeated-word"
NUM = "number-format"
PH = "placeholder"
SP = "spelling-variant"
PV = "passive-voice"

# --- repeated words: a sample input/output table run together -----------------------


def test_an_input_output_table_run_together_is_not_three_typos():
    text = ("The script turns the block into this.\nContents of input.fil: Output of sed "
            "script: aaa aaa bbb bbb RE1 RE1 aaa >>aaa bbb >>bbb ccc >>ccc RE2 RE2 end end")
    assert quotes(text, REP) == []


def test_a_single_doubled_word_is_still_a_typo():
    text = "If you are running sed on MacOS version version 8 or 9, read on."
    assert quotes(text, REP) == ["version version"]


def test_a_doubled_function_word_on_a_busy_line_is_still_a_typo():
    text = "aaa aaa bbb bbb ccc ccc: types that use the the default representation."
    assert quotes(text, REP) == ["the the"]


def test_two_doubled_words_on_a_line_are_still_typos():
    text = "The the report covers the version version history of the tool."
    assert quotes(text, REP) == ["The the", "version version"]


# --- number formats: only prose numbers against prose numbers -----------------------

PROSE_GROUPED = ("Sales", "We served 1,200 customers and shipped 3,400 orders from the "
                          "depot, and the call centre answered 5,600 calls this year.")


def test_sample_data_numbers_are_not_compared_with_prose_numbers():
    text = ("How do I commify a string of numbers? The input is below.\n"
            "  4381, -1222333, and 70000: - 44555666 1234567890 words\n"
            "  1001,John Smith,PO Box 123,Chicago,IL,60699")
    assert quotes(text, NUM, PROSE_GROUPED) == []


def test_a_tools_output_line_is_not_prose():
    text = ("In the example below, some blocks have been suppressed.\n"
            "--21041-- used_suppression:     10 some_leak s.supp:14 suppressed: 12400 bytes "
            "in 1 blocks")
    assert quotes(text, NUM, PROSE_GROUPED) == []


def test_a_limit_written_as_nines_is_not_a_quantity():
    text = ("If the text still needs to be wrapped, try the fmt utility with the width "
            "option set to a number like 9999 or so.")
    assert quotes(text, NUM, PROSE_GROUPED) == []


def test_a_prose_number_without_a_separator_is_still_flagged():
    text = ("The regional depot now holds 4381 crates of spare parts for the engineers who "
            "service the northern sites.")
    assert quotes(text, NUM, PROSE_GROUPED) == ["4381"]


def test_a_prose_sentence_with_several_numbers_is_still_prose():
    text = "The company employed 1300 people in 2019 and grew to 1500 people in 2020."
    assert quotes(text, NUM, PROSE_GROUPED) == ["1300"]


# --- placeholders: symbols described, key names, pointer diagrams --------------------


def test_a_symbol_the_text_describes_is_not_an_open_question():
    text = "The value for a non addressable byte is shown as ?? (two question marks)."
    assert quotes(text, PH) == []


def test_a_question_mark_marker_in_prose_is_still_flagged():
    text = "The refund total for March is ?? and Finance has not replied yet."
    assert quotes(text, PH) == ["??"]


def test_a_key_name_in_angle_brackets_is_not_a_slot():
    text = ("Type the command and press the key:\n  echo aa | sed 's/a/Z/g'<ENTER>\n"
            "ENTER is different from RETURN on an iMac.")
    assert quotes(text, PH) == []


def test_an_enter_slot_with_an_object_is_still_flagged():
    text = "Send the letter to <enter customer name> before the end of the month."
    assert quotes(text, PH) == ["<enter customer name>"]


def test_the_stem_of_an_ascii_pointer_is_not_a_blank():
    text = ("In case (a):\n        ^     ^     ^\n        |     |     |_ 3rd field\n"
            "        |     |_______ 2nd field\n        |_____________ 1st field")
    assert quotes(text, PH) == []


def test_a_blank_in_a_sentence_is_still_flagged():
    text = "The contract is signed on behalf of the company and delivered to _______ today."
    assert quotes(text, PH) == ["_______"]


# --- spelling: a quoted passage keeps its source's spelling --------------------------

BRITISH = ("Style", "The colour of the behaviour chart and the colour of the labels follow "
                    "the behaviour guide.")


def test_a_variant_inside_a_quoted_sentence_of_another_text_is_left_alone():
    text = ('The POSIX standards have wording along the lines "If copying takes place '
            'between objects that overlap, the behavior is undefined."')
    assert quotes(text, SP, BRITISH) == []


def test_a_variant_in_the_writers_own_words_is_still_flagged():
    text = "The behavior of the tool is undefined when the blocks overlap in memory."
    assert quotes(text, SP, BRITISH) == ["behavior"]


def test_a_short_quoted_term_is_still_the_writers_own():
    text = 'The setting is called "behavior" in the preferences of the tool.'
    assert quotes(text, SP, BRITISH) == ["behavior"]


# --- passive voice: the subject is never cut to the last adjective of a list ---------


def test_a_passive_whose_subject_is_a_list_of_adjectives_is_not_cut_to_one():
    text = ("Change requests that are vague, dismissive, or unconstructive may also be "
            "dismissed if requested.")
    assert not any(q.startswith("unconstructive") for q in quotes(text, PV))


def test_a_passive_after_a_comma_and_a_plural_noun_is_still_flagged():
    text = "The engineer answered the call, and invoices were approved without a review."
    assert quotes(text, PV) == ["invoices were approved"]


# --- acronyms: a legend's bulleted entries define their terms -------------------------

ACR = "undefined-acronym"


def test_a_legends_bulleted_entries_and_tagged_placeholder_are_defined():
    text = ("Leak Case legend:\n- DR: Directly reachable\n- IR: Indirectly reachable\n"
            "- (y)XY: it's XY if the interior-pointer is a real pointer\n"
            "- (n)XY: it's XY if the interior-pointer is not a real pointer")
    assert quotes(text, ACR, SPELLS_OUT) == []


def test_a_bulleted_note_does_not_define_the_acronym_inside_it():
    assert quotes("- NOTE: the QXZ figures are late.", ACR, SPELLS_OUT) == ["QXZ"]
