"""Wrong findings of blind round heldout-18 (issue 14), each as a general case with
the near misses the rules must still report (tests that fail before the fix):

- placeholders: a marker that is part of a file name or an address ("a missing
  XXX.bin file", "XXX.XXX.XXX.0/24") stands for what the reader sees there;
- empty sections: "TODO page" in a list of links names a page, it defers nothing;
- acronyms: "also called \u201csymmetric multiprocessing\u201d or SMP" defines SMP;
  "RDP - the easiest way to ..." describes, it does not define (after a dash the
  words must spell the letters, as after a bar);
- sentences: "..., and R. Given this understanding, ..." is two sentences."""

from __future__ import annotations

from desktop_app.ai.rules.acronyms import acronym_definitions
from desktop_app.ai.rules.text import sentences
from tests.unit.test_local_rules import quotes

PH, THIN = "placeholder", "thin-section"


def test_a_marker_in_a_file_name_or_an_address_is_a_wildcard():
    text = ("If PXE installation fails with an error message claiming a XXX.bin file is "
            "missing, the network card needs firmware. Take your own address and change "
            "the last digits to zero, like so: XXX.XXX.XXX.0/24 and scan it.")
    assert quotes(text, PH) == []
    # near misses: a value left out, at the end of a sentence too
    assert quotes("The budget for the pilot is XXX. The board meets in May.", PH) == ["XXX"]
    assert quotes("The contract starts on TBD and runs for a year.", PH) == ["TBD"]


def test_a_todo_page_in_a_list_of_links_defers_nothing():
    links = ("Our vision explains what we want to achieve.\nDeveloper Manual\n"
             "Progress calls\nTODO page\nDonation page")
    before = ("Overview", "The project builds a private server for the home. " * 8)
    assert quotes(links, THIN, before, title="Quick Links") == []
    # near miss: a short section that says its content is still to come
    assert len(quotes("Links: TODO, after the launch.", THIN, before, title="Quick Links")) == 1


def test_a_long_form_in_quotes_then_or_and_the_acronym_defines_it():
    line = ("Multiprocessor support \u2014 also called \u201csymmetric multiprocessing\u201d "
            "or SMP \u2014 is available for this architecture.")
    assert [d[0] for d in acronym_definitions(line)] == ["SMP"]
    # near miss: quoted words that do not spell the letters define nothing
    assert acronym_definitions("It is \u201cvery fast\u201d or SMP, they say.") == []


def test_a_description_after_a_dash_does_not_define_an_acronym():
    assert acronym_definitions("RDP - the easiest way to access a Windows terminal "
                               "server.") == []
    # near misses: after a dash the spelled-out words, after a colon a description
    assert [d[0] for d in acronym_definitions(
        "RDP - Remote Desktop Protocol, used by Windows.")] == ["RDP"]
    assert [d[0] for d in acronym_definitions(
        "CAB: the board that approves every change.")] == ["CAB"]


def test_a_one_letter_name_then_given_ends_the_sentence():
    text = ("We can regard S as a language with three implementations, and R. Given this "
            "understanding, asking for the differences amounts to little.")
    assert [s.text[:5] for s in sentences(text)] == ["We ca", "Given"]
    # near miss: an initial before a surname that is no sentence word
    assert len(sentences("The study by R. Ihaka and R. Gentleman is cited.")) == 1
