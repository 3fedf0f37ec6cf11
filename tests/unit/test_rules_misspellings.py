"""Common misspellings (rules/misspellings.py): labelled sentences, with the near misses
the rule must leave alone."""

from __future__ import annotations

import pytest

from desktop_app.ai.rules import SectionInfo
from desktop_app.ai.rules.english_words import WORDS
from desktop_app.ai.rules.misspellings import MISSPELLINGS
from tests.unit.test_local_rules import hits, make_index, quotes, review_section

MS = "misspelling"


@pytest.mark.parametrize(("text", "found"), [
    ("This is also where they recieve and review any feedback.", ["recieve"]),
    ("The prefered method is to use the web form.", ["prefered"]),
    ("Seperate the two files first.", ["Seperate"]),  # at a sentence's start
    ("It is a limitation of their langauge's library.", ["langauge"]),
    ("Backups run on exit or on shedule (every 15 minutes).", ["shedule"]),
    ("A SEPERATE SERVER MUST BE RUNNING.", ["SEPERATE"]),
])
def test_common_misspellings_are_reported(text, found):
    assert quotes(text, MS) == found


def test_the_finding_names_the_word_and_rewrites_it_in_its_case():
    (f,) = hits("Seperate the two files first.", MS)
    assert f.issue == '"Seperate" is misspelled: the word is "Separate".'
    assert f.rewrite == "Separate"
    (f,) = hits("You can alot more space to it.", MS)
    assert f.rewrite == "a lot"


@pytest.mark.parametrize("text", [
    'The result is a typo such as "teh" for "the".',  # shown, not made
    'The engine replies "Error (unkown command): nps" when it does not know it.',  # quoted
    "Run radicale --logging-rights-rule-doesnt-match-on-debug to see it.",  # an option
    "The wormhole_recieve_helper and recieve.py scripts are kept.",  # identifiers
    "Ask Mr Wich, who maintains the server.",  # a capitalised name inside a sentence
    "The separate server received the preferred schedule.",  # spelled right
])
def test_words_shown_quoted_in_names_or_code_are_left_alone(text):
    assert quotes(text, MS) == []


def test_what_the_document_formats_as_code_is_left_alone():
    text = "Set the key.\nc22.set_attr(T=90)  # key design paramter"
    code = SectionInfo("s0", "Setup", text, level=1, has_children=False,
                       code=((text.index("c22"), len(text)),))
    assert [rf for rf in review_section(make_index(code), "s0") if rf.rule == MS] == []
    # near miss: the same words in prose are reported
    prose = SectionInfo("s0", "Setup", "Set the key design paramter first.", level=1,
                        has_children=False)
    assert [rf.finding.quote for rf in review_section(make_index(prose), "s0")
            if rf.rule == MS] == ["paramter"]


def test_repeats_in_a_section_are_one_finding():
    (f,) = hits("They recieve the files. Later they recieve the report.", MS)
    assert [q.quote for q in f.quotes] == ["recieve", "recieve"]


def test_no_entry_of_the_list_is_an_english_word():
    assert not [w for w in MISSPELLINGS if w in WORDS]
    assert all(w != right for w, right in MISSPELLINGS.items())
