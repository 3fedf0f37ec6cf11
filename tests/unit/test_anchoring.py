"""Anchoring quotes to section text: exact, normalised, fuzzy, or not at all."""

from __future__ import annotations

import random

import pytest

from desktop_app.ai.anchoring import (
    FUZZY_THRESHOLD,
    anchor_findings,
    anchor_part_findings,
    normalise,
)
from desktop_app.review.findings import Finding

SECTION = (
    "The change was approved in the platform-config repository four minutes after it was "
    "opened. The diff contained 14 changed lines across three files, and the pool size was "
    "on the last line of the second file.\n"
    "In January the alert routing for payments moved to a new Alertmanager configuration. "
    "During that migration, checkout alerts were mapped to the \u201cpayments-alerts\u201d "
    "e-mail list instead of the Pagerline service \u2013 nobody noticed.\n"
    "09:41 | Checkout SLO burn-rate alert fires and is sent to the payments-alerts e-mail "
    "list. | Alertmanager history\n"
    "09:52 | Customer Support shift lead reports a rise in payment complaints. | Slack"
)


def finding(quote: str, **kw) -> Finding:
    return Finding("clarity", "minor", 0.5, quote, "issue", "suggestion", **kw)


def anchor(text: str, quote: str, **kw) -> Finding:
    f = finding(quote, **kw)
    anchor_findings(text, [f])
    if f.anchored:
        assert text[f.start:f.end] == f.quote  # the invariant, everywhere
    else:
        assert f.start is None and f.end is None
    return f


def test_verbatim_quote_is_anchored_where_it_stands():
    quote = "The diff contained 14 changed lines across three files"
    f = anchor(SECTION, quote)
    assert f.anchored and f.quote == quote and f.quote_original is None
    assert f.start == SECTION.index(quote)


@pytest.mark.parametrize("quote", [
    "The diff  contained 14 changed lines\nacross three files",  # doubled space, line break
    "checkout alerts were mapped to the \"payments-alerts\" e-mail list",  # straight quotes
    "e-mail list instead of the Pagerline service - nobody noticed",  # hyphen for en dash
    "\u00a0The diff contained 14 changed lines across three files ",  # nbsp, edge spaces
])
def test_whitespace_and_typographic_variants_anchor_on_the_passage_as_it_stands(quote):
    f = anchor(SECTION, quote)
    assert f.anchored
    assert f.quote != quote and f.quote_original == quote
    assert f.quote == SECTION[f.start:f.end]
    assert normalise(f.quote)[0].strip() == normalise(quote)[0].strip()


def test_typographic_quotes_in_the_quote_match_straight_ones_in_the_text():
    text = 'The status page said "no incident reported" at 10:21.'
    f = anchor(text, "said \u201cno incident reported\u201d at 10:21")
    assert f.anchored and f.quote == 'said "no incident reported" at 10:21'


def test_case_only_difference_is_corrected_to_the_text():
    f = anchor(SECTION, "the change was approved in the platform-config repository")
    assert f.anchored
    assert f.quote == "The change was approved in the platform-config repository"
    assert f.quote_original == "the change was approved in the platform-config repository"


def test_one_word_changed_is_matched_to_the_closest_passage():
    quote = "In January the alert routing for payments moved to a fresh Alertmanager configuration."
    f = anchor(SECTION, quote)
    assert f.anchored
    assert f.quote == ("In January the alert routing for payments moved to a new Alertmanager "
                       "configuration.")
    assert f.quote_original == quote


def test_a_dropped_word_still_anchors_on_the_whole_passage():
    f = anchor(SECTION,
               "The change was approved in the repository four minutes after it was opened")
    assert f.anchored
    assert f.quote == ("The change was approved in the platform-config repository four minutes "
                       "after it was opened")


def test_paraphrase_stays_unanchored_and_keeps_the_model_wording():
    quote = "Someone approved the configuration change only four minutes after opening it."
    f = anchor(SECTION, quote)
    assert not f.anchored
    assert f.quote == quote and f.quote_original is None


def test_quote_that_is_not_in_the_section_at_all_stays_unanchored():
    f = anchor(SECTION, "Quarterly revenue grew by twelve percent in the northern region.")
    assert not f.anchored


def test_quote_across_a_table_row_joint_without_the_pipe():
    quote = ("09:41 Checkout SLO burn-rate alert fires and is sent to the payments-alerts "
             "e-mail list.")
    f = anchor(SECTION, quote)
    assert f.anchored
    assert f.quote == ("09:41 | Checkout SLO burn-rate alert fires and is sent to the "
                       "payments-alerts e-mail list.")
    assert f.quote_original == quote


def test_quote_with_the_table_joint_verbatim_is_exact():
    quote = "list. | Alertmanager history\n09:52 | Customer Support"
    f = anchor(SECTION, quote)
    assert f.anchored and f.quote == quote and f.quote_original is None


def test_quote_spanning_two_rows_with_a_space_for_the_line_break():
    f = anchor(SECTION, "Alertmanager history 09:52 Customer Support shift lead")
    assert f.anchored
    assert f.quote == "Alertmanager history\n09:52 | Customer Support shift lead"


def test_repeated_passage_anchors_on_the_first_occurrence():
    sentence = "The on-call engineer was paged at 10:05."
    text = f"Intro paragraph here. {sentence} Middle text follows. {sentence} End."
    f = anchor(text, sentence)
    assert f.start == text.index(sentence)
    g = anchor(text, "The on-call engineer was paged at 10.05.")  # fuzzy, twice in the text
    assert g.anchored and g.start == text.index(sentence)


