"""Wrong findings of blind round heldout-16 (issue 14), each as a general case with
the near misses the rules must still report (tests that fail before the fix):

- a sentence ends at an ellipsis before a capital ("a standard PC\u2026 This is why");
- repeated words: columns lined up with spaces ("date            date"), arguments
  after an option ("-o texinfo texinfo"), an SQL comment ("-- etc etc");
- acronyms: SQL keywords and log levels are not acronyms ("GROUP BY", "ERROR:"); a long
  form in quotes after a citation ("POD [5] ("Plain Old Documentation")") and "by his
  initials, RMS" define them;
- placeholders: "the TODO list" names a page; "{insert,jump-to}" is a notation;
- spelling: words in code do not count, and an even split of different words sets no
  house style ("-ise twice, -ize twice")."""

from __future__ import annotations

from desktop_app.ai.rules.text import sentences
from tests.unit.test_local_rules import SPELLS_OUT, make_index, quotes, review_section

ACR, PH, REP = "undefined-acronym", "placeholder", "repeated-word"


def test_a_sentence_ends_at_an_ellipsis_before_a_capital():
    text = "It does not fit on a standard PC\u2026 This is why we split it. Wait\u2026 and see."
    assert [s.text for s in sentences(text)] == [
        "It does not fit on a standard PC\u2026", "This is why we split it.",
        "Wait\u2026 and see."]


def test_repeats_in_columns_options_and_comments_are_not_typos():
    assert quotes("name            text\ndate            date", REP) == []
    assert quotes('Run gendocs --texi2html -o texinfo texinfo "GNU Texinfo manual".',
                  REP) == []
    assert quotes("SELECT * FROM weather\n-- etc etc", REP) == []
    assert quotes("Check the the output of the -o option.", REP) == ["the the"]


def test_sql_keywords_and_log_levels_are_not_acronyms():
    text = ("Support for the GROUP BY query clause was added.\n"
            "ERROR: permission denied to create database")
    assert quotes(text, ACR, SPELLS_OUT) == []


def test_a_quoted_long_form_after_a_citation_and_initials_define_the_acronym():
    assert quotes('For example, Perl has POD [5] ("Plain Old Documentation") for its '
                  "modules. POD is simple.", ACR, SPELLS_OUT) == []
    assert quotes("Richard M. Stallman (often referred to by his initials, RMS) founded "
                  "the project. RMS still speaks.", ACR, SPELLS_OUT) == []
    # near miss: a quotation whose capitals do not spell the letters defines nothing
    assert quotes('The QXB ("A Review Of Everything") meets monthly.', ACR,
                  SPELLS_OUT) == ["QXB"]


def test_the_todo_list_and_a_notation_in_braces_are_not_placeholders():
    assert quotes("Before you continue, check on the TODO list and in the FAQ.", PH) == []
    assert quotes("Write the entry as \u2018* register.el ({insert,jump-to}-register)\u2019.",
                  PH) == []
    assert quotes("The budget owner is TODO and the dates are open.", PH) == ["TODO"]
    assert quotes("Dear {insert client name}, thank you.", PH) == ["{insert client name}"]


def _spelling(*sections: tuple[str, str]) -> list[str]:
    index = make_index(*sections)
    return [rf.finding.quote for n in range(len(sections))
            for rf in review_section(index, f"s{n}") if rf.rule == "spelling-variant"]


def test_an_even_split_of_different_words_sets_no_house_style():
    assert _spelling(("A", "We will organise the visit and recognise the team."),
                     ("B", "The menus were reorganized and the parser recognizes tabs.")) == []
    # near misses: a majority, or the same word spelled both ways
    assert _spelling(("A", "We will organise the visit, recognise the team and "
                           "prioritise the fixes."),
                     ("B", "The menus were reorganized.")) == ["reorganized"]
    assert _spelling(("A", "We will organise the visit."),
                     ("B", "They organize the rest.")) == ["organize"]


def test_words_in_code_do_not_count_towards_a_spelling():
    assert _spelling(("A", "The team will organise the visit."),
                     ("B", "    organizer = make_organizer(config) # organize(config);")) == []


def _numbers(text: str) -> list[str]:
    index = make_index(("Intro", text), ("More", "It lists 1,500 entries, 2,300 names and "
                                                  "4,100 places in all."))
    return [rf.finding.quote for rf in review_section(index, "s0") if rf.rule == "number-format"]


def test_sizes_in_computing_and_quoted_names_are_not_numbers_to_format():
    assert _numbers("Read the file in chunks (say, 1024 or 4096 bytes) as you go.") == []
    assert _numbers("Names such as 'latin-1', 'iso_8859_1' and \u20188859\u2019 are all "
                    "synonyms for the same encoding.") == []
    # near miss: a count written without its separator is still one
    assert _numbers("The survey reached 4500 households in the region last spring.") == [
        "4500"]
