"""Two runs on one data folder take turns in the store: neither fails for the
other's lock, and every section of both is saved."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from pathlib import Path

from desktop_app.store.db import DB_NAME
from tests.conftest_bedrock import PRIMARY
from tests.docx_factory import p, write_docx

SECTIONS = 10


def write_doc(path: Path, n: int = SECTIONS) -> Path:
    body = "".join(p(f"Chapter {i}", "berschrift1")
                   + p(f"Pump {i} stopped after {i + 2} hours. TODO: add the log.")
                   for i in range(n))
    return write_docx(path, body)


def command(doc: Path, report: Path, provider: str = "local") -> list[str]:
    return [sys.executable, "-m", "desktop_app", "review", str(doc), "--provider", provider,
            "--concurrency", "2", "--report", str(report)]


def done_in_store(data: Path) -> list[str]:
    with closing(sqlite3.connect(data / DB_NAME)) as conn:
        return [r[0] for r in conn.execute("SELECT status FROM review_sections")]


def test_a_run_waits_while_another_process_creates_the_store(env, tmp_path,
                                                              isolated_data_dir):
    """A second run that opens the store while the first is still creating it
    (a write transaction on a brand-new file) waited nothing and exited 1 with
    "database is locked"."""
    doc, report = write_doc(tmp_path / "d.docx"), tmp_path / "r.json"
    with closing(sqlite3.connect(isolated_data_dir / DB_NAME, isolation_level=None)) as first:
        first.execute("BEGIN IMMEDIATE")
        run = subprocess.Popen(command(doc, report), env=env, stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE, text=True)
        time.sleep(1.0)
        assert run.poll() is None, run.communicate()[1]
        first.execute("COMMIT")
    _, err = run.communicate(timeout=120)
    assert run.returncode == 0, err
    assert "locked" not in err
    data = json.loads(report.read_text())
    assert [s["status"] for s in data["sections"]] == ["done"] * SECTIONS
    assert done_in_store(isolated_data_dir) == ["done"] * SECTIONS


def test_two_runs_at_once_both_finish_and_save_every_section(aws_env, tmp_path, fake_bedrock,
                                                             isolated_data_dir):
    fake_bedrock.model(PRIMARY).latency = 0.05
    runs = []
    for k in range(2):
        doc, report = write_doc(tmp_path / f"d{k}.docx", SECTIONS + k), tmp_path / f"r{k}.json"
        runs.append((subprocess.Popen(command(doc, report, "bedrock"), env=aws_env,
                                      stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                      text=True), report, SECTIONS + k))
    for proc, report, n in runs:
        _, err = proc.communicate(timeout=180)
        assert proc.returncode == 0, err
        assert "not being saved" not in err
        data = json.loads(report.read_text())
        assert [s["status"] for s in data["sections"]] == ["done"] * n
    assert done_in_store(isolated_data_dir) == ["done"] * (2 * SECTIONS + 1)
