"""An answer saved by the analysis thread that got it, then held by the session's thread.

The contract (session/session.py, session/storage.py): an answer is in the store
before the session holds it (and so before the window shows it); a change the
reviewer makes to the section in between is neither lost nor undone; and an
answer is never written ahead of writes that wait for the store.
"""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from desktop_app.document.model import Document
from desktop_app.session import SavedAnswer
from desktop_app.store.db import StoreEnvironmentError
from desktop_app.store.reviews import ReviewStore
from tests.unit.review_store_helpers import answer, by_title, finding, make_doc
from tests.unit.session_fixtures import local_session

DISK_FULL = "the disk is full"


@pytest.fixture
def doc(tmp_path: Path) -> Document:
    return make_doc(tmp_path / "report.docx", [
        ("Summary", "The the report was written by the team. It was reviewed."),
        ("Details", "Revenue fell by 4% in March."),
    ])


def save_on_a_thread(session, section_id, result) -> SavedAnswer | None:  # type: ignore[no-untyped-def]
    """`save_answer` as an analysis thread calls it; what it returned."""
    out: list[SavedAnswer | None] = []
    thread = threading.Thread(target=lambda: out.append(session.save_answer(section_id, result)))
    thread.start()
    thread.join(30)
    assert out, "save_answer did not return"
    return out[0]


def stored_decisions(storage, review_id: int, section_id: str) -> dict[str, str]:  # type: ignore[no-untyped-def]
    """The section's findings as a fresh connection reads them: another process's view."""
    from desktop_app.store.db import Database

    db = Database(storage.db.path.parent)
    try:
        record = ReviewStore(db).section(review_id, section_id)
        return {f.id: f.decision for f in record.findings} if record is not None else {}
    finally:
        db.close()


