"""Wrong findings of blind rounds heldout-35 and -36 (issue 14), as general cases with the
near misses the rules must still report (tests that fail before the fix):

- placeholders: a button's label in the brackets a manual sets controls in ("press the
  [Add Subtable] button") is no slot left unfilled; "the word FIXME" names the marker,
  it does not leave one in;
- acronyms: a paper calls its authors by the initials of its byline ("DH is supported by
  ...", "GM acknowledges ..."); a section's title cited in the prose ("see What are the
  IERS tables and how do I update them?") is a cross-reference, not a use;
- overlong sentences: citations ("(Bradt et al., 1993)", "[12]") are skipped by the reader
  and do not count towards a sentence's length; its words still do."""

from __future__ import annotations

from tests.unit.test_local_rules import PAGE, SPELLS_OUT, make_index, quotes, review_section

AC, OL, PH = "undefined-acronym", "overlong-sentence", "placeholder"


def test_a_control_label_in_brackets_is_not_a_slot():
    text = ("Select the lookup again and press the [Add Subtable] button, which asks you "
            "to name the subtable. Then choose the [Insert Row] menu item.")
    assert quotes(text, PH) == []
    # near miss: the same brackets with no control after them are a slot left unfilled
    assert quotes("The kerning classes are [Add Subtable names here] for now.", PH) == [
        "[Add Subtable names here]"]


def test_the_word_fixme_names_the_marker():
    text = ("GNU Go adopted the convention of putting the word FIXME in comments to denote "
            "known bugs. Search for the string TODO to find open work.")
    assert quotes(text, PH) == []
    # near miss: a FIXME standing in the text is still left in
    assert quotes("The default board size is FIXME for now.", PH) == ["FIXME"]


def test_authors_called_by_the_initials_of_the_byline():
    byline = ("Stingray 2", "Matteo Bachetti, Daniela Huppenkothen, Eleonora Veronica Lai "
                            "and Guglielmo Mastroserio\nStingray is a library for timing.")
    thanks = ("Acknowledgments", "DH is supported by the national science programme. GM "
                                 "acknowledges financial support from the union. EVL thanks "
                                 "the QXZ for its grant.")
    index = make_index(SPELLS_OUT, byline, thanks)
    found = [rf.finding.quote for rf in review_section(index, "s2") if rf.rule == AC]
    # near miss: a body's letters that match no author are still reported
    assert found == ["QXZ"]
    # and without the byline the initials are abbreviations nobody spelled out
    index = make_index(SPELLS_OUT, ("Stingray 2", "Stingray is a library for timing."), thanks)
    found = [rf.finding.quote for rf in review_section(index, "s2") if rf.rule == AC]
    assert "DH" in found and "GM" in found


CITED = ("It is based on existing implementations of Fourier methods in Numpy (Millman & "
         "Aivazis, 2011) and Scipy (Jones et al., 2001\u2013), but wraps them in classes and "
         "functions that allow easy application on astronomical data sets, especially from "
         "timing telescopes like the Rossi Timing Explorer (Bradt et al., 1993), the "
         "Spectroscopic Telescope Array (Harrison et al., 2013; Madsen et al., 2015) and the "
         "Neutron Star Interior Explorer [12, 14].")


def test_citations_do_not_count_towards_a_sentences_length():
    assert len(CITED.split()) > 60
    assert quotes(CITED, OL) == []
    # near miss: the same sentence with ten more words of its own is still overlong
    longer = CITED.replace("but wraps", "but, for the convenience of every user of the "
                                        "package, wraps").replace(
        "easy application", "easy and quick application to the light curves and")
    assert len(quotes(longer, OL)) == 1


def test_a_cited_section_title_is_no_use_of_its_acronym():
    faq = ("Why is my target below the horizon?", "The difference arises from the Earth's "
           "rotation; see What are the IERS tables and how do I update them? for more. "
           + PAGE)
    tables = ("What are the IERS tables and how do I update them?",
              "The International Earth Rotation and Reference Systems Service (IERS) "
              "publishes tables of the Earth's rotation.")
    index = make_index(SPELLS_OUT, faq, tables)
    assert [rf for rf in review_section(index, "s1") if rf.rule == AC] == []
    # near miss: the same letters in the prose itself are used before their definition
    faq = (faq[0], f"The difference arises from the IERS tables; update them often. {PAGE}")
    index = make_index(SPELLS_OUT, faq, tables)
    assert [rf.finding.quote for rf in review_section(index, "s1") if rf.rule == AC] == [
        "IERS"]
