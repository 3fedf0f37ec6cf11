"""One export from the window: the reviewed copy, its reports, and the optional upload.

No Qt; `perform` runs on a worker thread. Everything is first written into a
hidden folder beside the target and only moved into place once every file is
complete, so a failure (permission denied, disk full, a document that cannot
be rewritten) or a cancel leaves nothing at the target paths, not even a copy
without its reports. The upload comes after: a failed or cancelled upload
does not undo the files written on this machine, and the result says so.
"""

from __future__ import annotations

import errno
import os
import shutil
import tempfile
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop_app.document.model import Document
from desktop_app.export.annotate import ExportSummary
from desktop_app.export.atomic import keep_mode, refuse_link
from desktop_app.export.docx_comments import ExportError, check_target, export_reviewed_docx
from desktop_app.export.reports import REPORT_FORMATS, write_report
from desktop_app.export.s3_upload import UploadCancelled, Uploaded, UploadError, object_key
from desktop_app.review.document_findings import DocumentFinding
from desktop_app.review.findings import Finding

StepFn = Callable[[str, int, int], None]  # (what is happening, done, total; 0 = unknown)


class ExportCancelled(Exception):
    """Cancelled before anything was written."""


@dataclass(frozen=True, slots=True)
class UploadTarget:
    bucket: str
    prefix: str = ""
    profile: str | None = None  # the AWS profile from Settings; None: the default chain
    region: str | None = None

    @property
    def where(self) -> str:
        return f"s3://{self.bucket}/{object_key(self.prefix, '')}"


@dataclass(slots=True)
class ExportPlan:
    source: Path
    document: Document
    findings: dict[str, list[Finding]]  # what becomes comments (`ReviewSnapshot.select`)
    docx: Path
    report: dict[str, Any] | None = None  # `ReviewSnapshot.report()`; needed for reports
    report_formats: Sequence[str] = ()  # ".html", ".md", ".csv", ".json"
    author: str = "Margin"
    initials: str = "M"
    tracked_rewrites: bool = False
    upload: UploadTarget | None = None
    # `ReviewSnapshot.select_document`: a comment on each of their quotes
    document_findings: list[DocumentFinding] = field(default_factory=list)

    def report_paths(self) -> list[Path]:
        """Beside the reviewed copy, with its name: 'X (reviewed).html'."""
        for ext in self.report_formats:
            if ext not in REPORT_FORMATS:
                raise ValueError(f"no report format {ext!r}")
        return [self.docx.with_suffix(ext) for ext in dict.fromkeys(self.report_formats)]

    def outputs(self) -> list[Path]:
        return [self.docx, *self.report_paths()]


@dataclass(slots=True)
class ExportResult:
    summary: ExportSummary
    written: list[Path]  # the reviewed copy first, then the reports
    tracked_rewrites: bool = False
    upload: UploadTarget | None = None
    uploaded: list[Uploaded] = field(default_factory=list)
    upload_error: str | None = None  # the files are written; the upload is not (all) done
    upload_cancelled: bool = False


def perform(plan: ExportPlan, *, step: StepFn | None = None,
            cancel: threading.Event | None = None,
            session_factory: Callable[[UploadTarget], Any] | None = None) -> ExportResult:
    """Write the plan's files (all or none), then upload them if asked.

    Raises `ExportError` (the copy cannot be made: the reason in plain words),
    `OSError` (the folder cannot be written), or `ExportCancelled`; in each
    case nothing is left at the target paths. Upload problems are in the result.
    """
    report_step = step or (lambda *_: None)
    check_target(plan.source, plan.docx)
    for path in plan.outputs():  # before any work: a link would be replaced by the file
        refuse_link(path)
    if plan.report_formats and plan.report is None:
        raise ValueError("reports asked for without a report")
    folder = plan.docx.parent
    created = _make_folder(folder)
    try:
        staging = Path(tempfile.mkdtemp(prefix=".margin-export-", dir=folder))
    except OSError:
        _remove_empty(created)
        raise
    try:
        _stop_if(cancel)
        report_step(f"Writing {plan.docx.name}", 0, 0)
        summary = export_reviewed_docx(
            plan.source, plan.document, plan.findings, staging / plan.docx.name,
            author=plan.author, initials=plan.initials, tracked_rewrites=plan.tracked_rewrites,
            document_findings=plan.document_findings)
        for path in plan.report_paths():
            _stop_if(cancel)
            report_step(f"Writing {path.name}", 0, 0)
            assert plan.report is not None
            write_report(staging / path.name, plan.report)
        _stop_if(cancel)
        written = _commit(staging, plan.outputs())
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        _remove_empty(created)
        raise
    shutil.rmtree(staging, ignore_errors=True)
    summary.out_path = plan.docx
    result = ExportResult(summary, written, plan.tracked_rewrites, plan.upload)
    if plan.upload is not None:
        _upload(result, plan.upload, report_step, cancel, session_factory)
    return result

