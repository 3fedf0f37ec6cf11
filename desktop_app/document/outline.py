"""Turn a flat list of paragraphs into a section tree, with stable ids.

Headings come from styles and outline levels when the document has them. For
documents without, numbered headings ("1.", "2.3", "A.") or short bold lines
stand in; a document with no structure at all is cut into size-bounded parts.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass

from desktop_app.document.model import Paragraph, Section, SectionOrigin, count_words

PART_WORDS = 800  # a structureless document is cut into parts of about this size
MAX_TITLE = 160
HEADING_MAX_WORDS = 14
HEADING_MAX_CHARS = 120
PREAMBLE_TITLE = "Before the first heading"

_NUMBERED = re.compile(
    r"^(?:(?P<num>\d{1,2}(?:\.\d{1,2}){0,5})\.?|(?P<letter>[A-Z])[.)]|(?P<roman>[IVX]{1,5})\.)"
    r"\s+(?P<title>\S.*)$"
)


@dataclass(slots=True)
class Item:
    """A paragraph on its way into a section; `heading` is its level or None."""

    para: Paragraph
    heading: int | None
    bold: bool = False
    origin: SectionOrigin = SectionOrigin.STYLE


def numbered_level(text: str) -> int | None:
    """Level of a numbered heading line ("2.3 Scope" -> 2), or None."""
    if len(text) > HEADING_MAX_CHARS or text.endswith((".", ";", ",")):
        return None
    m = _NUMBERED.match(text)
    if not m or count_words(m.group("title")) > HEADING_MAX_WORDS:
        return None
    if not m.group("title")[0].isupper() and not m.group("title")[0].isdigit():
        return None
    if m.group("num"):
        return m.group("num").count(".") + 1
    return 1


def looks_like_bold_heading(text: str) -> bool:
    return (
        0 < len(text) <= HEADING_MAX_CHARS
        and count_words(text) <= HEADING_MAX_WORDS
        and not text.endswith((".", ";", ","))
    )


def apply_fallback_headings(items: list[Item]) -> bool:
    """For documents with no styled headings: numbered lines, else bold lines.

    Needs at least two candidates so that one stray "1. Do this" list item
    does not become the only heading. Returns whether headings were found.
    """
    numbered = [(it, numbered_level(it.para.text.strip())) for it in items if it.para.row < 0]
    numbered = [(it, lvl) for it, lvl in numbered if lvl is not None]
    if len(numbered) >= 2:
        for it, lvl in numbered:
            it.heading, it.origin = lvl, SectionOrigin.NUMBERED
        return True
    bold = [it for it in items if it.bold and it.para.row < 0 and looks_like_bold_heading(
        it.para.text.strip())]
    if len(bold) >= 2:
        for it in bold:
            it.heading, it.origin = 1, SectionOrigin.BOLD
        return True
    return False


class IdMaker:
    """Ids from the title and its occurrence count, not the position.

    The same document gives the same ids every time, and editing (or adding)
    one section leaves the ids of differently titled sections alone.
    """

    def __init__(self) -> None:
        self._seen: dict[str, int] = {}

    def make(self, key: str, readable: str) -> str:
        norm = " ".join(key.lower().split())
        n = self._seen.get(norm, 0) + 1
        self._seen[norm] = n
        digest = hashlib.blake2b(f"{norm}\x00{n}".encode(), digest_size=3).hexdigest()
        ascii_ = unicodedata.normalize("NFKD", readable).encode("ascii", "ignore").decode()
        slug = re.sub(r"[^a-z0-9]+", "-", ascii_.lower()).strip("-")[:32].rstrip("-")
        return f"{slug}-{digest}" if slug else f"s-{digest}"


def clean_title(text: str) -> str:
    title = " ".join(text.split())
    return title if len(title) <= MAX_TITLE else title[: MAX_TITLE - 1].rstrip() + "…"


def build_tree(items: list[Item]) -> list[Section]:
    ids = IdMaker()
    roots: list[Section] = []
    stack: list[Section] = []
    current: Section | None = None
    for it in items:
        if it.heading is not None:
            title = clean_title(it.para.text)
            sec = Section(ids.make(title, title), title, it.heading, it.origin, it.para.anchor)
            while stack and stack[-1].level >= it.heading:
                stack.pop()
            if stack:
                sec.parent = stack[-1]
                stack[-1].children.append(sec)
            else:
                roots.append(sec)
            stack.append(sec)
            current = sec
        elif current is None:
            if not it.para.text.strip():
                continue  # blank lines before the first heading make no section
            current = Section("front-matter", PREAMBLE_TITLE, 0, SectionOrigin.PREAMBLE, None)
            roots.append(current)
            current.paragraphs.append(it.para)
        else:
            current.paragraphs.append(it.para)
    return roots


def split_into_parts(paragraphs: list[Paragraph], doc_title: str) -> list[Section]:
    """Size-bounded parts, cut at paragraph (never table-row) boundaries."""
    ids = IdMaker()
    parts: list[list[Paragraph]] = [[]]
    words = 0
    for p in paragraphs:
        mid_row = parts[-1] and p.row >= 0 and parts[-1][-1].row == p.row
        if words >= PART_WORDS and not mid_row:
            parts.append([])
            words = 0
        parts[-1].append(p)
        words += count_words(p.text)
    parts = [ps for ps in parts if any(p.text.strip() for p in ps)]
    if len(parts) == 1:
        first = _first_words(parts[0], 10)
        title = doc_title or first
        return [Section(ids.make(first, title), clean_title(title), 0, SectionOrigin.PART, None,
                        parts[0])]
    sections = []
    for i, ps in enumerate(parts, 1):
        first = _first_words(ps, 8)
        title = clean_title(f"Part {i}: {first}")
        sections.append(Section(ids.make(first, first), title, 0, SectionOrigin.PART, None, ps))
    return sections


def _first_words(paragraphs: list[Paragraph], n: int) -> str:
    for p in paragraphs:
        words = p.text.split()
        if words:
            return " ".join(words[:n]) + ("…" if len(words) > n else "")
    return "(empty)"
