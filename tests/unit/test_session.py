"""The review session both front ends drive: status, saving, chat, report, provider choice.

No Qt: what the window and `margin review` share is tested here once, on a real
store in a temporary folder; a full disk is a store method that raises what
SQLite's full disk becomes.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from desktop_app.ai.config import BedrockConfig
from desktop_app.ai.provider import FailureKind, ProviderError
from desktop_app.document.model import Document
from desktop_app.review.report import build_report
from desktop_app.session import (
    NoReviewer,
    ReviewPrefs,
    SectionStatus,
    Storage,
    choose_provider,
)
from desktop_app.store.db import StoreEnvironmentError
from desktop_app.store.reviews import ReviewStore
from tests.unit.review_store_helpers import answer, by_title, finding, make_doc
from tests.unit.session_fixtures import local_session

DISK_FULL = "the disk is full"


@pytest.fixture
def doc(tmp_path: Path) -> Document:
    return make_doc(tmp_path / "report.docx", [
        ("Summary", "The the report was written by the team."),
        ("Details", "Revenue fell by 4% in March."),
    ])


def break_store(monkeypatch: pytest.MonkeyPatch, method: str):  # type: ignore[no-untyped-def]
    original = getattr(ReviewStore, method)

    def full(*_args, **_kwargs):  # type: ignore[no-untyped-def]
        raise StoreEnvironmentError(DISK_FULL)

    monkeypatch.setattr(ReviewStore, method, full)
    return lambda: monkeypatch.setattr(ReviewStore, method, original)


def test_a_cancelled_rerun_keeps_the_verdict_the_review_had(doc, storage, tmp_path) -> None:
    session = local_session(doc, storage)
    summary, details = (by_title(doc, t).id for t in ("Summary", "Details"))
    session.record_result(summary, answer(finding("The the")), "built-in reviewer")
    session.record_failure(details, ProviderError(FailureKind.SERVICE, "HTTP 503"))
    for sid in (summary, details):
        assert session.set_status(sid, SectionStatus.QUEUED) is SectionStatus.QUEUED
    assert session.outcome(details).error is None  # queued again: the old failure goes
    assert session.set_status(summary, SectionStatus.CANCELLED) is SectionStatus.DONE
    assert session.set_status(details, SectionStatus.CANCELLED) is SectionStatus.FAILED
    # A section never answered says it was cancelled.
    other = Storage(lambda: tmp_path / "other")
    fresh = local_session(doc, other)
    assert fresh.set_status(summary, SectionStatus.CANCELLED) is SectionStatus.CANCELLED
    other.close()


def test_writes_the_store_refuses_wait_in_order_and_nothing_shown_is_lost(
        doc, storage, monkeypatch) -> None:
    session = local_session(doc, storage)
    summary = by_title(doc, "Summary").id
    repair = break_store(monkeypatch, "record_result")
    session.record_result(summary, answer(finding("The the"), finding("report")), "model")
    assert storage.unsaved == ["the findings of “Summary”"] and storage.error == DISK_FULL
    first, second = session.outcome(summary).findings
    # A decision made meanwhile waits behind the result it is about, and shows at once.
    session.set_decision(first.id, "accepted")
    assert session.outcome(summary).finding(first.id).decision == "accepted"
    assert len(storage.unsaved) == 2 and not session.healthy
    stats, from_memory = session.statistics()
    assert from_memory and stats.findings_by_decision["accepted"] == 1
    repair()
    assert session.retry() and storage.unsaved == [] and storage.error == ""
    assert session.store.finding(session.review_id, first.id).decision == "accepted"
    assert session.store.finding(session.review_id, second.id).decision == "pending"
    assert session.statistics() == (session.store.statistics(session.review_id), False)


def test_a_growing_chat_answer_waits_as_one_write(doc, storage, monkeypatch) -> None:
    session = local_session(doc, storage)
    repair = break_store(monkeypatch, "add_chat_message")
    question = session.chat.add(None, "user", "What is missing?")
    answer_ref = session.chat.add(None, "assistant", "The", complete=False)
    for text in ("The owner", "The owner of", "The owner of each action."):
        session.chat.update(answer_ref, None, text, complete=text.endswith("."))
    assert question.id is None and answer_ref.id is None
    assert len(storage.unsaved) == 3  # the question, the answer, its latest text
    repair()
    assert session.retry()
    saved = session.chat.history(None)
    assert [(m.role, m.text, m.complete) for m in saved] == [
        ("user", "What is missing?", True), ("assistant", "The owner of each action.", True)]
    assert answer_ref.id == saved[1].id


def test_the_report_holds_the_reviews_findings_and_this_runs_cost(doc, storage) -> None:
    started = datetime.now(UTC)
    session = local_session(doc, storage)
    summary, details = (by_title(doc, t).id for t in ("Summary", "Details"))
    session.record_result(summary, answer(finding("The the")), "model")
    session.set_decision(session.outcome(summary).findings[0].id, "rejected")
    session.record_failure(details, ProviderError(FailureKind.SERVICE, "HTTP 503"))
    session.close()

    again = local_session(doc, storage)  # a rerun: the answer comes from the store
    assert again.reusable_ids() == [summary]
    report = build_report(again.review_run("local", [], None, started=started))
    by_id = {s["id"]: s for s in report["sections"]}
    assert [f["decision"] for f in by_id[summary]["findings"]] == ["rejected"]
    assert by_id[summary]["status"] == "done"
    assert by_id[details]["status"] == "failed" and by_id[details]["error"]
    assert report["usage"]["requests"] == 0  # nothing was asked in this run


def test_one_place_chooses_the_reviewer(doc, monkeypatch) -> None:
    monkeypatch.setattr("desktop_app.ai.aws.credentials_available", lambda _profile=None: False)
    auto = choose_provider(doc, ReviewPrefs(provider="auto"))
    assert auto.offline and auto.fallback == "no AWS credentials found"
    assert "no AWS credentials found" in auto.notice
    local = choose_provider(doc, ReviewPrefs(provider="local"))
    assert local.offline and not local.fallback
    with pytest.raises(NoReviewer, match="no AWS credentials found for profile “work”"):
        choose_provider(doc, ReviewPrefs(provider="bedrock",
                                         bedrock=BedrockConfig(profile="work")))


def test_a_table_of_contents_is_never_counted_as_to_do(storage, tmp_path) -> None:
    from desktop_app.document import load
    from tests.docx_factory import p, write_docx

    body = (p("Contents") + p("Summary\t1") + p("Details\t2") + p("Notes\t3")
            + p("Summary", "berschrift1") + p("The the report was written by the team.")
            + p("Details", "berschrift1") + p("Revenue fell by 4% in March."))
    doc = load(str(write_docx(tmp_path / "toc.docx", body)))
    assert [s.reviewable for s in doc.walk()] == [False, True, True]
    session = local_session(doc, storage)
    for title in ("Summary", "Details"):
        session.record_result(by_title(doc, title).id, answer(finding("the")), "built-in")
    stats, from_memory = session.statistics()
    assert not from_memory
    assert (stats.sections_total, stats.sections_done, stats.sections_not_analysed) == (2, 2, 0)
