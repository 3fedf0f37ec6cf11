"""Filler text (lorem ipsum, Word's =rand() sample text): one finding per document, and
nothing else found inside it. The patterns come from the corpus's formatting tests and
templates, where every finding inside the filler was noise."""

from __future__ import annotations

import pytest

from desktop_app.ai.rules.filler_text import is_filler_text
from tests.unit.test_local_rules import FRAMEWORK, PROSE, hits, make_index, review_section

LOREM = ("Lorem ipsum dolor sit amet, consectetur adipiscing elit. Pellentesque egestas "
         "egestas fringilla phasellus faucibus scelerisque eleifend donec pretium.")
MORE_LOREM = ("Maecenas porttitor congue massa. Fusce posuere, magna sed pulvinar ultricies, "
              "purus lectus malesuada libero, sit amet commodo magna eros quis urna.")
HIPSTER = ("Schlitz kitsch minim truffaut hexagon pork belly coloring book keffiyeh ea, "
           "ipsum squid dolor green juice dolore. Taiyaki pok pok velit sint culpa.")
WORD_RAND = ("Video provides a powerful way to help you prove your point. When you click "
             "Online Video, you can paste in the embed code for the video you want to add.")


@pytest.mark.parametrize("paragraph", [LOREM, MORE_LOREM, HIPSTER, WORD_RAND])
def test_filler_paragraphs_are_filler_text(paragraph):
    assert is_filler_text(paragraph)


@pytest.mark.parametrize("paragraph", [
    # Latin an English writer uses, and English that shares words with lorem ipsum.
    "As Smith et al. showed, the ad hoc fix worked per se, in situ and de facto, "
    "not only in vitro.",
    "The integer class in the magna carta module is a tempor of the nulla pointer.",
    "Quis custodiet ipsos custodes? The auditors of the auditors are the subject here.",
    "Video tutorials provide a way to prove that the point was made to the board.",
    PROSE,
])
def test_english_with_some_latin_is_not_filler_text(paragraph):
    assert not is_filler_text(paragraph)


def placeholder_hits(index, section_id):
    return [rf.finding for rf in review_section(index, section_id)
            if rf.rule == "placeholder"]


def test_lorem_ipsum_is_one_finding_per_document_naming_the_other_sections():
    index = make_index(("Intro", PROSE), ("First", f"{LOREM}\n{LOREM}"),
                       ("Second", LOREM), ("Third", f"{PROSE}\n{LOREM}"))
    (first,) = placeholder_hits(index, "s1")
    assert first.quote == "Lorem ipsum dolor sit amet, consectetur adipiscing elit."
    assert "Filler text (lorem ipsum)" in first.issue
    assert "2 paragraphs of it here" in first.issue  # the section's two copies, one finding
    assert 'also in 2 other sections: "Second", "Third"' in first.issue
    assert placeholder_hits(index, "s2") == [] and placeholder_hits(index, "s3") == []


def test_words_sample_text_is_filler_text_too():
    index = make_index(("Intro", PROSE), ("Body", WORD_RAND))
    (f,) = placeholder_hits(index, "s1")
    assert f.quote == "Video provides a powerful way to help you prove your point."
    assert "Word's sample text" in f.issue


def test_nothing_else_is_found_inside_filler_text_but_next_to_it_yes():
    text = f"{LOREM}\nThe the rollout was approved by several people."
    found = {(rf.rule, rf.finding.quote) for rf in review_section(
        make_index(("Body", text)), "s0")}
    assert ("repeated-word", "egestas egestas") not in found  # inside the filler
    assert ("repeated-word", "The the") in found  # in the author's sentence
    assert any(rule == "placeholder" for rule, _ in found)


def test_a_document_mostly_of_filler_text_is_not_expected_to_cover_checkpoints():
    sections = [("Summary", "Its scope is payments."), ("Timeline", "09:41 alert fired."),
                *[(f"Part {i}", PROSE) for i in range(4)]]
    filler = "\n".join([LOREM, MORE_LOREM, WORD_RAND] * 60)
    index = make_index(*sections, ("Sample", filler))
    assert [rf for rf in review_section(index, "s0", FRAMEWORK)
            if rf.rule == "checkpoint-coverage"] == []
    # near miss: a little filler text in a real report does not excuse it
    index = make_index(*sections, ("Sample", LOREM))
    assert [rf.finding.checkpoints for rf in review_section(index, "s0", FRAMEWORK)
            if rf.rule == "checkpoint-coverage"] == [["T-2"]]


@pytest.mark.parametrize("text", ["Finally some missing items\nA\nA i\nA ii",
                                  "Steps\nThe\nThe end"])
def test_a_word_repeated_at_the_start_of_a_new_line_with_a_capital_is_a_list(text):
    assert hits(text, "repeated-word") == []


def test_filler_is_counted_in_paragraphs_and_words_2007_theme_text_is_filler():
    theme = ("To change the overall look of your document, choose new Theme elements on "
             "the Page Layout tab.")
    index = make_index(("Intro", PROSE),
                       ("Body", f"{WORD_RAND} To make your document look professionally "
                                f"produced, Word provides header, footer, cover page.\n{LOREM}"),
                       ("Theme", theme))
    (f,) = placeholder_hits(index, "s1")
    assert "2 paragraphs of it here" in f.issue  # two markers in one, one in the other
    assert 'also in 1 other section: "Theme"' in f.issue
