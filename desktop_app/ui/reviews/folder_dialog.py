"""File → Review Folder…: which folder, and how: on demand now, or a Bedrock batch job.

The dialog only gathers the choice. Finding the documents and estimating the
cost both ways run as `Job`s (a folder on a network drive, a thousand
documents to open), so it never freezes; the estimate says which is cheaper
before the reviewer picks batch (with the prompt cache, on demand often is:
docs/batch.md). Batch needs Amazon Bedrock, an S3 location and the service
role (remembered between runs). Start emits `start_requested` with the
documents and the batch settings (None: on demand).
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop_app.ai.batch import BatchSettings
from desktop_app.ai.provider import CancelToken
from desktop_app.review.frameworks import Framework
from desktop_app.session import ReviewPrefs
from desktop_app.session.batch import FolderEstimate, estimate_folder, poll_overrides
from desktop_app.session.folder import FoundDocuments, find_documents
from desktop_app.ui.common.theme import error_style
from desktop_app.workers.jobs import Job, JobRunner

log = logging.getLogger(__name__)

DEFAULT_MIN_RECORDS = 100  # Bedrock's default quota per model


class FolderDialog(QDialog):
    start_requested = Signal(object, object, str)  # [FolderItem], BatchSettings | None, folder

    def __init__(self, prefs: ReviewPrefs, framework: Framework | None, runner: JobRunner,
                 settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("folderDialog")
        self.setWindowTitle("Review Folder")
        self.prefs = prefs
        self.framework = framework
        self.runner = runner
        self.settings = settings
        self.found: FoundDocuments | None = None
        self.estimate: FolderEstimate | None = None
        self._token = CancelToken()  # the estimate in flight
        self._serial = 0  # only the latest folder's answers count
        self._looked: str | None = None  # the folder last looked at
        bedrock = prefs.provider != "local"

        self.folder = QLineEdit()
        self.folder.setObjectName("folderEdit")
        self.folder.setPlaceholderText("A folder of .docx documents (searched with its subfolders)")
        self.folder.editingFinished.connect(self._look)
        browse = QPushButton("&Browse…")
        browse.setObjectName("browseFolderButton")
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.folder, 1)
        row.addWidget(browse)
        self.found_label = QLabel("Choose a folder.")
        self.found_label.setObjectName("foundLabel")
        self.found_label.setWordWrap(True)

        self.on_demand = QRadioButton("&On demand: now, each section as its own request")
        self.on_demand.setObjectName("onDemandRadio")
        self.batch = QRadioButton("Bedrock &batch job: half the price per token, answers in "
                                  "minutes to hours")
        self.batch.setObjectName("batchRadio")
        self.mode = QButtonGroup(self)
        self.mode.addButton(self.on_demand)
        self.mode.addButton(self.batch)
        self.on_demand.setChecked(True)
        self.batch.setEnabled(bedrock)
        if not bedrock:
            self.batch.setToolTip("Batch jobs need Amazon Bedrock: choose it in Settings.")
        self.mode.buttonToggled.connect(lambda *_: self._update())
        self.s3 = QLineEdit(str(settings.value("folder/batch_s3", "") or ""))
        self.s3.setObjectName("batchS3Edit")
        self.s3.setPlaceholderText("s3://bucket/prefix")
        self.role = QLineEdit(str(settings.value("folder/batch_role", "") or ""))
        self.role.setObjectName("batchRoleEdit")
        self.role.setPlaceholderText("arn:aws:iam::ACCOUNT:role/NAME")
        self.min_records = QSpinBox()
        self.min_records.setObjectName("batchMinRecords")
        self.min_records.setRange(1, 50_000)
        self.min_records.setValue(int(settings.value("folder/batch_min_records",
                                                     DEFAULT_MIN_RECORDS) or DEFAULT_MIN_RECORDS))
        self.min_records.setToolTip("Your account's minimum records per batch job for the model "
                                    "(a Bedrock quota). Fewer sections are reviewed on demand.")
        for edit in (self.s3, self.role):
            edit.textChanged.connect(lambda _t: self._update())
        self.batch_form = QWidget()
        form = QFormLayout(self.batch_form)
        form.setContentsMargins(24, 0, 0, 0)
        form.addRow("S3 &location:", self.s3)
        form.addRow("Service &role:", self.role)
        form.addRow("&Minimum records:", self.min_records)
        self.estimate_label = QLabel("")
        self.estimate_label.setObjectName("estimateLabel")
        self.estimate_label.setWordWrap(True)
        self.error = QLabel("")
        self.error.setObjectName("folderError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet(error_style())
        self.error.hide()

        name = framework.name if framework is not None else "(none)"
        about = QLabel(f"Every .docx in the folder is reviewed with the framework "
                       f"“{name}” and the reviewer in Settings; each opens into its own "
                       "review (File → Reviews…). Sections already reviewed are not asked "
                       "again.")
        about.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.start_button = buttons.addButton("&Start", QDialogButtonBox.ButtonRole.AcceptRole)
        self.start_button.setObjectName("startFolderButton")
        buttons.accepted.connect(self._start)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(about)
        layout.addLayout(row)
        layout.addWidget(self.found_label)
        layout.addWidget(self.on_demand)
        layout.addWidget(self.batch)
        layout.addWidget(self.batch_form)
        layout.addWidget(self.estimate_label)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(620, self.sizeHint().height())
        self.finished.connect(self._forget)  # answers still on their way go nowhere
        self._update()

    # -- the folder -------------------------------------------------------------------------

    def choose(self, folder: str) -> None:
        """Look at `folder` (what Browse… does; for tests and drops)."""
        self.folder.setText(folder)
        self._look()

    def _browse(self) -> None:
        start = self.folder.text() or str(Path.home())
        chosen = QFileDialog.getExistingDirectory(self, "Review every document in", start)
        if chosen:
            self.choose(chosen)

    def _forget(self, _result: int = 0) -> None:
        self._serial += 1
        self._token.cancel()

    def _look(self) -> None:
        folder = self.folder.text().strip()
        if self.isHidden() or folder == self._looked:
            return  # the field lost focus, nothing changed (or the dialog is closing)
        self._looked = folder
        self._token.cancel()
        self._token = CancelToken()
        self._serial += 1
        serial = self._serial
        self.found = self.estimate = None
        self.estimate_label.setText("")
        if not folder:
            self.found_label.setText("Choose a folder.")
            self._update()
            return
        if not Path(folder).is_dir():
            self.found_label.setText("That is not a folder.")
            self._update()
            return
        self.found_label.setText("Looking for documents…")
        job = Job(find_documents, [folder])
        job.signals.finished.connect(lambda found: self._on_found(serial, found))
        job.signals.failed.connect(lambda exc: self._on_look_failed(serial, exc))
        self.runner.start(job)
        self._update()

    def _on_look_failed(self, serial: int, exc: BaseException) -> None:
        if serial == self._serial:
            self.found_label.setText(f"The folder cannot be read: {exc}")

    def _on_found(self, serial: int, found: FoundDocuments) -> None:
        if serial != self._serial:
            return
        self.found = found
        n, skipped = len(found.items), len(found.skipped)
        text = f"{n} document{'s' if n != 1 else ''} found"
        if skipped:
            text += f"; {skipped} other file{'s' if skipped != 1 else ''} skipped"
            text += " (" + "; ".join(f"{Path(p).name}: {r}" for p, r in found.skipped[:3])
            text += ", …)" if skipped > 3 else ")"
        self.found_label.setText(text + ".")
        self.found_label.setToolTip("\n".join(f"{p}: {r}" for p, r in found.skipped))
        if n and self.framework is not None and self.prefs.provider != "local":
            self.estimate_label.setText("Estimating the cost both ways…")
            c = self.prefs.bedrock
            job = Job(estimate_folder, [i.path for i in found.items], self.framework,
                      list(c.models), c.prices, max_tokens=c.max_tokens,
                      mode=self.prefs.context_mode, cancel=self._token)
            job.signals.finished.connect(lambda estimate: self._on_estimate(serial, estimate))
            job.signals.failed.connect(lambda exc: self._on_estimate_failed(serial, exc))
            self.runner.start(job)
        elif n:
            self.estimate_label.setText("The built-in reviewer costs nothing.")
        self._update()

    def _on_estimate(self, serial: int, estimate: FolderEstimate) -> None:
        if serial != self._serial:
            return
        self.estimate = estimate
        c = estimate.comparison
        text = c.summary()
        text = text[0].upper() + text[1:]
        if c.batch_cheaper is False:
            text += " Consider on demand, or a batch job only if the quota is the limit."
        if estimate.unopened:
            text += f" ({len(estimate.unopened)} cannot be opened.)"
        self.estimate_label.setText(text)

    def _on_estimate_failed(self, serial: int, exc: BaseException) -> None:
        if serial == self._serial and type(exc).__name__ != "Cancelled":
            log.error("folder estimate failed", exc_info=exc)
            self.estimate_label.setText("The cost could not be estimated.")

    # -- the choice -------------------------------------------------------------------------

    def batch_settings(self) -> BatchSettings:
        """The batch choice as settings; ValueError with a plain reason."""
        return BatchSettings.create(self.s3.text(), self.role.text(),
                                    min_records=self.min_records.value(), **poll_overrides())

    def _update(self) -> None:
        batch = self.batch.isChecked()
        self.batch_form.setEnabled(batch)
        problem = ""
        if batch:
            try:
                self.batch_settings()
            except ValueError as err:
                problem = str(err) if self.s3.text() or self.role.text() else ""
                problem = problem or "Give the S3 location and the service role."
        self.error.setText(problem)
        self.error.setVisible(bool(problem))
        ready = (self.found is not None and bool(self.found.items)
                 and self.framework is not None and not problem)
        self.start_button.setEnabled(ready)

    def _start(self) -> None:
        if self.found is None or not self.found.items:
            return
        batch = None
        if self.batch.isChecked():
            try:
                batch = self.batch_settings()
            except ValueError as err:
                self.error.setText(str(err))
                self.error.show()
                return
            self.settings.setValue("folder/batch_s3", self.s3.text().strip())
            self.settings.setValue("folder/batch_role", self.role.text().strip())
            self.settings.setValue("folder/batch_min_records", self.min_records.value())
        self.start_requested.emit(list(self.found.items), batch, self.folder.text().strip())
        self.accept()

    def keyPressEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.folder.hasFocus():
            self._look()  # Enter in the folder field looks; it does not start the run
            return
        super().keyPressEvent(event)
