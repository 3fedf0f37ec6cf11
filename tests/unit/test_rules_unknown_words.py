"""Typos found against the dictionary (issue 14): a word used once that is no English
word, one edit from a word the document uses or one classic slip away ("precsion" in a
manual that says "precision", "presure"), with the near misses it must leave alone (a
project's jargon, names, code, joined words, words with common prefixes and suffixes)."""

from __future__ import annotations

from collections import Counter

import pytest

from desktop_app.ai.rules import unknown_words
from tests.unit.test_local_rules import hits, quotes

MS = "misspelling"
USES = "The precision of the result depends on the precision of the input."


@pytest.mark.parametrize("text, expected", [
    (f"{USES} If the read precsion option is set, numbers are exact.", ["precsion"]),
    ("The tool replaces all occurences of the string, as promissed.", ["occurences",
                                                                          "promissed"]),
    ("While the scenario above is immaginary, similar things happen.", ["immaginary"]),
])
def test_a_word_no_dictionary_holds_next_to_one_the_document_uses_is_raised(text, expected):
    assert quotes(text, MS) == expected


@pytest.mark.parametrize("text", [
    "The backend keeps structs in the manpage, and the hostkey is stored.",  # jargon
    "Run systemd, pythonw and updatedb; exportfs and graphicx are names too.",
    "It was unzipping files for the reportee, then rezipping them.",  # prefix, suffix
    f"{USES} The Precsion tool is a name, and `precsion` is code.",  # name, code
    "The regexes and regexps differ, as do mmapping and mapping.",  # ends, doubled start
    "The backend and the backend again: a project's word comes back. precsion precsion",
])
def test_jargon_names_code_and_derived_words_are_left_alone(text):
    assert quotes(text, MS) == []


def test_the_finding_names_the_word_meant_and_how_often_the_document_uses_it():
    (found,) = hits(f"{USES} If the read precsion option is set.", MS)
    assert found.rewrite == "precision"
    assert found.issue == ('"precsion" is no English word: probably "precision". '
                           '"precision" is used 2 times in this document.')


def test_a_lost_letter_is_the_likeliest_typo():
    # "additionaly" is one edit from "additional" and from "additionally"
    counts = Counter({"additional": 3, "additionally": 3})
    assert unknown_words.guess("additionaly", counts).word == "additionally"


def test_the_hand_list_keeps_its_own_wording():
    (found,) = hits("Please accomodate the change.", MS)
    assert found.issue.startswith('"accomodate" is misspelled: the word is "accommodate".')
