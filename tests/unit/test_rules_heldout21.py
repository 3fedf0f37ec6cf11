"""Wrong findings of blind round heldout-21 (issue 14), each as a general case with the
near misses the rules must still report (tests that fail before the fix):

- repeated words: a quotation that holds nothing but one word repeated is a name or a
  sound written so on purpose (codename "tok tok", "tap tap tap");
- spelling: a style guide that quotes both spellings ('"color" is preferred over
  "colour"') names them, it uses neither."""

from __future__ import annotations

from tests.unit.test_local_rules import quotes

RW, SV = "repeated-word", "spelling-variant"


def test_a_quoted_name_made_of_one_word_repeated_is_no_typo():
    text = ('Version 5.0, released 2015-08-16, codename "tok tok". Version 3.0, codename '
            '\u201ctap tap tap\u201d, added command chaining.')
    assert quotes(text, RW) == []
    # near misses: a repeat inside a longer quotation, and outside quotes
    assert quotes('He wrote "the the plan" on the board.', RW) == ["the the"]
    assert quotes("The release was named tok tok after a bird.", RW) == ["tok tok"]


def test_a_style_note_naming_both_spellings_uses_neither():
    american = ("Style", "The behavior of the parser and the color of the output are "
                         "documented, and the favorite options are listed.")
    note = ("Documentation follows American spelling. For example, \u201ccolor\u201d is "
            "preferred over \u201ccolour\u201d and commas go inside quotation marks.")
    assert quotes(note, SV, american) == []
    # near miss: the British spelling used in prose is still a lapse
    assert quotes("The colour of the warnings can be changed.", SV, american) == ["colour"]
