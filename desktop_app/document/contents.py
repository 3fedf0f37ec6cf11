"""Tables of contents: found, made a section of their own, and kept from review.

A table of contents repeats the headings with page numbers. Left as text it
is worse than noise: under a "Contents" heading it becomes a section that
also swallows whatever unstyled text follows it, and a reviewer (or a model)
reads it as content. Word marks its own tables in three ways, all looked for:
the "toc N" paragraph styles, a TOC field (`w:instrText` or `w:fldSimple`),
and a content control of the "Table of Contents" gallery. Tables typed by
hand are found by their title ("Contents", "Table of Contents", …) followed
by lines that end in page numbers, or by a run of lines with dot leaders.

The table becomes a `CONTENTS` section at the level of the document's top
headings, titled by its own title line when it has one. The text right after
it starts a section of its own (its first line, when that looks like a
heading, else "After the contents"), so nothing after a table of contents is
ever part of it.
"""

from __future__ import annotations

import re
from itertools import compress, count
from operator import attrgetter, itemgetter

from lxml import etree

from desktop_app.document.body import SDT, SDT_CONTENT, P, w
from desktop_app.document.manual import Formatting, heading_like
from desktop_app.document.model import SectionOrigin
from desktop_app.document.numbering import parse_label
from desktop_app.document.outline import HEADING_MAX_CHARS, Item

CONTENTS_TITLE = "Contents"
AFTER_CONTENTS_TITLE = "After the contents"
_TITLES = frozenset({
    "contents", "content", "table of contents", "table of content", "toc", "table of figures",
    "list of figures", "list of tables", "table of tables", "list of illustrations",
    "inhaltsverzeichnis", "inhalt",
    "table des matières", "table des matieres", "sommaire", "índice", "indice", "contenido",
    "contenidos", "sumário", "sumario", "inhoud", "inhoudsopgave", "spis treści", "obsah",
    "sisällys", "innehåll", "indholdsfortegnelse", "innhold", "目录", "目錄", "目次", "차례",
    "목차", "содержание", "оглавление", "المحتويات", "جدول المحتويات", "فهرس",
    "תוכן העניינים", "içindekiler",
})
# A line ending in a page number ("Scope\t4", "Scope ....... 4", "A. PURPOSE1-1",
# "Preface  iv"). Under a contents title, that is enough; elsewhere only dot
# leaders count, since "Item\t4" may be anything.
_PAGE_END = re.compile(r"(?:\d{1,4}(?:[-–.]\d{1,4})?|(?<=[\s.…])[ivxlc]{1,6})\s*$",
                       re.IGNORECASE)
_LEADER = re.compile(r"(?:\.{4,}|…{2,}|(?:\. ){3,}|_{4,})\s*(?:\d{1,4}|[ivxlc]{1,6})\s*$",
                     re.IGNORECASE)
_MAX_ENTRY_CHARS = 300
_MAX_GAP = 3  # lines without a page number inside a typed table (chapter lines, wrapped entries)
_MIN_TYPED_ENTRIES = 3
_MAX_BLANKS = 5  # a page's worth of empty paragraphs ends a typed table
_COVER_WORDS = 12  # so few words between a table of contents and a heading: a cover page

_INSTR, _FLD_SIMPLE, _FLD_CHAR = w("instrText"), w("fldSimple"), w("fldChar")
_FLD_TYPE, _INSTR_ATTR, _VAL = w("fldCharType"), w("instr"), w("val")
_GALLERY = w("docPartGallery")


_PAGE_LAST = frozenset("0123456789ivxlcIVXLC")
_TITLE_MAX_CHARS = 40
_DIGITS = frozenset("0123456789")
_FIRST_CHAR, _LAST_CHAR = itemgetter(slice(0, 1)), itemgetter(slice(-1, None))  # "" if empty
_STYLE_OF = attrgetter("style")
# The first characters of the titles, either case, and leading white space.
_TITLE_FIRST = frozenset("".join(t[0] + t[0].upper() for t in _TITLES) + " \t\u00a0")


def is_contents_title(text: str) -> bool:
    return len(text) <= 60 and " ".join(text.replace(":", " ").split()).casefold() in _TITLES


def mark_contents(items: list[Item], texts: list[str], body: etree._Element,
                  toc_styles: frozenset[str], top_level: int) -> list[int] | None:
    """Find tables of contents in `items` and give each its section.

    Returns None if there is none, else where the text after each starts (for
    `settle_after_contents`). `texts` are the items' texts, in order. The
    passes over every paragraph run in C (`compress`, `map`): this runs on
    every document, and most have no table of contents.
    """
    marked = [False] * len(items)
    if toc_styles:
        for i in compress(count(), map(toc_styles.__contains__, map(_STYLE_OF, items))):
            marked[i] = True
    if next(body.iter(_INSTR, _FLD_SIMPLE, _GALLERY), None) is not None:  # free if none
        _mark_elements(items, marked, _field_and_control_paragraphs(body))
    blocks = _blocks(items, marked) if any(marked) else []
    blocks += _typed_blocks(items, texts, marked)
    if not blocks:
        return None
    blocks.sort()
    return [tail for start, end in blocks
            if (tail := _apply(items, start, end, top_level)) is not None]


