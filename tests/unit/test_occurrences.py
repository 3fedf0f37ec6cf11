"""A section finding about a pattern that recurs: its occurrences (`Finding.quotes`)
survive the store, a reopened review, a changed document and the result cache, and
each gets a comment in the reviewed copy."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from desktop_app.ai.local_reviewer import LocalProvider
from desktop_app.ai.provider import AnalysisRequest, CancelToken
from desktop_app.document import load
from desktop_app.document.model import Document, Section
from desktop_app.export.document_comments import MAX_OCCURRENCES
from desktop_app.export.docx_comments import export_reviewed_docx
from desktop_app.export.selection import ReviewSnapshot, Scope
from desktop_app.review.findings import Finding, Quote, assign_ids
from desktop_app.review.report import build_report
from desktop_app.session import ReviewSession
from desktop_app.store.db import Database
from desktop_app.store.results import ResultCache
from tests.docx_inspect import inspect
from tests.unit.review_store_helpers import by_title, make_doc
from tests.unit.session_fixtures import FRAMEWORK, local_session

# Three passives without an actor: the built-in reviewer makes them one finding.
TIMELINE = ("The change was approved at 09:00. The alert was acknowledged late. "
            "The rollback was initiated at 10:38.")
PASSIVES = ["The change was approved", "The alert was acknowledged",
            "The rollback was initiated"]
# The report states figures: passives are raised only in a report of results.
IMPACT = ("Customers saw errors for an hour: 12% of orders failed. We paid refunds of "
          "$4,200 the same week.")


@pytest.fixture
def doc(tmp_path: Path) -> Document:
    return make_doc(tmp_path / "report.docx", [("Timeline", TIMELINE), ("Impact", IMPACT)])


def review(session: ReviewSession, doc: Document) -> None:
    """The built-in reviewer over every section, recorded as a run records it."""
    provider = LocalProvider.for_document(doc)
    for s in doc.walk():
        result = provider.analyse(AnalysisRequest(s.id, s.title, s.text, FRAMEWORK),
                                  CancelToken())
        session.record_result(s.id, result, "built-in reviewer")


def folded(session: ReviewSession, section: Section) -> Finding:
    (f,) = [f for f in session.outcome(section.id).findings if f.quotes]
    return f


def report_of(session: ReviewSession) -> dict:
    return build_report(session.review_run("local", [], None, started=datetime.now(UTC)))


def assert_occurrences(f: Finding, section: Section, quotes: list[str]) -> None:
    assert [q.quote for q in f.quotes] == quotes
    assert all(q.anchored and section.text[q.start:q.end] == q.quote and q.section == section.id
               for q in f.quotes)
    assert (f.quote, f.start, f.end) == (f.quotes[0].quote, f.quotes[0].start, f.quotes[0].end)


def test_the_occurrences_are_back_with_their_offsets_when_the_review_is_reopened(
        doc, storage) -> None:
    timeline = by_title(doc, "Timeline")
    session = local_session(doc, storage)
    review(session, doc)
    f = folded(session, timeline)
    assert_occurrences(f, timeline, PASSIVES)
    session.set_decision(f.id, "accepted")
    session.edit(f.id, {"issue": "Who approved, acknowledged and initiated?"})

    again = local_session(doc, storage)
    back = folded(again, timeline)
    assert (back.id, back.decision, back.issue) == (
        f.id, "accepted", "Who approved, acknowledged and initiated?")
    assert back.quotes == f.quotes
    report = report_of(again)
    (section,) = [s for s in report["sections"] if s["id"] == timeline.id]
    (listed,) = [x for x in section["findings"] if "quotes" in x]
    assert listed["quotes"] == [{"section": timeline.id, "quote": q, "anchored": True,
                                 "quote_original": None} for q in PASSIVES]


def test_a_reviewers_finding_keeps_the_occurrences_a_changed_text_still_holds(
        doc, storage, tmp_path) -> None:
    timeline = by_title(doc, "Timeline")
    session = local_session(doc, storage)
    quotes = [Quote(timeline.id, q, True, None, timeline.text.find(q),
                    timeline.text.find(q) + len(q)) for q in PASSIVES]
    mine = session.add_user_finding(timeline.id, Finding(
        "clarity", "minor", 1.0, PASSIVES[0], "Who did these?", "Name them.",
        source="user", anchored=True, start=quotes[0].start, end=quotes[0].end,
        quotes=quotes))
    # The first passage is gone, the others moved.
    moved_text = ("At 09:00 the team went ahead. The alert was acknowledged late. "
                  "Later, the rollback was initiated at 10:38. The rollback was initiated")
    moved = make_doc(tmp_path / "report.docx", [("Timeline", moved_text), ("Impact", IMPACT)])
    again = local_session(moved, storage)
    (back,) = [f for f in again.outcome(timeline.id).findings if f.id == mine.id]
    section = by_title(moved, "Timeline")
    # The first is its own quote now; "The rollback …" is found again where it is
    # still written so (the other one is lower case now).
    assert_occurrences(back, section, PASSIVES[1:])
    assert back.quotes[1].start == moved_text.rfind(PASSIVES[2])

    gone = make_doc(tmp_path / "report.docx", [("Timeline", "Nothing left of it."),
                                              ("Impact", IMPACT)])
    (last,) = [f for f in local_session(gone, storage).outcome(timeline.id).findings
               if f.id == mine.id]
    assert not last.anchored and last.quotes == []


def test_an_unchanged_section_keeps_its_occurrences_when_another_changed(
        doc, storage, tmp_path) -> None:
    session = local_session(doc, storage)
    review(session, doc)
    before = folded(session, by_title(doc, "Timeline"))
    changed = make_doc(tmp_path / "report.docx",
                       [("Timeline", TIMELINE), ("Impact", "Refunds were paid.")])
    again = local_session(changed, storage)
    assert folded(again, by_title(changed, "Timeline")).quotes == before.quotes


def test_an_answer_from_the_cache_names_the_section_it_is_given_to(doc, tmp_path) -> None:
    """The cache is keyed by text: a twin section's answer names that section."""
    timeline = by_title(doc, "Timeline")
    result = LocalProvider.for_document(doc).analyse(
        AnalysisRequest(timeline.id, timeline.title, timeline.text, FRAMEWORK), CancelToken())
    db = Database(tmp_path / "cache")
    try:
        cache = ResultCache(db)
        cache.put("k", "h", "fw", "local", result)
        cached = cache.get("k")
    finally:
        db.close()
    assert cached is not None
    assign_ids("twin-0001", cached.findings)  # what the dispatcher does with a cached answer
    (f,) = [f for f in cached.findings if f.quotes]
    assert [(q.section, q.quote, q.start) for q in f.quotes] == [
        ("twin-0001", q, TIMELINE.find(q)) for q in PASSIVES]


