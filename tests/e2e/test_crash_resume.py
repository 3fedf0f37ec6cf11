"""A `margin review` killed mid-run resumes where it stopped.

Each answer is saved in the review store as it arrives, so after a SIGKILL
the rerun asks only for the sections that had no answer yet, and the store is
intact.
"""

from __future__ import annotations

import json
import signal
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from contextlib import closing
from pathlib import Path

import pytest

from desktop_app.document import load
from desktop_app.store.db import DB_NAME
from desktop_app.store.results import section_hash
from tests.conftest_bedrock import PRIMARY
from tests.docx_factory import p, write_docx

SECTIONS = 12


def saved_sections(store: Path) -> tuple[set[str], set[str]]:
    """(ids of sections done in a review, section hashes in the result cache)."""
    if not store.exists():
        return set(), set()
    try:
        with closing(sqlite3.connect(store, timeout=2.0)) as conn:
            conn.execute("PRAGMA query_only=ON")
            done = {r[0] for r in conn.execute(
                "SELECT section_id FROM review_sections WHERE status = 'done'")}
            cached = {r[0] for r in conn.execute("SELECT section_hash FROM results")}
    except sqlite3.OperationalError:  # created but not migrated yet
        return set(), set()
    return done, cached


def test_killed_review_resumes_without_asking_twice(aws_env, tmp_path, fake_bedrock,
                                                    isolated_data_dir):
    body = "".join(
        p(f"Chapter {i}", "berschrift1")
        + p(f"Pump {i} stopped after {i + 2} hours of load. The crew restarted it by hand.")
        for i in range(SECTIONS))
    path = write_docx(tmp_path / "long.docx", body)
    sections = list(load(str(path)).walk())
    assert len(sections) == SECTIONS
    fake_bedrock.model(PRIMARY).latency = 0.3
    store = isolated_data_dir / DB_NAME
    report = tmp_path / "r.json"
    command = [sys.executable, "-m", "desktop_app", "review", str(path), "--provider",
               "bedrock", "--concurrency", "2", "--report", str(report)]

    with open(tmp_path / "first.err", "w") as stderr:
        first = subprocess.Popen(command, env=aws_env, stdout=subprocess.DEVNULL, stderr=stderr)
        try:
            deadline = time.monotonic() + 60
            while len(saved_sections(store)[0]) < 3:
                assert first.poll() is None, "the run ended before it could be killed"
                assert time.monotonic() < deadline, "no section was saved within 60 s"
                time.sleep(0.02)
        finally:
            if first.poll() is None:
                first.send_signal(signal.SIGKILL)
            first.wait(timeout=30)
    assert first.returncode == -signal.SIGKILL
    assert not report.exists()

    done, cached = saved_sections(store)
    finished = {s.id for s in sections
                if s.id in done or section_hash(s.title, s.text) in cached}
    assert 3 <= len(finished) < SECTIONS, "the kill came too late to test anything"

    rerun_started = time.monotonic()
    rerun = subprocess.run(command, env=aws_env, capture_output=True, text=True, timeout=120)
    assert rerun.returncode == 0, rerun.stderr

    asked_again = Counter(r.section_text for r in fake_bedrock.requests_for(PRIMARY)
                          if r.at >= rerun_started)
    assert asked_again == Counter(s.text for s in sections if s.id not in finished)

    data = json.loads(report.read_text())
    assert [s["status"] for s in data["sections"]] == ["done"] * SECTIONS
    ids = [f["id"] for s in data["sections"] for f in s["findings"]]
    assert len(ids) == SECTIONS and len(set(ids)) == len(ids)

    with closing(sqlite3.connect(store)) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        (current,) = conn.execute("SELECT COUNT(*) FROM findings WHERE superseded = 0").fetchone()
        assert current == SECTIONS
        (reviews,) = conn.execute("SELECT COUNT(*) FROM reviews").fetchone()
        assert reviews == 1


# -- killed at any moment, alone or with a second run on the same data folder -------------

TWINS = 3  # sections of identical title and text: their cached answers once clashed


def twin_document(path: Path) -> Path:
    """Sections a cache can confuse: TWINS copies of one, then distinct ones."""
    same = p("Checks", "berschrift1") + p("The valve was checked. TODO: record who did it.")
    body = same * TWINS + "".join(
        p(f"Chapter {i}", "berschrift1")
        + p(f"Pump {i} stopped after {i + 2} hours of load. The crew restarted it by hand.")
        for i in range(SECTIONS - TWINS))
    return write_docx(path, body)


