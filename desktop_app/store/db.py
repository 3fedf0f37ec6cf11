"""SQLite done properly: versioned schema, WAL, short transactions, clear errors.

One connection, used from the thread that opened it (the GUI or CLI main
thread), and, for the answers the analysis threads save themselves, a second
one (`sibling`) that they take turns on (session/storage.py). Errors are
split into what the user can fix (disk full, read-only, locked, corrupt) and
what is a bug in Margin. A commit's trip to the disk (fsync) is made by a
syncer thread, not by the thread that commits (`_Syncer`).
"""

from __future__ import annotations

import logging
import os
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

from desktop_app.store.schema import MIGRATIONS

DB_NAME = "margin.sqlite3"
BUSY_SECONDS = 30.0  # another run's transactions take milliseconds: wait, do not fail
T = TypeVar("T")
log = logging.getLogger(__name__)


class StoreError(Exception):
    """Base class; `str()` is a message for the user."""


class StoreEnvironmentError(StoreError):
    """The machine's fault: disk full, read-only, locked or corrupt database."""


class StoreDamagedError(StoreEnvironmentError):
    """The database file is damaged: SQLite says so, or the integrity check does."""


class StoreBugError(StoreError):
    """Margin's fault: a query or schema mistake."""


_ENVIRONMENT_CODES = {
    sqlite3.SQLITE_FULL: "the disk is full",
    sqlite3.SQLITE_READONLY: "the database is read-only",
    sqlite3.SQLITE_BUSY: "the database is locked by another program",
    sqlite3.SQLITE_LOCKED: "the database is locked",
    sqlite3.SQLITE_CORRUPT: "the database file is damaged",
    sqlite3.SQLITE_NOTADB: "the database file is damaged (it is not a SQLite database)",
    sqlite3.SQLITE_IOERR: "a disk read or write failed",
    sqlite3.SQLITE_CANTOPEN: "the database file cannot be opened",
    sqlite3.SQLITE_PERM: "permission denied",
}


def _busy(exc: sqlite3.Error) -> bool:
    code = getattr(exc, "sqlite_errorcode", None)
    return isinstance(code, int) and code & 0xFF in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)


def translate(exc: sqlite3.Error, path: Path) -> StoreError:
    code = getattr(exc, "sqlite_errorcode", None)
    primary = code & 0xFF if isinstance(code, int) else None
    if primary in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB):
        return StoreDamagedError(f"cannot save to {path}: {_ENVIRONMENT_CODES[primary]}")
    if primary in _ENVIRONMENT_CODES:
        return StoreEnvironmentError(f"cannot save to {path}: {_ENVIRONMENT_CODES[primary]}")
    if isinstance(exc, sqlite3.OperationalError) and "disk" in str(exc).lower():
        return StoreEnvironmentError(f"cannot save to {path}: {exc}")
    return StoreBugError(f"internal database error ({exc})")


class _Syncer:
    """Makes every commit durable, on a thread of its own, right after it is made.

    With synchronous=FULL each COMMIT waits for fsync of the WAL on the
    committing thread: 0.7 ms p50 on a quiet disk, 6.5 ms on this machine's,
    ~150 ms when other processes write, and that thread is the GUI's (one
    commit per answer; bench/window_bench.py). So the connection runs
    synchronous=NORMAL (a commit is written to the WAL, which survives the
    process being killed, and SQLite syncs it before every checkpoint: the
    file cannot be damaged by a power cut) and this thread fsyncs the WAL
    after each commit, coalescing those that come while it syncs. A power
    cut loses at most the commits of the last sync's few milliseconds, like
    the requests in flight (PRODUCT.md). A failed sync is raised by the next
    transaction, as FULL would have raised it from the commit.
    """

    def __init__(self, wal: Path) -> None:
        self.wal = wal
        self.syncs = 0  # fsyncs made (tests)
        self.error: OSError | None = None
        self._asked = 0  # commits told so far
        self._done = 0  # commits covered by a finished sync
        self._closing = False
        self._cond = threading.Condition()
        self._thread: threading.Thread | None = None

    def committed(self) -> None:
        with self._cond:
            self._asked += 1
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="store-sync",
                                                daemon=True)
                self._thread.start()
            self._cond.notify_all()

    def wait(self, timeout: float = 10.0) -> bool:
        """Until every commit told so far is on the disk (or `timeout` passed)."""
        with self._cond:
            return self._cond.wait_for(lambda: self._done >= self._asked, timeout)

    def close(self) -> None:
        with self._cond:
            self._closing = True
            self._cond.notify_all()
        if self._thread is not None:
            self._thread.join(10.0)

    def _run(self) -> None:
        while True:
            with self._cond:
                self._cond.wait_for(lambda: self._closing or self._done < self._asked)
                if self._done >= self._asked:  # closing, nothing left to sync
                    return
                target = self._asked
            try:
                self._sync()
            except OSError as exc:
                log.warning("syncing %s failed: %s", self.wal, exc)
                with self._cond:
                    self.error = exc
            with self._cond:
                self._done = target
                self._cond.notify_all()

    def _sync(self) -> None:
        # Opened for each sync, never held: Windows could not delete the WAL
        # (SQLite does, on the last close) while we hold it open; and a WAL
        # gone meanwhile was checkpointed into the database, which SQLite synced.
        try:
            fd = os.open(self.wal, os.O_RDWR | getattr(os, "O_BINARY", 0))
        except FileNotFoundError:
            return
        try:
            (getattr(os, "fdatasync", None) or os.fsync)(fd)
            self.syncs += 1
        finally:
            os.close(fd)


