"""Wrong findings of blind round heldout-23 (issue 14), each as a general case with the
near misses the rules must still report (tests that fail before the fix):

- numbers: a document that writes four-digit numbers plain and longer ones grouped
  ("8000 years", "26,000 light years": the SI's convention) is consistent; "thousands
  separators (12,342)" shows a format, it does not use one;
- acronyms: a line that is only "Featured text (GTK)" is a label, no definition; the
  section's own title ("Field of View") and the paragraph before a formula ("... the
  Local Sidereal Time ..." over "HA = LST - RA") and its letters explained one by one
  ('UBV system ... U ("Ultra-violet"), B ("Blue"), and V ("Visible")') spell the
  acronym out; long forms read from context say nothing of the author's practice of
  spelling acronyms out;
- spelling: "the Day of Judgment" is a name, quoted from another text;
- passive voice: "members can request that their configuration be tested" says what
  members may do, it recommends nothing; and (a kept finding's wording) "2 Astronomical
  Units (abbreviated AU; ...)" defines AU."""

from __future__ import annotations

import pytest

from tests.unit.test_local_rules import (
    FILLER,
    PAGE,
    SPELLS_OUT,
    make_index,
    quotes,
    review_section,
)

NF, AC, SV = "number-format", "undefined-acronym", "spelling-variant"


def test_four_digits_plain_and_five_grouped_is_one_convention():
    text = ("The pole traces a circle every 26,000 years, and in 8000 years Vega will be the "
            "pole star. Some 1500 stars are visible, of 50,000 catalogued, and 5800 of them "
            "are variable. In 10,000 years the sky will look different.")
    assert quotes(text, NF) == []
    # near misses: in that convention a grouped four-digit number is the lapse ...
    assert quotes(text + " Betelgeuse is only 2,400 Kelvin at its surface.", NF) == ["2,400"]
    # ... and where four-digit numbers are mixed, the house style is one for all sizes
    mixed = ("The loan is $20,000 over 48 months. Pay $3,000 first, then $2,000 a year and "
             "$1,000 at the end. The balance of $1500 is paid from savings.")
    assert quotes(mixed, NF) == ["1500"]


def test_a_number_showing_a_format_is_not_a_use_of_it():
    text = ("Numbers can be shown with thousands separators (12,342) or without them. The "
            "sheet holds 1200 rows of 4500 values and 9000 formulas.")
    assert quotes(text, NF) == []
    # near miss: the same figure in a sentence is a use
    # (of four digits: a larger one grouped is never the lapse, see test_rules_heldout41)
    assert quotes("The sheet holds 1,234 rows of 4500 values and 9000 formulas.", NF) == [
        "1,234"]


def test_a_line_that_is_only_a_label_defines_nothing():
    help_text = ("Featured text (GTK)\nSome text is shown with colour and links.\n" + PAGE
                 + "\nThe GTK client shows them in the chat window.")
    index = make_index(("Chat", "The GTK client reads them as you type. " + PAGE),
                       ("Help", help_text))
    assert [rf for rf in review_section(index, "s0") if rf.rule == AC] == []
    # near miss: a loose long form inside a sentence is still a definition
    index = make_index(("Chat", "The QXB client reads them. " + PAGE),
                       ("Help", "We ship a quick experimental browser (QXB) too."))
    assert [rf.finding.quote for rf in review_section(index, "s0") if rf.rule == AC] == [
        "QXB"]


def test_the_sections_title_spells_the_acronym_out():
    index = make_index(SPELLS_OUT, ("Field of View", "The FOV Indicator is drawn on the sky "
                                                     "map."),
                       ("Later", PAGE + " A field of view (FOV) is an angle."))
    assert [rf for rf in review_section(index, "s1") if rf.rule == AC] == []
    # near miss: under another title the use is before its definition
    index = make_index(SPELLS_OUT, ("Sky map", "The FOV Indicator is drawn on the sky map."),
                       ("Later", PAGE + " A field of view (FOV) is an angle."))
    assert [rf.finding.quote for rf in review_section(index, "s1") if rf.rule == AC] == [
        "FOV"]


