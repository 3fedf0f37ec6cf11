"""Placeholders (issue 14): in a document that shows code or uses angle brackets as a
notation anywhere, "<...>" and "??" are that notation, not slots or open questions.
In prose without code they are still reported, and "[Insert ...]", TODO, blanks and
filler text are reported in any document."""

from __future__ import annotations

from tests.unit.test_local_rules import quotes

PH = "placeholder"

# An earlier section of the same document that shows code: a line of C.
CODE = ("Example", "The smallest program that builds is this one.\n"
                   "    int main(void) { return 0; }\n"
                   "Compile it with the flags below.")
# ... or angle brackets used as a notation in prose ("List<T>", an address in brackets).
NOTATION = ("Types", "The method returns a List<Finding> ordered by position.")
PROSE = ("Background", "The company opened its second office in 2019 and now employs "
                       "forty people across two sites.")


def test_a_slot_in_a_letter_without_code_is_reported():
    text = "Dear <Client name>, thank you for your order of last week."
    assert quotes(text, PH, PROSE) == ["<Client name>"]


def test_the_same_slot_in_a_document_that_shows_code_is_notation():
    text = "Write the commit trailer as Reviewed-By: <reviewer name> on its own line."
    assert quotes(text, PH, CODE) == []


def test_an_insert_slot_in_angle_brackets_is_notation_where_brackets_are_syntax():
    text = "Why not just use <insert other build tool here> for the whole project?"
    assert quotes(text, PH, NOTATION) == []
    announcement = "Security releases are planned for <add versions> on the usual day."
    assert quotes(announcement, PH, NOTATION) == []


def test_an_insert_slot_in_angle_brackets_is_reported_in_prose():
    text = "The contract starts on <insert start date> and runs for two years."
    assert quotes(text, PH, PROSE) == ["<insert start date>"]


def test_square_bracket_slots_are_reported_even_beside_code():
    text = "This agreement is made between the parties and [Insert Company Name] today."
    assert quotes(text, PH, CODE) == ["[Insert Company Name]"]


def test_question_marks_are_an_open_question_only_in_prose():
    prose = "The launch date is ?? and the budget is still being discussed."
    assert quotes(prose, PH, PROSE) == ["??"]
    assert quotes(prose, PH, CODE) == []


def test_a_todo_note_is_reported_beside_code():
    text = "TODO: explain how the cache interacts with the retry limit."
    found = quotes(text, PH, CODE)
    assert len(found) == 1 and found[0].startswith("TODO")


def test_a_blank_is_still_reported_beside_code():
    text = "The board adopted these bylaws on __________________ by a majority vote."
    assert quotes(text, PH, CODE) == ["__________________"]
