"""Opening the store so that a review always runs, saved when it can be.

A damaged store (SQLite refuses it, or its integrity check fails) is moved
aside, never deleted, and a new one started: the user keeps the old file for
recovery and every later run saves again. A store that cannot be used at all
(read-only, disk full, a folder that cannot be made, a newer Margin's schema)
is replaced for this run by one in memory: the review runs, its report and
reviewed copy are written, and nothing is kept for the next run. Either way
`notice` says so, in words for the user, once.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TypeVar

from desktop_app.store.db import (
    DB_NAME,
    Database,
    StoreDamagedError,
    StoreError,
)

log = logging.getLogger(__name__)

CHECK_SECONDS = 2.0  # the integrity check's budget at start (0.29 s measured for 240 MB)
SIDE_FILES = ("-wal", "-shm", "-journal")
T = TypeVar("T")


@dataclass(slots=True)
class OpenedStore:
    db: Database
    saved: bool  # False: an in-memory store, gone when the run ends
    notice: str = ""  # what the user must be told about the store; "" when all is well


def open_store(folder: Path, *, check_seconds: float = CHECK_SECONDS,
               memory_fallback: bool = True) -> OpenedStore:
    """The store in `folder`, checked; a new one if it was damaged; else one in
    memory (or, with `memory_fallback` False, the StoreError: the window keeps
    unsaved work itself and retries)."""
    path = Path(folder) / DB_NAME

    def unusable(err: StoreError) -> OpenedStore:
        if not memory_fallback:
            raise err
        return in_memory(str(err), path)

    try:
        db = Database(folder)
    except StoreDamagedError as err:
        return _replace_damaged(folder, path, _why_damaged(err), unusable)
    except StoreError as err:
        return unusable(err)
    try:
        problem = db.quick_check(check_seconds)
    except StoreDamagedError as err:
        db.close()
        return _replace_damaged(folder, path, _why_damaged(err), unusable)
    except StoreError as err:
        db.close()
        return unusable(err)
    if problem is None:
        log.info("store integrity check cut short after %.1f s: %s is large", check_seconds,
                 path)
    elif problem:
        db.close()
        return _replace_damaged(folder, path, f"its integrity check found: {problem}",
                                unusable)
    return OpenedStore(db, saved=True)


def in_memory(reason: str, path: Path | None = None) -> OpenedStore:
    """A store that lives as long as the run, for when the real one cannot be used."""
    where = f" {path}" if path is not None else ""
    notice = (f"the review store{where} cannot be used ({_plain(reason)}); this run's "
              "results are kept in memory only and are not saved for the next run")
    log.info("store: %s", notice)
    return OpenedStore(Database.in_memory(), saved=False, notice=notice)


def with_fallback(opened: OpenedStore, use: Callable[[Database], T]) -> tuple[OpenedStore, T]:
    """`use(db)`; if the store refuses that first write (full, read-only, damaged
    past what the check saw), the same on a store in memory instead."""
    try:
        return opened, use(opened.db)
    except StoreError as err:
        if not opened.saved:
            raise
        opened.db.close()
        fallback = in_memory(str(err), opened.db.path)
        if opened.notice:
            fallback.notice = f"{opened.notice}; then {fallback.notice}"
        return fallback, use(fallback.db)


def _replace_damaged(folder: Path, path: Path, reason: str,
                     unusable: Callable[[StoreError], OpenedStore]) -> OpenedStore:
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    aside = path.with_name(f"{DB_NAME}.damaged-{stamp}")
    n = 1
    while aside.exists():
        n += 1
        aside = path.with_name(f"{DB_NAME}.damaged-{stamp}-{n}")
    try:
        os.replace(path, aside)
        for suffix in SIDE_FILES:  # the WAL holds committed data too: it goes along
            side = path.with_name(DB_NAME + suffix)
            if side.exists():
                os.replace(side, aside.with_name(aside.name + suffix))
    except OSError as exc:
        return unusable(StoreDamagedError(
            f"cannot open {path}: it is damaged ({reason}) and could not be moved aside: "
            f"{exc.strerror or exc}"))
    moved = (f"the review store {path} is damaged ({reason}); it was moved to "
             f"{aside.name} (kept, not deleted) and a new store started")
    log.info("store: %s", moved)
    try:
        db = Database(folder)
    except StoreError as err:
        fallback = unusable(err)
        fallback.notice = f"{moved}; {fallback.notice}"
        return fallback
    return OpenedStore(db, saved=True, notice=moved)


def _why_damaged(err: StoreDamagedError) -> str:
    if "not a SQLite database" in str(err):
        return "it is not a SQLite database any more"
    return "SQLite found damaged pages in it"


def _plain(reason: str) -> str:
    """A StoreError's message without its "cannot save to PATH: " lead."""
    head, sep, tail = reason.partition(": ")
    return tail if sep and head.startswith(("cannot save to", "cannot open")) else reason
