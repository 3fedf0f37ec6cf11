"""Repeated words: "the the", also across a line break."""

from __future__ import annotations

import re
from collections.abc import Iterator

from desktop_app.ai.rules.base import Hit, RuleSpec, SectionContext

RULE = RuleSpec("repeated-word", "typo", "minor", 0.9, "repeat")

_REPEAT = re.compile(r"(?<![\w'-])([^\W\d_]+)([ \t\u00a0]*\n?[ \t\u00a0]*)(\1)(?![\w'-])",
                     re.IGNORECASE)
# Doubles that are grammatical or idiomatic: "had had", "that that", "so so".
_LEGITIMATE = frozenset(
    "had that do so no very bye ha tut yada blah knock chop bora walla baden sing "
    "pago mahi dum aye hip hush boo bang cha tom pom goody never".split()
)
_FUNCTION_WORDS = frozenset(
    "the a an to of in on at by for and or but is are was were be it this with as from".split()
)


def check(ctx: SectionContext) -> Iterator[Hit]:
    for m in _REPEAT.finditer(ctx.text):
        first, gap, second = m.group(1), m.group(2), m.group(3)
        word = first.lower()
        if not gap or word in _LEGITIMATE or "|" in gap:
            continue
        if any(ch.isupper() for ch in first[1:] + second[1:]):
            continue  # identifiers and CamelCase names ("OutputStream outputStream")
        if first != second or "\n" in gap or second[0].isupper():
            # "The the" is a typo; "Body body", "Bora Bora" or a word ending one line and
            # starting the next are headings, names and table cells.
            if word not in _FUNCTION_WORDS or second[0].isupper() and first[0].islower():
                continue
        yield Hit(
            m.start(), m.end(),
            issue=f'The word "{word}" is repeated: "{m.group()}".',
            suggestion=f'Delete the second "{second}".',
            rewrite=first,
            term=word,
        )
