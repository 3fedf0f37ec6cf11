"""What a document numbers, and how: headings, captions, appendices. No Qt.

    inventory = Inventory.of(check_input)
    inventory.exists("table", "2")   inventory.scheme("section")

Read from the text the reader sees: a heading "3.1 Scope" or "CHAPTER 3 –
ADMINISTRATION", a caption line "Table 2: Costs" or "TABLE 2 – Costs", an
appendix heading "Appendix C: Glossary", a table-of-contents entry. Word's
automatic heading numbers are not in the document model's text, so a
document whose headings carry no visible numbers has no known section scheme,
and references to its sections are not judged at all.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

from desktop_app.ai.crosscheck.base import CELL_JOINT, CheckInput, Line, cells, is_toc_line

# Label words, as written, to the kind of thing they number.
LABELS: dict[str, str] = {
    "section": "section", "sections": "section", "sec.": "section", "secs.": "section",
    "clause": "section", "clauses": "section", "\u00a7": "\u00a7", "\u00a7\u00a7": "\u00a7",
    "chapter": "chapter", "chapters": "chapter",
    "article": "article", "articles": "article",
    "table": "table", "tables": "table",
    "figure": "figure", "figures": "figure", "fig.": "figure", "figs.": "figure",
    "appendix": "appendix", "appendices": "appendix", "annex": "annex", "annexes": "annex",
    "attachment": "attachment", "attachments": "attachment",
    "exhibit": "exhibit", "exhibits": "exhibit", "schedule": "schedule", "schedules": "schedule",
}
PLURALS = frozenset({"sections", "secs.", "clauses", "\u00a7\u00a7", "chapters", "articles",
                     "tables", "figures", "figs.", "appendices", "annexes", "attachments",
                     "exhibits", "schedules"})
_LABEL_WORDS = ("sections", "section", "secs.", "sec.", "clauses", "clause", "chapters",
                "chapter", "articles", "article", "tables", "table", "figures", "figure", "figs.",
                "fig.", "appendix", "appendices", "annexes", "annex", "attachments", "attachment",
                "exhibits", "exhibit", "schedules", "schedule")


def _cased(words: tuple[str, ...]) -> str:
    """'table' -> 'table|Table|TABLE': no IGNORECASE, which makes Python's re scan slowly."""
    forms = []
    for w in words:
        forms += [re.escape(w), re.escape(w[:1].upper() + w[1:]), re.escape(w.upper())]
    return "|".join(forms)


LABEL_RE = rf"(?:{_cased(_LABEL_WORDS)}|\u00a7\u00a7?)"
# An identifier: 7, 7.3, 3-1, 2.1.4, C, A-1, A1, IV; subdivisions (b)(ii) after it.
ID_RE = (r"(?:\d{1,4}(?:[.\-\u2013]\d{1,3})*|[A-Z](?:[.\-\u2013]?\d{1,3}(?:[.\-\u2013]\d{1,3})*)?"
         r"|[IVXL]{2,6})(?![\w])")
SUB_RE = r"(?:\s?\((?:[a-z]{1,4}|\d{1,3})\))*"
_ROMAN = re.compile(r"^M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})$")
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}

# A heading or caption: optional label, the id, then a separator, the title, or nothing.
# Any capitals here ("TAble 3 -" is a style's small caps typed oddly): what exists is
# read leniently, what is referred to strictly.
_HEADING = re.compile(
    rf"^\s*(?:(?P<label>(?i:{LABEL_RE}))\s*)?(?P<id>{ID_RE})(?P<sep>[.):]?)"
    r"(?P<rest>(?:\s*[.:\u2013\u2014|-]\s*|\t|\s+)(?P<next>\S*).*|\s*)$")


def roman_value(token: str) -> int | None:
    if not token or not _ROMAN.match(token):
        return None
    total = 0
    for a, b in zip(token, token[1:] + " ", strict=True):
        v = _ROMAN_VALUES[a]
        total += -v if b != " " and _ROMAN_VALUES[b] > v else v
    return total


@lru_cache(maxsize=4096)
def normalise_id(raw: str) -> str:
    """One spelling for one id: 'A-1', 'a.1', 'A1' -> 'A.1'; '03.10' -> '3.10'; 'IV' -> '4'."""
    token = re.sub(r"\(.*$", "", raw).strip().upper().rstrip(".")
    token = re.sub(r"[\u2013\u2014-]", ".", token)
    token = re.sub(r"^([A-Z])(\d)", r"\1.\2", token)
    if len(token) > 1 and token.isalpha():
        value = roman_value(token)
        if value is not None:
            return str(value)
    parts = [p.lstrip("0") or "0" if p.isdigit() else p for p in token.split(".")]
    return ".".join(parts)