def _mark_elements(items: list[Item], marked: list[bool], elements: set) -> None:
    if elements:
        for i, it in enumerate(items):
            if it.element in elements:
                marked[i] = True


def _field_and_control_paragraphs(body: etree._Element) -> set:
    """The `w:p` elements inside TOC fields and "Table of Contents" content controls."""
    found: set = set()
    for gallery in body.iter(_GALLERY):
        if (gallery.get(_VAL) or "").strip().casefold() != "table of contents":
            continue
        sdt = gallery.getparent()
        while sdt is not None and sdt.tag != SDT:
            sdt = sdt.getparent()
        content = sdt.find(SDT_CONTENT) if sdt is not None else None
        if content is not None:
            found.update(content.iter(P))
    # Complex fields nest (PAGEREF inside TOC): follow begin/end to find where
    # the TOC field ends, in document order.
    stack: list[list] = []  # [field type or None, paragraph of its begin]
    for el in body.iter(_FLD_CHAR, _INSTR, _FLD_SIMPLE):
        if el.tag == _FLD_SIMPLE:
            if _field_type(el.get(_INSTR_ATTR)) == "TOC":
                found.add(_paragraph_of(el))
        elif el.tag == _INSTR:
            if stack and stack[-1][0] is None:
                stack[-1][0] = _field_type(el.text)
        else:
            kind = el.get(_FLD_TYPE)
            if kind == "begin":
                stack.append([None, _paragraph_of(el)])
            elif kind == "end" and stack:
                field, begin = stack.pop()
                if field == "TOC" and begin is not None:
                    found.update(_paragraphs_between(begin, _paragraph_of(el)))
    found.discard(None)
    return found


def _field_type(instr: str | None) -> str | None:
    words = (instr or "").split()
    return words[0].upper() if words else None


def _paragraph_of(el: etree._Element) -> etree._Element | None:
    while el is not None and el.tag != P:
        el = el.getparent()
    return el


def _paragraphs_between(first: etree._Element, last: etree._Element | None) -> list:
    out = [first]
    if last is None or last is first:
        return out
    for el in first.itersiblings():
        if el.tag == P:
            out.append(el)
            if el is last:
                return out
        elif last in set(el.iter(P)):  # ends inside a table or control: take it whole
            out.extend(el.iter(P))
            return out
        else:
            out.extend(el.iter(P))
    return out


def _blocks(items: list[Item], marked: list[bool]) -> list[tuple[int, int]]:
    """Runs of marked items (blank lines may sit between): [start, end) each."""
    blocks: list[tuple[int, int]] = []
    start = last = -1
    for i, it in enumerate(items):
        if marked[i]:
            if start < 0:
                start = i
            last = i
        elif start >= 0 and it.para.text.strip():
            blocks.append((start, last + 1))
            start = -1
    if start >= 0:
        blocks.append((start, last + 1))
    return blocks


def _typed_blocks(items: list[Item], texts: list[str], marked: list[bool]
                  ) -> list[tuple[int, int]]:
    """Tables of contents typed by hand: a title then page-numbered lines, or dot leaders."""
    blocks: list[tuple[int, int]] = []
    done = -1
    for i, titled in _typed_starts(texts):
        if i < done or marked[i] or items[i].para.row >= 0:
            continue
        end, entries = _extent(items, marked, i + 1 if titled else i, titled)
        if entries >= _MIN_TYPED_ENTRIES:
            blocks.append((i, end))
            done = end
    return blocks


def _typed_starts(texts: list[str]) -> list[tuple[int, bool]]:
    """Where a typed table may start: a contents title, or a line with dot leaders.

    Only lines that start like a title, and lines that end in a digit, are
    looked at in Python; `compress` picks them out in C, by their first and
    last characters (one-character strings are shared: nothing is made).
    The handbook: 2,388 and 608 of 8,152 lines; ~4 ms less than picking by
    length and `endswith` first. A leader line holds the leader in its last
    16 characters, where the pattern is searched: most lines ending in a
    digit (a date, a section number) are dropped by four substring tests.
    """
    starts = [(i, True) for i in compress(count(), map(_TITLE_FIRST.__contains__,
                                                       map(_FIRST_CHAR, texts)))
              if len(texts[i]) <= _TITLE_MAX_CHARS
              and " ".join(texts[i].replace(":", " ").split()).casefold() in _TITLES]
    for i in compress(count(), map(_DIGITS.__contains__, map(_LAST_CHAR, texts))):
        text = texts[i]
        tail = text[-16:]
        if ("...." in tail or "……" in tail or ". . . " in tail or "____" in tail) and len(
                text) <= _MAX_ENTRY_CHARS and _LEADER.search(text, len(text) - 16):
            starts.append((i, False))
    return sorted(starts)


