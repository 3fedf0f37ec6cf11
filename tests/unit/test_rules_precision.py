"""Precision first (issue 14): the weak rules ask what kind of document they read.

Never-defined acronyms only in documents written for general readers, not technical
ones; vague wording only in documents that report results; passives outside reports
only in recommendations naming no owner, never in technical documents; "never
addresses" only for a framework's required parts, not for General writing quality.
Each gate with the near miss on the other side of it."""

from __future__ import annotations

import pytest

from desktop_app.ai.rules.document import SectionInfo
from desktop_app.ai.rules.genre import is_technical
from desktop_app.review.frameworks import find_framework
from tests.unit.test_local_rules import PROSE, make_index, review_section

GW = find_framework("General writing quality")
IR = find_framework("Investigation report")

# A survey report's results: two sentences with a percentage or an amount of money.
FIGURES = ("Results", "Of the 120 managers surveyed, 64% reported staff shortages. "
                      "Agency staff cost $2.4 million in 2003.")
# A manual's setup: options and paths in its prose, code throughout (20/1,000 words
# with PROSE), yet below the developer-reference threshold of the acronym rule.
SETUP = ("Setup", "\n".join(f"Start the collector with --level={i} and write its log to "
                            f"/var/log/collector{i}.log before the survey." for i in range(8)))
# The near miss: a report's links and its table of results look like code, are not.
LINKS = ("Sources", "\n".join(f"The results of site {i} are at https://example.org/site{i} "
                              f"and in the table: Lead | <0.005 | 11/3/{i:02d}"
                              for i in range(5)))


def found(sections: list[tuple[str, str]], rule: str, framework=GW) -> list[str]:
    index = make_index(*sections)
    out = []
    for info in index.sections:
        out += [rf.finding.quote for rf in review_section(index, info.id, framework)
                if rf.rule == rule]
    return out


# --- the signal: technical documents ------------------------------------------------


def test_code_throughout_the_prose_makes_a_document_technical():
    assert is_technical([SectionInfo("a", "Method", PROSE), SectionInfo("b", *SETUP)])
    # near misses: a report's addresses, comparisons and dates are not code; nor a few
    # options in a long text
    assert not is_technical([SectionInfo("a", "Method", PROSE), SectionInfo("b", *LINKS)])
    few = ("Setup", "Start it with --level=1 and read /var/log/collector.log after.")
    assert not is_technical([SectionInfo("a", "Method", PROSE), SectionInfo("b", *few)])


# --- undefined acronyms: never defined, only for general readers ------------------------

DEFINED = ("Summary", "The Local Government Area (LGA), the Home and Community Care "
                      "program (HACC), the Assistant in Nursing (AIN) and the Department of "
                      "Health (DOH) funded the survey. Staff at the MNC clinic were "
                      "interviewed in March.")


def test_a_never_defined_acronym_is_raised_for_general_readers():
    assert found([DEFINED, ("Method", PROSE)], "undefined-acronym") == ["MNC"]
    assert found([DEFINED, ("Method", PROSE), LINKS], "undefined-acronym") == ["MNC"]


def test_a_never_defined_acronym_in_a_technical_document_is_a_name_its_readers_know():
    assert found([DEFINED, ("Method", PROSE), SETUP], "undefined-acronym") == []


def test_an_acronym_used_before_its_definition_is_raised_in_a_technical_document_too():
    early = ("Overview", "The TSC votes on every release of the collector.")
    later = ("Governance", "The Technical Steering Committee (TSC) meets monthly.")
    assert found([early, ("Method", PROSE), SETUP, later], "undefined-acronym") == ["TSC"]


# --- vague wording: only where results are reported --------------------------------------

VAGUE = ("Discussion", "Most managers stated that the younger workers do not stay.")


def test_a_vague_amount_in_a_report_of_results_is_flagged():
    assert found([FIGURES, VAGUE, ("Method", PROSE)], "vague-wording") == ["Most managers"]


@pytest.mark.parametrize("extra", [[], [SETUP]], ids=["no figures", "technical"])
def test_the_same_words_where_no_figures_are_reported_or_in_a_manual_are_register(extra):
    sections = [VAGUE, ("Method", PROSE), *extra]
    if extra:
        sections.insert(0, FIGURES)  # a manual stating figures still is a manual
    assert found(sections, "vague-wording") == []


