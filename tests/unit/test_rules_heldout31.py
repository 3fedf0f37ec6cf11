"""Noise of blind round heldout-31 (issue 14), as general cases with the near misses the
rules must still report (tests that fail before the fix):

- overlong sentences: thanks ("Special thanks are due to A and B, who ..., and to C ...")
  are a roll of the people thanked, read as a list, whatever their length; a long
  sentence that only begins "Thanks to the ..." (because of) is still reported;
- acronyms (heldout-33): a company whose shares the reader holds ("if you have EADS
  shares") is named by its ticker, not an abbreviation to spell out."""

from __future__ import annotations

from tests.unit.test_local_rules import SPELLS_OUT, quotes

AC, OL = "undefined-acronym", "overlong-sentence"
ROLL = ("Mauricio Piacentini and Dmitry Suzdalev, who converted the game to the new toolkit "
        "and its libraries, and to the many graphics artists who contributed the themes and "
        "the sprites, and to the players who tested every level of the original set and the "
        "later ones, and to Luciano Montanaro, who maintained the packages and the website "
        "for years and answered every question on the mailing list with great patience and "
        "care, and last but not least to all the translators.")


def test_thanks_are_a_roll_not_a_long_sentence():
    for lead in ("Special thanks are due to", "Many thanks to", "Thanks go to",
                 "We would like to thank", "I am very grateful to", "We also thank"):
        assert quotes(f"{lead} {ROLL}", OL) == [], lead


def test_a_long_sentence_that_only_begins_with_thanks_to_is_still_reported():
    sentence = (f"Thanks to the new cache the import that used to take an hour for the "
                f"largest archives now finishes in a few minutes, which means that the "
                f"nightly job can run the checks of {ROLL}")
    assert len(quotes(sentence, OL)) == 1
    assert len(quotes(f"The project owes much to {ROLL}", OL)) == 1


def test_a_company_whose_shares_are_held_is_a_name():
    text = ("For example, if you have EADS shares, their value is shown in euros. To sell "
            "100 QXZ shares, open the operation editor.")
    assert quotes(text, AC, SPELLS_OUT) == []
    # near miss: the same letters doing something ("shares" a verb) are still reported
    assert quotes("The QXZ shares the bus with the disk.", AC, SPELLS_OUT) == ["QXZ"]