def _stop_if(cancel: threading.Event | None) -> None:
    if cancel is not None and cancel.is_set():
        raise ExportCancelled("export cancelled; nothing was written")


def _make_folder(folder: Path) -> list[Path]:
    """Create `folder` and its missing parents; return those made, deepest first."""
    if folder.exists() and not folder.is_dir():
        raise NotADirectoryError(errno.ENOTDIR, "it is a file, not a folder", str(folder))
    missing = []
    at = folder
    while not at.exists() and at.parent != at:
        missing.append(at)
        at = at.parent
    folder.mkdir(parents=True, exist_ok=True)
    return missing


def _remove_empty(folders: list[Path]) -> None:
    for folder in folders:  # deepest first
        try:
            folder.rmdir()
        except OSError:
            return


def _commit(staging: Path, targets: list[Path]) -> list[Path]:
    """Move each staged file to its target: renames within one folder, so quick and whole."""
    for target in targets:
        staged = staging / target.name
        refuse_link(target)
        keep_mode(staged, target)  # a file being replaced keeps its permissions
        os.replace(staged, target)
    return list(targets)


def _upload(result: ExportResult, target: UploadTarget, step: StepFn,
            cancel: threading.Event | None,
            session_factory: Callable[[UploadTarget], Any] | None) -> None:
    from desktop_app.export.s3_upload import upload_exports

    def progress(name: str, sent: int, size: int) -> None:
        step(f"Uploading {name}", sent, size)

    try:
        session = (session_factory or default_session)(target)
        result.uploaded = upload_exports(result.written, target.bucket, target.prefix,
                                         session=session, progress=progress, cancel=cancel)
    except UploadCancelled:
        result.upload_cancelled = True
        result.upload_error = "the upload was cancelled"
    except UploadError as exc:
        result.upload_error = str(exc)
    except Exception as exc:  # a profile that does not exist, a broken AWS config
        result.upload_error = f"the upload could not start: {exc}"


def default_session(target: UploadTarget) -> Any:
    from desktop_app.ai.aws import make_session

    return make_session(target.profile, target.region)  # AWS_REGION honoured as elsewhere


# -- in words -------------------------------------------------------------------------


def _n(count: int, one: str, many: str | None = None) -> str:
    return f"{count} {one if count == 1 else (many or one + 's')}"


def describe(result: ExportResult) -> str:
    """'23 comments: 21 on their quote, 2 on the section heading; 3 rewrites as
    tracked changes; X (reviewed).docx and X (reviewed).html written in FOLDER'."""
    s = result.summary
    if s.comments:
        places = [f"{s.on_quote} on their quote" if s.on_quote else "",
                  f"{s.widened} on the text around their quote" if s.widened else "",
                  f"{s.on_heading} on the section heading" if s.on_heading else ""]
        parts = [_n(s.comments, "comment") + ": " + ", ".join(p for p in places if p)]
    else:
        parts = ["no comments"]
    if result.tracked_rewrites:
        tracked = _n(s.tracked, "rewrite") + " as tracked changes"
        if s.rewrites_untracked:
            tracked += f" ({s.rewrites_untracked} left in the comment only)"
        parts.append(tracked)
    if s.skipped:
        parts.append(_n(len(s.skipped), "finding") + " not placed: " + s.skipped[0][1])
    names = [p.name for p in result.written]
    listed = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
    folder = result.written[0].parent if result.written else ""
    parts.append(f"{listed} written in {folder}")
    text = "; ".join(parts)
    text = text[:1].upper() + text[1:] + "."
    for note in s.notes:  # what the copy repaired or left out of the package
        text += f"\nNote: {note}."
    if result.upload is not None:
        if result.upload_error is None:
            text += f"\nUploaded {_n(len(result.uploaded), 'file')} to {result.upload.where}."
        elif result.upload_cancelled:
            text += "\nThe upload was cancelled; the files are only on this computer."
        else:
            text += f"\nNot uploaded: {result.upload_error}."
    return text


def describe_failure(exc: BaseException) -> str:
    """Why nothing was written, in plain words."""
    if isinstance(exc, ExportCancelled):
        return "Export cancelled; nothing was written."
    if isinstance(exc, ExportError):
        return f"Nothing was written: {exc}."
    if isinstance(exc, OSError):
        where = f" {exc.filename}" if exc.filename else ""
        reason = exc.strerror or str(exc)
        return f"Nothing was written: cannot write{where}: {reason}."
    return f"Nothing was written: the export failed ({type(exc).__name__}: {exc})."