def _extent(items: list[Item], marked: list[bool], i: int, titled: bool) -> tuple[int, int]:
    """Where the entries starting at `i` end, and how many there are."""
    entries, gap, blanks, end = 0, 0, 0, i
    pattern = _PAGE_END if titled else _LEADER
    for j in range(i, len(items)):
        it = items[j]
        text = it.para.text.strip()
        if not text:
            blanks += 1
            if blanks >= _MAX_BLANKS:
                break
            continue
        blanks = 0
        if marked[j] or it.heading is not None or it.para.row >= 0 or len(
                text) > _MAX_ENTRY_CHARS:
            break
        if text[-1] in _PAGE_LAST and pattern.search(text, len(text) - 16) and not (
                len(text) <= 20 and _label_only(text)):
            entries, gap, end = entries + 1, 0, j + 1
        else:
            gap += 1
            if gap > _MAX_GAP:
                break
    return end, entries


def _label_only(text: str) -> bool:
    """ "CHAPTER 1" or "2." alone: a heading's number, not an entry's page."""
    label = parse_label(text)
    return label is not None and not label.title.strip()


def _apply(items: list[Item], start: int, end: int, top_level: int) -> int | None:
    """Make items[start:end] a contents section, and start a section after it (returned)."""
    first = _first_text(items, start, end)
    if first is None:
        return None
    title_at = None
    if is_contents_title(items[first].para.text):
        title_at = first
    else:
        before = _previous_text(items, start)
        if before is not None and is_contents_title(items[before].para.text):
            title_at = before
    level = top_level
    if title_at is not None:
        head = items[title_at]
        if head.after_contents:  # the title of a second table right after the first
            head.after_contents, head.virtual, head.title = False, False, None
        if head.heading is not None:  # a styled "Contents" heading keeps its level and id
            level = head.heading
        else:
            head.heading, head.inferred = level, True
        head.origin = SectionOrigin.CONTENTS
    else:
        head = items[first]
        head.heading, head.origin = level, SectionOrigin.CONTENTS
        head.virtual, head.inferred, head.title = True, True, CONTENTS_TITLE
    for j in range(start, end):
        it = items[j]
        if j != title_at and it.heading is None or it.virtual:
            it.contents = True
    after = _first_text(items, end, len(items))
    if after is None or items[after].heading is not None:
        return None
    tail = items[after]
    tail.heading, tail.origin, tail.inferred = level, SectionOrigin.PREAMBLE, True
    tail.virtual, tail.title, tail.after_contents = True, AFTER_CONTENTS_TITLE, True
    return after


def settle_after_contents(items: list[Item], tails: list[int], fmt: Formatting) -> None:
    """What the text after a table of contents becomes, once all headings are known.

    A few short lines and then a heading (a cover page: "CHAPTER 1",
    "INTRODUCTION") stay with the table; a first line that looks like a
    heading is one; anything else is "After the contents".
    """
    for i in tails:
        it = items[i]
        if not it.after_contents:  # became the title of the next table
            continue
        it.after_contents = False
        nxt = next((j for j in range(i + 1, len(items)) if items[j].heading is not None),
                   len(items))
        if nxt < len(items) and _is_cover(items, i, nxt):
            it.heading, it.virtual, it.title, it.inferred = None, False, None, False
            continue
        origin = heading_like(it, fmt)
        if origin is not None:
            it.origin, it.virtual, it.title = origin, False, None


def _is_cover(items: list[Item], start: int, end: int) -> bool:
    """A few short lines, none of them a sentence: "CHAPTER 1", "INTRODUCTION"."""
    words = 0
    for j in range(start, end):
        text = items[j].para.text.strip()
        if items[j].para.row >= 0 or len(text) > HEADING_MAX_CHARS or text.endswith(
                (".", ";", ",", ":", "?", "!")):
            return False
        words += len(text.split())
    return words <= _COVER_WORDS


def _first_text(items: list[Item], start: int, end: int) -> int | None:
    for j in range(start, end):
        if items[j].para.text.strip():
            return j
    return None


def _previous_text(items: list[Item], start: int) -> int | None:
    for j in range(start - 1, max(-1, start - 4), -1):
        text = items[j].para.text.strip()
        if text:
            return j if len(text) <= HEADING_MAX_CHARS else None
    return None
