"""Findings of blind rounds heldout-45 and -46 (issue 14), as general cases with the near
misses the rules must still report (tests that fail before the fix):

- repeated words: a doubled word inside a quoted expression ("'m / s s / day'") is
  notation shown to the reader;
- spelling: a sentence about spellings ("Alternative spellings are colour, colored")
  names the words, it does not use them;
- misspellings: one comment per misspelled word in a document, naming the other sections
  that repeat it (POPPY's "accomodate" in three release notes)."""

from __future__ import annotations

from tests.unit.test_local_rules import FILLER, make_index, quotes, review_section

MS, RW, SV = "misspelling", "repeated-word", "spelling-variant"


def test_a_doubled_word_in_a_quoted_expression_is_notation():
    assert quotes("The unit 'm/s s/day' is equivalent to 'm / s s / day' here.", RW) == []
    # near miss: a doubled word beside the quoted expression is still a typo
    assert quotes("The unit 'm/s' is is equivalent to 'm / s' here.", RW) == ["is is"]


def test_a_sentence_about_spellings_names_them():
    american = ("Colors", "The color of a box and the color of its outline are set apart; the "
                          "colors follow the behavior of the other objects. " + FILLER)
    named = ("Colored objects", "Alternative spellings are colour, colored, coloured, and "
                                "outlined. " + FILLER)
    index = make_index(american, named)
    assert [rf for rf in review_section(index, "s1") if rf.rule == SV] == []
    # near miss: the same word used in a sentence is a lapse
    used = ("Colored objects", "Give the box a colour of its own. " + FILLER)
    index = make_index(american, used)
    assert [rf.finding.quote for rf in review_section(index, "s1") if rf.rule == SV] == [
        "colour"]


def test_a_misspelling_is_raised_once_for_the_document():
    notes = [(f"Version 1.{n}", f"Changed the grid to accomodate larger arrays. {FILLER}")
             for n in range(3)]
    index = make_index(*notes)
    found = [(s.id, rf.finding) for s in index.sections for rf in review_section(index, s.id)
             if rf.rule == MS]
    assert [sid for sid, _ in found] == ["s0"]
    assert 'Misspelled so also in "Version 1.1" and "Version 1.2".' in found[0][1].issue
    # near miss: another misspelling in another section is its own comment
    notes.append(("Version 2.0", f"The grid is now seperate. {FILLER}"))
    index = make_index(*notes)
    assert [rf.finding.quote for s in index.sections for rf in review_section(index, s.id)
            if rf.rule == MS] == ["accomodate", "seperate"]
