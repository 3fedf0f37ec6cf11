"""Patterns a blind judgement of real English texts beyond the corpus (round heldout-4:
licences, a policy, a specification, manuals, an API reference, release notes) found
wrong or noisy, each with the near miss the rule must still catch."""

from __future__ import annotations

import pytest

from desktop_app.ai.rules import SectionInfo
from desktop_app.ai.rules import text as rules_text
from tests.unit.test_local_rules import (
    _CODE_PAGE,
    FILLER,
    FRAMEWORK,
    PROSE,
    hits,
    make_index,
    quotes,
    review,
    review_section,
)

# The vague-wording and passive-voice rules run only in documents that report results
# (test_rules_precision.py); these tests are about their patterns, on short texts.
pytestmark = pytest.mark.usefixtures("report_like")

# --- placeholders: metasyntax and samples to copy are not unfilled slots -----------------


@pytest.mark.parametrize("text", [
    "The cache files are named <hash value>-<architecture>.cache-<version> here.",
    "Names look like <families>-<point sizes> in the pattern.",
    "To apply the License, attach the following boilerplate notice, with the fields "
    "enclosed by brackets replaced with your own identifying information.\n"
    "Copyright [yyyy] [name of copyright owner]",
    "If the program does terminal interaction, make it output a short notice like this "
    "when it starts:\n<program> Copyright (C) <year> <name of author>",
])
def test_syntax_and_samples_to_copy_are_not_unfilled_slots(text):
    assert quotes(f"{text}\n{FILLER}", "placeholder") == []


def test_a_one_word_slot_in_a_reference_for_developers_is_syntax():
    before = [(f"Step {n}", _CODE_PAGE) for n in range(6)]
    assert quotes("Send it to <name> today.", "placeholder", *before) == []
    # near miss: the same in an ordinary document is a slot left to fill
    assert quotes(f"Send it to <name> today.\n{FILLER}", "placeholder") == ["<name>"]


@pytest.mark.parametrize("text", [
    "Returns: <number> The count of listeners.",  # a type: never a slot in the evaluation
    "The first line is formatted as <error class name>: <error message>, then the stack.",
    "Call it with the fully qualified path <Type as Trait>::method instead.",
    "Here is a sample; alter the names:\n<signature of Ty Coon>, 1 April 1990",
])
def test_types_formats_paths_and_samples_are_not_slots(text):
    assert quotes(f"{text}\n{FILLER}", "placeholder") == []


def test_a_slot_in_a_letter_is_still_flagged():
    assert quotes(f"Dear <Customer Name>, thank you.\n{FILLER}", "placeholder") == [
        "<Customer Name>"]


# --- acronyms: parts of names, flags, labels; a document full of them ---------------------


@pytest.mark.parametrize("text", [
    "The name used in setuptools PKG-INFO files differs from the module's.",
    "The fields XS-Python-Version and X-Python-Version were used before.",
    "Support for 32-bit PA-RISC with HP-UX was removed.",
    "The -MF flag tells the compiler where to write them.",
    "Resolved: DR 960, covariant functions and references.",
    "Flag        Value    Meaning\nMATCHV      2        Extensive font matching information",
])
def test_parts_of_names_flags_labels_and_preformatted_rows_are_not_acronyms(text):
    assert quotes(text, "undefined-acronym", ("Intro", FILLER)) == []


@pytest.mark.usefixtures("acronyms_without_gate")
def test_an_acronym_joined_to_a_lower_case_word_is_still_one_to_define():
    assert quotes("Every CAB-approved change ships on Monday.", "undefined-acronym",
                  ("Intro", FILLER)) == ["CAB"]


