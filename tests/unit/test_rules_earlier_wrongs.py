"""Wrong findings left from earlier rounds (issue 14), fixed as general cases once later
rounds showed the same shape, with the near misses the rules must still report:

- thin sections: "5.3. Filters" followed at once by "5.3.1. LZMA2" is a parent heading,
  whatever levels the headings' styles gave them (heldout-12a);
- acronyms: "PEP 256 (PEP)" is the acronym and a number, no long form (heldout-16); "BESE
  A2" is a job announcement's number, like "DR 960" (the tuning set)."""

from __future__ import annotations

from tests.unit.test_local_rules import FILLER, PAGE, SPELLS_OUT, make_index, quotes, review_section

THIN, AC = "thin-section", "undefined-acronym"


def _thin(*sections: tuple[str, str]) -> list[str]:
    index = make_index(*sections)
    return [s.title for s in index.sections for rf in review_section(index, s.id)
            if rf.rule == THIN]


def test_a_numbered_heading_followed_by_its_first_subsection_is_a_parent():
    sections = [("5.2. Headers", FILLER * 3), ("5.3. Filters", ""),
                ("5.3.1. LZMA2", FILLER * 3), ("5.3.2. Delta", FILLER * 3),
                ("5.4. Padding", FILLER * 3), ("5.5. Checks", FILLER * 3)]
    assert _thin(*sections) == []
    # near miss: an empty heading followed by its sibling is still empty
    sections[2] = ("5.4.1. LZMA2", FILLER * 3)
    assert _thin(*sections) == ["5.3. Filters"]


def test_an_acronym_before_its_own_number_in_parentheses_is_no_definition():
    text = ("This PEP proposes a docstring processing system. " + PAGE
            + " See PEP 256 (PEP) and PEP 258 for the details.")
    assert quotes(text, AC) == []
    # near miss: a real long form in the same place defines it
    defined = ("This QXP proposes a docstring processing system. " + PAGE
               + " A Quick Extension Proposal (QXP) is a design note.")
    assert quotes(defined, AC) == ["QXP"]


def test_capitals_before_a_code_of_letter_and_digit_are_a_number():
    text = ("Job Announcement Number: BESE A2\nApplications are open until the end of May. "
            "See announcement number BESE CPE-A for the supervisors' posts.")
    assert quotes(text, AC, SPELLS_OUT) == []
    # near miss: the same capitals before a word are an acronym to spell out
    assert quotes("The BESE board reviews every application.", AC, SPELLS_OUT) == ["BESE"]
