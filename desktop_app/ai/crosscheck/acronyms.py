"""An acronym spelled out two different ways: "SLA (Service Level Agreement)" here,
"SLA (Service Level Assurance)" there.

Definitions are recognised as the undefined-acronym rule recognises them
(`ai/rules/acronyms.acronym_definitions`). Two spellings are the same
expansion when they differ only in case, hyphens and spaces, "&" for "and",
British or American spelling, a plural, or words after the part the letters
stand for (a glossary line "SLA: Service Level Agreement between the
parties"). One finding per acronym, quoting where each expansion is given.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from desktop_app.ai.crosscheck.base import (
    CheckInput,
    Flag,
    Line,
    Place,
    SectionText,
    cells,
    sentence_around,
)
from desktop_app.ai.crosscheck.base import where as named
from desktop_app.ai.rules.acronyms import acronym_definitions

CHECK = "acronym-expansion"
MAX_VARIANTS = 4

_WORD = re.compile(r"[A-Za-z][A-Za-z'\u2019]*")
_US = ((re.compile(r"isation"), "ization"), (re.compile(r"ise(s|d)?$"), r"ize\1"),
       (re.compile(r"yse(s|d)?$"), r"yze\1"), (re.compile(r"our$"), "or"),
       (re.compile(r"tre$"), "ter"), (re.compile(r"ence$"), "ense"))
_SMALL = frozenset({"the", "a", "an"})
_GLOSSARY_START = re.compile(r"\s*[A-Z]{2,6}s?\s*(?::|=|\||[\u2013\u2014-]\s)")


@dataclass(slots=True)
class _Variant:
    shown: str  # the expansion as first written
    places: list[Place]


def _initials(acr: str, words: list[str]) -> bool:
    """The acronym's letters, in order, as initials of the words (small words may be skipped)."""
    letters = [c for c in acr.lower() if c.isalpha()]
    i = 0
    for w in words:
        if i < len(letters) and w[0].lower() == letters[i]:
            i += 1
        elif w.lower() not in ("of", "and", "for", "the", "to", "in", "on", "&", "a", "de"):
            return False
    return i == len(letters)


def _core(acr: str, long_form: str) -> list[str]:
    """The words the letters stand for: the shortest matching prefix, else all (max 8)."""
    words = _WORD.findall(long_form.replace("-", " "))
    while words and words[0].lower() in _SMALL:
        words = words[1:]
    for k in range(1, min(len(words), 12) + 1):
        if words[k - 1][0].lower() == acr[-1].lower() and _initials(acr, words[:k]):
            return words[:k]
    return words[:8]


def _norm_word(word: str) -> str:
    w = word.lower().replace("\u2019", "'").removesuffix("'s")
    for pattern, repl in _US:
        w = pattern.sub(repl, w)
    if len(w) > 3 and w.endswith("s") and not w.endswith("ss"):
        w = w[:-1]
    return w


def _key(words: list[str]) -> str:
    return " ".join(_norm_word(w) for w in words if w.lower() not in _SMALL).replace("&", "and")


def _place(section: SectionText, line_start: int, line: str, acr: str, long_form: str) -> Place:
    pos = line.find(long_form)
    if pos < 0:
        pos = line.find(acr)
        length = len(acr)
    else:
        length = len(long_form)
    pos = max(pos, 0)
    return sentence_around(section, line_start + pos, line_start + pos + length)


def _definitions_in(section: SectionText, cell: Line, found: dict[str, dict[str, _Variant]]
                    ) -> None:
    for acr, long_form, _ in acronym_definitions(cell.text):
        words = _core(acr, long_form)
        key = _key(words)
        if not key:
            continue
        variants = found.setdefault(acr, {})
        variant = variants.get(key)
        if variant is None:
            variant = variants[key] = _Variant(" ".join(words), [])
        if len(variant.places) < 2:
            variant.places.append(_place(section, cell.start, cell.text, acr, long_form))


def check(doc: CheckInput) -> list[Flag]:
    found: dict[str, dict[str, _Variant]] = {}
    for section in doc.walk():
        if section.is_toc:
            continue
        for line in section.lines:
            if "(" not in line.text and not _GLOSSARY_START.match(line.text):
                continue  # neither "Full Name (ABC)" nor a glossary line "ABC: Full Name"
            # Cell by cell: "MCL | PHG (MCLG)" is a header row, not "MCL PHG".
            for cell in cells(line):
                _definitions_in(section, cell, found)
    flags = []
    for acr, variants in found.items():
        distinct = _distinct(list(variants.items()))
        if len(distinct) < 2:
            continue
        distinct = distinct[:MAX_VARIANTS]
        parts = [f"\u201c{v.shown}\u201d in {named(v.places[0].section)}" for v in distinct]
        listing = " and ".join(parts) if len(parts) == 2 else ", ".join(parts)
        issue = (f"\u201c{acr}\u201d is spelled out {len(distinct)} different ways: {listing}. "
                 "A reader cannot tell whether these are one thing or several.")
        flags.append(Flag(CHECK, [v.places[0] for v in distinct], issue,
                          f"Use one expansion of {acr} throughout; if two different things are "
                          "meant, give one of them another abbreviation.",
                          label=f"\u201c{acr}\u201d"))
    return flags


def _distinct(items: list[tuple[str, _Variant]]) -> list[_Variant]:
    """Expansions that really differ: not one contained in the other ("Service Level")."""
    kept: list[tuple[str, _Variant]] = []
    for key, variant in items:
        if any(key in k or k in key for k, _ in kept):
            continue
        kept.append((key, variant))
    return [v for _, v in kept]
