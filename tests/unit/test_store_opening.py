"""Opening the store: checked, a damaged one moved aside, an unusable one
replaced by a store in memory, and always a sentence saying so."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from desktop_app.store.db import DB_NAME, Database, StoreEnvironmentError
from desktop_app.store.opening import open_store, with_fallback


def a_store(folder: Path, pages: int = 40) -> Path:
    Database(folder).close()
    with closing(sqlite3.connect(folder / DB_NAME)) as conn:
        conn.execute("CREATE TABLE padding (x)")
        conn.executemany("INSERT INTO padding VALUES (?)", [("y" * 3000,)] * pages)
        conn.commit()
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return folder / DB_NAME


def damage_middle(path: Path) -> bytes:
    data = bytearray(path.read_bytes())
    middle = len(data) // 4096 // 2 * 4096
    data[middle:middle + 4096] = b"\xff" * 4096
    path.write_bytes(bytes(data))
    return bytes(data)


def test_a_healthy_store_opens_quietly(tmp_path):
    a_store(tmp_path)
    opened = open_store(tmp_path)
    try:
        assert opened.saved and opened.notice == ""
        assert opened.db.path == tmp_path / DB_NAME
    finally:
        opened.db.close()


def test_garbage_in_the_middle_is_found_and_the_store_moved_aside(tmp_path):
    damaged = damage_middle(a_store(tmp_path))
    opened = open_store(tmp_path)
    try:
        assert opened.saved and "damaged" in opened.notice
        (aside,) = tmp_path.glob(f"{DB_NAME}.damaged-*")
        assert aside.read_bytes() == damaged and aside.name in opened.notice
        assert opened.db.quick_check(5) == ""  # the new store
    finally:
        opened.db.close()


def test_the_check_is_bounded_in_time(tmp_path):
    a_store(tmp_path)
    with closing(sqlite3.connect(tmp_path / DB_NAME)) as conn:  # ~40 MB: a check of ~50 ms
        conn.execute("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n"
                     " WHERE i < 10000) INSERT INTO padding SELECT randomblob(4000) FROM n")
        conn.commit()
    db = Database(tmp_path)
    try:
        assert db.quick_check(30.0) == ""
        assert db.quick_check(0.001) is None  # cut short: not a verdict
        assert db.query("SELECT COUNT(*) FROM padding")[0][0] > 10000  # usable after
    finally:
        db.close()
    opened = open_store(tmp_path, check_seconds=0.001)
    try:
        assert opened.saved and opened.notice == ""
    finally:
        opened.db.close()


def test_an_unusable_folder_gives_a_store_in_memory_that_says_so(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("a file where the data folder should be")
    opened = open_store(blocker / "data")
    try:
        assert not opened.saved
        assert "cannot be used" in opened.notice and "in memory" in opened.notice
        assert opened.db.query("SELECT COUNT(*) FROM reviews")[0][0] == 0
    finally:
        opened.db.close()
    with pytest.raises(StoreEnvironmentError):
        open_store(blocker / "data", memory_fallback=False)


def test_a_store_refusing_its_first_write_falls_back_to_memory(tmp_path):
    a_store(tmp_path)
    opened = open_store(tmp_path)
    opened.db.query("PRAGMA query_only=ON")  # read-only from here, as a full disk would be

    def write(db: Database) -> int:
        with db.transaction() as conn:
            conn.execute("INSERT INTO documents (path, sha256) VALUES ('a', 'b')")
        return 7

    fallback, value = with_fallback(opened, write)
    try:
        assert value == 7 and not fallback.saved and "read-only" in fallback.notice
    finally:
        fallback.db.close()
