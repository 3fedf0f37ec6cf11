"""Paragraph style -> heading level, resolved once per document.

A style is a heading when it (or a style it is based on) carries an outline
level, so localized ("Überschrift 1", "Titre 1") and custom heading styles work
without knowing their names. English built-in names are a last resort for
files whose heading styles lack the outline level.

Besides the level, the same `basedOn` walk says which styles make their text
bold (evidence for a heading typed by hand), which are Word's table of
contents styles ("toc 1"…, "TOC Heading"), whose paragraphs are no content,
and which mark code: by name ("Preformatted Text", "Source Text") or by a
monospaced font, resolved down to the document defaults (see code_text.py).
`basedOn` chains are followed iteratively and at most `MAX_BASED_ON` deep: a
hostile file may chain thousands of styles, or loop.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from lxml import etree

from desktop_app.document.body import w
from desktop_app.document.code_text import (
    is_code_paragraph_style,
    is_code_run_style,
    is_monospace,
)

TITLE_LEVEL = 0  # the Title style sits above Heading 1
MAX_BASED_ON = 64  # deeper chains than any real template; past this, nothing is inherited
_HEADING_NAME = re.compile(r"^heading ([1-9])$")
_TOC_NAME = re.compile(r"^(toc [1-9]|toc heading|table of figures)$")
_STYLE, _NAME, _BASED_ON, _PPR, _OUTLINE = w("style"), w("name"), w("basedOn"), w("pPr"), w(
    "outlineLvl"
)
_RPR, _B, _RFONTS = w("rPr"), w("b"), w("rFonts")
_DOC_DEFAULTS, _RPR_DEFAULT = w("docDefaults"), w("rPrDefault")
_VAL, _TYPE, _STYLE_ID, _DEFAULT = w("val"), w("type"), w("styleId"), w("default")
_NO_LEVEL = -1
_ASCII, _HANSI, _ASCII_THEME, _HANSI_THEME = w("ascii"), w("hAnsi"), w("asciiTheme"), w(
    "hAnsiTheme")
_NO_STYLE = ""  # in `mono_paragraph_styles`: a paragraph without a style, without a default
_FALSE = ("0", "false", "off")
_UNSET = object()  # this style says nothing of its own: ask the one it is based on


def outline_value(el: etree._Element | None) -> int | None:
    """`w:outlineLvl` as a heading level 1..9, `_NO_LEVEL` for body text (9)."""
    if el is None:
        return None
    try:
        val = int(el.get(_VAL, "9"))
    except ValueError:
        return None
    return val + 1 if 0 <= val <= 8 else _NO_LEVEL


@dataclass(slots=True)
class _Raw:
    name: str
    based: str | None
    outline: int | None
    bold: bool | None
    font: str | None  # its own Latin font ("" for a theme font: never a code font)


class StyleLevels:
    """Maps a paragraph style id to its heading level (or None)."""

    def __init__(self, styles_root: etree._Element | None) -> None:
        self.default_style: str | None = None
        paragraph: dict[str, _Raw] = {}
        character: dict[str, _Raw] = {}
        default_font: str | None = None
        if styles_root is not None:
            default_font = _default_font(styles_root)
            for style in styles_root.iterchildren(_STYLE):
                kind = style.get(_TYPE)
                sid = style.get(_STYLE_ID)
                if not sid or kind not in ("paragraph", "character"):
                    continue
                if kind == "character":
                    character[sid] = _read_style(style)
                    continue
                paragraph[sid] = _read_style(style)  # a repeated id: the last one counts
                if style.get(_DEFAULT) in ("1", "true", "on"):
                    self.default_style = sid
        self._levels: dict[str, int | None] = resolve_chain(paragraph, _own_level)  # type: ignore[assignment]
        # Text of these styles is bold unless a run says otherwise.
        self.bold_paragraph_styles = _true_ones(resolve_chain(paragraph, _own_bold))
        self.bold_run_styles = _true_ones(resolve_chain(character, _own_bold))
        self.toc_styles = _true_ones(resolve_chain(paragraph, _own_toc))
        self.level_of_id = self._levels.get  # `level` without the default style, for hot loops
        # Code (see code_text.py): paragraph styles whose paragraphs are code by name, and
        # those whose text is monospaced unless a run says otherwise; character styles
        # that make a run code (by name or font), and those that set a proportional font.
        para_fonts = resolve_chain(paragraph, _own_font)
        run_fonts = resolve_chain(character, _own_font)
        self.code_paragraph_styles = frozenset(
            sid for sid, r in paragraph.items() if is_code_paragraph_style(r.name))
        # Quotations set apart by their style: Word's "Quote" and "Intense Quote",
        # LibreOffice's "Quotations", "Block Text" (see Paragraph.quote).
        self.quote_paragraph_styles = frozenset(
            sid for sid, r in paragraph.items() if _QUOTE_STYLE.fullmatch(r.name))
        self.mono_paragraph_styles = frozenset(
            sid for sid, f in para_fonts.items()
            if is_monospace(f if f is not None else default_font)) - self.code_paragraph_styles
        self.named_code_run_styles = frozenset(
            sid for sid, r in character.items() if is_code_run_style(r.name))
        self.code_run_styles = self.named_code_run_styles | frozenset(
            sid for sid in character if is_monospace(run_fonts.get(sid)))
        self.plain_run_styles = frozenset(
            sid for sid, f in run_fonts.items() if f is not None and not is_monospace(f)
        ) - self.code_run_styles
        if self.default_style is None and is_monospace(default_font):
            self.mono_paragraph_styles |= {_NO_STYLE}  # paragraphs without a style

    def level(self, style_id: str | None) -> int | None:
        if style_id is None:
            style_id = self.default_style
            if style_id is None:
                return None
        return self._levels.get(style_id)

    @property
    def has_headings(self) -> bool:
        return any(v is not None for v in self._levels.values())

    def heading_levels(self) -> set[int]:
        return {v for v in self._levels.values() if v is not None}


_QUOTE_STYLE = re.compile(r"(?:intense )?quote|quotations?|block ?(?:text|quote)|blockquote")


def _read_style(style: etree._Element) -> _Raw:
    name_el = style.find(_NAME)
    name = (name_el.get(_VAL, "") if name_el is not None else "").strip().lower()
    based_el = style.find(_BASED_ON)
    based = based_el.get(_VAL) if based_el is not None else None
    ppr = style.find(_PPR)
    outline = outline_value(ppr.find(_OUTLINE)) if ppr is not None else None
    rpr = style.find(_RPR)
    b = rpr.find(_B) if rpr is not None else None
    bold = None if b is None else b.get(_VAL, "1") not in _FALSE
    return _Raw(name, based, outline, bold, _font(rpr))


def _font(rpr: etree._Element | None) -> str | None:
    """The Latin font a `w:rPr` sets: "" for a theme font, None if it sets none."""
    fonts = rpr.find(_RFONTS) if rpr is not None else None
    if fonts is None:
        return None
    name = fonts.get(_ASCII) or fonts.get(_HANSI)
    if name:
        return name
    return "" if fonts.get(_ASCII_THEME) or fonts.get(_HANSI_THEME) else None


def _default_font(styles_root: etree._Element) -> str | None:
    defaults = styles_root.find(_DOC_DEFAULTS)
    rpr_default = defaults.find(_RPR_DEFAULT) if defaults is not None else None
    return _font(rpr_default.find(_RPR)) if rpr_default is not None else None


def _true_ones(values: dict[str, object]) -> frozenset[str]:
    return frozenset(sid for sid, v in values.items() if v is True)


def _own_level(sid: str, r: _Raw) -> object:
    if r.outline is not None:
        return None if r.outline == _NO_LEVEL else r.outline
    if r.name == "title" or sid == "Title":
        return TITLE_LEVEL
    match = _HEADING_NAME.match(r.name)
    if match:
        return int(match.group(1))
    return _UNSET


def _own_bold(sid: str, r: _Raw) -> object:
    return _UNSET if r.bold is None else r.bold


def _own_font(sid: str, r: _Raw) -> object:
    return _UNSET if r.font is None else r.font


def _own_toc(sid: str, r: _Raw) -> object:
    return True if _TOC_NAME.match(r.name) else _UNSET


def resolve_chain(raw: dict[str, _Raw], own: Callable[[str, _Raw], object]) -> dict[str, object]:
    """Each style's value: its own, else the nearest one up its `basedOn` chain, else None.

    Iterative, memoised, and capped at `MAX_BASED_ON` steps per style, so a
    chain of thousands of styles costs time in proportion and no stack, and a
    cycle ends where it closes.
    """
    out: dict[str, object] = {}
    for start in raw:
        if start in out:
            continue
        chain: list[str] = []
        seen: set[str] = set()
        sid: str | None = start
        value: object = None
        resolved = True  # the walk ended at a value, not at the depth cap
        while sid is not None:
            if sid in out:
                value = out[sid]
                break
            r = raw.get(sid)
            if r is None or sid in seen:  # unknown style, or a basedOn cycle
                break
            if len(chain) >= MAX_BASED_ON:
                resolved = False
                break
            seen.add(sid)
            chain.append(sid)
            mine = own(sid, r)
            if mine is not _UNSET:
                value = mine
                break
            sid = r.based
        if resolved:
            for member in chain:
                out[member] = value
        else:
            out[start] = None
    return out
