"""The numbering a heading line starts with: "2.3", "A.", "(a)", "IV.", "CHAPTER 3", "一、".

A reader tells the levels of a document's headings apart by their numbering
scheme as much as by their look: chapters, then "A.", then "1.", then "a.".
`parse_label` names the scheme (`family`), how deep a decimal goes, and the
item's place in its sequence, so that lines of one scheme can be compared.
"""

from __future__ import annotations

import re
from typing import NamedTuple

_ROMAN = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}
_CJK_DIGITS = {c: i for i, c in enumerate("〇一二三四五六七八九", 0)}
_CJK_UNITS = {"十": 10, "百": 100}

# A label must be followed by white space (or end the line): "1.5 mm" is a
# label, "1.5mm" is not, and neither is a date ("12.04.2006"). One pattern per
# kind of first character, so that a line is matched against one at most.
_GAP = r"(?:[ \t\u00a0\u3000]+|$)"
_DECIMAL = re.compile(r"(\d{1,3}(?:\.\d{1,3}){0,5})(\.|\)|:|[ \t]*[-–—](?=[ \t]))?" + _GAP)
_PAREN = re.compile(r"\((\d{1,3}|[A-Za-z]|[ivxlc]{2,7})\)" + _GAP)
_UPPER = re.compile(r"([A-Z]|[IVXLC]{2,7})([.)])" + _GAP)
_LOWER = re.compile(r"([a-z]|[ivxlc]{2,7})([.)])" + _GAP)
# Words that number a heading: "CHAPTER 3", "Article 5", "Appendix C", "Box 2",
# and their usual equivalents in the languages of the corpus.
_KEYWORD_WORDS = (
    "chapter", "part", "section", "article", "appendix", "annex", "schedule", "exhibit",
    "attachment", "box", "kapitel", "teil", "abschnitt", "anhang", "artikel", "chapitre",
    "partie", "annexe", "capítulo", "capitulo", "artículo", "articulo", "anexo", "parte",
    "sección", "seccion", "глава", "раздел", "статья", "приложение", "часть",
    "الفصل", "الباب", "المادة", "المرفق", "الجزء",
)
_KEYWORDS = "(?P<kw>" + "|".join(_KEYWORD_WORDS) + ")"
# First letters of the keywords, either case: most lines fail this one set lookup
# before any pattern is tried.
_KEYWORD_FIRST = frozenset("".join(k[0] + k[0].upper() for k in _KEYWORD_WORDS))
_KEYWORD = re.compile(
    _KEYWORDS + r"[ \t\u00a0]+(?P<num>[0-9٠-٩]{1,3}(?:\.[0-9]{1,3}){0,3}|[IVXLC]{1,7}|[A-Z])"
    r"(?=$|[\s.:–—-])[\s.:–—-]*", re.IGNORECASE)
_PARAGRAPH_NUMBER = re.compile(r"\d{1,4}[ \t]*[-–.)]?[ \t]*")  # "172 - Article 2: ..."
_CJK = re.compile(
    r"(?:第(?P<nth>[〇一二三四五六七八九十百0-9０-９]{1,4})(?P<unit>[章节節条條部篇款])"
    r"|(?P<cjk>[一二三四五六七八九十]{1,3})、"
    r"|[（(](?P<pcjk>[一二三四五六七八九十]{1,3})[）)]"
    r"|(?P<wide>[0-9０-９]{1,2})、)"
    r"[ \t\u3000]*"
)


class Label(NamedTuple):
    """A heading's numbering: `family` is the scheme, `ordinal` its place in it."""

    family: str  # e.g. "decimal", "upper.", "(lower)", "kw:chapter", "cjk、"
    depth: int  # 2 for "1.2"; 1 otherwise
    ordinal: int  # 2 for "B.", "II.", "1.2", "Chapter 2"; 0 when unknown
    key: str  # the label itself, normalised: equal keys are the same number
    title: str  # the text after the label

    @property
    def keyword(self) -> bool:
        """Numbered by a word ("Chapter 3") or a CJK marker: a heading by its form alone."""
        return self.family.startswith(("kw:", "cjk"))


def may_be_keyword(text: str) -> bool:
    """Whether `text` may start with a keyword label: a quick test before `parse_label`."""
    if text[:1].isdigit():
        m = _PARAGRAPH_NUMBER.match(text)
        text = text[m.end():] if m else text
    return text[:1] in _KEYWORD_FIRST and text[:12].lower().startswith(_KEYWORD_WORDS)


