"""Wrong findings of blind round heldout-29 (issue 14), as general cases with the near
misses the rules must still report (tests that fail before the fix):

- overlong sentences: a "sentence" of single characters (a formula spelled letter by
  letter, a list of the characters a file name may hold) is no sentence a reader holds
  in mind;
- repeated words: "or or or ..." repeats on purpose; a pair is still a typo; and (heldout-30)
  "the maildir path path" under "not a maildir (path)" is a noun, then the placeholder
  of the message the section documents (set in italics in the source)."""

from __future__ import annotations

from tests.unit.test_local_rules import quotes

OL, RW = "overlong-sentence", "repeated-word"
CHARS = " ".join("A B C D E F G H I J K L M N O P Q R S T U V W X Y Z a b c d e f g h i j k "
                 "l m n o p q r s t u v w x y z 0 1 2 3 4 5 6 7 8 9 - _".split())
LONG = ("When the committee met again in the spring it went through every one of the "
        "proposals that the members had sent in over the winter months and after a long "
        "discussion about the costs and the benefits of each of them it decided that the "
        "two that were cheapest to carry out should be tried first in the smaller offices "
        "before anyone thought about the rest of the list at all.")


def test_a_run_of_single_characters_is_no_long_sentence():
    assert quotes(f"File names may hold these characters: {CHARS} and the dot.", OL) == []
    assert quotes("The error is P i x e l E r r o r = 2 * b * s i n ( a / 2 ) * f / p "
                  "where every symbol is a letter of the formula written out one by one "
                  "so that the text stands in for the picture of it in the page.", OL) == []
    # near miss: a long sentence of words is still reported
    assert quotes(LONG, OL) == [LONG]


def test_a_word_said_three_times_is_said_on_purpose():
    assert quotes("Pick this one or or or ... any of the others, as you like.", RW) == []
    # near miss: twice is a typo
    assert quotes("Pick this one or or any of the others.", RW) == ["or or"]


def test_a_noun_then_the_placeholder_the_title_names_is_no_typo():
    text = "The specified maildir path path does not appear to be a valid maildir."
    assert quotes(text, RW, title="Configuration error: not a maildir (path)") == []
    # near misses: under another title it is a typo, and "the the" is one under any title
    assert quotes(text, RW, title="Delivery") == ["path path"]
    assert quotes("Check the the maildir.", RW, title="The maildir") == ["the the"]
