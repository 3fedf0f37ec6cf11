"""Recall (issue 14): defects planted in ordinary text that a gate or exemption must not
silence (bench/rules_recall.py measures them over the evaluation documents). Each with
the near miss the exemption exists for."""

from __future__ import annotations

from tests.unit.test_local_rules import quotes

PH = "placeholder"


def test_a_slot_in_a_contract_that_agrees_as_follows_is_still_a_slot():
    text = ("The parties agree as follows. The supplier delivers the goods within thirty days "
            "of the order. Payments are due on [insert date] each month.")
    assert quotes(text, PH) == ["[insert date]"]


def test_your_own_in_an_earlier_sentence_does_not_make_a_slot_a_sample():
    text = ("You can write your own conversion that meets your goals. Payments are due on "
            "[insert date] each month.")
    assert quotes(text, PH) == ["[insert date]"]


def test_a_sample_introduced_like_this_is_still_a_sample():
    text = "Write the trailer like this:\nReviewed-By: [insert your name]\nThen push the branch."
    assert quotes(text, PH) == []


def test_a_slot_the_same_sentence_asks_to_replace_is_still_a_sample():
    assert quotes("Replace [insert name] with your own name before sending.", PH) == []


def test_a_licence_notice_to_copy_still_silences_its_slots_from_afar():
    notice = ("To apply these terms, attach the following notices to the program. "
              + "It is safest to attach them to the start of each source file. " * 8
              + "Copyright (C) [insert year] [insert name of author]")
    assert quotes(notice, PH) == []


PV = "passive-voice"
LEAD = "The review team discussed these points with the board in the spring. "


def test_a_recommendation_to_revise_names_no_owner():
    found = quotes(LEAD + "The complaints procedure must be revised before the end of the "
                   "year.", PV, title="Recommendations")
    assert found == ["The complaints procedure must be revised"]
    found = quotes(LEAD + "Staff induction should be improved and standardised.", PV,
                   title="Recommendations")
    assert found == ["Staff induction should be improved"]


def test_the_same_passive_outside_recommendations_is_left_alone():
    text = LEAD + "The complaints procedure was revised last year."
    assert quotes(text, PV, title="Background") == []
