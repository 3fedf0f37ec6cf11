"""The built-in reviewer's rules, one small module per rule family. No Qt.

`RULES` is the order in which they run (and, for findings at the same place,
the order in which they are listed).
"""

from __future__ import annotations

from desktop_app.ai.rules import (
    acronyms,
    agreement,
    articles,
    coverage,
    length,
    misspellings,
    modal_verbs,
    numbers,
    passive,
    placeholders,
    repeats,
    spelling,
    than_then,
    thin,
    vague,
)
from desktop_app.ai.rules.base import Hit, Rule, RuleSpec, SectionContext
from desktop_app.ai.rules.document import DocumentIndex, SectionInfo

RULES: tuple[Rule, ...] = (
    coverage,
    thin,
    placeholders,
    repeats,
    misspellings,
    articles,
    agreement,
    modal_verbs,
    than_then,
    acronyms,
    spelling,
    numbers,
    vague,
    length,
    passive,
)

__all__ = ["RULES", "DocumentIndex", "Hit", "Rule", "RuleSpec", "SectionContext",
           "SectionInfo"]
