"""Paragraph style -> heading level, resolved once per document.

A style is a heading when it (or a style it is based on) carries an outline
level, so localized ("Überschrift 1", "Titre 1") and custom heading styles work
without knowing their names. English built-in names are a last resort for
files whose heading styles lack the outline level.
"""

from __future__ import annotations

import re

from lxml import etree

from desktop_app.document.body import w

TITLE_LEVEL = 0  # the Title style sits above Heading 1
_HEADING_NAME = re.compile(r"^heading ([1-9])$")
_STYLE, _NAME, _BASED_ON, _PPR, _OUTLINE = w("style"), w("name"), w("basedOn"), w("pPr"), w(
    "outlineLvl"
)
_VAL, _TYPE, _STYLE_ID, _DEFAULT = w("val"), w("type"), w("styleId"), w("default")
_NO_LEVEL = -1


def outline_value(el: etree._Element | None) -> int | None:
    """`w:outlineLvl` as a heading level 1..9, `_NO_LEVEL` for body text (9)."""
    if el is None:
        return None
    try:
        val = int(el.get(_VAL, "9"))
    except ValueError:
        return None
    return val + 1 if 0 <= val <= 8 else _NO_LEVEL


class StyleLevels:
    """Maps a paragraph style id to its heading level (or None)."""

    def __init__(self, styles_root: etree._Element | None) -> None:
        self._levels: dict[str, int | None] = {}
        self.default_style: str | None = None
        raw: dict[str, tuple[int | None, str, str | None]] = {}
        if styles_root is not None:
            for style in styles_root.iterchildren(_STYLE):
                if style.get(_TYPE) != "paragraph":
                    continue
                sid = style.get(_STYLE_ID)
                if not sid:
                    continue
                name_el = style.find(_NAME)
                name = (name_el.get(_VAL, "") if name_el is not None else "").strip().lower()
                based_el = style.find(_BASED_ON)
                based = based_el.get(_VAL) if based_el is not None else None
                ppr = style.find(_PPR)
                own = outline_value(ppr.find(_OUTLINE)) if ppr is not None else None
                raw[sid] = (own, name, based)
                if style.get(_DEFAULT) in ("1", "true", "on"):
                    self.default_style = sid
        for sid in raw:
            self._levels[sid] = self._resolve(sid, raw, set())

    def _resolve(self, sid: str, raw: dict, seen: set[str]) -> int | None:
        if sid in self._levels:
            return self._levels[sid]
        if sid in seen or sid not in raw:
            return None  # unknown style or a basedOn cycle
        seen.add(sid)
        own, name, based = raw[sid]
        if own is not None:
            return None if own == _NO_LEVEL else own
        if name == "title" or sid == "Title":
            return TITLE_LEVEL
        match = _HEADING_NAME.match(name)
        if match:
            return int(match.group(1))
        return self._resolve(based, raw, seen) if based else None

    def level(self, style_id: str | None) -> int | None:
        if style_id is None:
            style_id = self.default_style
            if style_id is None:
                return None
        return self._levels.get(style_id)

    @property
    def has_headings(self) -> bool:
        return any(v is not None for v in self._levels.values())
