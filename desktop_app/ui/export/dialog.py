"""File → Export…: the reviewed copy with Word comments, reports beside it, optional upload.

The dialog only gathers choices and shows what happened: selecting the
findings, building the report, writing the files and uploading them run in
one `Job` (`export.bundle.perform`), because a long document takes seconds.
Files appear all together or not at all; the upload, when asked for, comes
after and can be cancelled.
"""

from __future__ import annotations

import functools
import logging
import threading
from collections.abc import Callable, Mapping
from html import escape
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QSettings, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QCloseEvent, QDesktopServices, QPalette, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.document.model import Document
from desktop_app.export.bundle import (
    ExportPlan,
    ExportResult,
    UploadTarget,
    check_target,
    describe,
    describe_failure,
    perform,
)
from desktop_app.export.docx_comments import ExportError, default_output_path
from desktop_app.export.s3_upload import object_key
from desktop_app.export.selection import ReviewSnapshot, Scope
from desktop_app.review.findings import Finding
from desktop_app.ui.common.tab_order import tab_chain
from desktop_app.ui.common.theme import error_style
from desktop_app.ui.export.prefs import (
    DEFAULT_AUTHOR,
    REPORT_CHOICES,
    ExportPrefs,
    comment_author,
    initials_of,
    load_export_prefs,
    save_export_prefs,
)
from desktop_app.ui.settings.store import ReviewPrefs
from desktop_app.workers.jobs import Job, JobRunner

log = logging.getLogger(__name__)

ReviewSource = ReviewSnapshot | Callable[[], ReviewSnapshot] | Mapping[str, list[Finding]]

SCOPES = (
    (Scope.ACCEPTED, "Accepted findings and your own"),
    (Scope.WITH_PENDING, "Accepted and pending findings"),
    (Scope.OWN, "Only your own findings"),
)
REPORT_NAMES = dict(zip(REPORT_CHOICES, ("HTML", "Markdown", "CSV", "JSON"), strict=True))
TOP_LEFT = Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft  # wrapped labels


def open_in_file_manager(folder: Path) -> None:
    if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))):
        log.warning("could not open %s in the file manager", folder)


def _alive(method: Callable[..., None]) -> Callable[..., None]:
    """For job callbacks: an answer that arrives after the dialog is gone is dropped."""

    @functools.wraps(method)
    def wrapper(self: QDialog, *args: Any) -> None:
        if shiboken6.isValid(self):
            method(self, *args)

    return wrapper


class _Steps(QObject):
    """Carries the job's progress to the GUI thread (emitted from pool threads)."""

    step = Signal(str, int, int)  # what, done, total (0: unknown)

    def report(self, what: str, done: int, total: int) -> None:
        self.step.emit(what, done, total)


def run_export(snapshot: ReviewSnapshot, scope: Scope, plan: ExportPlan, **kwargs: Any
               ) -> ExportResult:
    """On the job's thread: choose the findings, build the report, then `perform`."""
    plan.findings = snapshot.select(scope)
    plan.document_findings = snapshot.select_document(scope)
    if plan.report_formats:
        plan.report = snapshot.report()
    return perform(plan, **kwargs)


