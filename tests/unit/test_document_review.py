"""The review of the document as a whole, in the session and the store: passes recorded,
decisions kept across reopen, quotes re-anchored when the document changes, section findings
absorbed, a failed pass said as such, and a store from before it migrated."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from desktop_app.ai.provider import FailureKind, ProviderError, Usage
from desktop_app.document.model import Document
from desktop_app.review.document_findings import DocumentFinding, DocumentQuote
from desktop_app.review.report import build_report
from desktop_app.session import (
    CONSISTENCY,
    RULES,
    WHOLE_DOCUMENT,
    PassOutcome,
)
from desktop_app.store.db import DB_NAME, Database
from desktop_app.store.schema import MIGRATIONS
from tests.unit.review_store_helpers import answer, by_title, finding, make_doc
from tests.unit.session_fixtures import local_session

SUMMARY = "The outage lasted 47 minutes. Alerts went to an e-mail list."
IMPACT = "Customers saw 94 minutes of disruption. Refunds were paid."
ISSUE = "The outage is 47 minutes in the Summary but 94 minutes in Impact."


@pytest.fixture
def doc(tmp_path: Path) -> Document:
    return make_doc(tmp_path / "report.docx", [("Summary", SUMMARY), ("Impact", IMPACT)])


def duration(doc: Document, issue: str = ISSUE) -> DocumentFinding:
    summary, impact = by_title(doc, "Summary"), by_title(doc, "Impact")
    a, b = "The outage lasted 47 minutes", "94 minutes of disruption"
    d = DocumentFinding("consistency", "major", 0.9, issue, "Use one figure.", quotes=[
        DocumentQuote(summary.id, a, True, None, summary.text.find(a),
                      summary.text.find(a) + len(a)),
        DocumentQuote(impact.id, b, True, None, impact.text.find(b),
                      impact.text.find(b) + len(b))], source="model")
    d.ensure_id()
    return d


def test_a_pass_is_stored_decided_and_back_after_reopen(doc, storage) -> None:
    session = local_session(doc, storage)
    session.record_pass(PassOutcome(CONSISTENCY, [duration(doc)], model="m-1",
                                    usage=Usage(requests=1, input_tokens=900, output_tokens=80),
                                    inputs=session.passes.inputs(CONSISTENCY)))
    [d] = session.document_findings()
    assert session.locate(d.id) == (WHOLE_DOCUMENT, d)
    session.set_decision(d.id, "accepted")
    session.edit(d.id, {"issue": "47 or 94 minutes?", "rewrite": "ignored"})
    assert session.originals(d.id) == {"issue": ISSUE}

    again = local_session(doc, storage)
    [back] = again.document_findings()
    assert (back.id, back.decision, back.issue) == (d.id, "accepted", "47 or 94 minutes?")
    assert [q.section for q in back.quotes] == [by_title(doc, t).id for t in ("Summary", "Impact")]
    assert again.passes.last(CONSISTENCY).status == "done"
    assert again.passes.up_to_date(CONSISTENCY)
    numbers, _ = again.statistics()
    assert numbers.document_findings == 1 and numbers.findings_by_decision["accepted"] == 1
    assert numbers.usage.input_tokens == 900  # the pass's calls are counted


def test_a_failed_pass_says_why_and_keeps_what_the_review_had(doc, storage) -> None:
    session = local_session(doc, storage)
    session.record_pass(PassOutcome(RULES, [duration(doc)]))
    error = ProviderError(FailureKind.THROTTLED, "Bedrock refused every request for 300 s")
    session.record_pass(PassOutcome(CONSISTENCY, None, error))
    reopened = local_session(doc, storage)
    assert reopened.passes.last(CONSISTENCY).status == "failed"
    assert "300 s" in reopened.passes.last(CONSISTENCY).error
    assert len(reopened.document_findings()) == 1  # the rules pass's finding stays


def test_a_section_finding_repeating_a_place_is_absorbed_and_its_decision_carried(
        doc, storage) -> None:
    session = local_session(doc, storage)
    summary = by_title(doc, "Summary").id
    repeat = finding("The outage lasted 47 minutes",
                     "47 minutes here but 94 minutes in Impact.", category="consistency")
    session.record_result(summary, answer(repeat), "built-in reviewer")
    [fid] = [f.id for f in session.outcome(summary).findings]
    session.set_decision(fid, "accepted")
    changed = session.record_pass(PassOutcome(RULES, [duration(doc)]))
    assert changed == {summary}
    assert session.outcome(summary).findings == []  # one finding, one place
    [merged] = session.document_findings()
    assert merged.decision == "accepted"
    reopened = local_session(doc, storage)
    assert reopened.outcome(summary).findings == []
    assert reopened.document_findings()[0].decision == "accepted"
    report = build_report(reopened.review_run("local", [], None, started=_now()))
    assert [d["id"] for d in report["document_findings"]] == [merged.id]
    assert report["sections"][1]["findings"] == []  # not twice
    # The next rules pass no longer finds it: the section's own finding comes back.
    session.record_pass(PassOutcome(RULES, []))
    assert [f.id for f in session.outcome(summary).findings] == [fid]


def test_a_changed_document_re_anchors_each_quote_and_says_which_sections_changed(
        doc, storage, tmp_path) -> None:
    session = local_session(doc, storage)
    d = duration(doc)
    session.record_pass(PassOutcome(RULES, [d]))
    session.set_decision(d.id, "rejected")
    moved = make_doc(tmp_path / "report.docx", [
        ("Summary", "In short: the outage lasted 47 minutes. Alerts went to an e-mail list."),
        ("Impact", "Refunds were paid.")])
    reopened = local_session(moved, storage)
    [back] = reopened.document_findings()
    assert back.decision == "rejected"
    summary_quote, impact_quote = back.quotes
    text = by_title(moved, "Summary").text
    assert summary_quote.anchored  # moved, found again (the case follows the new text)
    assert text[summary_quote.start:summary_quote.end] == summary_quote.quote
    assert summary_quote.quote.lower() == "the outage lasted 47 minutes"
    assert not impact_quote.anchored  # the passage is gone
    assert reopened.results.document.changed[back.id] == [by_title(moved, "Summary").id,
                                                         by_title(moved, "Impact").id]
    assert reopened.passes.stale(RULES)


def test_a_store_of_schema_2_migrates_keeping_its_reviews(doc, tmp_path) -> None:
    folder = tmp_path / "old"
    folder.mkdir()
    with closing(sqlite3.connect(folder / DB_NAME)) as conn:
        for script in MIGRATIONS[:2]:
            for statement in script:
                conn.execute(statement)
        conn.execute("INSERT INTO documents (path, sha256) VALUES ('x.docx', 'abc')")
        conn.execute("INSERT INTO reviews (document_id, framework_name, framework_identity,"
                     " provider_name, provider_identity) VALUES (1, 'fw', 'fw@1', 'local', 'l')")
        conn.execute("PRAGMA user_version=2")
        conn.commit()
    db = Database(folder)
    try:
        assert db.query("PRAGMA user_version")[0][0] == len(MIGRATIONS) == 5
        assert db.query("SELECT COUNT(*) FROM reviews")[0][0] == 1
        tables = {r[0] for r in db.query("SELECT name FROM sqlite_master WHERE type='table'")}
        assert {"document_findings", "document_passes"} <= tables
        assert db.integrity_ok()
    finally:
        db.close()


def _now():  # type: ignore[no-untyped-def]
    from datetime import UTC, datetime

    return datetime.now(UTC)
