"""References to sections, tables, figures or appendices that the document does not have.

    "see Section 7.3" where the headings stop at 7.2; "Table 4" where the
    captions run from Table 1 to Table 3; "Appendix C" after Appendices A and B.

Precision over recall: a reference is judged only when the document visibly
numbers that kind of thing (numbered headings, captions, appendix headings),
the referenced number is near that scheme (not "section 1302" of a statute in
a document with twelve sections), and the reference is the document's own: not
"Section 211 of the DGCL", "VA Handbook 6500.6, Appendix C", "ISO 27001 Annex
A", nor a name such as "Chapter 13 cases" (a number used that way anywhere is a
name everywhere). References in tables of contents and bibliographies are not
references.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass

from desktop_app.ai.crosscheck.base import (
    CELL_JOINT,
    CheckInput,
    Flag,
    Line,
    Place,
    SectionText,
    cells,
    is_toc_line,
    sentence_around,
    where,
)
from desktop_app.ai.crosscheck.numbering import (
    ID_RE,
    LABEL_RE,
    PLURALS,
    SUB_RE,
    Inventory,
    is_caption_like,
    kind_of,
    normalise_id,
    parent,
    top,
)

CHECK = "missing-reference"

_REF = re.compile(  # "not after a letter, dot or dash" is checked in Python: faster scans
    rf"(?P<label>{LABEL_RE})[\s\u00a0]*(?P<ids>{ID_RE}{SUB_RE}"
    rf"(?:\s*(?:,|and|or|&|to|through|[\u2013\u2014-])\s*{ID_RE}{SUB_RE})*)")
_ONE_ID = re.compile(rf"{ID_RE}{SUB_RE}")
_RANGE = re.compile(rf"({ID_RE})\s*(?:to|through|[\u2013\u2014])\s*({ID_RE})")
_WORD_BEFORE = re.compile(r"([\w.\u00a7'\u2019-]+)([,(\[\"\u201c]?)\s*$")
_NEXT_WORD = re.compile(r"\s*([A-Za-z]+)")
_NON_DOCUMENT_TITLE = re.compile(r"\b(?:references|bibliography|works cited|sources|index"
                                 r"|endnotes|footnotes|citations)\b", re.IGNORECASE)

# Capitalised words that start a reference phrase rather than name a source document.
_CUES = frozenset("""
see in under as per refer also and or cf compare the this its our from with following unlike
like both according pursuant subject for each all further while where if when then unless
described defined shown listed given set detailed outlined summarised summarized
""".split())
# What may follow a reference: nothing, punctuation, or one of these words.
_FOLLOW = frozenset("""
for below above and or to which where that shows show showed shown lists list gives give
summarises summarizes summarise summarize describes describe sets set provides provide
contains contain presents present illustrates illustrate compares compare details detail
explains explain defines define specifies specify outlines outline covers cover includes
include is are was were has have had will shall may must should can could would also
on as at with through until further hereof herein hereto hereunder here there then when if
unless before after apply applies applied requires require states state says notes discusses
addresses deals refers reports demonstrates indicates reveals suggests depicts displays
plots highlights reproduces gives contains which who while but so do does did not
in of under
""".split())
# After "of"/"in"/"under": the document itself, or something else.
_SELF = re.compile(
    r"\s+(?:of|in|under|to)\s+(?:(?:this|these|the\s+present|our)\s+(?:document|report|paper|"
    r"guide|handbook|manual|plan|policy|procedure|proposal|specification|spec|agreement|"
    r"contract|bylaws|by-laws|study|thesis|memo|note|submission|design|review|chapter|section|"
    r"appendix|annex|part|article|standard|statement|notice|deed|charter|strategy)\b"
    r"|the\s+(?:appendix|appendices|annex|body|text|main\s+text|above|below)\b"
    r"|(?:Appendix|Annex|Section|Chapter|Part)\s+[A-Z0-9]"
    r"|(?:this|these)\b(?!\s+\w))", re.IGNORECASE)
_OF = re.compile(r"\s+(?:of|in|under)\b", re.IGNORECASE)
# Where a label can start, found with str.find on the lower-cased line: scanning every
# line with the reference pattern itself is several times slower in Python's re.
_STEMS = ("section", "sec.", "secs.", "clause", "chapter", "article", "table", "fig",
          "appendi", "annex", "attach", "exhibit", "schedule", "\u00a7")
_ABBREVIATION_BEFORE = re.compile(r"\b(?:[A-Z]\.){2,}$|\d\.$")
_PUNCT_AFTER = re.compile(r"\s*[.,;:)\]!?\u201d\"'(]|\s*[\u2013\u2014]\s")
_FIRST_TOKEN = re.compile(r"\s*(\S*)")


@dataclass(frozen=True, slots=True)
class _Ref:
    kind: str
    norm: str
    shown: str  # the id as written: "2-1"
    raw: str
    label: str
    section: SectionText
    start: int  # of the label, in the section's text
    end: int  # of the reference's ids


def _is_reference_context(text: str, line_start: int, start: int) -> bool:
    """The words before the label: a reference phrase, not a source ("Handbook 6500.6,")."""
    head = text[max(line_start, start - 80):start]
    if not text[line_start:start].strip():
        return True
    bare = head.rstrip(" \t\u00a0\"'\u201c\u2018(")
    if bare[-1:] in (".", ";", ":", "!", "?") and not _ABBREVIATION_BEFORE.search(bare[-12:]):
        return True  # a sentence starts here (not "U.S.C." or "6500.6.")
    m = _WORD_BEFORE.search(head)
    if not m:
        return True
    word = m.group(1).strip(".'\u2019-")
    if not word:
        return True
    if any(ch.isdigit() for ch in word) or "." in word or "\u00a7" in word:
        return False  # "6500.6, Appendix C", "U.S.C. § 704", "27001 Annex A"
    if word[:1].isupper() and word.lower() not in _CUES:
        return False  # "Handbook Appendix C", "DGCL Section 211", "NIST Table 2"
    return True


def _follow_kind(text: str, end: int, line_end: int) -> str:
    """'ok' (a reference), 'name' ("Chapter 13 cases"), 'external' ("of the DGCL"), 'skip'."""
    rest = text[end:min(line_end, end + 120)]
    if not rest.strip() or _PUNCT_AFTER.match(rest):
        return "ok"
    if _SELF.match(rest):
        return "ok"
    if _OF.match(rest):
        return "external"  # "of the DGCL", "of title 11", "in ISO 27001", "under the Act"
    m = _NEXT_WORD.match(rest)
    if not m:
        return "skip"
    word = m.group(1)
    if word.lower() in _FOLLOW:
        return "ok"
    if word[:1].islower():
        return "name"  # "Chapter 13 cases", "Section 8 housing", "Schedule C expenses"
    return "skip"  # "Table 2 Revenue ..." is a caption or a label, not a reference


def _label_starts(low: str) -> list[int]:
    found: set[int] = set()
    for stem in _STEMS:
        i = low.find(stem)
        while i >= 0:
            found.add(i)
            i = low.find(stem, i + 1)
    return sorted(found)


def _matches(cell: str, starts: list[int], offset: int) -> Iterator[re.Match]:
    """References in a cell, from the label starts in its section (`offset`: the cell's)."""
    done = 0
    for pos in starts:
        pos -= offset
        if pos < done or pos >= len(cell):
            continue
        before = cell[pos - 1:pos] if pos else ""
        if before and (before.isalnum() or before in "._-\u00a7"):
            continue  # inside a word, a path or an id
        m = _REF.match(cell, pos)
        if m is not None:
            done = m.end()
            yield m


def _ids(raw: str, plural: bool) -> Iterator[str]:
    """The ids a reference names: 'Sections 3 and 4' -> 3, 4; 'Figures 2–5' -> 2, 5."""
    if plural:
        for a, b in _RANGE.findall(raw):
            yield a
            yield b
        raw = _RANGE.sub(" ", raw)
    for m in _ONE_ID.finditer(raw):
        token = m.group(0)
        if plural and re.fullmatch(r"\d+-\d+", token):
            yield from token.split("-")
        else:
            yield token


def _references(doc: CheckInput, names: set[tuple[str, str]]) -> list[_Ref]:
    refs: list[_Ref] = []
    if doc.title not in {s.title for s in doc.sections}:  # "Chapter 13 Trustee Handbook"
        names.update((kind_of(m.group("label")) or "", normalise_id(i))
                     for m in _REF.finditer(doc.title) for i in _ids(m.group("ids"), True))
    for section in doc.walk():
        if _NON_DOCUMENT_TITLE.search(section.title):
            continue
        starts = _label_starts(section.text.lower())
        if not starts:
            continue
        line_starts = [ln.start for ln in section.lines]
        by_line: dict[int, list[int]] = defaultdict(list)
        for pos in starts:
            by_line[bisect_right(line_starts, pos) - 1].append(pos)
        for index, positions in by_line.items():
            line = section.lines[index]
            if section.is_toc and "\t" in line.text:
                continue  # an entry of the contents; the section may hold body text too
            if not is_toc_line(line.text):
                refs.extend(_in_line(section, line, positions, names))
    return refs


def _in_line(section: SectionText, line: Line, positions: list[int],
             names: set[tuple[str, str]]) -> Iterator[_Ref]:
    text = section.text
    for cell in cells(line) if CELL_JOINT in line.text else (line,):
        for m in _matches(cell.text, positions, cell.start):
            start, end = cell.start + m.start(), cell.start + m.end()
            label = m.group("label")
            kind = kind_of(label)
            if kind is None:
                continue
            if m.start() == len(cell.text) - len(cell.text.lstrip()):
                after = cell.text[m.end():]
                nxt = _FIRST_TOKEN.match(after)
                if is_caption_like(after, nxt.group(1) if nxt else ""):
                    continue  # "Table 2: Costs": a caption, not a reference
            plural = label.lower() in PLURALS
            ids = list(_ids(m.group("ids"), plural))
            norms = [normalise_id(i) for i in ids]
            follow = _follow_kind(text, end, cell.end)
            if follow == "name":
                names.update((kind, n) for n in norms)
                continue
            if follow != "ok" or not _is_reference_context(text, cell.start, start):
                continue
            for raw_id, norm in zip(ids, norms, strict=True):
                yield _Ref(kind, norm, re.sub(r"\(.*$", "", raw_id), m.group(0), label, section,
                           start, end)


def _near(kind: str, norm: str, scheme: set[str]) -> bool:
    """The reference is within reach of the scheme: not a statute's section 1302."""
    head = top(norm)
    tops = [top(i) for i in scheme]
    if head.isdigit():
        numbers = [int(t) for t in tops if t.isdigit()]
        # Tables are often numbered late; a document that numbers its own sections with
        # "\u00a7" names other laws' paragraphs with theirs ("\u00a7 12 BGB", skipped above).
        reach = {"table": 2.0, "figure": 2.0, "\u00a7": 3.0}.get(kind, 1.5)
        return bool(numbers) and int(head) <= max(numbers) * reach + 2
    if len(head) == 1 and head.isalpha():
        letters = [ord(t) for t in tops if len(t) == 1 and t.isalpha()]
        return bool(letters) and ord(head) <= max(letters) + 3
    return False


def _missing(inv: Inventory, ref: _Ref) -> bool:
    scheme = inv.scheme(ref.kind)
    if not scheme or inv.exists(ref.kind, ref.norm) or not _near(ref.kind, ref.norm, scheme):
        return False
    if ref.kind not in ("section", "\u00a7"):
        return True
    pool = inv.defined["section"] | inv.listed["section"]
    up = parent(ref.norm)
    if up is None:
        return True
    if top(ref.norm) not in {top(i) for i in pool}:
        return True  # "7.3" where there is no section 7 at all
    # "7.3" under an existing 7: only when 7's children are numbered visibly (7.1, 7.2).
    depth = ref.norm.count(".")
    return up in pool and any(parent(i) == up and i.count(".") == depth for i in pool)


_NOUN = {"section": "section", "\u00a7": "section", "chapter": "chapter", "article": "article",
         "table": "table", "figure": "figure", "appendix": "appendix", "annex": "annex",
         "attachment": "attachment", "exhibit": "exhibit", "schedule": "schedule"}


def _existing(inv: Inventory, kind: str) -> str:
    ids = sorted(inv.scheme(kind), key=_sort_key)
    if not ids:
        return ""
    if len(ids) <= 6:
        return ", ".join(ids)
    return ", ".join(ids[:3]) + ", \u2026, " + ", ".join(ids[-2:])


def _sort_key(norm: str) -> tuple:
    return tuple((0, int(p), "") if p.isdigit() else (1, 0, p) for p in norm.split("."))


def check(doc: CheckInput) -> list[Flag]:
    inv = Inventory.of(doc)
    names: set[tuple[str, str]] = set()
    refs = _references(doc, names)
    by_target: dict[tuple[str, str], list[_Ref]] = defaultdict(list)
    for ref in refs:
        if (ref.kind, ref.norm) in names:
            continue
        if _missing(inv, ref):
            by_target[(ref.kind, ref.norm)].append(ref)
    flags: list[Flag] = []
    for (kind, _), group in by_target.items():
        places: list[Place] = []
        seen: set[tuple[str, int]] = set()
        for ref in group:
            place = sentence_around(ref.section, ref.start, ref.end)
            if (ref.section.id, place.start) not in seen:
                seen.add((ref.section.id, place.start))
                places.append(place)
        first = group[0]
        noun = _NOUN.get(kind, kind)
        shown = first.label if first.label not in ("\u00a7", "\u00a7\u00a7") else "\u00a7"
        target = f"{shown.rstrip('s') if shown.lower() in PLURALS else shown} {first.shown}"
        sections = list(dict.fromkeys(where(p.section) for p in places))
        existing = _existing(inv, kind)
        have = (f" The document's {noun}s are numbered {existing}." if existing else "")
        caption = inv.where.get((kind, _last(inv, kind)))
        if caption is not None and kind in ("table", "figure"):
            section = next(s for s in doc.sections if s.id == caption[0])
            places.append(Place(section, caption[1], caption[2]))
        issue = (f"\u201c{target}\u201d is referred to in {_join(sections)}, but the document "
                 f"has no {noun} {first.shown}.{have}")
        flags.append(Flag(CHECK, places[:8], issue,
                          f"Point the reference at the right {noun}, or add the missing "
                          f"{noun} {first.shown}.", label=f"\u201c{target}\u201d"))
    return flags


def _last(inv: Inventory, kind: str) -> str:
    ids = sorted(inv.defined[kind], key=_sort_key)
    return ids[-1] if ids else ""


def _join(items: list[str]) -> str:
    if len(items) <= 2:
        return " and ".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]
