"""The main window's frameworks, guidelines and Settings.

A mixin of `MainWindow`, like `ReviewMixin`: the toolbar's framework picker
and guidelines, and the Settings dialog, all of which change what the next
analysis uses (`ReviewController.set_framework`, `set_guidelines`,
`set_prefs`).
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMessageBox

from desktop_app.document import Document
from desktop_app.review.frameworks import (
    Framework,
    FrameworkError,
    available_frameworks,
    load_guidelines,
)
from desktop_app.session import SectionStatus
from desktop_app.ui.settings import store as app_settings
from desktop_app.ui.findings.panel import FindingsPanel
from desktop_app.ui.settings.framework_picker import FrameworkPicker
from desktop_app.ui.window.review_controller import ReviewController
from desktop_app.workers.jobs import Job, JobRunner

if TYPE_CHECKING:
    from desktop_app.ui.settings.dialog import SettingsDialog

log = logging.getLogger(__name__)


class SettingsMixin:
    """Needs the attributes below, set up by `MainWindow.__init__`."""

    runner: JobRunner
    review: ReviewController
    prefs: app_settings.ReviewPrefs
    findings: FindingsPanel
    framework_picker: FrameworkPicker
    settings_dialog: SettingsDialog | None
    _settings: QSettings
    _document: Document | None
    _closed: bool
    _guidelines_serial: int

    if TYPE_CHECKING:
        def statusBar(self) -> Any: ...  # noqa: N802
        def _update_actions(self) -> None: ...
        def _on_section_changed(self, section_id: str) -> None: ...

    def _window(self) -> QMainWindow:
        return cast(QMainWindow, self)

    # -- frameworks and guidelines ---------------------------------------------

    def _load_frameworks(self) -> None:
        try:
            frameworks = available_frameworks(self.prefs.frameworks_path)
        except FrameworkError as err:  # a built-in framework is broken: a packaging bug
            log.error("frameworks: %s", err)
            frameworks = []
        self.framework_picker.set_frameworks(frameworks, self.prefs.framework)
        current = self.framework_picker.current()
        if current is not None:
            self.review.set_framework(current)

    def _on_framework_changed(self, framework: Framework) -> None:
        self.prefs.framework = framework.name
        app_settings.save_review_prefs(self._settings, self.prefs)
        self.review.set_framework(framework)

    def choose_guidelines(self) -> None:
        start = str(Path(self.prefs.guidelines).parent) if self.prefs.guidelines else str(
            Path.home())
        path, _ = QFileDialog.getOpenFileName(
            self._window(),
            "Attach guidelines", start,
            "Guidelines (*.docx *.md *.markdown *.txt);;All files (*)")
        if path:
            self.attach_guidelines(path)

    def attach_guidelines(self, path: str, quiet: bool = False) -> None:
        """Read `path` off the GUI thread; its text joins the reviewer's instructions."""
        self._guidelines_serial += 1
        serial = self._guidelines_serial
        job = Job(load_guidelines, Path(path))
        job.signals.finished.connect(lambda text: self._on_guidelines(serial, path, text))
        job.signals.failed.connect(lambda exc: self._on_guidelines_failed(serial, path, exc,
                                                                          quiet))
        self.runner.start(job)

    def _on_guidelines(self, serial: int, path: str, text: str) -> None:
        if serial != self._guidelines_serial or self._closed:
            return
        self.review.set_guidelines(text)
        self.framework_picker.set_guidelines(path)
        if self.prefs.guidelines != path:
            self.prefs.guidelines = path
            app_settings.save_review_prefs(self._settings, self.prefs)
        self._update_actions()

    def _on_guidelines_failed(self, serial: int, path: str, exc: BaseException,
                              quiet: bool) -> None:
        if serial != self._guidelines_serial or self._closed:
            return
        reason = str(exc) if isinstance(exc, FrameworkError) else (
            f"cannot read {Path(path).name}: {exc}")
        if quiet:  # the remembered file is gone: say so, do not interrupt
            self.statusBar().showMessage(f"Guidelines not attached: {reason}", 10_000)
            self.clear_guidelines()
            return
        box = QMessageBox(self._window())
        box.setObjectName("guidelinesErrorBox")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle("Cannot attach guidelines")
        box.setText(f"Margin cannot use “{Path(path).name}” as guidelines.")
        box.setInformativeText(reason[:1].upper() + reason[1:])
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.setWindowModality(Qt.WindowModality.WindowModal)
        box.open()

    def clear_guidelines(self) -> None:
        self._guidelines_serial += 1
        self.review.set_guidelines("")
        self.framework_picker.set_guidelines("")
        self.prefs.guidelines = ""
        app_settings.save_review_prefs(self._settings, self.prefs)
        self._update_actions()

    # -- settings ------------------------------------------------------------------

    def open_settings(self) -> None:
        from desktop_app.ui.settings.dialog import SettingsDialog

        if self.settings_dialog is not None:
            self.settings_dialog.raise_()
            self.settings_dialog.activateWindow()
            return
        dialog = SettingsDialog(self.prefs, self.runner, self._window())
        dialog.prefs_accepted.connect(self.apply_prefs)
        dialog.finished.connect(self._on_settings_closed)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.settings_dialog = dialog
        dialog.open()

    def _on_settings_closed(self, _result: int) -> None:
        dialog, self.settings_dialog = self.settings_dialog, None
        if dialog is not None:
            dialog.deleteLater()

    def apply_prefs(self, prefs: app_settings.ReviewPrefs) -> None:
        """Save new settings and use them (the reviewer after the running analysis)."""
        old = self.prefs
        prefs.framework, prefs.guidelines = old.framework, old.guidelines  # toolbar-owned
        self.prefs = prefs
        if not app_settings.save_review_prefs(self._settings, prefs):
            self.statusBar().showMessage("Settings could not be saved.", 10_000)
        self.findings.set_min_confidence(prefs.min_confidence)
        if prefs.min_confidence != old.min_confidence and self._document is not None:
            for section in self._document.walk():
                if self.review.status(section.id) is SectionStatus.DONE:
                    self._on_section_changed(section.id)
        if prefs.frameworks_dir != old.frameworks_dir:
            self._load_frameworks()
        if not self.review.set_prefs(prefs):
            self.statusBar().showMessage(
                "The new reviewer settings apply when the running analysis ends.", 10_000)
