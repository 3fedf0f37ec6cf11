"""The window's persisted state: one INI file in the data folder.

An explicit file (not QSettings' per-platform default) so that
`MARGIN_DATA_DIR` moves it with the store and tests never touch the user's.
"""

from __future__ import annotations

import logging
import os

from PySide6.QtCore import QSettings

from desktop_app import paths

log = logging.getLogger(__name__)

RECENT_KEY = "recent_files"
MAX_RECENT = 10


def app_settings() -> QSettings:
    return QSettings(str(paths.data_dir() / "settings.ini"), QSettings.Format.IniFormat)


def save(settings: QSettings) -> bool:
    """Write now; QSettings reports a failed write only through `status()`."""
    settings.sync()
    if settings.status() != QSettings.Status.NoError:
        log.error("could not write %s: %s", settings.fileName(), settings.status().name)
        return False
    return True


class RecentFiles:
    """Most recent first, at most `MAX_RECENT`, one entry per file."""

    def __init__(self, settings: QSettings) -> None:
        self._settings = settings

    def paths(self) -> list[str]:
        value = self._settings.value(RECENT_KEY, [])
        # An INI file gives back a lone string for a one-item list.
        if isinstance(value, str):
            value = [value]
        return [str(v) for v in value or [] if v]

    def add(self, path: str) -> None:
        path = os.path.abspath(path)
        self._store([path, *(p for p in self.paths() if not _same(p, path))])

    def remove(self, path: str) -> None:
        self._store([p for p in self.paths() if not _same(p, path)])

    def clear(self) -> None:
        self._store([])

    def _store(self, items: list[str]) -> None:
        self._settings.setValue(RECENT_KEY, items[:MAX_RECENT])
        save(self._settings)


def _same(a: str, b: str) -> bool:
    return os.path.normcase(os.path.abspath(a)) == os.path.normcase(os.path.abspath(b))
