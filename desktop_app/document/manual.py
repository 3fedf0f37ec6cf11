"""Headings typed by hand inside long sections.

Many long documents style a few headings and type the rest: "CHAPTER 3",
"A.<tab>INITIAL REVIEW", "1.<tab>CONFLICTS OF INTEREST" in bold or capitals,
"一、", "Box 2", "Appendix C". Where a section is long (`is_long`), its short
lines that look and behave like headings become its subsections:

- look: numbered in a scheme (`numbering.py`) or wholly bold, short, not
  ending like a sentence, not starting in lower case;
- behave: followed by body text, with body text between siblings (lines of
  one scheme one after the other are a list, not headings);
- agree: bold or capitals, a keyword or CJK marker, or a scheme the styled
  headings of the same document use; plain numbered lines only when three or
  more of them count on in order, or when "3.1" follows the heading "3".

Levels come from the numbering: a scheme the styled headings use keeps their
level, and a scheme met for the first time goes one below the one in force
(as a reader infers "A." under "CHAPTER 3", "1." under "A."). Lines in the
scheme of the section's own heading are its siblings. All of it is one pass
over the long sections' paragraphs: linear, and nothing for short sections.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from itertools import accumulate, compress, count, repeat
from operator import attrgetter, is_not

from desktop_app.document.model import (
    Paragraph,
    ParagraphKind,
    SectionOrigin,
    all_code,
    count_words,
)
from desktop_app.document.numbering import may_be_keyword, parse_label, roman_value
from desktop_app.document.outline import HEADING_MAX_CHARS, HEADING_MAX_WORDS, Item
from desktop_app.document.styles import StyleLevels
from desktop_app.document.text import runs_bold

LONG_WORDS = 3000  # a section this long gets its typed headings found
LONG_SHARE = 0.30  # ... and so does one holding this share of the document's text
LONG_SHARE_MIN_WORDS = 1000  # (if it is at least this long)
KEYWORD_MAX_CHARS = 200  # "Article 4: Temporary special measures to accelerate ..."
KEYWORD_MAX_WORDS = 30
BODY_CHARS = 30  # a paragraph at least this long after a heading is its body
COVER_CHARS = 200  # less text than this between "CHAPTER 2" and "CHAPTER 2 – ...": a cover
_STOPS = ".;,:"  # a line ending so is a sentence, or introduces what follows
_SAMPLE_PARAGRAPHS = 40  # enough to tell English (~6 characters a word) from Chinese (~1)
_ROMAN_OF = {"upper.": "roman.", "upper)": "roman)", "lower.": "lroman.", "lower)": "lroman)",
             "(lower)": "(lroman)"}
_BOLD = "bold"  # the family of unnumbered bold lines
_CANDIDATE_SIZE = range(1, KEYWORD_MAX_CHARS + 1).__contains__
_HEADING_OF = attrgetter("heading")
# Bound once: looking an enum member up on its class is slow on Python 3.11.
_TEXT_BOX, _HEADING = ParagraphKind.TEXT_BOX, ParagraphKind.HEADING

Group = tuple[str, int]  # (family, depth)
# What a line's text alone says: (family, depth, key, ordinal, strong, sentence, bold rule).
_Look = tuple[str, int, str, int, bool, bool, int]
_AS_IS, _IF_BOLD, _BOLD_STRONG = 0, 1, 2  # bold: ignored / required / makes it strong
_UNSEEN = object()


class Formatting:
    """Bold as Word shows it: direct formatting over character and paragraph styles."""

    def __init__(self, styles: StyleLevels) -> None:
        self._paragraph = styles.bold_paragraph_styles
        self._runs = styles.bold_run_styles
        self._default = styles.default_style

    def bold(self, it: Item) -> bool:
        if it.element is None:
            return False
        style = it.style if it.style is not None else self._default
        return runs_bold(it.element, style in self._paragraph, self._runs)


@dataclass(slots=True)
class _Cand:
    index: int
    family: str
    depth: int
    key: str
    ordinal: int
    strong: bool  # bold, capitals, a keyword/CJK label, or a scheme styled headings use
    sentence: bool  # long or ending like a sentence: a heading only if its scheme agrees
    body: bool = False  # body text follows before the next candidate

    @property
    def group(self) -> Group:
        return (self.family, self.depth)

    @property
    def run_key(self) -> tuple[str, int, bool]:
        """Lines one after the other are one list or title only if they also look alike."""
        return (self.family, self.depth, self.strong)


def heading_like(it: Item, fmt: Formatting) -> SectionOrigin | None:
    """How a single line looks like a heading (numbered, or bold), if it does."""
    text = it.para.text.strip()
    look = _look(text, frozenset()) if text else None
    c = _candidate(it, 0, look, fmt) if look is not None else None
    if c is None or c.sentence:
        return None
    return SectionOrigin.BOLD if c.family == _BOLD else SectionOrigin.NUMBERED


@dataclass(frozen=True, slots=True)
class Scheme:
    """How the styled headings use one numbering scheme."""

    level: int  # their usual level
    capitals: bool  # most of them are in capitals: a sibling typed by hand must be too


def styled_schemes(items: list[Item], heads: list[int]) -> dict[Group, Scheme]:
    """The numbering schemes of the styled headings (`heads`: where headings are)."""
    votes: dict[Group, Counter] = defaultdict(Counter)
    caps: Counter = Counter()
    for i in heads:
        it = items[i]
        if not it.inferred:
            label = parse_label(it.para.text.strip())
            if label is not None:
                g = (label.family, label.depth)
                votes[g][it.heading] += 1
                caps[g] += 1 if _capitals(label.title) else 0
    return {g: Scheme(c.most_common(1)[0][0], caps[g] * 2 > c.total())
            for g, c in votes.items()}


def refine_long_sections(items: list[Item], texts: list[str], fmt: Formatting,
                         top_level: int) -> int:
    """Give long sections their typed headings; returns how many were found.

    `texts` are the items' texts, in order (collected once for every pass).
    """
    upto = list(accumulate(map(len, texts), initial=0))
    per_word = _chars_per_word(texts)
    styled: dict[Group, Scheme] | None = None
    looks: dict[str, _Look | None] = {}  # by text, for all long sections
    found = 0
    heads = list(compress(count(), map(is_not, map(_HEADING_OF, items), repeat(None))))
    for head, start, end in _segments(heads, len(items)):
        if head is not None and items[head].origin is SectionOrigin.CONTENTS:
            continue
        if not is_long(upto[end] - upto[start], upto[-1], per_word):
            continue
        if styled is None:
            styled = styled_schemes(items, heads)
        found += _refine(items, texts, head, start, end, fmt, styled, top_level, looks)
    return found


def is_long(chars: int, total_chars: int, chars_per_word: float) -> bool:
    """At least `LONG_WORDS` words, or a `LONG_SHARE` of the text and 1,000 words.

    Counted in characters: words are estimated at the document's own rate of
    characters per word, since counting every word of a long document would
    cost a third of the time it takes to open it.
    """
    words = chars / chars_per_word
    return words >= LONG_WORDS or (words >= LONG_SHARE_MIN_WORDS
                                   and chars > LONG_SHARE * total_chars)


def _chars_per_word(texts: list[str]) -> float:
    """Characters per word in a sample of paragraphs spread over the document."""
    sample = "\n".join(texts[::max(1, len(texts) // _SAMPLE_PARAGRAPHS)])
    words = count_words(sample)
    return max(1.0, len(sample) / words) if words else 6.0


def _segments(heads: list[int], count: int) -> list[tuple[int | None, int, int]]:
    """(heading index or None for text before any heading, first index after it, end)."""
    out: list[tuple[int | None, int, int]] = []
    first = heads[0] if heads else count
    if first > 0:
        out.append((None, 0, first))
    for k, s in enumerate(heads):
        out.append((s, s + 1, heads[k + 1] if k + 1 < len(heads) else count))
    return out


def _refine(items: list[Item], texts: list[str], head: int | None, start: int, end: int,
            fmt: Formatting, styled: dict[Group, Scheme], top_level: int,
            looks: dict[str, _Look | None]) -> int:
    own: Group | None = None
    own_key, own_caps = "", False
    if head is None or items[head].virtual:
        floor = top_level if head is None else items[head].heading or top_level
        level = None
    else:
        level = items[head].heading or 0
        floor = level + 1
        label = parse_label(items[head].para.text.strip())
        if label is not None:
            own, own_key = (label.family, label.depth), label.key
            own_caps = _capitals(label.title)
    plain = _plain_schemes(styled)
    cands = []
    # Most paragraphs end at the length test (in C): empty, or body text. Long
    # documents repeat lines ("Related Provisions:"): each text is read once.
    for j in compress(count(start), map(_CANDIDATE_SIZE, map(len, texts[start:end]))):
        text = texts[j]
        look = looks.get(text, _UNSEEN)
        if look is _UNSEEN:
            bare = text.strip()
            # A line ending like a sentence is a heading only as "Article 2: ... ."
            look = looks[text] = _look(bare, plain) if bare and (
                bare[-1] not in _STOPS or may_be_keyword(bare)) else None
        if look is not None:
            c = _candidate(items[j], j, look, fmt)
            if c is not None:
                cands.append(c)
    if not cands:
        return 0
    _resolve_roman(cands)
    cands = _prune_runs(items, texts, cands, end)
    accepted = _accept(cands, styled, own, own_key, own_agrees=not own_caps)
    if not accepted:
        return 0
    _assign_levels(items, accepted, styled, own, level, floor)
    return len(accepted)


def _look(text: str, plain: frozenset[Group]) -> _Look | None:
    """What a line's text says of it as a heading (`text`: stripped); `plain`: schemes
    whose styled headings are not in capitals. None: no heading, whatever its look."""
    stop = text[-1] in _STOPS
    label = parse_label(text)
    if label is None:
        if stop or len(text) > HEADING_MAX_CHARS or _starts_lower(text):
            return None
        if _words(text) > HEADING_MAX_WORDS:
            return None
        return (_BOLD, 1, "", 0, True, False, _IF_BOLD)
    if stop and not label.keyword:
        return None
    title = label.title.strip()
    if not title:  # "CHAPTER 3", "Article 5:"; but "1." alone is a list marker
        return ((label.family, label.depth, label.key, label.ordinal, True, False, _AS_IS)
                if label.keyword else None)
    if _starts_lower(title):
        return None
    words = _words(text)
    sentence = stop or len(text) > HEADING_MAX_CHARS or words > HEADING_MAX_WORDS
    if sentence and (not label.keyword or words > KEYWORD_MAX_WORDS):
        return None
    strong = label.keyword or _capitals(title) or (label.family, label.depth) in plain
    return (label.family, label.depth, label.key, label.ordinal, strong, sentence,
            _BOLD_STRONG if not strong and not sentence else _AS_IS)


def _candidate(it: Item, index: int, look: _Look, fmt: Formatting) -> _Cand | None:
    """The line as a candidate, once its formatting is known (bold only when it matters)."""
    para = it.para
    if it.contents or para.row >= 0 or para.kind is _TEXT_BOX or all_code(para):
        return None
    family, depth, key, ordinal, strong, sentence, bold = look
    if bold is _IF_BOLD:
        if not fmt.bold(it):
            return None
    elif bold is _BOLD_STRONG:
        strong = fmt.bold(it)
    return _Cand(index, family, depth, key, ordinal, strong, sentence)


def _words(text: str) -> int:
    if len(text) <= 2 * HEADING_MAX_WORDS:  # a word and a space at least: few enough
        return 0
    return len(text.split()) if text.isascii() else count_words(text)


def _starts_lower(text: str) -> bool:
    for ch in text:
        if ch.isalpha():
            return ch.islower()
        if ch.isdigit():
            return False
    return False


def _capitals(text: str) -> bool:
    """All cased letters are capitals ("A. PURPOSE"; not "A. X1")."""
    return text.isupper() and len(text) > 2


def _resolve_roman(cands: list[_Cand]) -> None:
    """"I." is the letter I after "H.", else a roman one where "II." and the like occur."""
    families = {c.family for c in cands}
    seen: dict[str, set[int]] = defaultdict(set)
    for c in cands:
        alt = _ROMAN_OF.get(c.family)
        if (alt in families and len(c.key) == 1 and c.key.lower() in "ivxlc"
                and c.ordinal - 1 not in seen[c.family]):
            c.family, c.ordinal = alt, roman_value(c.key)
        seen[c.family].add(c.ordinal)


def _prune_runs(items: list[Item], texts: list[str], cands: list[_Cand], end: int
                ) -> list[_Cand]:
    """Drop lists, cover pages and wrapped titles: lines of one scheme and look with no
    body text between them."""
    for k, c in enumerate(cands):
        nxt = cands[k + 1].index if k + 1 < len(cands) else end
        c.body = _has_body(items, texts, c.index + 1, nxt)
    keep = [c.strong or not _in_list(items, c) for c in cands]
    for k in range(len(cands) - 1):
        c, d = cands[k], cands[k + 1]
        if c.body and c.run_key == d.run_key and c.key == d.key and c.family != _BOLD and (
                _chars(items, c.index + 1, d.index) < COVER_CHARS):
            keep[k] = False  # "CHAPTER 2", its title on a cover page, then "CHAPTER 2 – ..."
    k = 0
    while k < len(cands):
        c = cands[k]
        if c.body:
            k += 1
            continue
        if k + 1 == len(cands):  # a last line with nothing under it closes no section
            keep[k] = False
            break
        j = k
        while j + 1 < len(cands) and not cands[j].body and cands[j + 1].run_key == c.run_key:
            j += 1
        if j == k:  # followed straight by a line of another scheme: a parent heading
            k += 1
            continue
        run = cands[k:j + 1]
        if c.family != _BOLD and all(b.ordinal == a.ordinal + 1
                                     for a, b in zip(run, run[1:], strict=False)):
            drop = range(k, j + 1)  # a list
        else:  # the line next to the body is the heading; those above are a cover page,
            drop = range(k, j)  # a title block or a title wrapped over several lines
        for x in drop:
            keep[x] = False
        k = j + 1
    return [c for c, kept in zip(cands, keep, strict=True) if kept]


def _in_list(items: list[Item], c: _Cand) -> bool:
    """The line before is the item before it in the same scheme ("a. ...;" then "b. ...")."""
    if c.family == _BOLD:
        return False
    for j in range(c.index - 1, max(-1, c.index - 3), -1):
        text = items[j].para.text.strip()
        if text:
            label = parse_label(text)
            return label is not None and (label.family, label.depth) == c.group and (
                label.ordinal == c.ordinal - 1)
    return False


def _chars(items: list[Item], start: int, end: int) -> int:
    return sum(len(items[j].para.text.strip()) for j in range(start, end))


def _has_body(items: list[Item], texts: list[str], start: int, end: int) -> bool:
    for j in range(start, end):
        text = texts[j]
        if not text:
            continue
        if len(text) >= BODY_CHARS and len(text.strip()) >= BODY_CHARS:
            return True
        para = items[j].para
        if (para.row >= 0 or para.kind is _TEXT_BOX) and text.strip():
            return True
    return False


def _accept(cands: list[_Cand], styled: dict[Group, Scheme], own: Group | None,
            own_key: str, *, own_agrees: bool) -> list[_Cand]:
    """The candidates that agree with their scheme. `own` is the section heading's;
    when that heading is in capitals, only capitals are its siblings."""
    groups: dict[Group, list[_Cand]] = defaultdict(list)
    for c in cands:
        groups[c.group].append(c)
    agreed = {g for g, members in groups.items() if _agrees(g, styled)
              or (g == own and own_agrees) or _counts_on([m for m in members if not m.strong])}
    accepted = []
    last_key: dict[Group, str] = {own: own_key} if own is not None and own_key else {}
    for c in cands:
        g = c.group
        if c.family == _BOLD:
            ok = len(groups[g]) >= 2
        elif c.sentence:
            ok = g in agreed or _counts_on(groups[g])
        elif c.strong or g in agreed:
            ok = True
        else:  # "3.1" right under the heading "3" (or "4.1" where "4" is numbered by Word)
            ok = c.family.startswith("decimal") and c.depth > 1 and _under(
                c.key, last_key.get((c.family, c.depth - 1)))
        if ok:
            accepted.append(c)
            last_key[g] = c.key
    return accepted


def _plain_schemes(styled: dict[Group, Scheme]) -> frozenset[Group]:
    return frozenset(g for g, scheme in styled.items() if not scheme.capitals)


def _agrees(g: Group, styled: dict[Group, Scheme]) -> bool:
    """Styled headings use this scheme, not in capitals (else only capitals are siblings)."""
    scheme = styled.get(g)
    return scheme is not None and not scheme.capitals


def _under(key: str, parent: str | None) -> bool:
    if parent is None:
        return False
    prefix = key.rsplit(".", 1)[0]
    if prefix == parent:
        return True
    head, _, last = parent.rpartition(".")
    return prefix == (f"{head}." if head else "") + str(int(last) + 1)


def _counts_on(members: list[_Cand]) -> bool:
    """Three or more lines whose numbers mostly go on by one (or start again at one)."""
    if len(members) < 3:
        return False
    steps = sum(1 for a, b in zip(members, members[1:], strict=False)
                if b.ordinal == a.ordinal + 1 or (b.ordinal == 1 and a.ordinal > 1))
    return steps >= 2 and steps >= 0.6 * (len(members) - 1)


def _assign_levels(items: list[Item], accepted: list[_Cand], styled: dict[Group, Scheme],
                   own: Group | None, level: int | None, floor: int) -> None:
    fixed: dict[Group, int] = {}
    stack: list[int] = []
    if own is not None and level is not None:
        fixed[own] = level
    if level is not None:
        stack.append(level)
    for c in accepted:
        g = c.group
        lvl = fixed.get(g)
        if lvl is None:
            known = styled[g].level if g in styled else None
            parent = fixed.get((c.family, c.depth - 1)) if c.depth > 1 else None
            if known is not None and known >= floor:
                lvl = known
            elif parent is not None:
                lvl = parent + 1
            else:
                lvl = stack[-1] + 1 if stack else floor
            lvl = fixed[g] = max(lvl, floor)
        while stack and stack[-1] >= lvl:
            stack.pop()
        stack.append(lvl)
        it = items[c.index]
        it.heading, it.inferred = lvl, True
        it.origin = SectionOrigin.BOLD if c.family == _BOLD else SectionOrigin.NUMBERED
        p = it.para
        it.para = Paragraph(p.anchor, p.text, _HEADING, lvl, p.row, p.cell)  # (_replace: slow)
