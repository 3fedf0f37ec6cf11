"""Wrong findings of blind round heldout-37 (issue 14), as general cases with the near
misses the rules must still report (tests that fail before the fix):

- placeholders: labels of buttons listed before the noun ("Both [Add & Keep] and [Add]
  button") are labels; "1 XXX =" gives a name its value, like a formula;
- spelling: a control's label quoted as the program shows it ('the "Color label"
  submenu') keeps the program's spelling, whatever the house style;
- thin sections: the document's first heading with nothing under it ("Gnuplot" over
  chapters styled at its level) is its title, not a section left unwritten."""

from __future__ import annotations

from tests.unit.test_local_rules import FILLER, make_index, quotes, review_section

PH, SV, TS = "placeholder", "spelling-variant", "thin-section"


def test_labels_listed_before_the_control_noun_are_labels():
    lead = "The dialog has a row of buttons at its foot. "
    assert quotes(lead + "Both [Add & Keep] and [Add] button will add a transaction.", PH) == []
    assert quotes(lead + "Use the [Insert Row], [Delete Row] or [Insert Column] buttons.",
                  PH) == []
    # near miss: a bracket slot with no control named after it is still a slot
    assert quotes("Send the report to [Add recipient] by Friday.", PH) == ["[Add recipient]"]


def test_a_name_given_its_value_is_no_value_left_out():
    assert quotes("Exchange rate\n1 XXX = | change rate (value of 1 Euro in your "
                  "old national currency)", PH) == []
    # near miss: the value on the right of the sign is left out
    assert quotes("The exchange rate is 1 EUR = XXX in the old currency.", PH) == ["XXX"]


def test_a_quoted_control_label_keeps_the_programs_spelling():
    british = ("Colours", "Each colour label has a colour of its own; the colour shows in "
                          "the list. " + FILLER)
    text = 'Select the message and use the "Color label" submenu to give it a colour.'
    index = make_index(british, ("Colour Labels", text))
    assert [rf for rf in review_section(index, "s1") if rf.rule == SV] == []
    # near miss: the same word in the manual's prose is a lapse
    text = 'Select the message and give it a color with the "Label" submenu.'
    index = make_index(british, ("Colour Labels", text))
    assert [rf.finding.quote for rf in review_section(index, "s1") if rf.rule == SV] == [
        "color"]


def test_the_documents_first_heading_is_its_title_not_an_empty_section():
    chapters = [(t, f"{FILLER} {FILLER}") for t in ("Introduction", "Concepts", "Plotting")]
    index = make_index(("Gnuplot", ""), *chapters)
    assert [rf for rf in review_section(index, "s0") if rf.rule == TS] == []
    # near miss: an empty heading further on is a section left unwritten
    index = make_index(("Gnuplot", ""), chapters[0], ("Tools", ""), *chapters[1:])
    assert [rf.rule for rf in review_section(index, "s2") if rf.rule == TS] == [TS]
