"""Help → About Margin: what this is, every version a bug report needs, where data lives."""

from __future__ import annotations

import platform
import sys
from html import escape
from importlib import metadata
from pathlib import Path

import PySide6
from PySide6.QtCore import Qt, QUrl, qVersion
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

import desktop_app
from desktop_app import paths
from desktop_app.ui.common.icons import app_icon

PRIVACY = ("Everything stays on this computer. Only the text of the sections you analyse "
           "is sent, to the Amazon Bedrock account you configure.")
# Read from the installed metadata: importing boto3 to ask would cost ~150 ms.
_PACKAGES = (("boto3", "boto3"), ("botocore", "botocore"), ("python-docx", "python-docx"))


def _version(distribution: str) -> str:
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return "not found"


def log_file() -> Path:
    return paths.data_dir() / "logs" / "margin.log"


def version_info() -> list[tuple[str, str]]:
    """(what, version or place), in the order a bug report lists them."""
    screen = QGuiApplication.primaryScreen()
    scale = f", scale {screen.devicePixelRatio():g}" if screen is not None else ""
    rows = [("Margin", desktop_app.__version__),
            ("Python", f"{platform.python_version()} ({sys.platform}, {platform.machine()})"),
            ("Qt", f"{qVersion()} ({QGuiApplication.platformName()}{scale})"),
            ("PySide6", PySide6.__version__)]
    rows += [(label, _version(name)) for label, name in _PACKAGES]
    rows += [("System", platform.platform(terse=True)),
             ("Data folder", str(paths.data_dir())),
             ("Log file", str(log_file()))]
    return rows


def version_text() -> str:
    """What Copy puts on the clipboard: plain lines to paste into a bug report."""
    return "\n".join(f"{label}: {value}" for label, value in version_info())


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle("About Margin")
        self.icon = icon = QLabel()
        icon.setPixmap(app_icon().pixmap(64, 64))  # at the screen's pixel ratio
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        icon.setAccessibleName("Margin icon")
        title = QLabel(f"<b style='font-size: large;'>Margin</b> {desktop_app.__version__}"
                       "<br>Review long Word documents section by section.")
        privacy = QLabel(PRIVACY)
        privacy.setWordWrap(True)
        rows = version_info()
        folder = str(paths.data_dir())
        cells = "".join(f"<tr><td style='padding-right: 12px;'>{escape(label)}</td>"
                        f"<td>{self._cell(value, folder)}</td></tr>" for label, value in rows)
        self.versions = QLabel(f"<table cellspacing='0' cellpadding='1'>{cells}</table>")
        self.versions.setObjectName("aboutVersions")
        self.versions.setAccessibleName("Versions and folders")
        self.versions.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.versions.linkActivated.connect(lambda url: QDesktopServices.openUrl(QUrl(url)))

        self.copy_button = QPushButton("&Copy")
        self.copy_button.setObjectName("copyVersionsButton")
        self.copy_button.setToolTip("Copy the versions and folders, for a bug report")
        self.copy_button.clicked.connect(self.copy)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.close_button = buttons.button(QDialogButtonBox.StandardButton.Close)

        text = QVBoxLayout()
        text.addWidget(title)
        text.addWidget(privacy)
        text.addSpacing(6)
        text.addWidget(self.versions)
        top = QHBoxLayout()
        top.addWidget(icon)
        top.addSpacing(8)
        top.addLayout(text, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(buttons)
        self.setMinimumWidth(480)
        QWidget.setTabOrder(self.versions, self.copy_button)
        QWidget.setTabOrder(self.copy_button, self.close_button)
        self.close_button.setFocus()

    @staticmethod
    def _cell(value: str, folder: str) -> str:
        # The data folder opens in the file manager: that is where a bug report's log is.
        if value == folder:
            href = escape(QUrl.fromLocalFile(folder).toString())
            return f"<a href='{href}'>{escape(value)}</a>"
        return escape(value)

    def copy(self) -> None:
        clipboard = QGuiApplication.clipboard()
        clipboard.setText(version_text())
        self.copy_button.setText("Copied")
