"""What the window's review becomes on export: the three choices, the counts, the report."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop_app.ai.provider import Usage
from desktop_app.export.selection import ReviewSnapshot, Scope, SectionReview, chosen
from desktop_app.review.findings import Finding
from desktop_app.store.db import Database
from desktop_app.store.reviews import ReviewStore
from tests.export_helpers import at
from tests.unit.review_store_helpers import (
    FRAMEWORK,
    FRAMEWORK_ID,
    MODEL,
    answer,
    by_title,
    hash_of,
    make_doc,
)

INCIDENT = [
    ("Summary", "The pump stopped at noon. Nobody was hurt."),
    ("Causes", "A worn seal leaked. The alarm was muted."),
    ("Actions", "Replace the seal."),
    ("Appendix", "Logs are attached."),
]


def mark(f: Finding, decision: str, source: str = "model") -> Finding:
    f.decision, f.source = decision, source
    return f


@pytest.fixture
def doc(tmp_path: Path):
    return make_doc(tmp_path / "incident.docx", INCIDENT)


@pytest.fixture
def snapshot(doc) -> ReviewSnapshot:
    summary, causes, actions = (by_title(doc, t) for t in ("Summary", "Causes", "Actions"))
    return ReviewSnapshot.from_findings(doc, {
        summary.id: [mark(at(summary, "The pump stopped", "Say when.", fid="a1"), "accepted"),
                     mark(at(summary, "Nobody was hurt.", "Who checked?", fid="p1"), "pending"),
                     mark(at(summary, "at noon", "Time zone?", fid="r1"), "rejected")],
        causes.id: [mark(at(causes, "A worn seal", "Which seal?", fid="u1"), "pending", "user"),
                    mark(at(causes, "The alarm", "Why muted?", fid="u2"), "rejected", "user"),
                    mark(at(causes, "leaked", "How much?", fid="p2"), "pending")],
        actions.id: [mark(at(actions, "Replace", "By whom?", fid="a2"), "accepted")],
    }, framework_name=FRAMEWORK)


def ids(selected: dict[str, list[Finding]]) -> list[str]:
    return [f.id for found in selected.values() for f in found]


def test_each_choice_exports_its_findings_and_rejected_ones_never(snapshot):
    assert ids(snapshot.select(Scope.ACCEPTED)) == ["a1", "u1", "a2"]
    assert ids(snapshot.select(Scope.WITH_PENDING)) == ["a1", "p1", "u1", "p2", "a2"]
    assert ids(snapshot.select(Scope.OWN)) == ["u1"]
    rejected = mark(Finding("c", "minor", 1.0, "q", "i", "s"), "rejected", "user")
    assert not any(chosen(rejected, scope) for scope in Scope)


def test_counts_say_what_each_choice_exports_and_what_is_left_out(snapshot):
    counts = snapshot.counts()
    assert counts.by_scope == {Scope.ACCEPTED: 3, Scope.WITH_PENDING: 5, Scope.OWN: 1}
    assert (counts.pending, counts.rejected) == (2, 2)
    assert counts.left_out(Scope.ACCEPTED) == "2 pending and 2 rejected left out"
    assert counts.left_out(Scope.WITH_PENDING) == "2 rejected left out"
    assert counts.left_out(Scope.OWN) == "4 not yours and 2 rejected left out"


def test_selected_findings_are_copies_in_document_order(snapshot, doc):
    selected = snapshot.select(Scope.ACCEPTED)
    assert list(selected) == [s.id for s in doc.walk() if s.id in selected]
    selected[next(iter(selected))][0].issue = "changed"
    assert snapshot.select(Scope.ACCEPTED)[next(iter(selected))][0].issue == "Say when."


def test_findings_hidden_below_the_minimum_confidence_are_not_exported(snapshot):
    for record in snapshot.sections.values():
        for f in record.findings:
            f.confidence = 1.0 if f.source == "user" else 0.5
    snapshot.min_confidence = 0.7
    assert ids(snapshot.select(Scope.WITH_PENDING)) == ["u1"]
    assert snapshot.counts().by_scope[Scope.ACCEPTED] == 1
    report = snapshot.report()
    assert [f["id"] for s in report["sections"] for f in s["findings"]] == ["u1", "u2"]


def test_sections_no_longer_in_the_document_are_left_out(doc):
    summary = by_title(doc, "Summary")
    gone = mark(Finding("c", "minor", 1.0, "q", "Gone.", "s", id="g1"), "accepted")
    snap = ReviewSnapshot.from_findings(doc, {"removed-section": [gone], summary.id: []})
    assert snap.select(Scope.ACCEPTED) == {}
    assert snap.counts().by_scope[Scope.ACCEPTED] == 0


def test_the_report_has_every_finding_with_its_decision_and_how_each_section_went(doc):
    summary, causes, actions, appendix = doc.walk()
    snap = ReviewSnapshot(doc, {
        summary.id: SectionReview([mark(at(summary, "Nobody", "Who?", fid="p1"), "pending"),
                                   mark(at(summary, "noon", "When?", fid="r1"), "rejected")],
                                  "done", MODEL, Usage(requests=2, input_tokens=10)),
        causes.id: SectionReview([], "failed", error="the model refused the request"),
        actions.id: SectionReview([mark(at(actions, "Replace", "Who?", fid="a1"), "accepted")],
                                  "stale", MODEL),
    }, framework_name=FRAMEWORK, provider_name="bedrock", models=[MODEL], region="eu-west-1",
        seconds_spent=90.0)
    report = snap.report()
    assert report["schema"] == "margin.review/1"
    assert report["provider"] == {"name": "bedrock", "models": [MODEL], "region": "eu-west-1"}
    assert report["framework"] == {"name": FRAMEWORK}
    sections = {s["title"]: s for s in report["sections"]}
    assert [(f["id"], f["decision"]) for f in sections["Summary"]["findings"]] == [
        ("p1", "pending"), ("r1", "rejected")]
    assert sections["Summary"]["model"] == MODEL
    assert sections["Causes"]["status"] == "failed"
    assert sections["Causes"]["error"] == "the model refused the request"
    assert sections["Actions"]["status"] == "done"  # stale, but its findings are still held
    assert sections["Appendix"]["status"] == "skipped"
    assert report["usage"]["requests"] == 2
    assert report["timing"]["seconds"] == 90.0


def test_a_stored_review_with_decisions_and_own_findings(tmp_path, doc):
    db = Database(tmp_path / "store")
    try:
        store = ReviewStore(db)
        rid = store.open_or_create_review(doc, FRAMEWORK_ID, FRAMEWORK, "bedrock",
                                          [MODEL]).review_id
        summary = by_title(doc, "Summary")
        record = store.record_result(rid, summary.id, hash_of(summary), answer(
            at(summary, "The pump stopped", "Say when.", decision="pending", fid=""),
            at(summary, "Nobody was hurt.", "Who checked?", decision="pending", fid="")))
        assert record is not None
        first, second = record.findings
        store.set_decision(rid, first.id, "accepted")
        store.set_decision(rid, second.id, "rejected")
        mine = store.add_user_finding(rid, summary.id, at(summary, "at noon", "Which noon?",
                                                          decision="pending", fid=""))
        state = store.review_state(rid)
    finally:
        db.close()
    snap = ReviewSnapshot.from_review_state(doc, state, region="us-east-1")
    assert ids(snap.select(Scope.ACCEPTED)) == [first.id, mine.id]
    assert ids(snap.select(Scope.OWN)) == [mine.id]
    assert snap.counts().rejected == 1
    report = snap.report()
    assert report["provider"]["models"] == [MODEL]
    sections = {s["title"]: s for s in report["sections"]}
    assert sections["Summary"]["status"] == "done"
    assert sections["Causes"]["status"] == "skipped"  # never analysed
    assert [f["source"] for f in sections["Summary"]["findings"]] == ["model", "model", "user"]
