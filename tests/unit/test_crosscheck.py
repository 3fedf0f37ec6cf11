"""The built-in reviewer's cross-section checks: planted flaws found, near misses left alone."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop_app.ai.crosscheck import MAX_PER_CHECK, check_document, run_checks
from desktop_app.ai.provider import Cancelled, CancelToken
from desktop_app.document import load
from desktop_app.document.model import Document
from desktop_app.review.frameworks import find_framework
from tests.conftest import ROOT
from tests.docx_factory import p, table, write_docx

SAMPLE = ROOT / "resources" / "samples" / "Margin sample - incident investigation.docx"
STYLES = "".join(
    f'<w:style w:type="paragraph" w:styleId="Heading{n}"><w:name w:val="heading {n}"/>'
    f'<w:pPr><w:outlineLvl w:val="{n - 1}"/></w:pPr></w:style>' for n in (1, 2))

Spec = list[tuple[str, int, list]]  # (heading, level, paragraphs or table rows)


def make_doc(tmp_path: Path, sections: Spec, name: str = "doc.docx") -> Document:
    body = ""
    for title, level, items in sections:
        body += p(title, f"Heading{level}")
        for item in items:
            body += table(item) if isinstance(item, list) else p(item)
    return load(str(write_docx(tmp_path / name, body, styles=STYLES)))


def by_check(doc: Document) -> dict[str, list]:
    out: dict[str, list] = {}
    for cf in run_checks(doc):
        out.setdefault(cf.check, []).append(cf.finding)
    return out


def assert_anchored(doc: Document, findings) -> None:
    """Every quote verbatim from its own section, at its offsets."""
    texts = {s.id: s.text for s in doc.walk()}
    for f in findings:
        assert f.source == "rules" and f.id.startswith("d-")
        for q in f.quotes:
            assert q.anchored and texts[q.section][q.start:q.end] == q.quote


# ---- references ------------------------------------------------------------------------------

REPORT: Spec = [
    ("1 Summary", 1, ["This report covers the payment outage. The rollback plan is in "
                      "Section 7.3, and the costs are in Table 4.",
                      "Section 3.1 describes how the fault was detected (see also section 3.2)."]),
    ("2 Background", 1, ["Table 1: Systems affected",
                         [["System", "Owner"], ["paygate", "Payments"]],
                         "As Table 1 shows, two teams own the systems.",
                         "TABLE 2 \u2013 Costs by team",
                         [["Team", "Cost"], ["Payments", "4,000"]],
                         "Table 2 gives the costs. Details are in Appendix A; the raw logs are in "
                         "Appendix C."]),
    ("3 Detection", 1, ["How the fault was found."]),
    ("3.1 Alerts", 2, ["The alert fired late. See Figure 2-1 for the alert path."]),
    ("3.2 Diagnosis", 2, ["Figure 1-1: The payment path",
                          "The rules are in section 211 of the Delaware General Corporation Law "
                          "and in VA Handbook 6500.6, Appendix C. This is a Chapter 13 case."]),
    ("4 Actions", 1, ["See Section 4 for owners and Section 5 for dates."]),
    ("Appendix A: Logs", 1, ["Log excerpts."]),
    ("Appendix B: Glossary", 1, ["Terms used."]),
]


def test_references_to_what_does_not_exist_are_found(tmp_path: Path) -> None:
    doc = make_doc(tmp_path, REPORT)
    found = by_check(doc)["missing-reference"]
    targets = sorted(f.issue.split("\u201d")[0].lstrip("\u201c") for f in found)
    # 7.3: no section 7 at all; Table 4 after Tables 1-2; Appendix C after A and B;
    # Figure 2-1 where only Figure 1-1 exists; Section 5 in a document with sections 1-4.
    assert targets == ["Appendix C", "Figure 2-1", "Section 5", "Section 7.3", "Table 4"]
    assert_anchored(doc, found)
    table4 = next(f for f in found if "Table 4" in f.issue)
    assert "\u201c1 Summary\u201d" in table4.issue  # names the section it is in
    assert "Table 4" in table4.quotes[0].quote


def test_references_that_resolve_or_are_not_the_documents_are_left_alone(tmp_path: Path) -> None:
    doc = make_doc(tmp_path, REPORT)
    issues = " ".join(f.issue for f in by_check(doc)["missing-reference"])
    # "Section 3.1" resolves to heading "3.1 Alerts", "section 3.2" (lower case) too;
    # "TABLE 2 –" is a caption; "Appendix A" is a heading; "section 211 of the ..." and
    # "VA Handbook 6500.6, Appendix C" are other documents; "Chapter 13 case" is a name.
    for fine in ("Section 3.1", "section 3.2", "Table 2", "Table 1", "Appendix A", "211",
                 "Chapter 13", "Section 4\u201d"):
        assert fine not in issues


def test_section_references_are_not_judged_without_visible_heading_numbers(
        tmp_path: Path) -> None:
    # Word's automatic numbering is not in the text: the document's numbers are unknown.
    doc = make_doc(tmp_path, [("Introduction", 1, ["See Section 7.3 for details."]),
                              ("Scope", 1, ["Text."]), ("Method", 1, ["Text."])])
    assert "missing-reference" not in by_check(doc)


def test_paragraph_sign_references_against_paragraph_sign_headings(tmp_path: Path) -> None:
    doc = make_doc(tmp_path, [
        ("\u00a7 1 Scope", 1, ["These terms apply to all orders; fees are in \u00a7 2."]),
        ("\u00a7 2 Fees", 1, ["Late payment is governed by \u00a7 12. The trustee's duties "
                              "follow 11 U.S.C. \u00a7 704 and \u00a7 1302(b) of this title."]),
        ("\u00a7 3 Term", 1, ["Text."]), ("\u00a7 4 Law", 1, ["Text."]),
        ("Appendix", 1, ["No lettered appendices here; see Appendix C of the Standard."]),
    ])
    found = by_check(doc)["missing-reference"]
    assert [f.issue.split("\u201d")[0].lstrip("\u201c") for f in found] == ["\u00a7 12"]


def test_table_reference_without_any_captions_is_not_judged(tmp_path: Path) -> None:
    doc = make_doc(tmp_path, [("1 Results", 1, ["Table 4 lists the results."]),
                              ("2 Costs", 1, ["Text."]), ("3 Risks", 1, ["Text."])])
    assert "missing-reference" not in by_check(doc)


# ---- acronyms ----------------------------------------------------------------------------------

def test_an_acronym_expanded_two_ways_is_one_finding_quoting_both(tmp_path: Path) -> None:
    doc = make_doc(tmp_path, [
        ("Scope", 1, ["The Service Level Agreement (SLA) sets the targets. A root cause "
                      "analysis (RCA) follows every incident."]),
        ("Support", 1, ["Support hours are defined by the SLA (Service Level Assurance). "
                        "Each RCA (Root Cause Analysis) is reviewed. The PSP (payment service "
                        "providers) is Corvane."]),
        ("Glossary", 1, ["PSP: Payment Service Provider, the company that processes cards."]),
    ])
    found = by_check(doc)["acronym-expansion"]
    assert len(found) == 1  # RCA differs only in case, PSP only in a plural and a tail
    f = found[0]
    assert "\u201cSLA\u201d" in f.issue and "Service Level Agreement" in f.issue \
        and "Service Level Assurance" in f.issue
    assert "\u201cScope\u201d" in f.issue and "\u201cSupport\u201d" in f.issue
    assert [q.section for q in f.quotes] == [s.id for s in doc.walk()][:2]
    assert_anchored(doc, found)


# ---- values ------------------------------------------------------------------------------------

INCIDENT: Spec = [
    ("Summary", 1, ["The outage began at 14:02 UTC. The total budget for the remediation is "
                    "$1.2 million. The work is tracked in incident ticket INC-4471.",
                    "The first alert fired at 14:05. The database failover began at 14:30."]),
    ("Timeline", 1, ["The outage began at 14:20 UTC. The rollback began at 14:35.",
                     "The second alert fired at 14:09. The database failover began at 2:30 pm.",
                     "If the outage began at 13:50, the alert was late."]),
    ("Costs", 1, ["The hardware budget of $0.4 million is part of the total. The total budget "
                  "for the remediation is $1,200,000.",
                  "The budget for 2023 was $0.9 million. The budget for 2024 is $1.1 million."]),
    ("Actions", 1, ["Follow-up stays on incident ticket INC-4417. Change CHG-1001 and change "
                    "CHG-1002 are separate changes."]),
]


def test_one_named_value_stated_two_ways_is_found(tmp_path: Path) -> None:
    doc = make_doc(tmp_path, INCIDENT)
    found = by_check(doc)["conflicting-values"]
    issues = sorted(f.issue for f in found)
    assert len(found) == 2, issues
    outage = next(f for f in found if "14:02" in f.issue)
    assert "14:20" in outage.issue and "\u201cSummary\u201d" in outage.issue \
        and "\u201cTimeline\u201d" in outage.issue
    assert [q.quote for q in outage.quotes] == ["The outage began at 14:02 UTC.",
                                                "The outage began at 14:20 UTC."]
    ticket = next(f for f in found if "INC-4471" in f.issue)
    assert "INC-4417" in ticket.issue
    assert_anchored(doc, found)


def test_values_of_different_things_are_not_conflicts(tmp_path: Path) -> None:
    doc = make_doc(tmp_path, INCIDENT)
    issues = " ".join(f.issue for f in by_check(doc).get("conflicting-values", []))
    # the rollback and the outage are two events; the first and the second alert two
    # alerts; 14:30 is 2:30 pm; $1.2 million is $1,200,000 and the hardware budget a
    # subtotal; the budgets of 2023 and 2024 are two years; a hypothetical is no statement;
    # CHG-1001 and CHG-1002 are two changes.
    for fine in ("14:35", "14:09", "14:30", "0.4", "0.9", "1.1", "13:50", "CHG"):
        assert fine not in issues


def test_the_samples_duration_and_its_disruption_disagree() -> None:
    doc = load(str(SAMPLE))
    found = by_check(doc)["conflicting-values"]
    assert any("47 minutes" in f.issue and "94 minutes" in f.issue for f in found)


# ---- defined terms ------------------------------------------------------------------------------

def test_a_term_used_before_the_section_that_defines_it(tmp_path: Path) -> None:
    doc = make_doc(tmp_path, [
        ("Introduction", 1, ["This agreement is made between the parties."]),
        ("Scope", 1, ["Support starts on the Service Date and covers the Platform."]),
        ("Delivery", 1, ["Payments are due monthly."]),
        ("Commencement", 1, ["\u201cService Date\u201d means the date on which the Supplier "
                             "first makes the service available.",
                             "Kestrel Home Ltd (the \u201cCustomer\u201d) will pay the fees."]),
        ("Fees", 1, ["The Customer pays on the Service Date."]),
        ("Termination", 1, ["Text."]), ("Law", 1, ["Text."]), ("Notices", 1, ["Text."]),
        ("Signatures", 1, ["Text."]),
    ])
    found = by_check(doc)["term-before-definition"]
    assert len(found) == 1
    f = found[0]
    assert "\u201cService Date\u201d" in f.issue and "\u201cScope\u201d" in f.issue \
        and "\u201cCommencement\u201d" in f.issue
    assert "Service Date" in f.quotes[0].quote and "means" in f.quotes[1].quote
    assert_anchored(doc, found)


def test_a_definitions_section_referring_to_its_own_later_entries_is_fine(
        tmp_path: Path) -> None:
    doc = make_doc(tmp_path, [
        ("Introduction", 1, ["Text."]),
        ("Background", 1, ["Text."]),
        ("Services", 1, ["Text."]),
        ("Definitions", 1, ["\u201cFees\u201d means the charges for the Services payable on "
                            "each Invoice Date.",
                            "\u201cInvoice Date\u201d means the first day of each month."]),
        ("Fees", 1, ["Fees are due on the Invoice Date."]),
        ("Term", 1, ["Text."]), ("Law", 1, ["Text."]),
    ])
    assert "term-before-definition" not in by_check(doc)


# ---- the entry point ---------------------------------------------------------------------------

def test_findings_are_capped_per_check_and_the_rest_counted(tmp_path: Path) -> None:
    refs = " ".join(f"See Table {n}." for n in range(6, 13))
    captions = [f"Table {n}: Part {n}" for n in range(1, 6)]
    doc = make_doc(tmp_path, [("1 Results", 1, [*captions, refs]),
                              ("2 Risks", 1, ["Text."]), ("3 Plan", 1, ["Text."])])
    found = by_check(doc)["missing-reference"]
    assert len(found) == MAX_PER_CHECK
    assert found[-1].issue.endswith("(And 2 more like this: \u201cTable 11\u201d, "
                                    "\u201cTable 12\u201d.)")


def test_same_document_same_findings_same_ids(tmp_path: Path) -> None:
    doc = make_doc(tmp_path, INCIDENT + REPORT[1:3])
    first = [f.to_report() for f in check_document(doc)]
    again = [f.to_report() for f in check_document(make_doc(tmp_path, INCIDENT + REPORT[1:3],
                                                            name="copy.docx"))]
    assert first and first == again
    assert {"id", "quotes", "issue", "source", "decision"} <= set(first[0])


def test_framework_checkpoints_are_attached() -> None:
    framework = find_framework("Investigation report")
    found = check_document(load(str(SAMPLE)), framework)
    assert found and all(f.checkpoints for f in found)


def test_cancel_stops_the_checks(tmp_path: Path) -> None:
    token = CancelToken()
    token.cancel()
    with pytest.raises(Cancelled):
        check_document(make_doc(tmp_path, INCIDENT), cancel=token)
