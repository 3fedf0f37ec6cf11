"""Help → About Margin: the versions a bug report needs, where the data and log are, Copy."""

from __future__ import annotations

import os
import subprocess
import sys
from importlib import metadata
from pathlib import Path

import PySide6
from PySide6.QtCore import Qt, qVersion
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

import desktop_app
from desktop_app import paths
from desktop_app.ui.common.about_dialog import PRIVACY, AboutDialog
from tests.qt.window_helpers import new_window

ROOT = Path(__file__).resolve().parents[2]


def test_about_lists_versions_and_folders_and_copies_them(qtbot, isolated_data_dir) -> None:  # type: ignore[no-untyped-def]
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    shown = dialog.versions.text()
    expected = [desktop_app.__version__, qVersion(), PySide6.__version__,
                metadata.version("boto3"), metadata.version("botocore"),
                metadata.version("python-docx"), f"{sys.version_info[0]}.{sys.version_info[1]}"]
    for version in expected:
        assert version in shown, version
    data = str(paths.data_dir())
    assert data == str(isolated_data_dir)
    assert data in shown
    assert str(Path(data) / "logs" / "margin.log") in shown
    labels = " ".join(label.text() for label in dialog.findChildren(type(dialog.versions)))
    assert PRIVACY in labels

    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    copied = QGuiApplication.clipboard().text()
    lines = copied.splitlines()
    assert f"Margin: {desktop_app.__version__}" in lines
    assert f"PySide6: {PySide6.__version__}" in lines
    assert any(line.startswith(f"Qt: {qVersion()}") for line in lines)
    assert f"boto3: {metadata.version('boto3')}" in lines
    assert f"Data folder: {data}" in lines
    assert "<" not in copied  # plain text for a bug report, not the dialog's HTML
    assert dialog.copy_button.text() == "Copied"


def test_about_is_help_menu_and_keyboard_friendly(qtbot) -> None:  # type: ignore[no-untyped-def]
    window = new_window(qtbot)
    window.action["about"].trigger()
    qtbot.waitUntil(lambda: any(d.isVisible() for d in window.findChildren(AboutDialog)))
    dialog = window.findChild(AboutDialog)
    mark = dialog.icon.pixmap()
    assert not mark.isNull() and mark.width() / mark.devicePixelRatio() == 64
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.close_button)
    qtbot.keyClick(dialog.close_button, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() in (dialog.versions, dialog.copy_button)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())


def test_about_does_not_import_boto3(tmp_path: Path) -> None:
    """boto3 costs ~150 ms to import: its version comes from the installed metadata."""
    code = ("import sys\n"
            "from PySide6.QtWidgets import QApplication\n"
            "app = QApplication([])\n"
            "from desktop_app.ui.common.about_dialog import AboutDialog, version_text\n"
            "AboutDialog()\n"
            "assert 'boto3' in version_text()\n"
            "print('boto3' in sys.modules, 'botocore' in sys.modules)\n")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", MARGIN_DATA_DIR=str(tmp_path))
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True,
                         text=True, timeout=60, check=True).stdout.split()
    assert out == ["False", "False"]
