"""Findings of blind rounds heldout-62 on (issue 14), and shapes met before them, as
general cases with the near misses the rules must still report (tests that fail before
the fix):

- repeated words: a "what" clause as the subject, then the sentence's verb ("What it is
  is a tool", "Whatever it was was gone") is grammar, not a word typed twice;
- acronyms: one glossary entry naming another under a headword ("The CBS organizes
  accounts ... independent of the WBS and RBS", heldout-62) is no use before the entry
  that defines it: the reader is in the glossary."""

from __future__ import annotations

from tests.unit.test_local_rules import PAGE, SPELLS_OUT, make_index, quotes, review_section

RW = "repeated-word"


def test_a_what_clause_then_the_sentences_verb_is_no_doubled_word():
    assert quotes("What it is is a tool for editing text.", RW) == []
    assert quotes("Whatever it was was gone by morning.", RW) == []
    assert quotes("What the program does does not matter.", RW) == []
    # near misses: with no word of its own, or after "which", the pair is a typo
    assert quotes("The field, which is is guaranteed to be aligned.", RW) == ["is is"]
    assert quotes("The problem is is that it fails.", RW) == ["is is"]
    assert quotes("What is is not clear.", RW) == ["is is"]


ACR = "undefined-acronym"


def test_a_glossary_entry_naming_another_under_a_headword_is_no_use_before_definition():
    glossary = ("Cost Breakdown structure\n"
                "The CBS organizes accounts independent of the WBS and RBS.\n"
                "CBS\nCost Breakdown Structure\n"
                "RBS\nResource Breakdown Structure\n"
                "WBS\nWork Breakdown Structure\n")
    index = make_index(("Introduction", f"Plan the work.\n{PAGE}"), ("Terms", glossary),
                       SPELLS_OUT)
    found = [rf.finding for rf in review_section(index, "s1") if rf.rule == ACR]
    assert found == []
    # near miss: a use in another section is still one before the glossary defines it
    index = make_index(("Introduction", f"Plan the RBS first.\n{PAGE}"), ("Terms", glossary),
                       SPELLS_OUT)
    found = [rf.finding.quote for rf in review_section(index, "s0") if rf.rule == ACR]
    assert found == ["RBS"]
