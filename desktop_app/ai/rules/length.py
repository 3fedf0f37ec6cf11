"""Overlong sentences: more than 40 words in one sentence."""

from __future__ import annotations

import re
from collections.abc import Iterator
from statistics import median

from desktop_app.ai.rules.base import Hit, RuleSpec, SectionContext
from desktop_app.ai.rules.text import Span

RULE = RuleSpec("overlong-sentence", "clarity", "minor", 0.7, "overlong")
MAX_WORDS = 40

# Where a long sentence can usually be cut: before a new clause.
_BREAK = re.compile(r";\s+|,\s+(?=(?:and|but|so|which|because|after|by which|while|"
                    r"although|as a result|then)\b)")
_LIST_SPLIT = re.compile(r"[,;]")


def _is_list(sentence: str) -> bool:
    """An easy-to-follow run of parallel items is not what this rule is for."""
    items = [len(p.split()) for p in _LIST_SPLIT.split(sentence)]
    return len(items) >= 6 and median(items) <= 5


def _break_hint(span: Span) -> str:
    text = span.text
    middle = len(text) / 2
    cuts = [m for m in _BREAK.finditer(text)]
    if not cuts:
        return ""
    best = min(cuts, key=lambda m: abs(m.start() - middle))
    after = text[best.end():].split()
    return " ".join(after[:6])


def check(ctx: SectionContext) -> Iterator[Hit]:
    for span in ctx.sentences:
        n = span.words
        if n <= MAX_WORDS or _is_list(span.text):
            continue
        hint = _break_hint(span)
        where = f', for example before "{hint} \u2026"' if hint else ""
        yield Hit(
            span.start, span.end,
            issue=f"This sentence has {n} words (more than {MAX_WORDS}); the reader has to "
                  "hold too much in mind before reaching its point.",
            suggestion=f"Split it into two or three sentences with one idea each{where}.",
        )
