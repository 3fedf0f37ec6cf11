"""The store when the machine misbehaves: read-only, full, locked, damaged, old.

Tests run as root, where file permissions do not stop writes, so each fault
is made by SQLite itself: `query_only`, `max_page_count`, a second connection
holding the write lock, garbage over the header.
"""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from desktop_app.ai.provider import Usage
from desktop_app.store.db import DB_NAME, Database, StoreBugError, StoreEnvironmentError
from desktop_app.store.results import ResultCache
from desktop_app.store.reviews import ReviewStore
from desktop_app.store.schema import MIGRATIONS
from tests.unit.review_store_helpers import (
    FRAMEWORK,
    FRAMEWORK_ID,
    MODEL,
    answer,
    finding,
    hash_of,
    make_doc,
)


@pytest.fixture
def opened(tmp_path: Path):
    """(db, store, review id, document) with one analysed section."""
    db = Database(tmp_path / "store")
    store = ReviewStore(db)
    doc = make_doc(tmp_path / "a.docx", [("Scope", "The scope is small."),
                                         ("Method", "We measured twice. Then once more.")])
    rid = store.open_or_create_review(doc, FRAMEWORK_ID, FRAMEWORK, "bedrock", [MODEL]).review_id
    yield db, store, rid, doc
    db.close()


def snapshot(store: ReviewStore, rid: int):
    state = store.review_state(rid)
    return {sid: (r.status, [(f.id, f.decision, f.issue) for f in r.findings])
            for sid, r in state.sections.items()}


def test_read_only_database_refuses_writes_and_loses_nothing(opened):
    db, store, rid, doc = opened
    scope, method = doc.walk()
    (f,) = store.record_result(rid, scope.id, hash_of(scope),
                               answer(finding("The scope is small."))).findings
    before = snapshot(store, rid)
    result = answer(finding("We measured twice."))
    draft = finding("Then once more.", issue="Why?")
    db.query("PRAGMA query_only=ON")
    writes = [
        lambda: store.set_decision(rid, f.id, "accepted"),
        lambda: store.edit_finding(rid, f.id, issue="Say which scope."),
        lambda: store.record_result(rid, method.id, hash_of(method), result),
        lambda: store.add_user_finding(rid, method.id, draft),
        lambda: store.add_chat_message(rid, "user", "Hello?"),
        lambda: store.open_or_create_review(doc, FRAMEWORK_ID, FRAMEWORK, "bedrock", [MODEL]),
    ]
    for write in writes:
        with pytest.raises(StoreEnvironmentError, match="read-only"):
            write()
    assert snapshot(store, rid) == before
    # What the caller holds is intact, ready to be saved once the store takes writes.
    assert [x.id for x in result.findings] == [""] and draft.id == "" and draft.source == "model"
    db.query("PRAGMA query_only=OFF")
    assert store.record_result(rid, method.id, hash_of(method), result).status == "done"
    assert store.add_user_finding(rid, method.id, draft).source == "user"


def test_full_disk_rolls_the_whole_write_back(opened):
    db, store, rid, doc = opened
    _, method = doc.walk()
    pages = db.query("PRAGMA page_count")[0][0]
    db.query(f"PRAGMA max_page_count={pages}")
    big = answer(*(finding("We measured twice.", issue="x" * 2000 + str(i)) for i in range(50)),
                 usage=Usage(requests=1, input_tokens=10))
    with pytest.raises(StoreEnvironmentError, match="disk is full"):
        store.record_result(rid, method.id, hash_of(method), big)
    state = store.review_state(rid)
    assert state.sections[method.id].status == "not-analysed"
    assert state.findings(method.id) == []
    assert store.statistics(rid).usage_by_model == {}  # no half-written usage either
    db.query("PRAGMA max_page_count=1073741823")
    assert len(store.record_result(rid, method.id, hash_of(method), big).findings) == 50
    assert db.integrity_ok()


def test_locked_database_is_an_environment_error(opened, tmp_path):
    db, store, rid, doc = opened
    scope, _ = doc.walk()
    db.set_busy_timeout(0.05)  # do not wait the usual thirty seconds
    with closing(sqlite3.connect(db.path, isolation_level=None)) as other:
        other.execute("BEGIN EXCLUSIVE")
        try:
            with pytest.raises(StoreEnvironmentError, match="locked"):
                store.record_result(rid, scope.id, hash_of(scope), answer())
            with pytest.raises(StoreEnvironmentError, match="locked"):
                store.open_or_create_review(doc, FRAMEWORK_ID, FRAMEWORK, "bedrock", [MODEL])
            assert store.review_state(rid).sections[scope.id].status == "not-analysed"
        finally:
            other.execute("ROLLBACK")
    assert store.record_result(rid, scope.id, hash_of(scope), answer()).status == "done"


def test_damaged_file_is_reported_plainly(tmp_path):
    folder = tmp_path / "store"
    Database(folder).close()
    with open(folder / DB_NAME, "r+b") as fh:
        fh.write(b"this is not what SQLite wrote here" * 4)
    with pytest.raises(StoreEnvironmentError, match="damaged") as err:
        Database(folder)
    assert str(folder / DB_NAME) in str(err.value)


