"""Where document-level and section findings meet: absorbed, replaced on a rerun, decisions
carried over."""

from __future__ import annotations

from desktop_app.review.document_findings import DocumentFinding, DocumentQuote
from desktop_app.review.document_merge import fold, in_document_order
from desktop_app.review.findings import Finding

SUMMARY = "The outage lasted 47 minutes, from 09:18 to 10:52."
IMPACT = "Customers saw 94 minutes of disruption."
ISSUE = "The outage is 47 minutes in the Summary but 94 minutes in Impact."


def doc(issue: str = ISSUE, *, decision: str = "pending", fid: str = "",
        quotes: list[DocumentQuote] | None = None) -> DocumentFinding:
    d = DocumentFinding("consistency", "major", 0.9, issue, "Use one figure.", quotes=quotes or [
        DocumentQuote("sum", "The outage lasted 47 minutes", True, None, 0, 28),
        DocumentQuote("imp", "94 minutes of disruption", True, None, 14, 38)],
        decision=decision, id=fid)
    d.ensure_id()
    return d


def section_finding(fid: str, issue: str = "47 minutes here, but 94 minutes in Impact.",
                    decision: str = "pending", source: str = "model") -> Finding:
    return Finding("consistency", "minor", 0.6, "The outage lasted 47 minutes", issue, "Check.",
                   anchored=True, start=0, end=28, decision=decision, id=fid, source=source)


def test_a_new_pass_finding_absorbs_the_section_finding_it_repeats_and_keeps_its_decision():
    accepted = section_finding("f-1", decision="accepted")
    folded = fold({"sum": [accepted], "imp": []}, [], "consistency", [doc()])
    [(origin, merged)] = folded.document
    assert origin == "consistency"
    assert folded.absorbed == {"f-1": merged.id}
    assert merged.decision == "accepted"  # the reviewer's decision carried over
    assert {q.section for q in merged.quotes} == {"sum", "imp"}
    assert accepted.decision == "accepted" and accepted.id == "f-1"  # inputs untouched


def test_a_rerun_replaces_what_it_found_before_and_keeps_the_other_pass():
    old = doc(decision="accepted")
    gone = doc("Table 4 is referenced but the document has no Table 4.", quotes=[
        DocumentQuote("imp", "Customers saw", True, None, 0, 13)])
    rules = doc("The acronym SLA is expanded two ways.", quotes=[
        DocumentQuote("sum", "from 09:18", True, None, 30, 40)])
    prior = [("consistency", old), ("consistency", gone), ("rules", rules)]
    folded = fold({}, prior, "consistency", [doc()])  # the same finding found again
    kept = {d.id: (origin, d.decision) for origin, d in folded.document}
    assert kept == {old.id: ("consistency", "accepted"), rules.id: ("rules", "pending")}
    assert gone.id not in kept


def test_a_section_finding_comes_back_when_its_document_finding_goes():
    f = section_finding("f-1")
    first = fold({"sum": [f]}, [], "consistency", [doc()])
    assert "f-1" in first.absorbed
    again = fold({"sum": [f]}, first.document, "consistency", [])
    assert again.document == [] and again.absorbed == {}


def test_a_section_answer_meeting_a_document_finding_is_absorbed_without_a_pass():
    prior = [("rules", doc(decision="rejected"))]
    folded = fold({"sum": [section_finding("f-2")]}, prior)
    [(origin, merged)] = folded.document
    assert origin == "rules" and folded.absorbed == {"f-2": merged.id}
    assert merged.decision == "rejected"


def test_near_misses_and_own_findings_are_never_absorbed():
    other_issue = section_finding("f-3", issue="Passive voice hides who declared the outage.")
    own = section_finding("u-1", source="user")
    folded = fold({"sum": [other_issue, own]}, [], "consistency", [doc()])
    assert folded.absorbed == {}
    [(_, d)] = folded.document
    assert d.id == doc().id  # untouched: its own id


def test_two_section_findings_alone_never_make_a_document_finding():
    a = Finding("style", "minor", 0.5, "lasted 47 minutes, from", "Wordy phrasing here.", "",
                anchored=True, start=11, end=34, id="a")
    b = Finding("style", "minor", 0.5, "47 minutes, from 09:18", "Wordy phrasing here.", "",
                anchored=True, start=18, end=40, id="b")
    folded = fold({"sum": [a, b]}, [], "rules", [])
    assert folded.document == [] and folded.absorbed == {}


def test_document_order_follows_the_first_place():
    late = doc("Late.", quotes=[DocumentQuote("imp", "Customers", True, None, 0, 9)])
    early = doc("Early.", quotes=[DocumentQuote("sum", "outage", True, None, 4, 10)])
    ordered = in_document_order([("rules", late), ("rules", early)], {"sum": 0, "imp": 1})
    assert [d.issue for _, d in ordered] == ["Early.", "Late."]
