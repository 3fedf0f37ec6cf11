"""Guards around the platform: the PySide6 pin, and the Qt-free core."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

PURE_PACKAGES = ("document", "review", "ai", "store", "export", "session")
ROOT = Path(__file__).resolve().parents[2]

# PySide6 6.12.0 on Python 3.11 drops a reference to None on every call of a
# void method; after a few thousand calls the interpreter aborts with
# "none_dealloc". A progress bar is enough to trigger it, so hammer void calls.
VOID_CALLS = """
import sys
from PySide6.QtCore import QTimer, QCoreApplication
from PySide6.QtWidgets import QApplication, QProgressBar
app = QApplication(sys.argv)
bar = QProgressBar()
timer = QTimer()
before = sys.getrefcount(None)
for i in range(40_000):
    bar.setValue(i % 100)
    timer.stop()
    QCoreApplication.processEvents()
print("survived", sys.getrefcount(None) - before)
"""


def test_void_qt_calls_do_not_exhaust_none_refcount():
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    proc = subprocess.run(
        [sys.executable, "-c", VOID_CALLS], capture_output=True, text=True, env=env, timeout=120
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "survived" in proc.stdout
    if sys.version_info < (3, 12):  # None is immortal from 3.12 on: its count is meaningless
        assert abs(int(proc.stdout.split()[-1])) < 1000, proc.stdout


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module.split(".")[0])
    return found


def test_pure_layers_never_import_qt_in_source():
    offenders = []
    for pkg in PURE_PACKAGES:
        for path in (ROOT / "desktop_app" / pkg).rglob("*.py"):
            if _imports(path) & {"PySide6", "qasync", "shiboken6", "desktop_app.ui"}:
                offenders.append(str(path.relative_to(ROOT)))
            text = path.read_text(encoding="utf-8")
            if "desktop_app.ui" in text or "desktop_app.workers" in text:
                offenders.append(str(path.relative_to(ROOT)))
    assert offenders == []


def test_pure_layers_load_without_qt_at_runtime():
    code = (
        "import sys, importlib, pkgutil, desktop_app\n"
        f"for pkg in {PURE_PACKAGES!r}:\n"
        "    mod = importlib.import_module('desktop_app.' + pkg)\n"
        "    for info in pkgutil.walk_packages(mod.__path__, mod.__name__ + '.'):\n"
        "        importlib.import_module(info.name)\n"
        "import desktop_app.cli\n"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'qasync', 'shiboken6')]\n"
        "print(bad)\n"
        "assert not bad, bad\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          cwd=ROOT, timeout=120)
    assert proc.returncode == 0, proc.stdout + proc.stderr
