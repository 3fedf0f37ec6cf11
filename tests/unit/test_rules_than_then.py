"""The then-for-than rule (issue 14): "then" in a comparison ("more then one point",
"older then 2.60"), with the near misses it must leave alone (the "then" of a condition's
main clause, a pronoun after it, code and quotations)."""

from __future__ import annotations

import pytest

from tests.unit.test_local_rules import hits, quotes

TT = "then-for-than"


@pytest.mark.parametrize("text, expected", [
    ("This also works when more then one point is selected.", ["more then"]),
    ("If you are using an Autoconf version older then 2.60, add this line.", ["older then"]),
    ("The password is removed after more then the defined amount of months.", ["more then"]),
    ("Pick any value other then the default.", ["other then"]),
])
def test_then_in_a_comparison_is_raised(text, expected):
    assert quotes(text, TT) == expected


@pytest.mark.parametrize("text", [
    "If you have datasets of rank 3 or greater then we recommend using HDF5.",
    "If the value is greater then the program stops.",  # a condition's main clause
    "Pick more than one point, and then the rest.",  # the right word
    'Type "more then one" to see it, or run `more then 2`.',  # quoted, code
])
def test_a_conditions_then_and_quoted_text_are_left_alone(text):
    assert quotes(text, TT) == []


def test_the_fix_is_offered_as_a_rewrite():
    (found,) = hits("It takes more then one minute.", TT)
    assert found.rewrite == "more than" and found.suggestion == 'Write "more than".'
