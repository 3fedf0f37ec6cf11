"""What a document's formatting says is code: style names and monospaced fonts.

A writer marks a command, a log line or a sample with a style ("Preformatted
Text", "HTML Preformatted", pandoc's "Source Code", a run in "Source Text" or
"HTML Code") or a monospaced font (Courier New, Consolas, DejaVu Sans Mono ...).
The rules cannot tell "Oops: 0000 [#1] SMP" from prose by its words alone;
the document says it (see code_spans.py, which marks the paragraphs and runs).

Names are compared lower-case, as Word compares them. A font is monospaced by
its family's name: "Mono" as a word, not a prefix ("Monotype Corsiva" is a
foundry's script face).
"""

from __future__ import annotations

import re
from functools import lru_cache

# Paragraph styles whose paragraphs are code: Word's built-ins ("HTML Preformatted",
# "Macro Text", "Plain Text"), LibreOffice's "Preformatted Text", pandoc's
# "Source Code", and the names templates use.
_CODE_PARAGRAPH = re.compile(
    r"(?:html preformatted|preformatted(?: text)?|macro text|plain text|source ?code"
    r"|code(?: ?block| sample| example| listing| snippet)?|(?:program |code )?listing"
    r"|verbatim|literal ?block|console(?: output)?|terminal|command line)"
    r"(?: ?\d+)?")
# Character styles: LibreOffice's ("Source Text", "Teletype", "Example", "User Entry",
# "Variable"), Word's HTML ones, pandoc's "Verbatim Char", and a paragraph code
# style's linked character style ("HTML Preformatted Char").
_CODE_RUN = re.compile(
    r"(?:source text|teletype|example|user entry|variable"
    r"|html (?:code|typewriter|keyboard|sample|variable)|verbatim char|inline code"
    r"|code(?: char)?|keyboard|command|literal)(?: ?\d+)?")
_MONOSPACE = re.compile(
    r"\bmono(?:space|spaced)?\b|courier|consolas|lucida (?:console|sans typewriter)"
    r"|\bmenlo\b|\bmonaco\b|source code|inconsolata|andale mono|cascadia|fira code"
    r"|\bsf mono\b|\bhack\b|\bocr[- ]?[ab]\b|letter gothic|prestige elite|fixedsys"
    r"|\bterminal\b|bitstream vera sans mono|\bpt mono\b|\bttyp0\b")


def is_code_paragraph_style(name: str) -> bool:
    """`name` (lower-case) is the name of a paragraph style for code."""
    return _CODE_PARAGRAPH.fullmatch(name) is not None


def is_code_run_style(name: str) -> bool:
    """`name` (lower-case) is the name of a character style for code."""
    if _CODE_RUN.fullmatch(name):
        return True
    return name.endswith(" char") and is_code_paragraph_style(name[:-5])


@lru_cache(maxsize=256)
def is_monospace(font: str | None) -> bool:
    """`font` is a monospaced family (by its name; None and "" are not)."""
    return bool(font) and _MONOSPACE.search(font.lower()) is not None  # type: ignore[union-attr]
