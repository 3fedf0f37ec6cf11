"""Placeholders: TODO, TBD, TBC, FIXME, XXX, "[insert ...]", lorem ipsum, "??"."""

from __future__ import annotations

import re
from collections.abc import Iterator

from desktop_app.ai.rules.base import Hit, RuleSpec, SectionContext
from desktop_app.ai.rules.text import cell_bounds, line_bounds, sentence_at

RULE = RuleSpec("placeholder", "completeness", "major", 0.95, "placeholder")

_MARKER = re.compile(
    r"(?<![\w-])(?P<token>TODO|TBD|TBC|TBA|FIXME|XXX)(?![\w-])"
    r"|(?P<bracket>[\[<]\s*(?:insert|add|enter|placeholder|tbd|todo)\b[^\]>\n]{0,80}[\]>])"
    r"|(?P<lorem>\b[Ll]orem ipsum\b)"
    r"|(?<!\S)(?P<query>\?{2,})(?!\S)"
    r"|(?P<deferral>\b(?:[Tt]o be (?:added|completed|confirmed|determined|decided|written|"
    r"provided|agreed)|will be (?:added|provided|completed|written) later|[Cc]oming soon)\b)"
)
_NOTE_MARKERS = ("TODO", "FIXME", "XXX")
_NOTE_START = re.compile(r"[ \t]*[:\u2013\u2014-]")


def _is_deferral(text: str, s_start: int, s_end: int, start: int, end: int) -> bool:
    """A promise of missing content: "To be added ...", "(to be confirmed)", "Figures to
    be provided." - not "parts to be added/deleted" or "a task to be completed in June"."""
    if "later" in text[start:end].lower():
        return True
    before = text[s_start:start]
    after = text[end:s_end]
    if not before.strip() or before.rstrip().endswith(("(", ":", "[")):
        return not before.strip() or re.match(r"\s*[)\]]", after) is not None
    return re.fullmatch(r"[\s.)\]]*", after) is not None and len(before.split()) <= 6


def _row_label(text: str, offset: int) -> str:
    line_start, line_end = line_bounds(text, offset)
    first_cells = text[line_start:line_end].split(" | ")[:2]
    return " | ".join(first_cells)


def check(ctx: SectionContext) -> Iterator[Hit]:
    text = ctx.text
    for m in _MARKER.finditer(text):
        kind = m.lastgroup
        start, end = m.start(), m.end()
        sentence = sentence_at(ctx.sentences, start)
        if kind == "token":
            token = m.group("token")
            if token in _NOTE_MARKERS and _NOTE_START.match(text, end) and sentence:
                end = sentence.end  # the whole note: "TODO: confirm the refund figures."
                note = _NOTE_START.sub("", text[m.end():end], count=1).strip().rstrip(".")
                yield Hit(start, end,
                          issue=f'A "{token}" note was left in the text ("{note}"): the work '
                                "it asks for is not done.",
                          suggestion="Do what the note asks (or remove it) before the "
                                     "document goes out; if it cannot be done yet, say who "
                                     "will do it and by when.",
                          term=token.lower())
                continue
            c_start, c_end = cell_bounds(text, start)
            line_start, line_end = line_bounds(text, start)
            if " | " in text[line_start:line_end] and text[c_start:c_end] == token:
                where = f'in the table row "{_row_label(text, start)} \u2026"'
            else:
                where = "in the text"
            yield Hit(start, end,
                      issue=f'Placeholder "{token}" {where}: the value it stands for is '
                            "missing.",
                      suggestion=f'Replace "{token}" with the actual value (a date, an owner, '
                                 "a figure), or say who will provide it and by when.",
                      term=token.lower())
        elif kind == "bracket":
            yield Hit(start, end,
                      issue=f'Template placeholder "{m.group()}" was never filled in.',
                      suggestion="Replace it with the content it asks for, or delete it.",
                      term="insert")
        elif kind == "lorem":
            s, e = (sentence.start, sentence.end) if sentence else (start, end)
            yield Hit(s, e, issue="Dummy text (lorem ipsum) was left in the document.",
                      suggestion="Replace it with the real content, or delete it.",
                      term="lorem ipsum")
        elif kind == "query":
            yield Hit(start, end,
                      issue=f'"{m.group()}" marks an open question left in the text.',
                      suggestion="Answer the question and replace the marker with the answer.",
                      severity="minor", confidence=0.7, term="??")
        elif (kind == "deferral" and not ctx.thin and sentence is not None
              and _is_deferral(text, sentence.start, sentence.end, start, end)):
            # A thin section's deferral is reported by the thin-section rule.
            yield Hit(sentence.start, sentence.end,
                      issue=f'"{m.group()}" promises content that is not there yet.',
                      suggestion="Add the missing content, or say who will provide it and "
                                 "by when.",
                      confidence=0.8, term=m.group().lower())
