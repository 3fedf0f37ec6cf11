"""SQLite done properly: versioned schema, WAL, short transactions, clear errors.

One connection, used from the thread that opened it (the GUI or CLI main
thread): workers hand results to that thread, which writes them. Errors are
split into what the user can fix (disk full, read-only, locked, corrupt) and
what is a bug in Margin.
"""

from __future__ import annotations

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


class Database:
    """`busy_seconds`: how long a statement waits for another process's write
    (two runs on one data folder take turns instead of failing)."""

    def __init__(self, folder: Path | None, *, busy_seconds: float = BUSY_SECONDS) -> None:
        """`folder` None: a private store in memory, gone when closed."""
        self.path = Path(folder) / DB_NAME if folder is not None else Path(":memory:")
        self.busy_seconds = busy_seconds
        if folder is not None:
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise StoreEnvironmentError(
                    f"cannot open {self.path}: {exc.strerror or exc}") from exc
        self._conn = self._patiently(self._open)

    @classmethod
    def in_memory(cls) -> Database:
        return cls(None)

    def _open(self) -> sqlite3.Connection:
        conn: sqlite3.Connection | None = None
        try:
            conn = sqlite3.connect(self.path, timeout=self.busy_seconds, isolation_level=None)
            self._conn = conn
            conn.row_factory = sqlite3.Row
            conn.execute("PRAGMA journal_mode=WAL")
            # FULL: every commit reaches the disk, so a power cut loses at most
            # the requests in flight (PRODUCT.md). Measured here: 0.7 ms p50,
            # 1.8 ms p99 per commit, against 0.06 ms with NORMAL.
            conn.execute("PRAGMA synchronous=FULL")
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

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """BEGIN IMMEDIATE … COMMIT; rolled back and translated on error."""
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
        self._conn.close()