def test_a_formula_under_the_sentence_that_spells_it_out():
    text = ("The hour angle is the difference between the current Local Sidereal Time and "
            "the Right Ascension of the object:\nHAobj = LST - RAobj\n" + PAGE
            + "\nLocal Sidereal Time (LST) is kept by the clock.")
    assert "LST" not in quotes(text, AC, SPELLS_OUT)
    # near miss: a paragraph further on, the long form is no longer at hand
    far = ("The hour angle uses the current Local Sidereal Time.\n" + FILLER
           + " It is the difference:\nHAobj = LST - RAobj\n" + PAGE
           + "\nLocal Sidereal Time (LST) is kept by the clock.")
    assert "LST" in quotes(far, AC, SPELLS_OUT)


def test_long_forms_read_from_context_are_not_the_authors_practice():
    # three acronyms the reader has from context, none spelled out "Long Form (ABC)": the
    # document has no practice of spelling acronyms out, so a never-defined one is its
    # register, not a lapse
    text = ("The Local Sidereal Time is shown.\nLST = 12h\nThe Right Ascension is given.\n"
            "RA = 5h\nThe Hour Angle follows.\nHA = 7h\nThe FLQ board decides.")
    assert quotes(text, AC) == []
    # near miss: a document that spells four out itself is held to it
    assert quotes(text, AC, SPELLS_OUT) == ["FLQ"]


def test_a_name_keeps_its_spelling():
    text = ("The code of ethics quotes the Rule: Fear the Day of Judgment. It is a judgement "
            "call for each developer, and the judgement of the team decides.")
    assert quotes(text, SV) == []
    # near miss: the same word in the text's own prose is a lapse
    assert quotes("It is a judgment call, and the judgement of the team decides; each "
                  "judgement is recorded.", SV) == ["judgment"]


def test_abbreviated_without_to_or_as_is_a_definition():
    # "2 Astronomical Units (abbreviated AU; ...)": AU used pages before it is reported as
    # used before that definition, not as never defined
    index = make_index(SPELLS_OUT, ("Flux", "The flux falls off with distance in AU. " + PAGE),
                       ("Parallax", "Its position has changed by 2 Astronomical Units "
                                    "(abbreviated AU; 1 AU is the distance to the Sun)."))
    (f,) = [rf.finding for rf in review_section(index, "s1") if rf.rule == AC]
    assert f.quote == "AU" and "before it is defined" in f.issue
    assert "Astronomical Units" in f.issue
    # near miss: without the definition it is never defined
    index = make_index(SPELLS_OUT, ("Flux", "The flux falls off with distance in AU. " + PAGE))
    (f,) = [rf.finding for rf in review_section(index, "s1") if rf.rule == AC]
    assert "never defined" in f.issue


PASSIVE = "passive-voice"


@pytest.mark.usefixtures("report_like")
def test_a_right_to_ask_is_no_recommendation_without_an_owner():
    text = ("Consortium members can request that their configuration be tested before each "
            "release.")
    assert quotes(text, PASSIVE, title="Recommendations") == []
    # near miss: asking for it is a recommendation that names no owner
    assert quotes("We request that the configuration be tested before each release.",
                  PASSIVE, title="Recommendations") == ["the configuration be tested"]


def test_letters_explained_one_by_one_spell_the_acronym_out():
    text = ("A widely used photometric system is called the Johnson UBV system. It employs "
            'three bandpass filters: U ("Ultra-violet"), B ("Blue"), and V ("Visible").')
    assert quotes(text, AC, SPELLS_OUT) == []
    # near miss: one letter left unexplained, the reader still lacks the name
    partial = ("A widely used photometric system is called the Johnson UBV system. It employs "
               'three bandpass filters: U ("Ultra-violet"), B ("Blue"), and a third one.')
    assert quotes(partial, AC, SPELLS_OUT) == ["UBV"]
