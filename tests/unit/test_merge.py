"""One finding, one place: duplicates across sections, parts and passes merge; near misses
do not."""

from __future__ import annotations

from desktop_app.review.document_findings import DocumentFinding, DocumentQuote
from desktop_app.review.findings import Finding
from desktop_app.review.merge import merge_document_findings, merge_findings, same_issue

TEXT = ("The outage lasted 47 minutes, from 09:18 to 10:52. Alerts went to an e-mail list. "
        "Nobody read it.")


def finding(quote: str, issue: str, *, severity: str = "minor", confidence: float = 0.6,
            category: str = "consistency", fid: str = "", anchored: bool = True,
            checkpoints: list[str] | None = None, decision: str = "pending") -> Finding:
    start = TEXT.find(quote) if anchored else -1
    f = Finding(category, severity, confidence, quote, issue, "Fix it.",
                checkpoints=checkpoints or [], anchored=start >= 0,
                start=start if start >= 0 else None,
                end=start + len(quote) if start >= 0 else None, decision=decision, id=fid)
    return f


DURATION = "The stated duration of 47 minutes contradicts the times 09:18 to 10:52."
DURATION_2 = "Duration 47 minutes contradicts the 09:18 to 10:52 times given."
PASSIVE = "Passive voice hides who routed the alerts to the e-mail list."


def test_two_parts_reporting_one_problem_on_one_passage_become_one_finding():
    a = finding("The outage lasted 47 minutes", DURATION, fid="a", checkpoints=["IR-1"])
    b = finding("The outage lasted 47 minutes, from 09:18 to 10:52.", DURATION_2, fid="b",
                severity="major", confidence=0.8, checkpoints=["IR-2"])
    merged = merge_findings({"s1": [a, b]})
    [kept] = merged.sections["s1"]
    assert kept.id == "b" and kept.severity == "major" and kept.confidence == 0.8
    assert kept.quote == b.quote  # contains a's quote: every quote kept
    assert kept.checkpoints == ["IR-2", "IR-1"]
    assert merged.absorbed == {"a": "b"} and merged.document == []
    assert a.checkpoints == ["IR-1"]  # the inputs are not changed


def test_near_misses_stay_apart():
    same_quote_other_issue = [finding("Alerts went to an e-mail list.", PASSIVE, fid="p",
                                      category="style"),
                              finding("Alerts went to an e-mail list.",
                                      "Which list, and who owned it, is not said.", fid="v",
                                      category="vague")]
    touching = [finding("The outage lasted 47 minutes, from 09:18 to 10:52.", DURATION, fid="x"),
                finding(" Alerts went to an e-mail list.", DURATION, fid="y")]
    other_section = {"s1": [finding("Nobody read it.", DURATION, fid="m")],
                     "s2": [finding("Nobody read it.", DURATION, fid="n")]}
    short_unanchored = [finding("it", DURATION, fid="u1", anchored=False),
                        finding("Nobody read it", DURATION, fid="u2", anchored=False)]
    for sections in ({"s1": same_quote_other_issue}, {"s1": touching}, other_section,
                     {"s1": short_unanchored}):
        merged = merge_findings(sections)
        assert merged.absorbed == {} and merged.document == []
        assert {sid: [f.id for f in fs] for sid, fs in merged.sections.items()} == {
            sid: [f.id for f in fs] for sid, fs in sections.items()}


def test_unanchored_duplicates_match_by_text():
    a = finding("the outage lasted 47 minutes", DURATION, fid="a", anchored=False)
    b = finding("The outage  lasted 47 minutes, from 09:18", DURATION_2, fid="b", anchored=False)
    merged = merge_findings({"s1": [a, b]})
    [kept] = merged.sections["s1"]
    assert kept.id == "a" and kept.quote == b.quote  # a's wording, on the quote holding both
    assert merged.absorbed == {"b": "a"}


