"""Start-up: time to the main window's first paint vs a bare QApplication + QMainWindow.

Each sample is a fresh interpreter (start-up is about imports), alternating
the two, and the ratio of medians is printed. Target (PRODUCT.md §3): the
window on screen in under 1 s; boto3 is not imported before the first call.

    QT_QPA_PLATFORM=offscreen python bench/startup_bench.py [--rounds 5]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Both print the seconds from interpreter start to the first paint of the window.
BARE = """
import time, sys
t0 = time.perf_counter()
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv)
w = QMainWindow(); w.resize(1280, 800)
w.show()
QTimer.singleShot(0, lambda: (print(time.perf_counter() - t0), app.quit()))
app.exec()
"""
MARGIN = """
import time, sys
t0 = time.perf_counter()
from PySide6.QtCore import QTimer
from desktop_app.app import create_application
app = create_application()
from desktop_app.ui.window.main_window import MainWindow
w = MainWindow(); w.resize(1280, 800)
w.show()
def done():
    print(time.perf_counter() - t0)
    print("boto3" in sys.modules)
    w.close(); app.quit()
QTimer.singleShot(0, done)
app.exec()
"""


def sample(code: str, data_dir: str) -> tuple[float, str]:
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"),
               MARGIN_DATA_DIR=data_dir)
    # An installed Margin starts from cached bytecode (pip compiles it, and an
    # editable install writes __pycache__ on first run). Without this, a machine
    # with PYTHONDONTWRITEBYTECODE set recompiles ~90 modules (~200 ms) each time.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env,
                         cwd=ROOT, timeout=120, check=True).stdout.split()
    return float(out[0]), (out[1] if len(out) > 1 else "")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    bare, margin, boto = [], [], set()
    with tempfile.TemporaryDirectory() as data_dir:
        sample(MARGIN, data_dir)  # warm the OS file cache and write the bytecode
        for _ in range(args.rounds):
            bare.append(sample(BARE, data_dir)[0])
            seconds, imported = sample(MARGIN, data_dir)
            margin.append(seconds)
            boto.add(imported)
    b, m = statistics.median(bare), statistics.median(margin)
    print(f"bare QApplication + QMainWindow: median {b * 1000:6.0f} ms")
    print(f"Margin main window:             median {m * 1000:6.0f} ms   ratio {m / b:.2f}x")
    print(f"first paint {m:.2f} s (target < 1 s) {'OK' if m < 1 else 'OVER'}; "
          f"boto3 imported at start-up: {'yes' if 'True' in boto else 'no'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
