"""Mark the text the document formats as code, while it loads.

A paragraph is code when its style is a code style ("Preformatted Text", see
code_text.py) or every run of it that carries text is code; a run is code
when its character style is one ("Source Text", "HTML Code") or its font is
monospaced: its own (`w:rFonts`), else its character style's, else its
paragraph style's, down to the document defaults. The result is
`Paragraph.code`: (start, end) offsets in `Paragraph.text`, whitespace
trimmed; a code paragraph is one span over all its text.

A document typed wholly in Courier (a screenplay, a typewriter-style draft)
is prose in a monospaced font: when what the fonts and styles mark would be
more than half of the body's text, the monospaced font is the body's and only
the code styles' names count. (An API reference can be more than half code:
the evaluation's nodejs-events is 55 %, all of it in "Preformatted Text" and
"Source Text"; the names keep it.)

Cost: one regular-expression pass over the main part's bytes lists the fonts
its runs name (`w:ascii`, whatever wrote the file: a library's font table is
its template's), and finds the code character styles, if the styles define
any (~2 % of opening the handbook, which has neither). Only a document that
has some gets its run properties looked through, and only their paragraphs
read again.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from lxml import etree

from desktop_app.document.body import P, w
from desktop_app.document.code_text import is_monospace
from desktop_app.document.model import new_paragraph
from desktop_app.document.text import TAB, TABS, _piece, run_texts

if TYPE_CHECKING:
    from desktop_app.document.outline import Item
    from desktop_app.document.styles import StyleLevels

_R, _RPR, _RSTYLE, _RFONTS = w("r"), w("rPr"), w("rStyle"), w("rFonts")
_VAL, _ASCII, _HANSI = w("val"), w("ascii"), w("hAnsi")
_THEMES = (w("asciiTheme"), w("hAnsiTheme"))
_TEXT_TAGS = (w("t"), w("br"), w("cr"), w("noBreakHyphen"), TAB)
_NO_STYLE = ""  # see StyleLevels.mono_paragraph_styles
BODY_FONT_SHARE = 0.5  # more of the body's text than this: the body font, not code
# A literal start: the regex engine looks for it at C speed, as `bytes.find` does.
_RUN_FONT = re.compile(rb'ascii="([^"]{1,80})"')
_RUN_STYLE = re.compile(rb'rStyle (?:\w+:)?val="([^"]{1,80})"')


def runs_may_be_code(document_xml: bytes, styles: StyleLevels) -> bool:
    """Whether a run of the main part (its bytes) may name a monospaced font or a
    code character style; a false yes only costs a look at the run properties."""
    if any(is_monospace(name.decode("utf-8", "replace"))
           for name in set(_RUN_FONT.findall(document_xml))):
        return True
    if styles.code_run_styles:
        used = {sid.decode("utf-8", "replace") for sid in set(_RUN_STYLE.findall(document_xml))}
        return not used.isdisjoint(styles.code_run_styles)
    return False


def mark_code(items: list[Item], styles: StyleLevels, body: etree._Element,
              runs_hint: bool, careful: bool = False) -> int:
    """Set `code` on the paragraphs of `items` the formatting marks as code; returns
    how many paragraphs hold some (0 too for a document typed in a monospaced font).
    `runs_hint`: a run may be code (`runs_may_be_code`): look through the runs.
    `careful`: the loader read the text with `careful_text` (hidden runs, moves ...)."""
    whole = styles.code_paragraph_styles
    mono = styles.mono_paragraph_styles
    default = styles.default_style if styles.default_style is not None else _NO_STYLE
    candidates: dict[etree._Element, None] = {}  # (ordered, unique)
    styled = 0  # characters in paragraphs of a monospaced style
    if whole or mono:
        for it in items:
            sid = it.style if it.style is not None else default
            if (sid in whole or sid in mono) and it.heading is None:
                candidates[it.element] = None
                styled += len(it.para.text) if sid in mono else 0
    if runs_hint:
        for p in _paragraphs_of_code_runs(body, styles):
            candidates[p] = None
    if not candidates:
        return 0
    # Characters stand for words in the share: no regex pass over every paragraph's text.
    body_chars = sum(len(it.para.text) for it in items)
    limit = BODY_FONT_SHARE * body_chars
    # (a body style in a monospaced font needs no look at every run to know it)
    marked = {} if styled > limit else _marks(items, candidates, styles, default, careful,
                                              fonts=True)
    if styled > limit or _chars(marked) > limit:  # the body's font: only names count
        marked = _marks(items, candidates, styles, default, careful, fonts=False)
    for n, spans in marked.items():
        it = items[n]
        it.para = new_paragraph((*it.para[:6], spans, *it.para[7:]))
    return len(marked)


def _marks(items: list[Item], candidates: dict[etree._Element, None], styles: StyleLevels,
           default: str, careful: bool, fonts: bool) -> dict[int, tuple[tuple[int, int], ...]]:
    """{index in items: code spans} of the candidate paragraphs; by the code styles'
    names alone unless `fonts`."""
    whole = styles.code_paragraph_styles
    mono = styles.mono_paragraph_styles if fonts else frozenset()
    code_styles = styles.code_run_styles if fonts else styles.named_code_run_styles
    marked: dict[int, tuple[tuple[int, int], ...]] = {}
    for n, it in enumerate(items):
        if it.element not in candidates or it.heading is not None:
            continue
        sid = it.style if it.style is not None else default
        spans = _spans(it.element, it.para.text, sid in whole, sid in mono, code_styles,
                       styles.plain_run_styles, fonts, careful)
        if spans:
            marked[n] = spans
    return marked


def _chars(marked: dict[int, tuple[tuple[int, int], ...]]) -> int:
    return sum(b - a for spans in marked.values() for a, b in spans)


def _paragraphs_of_code_runs(body: etree._Element, styles: StyleLevels
                             ) -> Iterator[etree._Element]:
    """The `w:p` whose run properties name a code character style or a monospaced font
    (a paragraph mark's too: `_spans` then finds no code run). One walk in C; the
    properties belong to the paragraph that opened last (a text box's paragraphs
    nested in a run hide the rest of theirs: rare, and the text box is read anyway)."""
    code_styles = styles.code_run_styles
    current = last = None
    for el in body.iter(P, _RFONTS, _RSTYLE):
        if el.tag == P:
            current = el
        elif current is not last and (
                el.get(_VAL) in code_styles if el.tag == _RSTYLE
                else is_monospace(el.get(_ASCII) or el.get(_HANSI))):
            last = current
            yield current


def _spans(p: etree._Element, text: str, whole: bool, mono: bool, code_styles: frozenset[str],
           plain_styles: frozenset[str], fonts: bool, careful: bool
           ) -> tuple[tuple[int, int], ...]:
    """The code in one paragraph, as trimmed (start, end) offsets in `text`."""
    if whole:
        return _trimmed(text, [(0, len(text))])
    pieces = _careful_pieces(p) if careful else _fast_pieces(p)
    if "".join(piece for _, piece in pieces) != text:
        return ()  # read another way than the loader read it: leave it unmarked
    out: list[tuple[int, int]] = []
    pos = 0
    code_of: dict[etree._Element, bool] = {}
    for run, piece in pieces:
        end = pos + len(piece)
        if run is not None and end > pos:
            is_code = code_of.get(run)
            if is_code is None:
                is_code = code_of[run] = _run_is_code(run, mono, code_styles, plain_styles,
                                                      fonts)
            if is_code:
                if out and out[-1][1] == pos:
                    out[-1] = (out[-1][0], end)
                else:
                    out.append((pos, end))
        pos = end
    return _trimmed(text, out)


def _fast_pieces(p: etree._Element) -> list[tuple[etree._Element | None, str]]:
    """(run, text) of each piece of text, in the order `fast_text` and the one-pass
    scan read them: one C-level walk of the paragraph (a run precedes its text)."""
    out: list[tuple[etree._Element | None, str]] = []
    run = None
    for el in p.iter(_R, *_TEXT_TAGS):
        text = el.text
        if text is not None:
            out.append((run, text))
        elif el.tag == _R:
            run = el
        elif el.tag != TAB or el.getparent().tag != TABS:  # w:tabs/w:tab is a tab stop
            out.append((run, _piece(el)))
    return out


def _careful_pieces(p: etree._Element) -> list[tuple[etree._Element | None, str]]:
    return [((r.element if r.element.tag == _R else None), r.text) for r in run_texts(p)]


def _run_is_code(run: etree._Element, mono: bool, code_styles: frozenset[str],
                 plain_styles: frozenset[str], fonts: bool) -> bool:
    """Its character style marks code; else its own font, its style's, its paragraph's
    (fonts only if `fonts`)."""
    rpr = run[0] if len(run) and run[0].tag == _RPR else None  # the schema puts it first
    if rpr is None:
        return mono
    rstyle = rpr.find(_RSTYLE)
    sid = rstyle.get(_VAL) if rstyle is not None else None
    if sid is not None and sid in code_styles:
        return True
    if not fonts:
        return False
    own = rpr.find(_RFONTS)
    if own is not None:
        name = own.get(_ASCII) or own.get(_HANSI)
        if name:
            return is_monospace(name)
        if own.get(_THEMES[0]) or own.get(_THEMES[1]):
            return False  # a theme font: the body's or the headings'
    if sid is not None and sid in plain_styles:
        return False
    return mono


def _trimmed(text: str, spans: list[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
    out = []
    for a, b in spans:
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a:
            out.append((a, b))
    return tuple(out)
