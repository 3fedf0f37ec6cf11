"""Wrong findings of blind round heldout-27 (issue 14), as general cases with the near
misses the rules must still report (tests that fail before the fix): a product's name in
capitals among other products' names ("Potlatch, Merkaartor and JOSM map editors", "ORBit,
MICO, and The ACE Orb (TAO)") is a name, not an abbreviation to spell out."""

from __future__ import annotations

from tests.unit.test_local_rules import SPELLS_OUT, quotes

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