def kind_of(label: str) -> str | None:
    return LABELS.get(label.lower().replace(" ", ""))


def top(norm: str) -> str:
    return norm.split(".", 1)[0]


def parent(norm: str) -> str | None:
    return norm.rsplit(".", 1)[0] if "." in norm else None


def is_caption_like(rest: str, next_word: str) -> bool:
    """After "Table 2": a separator, nothing, a tab, or a title rather than a sentence."""
    stripped = rest.strip()
    if not stripped or rest[:1] in "\t" or stripped[:1] in ".:\u2013\u2014|-":
        return True
    if next_word[:1].isupper() or next_word[:1].isdigit():
        return True
    return len(stripped.split()) <= 12 and not stripped.endswith(".")


@dataclass(slots=True)
class Inventory:
    """What exists, by kind (normalised ids), and which of it is a visible scheme."""

    defined: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    headings: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    listed: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    where: dict[tuple[str, str], tuple[str, int, int]] = field(default_factory=dict)

    def exists(self, kind: str, norm: str) -> bool:
        pool = ("section",) if kind == "\u00a7" else (kind,)
        return any(norm in self.defined[k] or norm in self.listed[k] for k in pool)

    def scheme(self, kind: str) -> set[str]:
        """The ids of `kind` the document visibly numbers; empty if there is no scheme."""
        if kind == "section":
            # At least three numbered headings: one "1 Introduction" is not a scheme.
            ids = self.headings["section"]
            return ids if sum(i[:1].isdigit() for i in ids) >= 3 else set()
        if kind == "\u00a7":
            return self.headings["section"] if self.headings["\u00a7"] else set()
        if kind in ("chapter", "article"):
            ids = self.defined[kind]
            return ids if len(ids) >= 2 else set()
        return set(self.defined[kind])

    def _add(self, bucket: dict[str, set[str]], kind: str, norm: str,
             place: tuple[str, int, int] | None = None) -> None:
        bucket[kind].add(norm)
        if place is not None and (kind, norm) not in self.where:
            self.where[(kind, norm)] = place

    def _heading(self, title: str) -> None:
        m = _HEADING.match(title)
        if not m:
            return
        norm = normalise_id(m.group("id"))
        label = m.group("label")
        if label:
            kind = kind_of(label)
            if kind is None:
                return
            self._add(self.defined, kind, norm)
            if kind in ("section", "\u00a7"):
                self._add(self.headings, kind, norm)
                self._add(self.defined, "section", norm)
                self._add(self.headings, "section", norm)
            else:
                self._add(self.headings, kind, norm)
            return
        if m.group("rest").strip() or m.group("sep"):
            # "3.1 Scope", "A. PURPOSE", "IV. Results": a numbered heading.
            self._add(self.defined, "section", norm)
            self._add(self.headings, "section", norm)

    def _line(self, sid: str, cell: Line, toc: bool) -> None:
        m = _HEADING.match(cell.text)
        if not m:
            return
        norm = normalise_id(m.group("id"))
        label = m.group("label")
        place = (sid, cell.start, cell.end)
        if toc or is_toc_line(cell.text):
            kind = kind_of(label) if label else "section"
            if kind:
                self._add(self.listed, kind, norm)
            return
        if label:
            kind = kind_of(label)
            if kind and is_caption_like(m.group("rest"), m.group("next") or ""):
                self._add(self.defined, kind, norm, place)
        elif m.group("rest").strip() and (m.group("sep") or m.group("id")[:1].isdigit()):
            # "7.3 The Supplier shall ...": a clause numbered by hand in the body.
            self._add(self.listed, "section", norm)

    @classmethod
    def of(cls, doc: CheckInput) -> Inventory:
        inv = cls()
        for section in doc.walk():
            if not section.preamble:
                inv._heading(section.title)
            toc = section.is_toc
            for line in section.lines:
                if CELL_JOINT in line.text:
                    for cell in cells(line):
                        inv._line(section.id, cell, toc)
                elif line.text:
                    inv._line(section.id, line, toc)
        return inv
