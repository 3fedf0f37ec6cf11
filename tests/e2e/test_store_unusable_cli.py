"""`margin review` with a store it cannot use: it reviews anyway.

A damaged store is moved aside (kept) and a new one started; a read-only or
full one is replaced by a store in memory for the run. Either way the report
and the reviewed copy are written, stderr says once what happened to the
store, and the exit code is the review's, not 1.
"""

from __future__ import annotations

import json
import os
import resource
import shutil
import signal
import sqlite3
import subprocess
from contextlib import closing, contextmanager
from pathlib import Path

import pytest

from desktop_app.store.db import DB_NAME
from tests.docx_factory import p, write_docx
from tests.e2e.cli import margin

SECTIONS = 3


def write_doc(path: Path) -> Path:
    body = "".join(p(f"Chapter {i}", "berschrift1")
                   + p(f"Pump {i} stopped. TODO: add the log for day {i}.")
                   for i in range(SECTIONS))
    return write_docx(path, body)


def review(tmp_path: Path, env: dict, **kw) -> tuple[subprocess.CompletedProcess, dict]:
    doc, report, out = write_doc(tmp_path / "d.docx"), tmp_path / "r.json", tmp_path / "o.docx"
    for stale in (report, out):
        stale.unlink(missing_ok=True)
    proc = margin(["review", str(doc), "--provider", "local", "--report", str(report),
                   "--out", str(out), "--accept-all"], env, **kw)
    assert proc.returncode == 0, proc.stderr
    assert out.stat().st_size > 0
    data = json.loads(report.read_text())
    assert [s["status"] for s in data["sections"]] == ["done"] * SECTIONS
    return proc, data


def a_used_store(tmp_path: Path, env: dict, data: Path) -> bytes:
    """A store with one review in it (and with more than a few pages), as bytes."""
    review(tmp_path, env)
    with closing(sqlite3.connect(data / DB_NAME)) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.execute("CREATE TABLE padding (x)")  # pages past the schema to damage
        conn.executemany("INSERT INTO padding VALUES (?)", [("y" * 3000,)] * 40)
        conn.commit()
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return (data / DB_NAME).read_bytes()


def stored_reviews(data: Path) -> int:
    with closing(sqlite3.connect(data / DB_NAME)) as conn:
        return conn.execute("SELECT COUNT(*) FROM review_sections WHERE status = 'done'"
                            ).fetchone()[0]


@pytest.mark.parametrize("where", ["middle", "header"])
def test_a_damaged_store_is_moved_aside_and_a_new_one_used(where, env, tmp_path,
                                                           isolated_data_dir):
    original = a_used_store(tmp_path, env, isolated_data_dir)
    damaged = bytearray(original)
    at = 0 if where == "header" else (len(original) // 4096 // 2) * 4096
    damaged[at:at + 4096] = (b"garbage!" * 512)  # a whole page overwritten
    (isolated_data_dir / DB_NAME).write_bytes(bytes(damaged))

    proc, _ = review(tmp_path, env)
    (said,) = [line for line in proc.stderr.splitlines() if "review store" in line]
    (aside,) = isolated_data_dir.glob(f"{DB_NAME}.damaged-*")
    assert aside.name in said and "new store" in said
    assert aside.read_bytes() == bytes(damaged)  # kept as it was, for recovery
    assert stored_reviews(isolated_data_dir) == SECTIONS  # the new store saves

    again, _ = review(tmp_path, env)
    assert "review store" not in again.stderr


def test_a_full_disk_at_start_still_gives_the_review(env, tmp_path, isolated_data_dir):
    a_used_store(tmp_path, env, isolated_data_dir)
    shutil.rmtree(isolated_data_dir / "logs")
    limit = 16 * 1024  # no file grows past this: the store's first write cannot land

    def small_files() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    body = "".join(p(f"Step {i}", "berschrift1") + p(f"Valve {i} leaked. TODO: say where.")
                   for i in range(SECTIONS))
    doc, report = write_docx(tmp_path / "new.docx", body), tmp_path / "full.json"
    proc = subprocess.run(
        [*_margin_argv(), "review", str(doc), "--provider", "local", "--report", str(report)],
        env=env, capture_output=True, text=True, timeout=120, preexec_fn=small_files)
    assert proc.returncode == 0, proc.stderr
    (said,) = [line for line in proc.stderr.splitlines() if "review store" in line]
    assert "cannot be used" in said and "not saved for the next run" in said
    data = json.loads(report.read_text())
    assert [s["status"] for s in data["sections"]] == ["done"] * SECTIONS
    assert sum(len(s["findings"]) for s in data["sections"]) >= SECTIONS


def _margin_argv() -> list[str]:
    import sys

    return [sys.executable, "-m", "desktop_app"]


@contextmanager
def read_only(folder: Path):
    """The folder and its files read-only, even for root (who ignores mode bits)."""
    files = [folder, *folder.iterdir()]
    modes = {f: f.stat().st_mode for f in files}
    immutable = os.geteuid() == 0
    if immutable and shutil.which("chattr") is None:
        pytest.skip("running as root without chattr: cannot make a folder read-only")
    for f in files[1:]:
        f.chmod(0o444)
    folder.chmod(0o555)
    try:
        if immutable:
            done = subprocess.run(["chattr", "+i", *map(str, files)], capture_output=True)
            if done.returncode != 0:
                pytest.skip(f"chattr +i refused here: {done.stderr.decode().strip()}")
        yield
    finally:
        if immutable:
            subprocess.run(["chattr", "-i", *map(str, files)], capture_output=True)
        for f, mode in modes.items():
            f.chmod(mode)


def test_a_read_only_store_still_gives_the_review(env, tmp_path, isolated_data_dir):
    a_used_store(tmp_path, env, isolated_data_dir)
    for side in isolated_data_dir.glob(f"{DB_NAME}-*"):
        side.unlink()
    shutil.rmtree(isolated_data_dir / "logs", ignore_errors=True)
    before = (isolated_data_dir / DB_NAME).read_bytes()
    with read_only(isolated_data_dir):
        proc, data = review(tmp_path, env)
    (said,) = [line for line in proc.stderr.splitlines() if "review store" in line]
    assert "cannot be used" in said, said
    assert (isolated_data_dir / DB_NAME).read_bytes() == before
    assert sum(len(s["findings"]) for s in data["sections"]) >= SECTIONS