@pytest.mark.usefixtures("acronyms_without_gate")
def test_a_document_full_of_undefined_acronyms_is_written_for_readers_who_know_them():
    # (one finding listing them was judged noise four times in five, see INSIDER_ACRONYMS)
    names = ["CTAD", "SIMD", "SVE", "BPF", "PTX", "FPR", "QRX", "ZMB", "WQT"]
    sections = [(f"Part {i}", f"The {n} support was improved in this release. {PROSE}")
                for i, n in enumerate(names)]
    index = make_index(*sections)
    assert [rf.finding for sid in (f"s{i}" for i in range(len(names)))
            for rf in review_section(index, sid) if rf.rule == "undefined-acronym"] == []
    # near miss: a few never defined are each a finding
    few = make_index(*sections[:3])
    assert sum(rf.rule == "undefined-acronym" for sid in ("s0", "s1", "s2")
               for rf in review_section(few, sid)) == 3


# --- overlong sentences: tables, diagrams, markup and sentences built to be read ----------

# 64 words of prose, not repetitive (repetition is filler, skipped for another reason).
LONG = ("the licensee agrees to review every term of this agreement with the licensor before "
        "the first renewal date, to report each change in ownership, control or address "
        "within thirty days, and to keep complete records of all payments made under it for "
        "no less than seven years after its termination or expiry, whichever comes first, "
        "in the form the schedule attached to it sets out")


@pytest.mark.parametrize("sentence", [
    "│ v ┌────────────┐ │ unpacked │ └─────┬──────┘ │ │ " + LONG + ".",
    "Name Value Meaning ------------------------------- " + LONG + ".",
    "Set <w:pgMar w:top=\"720\"/> so that " + LONG + ".",
    "You may (a) copy it, " + LONG[:200] + " (b) convey it, " + LONG[120:] + ".",
    "First, " + LONG[:220] + "; second, " + LONG[170:] + ".",
    "IN NO EVENT UNLESS REQUIRED BY APPLICABLE LAW WILL ANY COPYRIGHT HOLDER BE LIABLE "
    "TO YOU FOR DAMAGES, INCLUDING ANY GENERAL, SPECIAL, INCIDENTAL OR CONSEQUENTIAL "
    "DAMAGES ARISING OUT OF THE USE OR INABILITY TO USE THE PROGRAM (INCLUDING BUT NOT "
    "LIMITED TO LOSS OF DATA OR DATA BEING RENDERED INACCURATE OR LOSSES SUSTAINED BY YOU "
    "OR THIRD PARTIES OR A FAILURE OF THE PROGRAM TO OPERATE WITH ANY OTHER PROGRAMS).",
])
def test_tables_diagrams_markup_and_structured_sentences_are_not_overlong(sentence):
    assert hits(sentence, "overlong-sentence") == []
    # near miss: the prose alone, as long, is flagged
    assert len(hits(LONG.capitalize() + ".", "overlong-sentence")) == 1


def test_a_long_sentence_without_structure_is_still_overlong():
    sentence = ("If you convey an object code work under this section in or with or "
                "specifically for use in a User Product and the conveying occurs as part of "
                "a transaction in which the right of possession and use of the User Product "
                "is transferred to the recipient in perpetuity or for a fixed term the "
                "Corresponding Source conveyed under this section must be accompanied by the "
                "Installation Information.")
    (f,) = hits(sentence, "overlong-sentence")
    assert "68 words" in f.issue


def test_etc_before_a_parenthesis_with_a_capital_ends_the_sentence():
    text = "Changes show up in dpkg --status etc. (Putative because they may change.)"
    assert [s.text for s in rules_text.sentences(text)] == [
        "Changes show up in dpkg --status etc.", "(Putative because they may change.)"]


# --- repeated words, vague wording, coverage -------------------------------------------


@pytest.mark.parametrize("text", [
    "│ │ v v │ error │",
    "Such conversions were treated as unsigned long long values.",
])
def test_diagram_arrows_and_c_types_are_not_repeated_words(text):
    assert hits(text, "repeated-word") == []


def test_when_something_happens_as_soon_as_possible_is_not_vague():
    assert quotes("The value is dropped and it happens as soon as possible.",
                  "vague-wording") == []
    # near miss: a promise without a date still is
    assert quotes("The team will fix the report as soon as possible.",
                  "vague-wording") == ["as soon as possible"]


