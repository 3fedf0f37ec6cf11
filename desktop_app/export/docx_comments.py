"""The reviewed copy: the original .docx with findings as native Word comments.

The original file is read once and never written. Each finding's [start, end)
offsets in `Section.text` are mapped back to paragraph anchors (`offsets`),
the anchors to the same `w:p` elements the loader numbered (`body_paragraphs`
over python-docx's body), and the offsets within a paragraph to runs, which
are cut where the quote starts or ends mid-run (`runs`, driven by
`annotate`). The comment itself is
created with python-docx (`document.comments.add_comment`), which allocates an
id above the document's existing comments; the range markers are placed here,
because python-docx puts them right beside the runs, which inside a hyperlink
or a tracked insertion would make the reference run part of the link or the
insertion.
"""

from __future__ import annotations

import hashlib
import io
import os
import zipfile
from collections.abc import Iterable
from pathlib import Path

from lxml import etree

from desktop_app.document.body import body_paragraphs
from desktop_app.document.model import Document
from desktop_app.export.annotate import Annotator, ExportSummary, comment_text
from desktop_app.export.atomic import atomic_target
from desktop_app.export.xmltext import xml_safe
from desktop_app.review.findings import Finding

__all__ = ["ExportError", "ExportSummary", "comment_text", "default_output_path",
           "export_reviewed_docx", "select_for_export"]

WORD_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"


class ExportError(Exception):
    """The reviewed copy cannot be written; the message says why, in plain words."""


def default_output_path(source: str | os.PathLike[str]) -> Path:
    """'NAME (reviewed).docx' beside the source."""
    path = Path(source)
    return path.with_name(f"{path.stem} (reviewed).docx")


def select_for_export(findings: Iterable[Finding], accept_all: bool = False
                      ) -> tuple[list[Finding], int]:
    """(findings to export, how many were left out as pending).

    Accepted and user-written findings are exported; rejected ones never;
    pending ones only when everything counts as accepted.
    """
    chosen, pending = [], 0
    for f in findings:
        if f.decision == "rejected":
            continue
        if f.decision == "accepted" or f.source == "user" or accept_all:
            chosen.append(f)
        else:
            pending += 1
    return chosen, pending


def export_reviewed_docx(
    source_path: str | os.PathLike[str],
    document: Document,
    findings_by_section: dict[str, list[Finding]],
    out_path: str | os.PathLike[str] | None = None,
    *,
    author: str = "Margin",
    initials: str = "M",
    tracked_rewrites: bool = False,
) -> ExportSummary:
    """Write a copy of `source_path` with each finding as a comment; return what was done.

    Pass the findings to export (`select_for_export`). Raises `ExportError` when
    the copy cannot be made; the original is never modified.
    """
    source = Path(source_path)
    out = Path(out_path) if out_path is not None else default_output_path(source)
    check_target(source, out)
    if document.strict:
        raise ExportError("the document is in Strict Open XML format, which cannot be "
                          "exported; save it from Word as a normal .docx first")
    try:
        data = source.read_bytes()
    except OSError as exc:
        raise ExportError(f"cannot read {source}: {exc.strerror or exc}") from exc
    if hashlib.sha256(data).hexdigest() != document.sha256:
        raise ExportError("the document changed on disk since it was opened; "
                          "open it again before exporting")
    wdoc = _open(data)
    paragraphs = [slot.element for slot in body_paragraphs(wdoc.element.body)]
    if len(paragraphs) != document.paragraph_count:
        raise ExportError("the document reads differently than when it was opened "
                          f"({len(paragraphs)} paragraphs, not {document.paragraph_count}); "
                          "nothing was written so that no comment lands in the wrong place")

    summary = ExportSummary(out)
    annotator = Annotator(wdoc, paragraphs, xml_safe(author), xml_safe(initials), summary,
                           tracked_rewrites)
    seen = set()
    for section in document.walk():
        seen.add(section.id)
        findings = findings_by_section.get(section.id)
        if findings:
            annotator.add_section(section, findings)
    for sid, findings in findings_by_section.items():
        if sid not in seen:
            summary.skipped += [(f.id, f"section {sid} is not in this document")
                                for f in findings]
    if tracked_rewrites:
        annotator.track_rewrites()
    with atomic_target(out) as tmp:
        wdoc.save(str(tmp))
    return summary


def check_target(source: Path, out: Path) -> None:
    """The reviewed copy is a .docx and never the original (checked before writing)."""
    if out.suffix.lower() != ".docx":
        raise ExportError(f"the reviewed copy must be a .docx file, not {out.name}")
    same = out.resolve() == source.resolve()
    if not same and out.exists():
        try:
            same = os.path.samefile(out, source)
        except OSError:
            same = False
    if same:
        raise ExportError("the reviewed copy would overwrite the original; choose another name")


def _open(data: bytes):
    import docx  # python-docx: only export needs it
    from docx.opc.exceptions import PackageNotFoundError

    try:
        wdoc = docx.Document(io.BytesIO(data))
    except ValueError as exc:
        if "content type" in str(exc):
            raise ExportError("only .docx documents can be exported, not macro-enabled "
                              "documents or templates; save it as a .docx first") from exc
        raise ExportError(f"the document cannot be rewritten: {exc}") from exc
    except KeyError as exc:  # python-docx follows every relationship, even dangling ones
        raise ExportError(f"the document is damaged and cannot be rewritten: a part it refers "
                          f"to is missing ({exc.args[0] if exc.args else exc})") from exc
    except (OSError, zipfile.BadZipFile, PackageNotFoundError, etree.LxmlError) as exc:
        raise ExportError(f"the document cannot be rewritten: {type(exc).__name__}: {exc}"
                          ) from exc
    if wdoc.part.content_type != WORD_MAIN:
        raise ExportError("only .docx documents can be exported")
    return wdoc
