"""Crash logs are per process: two Margins never delete or offer each other's."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from desktop_app.diagnostics.crash_log import PREVIOUS_NAME, _take_previous_crash

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="liveness is POSIX-only")


@pytest.fixture
def live_pid():
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    yield child.pid
    child.kill()
    child.wait()


def dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_a_running_margins_empty_log_is_left_alone(tmp_path: Path, live_pid: int):
    other = tmp_path / f"crash-{live_pid}.log"
    other.write_text("")
    assert _take_previous_crash(tmp_path, tmp_path / f"crash-{os.getpid()}.log") is None
    assert other.exists(), "deleting it would lose that window's crash, should it come"


def test_empty_logs_of_finished_runs_are_swept(tmp_path: Path):
    stale = tmp_path / f"crash-{dead_pid()}.log"
    stale.write_text("")
    assert _take_previous_crash(tmp_path, tmp_path / f"crash-{os.getpid()}.log") is None
    assert not stale.exists()


def test_the_newest_crash_is_offered_once(tmp_path: Path):
    older, newer = (tmp_path / f"crash-{dead_pid()}.log", tmp_path / f"crash-{dead_pid()}.log")
    older.write_text("Fatal Python error: Aborted\n")
    newer.write_text("Fatal Python error: Segmentation fault\n")
    os.utime(older, (1, 1))
    own = tmp_path / f"crash-{os.getpid()}.log"
    previous = _take_previous_crash(tmp_path, own)
    assert previous == tmp_path / PREVIOUS_NAME
    assert "Segmentation fault" in previous.read_text()
    assert sorted(p.name for p in tmp_path.iterdir()) == [PREVIOUS_NAME]
    assert _take_previous_crash(tmp_path, own) is None