def parse_label(text: str) -> Label | None:
    """The numbering `text` starts with, or None. `text` is already stripped."""
    first = text[:1]
    if not first:
        return None
    if first.isdigit():
        label = _decimal(text)
        if label is not None and label.title[:1].isalpha():
            # A numbered paragraph that opens with "Article 2: ..." is that article.
            return _keyword(label.title) or label
        return label
    if first == "(":
        return _paren(text)
    if first.isascii():
        # A letter label is one letter and "." or ")", or a roman numeral: tell
        # most lines ("The ...", "RESULTS") apart before trying a pattern.
        letter = text[1:2] in _MARK_END or first in _ROMAN_FIRST
        if first.isupper():
            return _keyword(text) or (_letter(_UPPER, text, "upper", "roman") if letter
                                      else None)
        if first.islower():
            return _keyword(text) or (_letter(_LOWER, text, "lower", "lroman") if letter
                                      else None)
        return None
    if first in _CJK_FIRST:
        return _cjk(text)
    return _keyword(text)


_CJK_FIRST = frozenset("第一二三四五六七八九十（０１２３４５６７８９")
_MARK_END = frozenset(".)")
_ROMAN_FIRST = frozenset("IVXLCivxlc")


def _decimal(text: str) -> Label | None:
    m = _DECIMAL.match(text)
    if m is None:
        return None
    number, sep = m.group(1), m.group(2) or ""
    family = ("decimal)" if sep == ")" else "decimal-" if sep and sep.strip() in "-–—"
              else "decimal")
    parts = number.split(".")
    return Label(family, len(parts), int(parts[-1]), number, text[m.end():])


def _paren(text: str) -> Label | None:
    m = _PAREN.match(text)
    if m is None:
        return None
    inner, title = m.group(1), text[m.end():]
    if inner.isdigit():
        return Label("(decimal)", 1, int(inner), inner, title)
    if len(inner) > 1:
        return Label("(lroman)", 1, roman_value(inner), inner, title)
    if inner.isupper():
        return Label("(upper)", 1, ord(inner) - 64, inner, title)
    return Label("(lower)", 1, ord(inner) - 96, inner, title)


def _letter(pattern: re.Pattern, text: str, letters: str, roman: str) -> Label | None:
    m = pattern.match(text)
    if m is None:
        return None
    mark, sep, title = m.group(1), m.group(2), text[m.end():]
    if len(mark) > 1:
        return Label(roman + sep, 1, roman_value(mark), mark, title)
    return Label(letters + sep, 1, ord(mark.lower()) - 96, mark, title)


def _keyword(text: str) -> Label | None:
    if text[:1] not in _KEYWORD_FIRST:
        return None
    m = _KEYWORD.match(text)
    if m is None:
        return None
    num = m.group("num").translate(_ARABIC_INDIC)
    if num.isdigit() or "." in num:
        parts = num.split(".")
        depth, ordinal = len(parts), int(parts[-1])
    elif num.isupper() and len(num) > 1 or num in "IVX" and len(num) == 1:
        depth, ordinal = 1, roman_value(num)
    else:
        depth, ordinal = 1, ord(num.upper()) - 64
    return Label("kw:" + m.group("kw").lower(), depth, ordinal, num.upper(), text[m.end():])


_ARABIC_INDIC = str.maketrans("٠١٢٣٤٥٦٧٨٩", "0123456789")


def _cjk(text: str) -> Label | None:
    m = _CJK.match(text)
    if m is None:
        return None
    title = text[m.end():]
    if m.group("nth"):
        num = m.group("nth")
        return Label("cjk第" + m.group("unit"), 1, cjk_value(num), num, title)
    if m.group("cjk"):
        return Label("cjk、", 1, cjk_value(m.group("cjk")), m.group("cjk"), title)
    if m.group("pcjk"):
        return Label("cjk（）", 1, cjk_value(m.group("pcjk")), m.group("pcjk"), title)
    wide = m.group("wide").translate(_WIDE_DIGITS)
    return Label("cjk1、", 1, int(wide), wide, title)


_WIDE_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")


def roman_value(numeral: str) -> int:
    """"XIV" -> 14; not validated beyond the letters (a heading is not a proof)."""
    total, prev = 0, 0
    for ch in reversed(numeral.lower()):
        value = _ROMAN.get(ch, 0)
        total = total - value if value < prev else total + value
        prev = max(prev, value)
    return total


def cjk_value(numeral: str) -> int:
    """"十二" -> 12, "3" -> 3."""
    numeral = numeral.translate(_WIDE_DIGITS)
    if numeral.isdigit():
        return int(numeral)
    total, current = 0, 0
    for ch in numeral:
        if ch in _CJK_UNITS:
            total += (current or 1) * _CJK_UNITS[ch]
            current = 0
        else:
            current = _CJK_DIGITS.get(ch, 0)
    return total + current