class Database:
    """`busy_seconds`: how long a statement waits for another process's write
    (two runs on one data folder take turns instead of failing)."""

    def __init__(self, folder: Path | None, *, busy_seconds: float = BUSY_SECONDS) -> None:
        """`folder` None: a private store in memory, gone when closed."""
        self.path = Path(folder) / DB_NAME if folder is not None else Path(":memory:")
        self.busy_seconds = busy_seconds
        self._syncer = _Syncer(Path(f"{self.path}-wal")) if folder is not None else None
        if folder is not None:
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise StoreEnvironmentError(
                    f"cannot open {self.path}: {exc.strerror or exc}") from exc
        self._owns_syncer = True
        self._any_thread = False
        self._conn = self._patiently(self._open)

    @classmethod
    def in_memory(cls) -> Database:
        return cls(None)

    def sibling(self) -> Database:
        """Another connection to this store, usable from any thread (one at a time: the
        caller serialises), its commits made durable by this one's syncer. Raises
        StoreError; a store in memory has none (it is private to its connection)."""
        if self._syncer is None:
            raise StoreBugError("internal database error (a store in memory has one connection)")
        other = Database.__new__(Database)
        other.path, other.busy_seconds = self.path, self.busy_seconds
        other._syncer, other._owns_syncer, other._any_thread = self._syncer, False, True
        other._conn = other._patiently(other._open)
        return other

    def _open(self) -> sqlite3.Connection:
        conn: sqlite3.Connection | None = None
        try:
            conn = sqlite3.connect(self.path, timeout=self.busy_seconds, isolation_level=None,
                                   check_same_thread=not self._any_thread)
            self._conn = conn
            conn.row_factory = sqlite3.Row
            conn.execute("PRAGMA journal_mode=WAL")
            # NORMAL, and `_Syncer` makes each commit durable right after it.
            conn.execute("PRAGMA synchronous=NORMAL")
            conn.execute("PRAGMA foreign_keys=ON")
            self._migrate()
            return conn
        except BaseException as exc:
            # A half-opened connection must not linger until garbage collection.
            if conn is not None:
                conn.close()
            if isinstance(exc, sqlite3.Error) and not _busy(exc):
                raise translate(exc, self.path) from exc
            if isinstance(exc, OSError):
                raise StoreEnvironmentError(
                    f"cannot open {self.path}: {exc.strerror or exc}") from exc
            raise

    def _patiently(self, action: Callable[[], T]) -> T:
        """`action()`, again after a pause while SQLite says another connection
        holds the lock, until `busy_seconds` have passed. SQLite's own busy
        handler covers most waits; some it does not (a WAL being recovered or
        set up by another process, a schema being created), and those would
        fail a second run at once."""
        deadline = time.monotonic() + self.busy_seconds
        pause = 0.005
        while True:
            try:
                return action()
            except sqlite3.Error as exc:
                if not _busy(exc) or time.monotonic() + pause > deadline:
                    raise translate(exc, self.path) from exc
            time.sleep(pause)
            pause = min(pause * 2, 0.25)

    def set_busy_timeout(self, seconds: float) -> None:
        self.busy_seconds = seconds
        self._conn.execute(f"PRAGMA busy_timeout={int(seconds * 1000)}")

    def _migrate(self) -> None:
        if self._conn.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS):
            return  # the usual case: no write lock taken to open
        # Read the version again under the write lock: two processes opening a
        # new store at once both saw version 0 and both created the tables.
        self._conn.execute("BEGIN IMMEDIATE")
        try:
            version = self._conn.execute("PRAGMA user_version").fetchone()[0]
            if version > len(MIGRATIONS):
                raise StoreEnvironmentError(
                    f"{self.path} was written by a newer Margin (schema {version}); "
                    "update Margin")
            for target, script in enumerate(MIGRATIONS[version:], start=version + 1):
                for statement in script:
                    self._conn.execute(statement)
                self._conn.execute(f"PRAGMA user_version={target}")
            self._conn.execute("COMMIT")
        except BaseException:
            self._rollback()
            raise
        self._committed()

    def _committed(self) -> None:
        if self._syncer is not None:
            self._syncer.committed()

    def _sync_error(self) -> None:
        """A sync that failed since the last transaction: said now, once."""
        if self._syncer is not None and (exc := self._syncer.error) is not None:
            if self._owns_syncer:  # a sibling refuses its write but leaves the saying to
                self._syncer.error = None  # the owner's connection, whose caller reports it
            raise StoreEnvironmentError(
                f"cannot save to {self.path}: a disk write failed "
                f"({exc.strerror or exc}); the last changes may not be on the disk")

    def wait_synced(self, timeout: float = 10.0) -> bool:
        """Until every commit so far is on the disk: tests, and before a report says so."""
        return self._syncer.wait(timeout) if self._syncer is not None else True

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """BEGIN IMMEDIATE … COMMIT; rolled back and translated on error."""
        self._sync_error()
        self._patiently(lambda: self._conn.execute("BEGIN IMMEDIATE"))
        try:
            yield self._conn
        except sqlite3.Error as exc:
            self._rollback()
            raise translate(exc, self.path) from exc
        except UnicodeEncodeError:
            # A lone surrogate in a value: a bug upstream, said without the text.
            self._rollback()
            raise StoreBugError("internal database error (text with an invalid character, "
                                "a lone surrogate, cannot be stored)") from None
        except BaseException:
            self._rollback()
            raise
        else:
            try:
                self._conn.execute("COMMIT")
            except sqlite3.Error as exc:
                self._rollback()
                raise translate(exc, self.path) from exc
            self._committed()

    def _rollback(self) -> None:
        # SQLite rolls back by itself after some errors (disk full, I/O);
        # a second ROLLBACK would then fail and hide the real error.
        if self._conn.in_transaction:
            try:
                self._conn.execute("ROLLBACK")
            except sqlite3.Error:
                pass  # the error being raised says more than this one

    def query(self, sql: str, params: tuple = ()) -> list[sqlite3.Row]:
        return self._patiently(lambda: self._conn.execute(sql, params).fetchall())

    def integrity_ok(self) -> bool:
        return self.query("PRAGMA integrity_check")[0][0] == "ok"

    def quick_check(self, budget_seconds: float) -> str | None:
        """SQLite's quick check of every page, cut short after `budget_seconds`:
        the first problems found, "" when none, None when the budget ran out first.

        The check is one VDBE step (a progress handler never runs during it), so
        a timer thread interrupts the connection, which SQLite allows from any
        thread. Measured: 0.29 s for a 240 MB store with a warm cache; the budget
        only bounds the start on a very large store or a slow disk."""
        timer = threading.Timer(budget_seconds, self._conn.interrupt)
        timer.daemon = True
        timer.start()
        try:
            rows = self._conn.execute("PRAGMA quick_check(3)").fetchall()
        except sqlite3.Error as exc:
            if getattr(exc, "sqlite_errorcode", None) == sqlite3.SQLITE_INTERRUPT:
                return None
            raise translate(exc, self.path) from exc
        finally:
            timer.cancel()
            timer.join()  # an interrupt must not land on the next statement
        found = [row[0] for row in rows]
        return "" if found == ["ok"] else "; ".join(found)

    def close(self) -> None:
        if self._syncer is not None and self._owns_syncer:
            self._syncer.close()  # the commits made so far synced first
        self._conn.close()