# --- passive voice: reports; elsewhere only recommendations without an owner -------------

HIDDEN = ("Response", "The alert was not escalated by 10:00.")
RECOMMEND = ("Recommendations", "We recommend that the profile of nursing be raised.")


def test_a_passive_hiding_who_failed_is_flagged_in_a_report():
    assert found([FIGURES, HIDDEN, ("Method", PROSE)], "passive-voice") == [
        "The alert was not escalated"]


def test_the_same_passive_outside_a_report_is_left_alone():
    assert found([HIDDEN, ("Method", PROSE)], "passive-voice") == []


def test_a_recommendation_naming_no_owner_is_flagged_in_any_document_for_people():
    assert found([RECOMMEND, ("Method", PROSE)], "passive-voice") == [
        "the profile of nursing be raised"]


def test_nothing_passive_is_raised_in_a_technical_document():
    assert found([FIGURES, HIDDEN, RECOMMEND, ("Method", PROSE), SETUP],
                 "passive-voice") == []


# --- checkpoint coverage: a framework's required parts, not how any text is written ------

MANUAL = [("Installing", "Copy the files and run the installer."),
          ("Options", "Each option changes one setting."),
          *[(f"Chapter {i}", PROSE) for i in range(4)]]


def test_general_writing_never_asks_a_manual_for_a_purpose_or_conclusions():
    # the manual has neither "purpose" nor "conclusions": it needs neither
    assert found(MANUAL, "checkpoint-coverage") == []


def test_a_domain_framework_still_reports_a_required_part_the_document_lacks():
    index = make_index(*MANUAL)
    coverage = [rf.finding for rf in review_section(index, "s0", IR)
                if rf.rule == "checkpoint-coverage"]
    assert ["IR-02"] in [f.checkpoints for f in coverage]  # no timeline anywhere
    # near miss: a document with a timeline is not asked for one
    with_timeline = make_index(("Timeline", "09:41 UTC: the alert fired."), *MANUAL)
    assert ["IR-02"] not in [rf.finding.checkpoints
                             for rf in review_section(with_timeline, "s0", IR)
                             if rf.rule == "checkpoint-coverage"]


# Vague amounts outside a report: sentences of judged documents (heldout-11: manuals,
# FAQs, a README) where "a lot of" is register, and an open list closing an example.
REGISTER = [
    "There are a lot of files out there. They come in all dates and sizes.",
    "Quite a lot of reports are not actually bugs; for these the user gets an explanation.",
    "Gnulib is used by quite a number of GNU projects, and this means that it gets plenty "
    "of testing.",
    "For example the xmlXPathCtxt has a lot of unused parts and should probably be merged.",
    "A lot of the ideas in his papers should be implemented in the library.",
    "This comes in handy when you have a lot of Rust projects!",
    "Many of their patches relate only to standards for file locations and so forth, and "
    "are therefore distribution specific.",
]


@pytest.mark.parametrize("text", REGISTER)
def test_a_vague_amount_in_a_document_that_reports_no_figures_is_register(text):
    assert found([("Intro", PROSE), ("Notes", text)], "vague-wording") == []


def test_the_same_vague_words_in_a_report_are_flagged():
    # as reported results, and an open list after "such as" (said twice)
    reported = REGISTER[1].replace("are not", "were not").replace("gets", "got")
    assert found([FIGURES, ("Notes", reported)], "vague-wording") == ["Quite a lot of reports"]
    such_as = REGISTER[-1].replace("standards for", "standards such as")
    assert found([FIGURES, ("Notes", such_as)], "vague-wording") == ["and so forth"]


def test_one_sentence_with_a_figure_does_not_make_a_report():
    one = make_index(("Intro", "Turnover fell to 18% last year. " + "The staff met. " * 10))
    assert not one.reports_figures and make_index(FIGURES).reports_figures
    assert found([("Intro", "Turnover fell to 18% last year."),
                  ("Notes", "Quite a lot of reports are not bugs.")], "vague-wording") == []
