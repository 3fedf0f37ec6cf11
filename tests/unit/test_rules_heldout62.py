"""Findings of blind rounds heldout-62 on (issue 14), and shapes met before them, as
general cases with the near misses the rules must still report (tests that fail before
the fix):

- repeated words: a "what" clause as the subject, then the sentence's verb ("What it is
  is a tool", "Whatever it was was gone") is grammar, not a word typed twice."""

from __future__ import annotations

from tests.unit.test_local_rules import quotes

RW = "repeated-word"


def test_a_what_clause_then_the_sentences_verb_is_no_doubled_word():
    assert quotes("What it is is a tool for editing text.", RW) == []
    assert quotes("Whatever it was was gone by morning.", RW) == []
    assert quotes("What the program does does not matter.", RW) == []
    # near misses: with no word of its own, or after "which", the pair is a typo
    assert quotes("The field, which is is guaranteed to be aligned.", RW) == ["is is"]
    assert quotes("The problem is is that it fails.", RW) == ["is is"]
    assert quotes("What is is not clear.", RW) == ["is is"]
