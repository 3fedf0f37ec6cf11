"""Wrong findings of blind round heldout-21 (issue 14), each as a general case with the
near misses the rules must still report (tests that fail before the fix):

- repeated words: a quotation that holds nothing but one word repeated is a name or a
  sound written so on purpose (codename "tok tok", "tap tap tap");
- spelling: a style guide that quotes both spellings ('"color" is preferred over
  "colour"') names them, it uses neither;
- acronyms: "a non-Python library (GMP)" says what kind of thing GMP is, it does not spell
  it out; and an acronym spelled out a few lines after its first use (PAM, UEFI) needs no
  comment (the noise of this round and earlier ones)."""

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


AC = "undefined-acronym"

FILLER = ("The configuration is read when the system starts and again when an "
          "administrator asks for it. ")  # 17 words


def test_a_kind_of_thing_before_an_acronym_does_not_spell_it_out():
    # "a non-Python library (GMP)" says what GMP is, not what its letters stand for, so
    # the earlier use is no use before a definition
    text = ("gmpy2 is a Python wrapper for the GMP multiple-precision library. It is "
            "optional. " + FILLER * 9 + "SymPy can use a non-Python library (GMP) to speed "
            "up integers.")
    assert quotes(text, AC) == []
    # near miss: a loose long form whose words open with the acronym's letters still
    # defines it, so a use before it is reported
    loose = ("The FTE counts are in the annex. " + FILLER * 9 + "Staff are counted as full "
             "time positions (FTE) in the budget.")
    assert quotes(loose, AC) == ["FTE"]


def test_an_acronym_spelled_out_a_moment_later_needs_no_comment():
    # "Configuration errors of PAM may lock you out", spelled out in the next lines
    soon = ("Configuration errors of PAM may lock you out of your own system. " + FILLER * 2
            + "Pluggable Authentication Modules (PAM) offer a flexible mechanism.")
    assert quotes(soon, AC) == []
    # near miss: spelled out only pages later, the first use is still reported
    late = ("Configuration errors of PAM may lock you out of your own system. " + FILLER * 9
            + "Pluggable Authentication Modules (PAM) offer a flexible mechanism.")
    assert quotes(late, AC) == ["PAM"]


def test_a_name_and_its_affiliation_define_nothing():
    # a list of signatories: "Mel Gorman (SUSE)" gives a company, not a long form, so a
    # later "David Sterba (SUSE)" is no definition that the first line was used before
    signatories = "\n".join(["We, the undersigned, support this statement.", FILLER * 6,
                             "Mel Gorman (SUSE)", FILLER * 9, "David Sterba (SUSE)",
                             "Jiri Kosina (SUSE)"])
    assert quotes(signatories, AC) == []
    # near miss: a long form of ordinary words in its clause is still a loose definition
    loose = ("Every SLE release is supported for ten years. " + FILLER * 9
             + "Customers buy the server edition (SLE) through partners.")
    assert quotes(loose, AC) == ["SLE"]
