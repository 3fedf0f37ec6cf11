"""Placing each finding's comment: on its quote, the paragraph around it, or the heading.

Works on the parsed main document part, whose body paragraphs were numbered
with `body_paragraphs` exactly as the loader numbered them, and the comments part.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from desktop_app.document.body import TXBX
from desktop_app.document.model import Section
from desktop_app.document.text import run_texts
from desktop_app.export.comments_part import CommentsPart
from desktop_app.export.markers import mark_paragraph, mark_range
from desktop_app.export.offsets import LayoutMismatch, Point, Span, layout, locate, quote_range
from desktop_app.export.runs import end_boundary, start_boundary
from desktop_app.export.tracked_changes import revision_date, revision_ids, track_rewrite
from desktop_app.export.xmltext import xml_safe
from desktop_app.review.findings import Finding


@dataclass(slots=True)
class ExportSummary:
    out_path: Path
    comments: int = 0  # comments added
    on_quote: int = 0  # anchored on exactly the quote
    widened: int = 0  # on the runs or the paragraph around the quote (could not cut exactly)
    on_heading: int = 0  # no anchored quote: on the section heading (or first paragraph)
    tracked: int = 0  # rewrites written as tracked changes
    rewrites_untracked: int = 0  # rewrites left in the comment only (quote not plain text)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (finding id, reason)
    notes: list[str] = field(default_factory=list)  # what was repaired or left out, in words


def comment_text(f: Finding, also: str = "") -> str:
    """'[MAJOR · Clarity] issue', then suggestion, rewrite and checkpoints, a line each;
    `also`: for a document-level finding's quote, the line naming its other places."""
    category = f.category.strip()
    label = f.severity.upper() + (f" · {category[:1].upper()}{category[1:]}" if category else "")
    lines = [f"[{label}] {f.issue}"]
    if f.suggestion:
        lines.append(f"Suggestion: {f.suggestion}")
    if f.rewrite:
        lines.append(f"Rewrite: {f.rewrite}")
    if f.checkpoints:
        lines.append("Checkpoints: " + ", ".join(f.checkpoints))
    if also:
        lines.append(also)
    return xml_safe("\n".join(lines).replace("\r\n", "\n").replace("\r", "\n"))


def _story(p: etree._Element) -> etree._Element | None:
    """The text box holding `p`, or None for the main body."""
    for ancestor in p.iterancestors(TXBX):
        return ancestor
    return None


def _live_text(p: etree._Element) -> str:
    return "".join(seg.text for seg in run_texts(p))


class Annotator:
    """Adds one comment per finding to the main part and the comments part, counting in
    `summary`."""

    def __init__(self, root: etree._Element, paragraphs: list[etree._Element],
                 comments: CommentsPart, author: str, initials: str, summary: ExportSummary,
                 track: bool, notes: dict[str, str] | None = None) -> None:
        self.root = root
        self.notes = notes or {}  # finding id -> a last line for its comment
        self.comments = comments
        self.track = track
        self.paragraphs = paragraphs
        self.author, self.initials = author, initials
        self.summary = summary
        self.date = revision_date()
        self.rewrites: list[tuple[etree._Element, int, Finding]] = []

    def add_section(self, section: Section, findings: list[Finding]) -> None:
        try:
            spans: list[Span] | None = layout(section)
        except LayoutMismatch:
            spans = None  # never guess offsets: every comment goes on the heading
        texts = {s.para.anchor: s.para.text for s in spans or ()}
        for f in findings:
            rng = quote_range(section, f) if spans else None
            points = locate(spans, *rng) if spans and rng else None
            if points is not None:
                self._on_quote(points, texts, f)
                continue
            anchor = _fallback_anchor(section)
            if anchor is None:
                self.summary.skipped.append((f.id, f"section {section.id} has no paragraph"))
                continue
            cid = self._new_comment(f)
            mark_paragraph(self.paragraphs[anchor], cid)
            self.summary.on_heading += 1
            self._rewrite(f, self.paragraphs[anchor], cid, False)

    def _on_quote(self, points: tuple[Point, Point], texts: dict[int, str], f: Finding) -> None:
        first, last = points
        sp, ep = self.paragraphs[first.anchor], self.paragraphs[last.anchor]
        if _story(sp) is not _story(ep):  # a range cannot leave a text box: stop at its end
            ep, last = sp, Point(first.anchor, len(texts[first.anchor]))
        cid = self._new_comment(f)
        exact = False
        if _live_text(sp) == texts[first.anchor] and _live_text(ep) == texts[last.anchor]:
            start = start_boundary(sp, first.offset)
            end = end_boundary(ep, last.offset) if start is not None else None
            if start and end and mark_range(sp, start.element, ep, end.element, cid):
                exact = start.exact and end.exact
                if exact:
                    self.summary.on_quote += 1
                else:
                    self.summary.widened += 1
                self._rewrite(f, sp, cid, exact and sp is ep)
                return
        mark_paragraph(sp, cid)  # the text or structure is not what we can cut: whole paragraph
        self.summary.widened += 1
        self._rewrite(f, sp, cid, False)

    def _rewrite(self, f: Finding, p: etree._Element, cid: int, trackable: bool) -> None:
        if not (self.track and f.rewrite):
            return
        if trackable:
            self.rewrites.append((p, cid, f))
        else:
            self.summary.rewrites_untracked += 1

    def _new_comment(self, f: Finding) -> int:
        cid = self.comments.add(comment_text(f, self.notes.get(f.id, "")), self.author,
                                self.initials, self.date)
        self.summary.comments += 1
        return cid

    def track_rewrites(self, id_floor: int = 0) -> None:
        """Turn the recorded rewrites into revisions, once every comment is placed.

        Not earlier: a later comment may cut a quote's runs again, and a revision
        changes the text later offsets count. The range markers say which runs
        each quote is, however they were cut. `id_floor`: the highest `w:id` in
        the parts that were not parsed (headers, footers, notes).
        """
        ids = revision_ids(self.root, self.comments.root, floor=id_floor)
        for p, cid, f in self.rewrites:
            if track_rewrite(p, cid, f.rewrite or "", self.author, self.date, ids):
                self.summary.tracked += 1
            else:
                self.summary.rewrites_untracked += 1


def _fallback_anchor(section: Section) -> int | None:
    """The heading, or for a section without one its first paragraph with text."""
    if section.heading_anchor is not None:
        return section.heading_anchor
    for p in section.paragraphs:
        if p.text.strip():
            return p.anchor
    return section.paragraphs[0].anchor if section.paragraphs else None
