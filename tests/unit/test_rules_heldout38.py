"""Wrong and noisy findings of blind round heldout-38 (issue 14), as general cases with
the near misses the rules must still report (tests that fail before the fix):

- acronyms: a heading "Balloon Analogue Risk Task (BART)" defines BART for the text under
  it and after; a cited title in the references ("... Wilkinson Microwave Anisotropy Probe
  (WMAP) ...") spells it out for its own readers, and is no definition in this text."""

from __future__ import annotations

from tests.unit.test_local_rules import PAGE, SPELLS_OUT, make_index, review_section

AC = "undefined-acronym"


def _acronyms(index, sid):
    return [rf.finding.quote for rf in review_section(index, sid) if rf.rule == AC]


def test_a_heading_spells_out_the_acronym_for_the_text_under_it():
    refs = ("References", "Lejuez, C. W. (2002). Evaluation of a behavioral measure of risk "
                          "taking: the Balloon Analogue Risk Task (BART).")
    task = ("Task description", f"This is a simplified version of the BART task. {PAGE}")
    index = make_index(SPELLS_OUT, ("Balloon Analogue Risk Task (BART)", ""), task, refs)
    assert _acronyms(index, "s2") == []
    # near miss: used before the heading, it is still used before it is spelled out
    index = make_index(SPELLS_OUT, ("Demos", f"Try the BART demo first. {PAGE}"),
                       ("Balloon Analogue Risk Task (BART)", ""), task, refs)
    assert _acronyms(index, "s1") == ["BART"]


def test_a_cited_title_in_the_references_is_no_definition():
    intro = ("Introduction", f"Parameters come from the WMAP and QXZ data. {PAGE}")
    refs = ("References", "Hinshaw, G. (2013). Nine-year Wilkinson Microwave Anisotropy Probe "
                          "(WMAP) observations. Quantum Xray Zone (QXZ) survey.")
    found = [rf.finding.issue for rf in review_section(make_index(SPELLS_OUT, intro, refs),
                                                       "s1") if rf.rule == AC]
    assert not any("References" in issue for issue in found)
    # near miss: spelled out later in the text itself, it is used before its definition
    later = ("Data", "The Wilkinson Microwave Anisotropy Probe (WMAP) mapped the sky.")
    found = [rf.finding.issue for rf in review_section(make_index(SPELLS_OUT, intro, later),
                                                       "s1") if rf.rule == AC]
    assert any('"Wilkinson Microwave Anisotropy Probe (WMAP)" in "Data"' in i for i in found)