def test_an_answer_saved_on_its_thread_is_in_the_store_before_it_is_held(
        doc, storage, monkeypatch) -> None:
    session = local_session(doc, storage)
    summary = by_title(doc, "Summary").id
    writers: list[str] = []
    original = ReviewStore.record_result

    def spy(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        writers.append(threading.current_thread().name)
        return original(self, *args, **kwargs)

    monkeypatch.setattr(ReviewStore, "record_result", spy)
    result = answer(finding("The the"), finding("reviewed"))
    saved = save_on_a_thread(session, summary, result)
    assert saved is not None and saved.review_id == session.review_id
    assert len(writers) == 1 and writers[0] != threading.current_thread().name
    # In the store, not yet held: what a window killed now would find on reopening.
    stored = stored_decisions(storage, session.review_id, summary)
    assert len(stored) == 2
    assert session.outcome(summary) is None or not session.outcome(summary).findings
    session.record_result(summary, result, "model", saved)
    assert len(writers) == 1  # held, not written again
    assert {f.id for f in session.outcome(summary).findings} == set(stored)
    assert storage.unsaved == [] and session.healthy


def test_a_decision_made_while_the_rerun_was_saved_elsewhere_stays(doc, storage) -> None:
    session = local_session(doc, storage)
    summary = by_title(doc, "Summary").id
    session.record_result(summary, answer(finding("The the")), "model")
    (shown,) = session.outcome(summary).findings
    rerun = answer(finding("The the"), finding("reviewed"))
    saved = save_on_a_thread(session, summary, rerun)  # the rerun's answer, saved ...
    assert saved is not None and shown.id in {f.id for f in saved.record.findings}
    session.set_decision(shown.id, "accepted")  # ... then the reviewer accepts ...
    session.record_result(summary, rerun, "model", saved)  # ... then it is held
    held = {f.id: f.decision for f in session.outcome(summary).findings}
    assert len(held) == 2 and held[shown.id] == "accepted"
    assert stored_decisions(storage, session.review_id, summary) == held


def test_a_decision_waiting_for_the_store_stays_when_the_rerun_is_held(
        doc, storage, monkeypatch) -> None:
    session = local_session(doc, storage)
    summary = by_title(doc, "Summary").id
    session.record_result(summary, answer(finding("The the")), "model")
    (shown,) = session.outcome(summary).findings
    rerun = answer(finding("The the"), finding("reviewed"))
    saved = save_on_a_thread(session, summary, rerun)
    original = ReviewStore.set_decision

    def full(*_args, **_kwargs):  # type: ignore[no-untyped-def]
        raise StoreEnvironmentError(DISK_FULL)

    monkeypatch.setattr(ReviewStore, "set_decision", full)
    session.set_decision(shown.id, "rejected")
    assert storage.unsaved == ["your decision on a finding in “Summary”"]
    session.record_result(summary, rerun, "model", saved)
    held = {f.id: f.decision for f in session.outcome(summary).findings}
    assert len(held) == 2 and held[shown.id] == "rejected"
    monkeypatch.setattr(ReviewStore, "set_decision", original)
    assert session.retry()
    assert stored_decisions(storage, session.review_id, summary) == held


def test_an_answer_is_not_saved_ahead_of_writes_that_wait(doc, storage, monkeypatch) -> None:
    session = local_session(doc, storage)
    summary, details = (by_title(doc, t).id for t in ("Summary", "Details"))
    session.record_result(summary, answer(finding("The the")), "model")
    (shown,) = session.outcome(summary).findings
    original = ReviewStore.set_decision

    def full(*_args, **_kwargs):  # type: ignore[no-untyped-def]
        raise StoreEnvironmentError(DISK_FULL)

    monkeypatch.setattr(ReviewStore, "set_decision", full)
    session.set_decision(shown.id, "accepted")
    result = answer(finding("Revenue fell"))
    assert save_on_a_thread(session, details, result) is None  # left to the session's thread
    assert stored_decisions(storage, session.review_id, details) == {}
    session.record_result(details, result, "model")
    assert storage.unsaved == ["your decision on a finding in “Summary”",
                               "the findings of “Details”"]
    assert [f.quote for f in session.outcome(details).findings] == ["Revenue fell"]
    monkeypatch.setattr(ReviewStore, "set_decision", original)
    assert session.retry() and storage.unsaved == []
    assert stored_decisions(storage, session.review_id, summary) == {shown.id: "accepted"}
    assert len(stored_decisions(storage, session.review_id, details)) == 1


def test_a_failed_save_elsewhere_is_saved_by_the_sessions_thread_with_the_one_policy(
        doc, storage, monkeypatch) -> None:
    session = local_session(doc, storage)
    details = by_title(doc, "Details").id
    original = ReviewStore.record_result

    def full(*_args, **_kwargs):  # type: ignore[no-untyped-def]
        raise StoreEnvironmentError(DISK_FULL)

    monkeypatch.setattr(ReviewStore, "record_result", full)
    result = answer(finding("Revenue fell"))
    assert save_on_a_thread(session, details, result) is None
    session.record_result(details, result, "model")  # kept, shown, said
    assert storage.unsaved == ["the findings of “Details”"] and storage.error == DISK_FULL
    assert [f.quote for f in session.outcome(details).findings] == ["Revenue fell"]
    monkeypatch.setattr(ReviewStore, "record_result", original)
    assert session.retry()
    assert len(stored_decisions(storage, session.review_id, details)) == 1


def test_a_store_in_memory_is_written_by_the_sessions_thread_only(doc, tmp_path) -> None:
    from desktop_app.session import Storage
    from desktop_app.store.db import StoreError

    storage = Storage(lambda: tmp_path / "data", memory_fallback=True)
    session = local_session(doc, storage)
    assert storage.fall_back_to_memory(StoreError("read-only"))
    session.open_review()
    details = by_title(doc, "Details").id
    result = answer(finding("Revenue fell"))
    assert save_on_a_thread(session, details, result) is None
    session.record_result(details, result, "model")
    assert storage.unsaved == [] and len(session.outcome(details).findings) == 1
    storage.close()


def test_a_failed_sync_is_said_by_the_sessions_thread_not_swallowed_elsewhere(
        doc, storage, monkeypatch) -> None:
    import errno
    import os

    session = local_session(doc, storage)
    summary, details = (by_title(doc, t).id for t in ("Summary", "Details"))

    def broken(fd: int) -> None:
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(os, "fdatasync", broken, raising=False)
    monkeypatch.setattr(os, "fsync", broken)
    session.record_result(summary, answer(finding("The the")), "model")
    assert storage.db.wait_synced()
    result = answer(finding("Revenue fell"))
    assert save_on_a_thread(session, details, result) is None  # refused there, not said
    session.record_result(details, result, "model")
    assert "a disk write failed" in storage.error
    assert storage.unsaved == ["the findings of “Details”"]
    monkeypatch.undo()
    assert session.retry() and storage.error == ""
    assert len(stored_decisions(storage, session.review_id, details)) == 1


def test_an_answer_refused_as_stale_is_held_as_the_store_would_merge_it(doc, storage) -> None:
    """The store refuses an answer for a text it no longer has: held in memory with the
    store's merge rules, as when the session's thread saves it, decisions included."""
    session = local_session(doc, storage)
    summary = by_title(doc, "Summary").id
    session.record_result(summary, answer(finding("The the")), "model")
    (shown,) = session.outcome(summary).findings
    session.hashes[summary] = "a text the review does not have"
    rerun = answer(finding("The the"), finding("reviewed"))
    saved = save_on_a_thread(session, summary, rerun)
    assert saved is not None and saved.record is None  # refused, nothing written
    session.set_decision(shown.id, "accepted")
    session.record_result(summary, rerun, "model", saved)
    held = {f.quote: f.decision for f in session.outcome(summary).findings}
    assert held == {"The the": "accepted", "reviewed": "pending"}