class ExportDialog(QDialog):
    export_started = Signal()
    exported = Signal(object)  # ExportResult: the files are written (the upload may not be)
    export_failed = Signal(str)  # the message shown: nothing was written

    def __init__(self, document: Document, review: ReviewSource, settings: QSettings,
                 runner: JobRunner, parent: QWidget | None = None, *,
                 prefs: ReviewPrefs | None = None,
                 open_folder: Callable[[Path], object] = open_in_file_manager) -> None:
        super().__init__(parent)
        self.setObjectName("exportDialog")
        self.setWindowTitle("Export reviewed copy")
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self._document = document
        self._source = Path(document.path)
        self._review = review
        self._settings = settings
        self._runner = runner
        self._aws = prefs.bedrock if prefs is not None else None
        self.open_folder = open_folder
        self.ask_save_path: Callable[[str], str] = self._ask_save_path
        self.session_factory: Callable[[UploadTarget], Any] | None = None  # tests: moto
        self._saved = load_export_prefs(settings)
        self._snapshot = self._read_review()  # refreshed by `refresh`
        self._job: Job | None = None
        self._cancel = threading.Event()
        self.last_result: ExportResult | None = None  # the latest export that wrote files
        # Refit once the wrapped labels have been laid out again (see _fit).
        self._refit = QTimer(self)
        self._refit.setSingleShot(True)
        self._refit.setInterval(0)
        self._refit.timeout.connect(self._fit)

        heading = QLabel(f"<b>{escape(document.title or self._source.name)}</b>")
        heading.setTextFormat(Qt.TextFormat.RichText)
        self.form = QWidget()
        form = QVBoxLayout(self.form)
        form.setContentsMargins(0, 0, 0, 0)
        form.addWidget(self._findings_group())
        form.addWidget(self._files_group())
        form.addWidget(self._author_group())
        form.addWidget(self._upload_group())
        # Below the box, not in it: readable while it is off (its children are disabled).
        form.addWidget(self.disclosure)
        self.open_after = QCheckBox("Open the folder afterwards")
        self.open_after.setAccessibleName("Open the folder after exporting")
        self.open_after.setChecked(self._saved.open_folder)
        form.addWidget(self.open_after)
        form.addStretch(1)  # room left when the window is taller than the form needs

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.form)
        layout.addLayout(self._status_row())
        # Not in a nested layout: a box layout would bound its width, and a wrapped
        # label measured too narrow claims the height the form needs.
        layout.addWidget(self.status)
        layout.addWidget(self._buttons())
        self.setMinimumWidth(620)

        # Top to bottom, as the form reads; Export before Close whatever side the
        # platform puts them on.
        tab_chain(*self.scope_buttons.values(), self.path_edit, self.browse_button, self.tracked,
                  *self.report_boxes.values(), self.author, self.initials, self.upload_box,
                  self.bucket, self.prefix, self.open_after, self.cancel_button,
                  self.export_button, self.close_button)
        self._update_count()
        self._update_paths()
        self._update_upload()

    # -- building -----------------------------------------------------------------

    def _findings_group(self) -> QGroupBox:
        box = QGroupBox("Findings that become comments")
        column = QVBoxLayout(box)
        self.scope_group = QButtonGroup(self)
        self.scope_buttons: dict[Scope, QRadioButton] = {}
        for scope, label in SCOPES:
            button = QRadioButton(label)
            button.setAccessibleName(label)
            self.scope_group.addButton(button)
            self.scope_buttons[scope] = button
            column.addWidget(button)
        self.scope_buttons[Scope.ACCEPTED].setChecked(True)
        self.scope_group.buttonToggled.connect(lambda *_: self._update_count())
        self.count_label = QLabel()
        self.count_label.setObjectName("exportCount")
        self.count_label.setAccessibleName("Findings to export")
        self.count_label.setWordWrap(True)
        self.count_label.setAlignment(TOP_LEFT)
        self.count_label.setTextFormat(Qt.TextFormat.RichText)
        column.addWidget(self.count_label)
        return box

    def _files_group(self) -> QGroupBox:
        box = QGroupBox("Files")
        grid = QFormLayout(box)
        grid.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.path_edit = QLineEdit(str(default_output_path(self._source)))
        self.path_edit.setAccessibleName("Reviewed copy file")
        self.path_edit.textChanged.connect(self._update_paths)
        self.browse_button = QPushButton("Browse…")
        self.browse_button.setAutoDefault(False)
        self.browse_button.setAccessibleName("Choose where to save the reviewed copy")
        self.browse_button.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(self.browse_button)
        grid.addRow("Reviewed &copy:", row)
        label = grid.labelForField(row)
        if isinstance(label, QLabel):
            label.setBuddy(self.path_edit)

        self.tracked = QCheckBox("Turn accepted rewrites into tracked changes")
        self.tracked.setAccessibleName("Turn accepted rewrites into tracked changes")
        self.tracked.setToolTip("Each rewrite becomes a change the author can accept or "
                                "reject in Word; it stays in the comment as well.")
        self.tracked.setChecked(self._saved.tracked_rewrites)
        grid.addRow("", self.tracked)

        reports = QHBoxLayout()
        self.report_boxes: dict[str, QCheckBox] = {}
        for ext in REPORT_NAMES:
            check = QCheckBox(REPORT_NAMES[ext])
            check.setAccessibleName(f"Write the {REPORT_NAMES[ext]} report")
            check.setChecked(ext in self._saved.reports)
            check.toggled.connect(self._update_paths)
            self.report_boxes[ext] = check
            reports.addWidget(check)
        reports.addStretch(1)
        self.paths_note = QLabel()
        self.paths_note.setObjectName("exportPathsNote")
        self.paths_note.setWordWrap(True)
        self.paths_note.setAlignment(TOP_LEFT)
        _mute(self.paths_note)
        grid.addRow("Reports:", reports)
        grid.addRow("", self.paths_note)  # a row of its own: wraps at the form's width
        return box

    def _author_group(self) -> QGroupBox:
        box = QGroupBox("Comment author")
        row = QFormLayout(box)
        self.author = QLineEdit(self._saved.author)
        self.author.setPlaceholderText(DEFAULT_AUTHOR)
        self.author.setAccessibleName("Reviewer name for the comments")
        self.initials = QLineEdit(self._saved.initials)
        self.initials.setMaxLength(8)
        # Eight capitals and the frame, in the font in use (a bigger system font too).
        self.initials.setMaximumWidth(self.initials.fontMetrics().horizontalAdvance("W" * 8)
                                      + 16)
        self.initials.setAccessibleName("Reviewer initials for the comments")
        self.author.textChanged.connect(self._update_initials_hint)
        names = QHBoxLayout()
        names.addWidget(self.author, 1)
        names.addSpacing(12)
        initials_label = QLabel("&Initials:")
        initials_label.setBuddy(self.initials)
        names.addWidget(initials_label)
        names.addWidget(self.initials)
        row.addRow("&Name:", names)
        label = row.labelForField(names)
        if isinstance(label, QLabel):
            label.setBuddy(self.author)
        self._update_initials_hint()
        return box

    def _upload_group(self) -> QGroupBox:
        box = QGroupBox("Upload to S3")
        box.setCheckable(True)
        box.setChecked(False)  # off every time: it is asked for, never carried over
        box.setAccessibleName("Upload the exported files to S3")
        box.toggled.connect(self._update_upload)
        self.upload_box = box
        grid = QFormLayout(box)
        grid.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.bucket = QLineEdit(self._saved.s3_bucket)
        self.bucket.setPlaceholderText("e.g. team-reviews")
        self.bucket.setAccessibleName("S3 bucket")
        self.prefix = QLineEdit(self._saved.s3_prefix)
        self.prefix.setPlaceholderText("optional, e.g. reviews/2025")
        self.prefix.setAccessibleName("S3 key prefix")
        self.bucket.textChanged.connect(self._update_upload)
        self.prefix.textChanged.connect(self._update_upload)
        grid.addRow("&Bucket:", self.bucket)
        grid.addRow("&Prefix:", self.prefix)
        self.disclosure = QLabel()
        self.disclosure.setObjectName("exportDisclosure")
        self.disclosure.setWordWrap(True)
        self.disclosure.setAlignment(TOP_LEFT)
        self.disclosure.setContentsMargins(4, 0, 4, 0)
        return box

    def _status_row(self) -> QHBoxLayout:
        self.progress = QProgressBar()
        self.progress.setAccessibleName("Export progress")
        self.progress.setTextVisible(False)
        self.progress.hide()
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.setAutoDefault(False)
        self.cancel_button.setAccessibleName("Cancel the export")
        self.cancel_button.clicked.connect(self.cancel)
        self.cancel_button.hide()
        self.status = QLabel()
        self.status.setObjectName("exportStatus")
        self.status.setAccessibleName("Export status")
        self.status.setWordWrap(True)
        self.status.setAlignment(TOP_LEFT)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status.hide()
        bar = QHBoxLayout()
        bar.addWidget(self.progress, 1)
        bar.addWidget(self.cancel_button)
        return bar

    def _buttons(self) -> QDialogButtonBox:
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.export_button = self.buttons.addButton("&Export",
                                                    QDialogButtonBox.ButtonRole.AcceptRole)
        self.export_button.setAccessibleName("Export")
        self.export_button.setDefault(True)  # Enter exports
        self.close_button = self.buttons.button(QDialogButtonBox.StandardButton.Close)
        self.close_button.setAutoDefault(False)
        self.buttons.accepted.connect(self.start_export)
        self.buttons.rejected.connect(self.reject)
        return self.buttons

    # -- state ----------------------------------------------------------------------

    @property
    def busy(self) -> bool:
        return self._job is not None

    @property
    def scope(self) -> Scope:
        return next(s for s, b in self.scope_buttons.items() if b.isChecked())

    def set_scope(self, scope: Scope) -> None:
        self.scope_buttons[scope].setChecked(True)

    def refresh(self) -> None:
        """Read the review again (connect to the window's changes while open)."""
        self._snapshot = self._read_review()
        self._update_count()

    def _read_review(self) -> ReviewSnapshot:
        review = self._review
        if isinstance(review, ReviewSnapshot):
            return review
        if callable(review):
            return review()
        return ReviewSnapshot.from_findings(self._document, review)

    def _update_count(self) -> None:
        counts = self._snapshot.counts()
        for scope, label in SCOPES:
            self.scope_buttons[scope].setText(f"{label} ({counts.by_scope[scope]})")
        text = _becomes(counts.by_scope[self.scope], counts.comments[self.scope])
        left_out = counts.left_out(self.scope) or "rejected findings are never exported"
        self.count_label.setText(f"<b>{text}</b> · {left_out}")
        self._refit.start()

    def chosen_path(self) -> Path | None:
        """The reviewed copy as typed (beside the original when relative); None if empty."""
        text = self.path_edit.text().strip()
        if not text:
            return None
        path = Path(text).expanduser()
        if not path.suffix:
            path = path.with_suffix(".docx")
        return path if path.is_absolute() else self._source.parent / path

    def _formats(self) -> list[str]:
        return [ext for ext, box in self.report_boxes.items() if box.isChecked()]

    def _outputs(self) -> list[Path]:
        docx = self.chosen_path()
        if docx is None:
            return []
        return [docx, *(docx.with_suffix(ext) for ext in self._formats())]

    def _update_paths(self) -> None:
        outputs = self._outputs()
        reports = [p.suffix for p in outputs[1:]]
        lines = [f"Reports ({', '.join(reports)}) go beside the copy, with its name, and list "
                 "every finding with its decision."] if reports else []
        existing = [p.name for p in outputs if p.exists()]
        if len(existing) == 1:
            lines.append(f"“{existing[0]}” already exists and will be replaced.")
        elif existing:
            lines.append(f"{len(existing)} of these files already exist and will be replaced.")
        self.paths_note.setText("\n".join(lines))
        self.paths_note.setVisible(bool(lines))
        self._update_upload()

    def _update_initials_hint(self) -> None:
        self.initials.setPlaceholderText(initials_of(self.author.text() or DEFAULT_AUTHOR))

    def _update_upload(self) -> None:
        on = self.upload_box.isChecked()
        plain = ("Off unless ticked. The upload is the only thing besides the text sent for "
                 "analysis that ever leaves this computer.")
        if on:
            reports = len(self._outputs()) - 1
            what = "The copy" + (f" and {reports} report{'s' if reports > 1 else ''}"
                                 if reports > 0 else "")
            bucket = self.bucket.text().strip() or "…"
            where = f"s3://{bucket}/{object_key(self.prefix.text(), '')}"
            plain = (f"{what} will be uploaded to {where} (AWS profile from Settings). Besides "
                     "the text sent for analysis, this upload is the only thing that leaves "
                     "this computer.")
        self.disclosure.setText(plain)
        self._refit.start()

    def _browse(self) -> None:
        current = str(self.chosen_path() or default_output_path(self._source))
        chosen = self.ask_save_path(current)
        if chosen:
            self.path_edit.setText(chosen)

    def _ask_save_path(self, current: str) -> str:
        path, _ = QFileDialog.getSaveFileName(self, "Save the reviewed copy", current,
                                              "Word documents (*.docx)")
        return path

    # -- exporting --------------------------------------------------------------------

    def start_export(self) -> None:
        if self.busy:
            return
        plan = self._plan()
        if plan is None:
            return
        self._save_prefs()
        self._cancel = threading.Event()
        steps = _Steps()  # no parent: the job holds it, and lets go on this thread
        steps.step.connect(self._on_step)
        job = Job(run_export, self._snapshot, self.scope, plan, step=steps.report,
                  cancel=self._cancel, session_factory=self.session_factory)
        job.signals.finished.connect(self._on_finished)
        job.signals.failed.connect(self._on_failed)
        job.signals.cancelled.connect(self._on_job_cancelled)
        self._job = job
        self._set_busy(True)
        self._show_status("Preparing the export…")
        self.export_started.emit()
        self._runner.start(job)

    def _plan(self) -> ExportPlan | None:
        """The export as chosen, or None after saying what is missing."""
        docx = self.chosen_path()
        if docx is None:
            self._refuse("Choose where to save the reviewed copy.")
            return None
        try:
            check_target(self._source, docx)
        except ExportError as exc:
            self._refuse(f"{str(exc)[:1].upper()}{str(exc)[1:]}.")
            return None
        upload = None
        if self.upload_box.isChecked():
            bucket = self.bucket.text().strip()
            if not bucket:
                self.bucket.setFocus()
                self._refuse("Enter the S3 bucket to upload to, or untick Upload to S3.")
                return None
            upload = UploadTarget(bucket, self.prefix.text().strip(),
                                  self._aws.profile if self._aws else None,
                                  self._aws.region if self._aws else None)
        author, initials = comment_author(self._current_prefs())
        return ExportPlan(self._source, self._document, {}, docx,
                          report_formats=tuple(self._formats()), author=author,
                          initials=initials, tracked_rewrites=self.tracked.isChecked(),
                          upload=upload)

    def _refuse(self, message: str) -> None:
        self._show_status(message, error=True)
        self.export_failed.emit(message)

    def _current_prefs(self) -> ExportPrefs:
        return ExportPrefs(author=self.author.text().strip(),
                           initials=self.initials.text().strip(),
                           tracked_rewrites=self.tracked.isChecked(), reports=self._formats(),
                           s3_bucket=self.bucket.text().strip(),
                           s3_prefix=self.prefix.text().strip(),
                           open_folder=self.open_after.isChecked())

    def _save_prefs(self) -> None:
        if not save_export_prefs(self._settings, self._current_prefs()):
            log.warning("the export choices could not be saved")

    def cancel(self) -> None:
        """Stop the running export: before the files are moved into place, nothing is
        written; during the upload, the files stay and the upload stops."""
        if self.busy and not self._cancel.is_set():
            self._cancel.set()
            self.cancel_button.setEnabled(False)
            self._show_status("Cancelling…")

    @_alive
    def _on_step(self, what: str, done: int, total: int) -> None:
        if not self.busy:
            return
        if total > 0:
            self.progress.setRange(0, 1000)
            self.progress.setValue(int(1000 * min(done, total) / total))
            self._show_status(f"{what} — {100 * min(done, total) // total}%")
        else:
            self.progress.setRange(0, 0)  # busy: no measure of how far
            self._show_status(f"{what}…")

    @_alive
    def _on_finished(self, result: ExportResult) -> None:
        self._job = None
        self._set_busy(False)
        self.last_result = result
        log.info("export written: %s", ", ".join(p.name for p in result.written))
        self._show_status(describe(result), error=result.upload_error is not None
                          and not result.upload_cancelled)
        self._update_paths()
        if self.open_after.isChecked() and result.written:
            self.open_folder(result.written[0].parent)
        self.exported.emit(result)

    @_alive
    def _on_failed(self, exc: BaseException) -> None:
        self._job = None
        self._set_busy(False)
        if not isinstance(exc, (ExportError, OSError)):
            log.error("export failed", exc_info=exc)
        message = describe_failure(exc)
        self._show_status(message, error=True)
        self._update_paths()
        self.export_failed.emit(message)

    @_alive
    def _on_job_cancelled(self) -> None:
        self._job = None
        self._set_busy(False)
        message = "Export cancelled; nothing was written."
        self._show_status(message)
        self.export_failed.emit(message)

    def _set_busy(self, busy: bool) -> None:
        self.form.setEnabled(not busy)
        self.export_button.setEnabled(not busy)
        self.close_button.setEnabled(not busy)
        self._refit.start()
        self.progress.setVisible(busy)
        self.progress.setRange(0, 0)
        self.cancel_button.setVisible(busy)
        self.cancel_button.setEnabled(busy)
        if busy:
            self.cancel_button.setFocus()
        else:
            self.export_button.setFocus()

    def _show_status(self, text: str, *, error: bool = False) -> None:
        self.status.setText(text)
        self.status.setStyleSheet(error_style() if error else "")
        self.status.show()
        self._refit.start()

    # -- size ------------------------------------------------------------------------

    def _fit(self) -> None:
        """Tall enough for every wrapped line at the current width.

        A window's minimum size ignores height-for-width, so a label that wraps
        onto another line (a longer status, a longer path note) would be cut off;
        and a label's new height reaches this layout only after its own group box
        was laid out again, hence the zero-time `_refit` timer.
        """
        layout = self.layout()
        if layout is None or not layout.hasHeightForWidth():
            return
        need = layout.totalHeightForWidth(self.width())
        if need != self.minimumHeight():
            self.setMinimumHeight(need)
        if need > self.height():
            self.resize(self.width(), need)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._fit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self._fit()

    # -- closing ---------------------------------------------------------------------

    def reject(self) -> None:
        """Esc or Close: while exporting, cancel instead (the dialog stays to say so)."""
        if self.busy:
            self.cancel()
            return
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.busy:
            self.cancel()
            event.ignore()
            return
        super().closeEvent(event)


def _mute(label: QLabel) -> None:
    palette = label.palette()
    palette.setColor(QPalette.ColorRole.WindowText,
                     palette.color(QPalette.ColorRole.PlaceholderText))
    label.setPalette(palette)


def _becomes(findings: int, comments: int) -> str:
    """'3 findings will become 5 comments': a finding about several places is a
    comment on each, and the reviewer counts the comments in Word."""
    if findings == 0:
        return "No findings will become comments"
    what = "1 finding" if findings == 1 else f"{findings} findings"
    if comments == findings:
        return f"{what} will become {'a comment' if comments == 1 else 'comments'}"
    return f"{what} will become {comments} comments"
