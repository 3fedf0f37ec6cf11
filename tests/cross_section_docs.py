"""A report with four flaws planted across sections, and a near miss beside each.

Planted: a reference to a section that does not exist ("Section 7"), an acronym
spelled out two ways ("SLA"), a time given two values (the outage began at
14:02 / 14:20), a defined term used before the section that defines it
("Recovery Window"). Near misses: references to sections that exist, an
acronym spelled out the same way twice (MTTR), a value repeated (14:02 twice),
the term used after its definition.
"""

from __future__ import annotations

from pathlib import Path

from tests.docx_factory import p, write_docx

STYLES = "".join(
    f'<w:style w:type="paragraph" w:styleId="Heading{n}"><w:name w:val="heading {n}"/>'
    f'<w:pPr><w:outlineLvl w:val="{n - 1}"/></w:pPr></w:style>' for n in (1, 2))
PLANTED = [
    ("1 Summary", ["The card gateway failed on 14 March and payments stopped. The outage began "
                   "at 14:02 UTC. The service level agreement (SLA) was breached. Costs are in "
                   "Section 7; the timeline is in Section 4."]),
    ("2 Background", ["Restarts are allowed within the Recovery Window without approval.",
                      "The mean time to recovery (MTTR) is tracked monthly."]),
    ("3 Recovery rules", ['"Recovery Window" means the four hours after a failure.',
                          "A restart inside the Recovery Window needs no change ticket."]),
    ("4 Timeline", ["The outage began at 14:20 UTC, when the first payment failed.",
                    "The mean time to recovery (MTTR) was 52 minutes."]),
    ("5 Impact", ["Under the SLA (support level arrangement) refunds are owed.",
                  "The outage began at 14:02 UTC for card payments."]),
    ("6 Actions", ["Route the alerts to the pager. See Section 5 for the impact."]),
]
ISSUES = {  # what each planted flaw's finding says, and the sections it names
    "Section 7": ["1 Summary"],
    "“SLA” is spelled out 2 different ways": ["1 Summary", "5 Impact"],
    "The time the outage began": ["1 Summary", "4 Timeline"],
    "“Recovery Window” is used in “2 Background” before": ["2 Background",
                                                          "3 Recovery rules"],
}


def write(path: Path, sections: list[tuple[str, list[str]]] = PLANTED) -> Path:
    body = "".join(p(t, "Heading1") + "".join(p(x) for x in items) for t, items in sections)
    return write_docx(path, body, styles=STYLES)


