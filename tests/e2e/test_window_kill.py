"""A window killed after two decisions loses neither them nor its findings.

Every result and decision is written as it happens, so a SIGKILL right after
the reviewer accepted two findings leaves them in the store, and the store
intact: a new window on the same data folder shows the review as it was.
"""

from __future__ import annotations

import json
import queue
import signal
import sqlite3
import subprocess
import sys
import threading
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

import pytest

from desktop_app.store.db import DB_NAME
from desktop_app.ui.window.main_window import MainWindow
from tests.qt.review_doubles import make_flawed_docx

ROOT = Path(__file__).resolve().parents[2]
OFFSCREEN_NOISE = r"^This plugin does not support propagateSizeHints\(\)$"


def read_lines(stream, lines: queue.Queue) -> None:  # type: ignore[no-untyped-def]
    for line in stream:
        lines.put(line)
    lines.put(None)


def kill_when(child: subprocess.Popen, lines: queue.Queue, enough: Callable[[str], bool]) -> None:
    """Read the child's lines until `enough(line)` says so, then kill -9 it."""
    try:
        while True:
            line = lines.get(timeout=60)
            assert line is not None, f"the window ended early: {child.stderr.read()}"
            if enough(line):
                break
        child.send_signal(signal.SIGKILL)
        assert child.wait(timeout=30) == -signal.SIGKILL
    finally:
        child.kill()
        child.wait(timeout=30)
        child.stdout.close()
        child.stderr.close()


@pytest.mark.qt_log_ignore(OFFSCREEN_NOISE)
def test_killed_window_keeps_findings_and_decisions(qtbot, env, tmp_path: Path,
                                                    isolated_data_dir: Path) -> None:
    path = make_flawed_docx(tmp_path / "report.docx")
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.e2e.window_kill_script", str(path)], cwd=ROOT, env=env,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    lines: queue.Queue = queue.Queue()
    threading.Thread(target=read_lines, args=(child.stdout, lines), daemon=True).start()
    accepted: list = []

    def ready(line: str) -> bool:
        if line.startswith("READY "):
            accepted.extend(json.loads(line.removeprefix("READY "))["accepted"])
            return True
        return False

    kill_when(child, lines, ready)
    assert len(accepted) == 2

    store = isolated_data_dir / DB_NAME
    with closing(sqlite3.connect(store)) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []

    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.document_loaded, timeout=10_000) as loaded:
        window.open_path(path)
    doc = loaded.args[0]
    try:
        sections = list(doc.walk())
        assert all(window.model.status_for(s.id).value == "done" for s in sections)
        shown = {f.id: f for s in sections for f in window.review.session.results.findings(s.id)}
        assert len(shown) >= 4
        assert {fid: shown[fid].decision for fid in accepted} == dict.fromkeys(
            accepted, "accepted")
        assert sum(f.decision == "accepted" for f in shown.values()) == 2
    finally:
        window.close()


def _done_sections(store: Path) -> int:
    if not store.exists():
        return 0
    try:
        with closing(sqlite3.connect(store, timeout=2.0)) as conn:
            return conn.execute(
                "SELECT COUNT(*) FROM review_sections WHERE status = 'done'").fetchone()[0]
    except sqlite3.OperationalError:  # created, not migrated yet
        return 0


@pytest.mark.qt_log_ignore(OFFSCREEN_NOISE)
@pytest.mark.parametrize("moment", ["store-created", "first-saved"])
def test_window_killed_early_then_a_new_window_saves_every_section(
        qtbot, env, tmp_path: Path, isolated_data_dir: Path, moment: str) -> None:
    from tests.qt.window_helpers import analyse_all, open_ready

    path = make_flawed_docx(tmp_path / "report.docx")
    store = isolated_data_dir / DB_NAME
    ready = store.exists if moment == "store-created" else lambda: _done_sections(store) >= 1
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.e2e.window_kill_script", str(path)], cwd=ROOT, env=env,
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        qtbot.waitUntil(lambda: ready() or child.poll() is not None, timeout=60_000)
        child.send_signal(signal.SIGKILL)
        assert child.wait(timeout=30) == -signal.SIGKILL
    finally:
        child.kill()
        child.wait(timeout=30)

    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    try:
        doc = open_ready(qtbot, window, path)
        analyse_all(qtbot, window)
        sections = list(doc.walk())
        assert all(window.model.status_for(s.id).value == "done" for s in sections)
        assert not window.banner.isVisible()
        assert _done_sections(store) == len(sections)
        with closing(sqlite3.connect(store)) as conn:
            assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        window.close()


@pytest.mark.qt_log_ignore(OFFSCREEN_NOISE)
def test_window_killed_mid_run_keeps_every_answer_it_showed(env, tmp_path: Path,
                                                           isolated_data_dir: Path) -> None:
    """Answers are saved by the analysis threads, before the window shows them: killed
    while others are being saved, the store holds every one it showed, intact."""
    from tests.docx_factory import p, write_docx

    body = "".join(p(f"Part {i}", "berschrift1")
                   + p(f"The the pump {i} was checked. TODO: say who checked it.")
                   for i in range(60))
    path = write_docx(tmp_path / "long.docx", body)
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.e2e.window_kill_script", str(path), "--shown"],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    lines: queue.Queue = queue.Queue()
    threading.Thread(target=read_lines, args=(child.stdout, lines), daemon=True).start()
    shown: dict[str, int] = {}

    def five_shown(line: str) -> bool:
        if line.startswith("SHOWN "):
            item = json.loads(line.removeprefix("SHOWN "))
            shown[item["id"]] = item["findings"]
        return len(shown) >= 5

    kill_when(child, lines, five_shown)
    while (line := lines.get(timeout=10)) is not None:  # shown before the kill landed
        five_shown(line)
    with closing(sqlite3.connect(isolated_data_dir / DB_NAME)) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        stored = {sid: status for sid, status in conn.execute(
            "SELECT section_id, status FROM review_sections")}
        counts = dict(conn.execute("SELECT section_id, COUNT(*) FROM findings"
                                   " WHERE superseded = 0 GROUP BY section_id").fetchall())
    assert {sid: stored.get(sid) for sid in shown} == dict.fromkeys(shown, "done")
    assert {sid: counts.get(sid, 0) for sid in shown} == shown
    assert all(n > 0 for n in shown.values())
