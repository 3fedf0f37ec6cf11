"""Findings of blind rounds heldout-49 to -51 (issue 14), as general cases with the near
misses the rules must still report (tests that fail before the fix):

- acronyms: a name in capitalised words set beside its acronym by a dash ("the World
  Chess Federation - FIDE") says what the acronym is, as "(FIDE)" would."""

from __future__ import annotations

from tests.unit.test_local_rules import SPELLS_OUT, quotes

ACR = "undefined-acronym"


def test_a_name_beside_its_acronym_after_a_dash_defines_it():
    text = "The main rules are set by the World Chess Federation - FIDE. Others follow."
    assert quotes(text, ACR, SPELLS_OUT) == []
    assert quotes("Ask the Open Source Initiative \u2013 OSI, for a licence.", ACR,
                  SPELLS_OUT) == []


def test_a_dash_before_an_acronym_that_starts_a_clause_defines_nothing():
    # near misses: the acronym opens the next clause, or no name stands before the dash
    assert quotes("We met the World Chess Federation - QXZ members were there.", ACR,
                  SPELLS_OUT) == ["QXZ"]
    assert quotes("The values are listed below - QXZ.", ACR, SPELLS_OUT) == ["QXZ"]
