"""Wrong and noisy findings of blind round heldout-39 (issue 14), as general cases with
the near misses the rules must still report (tests that fail before the fix):

- placeholders: a sentence that names the underscores it shows ("displayed as a row of
  underscores the length of the entry field: _______.") leaves no blank to fill;
- repeated words: "many many thanks" is warm on purpose; "on many many systems" a slip;
- number formats: a figure in a notation of primes ("level 99 (4950')", feet) is written
  bare by that notation, not a count missing its separator."""

from __future__ import annotations

from tests.unit.test_local_rules import FILLER, make_index, quotes, review_section

PH, RW, NF = "placeholder", "repeated-word", "number-format"


def test_underscores_the_sentence_names_are_shown_not_left_blank():
    text = ("Text entry fields are displayed as a row of underscores the length of the "
            "entry field: _______. You may enter text directly by typing.")
    assert quotes(text, PH) == []
    # near miss: a blank with no such words is still a blank to fill
    assert quotes("The contract is signed by the tenant on _______ in the office. "
                  "The keys are handed over on the same day.", PH) == ["_______"]


def test_many_many_thanks_is_on_purpose():
    assert quotes("And last, many many thanks to all of the users who sent patches.", RW) == []
    # near miss: the same doubling elsewhere is a slip
    assert quotes("The package is installed on many many systems by default.", RW) == [
        "many many"]


def test_a_figure_in_a_notation_of_primes_is_written_bare():
    grouped = ("Treasure", "You find 30,000 gold pieces and 12,500 silver coins on the way "
                           "down, and 45,000 more later. " + FILLER)
    text = "Morgoth lives on level 100 (5000') and Sauron on level 99 (4950') below it."
    index = make_index(grouped, ("Winning", text + " " + FILLER))
    assert [rf for rf in review_section(index, "s1") if rf.rule == NF] == []
    # near miss: the same figure as a count of things is missing its separator
    text = "Sauron lives on level 99 and keeps 4950 gold pieces below it."
    index = make_index(grouped, ("Winning", text + " " + FILLER))
    assert [rf.finding.quote for rf in review_section(index, "s1") if rf.rule == NF] == [
        "4950"]