def test_a_reference_for_developers_is_not_asked_for_a_purpose_and_conclusions():
    sections = [("Summary", "Its scope is payments."), ("Timeline", "09:41 alert fired."),
                *[(f"Part {i}", " ".join([_CODE_PAGE] * 15)) for i in range(6)]]
    assert [rf for rf in review_section(make_index(*sections), "s0", FRAMEWORK)
            if rf.rule == "checkpoint-coverage"] == []
    prose = [*sections[:2], *[(f"Part {i}", PROSE) for i in range(4)]]
    assert [rf.rule for rf in review_section(make_index(*prose), "s0", FRAMEWORK)
            ].count("checkpoint-coverage") == 1


@pytest.mark.parametrize("text", [
    "EACCES (Permission denied): An attempt was made to access a file.",
    'A "Massive Multiauthor Collaboration Site" (or "MMC Site") is any server.',
    'A section "Entitled XYZ" is a named unit. Here XYZ stands for a specific section name.',
    "PDQ stands for Pretty Darn Quick, the shop's motto.",
])
def test_definitions_given_in_place_and_variables_of_the_text_are_not_undefined(text):
    assert quotes(text, "undefined-acronym", ("Intro", FILLER)) == []


@pytest.mark.usefixtures("acronyms_without_gate")
def test_an_acronym_explained_in_lower_case_words_after_it_is_still_undefined():
    assert quotes("The CAB (see section 3) meets weekly.", "undefined-acronym",
                  ("Intro", FILLER)) == ["CAB"]


def test_vague_words_and_passives_in_a_guide_for_developers_are_register():
    before = [(f"Step {n}", _CODE_PAGE) for n in range(6)]
    text = "After the change, several merchants saw errors. The change was approved at 09:00."
    found = {rf.rule for rf in review(text, *before)}
    assert not found & {"vague-wording", "passive-voice"}
    # near miss: the same sentence in a report is flagged by both
    found = {rf.rule for rf in review(text, ("Intro", FILLER))}
    assert {"vague-wording", "passive-voice"} <= found


def test_an_explained_vague_word_is_not_vague():
    assert quotes("Give the appropriate credit (i.e. mention this book on your slide).",
                  "vague-wording") == []


# --- heldout-6: notices to copy, quoted names, a hard ceiling --------------------------


@pytest.mark.parametrize("text", [
    "EXHIBIT A - License.\n``The Original Code is ______________________________________.''",
    "Be sure to change <your repo> and <your project> to yours:\ncd <your project>/",
])
def test_a_notice_or_sample_the_reader_fills_in_is_not_left_unfilled(text):
    assert quotes(f"{text}\n{FILLER}", "placeholder") == []


def test_an_empty_blank_in_a_report_is_still_flagged():
    assert quotes(f"The budget owner is ________ from Finance.\n{FILLER}",
                  "placeholder") == ["________"]


@pytest.mark.usefixtures("acronyms_without_gate")
def test_names_quoted_as_literals_are_not_acronyms():
    text = ('You may not use the phrases "MOZILLAPL", "MOZPL", "Netscape", "MPL" or "NPL" '
            "in the name of your licence.")
    assert quotes(text, "undefined-acronym", ("Intro", FILLER)) == []
    # near miss: the same name in the sentence, unquoted, is a use
    assert quotes("You may not use MOZPL in the name of your licence.", "undefined-acronym",
                  ("Intro", FILLER)) == ["MOZPL"]


def test_over_ninety_words_no_structure_excuses_a_sentence():
    clauses = [
        "the contributor makes the modification available in source code form under the "
        "terms of this licence to every recipient who asks for it in writing",
        "the initial developer keeps a complete record of each change with its date, its "
        "author and a short description of what it was meant to fix",
        "any recipient may publish those records alongside the executable version, provided "
        "that the notices required by the third section remain intact",
        "nothing in this section limits the rights granted elsewhere in the agreement or in "
        "any later version of it published by the licence steward",
    ]
    sentence = "; ".join(clauses).capitalize() + "."
    (f,) = hits(sentence, "overlong-sentence")
    assert "96 words" in f.issue
    # near miss: two such clauses are built to be read
    assert hits("; ".join(clauses[:2]).capitalize() + ".", "overlong-sentence") == []


