"""A document's defined terms and acronyms, with where each is defined. No Qt.

    for term in defined_terms(doc): term.term, term.meaning, term.section_id

What the model is told about the document's vocabulary, so that a section's
review can see that "RCA" was spelled out three sections earlier or that
"Customer" is a defined term. Recognised:

- acronyms, as the undefined-acronym rule recognises them ("Full Name (ABC)",
  "ABC (Full Name)", glossary lines "ABC: Full name");
- quoted terms with a defining verb: '"Service" means ...', '"Outage" refers to ...';
- parenthetical definitions: 'Kestrel Home Ltd (the "Company")';
- glossary lines "Term: meaning" (also "Term - meaning", table rows "Term | meaning")
  in a section whose title says glossary, definitions, terms or abbreviations.

A term defined twice with different meanings keeps both entries, each with its
section: an acronym expanded two ways is exactly what a reviewer wants to see.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from desktop_app.document.model import Document, Section

MAX_MEANING = 160  # characters of a meaning kept; a definition is not a paragraph

_Q_OPEN = "\"\u201c\u201e\u00ab'\u2018"
_Q_CLOSE = "\"\u201d\u00bb'\u2019"
_MEANS = re.compile(
    rf"[{_Q_OPEN}]([^{_Q_CLOSE}\n]{{2,60}})[{_Q_CLOSE}]\s*,?\s+"
    r"(?:means|shall mean|refers to|is defined as|denotes|stands for)\s+"
    r"(.{3,400}?)(?:[.;](?:\s|$)|$)", re.IGNORECASE)
_PAREN = re.compile(
    rf"\((?:hereinafter|hereafter|together|collectively)?\s*(?:referred to as\s+)?(?:the\s+)?"
    rf"[{_Q_OPEN}]([^{_Q_CLOSE}\n]{{2,60}})[{_Q_CLOSE}]\)", re.IGNORECASE)
_GLOSSARY_TITLE = re.compile(r"glossar|definition|terminolog|\bterms\b|abbreviation|acronym",
                             re.IGNORECASE)
_GLOSSARY_LINE = re.compile(r"^\s*([^:|\u2013\u2014\n]{2,60}?)\s*(?::|\||\s[\u2013\u2014-]\s)"
                            r"\s*(\S.*)$")
_SENTENCE_START = re.compile(r"(?:^|[.;:!?]\s+)(?=[^.;:!?]*$)")


@dataclass(frozen=True, slots=True)
class DefinedTerm:
    term: str
    meaning: str
    kind: str  # "acronym" | "term"
    section_id: str
    section_title: str


def _clip(text: str) -> str:
    text = " ".join(text.split()).strip(" ,;:")
    return text if len(text) <= MAX_MEANING else text[:MAX_MEANING - 1].rstrip() + "\u2026"


def _is_glossary(section: Section) -> bool:
    return bool(_GLOSSARY_TITLE.search(section.title))


def _before(line: str, end: int) -> str:
    """The phrase a parenthetical definition names: from the sentence start up to it."""
    head = line[:end]
    match = _SENTENCE_START.search(head)
    phrase = head[match.end():] if match else head
    return phrase[-MAX_MEANING:]


def _terms_in_line(line: str, glossary: bool) -> Iterable[tuple[str, str, str]]:
    """(term, meaning, kind) defined in one line."""
    # Imported here, not at the top: the rules package compiles ~200 patterns (~0.2 s)
    # and the window imports this module at start-up; a document's terms are read later.
    from desktop_app.ai.rules.acronyms import acronym_definitions

    acronyms = acronym_definitions(line)
    for acr, long_form, _ in acronyms:
        yield acr, long_form, "acronym"
    for m in _MEANS.finditer(line):
        yield m.group(1).strip(), m.group(2), "term"
    for m in _PAREN.finditer(line):
        before = _before(line, m.start())
        if before.strip():
            yield m.group(1).strip(), before, "term"
    if glossary and not acronyms:
        g = _GLOSSARY_LINE.match(line)
        if g and len(g.group(1).split()) <= 6:
            yield g.group(1).strip(), g.group(2), "term"


def defined_terms(document: Document) -> list[DefinedTerm]:
    """Every definition in document order; one entry per distinct (term, meaning)."""
    out: list[DefinedTerm] = []
    seen: set[tuple[str, str]] = set()
    for section in document.walk():
        glossary = _is_glossary(section)
        for line in section.text.split("\n"):
            if not line.strip():
                continue
            for term, meaning, kind in _terms_in_line(line, glossary):
                meaning = _clip(meaning)
                if not term or not meaning:
                    continue
                key = (term.casefold(), meaning.casefold())
                if key in seen:
                    continue
                seen.add(key)
                out.append(DefinedTerm(term, meaning, kind, section.id, section.title))
    return out