def test_repeated_passages_in_a_long_text_fuzzy_first_occurrence():
    sentence = ("Checkout alerts went to an e-mail list rather than the pager, which delayed "
                "the response by at least 24 minutes.")
    filler = " ".join(f"Unrelated sentence number {i} about routine matters." for i in range(300))
    text = f"{filler} {sentence} {filler} {sentence} {filler}"
    f = anchor(text, sentence.replace("delayed", "slowed"))
    assert f.anchored and f.start == text.index(sentence)


@pytest.mark.parametrize("quote", ["", "   ", "\n"])
def test_empty_quote_is_unanchored(quote):
    f = anchor(SECTION, quote)
    assert not f.anchored and f.start is None


def test_empty_section_anchors_nothing():
    f = anchor("", "anything at all")
    assert not f.anchored


def test_offsets_set_by_the_rules_are_kept_when_they_select_the_quote():
    text = "the the cat sat on the the mat"
    second = text.index("the the", 5)
    f = anchor(text, "the the", start=second, end=second + 7)
    assert f.anchored and f.start == second  # not the first occurrence


def test_offsets_that_do_not_select_the_quote_are_recomputed():
    f = anchor(SECTION, "The diff contained", start=0, end=5)
    assert f.anchored and f.start == SECTION.index("The diff contained")


def test_stale_offsets_on_a_quote_no_longer_in_the_text_are_cleared():
    f = anchor(SECTION, "A sentence that is not there in any form whatsoever.", start=0, end=10)
    assert not f.anchored and f.start is None and f.end is None


def test_quote_with_an_ellipsis_anchors_on_the_full_passage():
    quote = "The diff contained 14 changed lines ... the last line of the second file."
    f = anchor(SECTION, quote)
    assert f.anchored
    assert f.quote.startswith("The diff contained 14 changed lines across three files")
    assert f.quote.endswith("the last line of the second file.")
    assert f.quote_original == quote


def test_invisible_characters_in_the_text_do_not_block_a_match():
    text = "Staging runs two paygate\u00adapi pods\u200b and receives synthetic traffic."
    f = anchor(text, "Staging runs two paygateapi pods and receives synthetic traffic.")
    assert f.anchored and f.quote == text


def test_first_correction_is_kept_as_quote_original_when_anchored_again():
    f = finding("the change was approved in the platform-config repository")
    anchor_findings(SECTION, [f])
    anchor_findings(SECTION, [f])
    assert f.quote_original == "the change was approved in the platform-config repository"
    assert f.anchored and SECTION[f.start:f.end] == f.quote


def test_many_findings_each_keep_the_invariant():
    rng = random.Random(3)
    words = SECTION.split()
    findings = []
    for _ in range(60):
        i = rng.randrange(0, len(words) - 8)
        quote_words = words[i:i + rng.randrange(3, 12)]
        if rng.random() < 0.3:
            quote_words[len(quote_words) // 2] = "zebra"
        findings.append(finding(" ".join(quote_words)))
    anchor_findings(SECTION, findings)
    for f in findings:
        if f.anchored:
            assert SECTION[f.start:f.end] == f.quote
        else:
            assert f.start is None and f.end is None


def test_long_section_finds_a_reworded_passage_deep_inside():
    rng = random.Random(11)
    vocab = ("pool connection pod payment alert engineer rollback staging traffic error rate "
             "timeout retry ledger fraud service queue dashboard metric budget window").split()
    body = [" ".join(rng.choice(vocab) for _ in range(12)) + "." for _ in range(1700)]
    target = ("Finance has so far identified 37 duplicate charges, all of which have been "
              "refunded to the customers concerned.")
    body.insert(1500, target)
    text = " ".join(body)  # about 20,000 words
    assert len(text.split()) > 20_000
    f = anchor(text, target.replace("identified", "found"))
    assert f.anchored and f.quote == target
    assert not anchor(text, "The weather in Lisbon was pleasant all week long.").anchored


def test_threshold_is_the_documented_one():
    assert FUZZY_THRESHOLD == 0.85


def test_normalise_maps_every_output_character_back():
    text = "a\u00a0 \u201cb\u201d \u2013 c\u2026 | d\u200b"
    norm, index = normalise(text)
    assert norm == 'a "b" - c... d'
    assert len(index) == len(norm)
    assert all(0 <= i < len(text) for i in index)


def test_part_quote_anchors_in_its_part_then_at_the_nearest_occurrence():
    text = "\n".join(["Alpha was late."] + ["Filler line here."] * 5
                     + ["Beta was late.", "Alpha was late.", "Gamma."] + ["More filler."] * 9
                     + ["Alpha was late."])
    part_start = text.index("Beta was late.")
    part = "Beta was late.\nAlpha was late.\nGamma."
    assert text[part_start:part_start + len(part)] == part
    own = Finding("c", "minor", 0.5, "Alpha was late.", "i", "s")
    elsewhere = Finding("c", "minor", 0.5, "More filler.", "i", "s")
    anchor_part_findings(text, part_start, part, [own, elsewhere])
    assert own.anchored and own.start == part_start + len("Beta was late.\n")
    assert elsewhere.anchored and elsewhere.start == part_start + len(part) + 1
