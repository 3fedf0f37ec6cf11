"""The verb-after-modal rule (issue 14): a past form or a second finite verb after "can",
"will" and the other modals ("will parsed", "can used", "This is can be", "will are"),
with the near misses it must leave alone (base forms ending in "ed", a modal ending its
clause, a question, the nouns "will" and "can", free relatives, inverted subjects, code).
"""

from __future__ import annotations

import pytest

from tests.unit.test_local_rules import hits, quotes

VM = "verb-after-modal"


@pytest.mark.parametrize("text, expected", [
    ("If the file is a table, the lines will parsed as key-value pairs.", ["will parsed"]),
    ("These filehandles can used with the modules.", ["can used"]),
    ("Files in these directories will not converted to HTML.", ["will not converted"]),
    ("The following page margins must specified in the markup.", ["must specified"]),
    ("This task will produced a data array of good pixels.", ["will produced"]),
    ("This is can be a problem on small screens.", ["is can"]),
    ("The calls to receive and send will are protected by a lock.", ["will are"]),
    ("The updating version can is available using an option.", ["can is"]),
    ("If you wrote programs before you have might noticed that.", ["have might noticed"]),
    ("It names a group which would acts as the owner.", ["would acts"]),
    ("A server can contains several collections.", ["can contains"]),
    ("If it fails, fontconfig will tries to retrieve them.", ["will tries"]),
])
def test_a_wrong_form_after_a_modal_is_raised(text, expected):
    assert quotes(text, VM) == expected


@pytest.mark.parametrize("text", [
    "You will need a key; the run may exceed the limit, and it can proceed.",  # base forms
    "It matches as best as it can based on the name of the payee.",  # the clause ends
    "Must untrusted applications be allowed to use the bus?",  # a question
    "He signed his will dated 1990, and a can used for paint stood by.",  # nouns
    "It shows how easy it is might dissuade vandals. Whether it should is open.",
    "Use the programs as-is would require installing them.",  # "as-is" is no verb
    "It will be parsed, it can be used, and it may have changed.",  # the right forms
    'Type "it will parsed" to see the error, or run `it will parsed`.',  # quoted, code
    "Nor will quotes ever be fetched, and not only can results improve.",  # inverted
    "On which service will users spend more time?",  # a noun that is no verb here
])
def test_right_forms_clause_ends_questions_and_nouns_are_left_alone(text):
    assert quotes(text, VM) == []


def test_the_passive_is_offered_as_a_rewrite_only_where_it_is_plain():
    (passive,) = hits("The caller will removed from the queue.", VM)
    assert passive.rewrite == "will be removed"
    assert passive.suggestion == 'Write "will be removed".'
    # "will activated 4 extensions" wants "will activate": no one-click rewrite
    (active,) = hits("The installation will activated 4 server extensions.", VM)
    assert active.rewrite is None and "base form" in active.suggestion
    (swapped,) = hits("You have might noticed that the turtle is slow.", VM)
    assert swapped.rewrite == "might have noticed"


def test_repeats_in_a_section_are_one_finding_listing_each():
    text = ("The lines will parsed as pairs. The names will pasted into the terminal. "
            "The characters will displayed in red.")
    (found,) = hits(text, VM)
    assert found.quote == "will parsed" and "2 more" in found.issue
