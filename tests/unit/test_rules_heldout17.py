"""Wrong findings of blind round heldout-17 (issue 14), each as a general case with
the near misses the rules must still report (tests that fail before the fix):

- acronyms: a key's label ("the META key (usually labeled ALT)", "press ESC") is a name
  printed on a thing, and "a META (or ALT) key" defines nothing; a label before an
  address ("PGP: https://...") is no glossary entry; "TL;DR" is one term; the capitals
  of a product's model name ("Radeon RX 5700 XT Gaming OC") are the maker's letters;
- placeholders: "these TODO items" names the items of a list of work;
- spelling: a word joined to a package's name ("numpy-datasets") is part of the name.

(Sample and log lines shown as code - "Oops: 0000 [#1] SMP", "SCM: git git://..." - are
another branch's: code paragraphs carried from the .docx.)"""

from __future__ import annotations

from desktop_app.ai.rules.acronyms import acronym_definitions
from tests.unit.test_local_rules import SPELLS_OUT, hits, make_index, quotes, review_section

ACR, PH = "undefined-acronym", "placeholder"


def test_a_key_label_is_not_an_acronym_to_spell_out():
    text = ("Emacs commands generally involve the CONTROL key (often labeled CTRL) or the "
            "META key (usually labeled ALT). If you have a META (or ALT) key, type the "
            "digits while holding it.")
    assert quotes(text, ACR, SPELLS_OUT) == []
    assert quotes("To close the window, press ESC twice.", ACR, SPELLS_OUT) == []
    assert quotes("Hold down the FN key and tap the arrow.", ACR, SPELLS_OUT) == []
    # near misses: a team, and "key" as an adjective, are not labels
    assert quotes("The ALT team approved it.", ACR, SPELLS_OUT) == ["ALT"]
    assert quotes("The PMO key findings are in the annex.", ACR, SPELLS_OUT) == ["PMO"]


def test_another_name_in_brackets_after_capitals_defines_nothing():
    # "a META (or ALT)" is the other label of one key, not "ALT = you have a META"
    assert acronym_definitions("If you have a META (or ALT) key, type the digits.") == []
    assert acronym_definitions("The Quality Review Board (or QRB) meets.") == [
        ("QRB", "Quality Review Board", False)]


def test_a_label_before_an_address_is_not_a_glossary_entry():
    assert acronym_definitions("PGP: https://www.kernel.org/static/files/hw-security.asc") == []
    assert acronym_definitions("CSIRT: security@example.org") == []
    # near miss: a glossary line still defines its acronym
    assert acronym_definitions("PGP: Pretty Good Privacy") == [("PGP", "Pretty Good Privacy",
                                                                True)]
    found = hits("Mail to the list must be PGP signed.\nThe list's keys are at:\n"
                 "PGP: https://www.kernel.org/static/files/hw-security.asc", ACR, SPELLS_OUT)
    assert not any("before it is defined" in f.issue for f in found)
    found = hits("Mail to the list must be PGP signed.\nGlossary:\nPGP: Pretty Good Privacy",
                 ACR, SPELLS_OUT)
    assert [f.quote for f in found if "before it is defined" in f.issue] == ["PGP"]


def test_tl_dr_is_one_term():
    assert quotes("The above TL;DR outlines roughly how to report issues. This section "
                  "covers a few more aspects than the TL;DR does.", ACR, SPELLS_OUT) == []
    # near miss: a semicolon with a space after it ends a clause
    assert quotes("Send it to the CAB; they approve it.", ACR, SPELLS_OUT) == ["CAB"]


def test_the_capitals_of_a_model_name_are_not_acronyms():
    assert quotes("Its exact brand name (say \u2018ASUS Red Devil Radeon RX 5700 XT Gaming "
                  "OC\u2019) often is not much help.", ACR, SPELLS_OUT) == []
    assert quotes("The board is an ASUS Prime X570-P with a Radeon RX 6800 XT OC card.",
                  ACR, SPELLS_OUT) == []
    # near misses: a year is no model number; real abbreviations stay
    assert quotes("The CAB Review 2024 starts in May.", ACR, SPELLS_OUT) == ["CAB"]
    assert quotes("The board met 12 times: the CAB Review Meeting 2024 approved 400 changes.",
                  ACR, SPELLS_OUT) == ["CAB"]
    assert quotes("Ensure it is vanilla (IOW: not patched), and remove the modules that "
                  "solutions like DKMS add.", ACR, SPELLS_OUT) == ["IOW", "DKMS"]


def test_the_items_of_a_todo_list_are_not_placeholders():
    assert quotes("If you are ready to start working on any of these TODO items, we "
                  "appreciate your help.", PH) == []
    assert quotes("Add new TODO entries at the end of the file.", PH) == []
    # near misses: a marker left in the text
    assert quotes("TODO: add the figures.", PH) == ["TODO: add the figures."]
    assert quotes("The budget owner is TODO and the dates are open.", PH) == ["TODO"]


def _spelling(*sections: tuple[str, str]) -> list[str]:
    index = make_index(*sections)
    return [rf.finding.quote for n in range(len(sections))
            for rf in review_section(index, f"s{n}") if rf.rule == "spelling-variant"]


def test_a_word_joined_to_a_package_name_is_part_of_the_name():
    prose = ("A", "The data sets of the survey are open. Two data sets are large.")
    assert _spelling(prose, ("B", "Put them in a new package, named numpy-datasets or "
                                  "scipy-datasets or something similar.")) == []
    # near misses: the word in prose, and in a compound of English words
    assert _spelling(prose, ("B", "The datasets are public.")) == ["datasets"]
    assert _spelling(prose, ("B", "They load the big-datasets quickly.")) == ["datasets"]
