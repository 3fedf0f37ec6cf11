"""Where Margin's resources and local data live (no Qt)."""

from __future__ import annotations

import os
import sys
from pathlib import Path


def resources_dir() -> Path:
    """Frameworks, the sample and icons: inside a PyInstaller bundle; inside the
    package when installed from a wheel (`pip install .`, pipx); else
    `resources/` at the top of the source tree (a checkout, an editable install)."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "resources"
    package = Path(__file__).resolve().parent
    installed = package / "resources"
    if installed.is_dir():
        return installed
    return package.parent / "resources"


def sample_document() -> Path:
    return resources_dir() / "samples" / "Margin sample - incident investigation.docx"


def data_dir() -> Path:
    """The folder for the store, settings and logs; `MARGIN_DATA_DIR` overrides."""
    override = os.environ.get("MARGIN_DATA_DIR")
    if override:
        path = Path(override)
    elif sys.platform == "win32":
        path = Path(os.environ.get("LOCALAPPDATA", Path.home() / "AppData" / "Local")) / "Margin"
    elif sys.platform == "darwin":
        path = Path.home() / "Library" / "Application Support" / "Margin"
    else:
        path = Path(os.environ.get("XDG_DATA_HOME", Path.home() / ".local" / "share")) / "margin"
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError:
        pass  # the store and the log say what cannot be written there, and go on
    return path