def test_a_folder_that_cannot_exist_is_an_environment_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("a file where the data folder should be")
    with pytest.raises(StoreEnvironmentError, match="cannot open"):
        Database(blocker / "store")


def test_version_1_store_migrates_keeping_its_results(tmp_path):
    folder = tmp_path / "store"
    folder.mkdir()
    with closing(sqlite3.connect(folder / DB_NAME)) as conn:
        for statement in MIGRATIONS[0]:
            conn.execute(statement)
        conn.execute("INSERT INTO results (cache_key, section_hash, framework, provider, model,"
                     " payload) VALUES ('k1', 'h1', 'fw', 'prov', 'm',"
                     " '{\"findings\": [], \"model\": \"m\", \"usage\": {}, \"seconds\": 1.5}')")
        conn.execute("PRAGMA user_version=1")
        conn.commit()
    db = Database(folder)
    try:
        assert db.query("PRAGMA user_version")[0][0] == len(MIGRATIONS) == 5
        cached = ResultCache(db).get("k1")
        assert cached is not None and cached.model == "m" and cached.seconds == 1.5
        tables = {r[0] for r in db.query("SELECT name FROM sqlite_master WHERE type = 'table'")}
        assert {"documents", "reviews", "review_sections", "findings", "chat_messages",
                "usage_events", "batch_jobs"} <= tables
        assert db.query("PRAGMA foreign_keys")[0][0] == 1
        assert db.integrity_ok()
    finally:
        db.close()


def test_newer_schema_is_refused(tmp_path):
    folder = tmp_path / "store"
    Database(folder).close()
    with closing(sqlite3.connect(folder / DB_NAME)) as conn:
        conn.execute(f"PRAGMA user_version={len(MIGRATIONS) + 1}")
    with pytest.raises(StoreEnvironmentError, match="newer Margin"):
        Database(folder)


def test_programming_mistakes_are_bugs_not_the_machines_fault(opened):
    db, store, rid, doc = opened
    scope, _ = doc.walk()
    with pytest.raises(StoreBugError):
        store.record_result(rid + 99, scope.id, hash_of(scope), answer())
    with pytest.raises(StoreBugError):
        store.record_result(rid, "no-such-section", "0" * 64, answer())
    bad = finding("The scope is small.")
    bad.severity = "catastrophic"  # breaks a CHECK constraint
    with pytest.raises(StoreBugError):
        store.record_result(rid, scope.id, hash_of(scope), answer(bad))
    assert store.review_state(rid).sections[scope.id].status == "not-analysed"
    with pytest.raises(StoreBugError):
        store.review_state(rid + 99)
    db.close()
    with pytest.raises(StoreBugError):
        store.list_reviews()


def test_every_commit_reaches_the_disk_from_the_syncer_thread(opened, monkeypatch):
    """The connection commits with synchronous=NORMAL (no fsync on the committing
    thread, the GUI's); the syncer thread fsyncs the WAL after each commit."""
    import os
    import threading

    db, store, rid, doc = opened
    assert db.query("PRAGMA synchronous")[0][0] == 1  # NORMAL
    assert db.wait_synced()
    synced: list[tuple[str, str]] = []  # (thread, file)
    real = getattr(os, "fdatasync", None) or os.fsync

    def spy(fd: int) -> None:
        synced.append((threading.current_thread().name, os.readlink(f"/proc/self/fd/{fd}")))
        real(fd)

    monkeypatch.setattr(os, "fdatasync", spy, raising=False)
    monkeypatch.setattr(os, "fsync", spy)
    scope, _method = doc.walk()
    store.record_result(rid, scope.id, hash_of(scope), answer(finding("The scope is small.")))
    assert db.wait_synced()
    assert synced and all(name == "store-sync" for name, _ in synced)
    assert all(path.endswith(f"{DB_NAME}-wal") for _, path in synced)


def test_a_failed_sync_is_said_by_the_next_write(opened, monkeypatch):
    """As synchronous=FULL would fail the commit, a sync that fails is reported by
    the next transaction (once), as the machine's fault; the data stays readable."""
    import errno
    import os

    db, store, rid, doc = opened
    scope, method = doc.walk()

    def broken(fd: int) -> None:
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(os, "fdatasync", broken, raising=False)
    monkeypatch.setattr(os, "fsync", broken)
    store.record_result(rid, scope.id, hash_of(scope), answer(finding("The scope is small.")))
    assert db.wait_synced()
    with pytest.raises(StoreEnvironmentError, match="disk write failed.*Input/output error"):
        store.record_result(rid, method.id, hash_of(method),
                            answer(finding("We measured twice.")))
    monkeypatch.undo()
    store.record_result(rid, method.id, hash_of(method), answer(finding("We measured twice.")))
    assert set(snapshot(store, rid)) == {scope.id, method.id}
