"""Hard crashes and the log, through the real start-up path in child processes.

A window that dies of a segfault leaves `logs/crash.log` with Python's fatal
error report; the next start moves it aside and offers it in a dialog (only
logs it with dialogs off), and a clean exit leaves no crash log behind. The
log itself never holds the document's text, from the window or `margin review`.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from desktop_app import paths
from desktop_app.document import load
from tests.e2e.cli import margin

ROOT = Path(__file__).resolve().parents[2]
OFFSCREEN_NOISE = "This plugin does not support propagateSizeHints()"
FAKE_SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY"

# run_gui on the sample; once it is shown, either crash hard or report the
# crash offer (opening its details as a reviewer would) and close.
CHILD = """
import faulthandler, sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QDialog
from desktop_app import app
from desktop_app.ui.window import main_window

crash = sys.argv[1] == "crash"

class Window(main_window.MainWindow):
    def __init__(self):
        super().__init__()
        self.document_loaded.connect(self._loaded)

    def _loaded(self, doc):
        print("LOADED", flush=True)
        if crash:
            faulthandler._sigsegv()
        QTimer.singleShot(0, self._report_and_close)

    def _report_and_close(self):
        offers = [d for d in self.findChildren(QDialog, "crashOffer") if d.isVisible()]
        print("OFFERS", len(offers), flush=True)
        for offer in offers:
            offer.details_button.click()
            shown = offer.details.isVisible() and offer.details.toPlainText()
            print("OFFER_SHOWS_CRASH", "Fatal Python error: Segmentation fault" in shown,
                  flush=True)
            offer.close()
        self.close()

main_window.MainWindow = Window
sys.exit(app.run_gui(sys.argv[2]))
"""


def run_window(mode: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", CHILD, mode, str(paths.sample_document())],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)


def sample_paragraphs(count: int = 40) -> list[str]:
    doc = load(paths.sample_document())
    texts = {p.text.strip() for s in doc.walk() for p in s.paragraphs}
    longest = sorted((t for t in texts if len(t) >= 40), key=len, reverse=True)[:count]
    assert len(longest) >= 30, "the sample should have plenty of real paragraphs"
    return longest


def assert_no_document_text(log_text: str) -> None:
    leaked = [p[:60] for p in sample_paragraphs() if p in log_text or p[:40] in log_text]
    assert leaked == []


@pytest.fixture
def window_env(env: dict[str, str]) -> dict[str, str]:
    e = dict(env, AWS_SECRET_ACCESS_KEY=FAKE_SECRET)
    e.pop("MARGIN_NO_ERROR_DIALOGS", None)
    return e


def test_a_segfault_is_offered_at_the_next_start(window_env: dict[str, str],
                                                 isolated_data_dir: Path) -> None:
    logs = isolated_data_dir / "logs"
    crashed = run_window("crash", window_env)
    assert crashed.returncode < 0, crashed.stderr  # killed by the signal, no clean exit
    assert crashed.stdout.splitlines() == ["LOADED"]
    crash_logs = list(logs.glob("crash-*.log"))
    assert len(crash_logs) == 1, crash_logs
    crash_text = crash_logs[0].read_text(encoding="utf-8")
    assert "Fatal Python error: Segmentation fault" in crash_text
    assert "_loaded" in crash_text  # the Python stack at the moment of the crash

    again = run_window("report", window_env)
    assert again.returncode == 0, again.stderr
    assert again.stdout.splitlines() == ["LOADED", "OFFERS 1", "OFFER_SHOWS_CRASH True"]
    assert [c.name for c in logs.glob("crash*.log")] == ["crash-previous.log"], \
        "a clean exit leaves no crash log of its own"
    assert (logs / "crash-previous.log").read_text(encoding="utf-8") == crash_text
    noise = [line for line in again.stderr.splitlines() if line.strip() != OFFSCREEN_NOISE]
    assert noise == [f"the previous run ended in a crash; its log is {logs}/crash-previous.log"]

    log_text = (logs / "margin.log").read_text(encoding="utf-8")
    assert log_text.count("window started: Python") == 2
    assert "opened Margin sample - incident investigation.docx: " in log_text
    assert log_text.count("Margin closed normally") == 1  # the crashed run never said so
    assert FAKE_SECRET not in log_text
    assert_no_document_text(log_text)

    third = run_window("report", window_env)  # the crash is offered once, not every time
    assert third.stdout.splitlines() == ["LOADED", "OFFERS 0"]


def test_with_dialogs_off_the_crash_is_only_logged(window_env: dict[str, str],
                                                   isolated_data_dir: Path) -> None:
    assert run_window("crash", window_env).returncode < 0
    quiet = dict(window_env, MARGIN_NO_ERROR_DIALOGS="1")
    again = run_window("report", quiet)
    assert again.returncode == 0, again.stderr
    assert again.stdout.splitlines() == ["LOADED", "OFFERS 0"]
    log_text = (isolated_data_dir / "logs" / "margin.log").read_text(encoding="utf-8")
    assert "the previous run ended in a crash; its log is" in log_text


def test_margin_review_logs_counts_never_the_text(env: dict[str, str],
                                                  isolated_data_dir: Path,
                                                  tmp_path: Path) -> None:
    report = tmp_path / "report.json"
    done = margin(["review", str(paths.sample_document()), "--provider", "local", "--quiet",
                   "--report", str(report)], dict(env, AWS_SECRET_ACCESS_KEY=FAKE_SECRET))
    assert done.returncode == 0, done.stderr
    assert report.read_text(encoding="utf-8").count('"quote"') > 0  # findings quote the text
    log_text = (isolated_data_dir / "logs" / "margin.log").read_text(encoding="utf-8")
    assert "review started: Python" in log_text
    assert "reviewing Margin sample - incident investigation.docx: " in log_text
    assert "analysis finished: " in log_text
    assert FAKE_SECRET not in log_text
    assert_no_document_text(log_text)
    assert not list((isolated_data_dir / "logs").glob("crash*.log"))
