"""Wrong and noisy findings of blind rounds heldout-27 and heldout-28 (issue 14), as general
cases with the near misses the rules must still report (tests that fail before the fix):

- acronyms: a product's name in capitals among other products' names ("Potlatch,
  Merkaartor and JOSM map editors", "ORBit, MICO, and The ACE Orb (TAO)") is a name, not
  an abbreviation to spell out;
- spelling: one family in one section ("converts colours" then "no colour conversion") is
  one choice, so one finding quoting each word (a second one was judged a duplicate in
  heldout-15, -16 and -28)."""

from __future__ import annotations

from tests.unit.test_local_rules import FILLER, SPELLS_OUT, hits, make_index, quotes, review_section

AC = "undefined-acronym"


def test_a_name_in_capitals_among_product_names_is_a_name():
    text = ("You can edit the map with Potlatch (in a web browser), Merkaartor and JOSM map "
            "editors. Other brokers exist: ORBit, MICO, and The ACE Orb (TAO).")
    assert quotes(text, AC, SPELLS_OUT) == []
    # near misses: among ordinary words, or at a name's end, the capitals are an acronym
    assert quotes("You can edit the map with pencils, paper and JOSM editors.", AC,
                  SPELLS_OUT) == ["JOSM"]
    assert quotes("The offices report to the Coffs Harbour LGA each month.", AC,
                  SPELLS_OUT) == ["LGA"]


SV = "spelling-variant"


def test_one_spelling_family_in_a_section_is_one_finding():
    american = ("Colour handling", "The color space and the color profile follow the "
                "behavior of the scanner; color depth and color tables are kept. " + FILLER)
    text = ("OCR converts colours as needed. Later, it does no colour conversion of its own. "
            + FILLER)
    (f,) = hits(text, SV, american)
    assert f.quote == "colours" and [q.quote for q in f.quotes] == ["colours", "colour"]
    assert '"colour"' in f.issue and f.rewrite is None
    assert 'Write "colors" and "color"' in f.suggestion
    # in another section the family is not raised again: the first finding names it
    # (heldout-31: a further comment on the same choice was noise) ...
    index = make_index(american, ("Reference", text), ("Batch", "It keeps the colours. "
                                                                 + FILLER))
    found = [(s.id, rf.finding) for s in index.sections for rf in review_section(index, s.id)
             if rf.rule == SV]
    assert [sid for sid, _ in found] == ["s1"]
    assert 'Spelled so also in "Batch" ("colours").' in found[0][1].issue
    assert "here and in those sections" in found[0][1].suggestion
    # a section of the same title elsewhere is named as another one
    index = make_index(american, ("Reference", text), ("Reference", "It keeps the colours. "
                                                                     + FILLER))
    (f,) = [rf.finding for s in index.sections for rf in review_section(index, s.id)
            if rf.rule == SV]
    assert 'Spelled so also in another "Reference" ("colours").' in f.issue
    # near miss: another family there is a choice of its own, and is raised
    emails = (american[0], american[1] + " Send an email. Reply by email.")
    index = make_index(emails, ("Reference", text), ("Batch", "It keeps the colours. Send "
                                                              "an e-mail. " + FILLER))
    found = [(s.id, rf.finding.quote) for s in index.sections
             for rf in review_section(index, s.id) if rf.rule == SV]
    assert found == [("s1", "colours"), ("s2", "e-mail")]
