"""Start-up: what opens first, and run_gui end to end in a child process."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from desktop_app import paths
from desktop_app.app import startup_document
from tests.qt.documents import make_docx

ROOT = Path(__file__).resolve().parents[2]


def test_startup_document(tmp_path: Path) -> None:
    sample = tmp_path / "sample.docx"
    assert startup_document(None, [], sample) is None  # no sample bundled
    sample.write_bytes(b"x")
    assert startup_document(None, [], sample) == str(sample)  # first run
    assert startup_document(None, ["/a.docx"], sample) is None  # not a first run
    assert startup_document("/b.docx", [], sample) == "/b.docx"


# Runs the real entry point, then closes the window once the document is shown.
CHILD = """
import sys
from PySide6.QtCore import QTimer
from desktop_app import app
from desktop_app.ui.window import main_window

class Closing(main_window.MainWindow):
    def __init__(self):
        super().__init__()
        self.document_loaded.connect(self._done)
        self.document_refused.connect(lambda reason: (print("REFUSED", reason), self.close()))

    def _done(self, doc):
        # Top-level rows: the "Whole document" row, then the sections.
        print("LOADED", doc.title, self.model.rowCount() - 1, flush=True)
        print("PATH", doc.path, flush=True)
        QTimer.singleShot(0, self.close)

main_window.MainWindow = Closing
sys.exit(app.run_gui(sys.argv[1] if len(sys.argv) > 1 else None))
"""


def run_child(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, "-c", CHILD, *args],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=60,
    )


def test_run_gui_opens_the_file_and_exits_cleanly(tmp_path: Path) -> None:
    report = make_docx(tmp_path / "q3-review.docx")
    done = run_child(str(report))
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == ["LOADED Quarterly review 1", f"PATH {report}"]
    noise = "This plugin does not support propagateSizeHints()"
    assert [line for line in done.stderr.splitlines() if line.strip() != noise] == []
    settings = Path(os.environ["MARGIN_DATA_DIR"]) / "settings.ini"
    assert str(report.name) in settings.read_text(encoding="utf-8")


def test_first_run_without_a_file_opens_the_bundled_sample() -> None:
    sample = paths.sample_document()
    assert sample.is_file(), "the sample document is part of the repository"
    done = run_child()
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-1] == f"PATH {sample}"
