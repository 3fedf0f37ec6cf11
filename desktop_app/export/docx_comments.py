"""The reviewed copy: the original .docx with findings as native Word comments.

The original file is read once and never written. Each finding's [start, end)
offsets in `Section.text` are mapped back to paragraph anchors (`offsets`),
the anchors to the same `w:p` elements the loader numbered (`body_paragraphs`
over the main part, parsed with lxml as opening parses it), and the offsets
within a paragraph to runs, which are cut where the quote starts or ends
mid-run (`runs`, driven by `annotate`). Comments go into the comments part
(`comments_part`), created if the document has none.

Only the parts export changes are parsed (`source_package`); every other part
is copied as it is stored (`package_writer`), so a dangling relationship or a
damaged theme no longer stops an export, and memory stays bounded however
large the headers or notes unpack. Strict Open XML documents stay Strict
(`namespaces`). What export changed is parsed again and checked before the
copy is written: every new comment has its range and its reference.
"""

from __future__ import annotations

import os
import posixpath
from collections.abc import Iterable, Sequence
from pathlib import Path

from lxml import etree

from desktop_app.document.body import TXBX, body_paragraphs, find_body
from desktop_app.document.model import Document
from desktop_app.export import comments_part
from desktop_app.export.annotate import Annotator, ExportSummary, comment_text
from desktop_app.export.atomic import atomic_target, link_problem
from desktop_app.export.comments_part import CommentsPart
from desktop_app.export.document_comments import occurrence_findings, quote_findings
from desktop_app.export.markers import comment_ids_in
from desktop_app.export.namespaces import to_strict
from desktop_app.export.opc import serialize
from desktop_app.export.package_writer import PackageCopy
from desktop_app.export.source_package import (
    MACRO_RELS,
    WORD_MAIN,
    ExportError,
    SourcePackage,
    export_problem,
)
from desktop_app.export.tracked_changes import highest_w_id
from desktop_app.export.verify import verify_parts
from desktop_app.export.xmltext import xml_safe
from desktop_app.export.zip_parts import PartStream, PartUnreadable
from desktop_app.review.document_findings import DocumentFinding
from desktop_app.review.findings import Finding

__all__ = ["ExportError", "ExportSummary", "comment_text", "default_output_path",
           "export_problem", "export_reviewed_docx", "select_for_export"]


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
    document_findings: Sequence[DocumentFinding] = (),
) -> ExportSummary:
    """Write a copy of `source_path` with each finding as a comment; return what was done.

    Pass the findings to export (`select_for_export`), and the document-level ones
    (a comment on each of their quotes naming the others). A finding about several
    occurrences gets a comment on each (`document_comments.occurrence_findings`).
    Raises `ExportError` when the copy cannot be made, `OSError` when it cannot be
    written; the original is never modified, and nothing is left at `out_path` on
    failure.
    """
    source = Path(source_path)
    out = Path(out_path) if out_path is not None else default_output_path(source)
    check_target(source, out)
    with SourcePackage(source, document.sha256) as src:
        root = src.main_root()
        body = find_body(root)
        # As the loader does: look into paragraphs for text boxes only if there are any.
        boxes = next(root.iter(TXBX), None) is not None
        paragraphs = ([slot.element for slot in body_paragraphs(body, with_textboxes=boxes)]
                      if body is not None else [])
        if len(paragraphs) != document.paragraph_count:
            raise ExportError("the document reads differently than when it was opened "
                              f"({len(paragraphs)} paragraphs, not {document.paragraph_count}); "
                              "nothing was written so that no comment lands in the wrong place")
        comments = CommentsPart(src.comments_root if src.comments else None,
                                comment_ids_in(root))
        summary = ExportSummary(out)
        findings_by_section, notes = occurrence_findings(findings_by_section)
        places, place_notes = quote_findings(document_findings,
                                             {s.id: s.title for s in document.walk()})
        notes.update(place_notes)
        if places:
            findings_by_section = {sid: [*findings_by_section.get(sid, []), *places.get(sid, [])]
                                   for sid in dict.fromkeys([*findings_by_section, *places])}
        annotator = Annotator(root, paragraphs, comments, xml_safe(author), xml_safe(initials),
                              summary, tracked_rewrites, notes)
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
        copy = PackageCopy(src)
        _as_docx(src, copy)
        if tracked_rewrites and annotator.rewrites:
            annotator.track_rewrites(id_floor=_highest_id_elsewhere(src, copy))
        _put_parts(src, copy, root, comments)
        with atomic_target(out) as tmp:
            copy.write(tmp)
        summary.notes = copy.notes()
    return summary


def _as_docx(src: SourcePackage, copy: PackageCopy) -> None:
    """A macro-enabled document or a template becomes a plain document, as Word's
    Save As .docx makes it: the copy must open as the .docx it is named."""
    if src.main_type in (None, WORD_MAIN):
        return
    src.content_types.set(src.main, WORD_MAIN)
    macros = [rel for rel in src.main_rels if rel.type in MACRO_RELS and not rel.external]
    for rel in macros:
        src.main_rels.remove(rel)
        part = src.names.find(rel.part(src.main))
        if part is None:
            continue
        copy.drop(part, "")
        try:
            own = src.rels(part)
        except ExportError:
            own = None
        for inner in own or ():  # vbaData.xml, reached only from the macros
            target = src.names.find(inner.part(part))
            if target is not None and not inner.external:
                copy.drop(target, "")
    if macros:
        src.notes.append("the document's macros were left out: a .docx cannot carry them")
    if "template" in (src.main_type or ""):
        src.notes.append("the template was written as a document (.docx)")


def _highest_id_elsewhere(src: SourcePackage, copy: PackageCopy) -> int:
    """The highest `w:id` in the WordprocessingML parts export does not parse."""
    top = 0
    for name, info in src.infos.items():
        if name in (src.main, src.comments) or name in copy.dropped:
            continue
        if "wordprocessingml" not in (src.content_types.of(name) or ""):
            continue
        try:
            top = max(top, highest_w_id(PartStream(src.fh, info)))
        except PartUnreadable:
            continue  # the copy leaves it out; its ids no longer count
    return top


def _put_parts(src: SourcePackage, copy: PackageCopy, root: etree._Element,
               comments: CommentsPart) -> None:
    """The main part and, if it changed, the comments part, checked and in place."""
    main = serialize(root)
    notes = comments.to_bytes() if comments.added else None
    verify_parts(main, notes, comments.added)
    if src.strict:
        main = to_strict(main)
        notes = to_strict(notes) if notes is not None else None
    copy.replaced[src.main] = main
    if notes is None:
        return
    name = src.comments
    if name is not None:
        copy.replaced[name] = notes
    else:
        for rel in list(src.main_rels.of_type("/comments")):  # to a part that is missing
            src.main_rels.remove(rel)
            src.notes.append(f"the comments part {rel.part(src.main)} is missing; the copy has "
                             "a new one")
        folder = src.part_folder()
        name = src.names.free_name(folder, "comments", ".xml")
        copy.added[name] = notes
        src.main_rels.add(src.rel_type("comments"), posixpath.relpath(name, folder or "."))
    src.content_types.set(name, comments_part.CONTENT_TYPE)


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
    problem = link_problem(out)
    if problem is not None:
        raise ExportError(f"{out.name}: {problem}")
