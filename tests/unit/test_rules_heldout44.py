"""Findings of blind round heldout-44 (issue 14) left open until now, as general cases
with the near misses the rules must still report (tests that fail before the fix):

- acronyms: a glossary's headword on a line of its own ("FPR correction") is spelled out
  by the definition under it ("False positive rate correction. This refers to ...")."""

from __future__ import annotations

from tests.unit.test_local_rules import PAGE, SPELLS_OUT, make_index, quotes, review_section

ACR = "undefined-acronym"

GLOSSARY = ("BOLD\nBlood oxygen level dependent signal, the contrast that fMRI measures.\n"
            "FPR correction\nFalse positive rate correction. This refers to the methods "
            "employed to correct false positive rates, such as the Bonferroni correction.\n")


def test_a_headword_is_spelled_out_by_the_definition_under_it():
    assert quotes(GLOSSARY, ACR, SPELLS_OUT) == []
    # the glossary is the definition: a use before it is still one before its definition
    index = make_index(("Intro", f"Apply FPR correction to the maps.\n{PAGE}"),
                       ("Glossary", GLOSSARY), SPELLS_OUT)
    (f,) = [rf.finding for rf in review_section(index, "s0") if rf.rule == ACR]
    assert f.quote == "FPR" and "False positive rate" in f.issue


def test_a_line_under_a_headword_that_spells_other_words_defines_nothing():
    # near misses: the words under the headword do not give its letters
    assert quotes("FPR correction\nFalse discoveries are controlled by the maps.\n",
                  ACR, SPELLS_OUT) == ["FPR"]
    # ... and an acronym in the middle of a sentence is no headword
    assert quotes("We then apply QXZ.\nQuick xenon zoning follows.\n",
                  ACR, SPELLS_OUT) == ["QXZ"]
