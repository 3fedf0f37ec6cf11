"""Start-up (PRODUCT.md: the window on screen in under 1 s): what opening the main
window must not import. Each is imported later, when first used, on a worker thread
or in idle time: the built-in reviewer's rules (~200 patterns compiled, ~0.2 s; the
window imported them through the folder review's batch modules until session 9),
and boto3 (~150 ms)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

LATER = ("desktop_app.ai.rules", "boto3", "botocore")


def test_the_main_window_opens_without_the_rules_or_boto3(tmp_path: Path) -> None:
    code = ("import sys\n"
            "from desktop_app.app import create_application\n"
            "app = create_application()\n"
            "from desktop_app.ui.window.main_window import MainWindow\n"
            "w = MainWindow(); w.show(); app.processEvents()\n"
            f"print([m for m in {LATER!r} if m in sys.modules])\n")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", MARGIN_DATA_DIR=str(tmp_path))
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True,
                         text=True, timeout=120, check=True).stdout.strip().splitlines()
    assert out[-1] == "[]"