def kill_when(command: list[str], env: dict, ready, stderr: Path) -> None:
    """Start `command`, SIGKILL it as soon as `ready()` holds (or it ends)."""
    with open(stderr, "w") as err:
        proc = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=err)
        try:
            deadline = time.monotonic() + 60
            while not ready() and proc.poll() is None:
                assert time.monotonic() < deadline, "the kill point never came"
                time.sleep(0.005)
        finally:
            if proc.poll() is None:
                proc.send_signal(signal.SIGKILL)
            proc.wait(timeout=30)


def assert_rerun_saves_everything(command: list[str], env: dict, report: Path,
                                  store: Path, sections: list) -> None:
    report.unlink(missing_ok=True)
    rerun = subprocess.run(command, env=env, capture_output=True, text=True, timeout=180)
    assert rerun.returncode == 0, rerun.stderr
    assert "not being saved" not in rerun.stderr and "internal" not in rerun.stderr
    data = json.loads(report.read_text())
    assert [s["id"] for s in data["sections"]] == [s.id for s in sections]
    assert [s["status"] for s in data["sections"]] == ["done"] * len(sections)
    ids = [f["id"] for s in data["sections"] for f in s["findings"]]
    assert ids and len(set(ids)) == len(ids)
    with closing(sqlite3.connect(store)) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        statuses = [r[0] for r in conn.execute("SELECT status FROM review_sections")]
        assert statuses == ["done"] * len(sections)
        (current,) = conn.execute("SELECT COUNT(*) FROM findings WHERE superseded = 0").fetchone()
        assert current == len(ids)


@pytest.mark.parametrize(("provider", "moment"), [
    ("bedrock", "store-created"), ("bedrock", "first-saved"), ("bedrock", "half-saved"),
    ("local", "half-saved"),
])
def test_killed_at_any_moment_the_rerun_saves_every_section(moment, provider, env, aws_env,
                                                            tmp_path, fake_bedrock,
                                                            isolated_data_dir):
    fake_bedrock.model(PRIMARY).latency = 0.2
    run_env = aws_env if provider == "bedrock" else env
    path = twin_document(tmp_path / "twins.docx")
    sections = list(load(str(path)).walk())
    store = isolated_data_dir / DB_NAME
    report = tmp_path / "r.json"
    command = [sys.executable, "-m", "desktop_app", "review", str(path), "--provider",
               provider, "--concurrency", "2", "--report", str(report)]
    ready = {
        "store-created": store.exists,
        "first-saved": lambda: len(saved_sections(store)[0]) >= 1,
        "half-saved": lambda: len(saved_sections(store)[0]) >= SECTIONS // 2,
    }[moment]
    kill_when(command, run_env, ready, tmp_path / "killed.err")
    assert not report.exists() or moment != "store-created"
    assert_rerun_saves_everything(command, run_env, report, store, sections)


@pytest.mark.parametrize("survivor", [True, False], ids=["one-killed", "both-killed"])
def test_two_runs_on_one_folder_killed_then_a_rerun_saves_every_section(
        survivor, aws_env, tmp_path, fake_bedrock, isolated_data_dir):
    """Two runs of one document at once (the same review): one or both killed
    half-way, then a rerun. The clash of cached twin answers lost sections here."""
    fake_bedrock.model(PRIMARY).latency = 0.2
    path = twin_document(tmp_path / "twins.docx")
    sections = list(load(str(path)).walk())
    store = isolated_data_dir / DB_NAME
    report = tmp_path / "r.json"
    command = [sys.executable, "-m", "desktop_app", "review", str(path), "--provider",
               "bedrock", "--concurrency", "2", "--report", str(report)]
    other = subprocess.Popen([*command[:-1], str(tmp_path / "other.json")], env=aws_env,
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        kill_when(command, aws_env, lambda: len(saved_sections(store)[0]) >= SECTIONS // 2,
                  tmp_path / "killed.err")
        if not survivor:
            other.send_signal(signal.SIGKILL)
        _, err = other.communicate(timeout=180)
    finally:
        if other.poll() is None:
            other.kill()
            other.wait(timeout=30)
    if survivor:
        assert other.returncode == 0, err
        data = json.loads((tmp_path / "other.json").read_text())
        assert [s["status"] for s in data["sections"]] == ["done"] * len(sections)
    assert_rerun_saves_everything(command, aws_env, report, store, sections)
