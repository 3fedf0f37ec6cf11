"""The "a" or "an" rule (issue 14): slips whose sound the spelling settles, with the near
misses it must leave alone (sounds the letters do not give, letters used as symbols,
code, names in capitals)."""

from __future__ import annotations

import pytest

from tests.unit.test_local_rules import hits, quotes

AA = "a-or-an"


@pytest.mark.parametrize("text, expected", [
    ("Otherwise it will raise a error at once.", ["a error"]),
    ("Scilab is an free software package.", ["an free"]),
    ("It is not just an matter of interpretation.", ["an matter"]),
    ("A orphan parent with no sources shows it.", ["A orphan"]),
    ("Mark them with a icon, then insert a even number of points.", ["a icon", "a even"]),
])
def test_the_article_that_does_not_fit_the_sound_is_raised(text, expected):
    assert quotes(text, AA) == expected


@pytest.mark.parametrize("text", [
    "Pick a user name, an hour, a one-off fee, a European plan and an umbrella.",  # u, h, one
    "Send it as an MRI scan or a LaTeX file.",  # capitals: said letter by letter, or a name
    "Install it from an rpm package.",  # no vowel: said letter by letter
    "User A is free to send. Annex A of the standard applies.",  # "A" inside a sentence
    "It builds libRmath.a and loads it with a.Time(1).",  # part of a longer token
    "Give the parameters a and b, then use a alone as a reference.",  # "a" is a symbol
    "Set a = 1 first; using a alone works.",
    'Type "a error" to see it.',  # quoted
])
def test_sounds_the_letters_do_not_give_and_letters_as_symbols_are_left_alone(text):
    assert quotes(text, AA) == []


def test_the_finding_gives_the_fix_and_one_comment_per_pair_in_a_section():
    (f,) = hits("Raise a error here, and a error there.", AA)
    assert f.rewrite == "an error" and "vowel sound" in f.issue
    assert "1 more place" in f.issue


def test_words_longer_than_the_word_list_are_read_too():
    assert quotes("It is a important step; we sent an revised plan.", AA) == [
        "a important", "an revised"]
    # near misses: names said letter by letter, and a letter before a plural
    assert quotes("Send an nmudiff to the bug, or visit an nbgitpuller link.", AA) == []
    assert quotes("Literacy a alternates are shown.", AA) == []
