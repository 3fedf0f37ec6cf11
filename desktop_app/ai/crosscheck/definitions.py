"""A defined term used in a section before the one that defines it.

    "... the Service Date ..."  (2 Scope)   then   '"Service Date" means ...' (7 Terms)

Definitions are those `ai/terms.py` recognises: '"Term" means ...' and
parenthetical ones ('Kestrel Home Ltd (the "Company")'); acronyms are left to
the undefined-acronym rule, which already reports them. Only capitalised terms
count (a defined term is written that way to be recognised), and a use counts
only when written exactly so, whole words, in running text: not at the start
of a sentence for a one-word term ("Services are ..."), not in a heading-like
line in capitals or title case, not inside quotation marks. Not judged:
uses inside the defining section itself (a definitions section refers to its
own entries in any order), a short name for something named just before it
('Acme Widgets Ltd (the "Acme")'), and terms whose definitions section sits
at the start of the document (recitals use clause 1's terms by convention) or
in its last third (a glossary at the back is there to be looked up).
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from desktop_app.ai.crosscheck.base import (
    CheckInput,
    Flag,
    Place,
    SectionText,
    sentence_around,
)
from desktop_app.ai.crosscheck.base import where as named
from desktop_app.ai.terms import defined_terms

CHECK = "term-before-definition"

_GLOSSARY_TITLE = re.compile(r"glossar|definition|terminolog|\bterms\b|interpretation",
                             re.IGNORECASE)
_QUOTES = "\"\u201c\u201d\u2018\u2019'"
_OPENING = ("\"", "\u201c", "\u2018", "'", "\u201e", "\u00ab")
_CAPS_WORD = re.compile(r"[A-Za-z][A-Za-z'\u2019-]*")


@dataclass(slots=True)
class _Term:
    term: str
    section: SectionText  # where it is defined
    definition: Place
    early: list[Place]


def _heading_like(line: str) -> bool:
    words = _CAPS_WORD.findall(line)
    if not words:
        return False
    caps = sum(w[0].isupper() for w in words if len(w) > 3)
    long_words = sum(len(w) > 3 for w in words)
    return line.isupper() or (long_words >= 2 and caps >= 0.75 * long_words)


def _sentence_start(text: str, pos: int) -> bool:
    head = text[max(0, pos - 4):pos]
    line_start = text.rfind("\n", 0, pos) + 1
    return not text[line_start:pos].strip() or bool(re.search(r"[.!?:;]\s*[\"'\u201c(]?\s*$",
                                                               head))


def _definition_place(section: SectionText, term: str) -> Place | None:
    for q in ("\u201c", "\"", "\u2018", "'"):
        pos = section.text.find(q + term)
        if pos >= 0:
            return sentence_around(section, pos, pos + len(term) + 1)
    return None


def glossary_of(section: SectionText) -> SectionText | None:
    """The definitions section this section is, or is under ("1.5 'Executable' means ...")."""
    for node in (section, *section.ancestors()):
        if _GLOSSARY_TITLE.search(node.title):
            return node
    return None


def _skip_glossary(section: SectionText, total: int) -> bool:
    """A definitions section at the start (clause 1) or the back of the document."""
    head = glossary_of(section)
    if head is None:
        return False
    return head.order <= 3 or head.order >= total * 2 / 3


@dataclass(frozen=True, slots=True)
class _Lines:
    """A section reduced to the lines that can define a term, for `defined_terms`."""

    id: str
    title: str
    text: str


@dataclass(frozen=True, slots=True)
class _Reduced:
    sections: list[_Lines]

    def walk(self) -> list[_Lines]:
        return self.sections


def _reduced(doc: CheckInput) -> _Reduced:
    """Every line with a quotation mark (or every line of a glossary): the rest defines
    nothing, and `defined_terms` reads each line with several patterns."""
    out = []
    for section in doc.walk():
        if glossary_of(section) is not None:
            out.append(_Lines(section.id, section.title, section.text))
            continue
        lines = [ln.text for ln in section.lines if any(q in ln.text for q in _OPENING)]
        if lines:
            out.append(_Lines(section.id, section.title, "\n".join(lines)))
    return _Reduced(out)


def _terms(doc: CheckInput) -> list[_Term]:
    by_id = {s.id: s for s in doc.sections}
    total = len(doc.sections)
    out: dict[str, _Term] = {}
    for d in defined_terms(_reduced(doc)):  # type: ignore[arg-type]  # duck-typed walk()
        if d.kind != "term" or d.term in out:
            continue
        term = d.term.strip()
        if not term[:1].isupper() or term.isupper() or len(term) < 3 or len(term.split()) > 5:
            continue
        section = by_id.get(d.section_id)
        if section is None or _skip_glossary(section, total):
            continue
        if term.lower() in d.meaning.lower():
            continue  # 'Acme Widgets Ltd (the "Acme")': a short name, not a new term
        place = _definition_place(section, term)
        if place is None:
            continue
        out[term] = _Term(term, section, place, [])
    return [t for t in out.values()]


def check(doc: CheckInput) -> list[Flag]:
    terms = _terms(doc)
    if not terms:
        return []
    by_text = {t.term: t for t in terms}
    pattern = re.compile(r"(?<![\w-])(?:" + "|".join(
        re.escape(t) for t in sorted(by_text, key=len, reverse=True)) + r")(?![\w-])")
    latest = max(t.section.order for t in terms)
    uses: dict[str, list[Place]] = defaultdict(list)
    for section in doc.walk():
        if section.order >= latest:
            break
        if section.is_toc or glossary_of(section) is not None:
            continue
        text = section.text
        for line in section.lines:
            if not line.text.strip() or _heading_like(line.text):
                continue
            for m in pattern.finditer(line.text):
                term = by_text[m.group(0)]
                if section.order >= term.section.order or len(uses[term.term]) >= 6:
                    continue
                start = line.start + m.start()
                if text[start - 1:start] in _QUOTES or text[line.start + m.end():][:1] in _QUOTES:
                    continue
                if " " not in term.term and _sentence_start(text, start):
                    continue
                uses[term.term].append(sentence_around(section, start, line.start + m.end()))
    flags = []
    for term in terms:
        early = uses.get(term.term)
        if not early:
            continue
        first = early[0]
        others = {p.section.id for p in early[1:]} - {first.section.id}
        more = (f" It is also used in {len(others)} other earlier "
                f"section{'s' if len(others) > 1 else ''}." if others else "")
        issue = (f"\u201c{term.term}\u201d is used in {named(first.section)} before it is "
                 f"defined in {named(term.section)}.{more}")
        flags.append(Flag(CHECK, [first, term.definition], issue,
                          f"Define \u201c{term.term}\u201d at or before its first use, or say "
                          "where the definitions are.", label=f"\u201c{term.term}\u201d"))
    return flags
