"""Turn a flat list of paragraphs into a section tree, with stable ids.

Headings come from styles and outline levels when the document has them. For
documents without, numbered headings ("1.", "2.3", "A.") or short bold lines
stand in; a document with no structure at all is cut into size-bounded parts.
Tables of contents (`contents.py`) and headings typed by hand inside long
sections (`manual.py`) add boundaries to the styled ones before the tree is
built.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from typing import Any

from desktop_app.document.model import Paragraph, Section, SectionOrigin, all_code, count_words

PART_WORDS = 800  # a structureless document is cut into parts of about this size
MAX_TITLE = 160
HEADING_MAX_WORDS = 14
HEADING_MAX_CHARS = 120
PREAMBLE_TITLE = "Before the first heading"
# Ids of inferred sections are made from this plus the title (see `Item`).
INFERRED_KEY = "\x01"

_NUMBERED = re.compile(
    r"^(?:(?P<num>\d{1,2}(?:\.\d{1,2}){0,5})\.?|(?P<letter>[A-Z])[.)]|(?P<roman>[IVX]{1,5})\.)"
    r"\s+(?P<title>\S.*)$"
)


_SLUG_GAPS = re.compile(r"[^a-z0-9]+")


class Item:
    """A paragraph on its way into a section; `heading` is its level or None.

    `inferred` marks a boundary the document does not declare (a heading typed
    by hand inside a long section, a table of contents): its id comes from a
    namespace of its own, so that finding one never renumbers a styled
    section. A `virtual` heading starts a section without being its heading:
    the paragraph stays in the section's body and `title` names the section.

    A plain class whose rarely set attributes default on the class: there is
    one per paragraph, and a dataclass would set all eleven each time.
    """

    bold = False
    origin = SectionOrigin.STYLE
    title: str | None = None
    virtual = False
    inferred = False
    contents = False  # an entry of a table of contents
    after_contents = False  # the first line after one: settled once headings are known

    def __init__(self, para: Paragraph, heading: int | None, element: Any = None,
                 style: str | None = None) -> None:
        # `element`: the w:p, for formatting looked up only when needed.
        self.para = para
        self.heading = heading
        self.element = element
        self.style = style

    def __repr__(self) -> str:
        return f"Item({self.para!r}, heading={self.heading!r}, origin={self.origin!r})"


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
    # Not a table of contents; but the line after one may be a heading.
    # Nor a line of code ("1. Configure" in a sample).
    items = [it for it in items if (it.heading is None or it.after_contents) and not it.contents
             and not all_code(it.para)]
    numbered = [(it, numbered_level(it.para.text.strip())) for it in items if it.para.row < 0]
    numbered = [(it, lvl) for it, lvl in numbered if lvl is not None]
    if len(numbered) >= 2:
        for it, lvl in numbered:
            _fallback(it, lvl, SectionOrigin.NUMBERED)
        return True
    bold = [it for it in items if it.bold and it.para.row < 0 and looks_like_bold_heading(
        it.para.text.strip())]
    if len(bold) >= 2:
        for it in bold:
            _fallback(it, 1, SectionOrigin.BOLD)
        return True
    return False


def _fallback(it: Item, level: int, origin: SectionOrigin) -> None:
    it.heading, it.origin = level, origin
    if it.after_contents:  # no longer "After the contents": a heading in its own right
        it.after_contents, it.virtual, it.title, it.inferred = False, False, None, False


class IdMaker:
    """Ids from the title and its occurrence count, not the position.

    The same document gives the same ids every time, and editing (or adding)
    one section leaves the ids of differently titled sections alone.
    """

    def __init__(self) -> None:
        self._seen: dict[str, int] = {}
        self._slugs: dict[str, str] = {}  # long documents repeat titles ("A. PURPOSE")

    def make(self, key: str, readable: str) -> str:
        norm = " ".join(key.lower().split())
        n = self._seen.get(norm, 0) + 1
        self._seen[norm] = n
        digest = hashlib.blake2b(f"{norm}\x00{n}".encode(), digest_size=3).hexdigest()
        slug = self._slugs.get(readable)
        if slug is None:
            slug = self._slugs[readable] = _slug(readable)
        return f"{slug}-{digest}" if slug else f"s-{digest}"


def _slug(readable: str) -> str:
    if readable.isascii():  # the same as below, without the costlier normalisation
        ascii_ = readable
    else:
        ascii_ = unicodedata.normalize("NFKD", readable).encode("ascii", "ignore").decode()
    return _SLUG_GAPS.sub("-", ascii_.lower()).strip("-")[:32].rstrip("-")


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
            title = it.title or clean_title(it.para.text)
            key = INFERRED_KEY + title if it.inferred else title
            sec = Section(ids.make(key, title), title, it.heading, it.origin,
                          None if it.virtual else it.para.anchor)
            while stack and stack[-1].level >= it.heading:
                stack.pop()
            if stack:
                sec.parent = stack[-1]
                stack[-1].children.append(sec)
            else:
                roots.append(sec)
            stack.append(sec)
            current = sec
            if it.virtual:
                sec.paragraphs.append(it.para)
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