def test_a_document_of_a_few_words_has_no_empty_sections_to_fill():
    tiny = make_index(
        SectionInfo("s0", "Hello World", "", level=1, has_children=False),
        SectionInfo("s1", "This is the second paragraph.", "", level=1, has_children=False))
    assert [rf for rf in review_section(tiny, "s1") if rf.rule == "thin-section"] == []
    # near miss: the same empty heading in a document with text is a gap
    real = make_index(
        SectionInfo("s0", "Summary", PROSE, level=1, has_children=False),
        SectionInfo("s1", "Heading 2", "", level=1, has_children=False))
    assert [rf.rule for rf in review_section(real, "s1")] == ["thin-section"]


@pytest.mark.parametrize("text", [
    "To the extent that a standing trustee has a large number of resignations due to "
    "conflicts, the United States Trustee may appoint another standing trustee.",
    "If many merchants report errors, the on-call engineer pages the team lead.",
    "Failure to implement necessary changes shall result in appropriate remedial action.",
])
def test_a_threshold_in_a_condition_and_a_standard_with_shall_are_not_vague(text):
    assert quotes(text, "vague-wording") == []


def test_a_vague_count_in_a_reported_result_is_still_vague():
    assert quotes("After the change, many merchants reported errors.", "vague-wording") == [
        "many merchants"]


# --- heldout-7: code pasted into the prose without a code style ------------------------


@pytest.mark.parametrize("text, rule", [
    ("The realise step comes first.\n    # initialize a deflation stream\n"
     "The rest of the text is organised by chapter.", "spelling-variant"),
    ("error[E0382]: borrow of moved value\n  |  __________________^", "placeholder"),
    ("%Lexicon = (\n  ... and so on with other phrase => sub mappings ...\n);",
     "vague-wording"),
])
def test_nothing_is_found_in_a_line_of_code(text, rule):
    assert all(rf.rule != rule for rf in review(text, ("Intro", FILLER)))


def test_the_same_words_in_prose_are_still_found():
    assert quotes(f"The owner is ________ until Friday.\n{FILLER}", "placeholder") == [
        "________"]
    assert quotes("He added it to the the list.", "repeated-word") == ["the the"]


@pytest.mark.parametrize("line", [
    "(a) the licensee shall keep records; and",
    "Rec. | Action | Owner | Due",
    "4 | Synthetic traffic in staging | Test team | TBD",
    "Costs rose by 12% (from $40 to $45) in March.",
])
def test_prose_legal_items_and_table_rows_are_not_code(line):
    from desktop_app.ai.rules.text import is_code_line

    assert not is_code_line(line)


@pytest.mark.usefixtures("acronyms_without_gate")
def test_an_acronym_described_but_not_spelled_out_is_still_undefined():
    assert quotes("The CAB is a board that approves every change.", "undefined-acronym",
                  ("Intro", FILLER)) == ["CAB"]


# --- heldout-9: operators in code, names to type ---------------------------------------


def test_an_operator_in_a_statement_is_not_an_open_question():
    text = "Read the level:\nconst level = workerData?.level ?? 0;\nThen start the worker."
    assert quotes(f"{text}\n{FILLER}", "placeholder") == []
    # near miss: "??" in prose still is
    assert quotes(f"The deadline is ?? for now.\n{FILLER}", "placeholder") == ["??"]


def test_option_command_and_branch_names_are_not_spellings():
    text = ("Use git send-email, with diff --color-moved-ws, from al/send-email-auto-fixup. "
            "Support for format-patch (and send-email) improved. "
            "The colour of the e-mail window is grey. Our colour scheme is fixed. The "
            "favourite colour stays.")
    found = hits(text, "spelling-variant")
    assert all(f.quote not in ("email", "color") for f in found)
    # near miss: a word of the author's in a hyphenated compound still counts
    assert quotes("The well-organized team and the organised office and the organised "
                  "staff.", "spelling-variant") == ["organized"]
