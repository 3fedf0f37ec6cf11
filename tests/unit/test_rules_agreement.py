"""The agreement rule (issue 14): a plural subject with a singular verb, "there is" before
a plural, "many" for "may", with the near misses it must leave alone (longer subjects,
quantities, amounts, nouns that look like verbs, code)."""

from __future__ import annotations

import pytest

from tests.unit.test_local_rules import hits, quotes

AG = "agreement"


@pytest.mark.parametrize("text, expected", [
    ("These objects contains logic to handle it.", ["These objects contains"]),
    ("Keep in mind that these changes does not affect it.", ["these changes does"]),
    ("If several images was loaded, go on.", ["several images was"]),
    ("These parameters has no effect.", ["These parameters has"]),  # beyond the word list
    ("That's why there is three kinds of sprites.", ["there is three kinds"]),
    ("There's two ways to do it.", ["There's two ways"]),
    ("For a summary, you many also refer to the notes.", ["you many also"]),
])
def test_a_plural_subject_with_a_singular_verb_is_raised(text, expected):
    assert quotes(text, AG) == expected


@pytest.mark.parametrize("text", [
    "Specifying these margins requires the following markup.",  # a gerund is the subject
    "The way to use those modules is to link them.",  # so is an infinitive
    "The uncertainty which haunts those modules is there.",  # a relative clause
    "Which of these files has the most lines?",  # "which" is the subject
    "Among these options is a new parser.",  # inverted: "a new parser" is
    "An array with that many values is a weight.",  # a quantity
    "Several hours is a long time; many times has it happened.",  # amounts
    "These settings changes are here, and these file uses are rare.",  # nouns, not verbs
    "It is known that many use it, and there is several times more memory.",
    "These series is complete. Many Hands is a charity.",  # singular, a name
    'Type "these files is" to see the error, or run `these files is`.',  # quoted, code
])
def test_longer_subjects_quantities_and_names_are_left_alone(text):
    assert quotes(text, AG) == []


def test_the_finding_gives_the_verb_that_agrees():
    (f,) = hits("These hooks allows you to trigger commands.", AG)
    assert f.rewrite == "These hooks allow"
    assert '"allows" is singular' in f.issue
    (f,) = hits("As there was seven stars in it, they named it.", AG)
    assert f.rewrite == "there were seven stars"