def test_a_document_finding_absorbs_the_section_findings_it_repeats_keeping_every_quote():
    doc = DocumentFinding("consistency", "major", 0.9,
                          "The outage is 47 minutes in the Summary but 94 in Impact.",
                          "Use one figure.", quotes=[
                              DocumentQuote("sum", "The outage lasted 47 minutes", True, None,
                                            0, 28),
                              DocumentQuote("imp", "the 94 minutes of disruption", True, None, 11,
                                            39)], id="d-1")
    in_summary = Finding("consistency", "minor", 0.5, "The outage lasted 47 minutes, from 09:18",
                         "The 47 minutes in the Summary disagree with the 94 minutes in Impact.",
                         "Check.", anchored=True, start=0, end=40, id="f-sum", decision="accepted")
    unrelated = Finding("style", "minor", 0.5, "The outage lasted", "Weak verb.", "Use 'was'.",
                        anchored=True, start=0, end=17, id="f-style")
    merged = merge_findings({"sum": [in_summary, unrelated], "imp": []}, [doc])
    [combined] = merged.document
    assert [(q.section, q.quote) for q in combined.quotes] == [
        ("sum", "The outage lasted 47 minutes"), ("imp", "the 94 minutes of disruption"),
        ("sum", "The outage lasted 47 minutes, from 09:18")]
    assert combined.severity == "major" and combined.issue == doc.issue
    assert combined.decision == "pending"  # accepted and pending disagree: ask again
    assert merged.sections == {"sum": [unrelated], "imp": []}
    assert merged.absorbed == {"f-sum": combined.id, "d-1": combined.id}


def test_section_findings_in_two_sections_joined_by_a_document_finding_become_one():
    doc = DocumentFinding("consistency", "major", 0.9, DURATION, "Fix.", quotes=[
        DocumentQuote("a", "47 minutes", True, None, 18, 28),
        DocumentQuote("b", "94 minutes", True, None, 4, 14)], id="d-1")
    in_a = Finding("consistency", "minor", 0.5, "lasted 47 minutes", DURATION_2, "Check.",
                   anchored=True, start=11, end=28, id="fa")
    in_b = Finding("consistency", "minor", 0.5, "94 minutes", DURATION, "Check.", anchored=True,
                   start=4, end=14, id="fb")
    merged = merge_findings({"a": [in_a], "b": [in_b]}, [doc])
    assert merged.sections == {"a": [], "b": []} and len(merged.document) == 1
    assert {q.quote for q in merged.document[0].quotes} == {"47 minutes", "94 minutes",
                                                            "lasted 47 minutes"}
    assert set(merged.absorbed) == {"fa", "fb", "d-1"}


def test_document_findings_from_two_batches_merge_and_distinct_ones_do_not():
    one = DocumentFinding("consistency", "major", 0.9, DURATION, "Fix.", quotes=[
        DocumentQuote("a", "47 minutes", True, None, 18, 28)])
    again = DocumentFinding("consistency", "minor", 0.7, DURATION_2, "Fix.", quotes=[
        DocumentQuote("a", "47 minutes", True, None, 18, 28),
        DocumentQuote("c", "forty-seven minutes", False)])
    other = DocumentFinding("terminology", "minor", 0.7, "RCA is expanded two ways.", "Pick one.",
                            quotes=[DocumentQuote("a", "47 minutes", True, None, 18, 28)])
    merged = merge_document_findings([one, again, other])
    assert len(merged) == 2
    assert [q.section for q in merged[0].quotes] == ["a", "c"] and merged[0].severity == "major"
    assert merged[1].issue == other.issue


def test_same_issue_is_about_words_not_order_and_category_lowers_the_bar():
    assert same_issue(finding("x", DURATION), finding("x", DURATION_2))
    assert not same_issue(finding("x", DURATION), finding("x", PASSIVE))
    a = finding("x", "Owner of action 3 missing.", category="completeness")
    b = finding("x", "Action 3 has no named owner in the final table.", category="completeness")
    assert same_issue(a, b)
    assert not same_issue(a, finding("x", b.issue, category="style"))
