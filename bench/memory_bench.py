"""Memory: resident size with the 872-page handbook open and fully analysed.

The real window (offscreen), the built-in reviewer over every section, results
written to a fresh store, then every section selected once so its text and
findings have been shown. Beside it, in the same run, a bare QApplication +
QMainWindow as the floor Qt itself costs. Target (PRODUCT.md §3): under 300 MB.

    python bench/memory_bench.py
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HANDBOOK = ROOT.parent / "shared" / "corpus" / "unstructured" / "example-docs__handbook-872p.docx"
TARGET_MB = 300

RSS = """
def rss_mb():
    for line in open("/proc/self/status"):
        if line.startswith(("VmRSS", "VmHWM")):
            yield line.split()[0].rstrip(":"), int(line.split()[1]) / 1024
"""

BARE = RSS + """
import sys
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv)
w = QMainWindow(); w.resize(1280, 800); w.show(); app.processEvents()
print(dict(rss_mb()))
"""

MARGIN = RSS + """
import sys, time
from PySide6.QtCore import QTimer
from desktop_app.app import create_application
app = create_application()
from desktop_app.ui.window.main_window import MainWindow
w = MainWindow(); w.resize(1280, 800); w.show()
state = {}
def loaded(doc):
    state["doc"] = doc
def ready(*_):
    if "started" not in state:
        state["started"] = time.perf_counter()
        w.action["analyse_all"].trigger()
def finished(*_):
    state["seconds"] = time.perf_counter() - state["started"]
    for s in state["doc"].walk():   # show every section once: text, highlights, cards
        w.tree.setCurrentIndex(w.model.index_for(s.id))
        app.processEvents()
    app.quit()
w.document_loaded.connect(loaded)
w.review.provider_ready.connect(ready)
w.review.driver.run_finished.connect(finished)
w.open_path(sys.argv[1])
app.exec()
doc = state["doc"]
sections = sum(1 for _ in doc.walk())
print(dict(rss_mb(), sections=sections, paragraphs=doc.paragraph_count,
           seconds=round(state["seconds"], 1)))
"""


def run(code: str, *args: str) -> dict:
    with tempfile.TemporaryDirectory() as data:
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", MARGIN_DATA_DIR=data)
        out = subprocess.run([sys.executable, "-c", code, *args], capture_output=True,
                             text=True, env=env, cwd=ROOT, timeout=900, check=True).stdout
    return eval(out.strip().splitlines()[-1])  # noqa: S307 - our own child's dict


def main() -> int:
    if not sys.platform.startswith("linux"):
        print("reads /proc/self/status: Linux only")
        return 2
    if not HANDBOOK.is_file():
        print(f"needs the corpus handbook at {HANDBOOK}")
        return 2
    bare = run(BARE)
    full = run(MARGIN, str(HANDBOOK))
    print(f"bare QApplication + QMainWindow: {bare['VmRSS']:.0f} MB resident")
    print(f"handbook ({full['sections']} sections, {full['paragraphs']:,} paragraphs) open and "
          f"analysed in {full['seconds']} s: {full['VmRSS']:.0f} MB resident, "
          f"peak {full['VmHWM']:.0f} MB")
    print(f"ratio to bare Qt: {full['VmRSS'] / bare['VmRSS']:.1f}×; peak / {TARGET_MB} MB "
          f"target: {full['VmHWM'] / TARGET_MB:.2f}×")
    return 0


if __name__ == "__main__":
    sys.exit(main())