def test_each_occurrence_gets_a_comment_on_its_own_passage(doc, storage, tmp_path) -> None:
    session = local_session(doc, storage)
    review(session, doc)
    timeline = by_title(doc, "Timeline")
    f = folded(session, timeline)
    out = tmp_path / "reviewed.docx"
    summary = export_reviewed_docx(doc.path, doc, {timeline.id: [f]}, out)
    got = inspect(out)
    assert summary.comments == len(got.comments) == 3 and summary.on_quote == 3
    # The export dialog says so before: "1 finding will become 3 comments".
    counts = ReviewSnapshot.from_findings(doc, {timeline.id: [f]}).counts()
    assert (counts.by_scope[Scope.WITH_PENDING], counts.comments[Scope.WITH_PENDING]) == (1, 3)
    assert sorted(r.text for r in got.ranges.values()) == sorted(PASSIVES)
    by_range = {got.ranges[cid].text: got.comments[cid] for cid in got.ranges}
    full = by_range[PASSIVES[0]]
    assert f.issue in full and f.suggestion in full  # the finding's issue verbatim
    assert "Also marked at 2 more places in this section." in full
    for number, quote in enumerate(PASSIVES[1:], 2):
        short = by_range[quote]
        assert short.startswith(f"[{f.severity.upper()} · ")
        assert f"Same as the comment on “{PASSIVES[0]}” ({number} of 3): " in short
        assert "do not say who acted." in short and f.suggestion not in short


def test_a_pattern_met_hundreds_of_times_is_marked_at_its_first_places(tmp_path) -> None:
    text = "The change was approved at nine. " * 60
    doc = make_doc(tmp_path / "long.docx", [("Log", text.strip()), ("Impact", IMPACT)])
    section = next(doc.walk())
    provider = LocalProvider.for_document(doc)
    (f,) = [f for f in provider.analyse(AnalysisRequest(section.id, section.title, section.text,
                                                        FRAMEWORK), CancelToken()).findings
            if f.quotes]
    assert len(f.quotes) == 60
    out = tmp_path / "reviewed.docx"
    summary = export_reviewed_docx(doc.path, doc, {section.id: [f]}, out)
    got = inspect(out)
    assert summary.comments == len(got.comments) == MAX_OCCURRENCES
    counts = ReviewSnapshot.from_findings(doc, {section.id: [f]}).counts()
    assert counts.comments[Scope.WITH_PENDING] == MAX_OCCURRENCES
    starts = sorted(got.ranges)
    assert all(got.ranges[c].text == "The change was approved" for c in starts)
    full = next(c for c in got.comments.values() if f.issue in c)
    assert f"Also marked at the next {MAX_OCCURRENCES - 1} of 59 more places" in full


def test_the_reviewed_copy_still_opens_with_the_same_sections(doc, storage, tmp_path) -> None:
    session = local_session(doc, storage)
    review(session, doc)
    timeline = by_title(doc, "Timeline")
    out = tmp_path / "reviewed.docx"
    export_reviewed_docx(doc.path, doc, {timeline.id: [folded(session, timeline)]}, out)
    assert [s.text for s in load(str(out)).walk()] == [s.text for s in doc.walk()]
